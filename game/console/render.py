"""Text renderings of the state, forecasts, votes and scores for the terminal game."""

from __future__ import annotations

import textwrap

from game import narrative
from game.sim.forecast import Forecast
from game.sim.scenario import Scenario
from game.sim.score import ScoreCard
from game.sim.state import GameState, VoteRecord

WIDTH = 88


def wrap(text: str, indent: str = "") -> str:
    paras = [p.strip() for p in text.strip().split("\n\n")]
    return "\n".join(
        textwrap.fill(" ".join(p.split()), WIDTH, initial_indent=indent, subsequent_indent=indent)
        for p in paras
        if p
    )


def hanging(head: str, text: str) -> str:
    """`head` then `text` wrapped, continuation lines indented past the head."""
    pad = " " * (len(head) + 2)
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent="  " + head, subsequent_indent=pad
    )


def rule(title: str = "") -> str:
    if not title:
        return "-" * WIDTH
    return f"== {title} " + "=" * max(3, WIDTH - len(title) - 4)


def briefing(scenario: Scenario) -> str:
    lines = [
        rule(scenario.title),
        f"Period: {scenario.period}    Turns: {len(scenario.calendar)}",
        "",
        wrap(scenario.context),
        "",
    ]
    if scenario.objectives:
        lines.append("Objectives:")
        lines += [hanging("- ", o) for o in scenario.objectives]
        lines.append("")
    lines.append("What the model assumes:")
    lines.append(wrap(scenario.assumptions, "  "))
    return "\n".join(lines)


def meters(scenario: Scenario, state: GameState) -> str:
    parts = []
    for spec, value in zip(scenario.meters, state.meters, strict=True):
        parts.append(f"{spec.name}: {narrative.meter_text(scenario, spec.id, value)}")
    return wrap("; ".join(parts), "  ")


def turn_header(scenario: Scenario, state: GameState) -> str:
    turn = scenario.calendar[state.turn]
    sessions = ", ".join(scenario.body(b).short for b in turn.sessions) or "no body votes"
    lines = [
        rule(f"Turn {state.turn + 1}/{len(scenario.calendar)}: {turn.label}"),
        f"In session: {sessions}.",
    ]
    if turn.text:
        lines.append(wrap(turn.text))
    return "\n".join(lines)


def news(scenario: Scenario, state: GameState) -> str:
    items = state.news()
    if not items:
        return ""
    lines = ["News:"]
    for item in items:
        head = f"{item.title}: " if item.title else ""
        lines.append(hanging("* ", head + item.text))
    return "\n".join(lines)


def tally(t) -> str:
    return f"{t.mean:.0f} ({t.p05:.0f}-{t.p95:.0f})"


def forecast(scenario: Scenario, f: Forecast, swing_only: bool = True) -> str:
    body = scenario.body(f.body)
    lines = [
        f"Forecast for the {body.name} ({f.samples} simulated votes"
        + (", your intelligence shows the opposition's coming moves" if f.revealed else "")
        + (f", uncertainty x{f.spread:.1f} for lack of intelligence" if f.spread > 1.01 else "")
        + "):"
    ]
    if not f.recorded:
        lines.append(
            "  No member is expected to call a vote: the text would be adopted without a vote."
        )
    lines.append(
        f"  Yes {tally(f.yes)}   No {tally(f.no)}   Abstain {tally(f.abstain)}   absent {tally(f.absent)}"
    )
    lines.append(
        f"  Chance of adoption: {f.p_adopted:.0%}"
        + (f"  (vetoes expected from {', '.join(f.vetoes)})" if f.vetoes else "")
    )
    for m in f.motions:
        lines.append(
            f"  Before it: {m.title} - adopted in {m.p_adopted:.0%} of votes, Yes {tally(m.yes)}, No {tally(m.no)}"
        )
    rows = []
    for m in f.members:
        if swing_only and max(m.p_yes, m.p_no, m.p_abstain) > 0.8:
            continue
        rows.append(
            f"    {scenario.member(m.member).name[:28]:28} Y{m.p_yes:4.0%} N{m.p_no:4.0%} A{m.p_abstain:4.0%}  {m.reason}"
        )
    if rows:
        lines.append("  Undecided states:" if swing_only else "  Every member:")
        lines += rows[:40]
        if len(rows) > 40:
            lines.append(f"    ... and {len(rows) - 40} more")
    likely_no = [scenario.member(m.member).name for m in f.members if m.likely == "no"]
    if likely_no:
        lines.append(wrap("Likely No: " + ", ".join(likely_no), "  "))
    return "\n".join(lines)


def vote(scenario: Scenario, record: VoteRecord) -> str:
    lines = [narrative.vote_line(scenario, record)]
    if not record.recorded:
        lines.append("  No member asked for a recorded vote.")
        return "\n".join(lines)
    lines.append(f"  Threshold: {record.threshold}.")
    parts = []
    for group, c in narrative.group_tallies(scenario, record):
        parts.append(
            f"{group} {c['Y']}-{c['N']}-{c['A']}" + (f" ({c['-']} absent)" if c["-"] else "")
        )
    lines.append(wrap("By regional group: " + "; ".join(parts), "  "))
    motion = record.kind in ("amendment", "no_action")
    which = "Y" if motion else "N"
    names = narrative.named(scenario, record, which)
    if names and len(names) <= 60:
        lines.append(wrap(("Voted Yes: " if motion else "Voted No: ") + ", ".join(names), "  "))
    return "\n".join(lines)


def score_card(card: ScoreCard) -> str:
    lines = [
        f"Score {card.total:.0f}/100 - grade {card.grade}"
        + (f": {card.label}" if card.label else "")
    ]
    for t in card.tracks:
        detail = ", ".join(f"{what} {points:.0f}" for what, points in t.parts)
        lines.append(f"  {t.name:14} {t.value:5.0f}  (weight {t.weight:g}; {detail})")
    return "\n".join(lines)


def versus_history(scenario: Scenario, state: GameState) -> str:
    lines = []
    for step in scenario.history:
        turn = next((i for i, t in enumerate(scenario.calendar) if t.date == step.date), None)
        if turn is None:
            continue
        lines.append(f"{step.date}: {step.note}" if step.note else step.date)
        for real in step.record:
            real_text, your_text = narrative.beside_history(state, turn, real)
            lines.append(
                f"  {scenario.body(real.body).short}, {real.title}: in reality {real_text}; in your game {your_text}"
            )
    return "\n".join(lines)
