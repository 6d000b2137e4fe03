"""Every script condition in the closed vocabulary: when it holds and when it doesn't."""

import pytest

from game.sim import conditions as c
from game.sim.actions import EndPhase, TableDraft, UseLever
from game.sim.context import Context
from game.sim.rules import apply, new_game
from game.sim.state import ChoiceRecord, Draft
from tests import mini


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    sc = mini.build(tmp_path_factory.mktemp("mini"))
    s = new_game(sc, 5)
    s, _ = apply(sc, s, EndPhase(), strict=True)
    s, _ = apply(sc, s, TableDraft("COUNCIL", ("soft", "redline")), strict=True)
    s, _ = apply(sc, s, UseLever("lobby", "member:KKK"), strict=True)
    return sc, s


def ctx(draft=None, outcome=None, draw=0.5):
    return Context(source="t", cause="t", draft=draft, outcome=outcome, draw=lambda: draw)


def check(world, cond, expected, **kw):
    sc, s = world
    assert c.holds(sc, s, ctx(**kw), cond) is expected


def draft_of(world):
    return world[1].drafts[0]


def test_meter_compare(world):
    """meter: inclusive and strict bounds on a meter's value (capital is 30 - 2 - 1 = 27)."""
    for bounds, expected in [
        (c.Bounds(at_least=27), True),
        (c.Bounds(at_least=28), False),
        (c.Bounds(at_most=27), True),
        (c.Bounds(below=27), False),
        (c.Bounds(above=26, below=28), True),
        (c.Bounds(above=27), False),
    ]:
        check(world, c.MeterCompare("capital", bounds), expected)


def test_relation(world):
    """relation: the player's relation meter with an actor; an actor without one never matches."""
    check(world, c.Relation("CHN", c.Bounds(at_least=50)), True)
    check(world, c.Relation("CHN", c.Bounds(below=50)), False)
    check(world, c.Relation("RUS", c.Bounds(at_least=0)), False)


def test_milestone(world):
    """milestone: reached or not."""
    check(world, c.MilestoneReached("done"), False)


def test_flag(world):
    """flag: set or not (nothing set here)."""
    check(world, c.FlagSet("x"), False)


def test_draft_has(world):
    """draft_has: the draft in context contains the clause; no draft in context, no match."""
    d = draft_of(world)
    check(world, c.DraftHas("redline"), True, draft=d)
    check(world, c.DraftHas("strong"), False, draft=d)
    check(world, c.DraftHas("redline"), False)


def test_body(world):
    """body: the draft in context is before one of the bodies."""
    d = draft_of(world)
    check(world, c.BodyIs(("GA", "COUNCIL")), True, draft=d)
    check(world, c.BodyIs(("GA",)), False, draft=d)


def test_vote_kind(world):
    """vote_kind: the kind of the draft in context."""
    d = draft_of(world)
    check(world, c.KindIs(("draft",)), True, draft=d)
    check(world, c.KindIs(("substantive",)), False, draft=d)


def test_date(world):
    """date: the turn's YYYY-MM in an open or closed range."""
    check(world, c.DateIn("2014-01", "2014-12"), True)
    check(world, c.DateIn("2014-04", None), False)
    check(world, c.DateIn(None, "2014-03"), True)


def test_in_session(world):
    """in_session: the body sits this turn."""
    check(world, c.InSession("COUNCIL"), True)
    check(world, c.InSession("UNSC"), False)


def test_sits(world):
    """sits: a member state sits in a body this year (the draft's body when none is named)."""
    d = draft_of(world)
    check(world, c.Sits("CHN"), True, draft=d)
    check(world, c.Sits("USA"), False, draft=d)
    check(world, c.Sits("USA", "UNSC"), True)
    check(world, c.Sits("USA"), False)


def test_outcome(world):
    """outcome: after a vote, the way the draft in context ended."""
    check(world, c.VoteOutcome(("adopted",)), True, outcome=("adopted", "recorded"))
    check(world, c.VoteOutcome(("without_vote",)), False, outcome=("adopted", "recorded"))
    check(world, c.VoteOutcome(("adopted",)), False)


def test_chance(world):
    """chance: compares one draw from the seeded stream with the probability."""
    check(world, c.Chance(0.3), True, draw=0.2)
    check(world, c.Chance(0.3), False, draw=0.3)


def test_lever_used(world):
    """lever_used: at all, or this turn."""
    check(world, c.LeverUsed("lobby"), True)
    check(world, c.LeverUsed("lobby", this_turn=True), True)


def test_lever_used_this_turn_resets(world):
    """lever_used with this_turn is false on a later turn."""
    sc, s = world
    while s.turn == 0:
        s, _ = apply(sc, s, EndPhase(), strict=True)
    assert c.holds(sc, s, ctx(), c.LeverUsed("lobby"))
    assert not c.holds(sc, s, ctx(), c.LeverUsed("lobby", this_turn=True))


def test_sponsored_by(world):
    """sponsored_by: sponsor or co-sponsor of the draft in context."""
    d = draft_of(world)
    check(world, c.SponsoredBy("EU"), True, draft=d)
    check(world, c.SponsoredBy("USA"), False, draft=d)
    check(world, c.SponsoredBy("USA"), True, draft=Draft(**{**vars(d), "cosponsors": ("USA",)}))


def test_draft_tabled(world):
    """draft_tabled: some draft tabled this turn (in a body, by a sponsor)."""
    check(world, c.DraftTabled(), True)
    check(world, c.DraftTabled("COUNCIL", "EU"), True)
    check(world, c.DraftTabled("GA"), False)


def test_choice_made(world):
    """choice_made: the player picked (this option of) a choice."""
    sc, s = world
    from dataclasses import replace

    s2 = replace(s, choices_made=(ChoiceRecord("offer", "accept", 0),))
    assert c.holds(sc, s2, ctx(), c.ChoiceMade("offer"))
    assert c.holds(sc, s2, ctx(), c.ChoiceMade("offer", "accept"))
    assert not c.holds(sc, s2, ctx(), c.ChoiceMade("offer", "refuse"))
    assert not c.holds(sc, s, ctx(), c.ChoiceMade("offer"))


def test_all_any_not(world):
    """all / any / not combine conditions."""
    t, f = c.InSession("COUNCIL"), c.InSession("UNSC")
    check(world, c.AllOf((t, t)), True)
    check(world, c.AllOf((t, f)), False)
    check(world, c.AnyOf((f, t)), True)
    check(world, c.AnyOf((f, f)), False)
    check(world, c.Not(f), True)


def test_unmet_names_the_failing_part(world):
    """why_not sentences name the first failing part of an all-of."""
    sc, s = world
    cond = c.AllOf((c.InSession("COUNCIL"), c.InSession("UNSC")))
    assert c.unmet(sc, s, ctx(), cond) == c.InSession("UNSC")
    assert c.unmet(sc, s, ctx(), c.InSession("COUNCIL")) is None


def test_every_condition_type_is_tested():
    """The vocabulary has exactly the conditions tested above (add a test with any new one)."""
    tested = {
        c.MeterCompare,
        c.Relation,
        c.MilestoneReached,
        c.FlagSet,
        c.DraftHas,
        c.BodyIs,
        c.KindIs,
        c.DateIn,
        c.InSession,
        c.Sits,
        c.VoteOutcome,
        c.Chance,
        c.LeverUsed,
        c.SponsoredBy,
        c.DraftTabled,
        c.ChoiceMade,
        c.AllOf,
        c.AnyOf,
        c.Not,
    }
    assert set(c._EVALUATORS) == tested


def test_a_milestone_reached_is_seen_by_the_next_action(tutorial):
    """States cache what they derive (the set of milestones); a new state never inherits a stale cache."""
    from game.sim.actions import TableDraft
    from game.sim.rules import why_not

    s = new_game(tutorial, 1)  # the briefing reached the report's milestone
    assert s.has_milestone("coi_report")
    s, _ = apply(tutorial, s, EndPhase(), strict=True)
    assert s.has_milestone("coi_report")
    assert why_not(tutorial, s, TableDraft("HRC", ("welcome_coi_report",))) is None
    before = new_game(tutorial, 1)
    from game.sim.working import WorkingState

    ws = WorkingState(tutorial, before)
    assert not ws.has_milestone("icc_language_ga")
    ws.reach("icc_language_ga", "test")
    after = ws.freeze()
    assert after.has_milestone("icc_language_ga") and not before.has_milestone("icc_language_ga")
