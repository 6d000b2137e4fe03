"""Fits member ideal points and vote cut-points to recorded votes, by maximum a posteriori.

The model is the game's own (game.sim.votes): a member's support for a text is its ideal point
plus what the text, the lobbying and the co-sponsors add (the vote's *offset*, read from a
historical playthrough), pulled toward its blocs' mean; an ordered logit with unit noise turns
support into No / Abstain / Yes.

Data: every history record marked `calibrate: true` that has a tally. Named ballots give a
categorical likelihood per state; the rest of the tally (those not named) gives a multinomial
likelihood on the chamber's average probabilities. Scripted votes (a veto, China's procedural
No) are left out: they are not the model's.

Priors: ideal point = regional-group effect + sum of bloc effects + gamma * the expert prior in
the member data + the state's own deviation (normal, sd `tau`), so states with no recorded vote
sit where their groups, blocs and the judgement put them.
The draft Yes cut-point is pinned at 0 (support > 0 means the text is within the state's reach),
which fixes the scale's origin. Gradients are analytic; the optimiser is Adam.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from game.analysis.policies import POLICIES
from game.sim.rules import apply, new_game
from game.sim.scenario import Scenario
from game.sim.votes import MOTION_KINDS, arrays

EXTRACTION_IDEAL = 10.0  # every text passes, so the historical path is followed to the end
FITTED_KINDS = ("draft", "amendment", "procedural")
# Where the cut-points start and what their (weak) priors centre on: fixed values, so that the
# fit depends only on the data and these settings, never on what a previous fit wrote.
CUT_PRIOR = {"draft": (-3.0, 0.0), "amendment": (-2.0, 2.0), "procedural": (-1.5, 2.5)}
WEIGHT_PRIOR = 1.5


@dataclass(frozen=True)
class Design:
    """One recorded vote as the model sees it."""

    vote_id: str
    body: str
    kind: str
    seated: np.ndarray  # (seat,) member indices
    offset: np.ndarray  # (member,) support minus the ideal point, before bloc cues
    deletes: tuple[str, ...]
    forced: frozenset[int]  # member indices whose vote a script imposed
    named: dict[str, tuple[int, ...]]  # ballot ("yes"/"no"/"abstain") -> member indices
    counts: dict[str, int]  # the full tally
    title: str


def _record_id(scenario: Scenario, date: str, body: str, kind: str) -> str:
    return f"{date}-{body}-{kind}"


def extract(scenario: Scenario, seed: int = 0) -> dict[str, object]:
    """Play the historical plan with every text certain to pass; return each vote's record."""
    certain = replace(
        scenario, members=tuple(replace(m, ideal=EXTRACTION_IDEAL) for m in scenario.members)
    )
    policy = POLICIES["historical"](seed)
    state = new_game(certain, seed)
    while not state.over:
        state, _ = apply(certain, state, policy(certain, state), strict=True)
    return {v.vote_id: v for v in state.votes}


def designs(scenario: Scenario, seed: int = 0) -> list[Design]:
    """The calibration votes of the scenario's history, with their offsets."""
    played = extract(scenario, seed)
    out = []
    for step in scenario.history:
        for rec in step.record:
            if not rec.calibrate or rec.yes is None:
                continue
            vid = _record_id(scenario, step.date, rec.body, rec.kind)
            vote = played.get(vid)
            if vote is None or vote.why is None:
                raise ValueError(
                    f"the historical plan never holds vote {vid}: check the scenario's history"
                )
            w = vote.why
            offset = w.support.raw - EXTRACTION_IDEAL
            seated = np.asarray(w.seated)
            forced = frozenset(int(seated[seat]) for seat, _ in vote.forced)
            index = scenario.member_index
            named = {k: tuple(index[m] for m in ids) for k, ids in rec.named}
            counts = {"yes": rec.yes, "no": rec.no, "abstain": rec.abstain}
            out.append(
                Design(
                    vid,
                    rec.body,
                    rec.kind,
                    seated,
                    offset,
                    tuple(w.deletes),
                    forced,
                    named,
                    counts,
                    rec.title,
                )
            )
    return out


@dataclass
class Layout:
    """Where each parameter sits in the flat vector."""

    n: int
    groups: tuple[str, ...]
    blocs: tuple[str, ...]
    cuts: tuple[tuple[str, int], ...]  # (kind, 0=lo / 1=hi) free cut-points, in order

    @property
    def size(self) -> int:
        return self.n + len(self.groups) + len(self.blocs) + len(self.cuts) + 2

    def split(self, p: np.ndarray):
        """Views into p: deviations, group effects, bloc effects, cut-points, gamma (slope on the
        expert prior, a 1-element view), and the amendment clause weight (a scalar)."""
        n, ng, nb = self.n, len(self.groups), len(self.blocs)
        d = p[:n]
        g = p[n : n + ng]
        b = p[n + ng : n + ng + nb]
        c = p[n + ng + nb : n + ng + nb + len(self.cuts)]
        return d, g, b, c, p[-2:-1], p[-1]


class Model:
    """The log-posterior and its gradient for one scenario's calibration votes."""

    def __init__(
        self,
        scenario: Scenario,
        data: list[Design],
        tau: float = 1.0,
        gamma_sd: float = 0.25,
        cut_sd: float = 1.0,
    ) -> None:
        self.scenario = scenario
        self.data = data
        self.tau = tau
        # The expert prior is on the game's scale (one unit of support = one unit of prior):
        # a tight prior on its slope keeps the fit from stretching ideal points until every
        # vote is certain, which would make lobbying and drafting choices meaningless.
        self.gamma_sd = gamma_sd
        self.cut_sd = cut_sd
        arr = arrays(scenario)
        n = len(scenario.members)
        groups = tuple(g.id for g in scenario.groups)
        blocs = tuple(b.id for b in scenario.blocs)
        self.prior = np.array(
            [m.prior if m.prior is not None else m.ideal for m in scenario.members]
        )  # (member,)
        self.G = np.zeros((n, len(groups)))  # (member, group) one-hot
        self.B = np.zeros((n, len(blocs)))  # (member, bloc) membership
        for i, m in enumerate(scenario.members):
            self.G[i, groups.index(m.group)] = 1.0
            for bloc in m.blocs:
                self.B[i, blocs.index(bloc)] = 1.0
        # Bloc cohesion is linear: pulled = A @ raw.
        self.A = (
            np.diag(1.0 - arr.cohesion_pull) + arr.cohesion.T @ arr.cohesion_avg
        )  # (member, member)
        cuts = [(k, j) for k in FITTED_KINDS for j in (0, 1) if (k, j) != ("draft", 1)]
        self.layout = Layout(n, groups, blocs, tuple(cuts))
        self.defaults = dict(CUT_PRIOR)
        self.kinds_used = {d.kind for d in data}
        self.extra = {}
        for d in data:
            if d.deletes:
                idx = [scenario.clause_index[c] for c in d.deletes]
                self.extra[d.vote_id] = (
                    0.5 * float(arr.strength[idx].sum()),
                    arr.reactions[idx].sum(axis=0),
                )

    def start(self) -> np.ndarray:
        p = np.zeros(self.layout.size)
        d, g, b, c, gamma, _ = self.layout.split(p)
        gamma[0] = 1.0
        for k, (kind, j) in enumerate(self.layout.cuts):
            c[k] = self.defaults[kind][j]
        p[-1] = WEIGHT_PRIOR
        return p

    def cutpoints(self, c: np.ndarray) -> dict[str, list[float]]:
        out = {k: list(self.defaults[k]) for k in FITTED_KINDS}
        out["draft"][1] = 0.0  # pinned: the origin of the scale
        for k, (kind, j) in enumerate(self.layout.cuts):
            out[kind][j] = float(c[k])
        return out

    def theta(self, p: np.ndarray) -> np.ndarray:
        d, g, b, _, gamma, _ = self.layout.split(p)
        return self.G @ g + self.B @ b + gamma[0] * self.prior + d

    def value_and_grad(self, p: np.ndarray) -> tuple[float, np.ndarray]:
        lay = self.layout
        d, g, b, c, gamma, w = lay.split(p)
        theta = self.G @ g + self.B @ b + gamma[0] * self.prior + d
        cuts = self.cutpoints(c)
        grad_theta = np.zeros(lay.n)
        grad_cut = {k: [0.0, 0.0] for k in FITTED_KINDS}
        grad_w = 0.0
        total = 0.0
        for v in self.data:
            x = self.A @ (theta + v.offset)
            extra = self.extra.get(v.vote_id)
            if extra is not None:
                half, reactions = extra
                x = x + half + (w - 1.0) * reactions
            lo, hi = cuts[v.kind]
            zl, zh = lo - x, hi - x
            fl, fh = _sig(zl), _sig(zh)
            dl, dh = fl * (1 - fl), fh * (1 - fh)
            # Probabilities of the low, middle and high categories and their derivatives.
            probs = {"low": fl, "mid": fh - fl, "high": 1.0 - fh}
            dx = {"low": -dl, "mid": dl - dh, "high": dh}
            dlo = {"low": dl, "mid": -dl, "high": np.zeros_like(dl)}
            dhi = {"low": np.zeros_like(dh), "mid": dh, "high": -dh}
            motion = v.kind in MOTION_KINDS
            cat = {
                "yes": "low" if motion else "high",
                "no": "high" if motion else "low",
                "abstain": "mid",
            }
            g_x = np.zeros(lay.n)
            named_all = set()
            for ballot, members in v.named.items():
                idx = [i for i in members if i not in v.forced]
                named_all.update(members)
                if not idx:
                    continue
                k = cat[ballot]
                pk = np.maximum(probs[k][idx], 1e-12)
                total += float(np.log(pk).sum())
                g_x[idx] += dx[k][idx] / pk
                grad_cut[v.kind][0] += float((dlo[k][idx] / pk).sum())
                grad_cut[v.kind][1] += float((dhi[k][idx] / pk).sum())
            rest = [int(i) for i in v.seated if int(i) not in named_all and int(i) not in v.forced]
            remaining = {b: v.counts[b] - len(v.named.get(b, ())) for b in ("yes", "no", "abstain")}
            if rest and sum(remaining.values()) > 0:
                m = len(rest)
                for ballot, count in remaining.items():
                    if count <= 0:
                        continue
                    k = cat[ballot]
                    mean = max(float(probs[k][rest].mean()), 1e-12)
                    total += count * np.log(mean)
                    scale = count / (mean * m)
                    g_x[rest] += scale * dx[k][rest]
                    grad_cut[v.kind][0] += scale * float(dlo[k][rest].sum())
                    grad_cut[v.kind][1] += scale * float(dhi[k][rest].sum())
            grad_theta += self.A.T @ g_x
            if extra is not None:
                grad_w += float(g_x @ extra[1])
        # Priors.
        total -= float((d**2).sum()) / (2 * self.tau**2)
        total -= float((g**2).sum()) / (2 * 3.0**2) + float((b**2).sum()) / (2 * 2.0**2)
        total -= (w - WEIGHT_PRIOR) ** 2 / 2
        total -= (gamma[0] - 1.0) ** 2 / (2 * self.gamma_sd**2)
        grad = np.zeros_like(p)
        gd, gg, gb, gc, ggamma, _ = lay.split(grad)
        ggamma[0] = float(self.prior @ grad_theta) - (gamma[0] - 1.0) / self.gamma_sd**2
        gd[:] = grad_theta - d / self.tau**2
        gg[:] = self.G.T @ grad_theta - g / 3.0**2
        gb[:] = self.B.T @ grad_theta - b / 2.0**2
        for k, (kind, j) in enumerate(lay.cuts):
            default = self.defaults[kind][j]
            total -= (c[k] - default) ** 2 / (2 * self.cut_sd**2)
            gc[k] = grad_cut[kind][j] - (c[k] - default) / self.cut_sd**2
        grad[-1] = grad_w - (w - WEIGHT_PRIOR)
        return total, grad


def _sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))


@dataclass(frozen=True)
class FitResult:
    ideal: dict[str, float]
    cutpoints: dict[str, list[float]]
    amendment_clause_weight: float
    prior_slope: float
    log_posterior: float
    iterations: int


def fit(
    scenario: Scenario,
    iterations: int = 4000,
    rate: float = 0.03,
    tau: float = 1.0,
    gamma_sd: float = 0.25,
    cut_sd: float = 1.0,
    seed: int = 0,
) -> FitResult:
    """Maximum a posteriori by Adam; deterministic (no random draws)."""
    model = Model(scenario, designs(scenario, seed), tau, gamma_sd, cut_sd)
    p = model.start()
    m1 = np.zeros_like(p)
    m2 = np.zeros_like(p)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    value = -np.inf
    for t in range(1, iterations + 1):
        value, grad = model.value_and_grad(p)
        m1 = beta1 * m1 + (1 - beta1) * grad
        m2 = beta2 * m2 + (1 - beta2) * grad**2
        step = (
            rate * 0.5 * (1 + np.cos(np.pi * t / iterations))
        )  # cosine decay: settle at the optimum
        p = p + step * (m1 / (1 - beta1**t)) / (np.sqrt(m2 / (1 - beta2**t)) + eps)  # ascent
        c = model.layout.split(p)[3]
        p[-1] = max(1.0, p[-1])  # an isolated clause never weighs less than inside the text
        for k, (kind, j) in enumerate(model.layout.cuts):  # keep lo <= hi
            cuts = model.cutpoints(c)
            if cuts[kind][0] > cuts[kind][1]:
                c[k] = cuts[kind][1 - j]
    value, _ = model.value_and_grad(p)
    theta = model.theta(p)
    _, _, _, c, gamma, w = model.layout.split(p)
    return FitResult(
        ideal={m.id: float(theta[i]) for i, m in enumerate(scenario.members)},
        cutpoints=model.cutpoints(c),
        amendment_clause_weight=float(w),
        prior_slope=float(gamma[0]),
        log_posterior=float(value),
        iterations=iterations,
    )
