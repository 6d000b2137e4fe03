"""Random playthroughs of every shipped scenario: the invariants hold in every game."""

import pytest

from game import saves
from game.analysis.policies import POLICIES
from game.authoring import available
from game.sim.rules import apply, legal_actions, new_game, why_not
from game.sim.state import state_hash

GAMES_PER_SCENARIO = 200
SCENARIOS = [p.stem for p in available()]


def check_state(sc, s, explain=False):
    for spec, value in zip(sc.meters, s.meters, strict=True):
        assert spec.min <= value <= spec.max, (spec.id, value)
    year = None
    for v in s.votes:
        year = sc.calendar[v.turn].year
        seated = sc.seated(v.body, year)
        if v.recorded:
            assert v.yes + v.no + v.abstain + v.absent == len(seated)
            assert len(v.ballots) == len(seated)
            assert v.ballots.count("Y") == v.yes and v.ballots.count("-") == v.absent
            if explain:
                assert all(v.reason(k) for k in range(len(seated)))
        else:
            assert v.ballots == "" and v.adopted


@pytest.mark.parametrize("name", SCENARIOS)
def test_random_games_keep_every_invariant(shipped, name):
    """Random games: meters in bounds, tallies + absentees = membership, every game ends, saves replay."""
    sc = shipped[name]
    for seed in range(GAMES_PER_SCENARIO):
        policy = POLICIES["random"](seed)
        s = new_game(sc, seed)
        for _ in range(5000):
            if s.over:
                break
            action = policy(sc, s)
            assert why_not(sc, s, action) is None
            s, events = apply(sc, s, action)
            check_state(sc, s, explain=seed < 10 and s.phase == "consequences")
        assert s.over, f"seed {seed} did not finish"
        assert legal_actions(sc, s) == ()
        # Only members sitting that year ever have a ballot: ballots are indexed by the seated list.
        data = saves.to_json(sc, s)
        assert state_hash(saves.restore(sc, data)) == state_hash(s)


@pytest.mark.parametrize("name", SCENARIOS)
def test_legal_actions_are_legal(shipped, name):
    """Everything legal_actions lists passes why_not, at every step of a game."""
    sc = shipped[name]
    policy = POLICIES["random"](11)
    s = new_game(sc, 11)
    while not s.over:
        listed = legal_actions(sc, s)
        assert listed, "a game that isn't over always has something to do"
        assert all(why_not(sc, s, a) is None for a in listed)
        s, _ = apply(sc, s, policy(sc, s))


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("strategy", ["historical", "passive"])
def test_scripted_strategies_finish(shipped, name, strategy):
    """The historical and passive strategies play every shipped scenario to the end."""
    sc = shipped[name]
    policy = POLICIES[strategy](3)
    s = new_game(sc, 3)
    for _ in range(5000):
        if s.over:
            break
        s, _ = apply(sc, s, policy(sc, s), strict=True)
    assert s.over
