"""The frozen game state: everything that changes during a game, and nothing else."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.sim.events import MeterChanged

if TYPE_CHECKING:
    from game.sim.actions import Action
    from game.sim.effects import ChoiceSpec
    from game.sim.scenario import Scenario

OUTCOMES = ("adopted", "rejected", "no_action", "vetoed")


@dataclass(frozen=True)
class Amendment:
    by: str
    title: str
    deletes: tuple[str, ...]


@dataclass(frozen=True)
class NoActionMotion:
    by: str
    title: str


@dataclass(frozen=True)
class Draft:
    """A text tabled in a body this turn, with the motions and calls attached to it."""

    uid: int
    body: str
    kind: str  # draft | procedural | substantive
    sponsor: str
    title: str
    clauses: tuple[str, ...]
    cosponsors: tuple[str, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    no_action: NoActionMotion | None = None
    callers: tuple[str, ...] = ()  # members who asked for a recorded vote
    forced: tuple[tuple[str, str, str], ...] = ()  # (member, vote, reason) set by scripts
    outcome: str = ""  # "" while tabled; then one of OUTCOMES
    without_vote: bool = False
    origin: int | None = None  # the draft this one was taken up from


@dataclass(frozen=True)
class VoteRecord:
    """One vote (or adoption without a vote) as the chamber saw it."""

    vote_id: str  # stable across games: "{date}-{body}-{kind}[-n]"
    turn: int
    body: str
    kind: str  # draft | amendment | no_action | procedural | substantive
    title: str
    draft_uid: int
    mover: str  # the sponsor of the text, or the mover of the motion
    recorded: bool
    adopted: bool
    yes: int = 0
    no: int = 0
    abstain: int = 0
    absent: int = 0
    ballots: str = ""  # one of Y N A - per seated member, in scenario order; "" without a vote
    forced: tuple[tuple[int, str], ...] = ()  # (seat, reason) for votes a script imposed
    vetoed_by: tuple[str, ...] = ()
    threshold: str = ""
    # What the chamber weighed (a votes.Weighing; called, it gives the terms, the seated member
    # indices and whether this was a motion against the text). Derived from the state at the
    # vote, so it takes no part in equality or the state hash; it is read only when someone
    # asks why a member voted as it did, or by the calibration fit.
    why: object = field(default=None, compare=False, repr=False)

    def reason(self, seat: int) -> str:
        """Why the member in this seat (index into the body's seated members) voted as it did.

        A Yes on a text is explained by its largest positive term, a No or an abstention by its
        most negative one (what held it back); on a motion against the text, the reverse.
        """
        if not self.recorded:
            return "joined the consensus"
        ballot = self.ballots[seat]
        if ballot == "-":
            return "absent from the vote"
        for forced_seat, reason in self.forced:
            if forced_seat == seat:
                return reason
        if not self.why:
            return ""
        terms, seated, motion = self.why()
        member = seated[seat]
        values = [(vec[member] if isinstance(vec, np.ndarray) else vec) for _, _, vec in terms]
        for_text = ballot == ("N" if motion else "Y")
        pick = (
            max(range(len(values)), key=values.__getitem__)
            if for_text
            else min(range(len(values)), key=values.__getitem__)
        )
        value = values[pick]
        if for_text and value <= 0:
            return "leans in favour on balance"
        if not for_text and value >= 0:
            return "hesitates on balance"
        return terms[pick][0] if value >= 0 else terms[pick][1]


@dataclass(frozen=True)
class NewsItem:
    turn: int
    title: str
    text: str
    source: str = ""
    actor: str = ""


@dataclass(frozen=True)
class PendingChoice:
    spec: ChoiceSpec
    source: str  # the event or script that offered it
    draft_uid: int | None = None  # the draft its options act on, if any


@dataclass(frozen=True)
class ChoiceRecord:
    choice: str
    option: str
    turn: int


@dataclass(frozen=True)
class ShiftRecord:
    """A utility shift on some states (lobbying, counter-lobbying) and how long it lasts."""

    source: str
    reason: str
    members: tuple[int, ...]  # member indices
    amounts: tuple[float, ...]
    last_turn: int
    body: str | None = None

    @property
    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(members, amounts) as numpy arrays, built once (derived data: not part of equality)."""
        cached = self.__dict__.get("_arrays")
        if cached is None:
            cached = np.array(self.members, dtype=np.intp), np.array(self.amounts, dtype=float)
            self.__dict__["_arrays"] = (
                cached  # a cache, not a field: equality and hashing ignore it
            )
        return cached

    def active(self, turn: int, body: str) -> bool:
        return self.last_turn >= turn and (self.body is None or self.body == body)


@dataclass(frozen=True)
class GameState:
    seed: int
    turn: int
    phase: str
    step: int  # actions applied so far (== len(log))
    meters: tuple[float, ...]  # scenario meter order
    milestones: tuple[tuple[str, int], ...] = ()  # (id, turn reached), in the order reached
    flags: tuple[str, ...] = ()  # sorted
    drafts: tuple[Draft, ...] = ()  # this turn's texts
    adopted: tuple[Draft, ...] = ()  # every text adopted so far (for bodies that take them up)
    shifts: tuple[ShiftRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = ()
    pending: tuple[PendingChoice, ...] = ()
    choices_made: tuple[ChoiceRecord, ...] = ()
    fired: tuple[str, ...] = ()  # once-only events and scripts that have fired
    lever_uses: tuple[tuple[str, int], ...] = ()  # (lever, turn)
    chronicle: tuple[NewsItem, ...] = ()
    ledger: tuple[MeterChanged, ...] = ()  # every meter change, with its turn and cause
    meter_log: tuple[tuple[float, ...], ...] = ()  # meters at the start of each turn, then the end
    log: tuple[Action, ...] = ()
    next_uid: int = 1

    @property
    def over(self) -> bool:
        return self.phase == "over"

    def has_milestone(self, milestone: str) -> bool:
        reached = self.__dict__.get("_reached")
        if reached is None:  # a cache of the ids, not a field: equality and hashing ignore it
            reached = self.__dict__["_reached"] = frozenset(m for m, _ in self.milestones)
        return milestone in reached

    def meter(self, scenario: Scenario, meter: str) -> float:
        return self.meters[scenario.meter_index[meter]]

    def lever_count(self, scenario: Scenario, lever: str, this_turn: bool = False) -> int:
        return sum(
            1 for lv, t in self.lever_uses if lv == lever and (not this_turn or t == self.turn)
        )

    def draft_in(self, body: str, sponsor: str | None = None) -> Draft | None:
        for d in self.drafts:
            if d.body == body and (sponsor is None or d.sponsor == sponsor) and d.origin is None:
                return d
        return None

    def draft_by_uid(self, uid: int) -> Draft | None:
        for d in self.drafts:
            if d.uid == uid:
                return d
        return None

    def news(self) -> tuple[NewsItem, ...]:
        """This turn's news."""
        return tuple(n for n in self.chronicle if n.turn == self.turn)


CACHES = ("_reached", "_arrays")  # derived values some records keep in their __dict__


def evolve(record, **changes):
    """A copy of a frozen record with some fields changed (dataclasses.replace without its
    per-call introspection; this runs on every vote call and forced vote)."""
    assert changes.keys() <= record.__dataclass_fields__.keys(), changes.keys()
    values = record.__dict__.copy()
    for cache in CACHES:
        values.pop(cache, None)  # caches describe the original, not the copy
    values.update(changes)
    copy = object.__new__(type(record))
    copy.__dict__.update(values)
    return copy


def _plain(value):
    """A JSON-ready, order-stable rendering of any state value (dataclasses, tuples, floats)."""
    if is_dataclass(value):
        return [type(value).__name__] + [
            _plain(getattr(value, f.name)) for f in fields(value) if f.compare
        ]
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float):
        return value.hex()  # exact: the hash changes if a single bit does
    return value


def state_hash(state: GameState) -> str:
    """A digest of the whole state; equal states give equal digests on every machine."""
    blob = json.dumps(_plain(state), separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()
