"""Same seed and same actions give the same game, to the bit; forecasting changes nothing."""

from game.analysis.policies import POLICIES
from game.sim.forecast import forecast, hypothetical_draft
from game.sim.rules import apply, new_game
from game.sim.state import state_hash


def _play(sc, seed, policy_seed, probe=False):
    policy = POLICIES["random"](policy_seed)
    s = new_game(sc, seed)
    trail = [(state_hash(s), ())]
    while not s.over:
        if probe and s.phase == "diplomacy":
            for body in sc.calendar[s.turn].sessions:
                if sc.drafting_rule(body):
                    forecast(
                        sc, s, hypothetical_draft(sc, s, body, (sc.clauses[0].id,)), samples=50
                    )
        action = policy(sc, s)
        s, events = apply(sc, s, action)
        trail.append((state_hash(s), events))
    return s, trail


def test_same_seed_same_actions_same_game(shipped):
    """Two runs with the same seed and the same actions give identical states and events at every step."""
    for sc in shipped.values():
        for seed in (1, 2, 99):
            a, trail_a = _play(sc, seed, seed)
            b, trail_b = _play(sc, seed, seed)
            assert trail_a == trail_b
            assert a == b


def test_forecasting_changes_nothing(shipped):
    """A forecast draws from its own stream: asking for one leaves the game unchanged."""
    for sc in shipped.values():
        plain, _ = _play(sc, 7, 7)
        probed, _ = _play(sc, 7, 7, probe=True)
        assert state_hash(plain) == state_hash(probed)


def test_different_seeds_differ(tutorial):
    """The seed matters: the same moves with two seeds give different roll calls."""
    from game.analysis.runs import play

    a = play(tutorial, "historical", 1)
    b = play(tutorial, "historical", 2)
    assert [v.vote_id for v in a.votes] == [v.vote_id for v in b.votes]
    assert [v.ballots for v in a.votes] != [v.ballots for v in b.votes]


def test_replay_of_the_log_reproduces_the_state(tutorial):
    """A state is fully determined by its seed and action log (what saves rely on)."""
    s, _ = _play(tutorial, 4, 4)
    r = new_game(tutorial, s.seed)
    for action in s.log:
        r, _ = apply(tutorial, r, action, strict=True)
    assert state_hash(r) == state_hash(s)
