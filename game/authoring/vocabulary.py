"""The file format of script conditions and effects (pydantic), mirroring game.sim's closed vocabulary."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

Id = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=64)]
Date = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")]
OneOrMore = Union[Id, list[Id]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=False)


class BoundsMixin(Strict):
    at_least: float | None = Field(None, description="inclusive lower limit")
    at_most: float | None = Field(None, description="inclusive upper limit")
    above: float | None = Field(None, description="strict lower limit")
    below: float | None = Field(None, description="strict upper limit")

    @model_validator(mode="after")
    def _some_bound(self):
        if all(v is None for v in (self.at_least, self.at_most, self.above, self.below)):
            raise ValueError("give at least one of at_least, at_most, above, below")
        return self


# -- conditions -----------------------------------------------------------------------------


class CMeter(BoundsMixin):
    """A meter's value lies within bounds: {meter: cohesion, at_least: 40}."""

    meter: Id


class CRelation(BoundsMixin):
    """The player's relation with an actor (its relation meter): {relation: CHN, below: 30}."""

    relation: Id


class CMilestone(Strict):
    """A milestone has been reached: {milestone: coi_report}."""

    milestone: Id


class CFlag(Strict):
    """A flag is set: {flag: dialogue_suspended}."""

    flag: Id


class CDraftHas(Strict):
    """The draft in context contains a clause: {draft_has: icc_referral}."""

    draft_has: Id


class CBody(Strict):
    """The draft in context is before this body (or one of these): {body: [GA3, GA]}."""

    body: OneOrMore


class CVoteKind(Strict):
    """The draft in context is of this kind: {vote_kind: substantive}."""

    vote_kind: (
        Literal["draft", "procedural", "substantive"]
        | list[Literal["draft", "procedural", "substantive"]]
    )


class DateRange(Strict):
    from_: Date | None = Field(None, alias="from")
    to: Date | None = None


class CDate(Strict):
    """The turn's date lies in a range: {date: {from: "2014-01", to: "2014-12"}}."""

    date: DateRange


class CInSession(Strict):
    """The body sits this turn: {in_session: UNSC}."""

    in_session: Id


class CSits(Strict):
    """A member state sits in the body this year: {sits: CHN} (the draft's body) or {sits: CHN, in: HRC}."""

    sits: Id
    in_: Id | None = Field(None, alias="in")


Outcome = Literal["adopted", "rejected", "no_action", "vetoed", "without_vote", "recorded"]


class COutcome(Strict):
    """After a vote, how the draft in context ended: {outcome: adopted}."""

    outcome: Outcome | list[Outcome]


class CChance(Strict):
    """True with this probability, drawn from the game's seeded stream: {chance: 0.3}."""

    chance: float = Field(ge=0.0, le=1.0)


class CLeverUsed(Strict):
    """The player has used a lever: {lever_used: fund_coi} or {lever_used: x, this_turn: true}."""

    lever_used: Id
    this_turn: bool = False


class CSponsoredBy(Strict):
    """The draft in context is sponsored or co-sponsored by an actor: {sponsored_by: JPN}."""

    sponsored_by: Id


class DraftFilter(Strict):
    body: Id | None = None
    sponsor: Id | None = None


class CDraftTabled(Strict):
    """A draft is tabled this turn: {draft_tabled: {body: GA3}}."""

    draft_tabled: DraftFilter


class CChoiceMade(Strict):
    """The player answered a choice (with this option): {choice_made: dprk_offer, option: accept}."""

    choice_made: Id
    option: Id | None = None


class CAll(Strict):
    all: list[Condition] = Field(min_length=1)


class CAny(Strict):
    any: list[Condition] = Field(min_length=1)


class CNot(Strict):
    not_: Condition = Field(alias="not")


CONDITION_TAGS = {
    "meter": CMeter,
    "relation": CRelation,
    "milestone": CMilestone,
    "flag": CFlag,
    "draft_has": CDraftHas,
    "body": CBody,
    "vote_kind": CVoteKind,
    "date": CDate,
    "in_session": CInSession,
    "sits": CSits,
    "outcome": COutcome,
    "chance": CChance,
    "lever_used": CLeverUsed,
    "sponsored_by": CSponsoredBy,
    "draft_tabled": CDraftTabled,
    "choice_made": CChoiceMade,
    "all": CAll,
    "any": CAny,
    "not": CNot,
}


def _tag_of(tags):
    def pick(value):
        if isinstance(value, dict):
            for key in value:
                if key in tags:
                    return key
        elif isinstance(value, BaseModel):
            for key, cls in tags.items():
                if isinstance(value, cls):
                    return key
        return None

    return pick


Condition = Annotated[
    Union[tuple(Annotated[cls, Tag(tag)] for tag, cls in CONDITION_TAGS.items())],  # type: ignore[misc]
    Discriminator(
        _tag_of(CONDITION_TAGS),
        custom_error_type="unknown_condition",
        custom_error_message="not a condition; a condition starts with one of: "
        + ", ".join(CONDITION_TAGS),
    ),
]


# -- effects --------------------------------------------------------------------------------


class Selector(Strict):
    members: list[Id] = Field(default_factory=list, description="member state ids (ISO alpha-3)")
    groups: list[Id] = Field(default_factory=list, description="regional group ids")
    blocs: list[Id] = Field(default_factory=list, description="bloc ids")
    everyone: bool = False
    chosen: bool = Field(False, description="the target the player picked for the lever")
    sitting: bool = Field(False, description="only those sitting in the draft's body this year")


class EMeter(Strict):
    """Change a meter: {meter: engagement, add: -10} or {meter: engagement, set: 0}."""

    meter: Id
    add: float | None = None
    set: float | None = None

    @model_validator(mode="after")
    def _one(self):
        if (self.add is None) == (self.set is None):
            raise ValueError("give exactly one of add, set")
        return self


class EMilestone(Strict):
    """Reach a milestone: {milestone: unsc_agenda}."""

    milestone: Id


class EFlag(Strict):
    """Set a flag: {flag: offer_refused}."""

    flag: Id


class EClearFlag(Strict):
    clear_flag: Id


class VoteSpec(Strict):
    member: Id
    vote: Literal["yes", "no", "abstain"]
    reason: str = ""


class ECastVote(Strict):
    """A member casts a vote on the draft in context: {cast_vote: {member: CHN, vote: no, reason: ...}}."""

    cast_vote: VoteSpec


class ECallVote(Strict):
    """A member asks for a recorded vote on the draft in context: {call_recorded_vote: CHN}."""

    call_recorded_vote: Id


class AmendmentSpec(Strict):
    by: Id
    title: str
    deletes: list[Id] = Field(min_length=1)


class ETableAmendment(Strict):
    """Table an amendment deleting clauses from the draft in context."""

    table_amendment: AmendmentSpec


class NoActionSpec(Strict):
    by: Id
    title: str = ""


class ETableNoAction(Strict):
    """Move that no action be taken on the draft in context."""

    table_no_action: NoActionSpec


class ShiftSpec(Selector):
    amount: float
    reason: str = Field(description='shown as the reason for a vote: "counter-lobbied by China"')
    source: Id | None = Field(None, description="the actor doing it (default: the script's actor)")
    scale_by: Id | None = Field(None, description="multiply by each state's affinity to this actor")
    turns: int = Field(1, ge=1, le=100)
    body: Id | None = None


class EShift(Strict):
    """Shift some states' support for texts voted while it lasts."""

    shift: ShiftSpec


class OptionSpec(Strict):
    id: Id
    label: str
    text: str = ""
    effects: list[Effect] = Field(default_factory=list)
    requires: Condition | None = None


class ChoiceSpec(Strict):
    id: Id
    title: str
    text: str
    options: list[OptionSpec] = Field(min_length=1)


class EOfferChoice(Strict):
    """Offer the player a choice; the game waits for an answer."""

    offer_choice: ChoiceSpec


class MessageSpec(Strict):
    title: str = ""
    text: str


class EMessage(Strict):
    """Put a line in the news: {message: "text"} or {message: {title: ..., text: ...}}."""

    message: str | MessageSpec


class EDropClause(Strict):
    drop_clause: Id


class EAddClause(Strict):
    add_clause: Id


class DraftSpec(Strict):
    body: Id
    kind: Literal["draft", "procedural", "substantive"]
    title: str
    sponsor: Id
    clauses: list[Id] = Field(default_factory=list)


class ETableDraft(Strict):
    """An actor tables a text of its own in a body sitting this turn."""

    table_draft: DraftSpec


class ECosponsor(Strict):
    cosponsor: Id


class EIf(Strict):
    """{if: condition, then: [effects], else: [effects]}."""

    if_: Condition = Field(alias="if")
    then: list[Effect] = Field(default_factory=list)
    else_: list[Effect] = Field(default_factory=list, alias="else")


EFFECT_TAGS = {
    "meter": EMeter,
    "milestone": EMilestone,
    "flag": EFlag,
    "clear_flag": EClearFlag,
    "cast_vote": ECastVote,
    "call_recorded_vote": ECallVote,
    "table_amendment": ETableAmendment,
    "table_no_action": ETableNoAction,
    "shift": EShift,
    "offer_choice": EOfferChoice,
    "message": EMessage,
    "drop_clause": EDropClause,
    "add_clause": EAddClause,
    "table_draft": ETableDraft,
    "cosponsor": ECosponsor,
    "if": EIf,
}

Effect = Annotated[
    Union[tuple(Annotated[cls, Tag(tag)] for tag, cls in EFFECT_TAGS.items())],  # type: ignore[misc]
    Discriminator(
        _tag_of(EFFECT_TAGS),
        custom_error_type="unknown_effect",
        custom_error_message="not an effect; an effect starts with one of: "
        + ", ".join(EFFECT_TAGS),
    ),
]

for _model in (CAll, CAny, CNot, OptionSpec, ChoiceSpec, EOfferChoice, EIf):
    _model.model_rebuild()
