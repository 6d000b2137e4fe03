"""Plain-English sentences about votes, clauses, meters and events, for every user interface."""

from __future__ import annotations

from collections import OrderedDict

from game.sim import events as ev
from game.sim.scenario import Clause, Scenario
from game.sim.state import GameState, VoteRecord

VOTE_WORDS = {"Y": "Yes", "N": "No", "A": "Abstain", "-": "absent"}


def tally(record: VoteRecord) -> str:
    return f"{record.yes}-{record.no}-{record.abstain}"


def beside_history(state: GameState, turn: int, real) -> tuple[str, str]:
    """A real vote of the history plan (a recorded tally or adoption without a vote) and the
    same body's vote of the same kind in this game's `turn`, each in words."""
    reality = (
        "adopted without a vote" if real.without_vote else f"{real.yes}-{real.no}-{real.abstain}"
    )
    mine = next(
        (v for v in state.votes if v.turn == turn and v.body == real.body and v.kind == real.kind),
        None,
    )
    if mine is None:
        yours = "not held in your game"
    elif not mine.recorded:
        yours = "adopted without a vote"
    else:
        yours = f"{tally(mine)}, {'adopted' if mine.adopted else 'rejected'}"
    return reality, yours


def vote_line(scenario: Scenario, record: VoteRecord) -> str:
    body = scenario.body(record.body).short
    if not record.recorded:
        return f"{body}: {record.title} - adopted without a vote"
    if record.vetoed_by:
        names = " and ".join(scenario.member(m).name for m in record.vetoed_by)
        verdict = f"VETOED by {names}"
    else:
        verdict = "adopted" if record.adopted else "rejected"
    absent = f", {record.absent} absent" if record.absent else ""
    return f"{body}: {record.title} - {verdict}, {tally(record)}{absent} (Yes-No-Abstain)"


def seated_ids(scenario: Scenario, record: VoteRecord) -> tuple[str, ...]:
    year = scenario.calendar[record.turn].year
    return tuple(scenario.members[i].id for i in scenario.seated(record.body, year))


def ballots_by_member(scenario: Scenario, record: VoteRecord) -> list[tuple[str, str, str]]:
    """(member id, Y/N/A/-, reason) for each seated member, in seat order."""
    ids = seated_ids(scenario, record)
    if not record.recorded:
        return [(m, "", "joined the consensus") for m in ids]
    return [(m, record.ballots[k], record.reason(k)) for k, m in enumerate(ids)]


def group_tallies(scenario: Scenario, record: VoteRecord) -> list[tuple[str, dict[str, int]]]:
    """Per regional group: counts of Y, N, A, - (in the scenario's group order)."""
    counts: OrderedDict[str, dict[str, int]] = OrderedDict(
        (g.id, {"Y": 0, "N": 0, "A": 0, "-": 0}) for g in scenario.groups
    )
    for member, ballot, _ in ballots_by_member(scenario, record):
        if ballot:
            counts[scenario.member(member).group][ballot] += 1
    return [(g, c) for g, c in counts.items() if sum(c.values())]


def named(scenario: Scenario, record: VoteRecord, ballot: str) -> list[str]:
    return [
        scenario.member(m).name for m, b, _ in ballots_by_member(scenario, record) if b == ballot
    ]


def _selector_names(scenario: Scenario, selector) -> list[str]:
    names = [scenario.member(m).name for m in selector.members]
    names += [scenario.group(g).name for g in selector.groups]
    names += [scenario.bloc(b).name for b in selector.blocs]
    if selector.everyone:
        names.append("every state")
    return names


def clause_reactions(scenario: Scenario, clause: Clause) -> str:
    """'pleases Japan; angers China, Russia, the African Union' from the clause's reactions."""
    pleased, angered = [], []
    for r in clause.reactions:
        (pleased if r.amount > 0 else angered).extend(_selector_names(scenario, r.selector))
    parts = []
    if pleased:
        parts.append("pleases " + ", ".join(pleased))
    if angered:
        parts.append("angers " + ", ".join(angered))
    return "; ".join(parts) or "no one in particular"


def meter_text(scenario: Scenario, meter_id: str, value: float) -> str:
    spec = scenario.meter(meter_id)
    return f"{value:+.0f}" if spec.min < 0 else f"{value:.0f}"


def turn_changes(
    scenario: Scenario, state: GameState, turn: int
) -> list[tuple[str, float, float, list[tuple[float, str]]]]:
    """Per meter that moved during `turn`: (meter id, before, after, [(change, cause)])."""
    out: OrderedDict[str, list] = OrderedDict()
    for change in state.ledger:
        if change.turn != turn:
            continue
        entry = out.setdefault(change.meter, [change.before, change.after, []])
        entry[1] = change.after
        entry[2].append((change.after - change.before, change.cause))
    return [(m, b, a, causes) for m, (b, a, causes) in out.items()]


def event_line(scenario: Scenario, event) -> str | None:
    """One line for the events a player should read about (None for the others)."""
    t = type(event)
    if t is ev.News:
        return f"{event.title}: {event.text.strip()}" if event.title else event.text.strip()
    if t is ev.MeterChanged:
        spec = scenario.meter(event.meter)
        return f"{spec.name} {meter_text(scenario, event.meter, event.before)} -> {meter_text(scenario, event.meter, event.after)} ({event.cause})"
    if t is ev.MilestoneReached:
        return f"MILESTONE: {scenario.milestone(event.milestone).name}"
    if t is ev.DraftTabled:
        who = scenario.actor_name(event.sponsor)
        return f"{who} tables in the {scenario.body(event.body).short}: {event.title}"
    if t is ev.DraftRevised:
        return f"The {scenario.body(event.body).short} text is revised ({event.cause})"
    if t is ev.Cosponsored:
        return f"{scenario.actor_name(event.actor)} co-sponsors the text"
    if t is ev.AmendmentTabled:
        return f"{scenario.actor_name(event.by)} tables: {event.title}"
    if t is ev.NoActionTabled:
        return f"{event.title}"
    if t is ev.RecordedVoteCalled:
        return f"{scenario.member(event.member).name} calls for a recorded vote"
    if t is ev.VoteForced:
        return f"{scenario.member(event.member).name} will vote {event.vote}: {event.reason}"
    if t is ev.Shifted:
        return f"{scenario.actor_name(event.source)}: {event.reason} ({event.members} states)"
    if t is ev.ScriptFired:
        return (
            f"{scenario.actor_name(event.actor)}: {event.description}"
            if event.description
            else None
        )
    if t is ev.ChoiceMade:
        return f"You chose: {event.label}"
    if t is ev.VoteHeld:
        return vote_line(scenario, event.record)
    if t is ev.Refused:
        return f"Not possible: {event.reason}"
    if t is ev.GameOver:
        return f"The game is over: score {event.score:.0f}, grade {event.grade}"
    return None


def target_name(scenario: Scenario, target: str) -> str:
    """'member:KEN' -> 'Kenya', 'group:AFR' -> 'African Group', 'draft:GA3' -> 'the GA3 text'."""
    kind, _, ref = target.partition(":")
    if kind == "member":
        return scenario.member(ref).name
    if kind == "group":
        return scenario.group(ref).name
    if kind == "bloc":
        return scenario.bloc(ref).name
    return f"the {ref} text"


def decisions_by_turn(scenario: Scenario, state: GameState) -> dict[int, list[str]]:
    """The player's moves, turn by turn, in words (replayed from the seed and the action log)."""
    from game.sim.actions import Choose, ReviseDraft, TableDraft, UseLever
    from game.sim.rules import apply, new_game

    out: dict[int, list[str]] = {}
    replay = new_game(scenario, state.seed)
    for action in state.log:
        turn = replay.turn
        words = None
        if isinstance(action, (TableDraft, ReviseDraft)):
            verb = "tabled" if isinstance(action, TableDraft) else "revised"
            names = ", ".join(scenario.clause(c).short for c in action.clauses)
            words = f"{verb} a text in the {scenario.body(action.body).short}: {names}"
        elif isinstance(action, UseLever):
            target = f" ({target_name(scenario, action.target)})" if action.target else ""
            words = scenario.lever(action.lever).name + target
        elif isinstance(action, Choose):
            pending = next((p for p in replay.pending if p.spec.id == action.choice), None)
            option = pending.spec.option(action.option) if pending else None
            words = f"chose: {option.label if option else action.option}"
        replay, _ = apply(scenario, replay, action)
        if words:
            out.setdefault(turn, []).append(words)
    return out
