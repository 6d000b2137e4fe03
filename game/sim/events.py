"""What happened: frozen records returned by `apply`, shown, animated and explained by the UIs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from game.sim.effects import ChoiceSpec
    from game.sim.state import VoteRecord


@dataclass(frozen=True)
class TurnBegan:
    turn: int
    date: str
    label: str


@dataclass(frozen=True)
class PhaseBegan:
    phase: str


@dataclass(frozen=True)
class News:
    title: str
    text: str
    source: str = ""  # the event or script that produced it
    actor: str = ""


@dataclass(frozen=True)
class MeterChanged:
    """A meter moved: by how much, when and why (also the state's ledger entry)."""

    meter: str
    before: float
    after: float
    cause: str
    turn: int = 0


@dataclass(frozen=True)
class MilestoneReached:
    milestone: str
    cause: str


@dataclass(frozen=True)
class LeverUsed:
    lever: str
    target: str | None
    cost: float


@dataclass(frozen=True)
class DraftTabled:
    uid: int
    body: str
    kind: str
    title: str
    sponsor: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class DraftRevised:
    uid: int
    body: str
    clauses: tuple[str, ...]
    cause: str


@dataclass(frozen=True)
class Cosponsored:
    uid: int
    actor: str


@dataclass(frozen=True)
class AmendmentTabled:
    uid: int
    by: str
    title: str
    deletes: tuple[str, ...]


@dataclass(frozen=True)
class NoActionTabled:
    uid: int
    by: str
    title: str


@dataclass(frozen=True)
class RecordedVoteCalled:
    uid: int
    member: str


@dataclass(frozen=True)
class VoteForced:
    uid: int
    member: str
    vote: str
    reason: str


@dataclass(frozen=True)
class Shifted:
    source: str
    reason: str
    members: int
    total: float


@dataclass(frozen=True)
class ScriptFired:
    script: str
    actor: str
    description: str


@dataclass(frozen=True)
class ChoiceOffered:
    choice: ChoiceSpec


@dataclass(frozen=True)
class ChoiceMade:
    choice: str
    option: str
    label: str


@dataclass(frozen=True)
class VoteHeld:
    record: VoteRecord


@dataclass(frozen=True)
class Refused:
    """The action was not legal; nothing changed."""

    reason: str


@dataclass(frozen=True)
class GameOver:
    score: float
    grade: str


Event = Union[
    TurnBegan,
    PhaseBegan,
    News,
    MeterChanged,
    MilestoneReached,
    LeverUsed,
    DraftTabled,
    DraftRevised,
    Cosponsored,
    AmendmentTabled,
    NoActionTabled,
    RecordedVoteCalled,
    VoteForced,
    Shifted,
    ScriptFired,
    ChoiceOffered,
    ChoiceMade,
    VoteHeld,
    Refused,
    GameOver,
]
