"""Holds the votes of a turn's sessions: motions, amendments and drafts, in the order the rules set."""

from __future__ import annotations

import numpy as np

from game.sim import events as ev
from game.sim import procedure
from game.sim import votes as vm
from game.sim.context import Context
from game.sim.scenario import Body
from game.sim.script import _revise, apply_effects, run_hook
from game.sim.state import Draft, VoteRecord
from game.sim.working import WorkingState

# Within one body and turn: the agenda (procedural) before any resolution.
_KIND_ORDER = {"procedural": 0, "draft": 1, "substantive": 2}


def hold_votes(ws: WorkingState) -> None:
    """Every body in session votes on every text tabled in it this turn."""
    scenario = ws.scenario
    for body_id in scenario.calendar[ws.turn].sessions:
        body = scenario.body(body_id)
        queue = sorted(
            (d for d in ws.drafts if d.body == body_id and not d.outcome),
            key=lambda d: (_KIND_ORDER.get(d.kind, 9), d.uid),
        )
        for draft in queue:
            _take_up(ws, body, draft)


def _vote_id(ws: WorkingState, body: str, kind: str) -> str:
    base = f"{ws.date}-{body}-{kind}"
    taken = sum(1 for v in ws.votes if v.turn == ws.turn and v.body == body and v.kind == kind)
    return base if taken == 0 else f"{base}-{taken + 1}"


def _take_up(ws: WorkingState, body: Body, draft: Draft) -> None:
    run_hook(ws, "before_vote", draft)
    draft = ws.draft(draft.uid)
    chamber = _Chamber(ws, body)

    # GA rules 74 and 116: a motion to adjourn the debate (the "no-action motion") is put to
    # the vote before the proposal itself; if adopted, the draft is not voted on at all.
    if draft.no_action is not None and procedure.motions_allowed(body):
        record = chamber.roll_call(draft, "no_action", draft.no_action.title, draft.no_action.by)
        if record.adopted:
            _conclude(ws, body, draft, "no_action", record)
            return

    # GA rules 90 and 130: amendments are voted before the proposal; adopted ones change it.
    if procedure.motions_allowed(body):
        for amendment in procedure.amendment_order(draft.amendments):
            draft = ws.draft(draft.uid)
            deletes = tuple(c for c in amendment.deletes if c in draft.clauses)
            if not deletes:
                continue
            record = chamber.roll_call(
                draft, "amendment", amendment.title, amendment.by, deletes=deletes
            )
            if record.adopted:
                cause = f"Amendment adopted: {amendment.title}"
                ctx = Context(source="amendment", cause=cause, draft=draft)
                _revise(ws, draft, tuple(c for c in draft.clauses if c not in deletes), cause, ctx)

    draft = ws.draft(draft.uid)
    if not procedure.needs_recorded_vote(body, draft.kind, draft.callers):
        record = VoteRecord(
            vote_id=_vote_id(ws, body.id, draft.kind),
            turn=ws.turn,
            body=body.id,
            kind=draft.kind,
            title=draft.title,
            draft_uid=draft.uid,
            mover=draft.sponsor,
            recorded=False,
            adopted=True,
            threshold="adopted without a vote: no member asked for a recorded vote",
        )
        ws.votes.append(record)
        ws.events.append(ev.VoteHeld(record))
        _conclude(ws, body, draft, "adopted", record, without_vote=True)
        return
    record = chamber.roll_call(draft, draft.kind, draft.title, draft.sponsor, forced=draft.forced)
    outcome = "adopted" if record.adopted else "vetoed" if record.vetoed_by else "rejected"
    _conclude(ws, body, draft, outcome, record)


class _Chamber:
    """One body sitting this turn: its seats, the shifts acting on it, the vote stream."""

    def __init__(self, ws: WorkingState, body: Body) -> None:
        self.ws = ws
        self.body = body
        self.seated = ws.scenario.seated(body.id, ws.year)
        self.shifts, self.shift_records = ws.shifts_for(body.id)
        self.rng = ws.rng("votes")
        key = ("position", body.id, ws.year)
        self.position = ws.scenario.cache.get(key)
        if self.position is None:
            self.position = ws.scenario.cache[key] = {int(m): k for k, m in enumerate(self.seated)}

    def roll_call(
        self,
        draft: Draft,
        kind: str,
        title: str,
        mover: str,
        deletes: tuple[str, ...] = (),
        forced: tuple[tuple[str, str, str], ...] = (),
    ) -> VoteRecord:
        ws, body, scenario = self.ws, self.body, self.ws.scenario
        support = vm.support(
            scenario, draft.clauses, draft.cosponsors, self.shifts, self.shift_records
        )
        latent = vm.motion_latent(scenario, kind, support.x, deletes)
        votes = vm.cast(scenario, kind, latent, self.seated, body.absence_scale, self.rng)
        forced_at: list[tuple[int, str]] = []
        for member, vote, reason in forced:
            k = self.position.get(scenario.member_index[member])
            if k is not None:
                votes[k] = vm.VOTE_CODES[vote]
                forced_at.append((k, reason))
        yes, no, abstain, absent = np.bincount(votes, minlength=4).tolist()
        permanent_no = tuple(
            m for m in body.permanent if votes[self.position[scenario.member_index[m]]] == vm.NO
        )
        passed, vetoed_by = procedure.adopted(body, kind, yes, no, permanent_no)
        record = VoteRecord(
            vote_id=_vote_id(ws, body.id, kind),
            turn=ws.turn,
            body=body.id,
            kind=kind,
            title=title,
            draft_uid=draft.uid,
            mover=mover,
            recorded=True,
            adopted=passed,
            yes=yes,
            no=no,
            abstain=abstain,
            absent=absent,
            ballots=vm.ballots(votes),
            forced=tuple(forced_at),
            vetoed_by=vetoed_by,
            threshold=procedure.threshold_text(body, kind),
            why=vm.Weighing(
                scenario, support, latent, self.seated, kind in vm.MOTION_KINDS, deletes
            ),
        )
        ws.votes.append(record)
        ws.events.append(ev.VoteHeld(record))
        return record


def _conclude(
    ws: WorkingState,
    body: Body,
    draft: Draft,
    outcome: str,
    record: VoteRecord,
    without_vote: bool = False,
) -> None:
    draft = ws.update_draft(ws.draft(draft.uid), outcome=outcome, without_vote=without_vote)
    tags = (outcome, "without_vote" if without_vote else "recorded")
    if outcome == "adopted":
        ws.adopted.append(draft)
        for clause_id in draft.clauses:
            clause = ws.scenario.clause(clause_id)
            if clause.on_adopted:
                ctx = Context(
                    source=clause.id,
                    cause=f"{clause.name}: adopted by the {body.short}",
                    actor=draft.sponsor,
                    draft=draft,
                    outcome=tags,
                    draw=ws.draw,
                )
                apply_effects(ws, clause.on_adopted, ctx)
    run_hook(ws, "after_vote", ws.draft(draft.uid), outcome=tags)
