"""The pre-vote forecast: the vote model sampled many times on its own random stream."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from game.sim import procedure
from game.sim import votes as vm
from game.sim.rng import rng_for
from game.sim.scenario import SECURITY_COUNCIL, Scenario
from game.sim.script import run_hook
from game.sim.state import Draft, GameState
from game.sim.working import WorkingState


@dataclass(frozen=True)
class Tally:
    mean: float
    p05: float
    p95: float
    sd: float = 0.0


@dataclass(frozen=True)
class MemberForecast:
    member: str
    p_yes: float
    p_no: float
    p_abstain: float
    p_absent: float
    reason: str  # the largest term behind its most likely vote: "opposes the ICC referral clause"

    @property
    def likely(self) -> str:
        probs = {
            "yes": self.p_yes,
            "no": self.p_no,
            "abstain": self.p_abstain,
            "absent": self.p_absent,
        }
        return max(probs, key=probs.__getitem__)


@dataclass(frozen=True)
class MotionForecast:
    kind: str
    title: str
    p_adopted: float
    yes: Tally
    no: Tally
    abstain: Tally


@dataclass(frozen=True)
class Forecast:
    body: str
    kind: str
    samples: int
    recorded: bool  # False: no one will ask for a vote, the text is adopted without one
    p_adopted: float
    yes: Tally
    no: Tally
    abstain: Tally
    absent: Tally
    members: tuple[MemberForecast, ...]  # seated members, scenario order
    vetoes: tuple[str, ...]  # permanent members expected to vote No on a substantive text
    motions: tuple[MotionForecast, ...]
    revealed: bool  # intelligence showed the opposition's coming moves
    spread: float  # the forecast's extra uncertainty factor (1.0 = the model's own)

    def member(self, member_id: str) -> MemberForecast | None:
        for m in self.members:
            if m.member == member_id:
                return m
        return None


def hypothetical_draft(
    scenario: Scenario, state: GameState, body: str, clauses: tuple[str, ...]
) -> Draft:
    """The player's text as it would stand if tabled (or revised) with these clauses."""
    existing = state.draft_in(body, scenario.player)
    order = scenario.clause_index
    clauses = tuple(sorted(set(clauses), key=order.__getitem__))
    if existing is not None:
        return replace(existing, clauses=clauses)
    rule = scenario.drafting_rule(body)
    kind = rule.kind if rule else "draft"
    title = rule.title if rule else "Draft resolution"
    return Draft(
        uid=state.next_uid,
        body=body,
        kind=kind,
        sponsor=scenario.player,
        title=title,
        clauses=clauses,
    )


def _intelligence(scenario: Scenario, state: GameState) -> tuple[float, bool]:
    """(fraction of full intelligence 0..1, whether the opposition's moves are revealed)."""
    model = scenario.vote_model
    if model.intelligence_meter is None:
        return 1.0, False
    meter = scenario.meter(model.intelligence_meter)
    value = state.meter(scenario, meter.id)
    span = meter.max - meter.min
    fraction = (value - meter.min) / span if span else 1.0
    revealed = model.reveal_at is not None and value >= model.reveal_at
    return fraction, revealed


def _anticipate(
    scenario: Scenario, state: GameState, draft: Draft, revealed: bool
) -> tuple[WorkingState, Draft]:
    """Dry-run the scripts the player can foresee, on the forecast's own stream."""
    ws = WorkingState(scenario, state)
    ws.stream_prefix = "forecast/"
    if ws.draft(draft.uid) is None:
        ws.drafts.append(draft)
    else:
        ws.update_draft(ws.draft(draft.uid), clauses=draft.clauses)
    if revealed and state.phase in ("briefing", "diplomacy"):
        run_hook(ws, "opposition", ws.draft(draft.uid))
    # Public positions: who will call a vote, who will vote No whatever happens (vetoes).
    run_hook(ws, "before_vote", ws.draft(draft.uid))
    return ws, ws.draft(draft.uid) or draft


def _tally(x: np.ndarray) -> Tally:
    return Tally(
        float(x.mean()), float(np.percentile(x, 5)), float(np.percentile(x, 95)), float(x.std())
    )


def _sample(scenario, kind, latent, seated, absence_scale, scale, rng, samples):
    """(sample, seat) vote codes."""
    return vm.sample_votes(scenario, kind, latent, seated, absence_scale, scale, rng, samples)


def _adopted(body, kind, votes, permanent_cols):
    yes = (votes == vm.YES).sum(axis=1)
    no = (votes == vm.NO).sum(axis=1)
    if body.procedure == SECURITY_COUNCIL:
        ok = yes >= procedure.COUNCIL_MAJORITY
        if kind != "procedural" and permanent_cols:
            ok &= ~(votes[:, permanent_cols] == vm.NO).any(axis=1)
        return ok
    return yes > no  # a majority of those present and voting (see procedure.adopted_by_majority)


def forecast(scenario: Scenario, state: GameState, draft: Draft, samples: int = 2000) -> Forecast:
    """Sample the vote on `draft` `samples` times. Pure: uses the 'forecast' stream only."""
    fraction, revealed = _intelligence(scenario, state)
    ws, draft = _anticipate(scenario, state, draft, revealed)
    body = scenario.body(draft.body)
    year = scenario.calendar[state.turn].year
    seated = scenario.seated(body.id, year)
    shifts, shift_records = ws.shifts_for(body.id)
    support = vm.support(scenario, draft.clauses, draft.cosponsors, shifts, shift_records)
    spread = 1.0 + scenario.vote_model.fog * (1.0 - fraction)
    scale = scenario.vote_model.noise * spread
    rng = rng_for(state, "forecast", extra=draft.uid)
    position = {int(m): k for k, m in enumerate(seated)}
    permanent_cols = [position[scenario.member_index[p]] for p in body.permanent]

    votes = _sample(
        scenario, draft.kind, support.x, seated, body.absence_scale, scale, rng, samples
    )
    forced_reason = {}
    for member, vote, reason in draft.forced:
        k = position.get(scenario.member_index[member])
        if k is not None:
            votes[:, k] = vm.VOTE_CODES[vote]
            forced_reason[k] = reason
    counts = [(votes == code).sum(axis=1) for code in (vm.YES, vm.NO, vm.ABSTAIN, vm.ABSENT)]
    recorded = procedure.needs_recorded_vote(body, draft.kind, draft.callers)
    p_adopted = float(_adopted(body, draft.kind, votes, permanent_cols).mean()) if recorded else 1.0

    share = np.stack(
        [(votes == code).mean(axis=0) for code in (vm.YES, vm.NO, vm.ABSTAIN, vm.ABSENT)], axis=1
    )
    modal = np.argmax(share, axis=1).astype(np.int8)
    labels, codes = vm.reason_codes(support.terms(scenario), seated, modal, motion=False)
    members = []
    for k, m in enumerate(seated):
        reason = forced_reason.get(k) or ("often absent" if codes[k] == 255 else labels[codes[k]])
        members.append(MemberForecast(scenario.members[int(m)].id, *map(float, share[k]), reason))

    vetoes = ()
    if body.procedure == SECURITY_COUNCIL and draft.kind != "procedural":
        vetoes = tuple(
            p for p, col in zip(body.permanent, permanent_cols, strict=True) if share[col, 1] > 0.5
        )

    motions = []
    if procedure.motions_allowed(body):
        pending = []
        if draft.no_action is not None:
            pending.append(("no_action", draft.no_action.title, ()))
        for a in procedure.amendment_order(draft.amendments):
            pending.append(("amendment", a.title, a.deletes))
        for kind, title, deletes in pending:
            latent = vm.motion_latent(scenario, kind, support.x, deletes)
            mv = _sample(scenario, kind, latent, seated, body.absence_scale, scale, rng, samples)
            passed = _adopted(body, kind, mv, permanent_cols)
            motions.append(
                MotionForecast(
                    kind,
                    title,
                    float(passed.mean()),
                    _tally((mv == vm.YES).sum(axis=1)),
                    _tally((mv == vm.NO).sum(axis=1)),
                    _tally((mv == vm.ABSTAIN).sum(axis=1)),
                )
            )
    return Forecast(
        body=body.id,
        kind=draft.kind,
        samples=samples,
        recorded=recorded,
        p_adopted=p_adopted,
        yes=_tally(counts[0]),
        no=_tally(counts[1]),
        abstain=_tally(counts[2]),
        absent=_tally(counts[3]),
        members=tuple(members),
        vetoes=vetoes,
        motions=tuple(motions),
        revealed=revealed,
        spread=spread,
    )
