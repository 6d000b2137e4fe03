"""The vote model: the forecast samples the same model the vote uses, and explains each member."""

import numpy as np

from game.analysis.runs import run_many
from game.sim import votes as vm
from game.sim.actions import EndPhase, TableDraft, UseLever
from game.sim.forecast import forecast, hypothetical_draft
from game.sim.rules import apply, new_game


def diplomacy(sc, seed=1):
    s = new_game(sc, seed)
    s, _ = apply(sc, s, EndPhase(), strict=True)
    return s


GA_TEXT = ("condemn", "welcome_coi_report", "crimes_against_humanity", "icc_referral", "abductions")


def test_forecast_matches_the_votes_it_predicts(tutorial):
    """Over many seeds, the HRC vote's mean tally sits inside the forecast's central range."""
    s = diplomacy(tutorial)
    text = ("condemn", "welcome_coi_report", "crimes_against_humanity", "accountability_mechanism")
    s, _ = apply(tutorial, s, UseLever("buy_intel"), strict=True)
    s, _ = apply(tutorial, s, UseLever("buy_intel"), strict=False)
    f = forecast(tutorial, s, hypothetical_draft(tutorial, s, "HRC", text), samples=4000)
    yes = []
    for seed in range(150):
        g = diplomacy(tutorial, seed)
        g, _ = apply(tutorial, g, TableDraft("HRC", text), strict=True)
        while g.phase != "consequences":
            g, _ = apply(tutorial, g, EndPhase(), strict=True)
        yes.append(g.votes[0].yes)
    assert f.yes.p05 <= np.mean(yes) <= f.yes.p95
    assert abs(np.mean(yes) - f.yes.mean) < 3.0


def test_forecast_is_pure_and_repeatable(tutorial):
    s = diplomacy(tutorial)
    d = hypothetical_draft(tutorial, s, "HRC", ("condemn",))
    assert forecast(tutorial, s, d, samples=500) == forecast(tutorial, s, d, samples=500)


def test_probabilities_sum_to_one_and_reasons_are_given(tutorial):
    s = diplomacy(tutorial)
    f = forecast(
        tutorial,
        s,
        hypothetical_draft(tutorial, s, "HRC", ("condemn", "accountability_mechanism")),
        1000,
    )
    assert len(f.members) == 47
    for m in f.members:
        assert abs(m.p_yes + m.p_no + m.p_abstain + m.p_absent - 1) < 1e-9
        assert m.reason
    russia = f.member("RUS")
    assert russia.likely == "no"


def test_strength_costs_votes(tutorial):
    """Stronger text loses Yes votes; softer text gains them (the game's central trade-off)."""
    s = diplomacy(tutorial)
    soft = forecast(
        tutorial,
        s,
        hypothetical_draft(tutorial, s, "HRC", ("condemn", "technical_cooperation")),
        2000,
    )
    strong = forecast(
        tutorial,
        s,
        hypothetical_draft(
            tutorial, s, "HRC", ("condemn", "crimes_against_humanity", "accountability_mechanism")
        ),
        2000,
    )
    assert soft.yes.mean > strong.yes.mean + 3
    assert not soft.recorded and strong.recorded  # red lines crossed: China calls a vote


def test_intelligence_narrows_the_forecast_but_not_its_centre(tutorial):
    s = diplomacy(tutorial)
    text = ("condemn", "crimes_against_humanity")
    blind = forecast(tutorial, s, hypothetical_draft(tutorial, s, "HRC", text), 4000)
    s2, _ = apply(tutorial, s, UseLever("buy_intel"), strict=True)
    sharp = forecast(tutorial, s2, hypothetical_draft(tutorial, s2, "HRC", text), 4000)
    assert sharp.spread < blind.spread
    assert sharp.yes.sd < blind.yes.sd


def test_motion_votes_reverse_the_axis():
    """On a motion against the text, low support for the text means Yes."""

    class Model:
        def cutpoints_for(self, kind):
            return (-1.0, 0.0)

    class Sc:
        vote_model = Model()

    latent = np.array([-3.0, -0.5, 2.0])
    probs_text = vm.probabilities(Sc, "draft", latent, 0.01)
    probs_motion = vm.probabilities(Sc, "no_action", latent, 0.01)
    assert list(np.argmax(probs_text, axis=1)) == [1, 2, 0]  # No, Abstain, Yes on the text
    assert list(np.argmax(probs_motion, axis=1)) == [0, 2, 1]  # Yes, Abstain, No on the motion


def test_amendment_draws_a_different_coalition(tutorial):
    """The hostile amendment gets far fewer votes than the text's opponents plus abstainers."""
    games, _ = run_many(tutorial, "historical", 60, seed=5)
    amend = [v for g in games for v in g.votes if v.kind == "amendment"]
    draft = [v for g in games for v in g.votes if v.vote_id == "2014-11-GA3-draft"]
    assert amend and draft
    assert np.mean([v.yes for v in amend]) < np.mean([v.no + v.abstain for v in draft]) * 0.7
