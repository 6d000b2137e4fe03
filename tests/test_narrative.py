"""The debrief's history comparison: each real vote beside the same vote in the player's game."""

from game import narrative
from game.analysis.runs import play
from game.console import render


def test_every_real_vote_is_set_beside_the_game(shipped):
    scenario = shipped["coi_2013_2015"]
    history = play(scenario, "historical", 7)
    passive = play(scenario, "passive", 7)
    turns = {t.date: i for i, t in enumerate(scenario.calendar)}
    compared = not_held = 0
    for step in scenario.history:
        for real in step.record:
            turn = turns[step.date]
            reality, yours = narrative.beside_history(history, turn, real)
            expected = (
                "adopted without a vote"
                if real.without_vote
                else f"{real.yes}-{real.no}-{real.abstain}"
            )
            assert reality == expected
            mine = [
                v
                for v in history.votes
                if v.turn == turn and v.body == real.body and v.kind == real.kind
            ]
            if mine and mine[0].recorded:
                assert yours.startswith(narrative.tally(mine[0]))
                assert yours.endswith("adopted" if mine[0].adopted else "rejected")
            # The player who tables nothing holds none of the EU's votes.
            if real.kind == "draft" and not any(
                v.turn == turn and v.body == real.body and v.kind == "draft" for v in passive.votes
            ):
                assert narrative.beside_history(passive, turn, real)[1] == "not held in your game"
                not_held += 1
            compared += 1
    assert compared >= 5 and not_held >= 1
    text = render.versus_history(scenario, history)
    assert "in reality 116-20-53" in text  # the GA plenary of December 2014
