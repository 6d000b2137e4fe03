"""The scenario and member-data file formats as pydantic models (the source of the JSON Schema)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag, model_validator

from game.authoring.vocabulary import (
    ChoiceSpec,
    Condition,
    Date,
    Effect,
    Id,
    Selector,
    Strict,
    _tag_of,
)

MemberId = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code")]
Text = Annotated[str, Field(max_length=20_000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
VoteKind = Literal["draft", "amendment", "no_action", "procedural", "substantive"]


# -- member data (scenarios/data/*.yaml) ------------------------------------------------------


class GroupModel(Strict):
    id: Id
    name: Name


class BlocModel(Strict):
    id: Id
    name: Name
    description: Text = ""


class MemberModel(Strict):
    id: MemberId
    name: Name
    group: Id = Field(description="the UN regional group")
    blocs: list[Id] = Field(default_factory=list)
    ideal: float = Field(
        ge=-20,
        le=20,
        description="ideal point: the strongest text the state still votes Yes on (fitted: bench/calibrate.py)",
    )
    prior: float | None = Field(
        None,
        ge=-10,
        le=10,
        description="expert judgement of its position, used as a prior by the fit",
    )
    affinity: dict[Id, Annotated[float, Field(ge=0, le=1)]] = Field(
        default_factory=dict,
        description="0..1 towards actors (CHN, RUS, EU, USA, JPN...): how far their lobbying moves it",
    )
    absence: float = Field(0.03, ge=0, le=1, description="base probability of not voting in the GA")


class MembersFile(Strict):
    """A shared list of member states, referenced by scenarios."""

    format: Literal[1]
    groups: list[GroupModel] = Field(min_length=1)
    blocs: list[BlocModel] = Field(default_factory=list)
    members: list[MemberModel] = Field(min_length=1)


# -- scenario -------------------------------------------------------------------------------


class MemberOverride(Strict):
    """Change one member state for this scenario only (a counterfactual, a recalibration)."""

    id: MemberId
    name: Name | None = None
    group: Id | None = None
    blocs: list[Id] | None = None
    ideal: float | None = Field(None, ge=-20, le=20)
    affinity: dict[Id, Annotated[float, Field(ge=0, le=1)]] | None = None
    absence: float | None = Field(None, ge=0, le=1)


class MembersRef(Strict):
    data: str = Field(description="path of the member data file, relative to this scenario")
    overrides: list[MemberOverride] = Field(default_factory=list)


class Briefing(Strict):
    context: Text
    objectives: list[Text] = Field(default_factory=list)


class SourceModel(Strict):
    title: Text
    url: str = ""
    note: Text = ""


class ActorModel(Strict):
    id: Id
    name: Name
    member: MemberId | None = Field(None, description="the member state that casts its votes")
    description: Text = ""
    relation_meter: Id | None = None


class Membership(Strict):
    year: int = Field(ge=1945, le=2200, description="first year this list applies")
    members: list[MemberId]


class BodyModel(Strict):
    id: Id
    name: Name
    short: Name
    procedure: Literal["majority", "security_council"] = "majority"
    seats: int | None = Field(None, ge=1, le=500)
    permanent: list[MemberId] = Field(default_factory=list)
    membership: list[Membership] = Field(default_factory=list)
    everyone: bool = Field(False, description="every member state sits (the General Assembly)")
    takes_up: Id | None = Field(
        None, description="considers the text that body adopted earlier in the year"
    )
    absence_scale: float = Field(1.0, ge=0, le=10)
    description: Text = ""


class TurnModel(Strict):
    date: Date
    label: Name
    sessions: list[Id] = Field(default_factory=list)
    text: Text = ""


class MeterModel(Strict):
    id: Id
    name: Name
    min: float = 0
    max: float = 100
    start: float
    income: float = 0
    rest: float | None = Field(
        None, description="each turn the meter moves back toward this value..."
    )
    rest_rate: float = Field(0.0, ge=0, le=1, description="...by this fraction of the gap")
    description: Text = ""


class MilestoneModel(Strict):
    id: Id
    name: Name
    description: Text = ""


class ReactionModel(Selector):
    amount: float = Field(ge=-20, le=20, description="+ pleases, - angers (support units)")
    reason: str = ""


class ClauseModel(Strict):
    id: Id
    name: Name
    short: Name = Field(description='how a vote reason names it: "ICC referral clause"')
    text: Text = ""
    strength: float = Field(ge=-20, le=20)
    bodies: list[Id] = Field(
        default_factory=list, description="where it may appear (empty: anywhere)"
    )
    requires: Condition | None = None
    excludes: list[Id] = Field(default_factory=list)
    reactions: list[ReactionModel] = Field(default_factory=list)
    on_tabled: list[Effect] = Field(default_factory=list)
    on_adopted: list[Effect] = Field(default_factory=list)


class DraftingModel(Strict):
    body: Id
    kind: Literal["draft", "procedural", "substantive"] = "draft"
    cost: float = Field(ge=0)
    title: Name
    requires: Condition | None = None
    revise_cost: float = Field(1.0, ge=0)


class LeverModel(Strict):
    id: Id
    name: Name
    family: Literal["drafting", "coalition", "engagement", "pressure", "documentation"]
    description: Text
    hint: Text = Field("", description="the expected effect, shown before use")
    cost: float = Field(ge=0)
    target: Literal["none", "member", "group", "bloc", "group_or_bloc", "draft"] = "none"
    per_turn: int = Field(1, ge=0, description="uses per turn (0: no limit)")
    max_uses: int | None = Field(None, ge=1)
    requires: Condition | None = None
    effects: list[Effect] = Field(min_length=1)


class ScriptModel(Strict):
    id: Id
    actor: Id
    on: Literal["briefing", "opposition", "before_vote", "after_vote", "consequences"]
    if_: Condition | None = Field(None, alias="if")
    then: list[Effect] = Field(min_length=1)
    once: bool = False
    description: Text = Field("", description="what the actor did, as the player reads it")


class EventModel(Strict):
    id: Id
    title: Name
    text: Text
    date: Date | None = Field(None, description="scheduled on this turn (otherwise conditional)")
    if_: Condition | None = Field(None, alias="if")
    probability: float = Field(1.0, ge=0.0, le=1.0)
    once: bool = True
    effects: list[Effect] = Field(default_factory=list)
    choice: ChoiceSpec | None = None


class TMeter(Strict):
    meter: Id
    points: float


class TMilestone(Strict):
    milestone: Id
    points: float


class TFlag(Strict):
    flag: Id
    points: float


class TVoteMargin(Strict):
    vote_margin: Literal[True]
    points: float


TERM_TAGS = {"meter": TMeter, "milestone": TMilestone, "flag": TFlag, "vote_margin": TVoteMargin}
Term = Annotated[
    Union[tuple(Annotated[cls, Tag(tag)] for tag, cls in TERM_TAGS.items())],  # type: ignore[misc]
    Discriminator(
        _tag_of(TERM_TAGS),
        custom_error_type="unknown_term",
        custom_error_message="not a score term; a term starts with one of: " + ", ".join(TERM_TAGS),
    ),
]


class TrackModel(Strict):
    id: Id
    name: Name
    weight: float = Field(ge=0)
    description: Text = ""
    terms: list[Term] = Field(min_length=1)


class GradeModel(Strict):
    min: float
    grade: Name
    label: Text = ""


class ScoreModel(Strict):
    tracks: list[TrackModel] = Field(min_length=1)
    grades: list[GradeModel] = Field(min_length=1)


class TextSpec(Strict):
    body: Id
    clauses: list[Id] = Field(min_length=1)


class ChooseSpec(Strict):
    choice: Id
    option: Id


class HTable(Strict):
    table: TextSpec


class HRevise(Strict):
    revise: TextSpec


class HLever(Strict):
    lever: Id
    target: str | None = Field(None, pattern=r"^(member|group|bloc|draft):[A-Za-z0-9_]+$")


class HChoose(Strict):
    choose: ChooseSpec


HISTORY_TAGS = {"table": HTable, "revise": HRevise, "lever": HLever, "choose": HChoose}
HistoryAction = Annotated[
    Union[tuple(Annotated[cls, Tag(tag)] for tag, cls in HISTORY_TAGS.items())],  # type: ignore[misc]
    Discriminator(
        _tag_of(HISTORY_TAGS),
        custom_error_type="unknown_action",
        custom_error_message="not an action; an action starts with one of: "
        + ", ".join(HISTORY_TAGS),
    ),
]


class NamedBallots(Strict):
    """Member states known to have voted each way (a roll call, or the part of it on record)."""

    yes: list[MemberId] = Field(default_factory=list)
    no: list[MemberId] = Field(default_factory=list)
    abstain: list[MemberId] = Field(default_factory=list)


class RecordModel(Strict):
    """A vote as it happened: for the debrief, and (with `calibrate: true`) for fitting the model."""

    body: Id
    kind: VoteKind
    title: Name
    adopted: bool
    yes: int | None = Field(None, ge=0)
    no: int | None = Field(None, ge=0)
    abstain: int | None = Field(None, ge=0)
    absent: int | None = Field(None, ge=0)
    named: NamedBallots | None = None
    calibrate: bool = Field(
        False, description="fit the vote model to this vote (bench/calibrate.py)"
    )
    note: Text = ""


class HistoryModel(Strict):
    date: Date
    note: Text = ""
    actions: list[HistoryAction] = Field(default_factory=list)
    record: list[RecordModel] = Field(default_factory=list)


class VoteModelModel(Strict):
    noise: float = Field(1.0, gt=0, le=10)
    cutpoints: dict[VoteKind, Annotated[list[float], Field(min_length=2, max_length=2)]] = Field(
        default_factory=dict,
        description="per vote kind: [No|Abstain, Abstain|Yes] on the support axis",
    )
    amendment_clause_weight: float = Field(1.0, ge=0, le=10)
    cosponsor_weight: float = Field(1.0, ge=0, le=10)
    bloc_cohesion: dict[Id, Annotated[float, Field(ge=0, le=1)]] = Field(default_factory=dict)
    absence_by_kind: dict[VoteKind, Annotated[float, Field(ge=0, le=20)]] = Field(
        default_factory=dict,
        description="multiplies members' absence in votes of this kind (delegations leave the room for amendments)",
    )
    stance_center: float = 0.0
    fog: float = Field(1.0, ge=0, le=10)
    intelligence_meter: Id | None = None
    reveal_at: float | None = None
    stance_for: Name = "supports country-specific human-rights scrutiny"
    stance_against: Name = "rejects country-specific resolutions on principle"

    @model_validator(mode="after")
    def _ordered(self):
        for kind, (lo, hi) in self.cutpoints.items():
            if lo > hi:
                raise ValueError(
                    f"cutpoints for {kind}: the first ({lo}) must not exceed the second ({hi})"
                )
        return self


class ScenarioFile(Strict):
    """A Critical Engagement scenario."""

    format: Literal[1] = Field(description="file format version")
    id: Id
    title: Name
    period: Name
    description: Text
    briefing: Briefing
    assumptions: Text
    sources: list[SourceModel] = Field(default_factory=list)
    members: MembersRef
    player: Id = Field(description="the actor the player steers")
    capital_meter: Id = "capital"
    actors: list[ActorModel] = Field(min_length=1)
    bodies: list[BodyModel] = Field(min_length=1)
    calendar: list[TurnModel] = Field(min_length=1, max_length=200)
    meters: list[MeterModel] = Field(min_length=1)
    milestones: list[MilestoneModel] = Field(default_factory=list)
    clauses: list[ClauseModel] = Field(default_factory=list)
    drafting: list[DraftingModel] = Field(default_factory=list)
    levers: list[LeverModel] = Field(default_factory=list)
    scripts: list[ScriptModel] = Field(default_factory=list)
    events: list[EventModel] = Field(default_factory=list)
    score: ScoreModel
    history: list[HistoryModel] = Field(default_factory=list)
    vote_model: VoteModelModel = Field(default_factory=VoteModelModel)
