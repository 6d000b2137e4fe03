"""Every script effect in the closed vocabulary, applied to a working state."""

import pytest

from game.sim import effects as fx
from game.sim import events as ev
from game.sim.actions import EndPhase, TableDraft
from game.sim.context import Context
from game.sim.rules import apply, new_game
from game.sim.script import apply_effects
from game.sim.working import WorkingState
from tests import mini


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    sc = mini.build(tmp_path_factory.mktemp("mini"))
    s = new_game(sc, 5)
    s, _ = apply(sc, s, EndPhase(), strict=True)
    s, _ = apply(sc, s, TableDraft("COUNCIL", ("soft", "redline")), strict=True)
    return sc, s


def run(world, *effects, with_draft=True, target=None):
    sc, s = world
    ws = WorkingState(sc, s)
    ctx = Context(
        source="test",
        cause="a test",
        actor="CHN",
        draft=s.drafts[0] if with_draft else None,
        target=target,
        draw=ws.draw,
    )
    apply_effects(ws, effects, ctx)
    return ws.freeze(), ws.events


def test_meter_add_clamps_and_records_cause(world):
    """meter add: moves a meter, clamped to its bounds, with the cause in the ledger."""
    s, events = run(world, fx.MeterAdd("engagement", 30), fx.MeterAdd("engagement", 500))
    sc = world[0]
    assert s.meter(sc, "engagement") == 100
    assert [e.after for e in events if isinstance(e, ev.MeterChanged)] == [30, 100]
    assert s.ledger[-1].cause == "a test"


def test_meter_set(world):
    """meter set: sets a value (clamped)."""
    s, _ = run(world, fx.MeterSet("engagement", -250))
    assert s.meter(world[0], "engagement") == -100


def test_reach_milestone_once(world):
    """milestone: reached once, with the turn it was reached."""
    s, events = run(world, fx.ReachMilestone("done"), fx.ReachMilestone("done"))
    assert s.milestones == (("done", 0),)
    assert sum(isinstance(e, ev.MilestoneReached) for e in events) == 1


def test_flags(world):
    """flag / clear_flag: set and clear a flag; flags stay sorted."""
    s, _ = run(
        world, fx.SetFlag("zeta"), fx.SetFlag("alpha"), fx.SetFlag("mid"), fx.ClearFlag("mid")
    )
    assert s.flags == ("alpha", "zeta")


def test_cast_vote(world):
    """cast_vote: forces a sitting member's vote on the draft; the last one given wins."""
    s, _ = run(world, fx.CastVote("CHN", "yes"), fx.CastVote("CHN", "no", "because"))
    assert s.drafts[0].forced == (("CHN", "no", "because"),)


def test_cast_vote_ignores_non_members(world):
    """cast_vote: a member not sitting in the body this year doesn't vote in it."""
    s, _ = run(world, fx.CastVote("USA", "yes"))
    assert s.drafts[0].forced == ()


def test_call_recorded_vote(world):
    """call_recorded_vote: a sitting member's call is recorded once."""
    s, _ = run(
        world, fx.CallRecordedVote("CHN"), fx.CallRecordedVote("CHN"), fx.CallRecordedVote("USA")
    )
    assert s.drafts[0].callers == ("CHN",)


def test_table_amendment(world):
    """table_amendment: deletes only clauses in the text; nothing if none of them is."""
    s, _ = run(
        world,
        fx.TableAmendment("CHN", "Cut", ("redline", "strong")),
        fx.TableAmendment("CHN", "Cut", ("strong",)),
    )
    assert [(a.title, a.deletes) for a in s.drafts[0].amendments] == [("Cut", ("redline",))]


def test_table_no_action(world):
    """table_no_action: one motion per draft."""
    s, _ = run(world, fx.TableNoAction("CHN"), fx.TableNoAction("RUS", "second"))
    assert s.drafts[0].no_action.by == "CHN"


def test_shift_by_selector_and_affinity(world):
    """shift: selected states, scaled by affinity, lasting the given turns, in the draft's body."""
    sc = world[0]
    sel = fx.Selector(groups=("SOUTH",))
    s, _ = run(world, fx.Shift(sel, -2.0, "counter-lobbied", scale_by="CHN", turns=2))
    (shift,) = s.shifts
    south = [i for i, m in enumerate(sc.members) if m.group == "SOUTH"]
    assert list(shift.members) == south
    assert all(a == -2.0 for a in shift.amounts)  # every SOUTH state has affinity 1 to China here
    assert shift.last_turn == 1 and shift.body == "COUNCIL" and shift.source == "CHN"


def test_shift_sitting_and_chosen(world):
    """shift: `sitting` keeps members of the draft's body; `chosen` is the lever's target."""
    sc = world[0]
    s, _ = run(world, fx.Shift(fx.Selector(everyone=True, sitting=True), 1.0, "r"))
    assert len(s.shifts[0].members) == 9
    s, _ = run(
        world, fx.Shift(fx.Selector(chosen=True), 1.0, "r"), target="bloc:CLUB", with_draft=False
    )
    assert {sc.members[i].id for i in s.shifts[0].members} == {
        m.id for m in sc.members if "CLUB" in m.blocs
    }
    assert s.shifts[0].body is None


def test_offer_choice(world):
    """offer_choice: a pending choice bound to the draft in context (offered once)."""
    spec = fx.ChoiceSpec(
        "deal", "A deal", "Take it?", (fx.ChoiceOption("yes", "Yes"), fx.ChoiceOption("no", "No"))
    )
    s, events = run(world, fx.OfferChoice(spec), fx.OfferChoice(spec))
    assert len(s.pending) == 1 and s.pending[0].draft_uid == s.drafts[0].uid
    assert any(isinstance(e, ev.ChoiceOffered) for e in events)


def test_message(world):
    """message: a news item for this turn, titled by the actor."""
    s, _ = run(world, fx.Message("Hello"))
    assert s.news()[-1].text == "Hello" and s.news()[-1].title == "China"


def test_drop_and_add_clause(world):
    """drop_clause / add_clause: revise the draft, keeping the scenario's clause order."""
    s, events = run(
        world, fx.DropClause("redline"), fx.AddClause("strong"), fx.AddClause("redline")
    )
    assert s.drafts[0].clauses == ("soft", "strong", "redline")
    assert sum(isinstance(e, ev.DraftRevised) for e in events) == 3


def test_table_draft_only_in_session(world):
    """table_draft: an actor's own text, only in a body sitting this turn."""
    s, _ = run(
        world,
        fx.TableDraft("COUNCIL", "draft", "Theirs", "USA", ("soft",)),
        fx.TableDraft("UNSC", "procedural", "No", "USA"),
    )
    assert [d.title for d in s.drafts] == ["Council text", "Theirs"]


def test_cosponsor(world):
    """cosponsor: adds a co-sponsor once; the sponsor can't co-sponsor itself."""
    s, _ = run(world, fx.Cosponsor("USA"), fx.Cosponsor("USA"), fx.Cosponsor("EU"))
    assert s.drafts[0].cosponsors == ("USA",)


def test_when(world):
    """if/then/else: applies the branch the condition picks."""
    from game.sim.conditions import InSession

    s, _ = run(
        world,
        fx.When(InSession("COUNCIL"), (fx.SetFlag("yes"),), (fx.SetFlag("no"),)),
        fx.When(InSession("UNSC"), (fx.SetFlag("a"),), (fx.SetFlag("b"),)),
    )
    assert s.flags == ("b", "yes")


def test_draft_effects_without_a_draft_do_nothing(world):
    """Effects on a draft are inert when there is no draft in context (the validator forbids it)."""
    sc, s0 = world
    s, events = run(
        world,
        fx.CastVote("CHN", "no"),
        fx.DropClause("soft"),
        fx.Cosponsor("USA"),
        with_draft=False,
    )
    assert s.drafts == s0.drafts and events == []


def test_every_effect_type_is_tested():
    """The vocabulary has exactly the effects tested above."""
    from game.sim.script import _APPLY

    assert set(_APPLY) == {
        fx.MeterAdd,
        fx.MeterSet,
        fx.ReachMilestone,
        fx.SetFlag,
        fx.ClearFlag,
        fx.CastVote,
        fx.CallRecordedVote,
        fx.TableAmendment,
        fx.TableNoAction,
        fx.Shift,
        fx.OfferChoice,
        fx.Message,
        fx.DropClause,
        fx.AddClause,
        fx.TableDraft,
        fx.Cosponsor,
        fx.When,
    }
