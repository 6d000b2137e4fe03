"""The closed vocabulary of script conditions and the one function that evaluates them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from game.sim.context import Context
    from game.sim.scenario import Scenario


@dataclass(frozen=True)
class Bounds:
    """Inclusive (at_least/at_most) and strict (above/below) limits; unset ones don't apply."""

    at_least: float | None = None
    at_most: float | None = None
    above: float | None = None
    below: float | None = None

    def admits(self, value: float) -> bool:
        if self.at_least is not None and value < self.at_least:
            return False
        if self.at_most is not None and value > self.at_most:
            return False
        if self.above is not None and value <= self.above:
            return False
        return not (self.below is not None and value >= self.below)

    def describe(self) -> str:
        parts = []
        if self.at_least is not None:
            parts.append(f"at least {self.at_least:g}")
        if self.above is not None:
            parts.append(f"above {self.above:g}")
        if self.at_most is not None:
            parts.append(f"at most {self.at_most:g}")
        if self.below is not None:
            parts.append(f"below {self.below:g}")
        return " and ".join(parts)


@dataclass(frozen=True)
class MeterCompare:
    """A meter's current value lies within bounds."""

    meter: str
    bounds: Bounds


@dataclass(frozen=True)
class Relation:
    """The player's relation with an actor (its relation meter) lies within bounds."""

    actor: str
    bounds: Bounds


@dataclass(frozen=True)
class MilestoneReached:
    milestone: str


@dataclass(frozen=True)
class FlagSet:
    flag: str


@dataclass(frozen=True)
class DraftHas:
    """The draft in context contains the clause."""

    clause: str


@dataclass(frozen=True)
class BodyIs:
    """The draft in context is before one of these bodies."""

    bodies: tuple[str, ...]


@dataclass(frozen=True)
class KindIs:
    """The draft in context is of one of these kinds (draft, procedural, substantive)."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class DateIn:
    """The current turn's date (YYYY-MM) lies in [start, end]; either end may be open."""

    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class InSession:
    """The body sits in the current turn."""

    body: str


@dataclass(frozen=True)
class Sits:
    """The member state sits this year in the body (the context draft's body if none given)."""

    member: str
    body: str | None = None


@dataclass(frozen=True)
class VoteOutcome:
    """After a vote: the context draft ended in one of these outcomes."""

    outcomes: tuple[str, ...]


@dataclass(frozen=True)
class Chance:
    """True with this probability, drawn from the game's seeded script stream."""

    probability: float


@dataclass(frozen=True)
class LeverUsed:
    """The player has used the lever (this turn only, if `this_turn`)."""

    lever: str
    this_turn: bool = False


@dataclass(frozen=True)
class SponsoredBy:
    """The draft in context is sponsored or co-sponsored by this actor."""

    actor: str


@dataclass(frozen=True)
class DraftTabled:
    """Some draft is tabled this turn (in the given body, by the given sponsor, if set)."""

    body: str | None = None
    sponsor: str | None = None


@dataclass(frozen=True)
class ChoiceMade:
    """The player picked this option of this choice (any option if `option` is unset)."""

    choice: str
    option: str | None = None


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = Union[
    MeterCompare,
    Relation,
    MilestoneReached,
    FlagSet,
    DraftHas,
    BodyIs,
    KindIs,
    DateIn,
    InSession,
    Sits,
    VoteOutcome,
    Chance,
    LeverUsed,
    SponsoredBy,
    DraftTabled,
    ChoiceMade,
    AllOf,
    AnyOf,
    Not,
]


def holds(scenario: Scenario, view, ctx: Context, cond: Condition | None) -> bool:
    """Evaluate a condition against a state view (GameState or WorkingState) in a context."""
    if cond is None:
        return True
    return _EVALUATORS[type(cond)](scenario, view, ctx, cond)


def _meter(scenario, view, ctx, c: MeterCompare) -> bool:
    return c.bounds.admits(view.meters[scenario.meter_index[c.meter]])


def _relation(scenario, view, ctx, c: Relation) -> bool:
    meter = scenario.actor(c.actor).relation_meter
    return meter is not None and c.bounds.admits(view.meters[scenario.meter_index[meter]])


def _milestone(scenario, view, ctx, c: MilestoneReached) -> bool:
    return view.has_milestone(c.milestone)


def _flag(scenario, view, ctx, c: FlagSet) -> bool:
    return c.flag in view.flags


def _draft_has(scenario, view, ctx, c: DraftHas) -> bool:
    return ctx.draft is not None and c.clause in ctx.draft.clauses


def _body_is(scenario, view, ctx, c: BodyIs) -> bool:
    return ctx.draft is not None and ctx.draft.body in c.bodies


def _kind_is(scenario, view, ctx, c: KindIs) -> bool:
    return ctx.draft is not None and ctx.draft.kind in c.kinds


def _date_in(scenario, view, ctx, c: DateIn) -> bool:
    date = scenario.calendar[view.turn].date
    if c.start is not None and date < c.start:
        return False
    return not (c.end is not None and date > c.end)


def _in_session(scenario, view, ctx, c: InSession) -> bool:
    return c.body in scenario.calendar[view.turn].sessions


def _sits(scenario, view, ctx, c: Sits) -> bool:
    body = c.body if c.body is not None else (ctx.draft.body if ctx.draft is not None else None)
    if body is None:
        return False
    return scenario.sits(c.member, body, scenario.calendar[view.turn].year)


def _outcome(scenario, view, ctx, c: VoteOutcome) -> bool:
    return ctx.outcome is not None and any(tag in c.outcomes for tag in ctx.outcome)


def _chance(scenario, view, ctx, c: Chance) -> bool:
    return ctx.draw() < c.probability


def _lever_used(scenario, view, ctx, c: LeverUsed) -> bool:
    return view.lever_count(scenario, c.lever, this_turn=c.this_turn) > 0


def _sponsored(scenario, view, ctx, c: SponsoredBy) -> bool:
    d = ctx.draft
    return d is not None and (d.sponsor == c.actor or c.actor in d.cosponsors)


def _tabled(scenario, view, ctx, c: DraftTabled) -> bool:
    return any(
        (c.body is None or d.body == c.body) and (c.sponsor is None or d.sponsor == c.sponsor)
        for d in view.drafts
    )


def _choice(scenario, view, ctx, c: ChoiceMade) -> bool:
    return any(
        made.choice == c.choice and (c.option is None or made.option == c.option)
        for made in view.choices_made
    )


def _all(scenario, view, ctx, c: AllOf) -> bool:
    for item in c.items:  # noqa: SIM110 - a plain loop: this runs for every script at every hook
        if not _EVALUATORS[type(item)](scenario, view, ctx, item):
            return False
    return True


def _any(scenario, view, ctx, c: AnyOf) -> bool:
    for item in c.items:  # noqa: SIM110 - a plain loop: this runs for every script at every hook
        if _EVALUATORS[type(item)](scenario, view, ctx, item):
            return True
    return False


def _not(scenario, view, ctx, c: Not) -> bool:
    return not holds(scenario, view, ctx, c.item)


_EVALUATORS = {
    MeterCompare: _meter,
    Relation: _relation,
    MilestoneReached: _milestone,
    FlagSet: _flag,
    DraftHas: _draft_has,
    BodyIs: _body_is,
    KindIs: _kind_is,
    DateIn: _date_in,
    InSession: _in_session,
    Sits: _sits,
    VoteOutcome: _outcome,
    Chance: _chance,
    LeverUsed: _lever_used,
    SponsoredBy: _sponsored,
    DraftTabled: _tabled,
    ChoiceMade: _choice,
    AllOf: _all,
    AnyOf: _any,
    Not: _not,
}

# Conditions that read the draft in context; hooks without a draft can't use them.
DRAFT_CONDITIONS = (DraftHas, BodyIs, KindIs, VoteOutcome, SponsoredBy)


def walk(cond: Condition | None):
    """Every condition node in a tree, parents first."""
    if cond is None:
        return
    yield cond
    if isinstance(cond, (AllOf, AnyOf)):
        for item in cond.items:
            yield from walk(item)
    elif isinstance(cond, Not):
        yield from walk(cond.item)


def on_text(cond: Condition | None, body: str, kind: str, clauses: tuple[str, ...]) -> bool | None:
    """What a condition says knowing only the text in context (its body, kind and clauses):
    True or False when that settles it, None when it depends on anything else. Lets hooks skip
    scripts that can't apply to a text without evaluating them."""
    if cond is None:
        return True
    t = type(cond)
    if t is DraftHas:
        return cond.clause in clauses
    if t is BodyIs:
        return body in cond.bodies
    if t is KindIs:
        return kind in cond.kinds
    if t is AllOf:
        parts = [on_text(c, body, kind, clauses) for c in cond.items]
        if any(p is False for p in parts):
            return False
        return True if all(p is True for p in parts) else None
    if t is AnyOf:
        parts = [on_text(c, body, kind, clauses) for c in cond.items]
        if any(p is True for p in parts):
            return True
        return False if all(p is False for p in parts) else None
    if t is Not:
        inner = on_text(cond.item, body, kind, clauses)
        return None if inner is None else not inner
    return None


def unmet(scenario: Scenario, view, ctx: Context, cond: Condition | None) -> Condition | None:
    """The first part of a condition that fails now (the whole of it, short of an all-of)."""
    if cond is None or holds(scenario, view, ctx, cond):
        return None
    if isinstance(cond, AllOf):
        for item in cond.items:
            part = unmet(scenario, view, ctx, item)
            if part is not None:
                return part
    return cond


def describe(scenario: Scenario, cond: Condition | None) -> str:
    """A plain-English rendering of a condition, for why_not sentences and tooltips."""
    if cond is None:
        return "always"
    t = type(cond)
    if t is MeterCompare:
        return f"{scenario.meter(cond.meter).name} {cond.bounds.describe()}"
    if t is Relation:
        return f"relations with {scenario.actor(cond.actor).name} {cond.bounds.describe()}"
    if t is MilestoneReached:
        return f"'{scenario.milestone(cond.milestone).name}'"
    if t is FlagSet:
        return f"'{cond.flag.replace('_', ' ')}'"
    if t is DraftHas:
        return f"the text contains '{scenario.clause(cond.clause).name}'"
    if t is BodyIs:
        return "the text is before " + " or ".join(cond.bodies)
    if t is KindIs:
        return "a " + " or ".join(cond.kinds) + " vote"
    if t is DateIn:
        if cond.start and cond.end:
            return f"between {cond.start} and {cond.end}"
        return f"from {cond.start}" if cond.start else f"until {cond.end}"
    if t is InSession:
        return f"the {scenario.body(cond.body).name} in session"
    if t is Sits:
        where = f"the {scenario.body(cond.body).name}" if cond.body else "the body"
        return f"{scenario.member(cond.member).name} sits in {where}"
    if t is VoteOutcome:
        return "the vote ended " + " or ".join(cond.outcomes)
    if t is Chance:
        return f"a {cond.probability:.0%} chance"
    if t is LeverUsed:
        when = " this turn" if cond.this_turn else ""
        return f"'{scenario.lever(cond.lever).name}' used{when}"
    if t is SponsoredBy:
        return f"the text sponsored by {scenario.actor(cond.actor).name}"
    if t is DraftTabled:
        return "a draft tabled" + (f" in the {cond.body}" if cond.body else "")
    if t is ChoiceMade:
        return f"choice '{cond.choice}' made" + (f" ({cond.option})" if cond.option else "")
    if t is AllOf:
        return " and ".join(describe(scenario, i) for i in cond.items)
    if t is AnyOf:
        return "either " + " or ".join(describe(scenario, i) for i in cond.items)
    if t is Not:
        inner = cond.item
        if isinstance(inner, MilestoneReached):
            return f"'{scenario.milestone(inner.milestone).name}' not yet achieved"
        if isinstance(inner, FlagSet):
            return f"'{inner.flag.replace('_', ' ')}' not the case"
        if isinstance(inner, DraftHas):
            return f"the text without '{scenario.clause(inner.clause).name}'"
        return "not (" + describe(scenario, inner) + ")"
    raise TypeError(f"unknown condition {cond!r}")
