"""Applies the closed effect vocabulary to a working state, and runs actors' scripts at each hook."""

from __future__ import annotations

import numpy as np

from game.sim import effects as fx
from game.sim import events as ev
from game.sim.conditions import holds, on_text
from game.sim.context import Context
from game.sim.state import Amendment, Draft, NewsItem, NoActionMotion, PendingChoice, ShiftRecord
from game.sim.votes import arrays, selector_indices
from game.sim.working import WorkingState


def apply_effects(ws: WorkingState, effects: tuple, ctx: Context) -> None:
    for effect in effects:
        _APPLY[type(effect)](ws, effect, ctx)


def _meter_add(ws: WorkingState, e: fx.MeterAdd, ctx: Context) -> None:
    ws.add_meter(e.meter, e.amount, ctx.cause)


def _meter_set(ws: WorkingState, e: fx.MeterSet, ctx: Context) -> None:
    ws.set_meter(e.meter, e.value, ctx.cause)


def _milestone(ws: WorkingState, e: fx.ReachMilestone, ctx: Context) -> None:
    ws.reach(e.milestone, ctx.cause)


def _set_flag(ws: WorkingState, e: fx.SetFlag, ctx: Context) -> None:
    ws.set_flag(e.flag)


def _clear_flag(ws: WorkingState, e: fx.ClearFlag, ctx: Context) -> None:
    ws.clear_flag(e.flag)


def _live_draft(ws: WorkingState, ctx: Context) -> Draft | None:
    """The context draft as it stands now, or None if there is none or it has been voted."""
    if ctx.draft is None:
        return None
    draft = ws.draft(ctx.draft.uid)
    ctx.draft = draft
    return draft


def _seated(ws: WorkingState, member: str, draft: Draft) -> bool:
    return ws.scenario.sits(member, draft.body, ws.year)


def _cast_vote(ws: WorkingState, e: fx.CastVote, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    # Only members of the body in that year vote in it (a script can't make an outsider vote).
    if draft is None or not _seated(ws, e.member, draft):
        return
    reason = e.reason or f"instructed by its government ({ctx.cause})"
    forced = tuple(f for f in draft.forced if f[0] != e.member) + ((e.member, e.vote, reason),)
    ctx.draft = ws.update_draft(draft, forced=forced)
    ws.events.append(ev.VoteForced(draft.uid, e.member, e.vote, reason))


def _call_vote(ws: WorkingState, e: fx.CallRecordedVote, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    # Only a member of the body may ask for a recorded vote on a text before it.
    if draft is None or e.member in draft.callers or not _seated(ws, e.member, draft):
        return
    ctx.draft = ws.update_draft(draft, callers=draft.callers + (e.member,))
    ws.events.append(ev.RecordedVoteCalled(draft.uid, e.member))


def _amend(ws: WorkingState, e: fx.TableAmendment, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    if draft is None or draft.kind != "draft" or draft.outcome:
        return
    deletes = tuple(c for c in e.deletes if c in draft.clauses)
    if not deletes or any(a.by == e.by and a.deletes == deletes for a in draft.amendments):
        return
    amendment = Amendment(e.by, e.title, deletes)
    ctx.draft = ws.update_draft(draft, amendments=draft.amendments + (amendment,))
    ws.events.append(ev.AmendmentTabled(draft.uid, e.by, e.title, deletes))


def _no_action(ws: WorkingState, e: fx.TableNoAction, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    if draft is None or draft.kind != "draft" or draft.no_action is not None or draft.outcome:
        return
    title = e.title or f"Motion by {ws.scenario.actor_name(e.by)} that no action be taken"
    ctx.draft = ws.update_draft(draft, no_action=NoActionMotion(e.by, title))
    ws.events.append(ev.NoActionTabled(draft.uid, e.by, title))


def _shift(ws: WorkingState, e: fx.Shift, ctx: Context) -> None:
    scenario = ws.scenario
    idx = selector_indices(scenario, e.selector, ctx.target)
    # Lobbying for or against a text acts on the votes in that text's body.
    body = e.body or (ctx.draft.body if ctx.draft is not None else None)
    if e.selector.sitting:
        draft = _live_draft(ws, ctx)
        if draft is None:
            return
        body = body or draft.body
        idx = idx[np.isin(idx, scenario.seated(draft.body, ws.year))]
    if len(idx) == 0:
        return
    if e.scale_by is not None:
        arr = arrays(scenario)
        col = arr.actor_ids.index(e.scale_by) if e.scale_by in arr.actor_ids else None
        amounts = e.amount * arr.affinity[idx, col] if col is not None else np.zeros(len(idx))
    else:
        amounts = np.full(len(idx), float(e.amount))
    source = e.source or ctx.actor
    record = ShiftRecord(
        source,
        e.reason,
        tuple(idx.tolist()),
        tuple(amounts.tolist()),
        ws.turn + max(1, e.turns) - 1,
        body,
    )
    record.__dict__["_arrays"] = (
        idx,
        amounts,
    )  # the arrays the record would rebuild, already at hand
    ws.shifts.append(record)
    ws.events.append(ev.Shifted(source, e.reason, len(idx), float(amounts.sum())))


def _offer(ws: WorkingState, e: fx.OfferChoice, ctx: Context) -> None:
    if any(p.spec.id == e.choice.id for p in ws.pending):
        return
    uid = ctx.draft.uid if ctx.draft is not None else None
    ws.pending.append(PendingChoice(e.choice, ctx.source, uid))
    ws.events.append(ev.ChoiceOffered(e.choice))


def _message(ws: WorkingState, e: fx.Message, ctx: Context) -> None:
    title = e.title or (ws.scenario.actor_name(ctx.actor) if ctx.actor else "")
    ws.say(title, e.text, ctx.source, ctx.actor)


def _revise(
    ws: WorkingState, draft: Draft, clauses: tuple[str, ...], cause: str, ctx: Context
) -> None:
    order = ws.scenario.clause_index
    clauses = tuple(sorted(set(clauses), key=order.__getitem__))
    if clauses == draft.clauses:
        return
    # Amendments lose whatever they would delete that is no longer in the text.
    amendments = tuple(
        Amendment(a.by, a.title, tuple(c for c in a.deletes if c in clauses))
        for a in draft.amendments
        if any(c in clauses for c in a.deletes)
    )
    ctx.draft = ws.update_draft(draft, clauses=clauses, amendments=amendments)
    ws.events.append(ev.DraftRevised(draft.uid, draft.body, clauses, cause))


def _drop(ws: WorkingState, e: fx.DropClause, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    if draft is not None and not draft.outcome and e.clause in draft.clauses:
        _revise(ws, draft, tuple(c for c in draft.clauses if c != e.clause), ctx.cause, ctx)


def _add(ws: WorkingState, e: fx.AddClause, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    if draft is not None and not draft.outcome and e.clause not in draft.clauses:
        _revise(ws, draft, draft.clauses + (e.clause,), ctx.cause, ctx)


def _table(ws: WorkingState, e: fx.TableDraft, ctx: Context) -> None:
    scenario = ws.scenario
    # A text is only tabled for a body that sits this turn: it would never come to a vote.
    if e.body not in scenario.calendar[ws.turn].sessions:
        return
    if any(d.body == e.body and d.kind == e.kind and d.sponsor == e.sponsor for d in ws.drafts):
        return
    draft = Draft(ws.new_uid(), e.body, e.kind, e.sponsor, e.title, tuple(e.clauses))
    ws.drafts.append(draft)
    ws.events.append(ev.DraftTabled(draft.uid, e.body, e.kind, e.title, e.sponsor, draft.clauses))


def _cosponsor(ws: WorkingState, e: fx.Cosponsor, ctx: Context) -> None:
    draft = _live_draft(ws, ctx)
    if draft is None or draft.outcome or e.actor in draft.cosponsors or e.actor == draft.sponsor:
        return
    ctx.draft = ws.update_draft(draft, cosponsors=draft.cosponsors + (e.actor,))
    ws.events.append(ev.Cosponsored(draft.uid, e.actor))


def _when(ws: WorkingState, e: fx.When, ctx: Context) -> None:
    if holds(ws.scenario, ws, ctx, e.condition):
        apply_effects(ws, e.then, ctx)
    else:
        apply_effects(ws, e.otherwise, ctx)


_APPLY = {
    fx.MeterAdd: _meter_add,
    fx.MeterSet: _meter_set,
    fx.ReachMilestone: _milestone,
    fx.SetFlag: _set_flag,
    fx.ClearFlag: _clear_flag,
    fx.CastVote: _cast_vote,
    fx.CallRecordedVote: _call_vote,
    fx.TableAmendment: _amend,
    fx.TableNoAction: _no_action,
    fx.Shift: _shift,
    fx.OfferChoice: _offer,
    fx.Message: _message,
    fx.DropClause: _drop,
    fx.AddClause: _add,
    fx.TableDraft: _table,
    fx.Cosponsor: _cosponsor,
    fx.When: _when,
}


def run_hook(
    ws: WorkingState,
    hook: str,
    draft: Draft | None = None,
    outcome: tuple[str, ...] | None = None,
) -> None:
    """Run every script of `hook` whose condition holds, in scenario order."""
    scenario = ws.scenario
    ctx = Context(source="", cause="", draft=draft, outcome=outcome, draw=ws.draw)
    skip = scenario.cache.setdefault("script_skip", {})
    for script in scenario.scripts_for(hook):
        if script.once and script.id in ws.fired:
            continue
        if draft is not None:
            ctx.draft = live = ws.draft(draft.uid) or draft
            # Scripts that can't concern this text (wrong body, kind or clauses) are skipped
            # without evaluating them; the answer is the same every time, so it is cached.
            key = (script.id, live.body, live.kind, live.clauses)
            ruled_out = skip.get(key)
            if ruled_out is None:
                ruled_out = skip[key] = (
                    on_text(script.when, live.body, live.kind, live.clauses) is False
                )
            if ruled_out:
                continue
        ctx.actor = script.actor
        if not holds(scenario, ws, ctx, script.when):
            continue
        actor = scenario.actor_name(script.actor)
        ctx.source = script.id
        said = script.description or script.id
        ctx.cause = said if said.startswith(actor) else f"{actor}: {said}"
        if script.once:
            ws.fired.append(script.id)
        ws.events.append(ev.ScriptFired(script.id, script.actor, script.description))
        if script.description:
            ws.chronicle.append(
                NewsItem(ws.turn, actor, script.description, script.id, script.actor)
            )
        apply_effects(ws, script.effects, ctx)
