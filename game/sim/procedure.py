"""The UN's voting rules: who votes, in what order motions are taken, and what it takes to adopt."""

from __future__ import annotations

from game.sim.scenario import MAJORITY, SECURITY_COUNCIL, Body
from game.sim.state import Amendment

# UN Charter Art. 27(2)-(3): nine affirmative votes of the fifteen members.
COUNCIL_MAJORITY = 9


def adopted_by_majority(yes: int, no: int) -> bool:
    """HRC and GA: a simple majority of the members present and voting.

    GA rules of procedure 86 and 125-126 (applied to the HRC by GA res. 60/251 and the
    Council's institution-building package): "members present and voting" means members
    casting an affirmative or negative vote; abstainers are considered as not voting, and
    absentees don't count at all. An equally divided vote rejects the proposal (rules 95, 133).
    """
    return yes > no


def adopted_by_council(
    kind: str, yes: int, permanent_no: tuple[str, ...]
) -> tuple[bool, tuple[str, ...]]:
    """UNSC: (adopted, vetoed_by).

    Art. 27(2): procedural matters need nine affirmative votes; no veto applies.
    Art. 27(3): other matters need nine affirmative votes "including the concurring votes of
    the permanent members"; by consistent practice since 1946 a permanent member's abstention
    does not block adoption, only its negative vote does.
    """
    if kind == "procedural":
        return yes >= COUNCIL_MAJORITY, ()
    vetoed_by = permanent_no if yes >= COUNCIL_MAJORITY else ()
    return yes >= COUNCIL_MAJORITY and not permanent_no, vetoed_by


def adopted(
    body: Body, kind: str, yes: int, no: int, permanent_no: tuple[str, ...]
) -> tuple[bool, tuple[str, ...]]:
    if body.procedure == SECURITY_COUNCIL:
        return adopted_by_council(kind, yes, permanent_no)
    if body.procedure == MAJORITY:
        return adopted_by_majority(yes, no), ()
    raise ValueError(f"unknown procedure {body.procedure!r}")


def threshold_text(body: Body, kind: str) -> str:
    if body.procedure == SECURITY_COUNCIL:
        if kind == "procedural":
            return "9 votes in favour; no veto on procedure"
        return "9 votes in favour and no permanent member against"
    return "more Yes than No among those present and voting"


def needs_recorded_vote(body: Body, kind: str, callers: tuple[str, ...]) -> bool:
    """Whether a text goes to a recorded vote rather than being adopted without a vote.

    HRC and GA: a text is adopted without a vote unless a member asks for a recorded vote
    (GA rules 87 and 127-128: the vote is taken by show of hands unless a recorded vote is
    requested). Motions and amendments are always put to the vote by their movers.
    UNSC: the provisional agenda is adopted without a vote unless a member objects (a
    procedural vote follows); draft resolutions are always put to the vote.
    """
    if body.procedure == SECURITY_COUNCIL and kind == "substantive":
        return True
    if kind in ("amendment", "no_action"):
        return True
    return bool(callers)


def amendment_order(amendments: tuple[Amendment, ...]) -> tuple[Amendment, ...]:
    """GA rules 90 and 130: amendments are voted before the proposal they amend, the one
    furthest removed in substance from the original proposal first; here, the one that
    deletes the most, then in the order tabled."""
    indexed = list(enumerate(amendments))
    indexed.sort(key=lambda pair: (-len(pair[1].deletes), pair[0]))
    return tuple(a for _, a in indexed)


def motions_allowed(body: Body) -> bool:
    """No-action motions and amendments from the floor exist in the HRC and the GA (rules 74,
    116 on adjourning the debate; rules 90, 130 on amendments); in the Council, opponents
    answer a draft with a negative vote, not a motion."""
    return body.procedure == MAJORITY
