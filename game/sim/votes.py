"""The vote model: an ordered logit over all member states at once, and why each votes as it does.

Each state's support for a text is

    x = ideal - sum(clause strength) + sum(clause reactions) + shifts + co-sponsor cues,

then pulled towards its blocs' mean (bloc cohesion). A logistic shock with scale `noise` is
added and two cut-points per vote kind turn it into No | Abstain | Yes. Motions against a
text (a no-action motion, an amendment deleting clauses) are voted on the same axis, reversed:
states that want the text as it is vote No on them. An amendment is judged at the midpoint
between the text with and without the deleted clauses (half their strength back), and the
reactions to the clauses it deletes weigh `amendment_clause_weight` times as much, because
that vote isolates them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.scenario import Scenario

YES, NO, ABSTAIN, ABSENT = 0, 1, 2, 3
BALLOT_CHARS = np.array([ord("Y"), ord("N"), ord("A"), ord("-")], dtype=np.uint8)
VOTE_CODES = {"yes": YES, "no": NO, "abstain": ABSTAIN}
MOTION_KINDS = ("amendment", "no_action")


@dataclass(frozen=True)
class ModelArrays:
    """Per-scenario numpy arrays; axis names in comments."""

    theta: np.ndarray  # (member,) ideal points
    absence: np.ndarray  # (member,) base probability of not voting
    affinity: np.ndarray  # (member, actor) in actor_ids order
    actor_ids: tuple[str, ...]
    strength: np.ndarray  # (clause,)
    reactions: np.ndarray  # (clause, member)
    cohesion: np.ndarray  # (bloc, member): the bloc's pull on each of its members
    cohesion_pull: np.ndarray  # (member,) the total pull on each member
    cohesion_avg: np.ndarray  # (bloc, member): 1/size for the bloc's members, to average over it
    reaction_terms: tuple[
        tuple[tuple[str, str, np.ndarray], ...], ...
    ]  # per clause: one term per reaction
    cohesion_blocs: tuple[str, ...]


def arrays(scenario: Scenario) -> ModelArrays:
    """The scenario's model arrays, built once and cached on the scenario."""
    cached = scenario.cache.get("model")
    if cached is None:
        cached = _build(scenario)
        scenario.cache["model"] = cached
    return cached


def selector_indices(scenario: Scenario, selector, target: str | None = None) -> np.ndarray:
    """Sorted unique member indices a selector names (without the `sitting` filter); cached."""
    key = ("selector", selector, target if selector.chosen else None)
    cached = scenario.cache.get(key)
    if cached is None:
        cached = _selector_indices(scenario, selector, target)
        cached.setflags(write=False)
        scenario.cache[key] = cached
    return cached


def _selector_indices(scenario: Scenario, selector, target: str | None) -> np.ndarray:
    if selector.everyone:
        return np.arange(len(scenario.members), dtype=np.intp)
    picked: set[int] = set()
    for mid in selector.members:
        picked.add(scenario.member_index[mid])
    for gid in selector.groups:
        picked.update(_group_members(scenario, gid))
    for bid in selector.blocs:
        picked.update(_bloc_members(scenario, bid))
    if selector.chosen and target:
        kind, _, ref = target.partition(":")
        if kind == "member":
            picked.add(scenario.member_index[ref])
        elif kind == "group":
            picked.update(_group_members(scenario, ref))
        elif kind == "bloc":
            picked.update(_bloc_members(scenario, ref))
    return np.array(sorted(picked), dtype=np.intp)


def _group_members(scenario: Scenario, gid: str) -> tuple[int, ...]:
    key = ("group", gid)
    if key not in scenario.cache:
        scenario.cache[key] = tuple(i for i, m in enumerate(scenario.members) if m.group == gid)
    return scenario.cache[key]


def _bloc_members(scenario: Scenario, bid: str) -> tuple[int, ...]:
    key = ("bloc", bid)
    if key not in scenario.cache:
        scenario.cache[key] = tuple(i for i, m in enumerate(scenario.members) if bid in m.blocs)
    return scenario.cache[key]


def _build(scenario: Scenario) -> ModelArrays:
    n = len(scenario.members)
    actor_ids = sorted(
        {a.id for a in scenario.actors} | {k for m in scenario.members for k, _ in m.affinity}
    )
    affinity = np.zeros((n, len(actor_ids)))
    col = {a: j for j, a in enumerate(actor_ids)}
    for i, m in enumerate(scenario.members):
        for k, v in m.affinity:
            affinity[i, col[k]] = v
    nc = len(scenario.clauses)
    reactions = np.zeros((nc, n))  # (clause, member)
    reaction_terms = []
    for c_i, clause in enumerate(scenario.clauses):
        own_terms = []
        for r in clause.reactions:
            idx = selector_indices(scenario, r.selector)
            reactions[c_i, idx] += r.amount
            vec = np.zeros(n)
            vec[idx] = r.amount
            vec.setflags(write=False)
            if r.reason:
                own_terms.append((r.reason, r.reason, vec))
            else:
                own_terms.append(
                    (f"welcomes the {clause.short}", f"opposes the {clause.short}", vec)
                )
        reaction_terms.append(tuple(own_terms))
    vm = scenario.vote_model
    blocs = tuple(b for b, w in vm.bloc_cohesion if w > 0)
    cohesion = np.zeros((len(blocs), n))
    for b_i, (bid, w) in enumerate((b, w) for b, w in vm.bloc_cohesion if w > 0):
        idx = list(_bloc_members(scenario, bid))
        cohesion[b_i, idx] = w
    pull = cohesion.sum(axis=0)
    out = ModelArrays(
        theta=np.array([m.ideal for m in scenario.members]),
        absence=np.array([m.absence for m in scenario.members]),
        affinity=affinity,
        actor_ids=tuple(actor_ids),
        strength=np.array([c.strength for c in scenario.clauses]),
        reactions=reactions,
        cohesion=cohesion,
        cohesion_pull=pull,
        cohesion_avg=(cohesion > 0) / np.maximum((cohesion > 0).sum(axis=1, keepdims=True), 1),
        reaction_terms=tuple(reaction_terms),
        cohesion_blocs=blocs,
    )
    for a in (out.theta, out.absence, out.affinity, out.strength, out.reactions, out.cohesion):
        a.setflags(write=False)
    return out


@dataclass(frozen=True)
class _Text:
    """What a clause set and its co-sponsors contribute, the same in every vote on them."""

    strength: float
    base: np.ndarray  # (member,) ideal - strength + reactions + co-sponsor cues
    terms: tuple[tuple[str, str, np.ndarray | float], ...]


def _text(scenario: Scenario, clauses: tuple[str, ...], cosponsors: tuple[str, ...]) -> _Text:
    key = ("text", clauses, cosponsors)
    cached = scenario.cache.get(key)
    if cached is not None:
        return cached
    arr = arrays(scenario)
    vm = scenario.vote_model
    cidx = [scenario.clause_index[c] for c in clauses]
    strength = float(arr.strength[cidx].sum()) if cidx else 0.0
    base = arr.theta - strength
    terms: list[tuple[str, str, np.ndarray | float]] = [
        (vm.stance_for, vm.stance_against, arr.theta - vm.stance_center),
        ("finds the text measured", "finds the text too strong", vm.stance_center - strength),
    ]
    for c_i in cidx:
        base = base + arr.reactions[c_i]
        terms.extend(arr.reaction_terms[c_i])
    for actor in cosponsors:
        if actor in arr.actor_ids:
            vec = vm.cosponsor_weight * arr.affinity[:, arr.actor_ids.index(actor)]
            base = base + vec
            name = scenario.actor_name(actor)
            terms.append(
                (f"follows {name}'s co-sponsorship", f"distrusts {name}'s co-sponsorship", vec)
            )
    text = _Text(strength, base, tuple(terms))
    if (
        len(scenario.cache) < 20_000
    ):  # bounded: clause sets are few, but a stranger's policy could vary them
        scenario.cache[key] = text
    return text


@dataclass(frozen=True)
class Support:
    """Support for one text over all members; the terms it is made of are computed on request."""

    x: np.ndarray  # (member,) support after bloc cues
    raw: np.ndarray  # (member,) before bloc cues
    text: _Text
    shifts: tuple = ()  # the active ShiftRecords behind the shift part of `raw`

    def terms(self, scenario: Scenario) -> tuple[tuple[str, str, np.ndarray | float], ...]:
        """(text if +, text if -, (member,) vector or scalar) for every named part of the support."""
        arr = arrays(scenario)
        by_reason: dict[str, np.ndarray] = {}
        for record in self.shifts:
            members, amounts = record.arrays
            vec = by_reason.get(record.reason)
            if vec is None:
                vec = by_reason[record.reason] = np.zeros(len(scenario.members))
            vec[members] += amounts
        terms = self.text.terms + tuple((label, label, vec) for label, vec in by_reason.items())
        if arr.cohesion_blocs:
            means = arr.cohesion_avg @ self.raw
            for b_i, bloc in enumerate(arr.cohesion_blocs):
                line = f"follows the {scenario.bloc(bloc).name} line"
                terms += ((line, line, arr.cohesion[b_i] * (means[b_i] - self.raw)),)
        return terms


@dataclass(frozen=True)
class Weighing:
    """What a chamber weighed in one roll call, kept so that reasons can be given later."""

    scenario: Scenario
    support: Support
    latent: np.ndarray  # (member,) the axis the vote was cast on (support, or the motion's)
    seated: np.ndarray  # (seat,) member indices
    motion: bool
    deletes: tuple[str, ...] = ()

    def __call__(self):
        """(terms, seated, motion): the named parts of each member's support."""
        terms = self.support.terms(self.scenario)
        if self.deletes:  # an amendment weighs the clauses it would delete on their own
            gap = self.latent - self.support.x
            terms += (
                (
                    "values the clauses the amendment would delete",
                    "wants those clauses deleted",
                    gap,
                ),
            )
        return terms, self.seated, self.motion


def support(
    scenario: Scenario,
    clauses: tuple[str, ...],
    cosponsors: tuple[str, ...],
    shifts: np.ndarray,
    shift_records: tuple = (),
) -> Support:
    """Support for a text with these clauses; `shifts` is (member,), the sum of `shift_records`."""
    arr = arrays(scenario)
    text = _text(scenario, clauses, cosponsors)
    x = text.base + shifts
    if arr.cohesion_blocs:
        # Bloc cohesion: each member moves toward the mean support of its blocs.
        means = arr.cohesion_avg @ x  # (bloc,)
        pulled = x + arr.cohesion.T @ means - arr.cohesion_pull * x
    else:
        pulled = x
    return Support(pulled, x, text, shift_records)


def motion_latent(
    scenario: Scenario, kind: str, base: np.ndarray, deletes: tuple[str, ...]
) -> np.ndarray:
    """Support for keeping the text as it is, on which a motion against it is judged."""
    if kind != "amendment" or not deletes:
        return base
    arr = arrays(scenario)
    vm = scenario.vote_model
    didx = [scenario.clause_index[c] for c in deletes]
    half_back = 0.5 * float(arr.strength[didx].sum())
    extra = (vm.amendment_clause_weight - 1.0) * arr.reactions[didx].sum(axis=0)
    return base + half_back + extra


def kind_settings(scenario: Scenario, kind: str) -> tuple[float, float, float]:
    """(No|Abstain cut-point, Abstain|Yes cut-point, absence multiplier) for a kind of vote."""
    cached = scenario.cache.get(("kind", kind))
    if cached is None:
        vm = scenario.vote_model
        cached = scenario.cache[("kind", kind)] = (*vm.cutpoints_for(kind), vm.absence_for(kind))
    return cached


def sample_votes(
    scenario: Scenario,
    kind: str,
    latent: np.ndarray,
    seated: np.ndarray,
    absence_scale: float,
    scale: float,
    rng: np.random.Generator,
    samples: int | None = None,
) -> np.ndarray:
    """Roll calls of the seated members: vote codes shaped (seat,), or (sample, seat) if `samples`."""
    lo, hi, absence_multiplier = kind_settings(scenario, kind)
    m = len(seated)
    shape = (m,) if samples is None else (samples, m)
    u = rng.random((2, *shape))  # [0]: absence, [1]: the logistic shock
    absent = u[0] < arrays(scenario).absence[seated] * (absence_scale * absence_multiplier)
    # support + scale * logit(u) < cut  <=>  u < sigmoid((cut - support) / scale): comparing the
    # uniform draw with per-member cut probabilities is the same ordered logit, without a
    # logarithm per draw.
    x = latent[seated]
    # sigmoid(c) written with tanh, which never overflows: 1 / (1 + exp(-c)) = (1 + tanh(c / 2)) / 2
    below_lo = 0.5 + 0.5 * np.tanh((lo - x) / (2.0 * scale))
    below_hi = 0.5 + 0.5 * np.tanh((hi - x) / (2.0 * scale))
    shock = u[1]
    low, high = shock < below_lo, shock > below_hi  # never both: below_lo <= below_hi
    if kind in MOTION_KINDS:
        # Motions against the text: low support for the text means Yes on the motion.
        low, high = high, low
    # Codes: YES 0, NO 1, ABSTAIN 2, ABSENT 3.
    votes = (ABSTAIN - (ABSTAIN - YES) * high - (ABSTAIN - NO) * low).astype(np.int8)
    votes[absent] = ABSENT
    return votes


def cast(
    scenario: Scenario,
    kind: str,
    latent: np.ndarray,
    seated: np.ndarray,
    absence_scale: float,
    rng: np.random.Generator,
) -> np.ndarray:
    """One roll call: the vote code of each seated member (YES/NO/ABSTAIN/ABSENT)."""
    return sample_votes(
        scenario, kind, latent, seated, absence_scale, scenario.vote_model.noise, rng
    )


def probabilities(scenario: Scenario, kind: str, latent: np.ndarray, scale: float) -> np.ndarray:
    """(member, 3): closed-form P(Yes), P(No), P(Abstain) given presence."""
    lo, hi = scenario.vote_model.cutpoints_for(kind)
    p_below = 1.0 / (1.0 + np.exp(-(lo - latent) / scale))
    p_above = 1.0 - 1.0 / (1.0 + np.exp(-(hi - latent) / scale))
    if kind in MOTION_KINDS:
        p_yes, p_no = p_below, p_above
    else:
        p_yes, p_no = p_above, p_below
    return np.stack([p_yes, p_no, np.clip(1.0 - p_yes - p_no, 0.0, 1.0)], axis=1)


def reason_codes(
    terms, seated: np.ndarray, votes: np.ndarray, motion: bool
) -> tuple[tuple[str, ...], bytes]:
    """For each seated member the term that best explains its vote: (labels, one code per member).

    A Yes on the text is explained by its largest positive term, a No by its most negative,
    an abstention by its most negative (what held it back from Yes); motions reverse this.
    """
    m = len(seated)
    mat = np.empty((len(terms), m))
    for t_i, (_, _, vec) in enumerate(terms):
        mat[t_i] = vec[seated] if isinstance(vec, np.ndarray) else vec
    top = np.argmax(mat, axis=0)
    bottom = np.argmin(mat, axis=0)
    supports_text = (votes == NO) if motion else (votes == YES)
    pick = np.where(supports_text, top, bottom)
    value = mat[pick, np.arange(m)]
    positive = value >= 0
    labels = tuple(label for pos, neg, _ in terms for label in (pos, neg))
    codes = (2 * pick + (~positive)).astype(np.int64)
    # No term pulls the way it voted: chance tipped it (the model's noise), say so.
    codes[supports_text & (value <= 0)] = len(labels)
    codes[~supports_text & (value >= 0)] = len(labels) + 1
    labels = labels + ("leans in favour on balance", "hesitates on balance")
    codes[votes == ABSENT] = 255
    return labels, codes.astype(np.uint8).tobytes()


def ballots(votes: np.ndarray) -> str:
    return BALLOT_CHARS[votes].tobytes().decode("ascii")
