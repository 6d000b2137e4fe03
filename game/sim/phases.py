"""The turn's phases: briefing, diplomacy, opposition, votes, consequences; and the end of the game."""

from __future__ import annotations

from game.sim import events as ev
from game.sim.conditions import holds
from game.sim.context import Context
from game.sim.scenario import PHASES
from game.sim.score import score
from game.sim.script import apply_effects, run_hook
from game.sim.session import hold_votes
from game.sim.state import Draft, PendingChoice
from game.sim.working import WorkingState


def start_turn(ws: WorkingState, first: bool = False) -> None:
    """Open a turn: income, expired shifts, texts taken up from committees, then the briefing."""
    scenario = ws.scenario
    turn = scenario.calendar[ws.turn]
    ws.events.append(ev.TurnBegan(ws.turn, turn.date, turn.label))
    if not first:
        for meter in scenario.meters:
            if meter.income:
                ws.add_meter(meter.id, meter.income, "income for the new turn")
            if meter.rest is not None and meter.rest_rate:
                value = ws.meters[scenario.meter_index[meter.id]]
                ws.add_meter(
                    meter.id,
                    round(meter.rest_rate * (meter.rest - value), 6),
                    f"drifts back toward {meter.rest:g} with time",
                )
    ws.drafts = []
    ws.shifts = [s for s in ws.shifts if s.last_turn >= ws.turn]
    ws.meter_log.append(tuple(ws.meters))
    ws.phase = "briefing"
    ws.events.append(ev.PhaseBegan("briefing"))
    _take_up_texts(ws)
    _fire_events(ws)
    run_hook(ws, "briefing")


def _take_up_texts(ws: WorkingState) -> None:
    """A body that `takes_up` another (the GA plenary and its Third Committee) considers the
    text that body adopted earlier in the year, as adopted there."""
    scenario = ws.scenario
    year = scenario.calendar[ws.turn].year
    for body_id in scenario.calendar[ws.turn].sessions:
        body = scenario.body(body_id)
        if body.takes_up is None:
            continue
        taken = {d.origin for d in ws.adopted if d.origin is not None}
        for source in reversed(ws.adopted):
            if source.body != body.takes_up or source.uid in taken:
                continue
            if scenario.calendar[_turn_of(ws, source)].year != year:
                continue
            draft = Draft(
                ws.new_uid(),
                body.id,
                source.kind,
                source.sponsor,
                source.title,
                source.clauses,
                source.cosponsors,
                origin=source.uid,
            )
            ws.drafts.append(draft)
            ws.events.append(
                ev.DraftTabled(
                    draft.uid, body.id, draft.kind, draft.title, draft.sponsor, draft.clauses
                )
            )
            break


def _turn_of(ws: WorkingState, draft: Draft) -> int:
    for v in ws.votes:
        if v.draft_uid == draft.uid:
            return v.turn
    return ws.turn


def _fire_events(ws: WorkingState) -> None:
    scenario = ws.scenario
    date = scenario.calendar[ws.turn].date
    by_date = scenario.cache.get("events_by_date")
    if by_date is None:
        by_date = scenario.cache["events_by_date"] = {
            d: tuple(e for e in scenario.events if e.date is None or e.date == d)
            for d in {t.date for t in scenario.calendar}
        }
    for event in by_date[date]:
        if event.once and event.id in ws.fired:
            continue
        ctx = Context(source=event.id, cause=event.title, draw=ws.draw)
        if not holds(scenario, ws, ctx, event.when):
            continue
        if event.probability < 1.0 and ws.draw("events") >= event.probability:
            continue
        if event.once:
            ws.fired.append(event.id)
        ws.say(event.title, event.text, event.id)
        apply_effects(ws, event.effects, ctx)
        if event.choice is not None:
            ws.pending.append(PendingChoice(event.choice, event.id, None))
            ws.events.append(ev.ChoiceOffered(event.choice))


def end_phase(ws: WorkingState) -> None:
    """Move to the next phase, doing what the new phase does on arrival."""
    scenario = ws.scenario
    nxt = PHASES.index(ws.phase) + 1
    if nxt < len(PHASES):
        ws.phase = PHASES[nxt]
        ws.events.append(ev.PhaseBegan(ws.phase))
        if ws.phase == "opposition":
            for draft in list(ws.drafts):
                run_hook(ws, "opposition", draft)
        elif ws.phase == "votes":
            hold_votes(ws)
        elif ws.phase == "consequences":
            run_hook(ws, "consequences")
        return
    if ws.turn + 1 < len(scenario.calendar):
        ws.turn += 1
        start_turn(ws)
        return
    finish(ws)


def finish(ws: WorkingState) -> None:
    ws.meter_log.append(tuple(ws.meters))
    ws.phase = "over"
    ws.drafts = []
    result = score(ws.scenario, ws)
    ws.events.append(ev.PhaseBegan("over"))
    ws.events.append(ev.GameOver(result.total, result.grade))
