"""The closed vocabulary of script effects: plain data, applied by `game.sim.script`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from game.sim.conditions import Condition

VOTES = ("yes", "no", "abstain")


@dataclass(frozen=True)
class Selector:
    """Which member states an effect reaches; the union of everything named."""

    members: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    blocs: tuple[str, ...] = ()
    everyone: bool = False
    chosen: bool = False  # the target the player picked for the lever
    sitting: bool = False  # keep only those sitting in the context draft's body this year


@dataclass(frozen=True)
class MeterAdd:
    meter: str
    amount: float


@dataclass(frozen=True)
class MeterSet:
    meter: str
    value: float


@dataclass(frozen=True)
class ReachMilestone:
    milestone: str


@dataclass(frozen=True)
class SetFlag:
    flag: str


@dataclass(frozen=True)
class ClearFlag:
    flag: str


@dataclass(frozen=True)
class CastVote:
    """The member casts this vote on the context draft, whatever the model says."""

    member: str
    vote: str
    reason: str = ""


@dataclass(frozen=True)
class CallRecordedVote:
    """The member asks for a recorded vote on the context draft (no adoption without a vote)."""

    member: str


@dataclass(frozen=True)
class TableAmendment:
    """`by` tables an amendment deleting clauses from the context draft."""

    by: str
    title: str
    deletes: tuple[str, ...]


@dataclass(frozen=True)
class TableNoAction:
    """`by` moves that no action be taken on the context draft."""

    by: str
    title: str = ""


@dataclass(frozen=True)
class Shift:
    """Move selected states' utility for the texts voted while it lasts (this turn + `turns` - 1)."""

    selector: Selector
    amount: float
    reason: str
    source: str = ""
    scale_by: str | None = None  # multiply by each state's affinity to this actor
    turns: int = 1
    body: str | None = None  # only votes in this body (None: every body)


@dataclass(frozen=True)
class ChoiceOption:
    id: str
    label: str
    text: str = ""
    effects: tuple[Effect, ...] = ()
    requires: Condition | None = None


@dataclass(frozen=True)
class ChoiceSpec:
    id: str
    title: str
    text: str
    options: tuple[ChoiceOption, ...]

    def option(self, option_id: str) -> ChoiceOption | None:
        for o in self.options:
            if o.id == option_id:
                return o
        return None


@dataclass(frozen=True)
class OfferChoice:
    choice: ChoiceSpec


@dataclass(frozen=True)
class Message:
    text: str
    title: str = ""


@dataclass(frozen=True)
class DropClause:
    """Remove a clause from the context draft (a concession or a deal)."""

    clause: str


@dataclass(frozen=True)
class AddClause:
    clause: str


@dataclass(frozen=True)
class TableDraft:
    """An actor tables a text of its own (e.g. a request to put an item on the UNSC agenda)."""

    body: str
    kind: str
    title: str
    sponsor: str
    clauses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cosponsor:
    """The actor co-sponsors the context draft."""

    actor: str


@dataclass(frozen=True)
class When:
    """Apply `then` if the condition holds now, `otherwise` if not."""

    condition: Condition
    then: tuple[Effect, ...] = ()
    otherwise: tuple[Effect, ...] = ()


Effect = Union[
    MeterAdd,
    MeterSet,
    ReachMilestone,
    SetFlag,
    ClearFlag,
    CastVote,
    CallRecordedVote,
    TableAmendment,
    TableNoAction,
    Shift,
    OfferChoice,
    Message,
    DropClause,
    AddClause,
    TableDraft,
    Cosponsor,
    When,
]

# Effects that act on the draft in context; hooks without a draft can't use them.
DRAFT_EFFECTS = (
    CastVote,
    CallRecordedVote,
    TableAmendment,
    TableNoAction,
    DropClause,
    AddClause,
    Cosponsor,
)


def walk(effects: tuple[Effect, ...]):
    """Every effect in a list, nested ones (When branches, choice options) included."""
    for e in effects:
        yield e
        if isinstance(e, When):
            yield from walk(e.then)
            yield from walk(e.otherwise)
        elif isinstance(e, OfferChoice):
            for o in e.choice.options:
                yield from walk(o.effects)
