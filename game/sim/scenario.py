"""The frozen definition of a scenario: its world, calendar, texts, levers, scripts and scoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.sim.actions import Action
    from game.sim.conditions import Condition
    from game.sim.effects import ChoiceSpec, Effect, Selector

# Procedures a body can follow (see game.sim.procedure for the rules they cite).
MAJORITY = "majority"  # HRC, GA plenary and committees: majority of members present and voting
SECURITY_COUNCIL = "security_council"  # UN Charter Art. 27

DRAFT_KINDS = ("draft", "procedural", "substantive")
VOTE_KINDS = ("draft", "amendment", "no_action", "procedural", "substantive")
PHASES = ("briefing", "diplomacy", "opposition", "votes", "consequences")
HOOKS = ("briefing", "opposition", "before_vote", "after_vote", "consequences")
DRAFT_HOOKS = ("opposition", "before_vote", "after_vote")
TARGETS = ("none", "member", "group", "bloc", "group_or_bloc", "draft")


@dataclass(frozen=True)
class Group:
    id: str
    name: str


@dataclass(frozen=True)
class Bloc:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    group: str
    blocs: tuple[str, ...]
    ideal: float
    affinity: tuple[tuple[str, float], ...]
    absence: float
    prior: float | None = None  # expert judgement of its position (the fit's prior)

    def affinity_to(self, actor: str) -> float:
        for key, value in self.affinity:
            if key == actor:
                return value
        return 0.0


@dataclass(frozen=True)
class Actor:
    """Someone who moves in the game: the player's side, or a scripted government."""

    id: str
    name: str
    member: str | None = None  # the member state that casts its votes, if any
    description: str = ""
    relation_meter: str | None = None


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    short: str
    procedure: str
    seats: int | None
    permanent: tuple[str, ...] = ()
    membership: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (first year, members) ascending
    everyone: bool = False  # all member states (the General Assembly and its committees)
    takes_up: str | None = None  # considers the text this body adopted earlier in the year
    absence_scale: float = 1.0
    description: str = ""


@dataclass(frozen=True)
class Turn:
    date: str  # YYYY-MM
    label: str
    sessions: tuple[str, ...]
    text: str = ""

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class Meter:
    id: str
    name: str
    min: float
    max: float
    start: float
    income: float = 0.0
    description: str = ""
    rest: float | None = None  # each turn the meter moves back toward this value...
    rest_rate: float = 0.0  # ...by this fraction of the gap (anger fades, attention wanes)


@dataclass(frozen=True)
class Milestone:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Reaction:
    """How a clause moves some states' support: + pleases them, - angers them."""

    selector: Selector
    amount: float
    reason: str = ""


@dataclass(frozen=True)
class Clause:
    id: str
    name: str
    short: str
    text: str
    strength: float
    bodies: tuple[str, ...] = ()  # empty: any body
    requires: Condition | None = None
    reactions: tuple[Reaction, ...] = ()
    on_tabled: tuple[Effect, ...] = ()
    on_adopted: tuple[Effect, ...] = ()
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftingRule:
    """The player may table a text of this kind in this body, at this cost, if `requires` holds."""

    body: str
    kind: str
    cost: float
    title: str
    requires: Condition | None = None
    revise_cost: float = 1.0


@dataclass(frozen=True)
class Lever:
    id: str
    name: str
    family: str
    description: str
    cost: float
    effects: tuple[Effect, ...]
    requires: Condition | None = None
    target: str = "none"
    per_turn: int = 1
    max_uses: int | None = None
    hint: str = ""  # the expected effect, shown before the lever is used


@dataclass(frozen=True)
class Script:
    id: str
    actor: str
    hook: str
    effects: tuple[Effect, ...]
    when: Condition | None = None
    once: bool = False
    description: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    text: str
    date: str | None = None  # scheduled on this turn; None: conditional
    when: Condition | None = None
    probability: float = 1.0
    once: bool = True
    effects: tuple[Effect, ...] = ()
    choice: ChoiceSpec | None = None


@dataclass(frozen=True)
class ScoreTerm:
    """One part of a track: `kind` is meter, milestone, flag or vote_margin."""

    kind: str
    ref: str
    points: float


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    weight: float
    terms: tuple[ScoreTerm, ...]
    description: str = ""


@dataclass(frozen=True)
class Grade:
    min: float
    grade: str
    label: str = ""


@dataclass(frozen=True)
class RecordedVote:
    """A vote as it happened in reality, for the debrief and the calibration report."""

    body: str
    kind: str
    title: str
    adopted: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    absent: int | None = None
    note: str = ""
    named: tuple[
        tuple[str, tuple[str, ...]], ...
    ] = ()  # (("yes", ids), ("no", ids), ("abstain", ids))
    calibrate: bool = False

    @property
    def without_vote(self) -> bool:
        return self.yes is None


@dataclass(frozen=True)
class HistoryStep:
    date: str
    actions: tuple[Action, ...]
    note: str = ""
    record: tuple[RecordedVote, ...] = ()


@dataclass(frozen=True)
class VoteModel:
    """Parameters of the ordered-logit vote model (see game.sim.votes)."""

    noise: float = 1.0
    cutpoints: tuple[tuple[str, float, float], ...] = ()  # (vote kind, No|Abstain, Abstain|Yes)
    amendment_clause_weight: float = 1.0
    cosponsor_weight: float = 1.0
    bloc_cohesion: tuple[tuple[str, float], ...] = ()
    absence_by_kind: tuple[tuple[str, float], ...] = ()
    stance_center: float = 0.0
    fog: float = 1.0  # extra forecast noise with no intelligence at all
    intelligence_meter: str | None = None
    reveal_at: float | None = (
        None  # intelligence level at which forecasts see the opposition's moves
    )
    stance_for: str = "supports country-specific human-rights scrutiny"
    stance_against: str = "rejects country-specific resolutions on principle"

    def absence_for(self, kind: str) -> float:
        for k, scale in self.absence_by_kind:
            if k == kind:
                return scale
        return 1.0

    def cutpoints_for(self, kind: str) -> tuple[float, float]:
        for k, lo, hi in self.cutpoints:
            if k == kind:
                return lo, hi
        return -1.0, 1.0


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    period: str
    description: str
    context: str
    objectives: tuple[str, ...]
    assumptions: str
    sources: tuple[Source, ...]
    player: str
    actors: tuple[Actor, ...]
    groups: tuple[Group, ...]
    blocs: tuple[Bloc, ...]
    members: tuple[Member, ...]
    bodies: tuple[Body, ...]
    calendar: tuple[Turn, ...]
    meters: tuple[Meter, ...]
    milestones: tuple[Milestone, ...]
    clauses: tuple[Clause, ...]
    drafting: tuple[DraftingRule, ...]
    levers: tuple[Lever, ...]
    scripts: tuple[Script, ...]
    events: tuple[Event, ...]
    tracks: tuple[Track, ...]
    grades: tuple[Grade, ...]
    history: tuple[HistoryStep, ...] = ()
    vote_model: VoteModel = field(default_factory=VoteModel)
    capital_meter: str = "capital"
    content_hash: str = ""
    # Derived look-ups, filled in __post_init__ (not compared, not hashed).
    member_index: dict[str, int] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    meter_index: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)
    clause_index: dict[str, int] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    lever_index: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)
    cache: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.member_index.update({m.id: i for i, m in enumerate(self.members)})
        self.meter_index.update({m.id: i for i, m in enumerate(self.meters)})
        self.clause_index.update({c.id: i for i, c in enumerate(self.clauses)})
        self.lever_index.update({lv.id: i for i, lv in enumerate(self.levers)})
        for name, items in (
            ("actors", self.actors),
            ("bodies", self.bodies),
            ("milestones", self.milestones),
            ("groups", self.groups),
            ("blocs", self.blocs),
            ("events", self.events),
            ("scripts", self.scripts),
        ):
            self.cache[name] = {x.id: x for x in items}
        self.cache["sitting"] = {}
        self.cache["scripts_by_hook"] = {
            h: tuple(s for s in self.scripts if s.hook == h) for h in HOOKS
        }

    # -- look-ups by id ------------------------------------------------------------------
    def member(self, member_id: str) -> Member:
        return self.members[self.member_index[member_id]]

    def meter(self, meter_id: str) -> Meter:
        return self.meters[self.meter_index[meter_id]]

    def clause(self, clause_id: str) -> Clause:
        return self.clauses[self.clause_index[clause_id]]

    def lever(self, lever_id: str) -> Lever:
        return self.levers[self.lever_index[lever_id]]

    def actor(self, actor_id: str) -> Actor:
        return self.cache["actors"][actor_id]

    def body(self, body_id: str) -> Body:
        return self.cache["bodies"][body_id]

    def milestone(self, milestone_id: str) -> Milestone:
        return self.cache["milestones"][milestone_id]

    def group(self, group_id: str) -> Group:
        return self.cache["groups"][group_id]

    def bloc(self, bloc_id: str) -> Bloc:
        return self.cache["blocs"][bloc_id]

    def event(self, event_id: str) -> Event:
        return self.cache["events"][event_id]

    def scripts_for(self, hook: str) -> tuple[Script, ...]:
        return self.cache["scripts_by_hook"][hook]

    def actor_name(self, actor_id: str) -> str:
        actor = self.cache["actors"].get(actor_id)
        if actor is not None:
            return actor.name
        if actor_id in self.member_index:
            return self.member(actor_id).name
        return actor_id

    def drafting_rule(self, body_id: str) -> DraftingRule | None:
        for rule in self.drafting:
            if rule.body == body_id:
                return rule
        return None

    # -- membership ----------------------------------------------------------------------
    def seated(self, body_id: str, year: int) -> np.ndarray:
        """Indices of the member states sitting in the body in that year (scenario order)."""
        key = (body_id, year)
        cached = self.cache["sitting"].get(key)
        if cached is None:
            ids = self.seated_ids(body_id, year)
            cached = np.array(sorted(self.member_index[i] for i in ids), dtype=np.intp)
            cached.setflags(write=False)
            self.cache["sitting"][key] = cached
            self.cache["sitting"][(key, "set")] = frozenset(ids)
        return cached

    def seated_ids(self, body_id: str, year: int) -> tuple[str, ...]:
        body = self.body(body_id)
        if body.everyone:
            return tuple(m.id for m in self.members)
        chosen: tuple[str, ...] = ()
        for first_year, ids in body.membership:
            if first_year <= year:
                chosen = ids
        return tuple(body.permanent) + tuple(chosen)

    def sits(self, member_id: str, body_id: str, year: int) -> bool:
        self.seated(body_id, year)
        return member_id in self.cache["sitting"][((body_id, year), "set")]

    @property
    def player_actor(self) -> Actor:
        return self.actor(self.player)
