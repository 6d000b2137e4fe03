"""The historical scenario reproduces the 2013-2014 record; 2015 is left as a prediction."""

import numpy as np
import pytest

from game.analysis import fit as F
from game.analysis.record import check, simulate
from game.analysis.runs import run_many


@pytest.fixture(scope="module")
def coi(shipped):
    return shipped["coi_2013_2015"]


def test_2013_2014_targets_are_met(coi):
    """HRC and UNSC Yes within 2, GA within 4, the right outcome in 90 % of runs, adoption without
    a vote where there was one - on a fixed range of seeds."""
    runs = 150
    rows = simulate(coi, runs, seed=777)
    table, failures = check(coi, rows, runs)
    assert not failures, failures
    assert sum(e["calibrate"] for e in table) >= 8


def test_the_patterns_of_the_record(coi):
    """China and Russia vote No; Chad and Nigeria tend to abstain on the Council's agenda; 2-6 % of
    the Assembly is absent; the Cuban amendment draws far fewer votes than the text's opponents
    and abstainers together."""
    rows = simulate(coi, 80, seed=5)
    unsc = rows["2014-12-UNSC-procedural"]["members"]
    assert unsc["CHN"]["N"] == unsc["RUS"]["N"] == 80
    for member in ("TCD", "NGA"):
        assert unsc[member]["A"] > unsc[member]["N"]
    ga = rows["2014-11-GA3-draft"]
    assert 0.02 <= np.mean(ga["absent"]) / 193 <= 0.06
    amendment = rows["2014-11-GA3-amendment"]
    assert np.mean(amendment["yes"]) < 0.7 * (np.mean(ga["no"]) + np.mean(ga["abstain"]))


def test_2015_was_not_used_to_calibrate(coi):
    for step in coi.history:
        for rec in step.record:
            if step.date >= "2015":
                assert not rec.calibrate, (step.date, rec.title)


def test_the_fit_reproduces_the_stored_ideal_points(coi):
    """The ideal points in the member data are what bench/calibrate.py's fit produces (rerunnable)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import calibrate

    result = F.fit(
        coi,
        calibrate.ITERATIONS,
        tau=calibrate.TAU,
        gamma_sd=calibrate.GAMMA_SD,
        cut_sd=calibrate.CUT_SD,
    )
    stored = np.array([m.ideal for m in coi.members])
    fitted = np.array([result.ideal[m.id] for m in coi.members])
    assert np.abs(stored - fitted).max() < 0.01
    for kind, lo, hi in coi.vote_model.cutpoints:
        if kind in result.cutpoints:
            assert (
                abs(result.cutpoints[kind][0] - lo) < 0.002
                and abs(result.cutpoints[kind][1] - hi) < 0.002
            )


def test_the_trade_off_is_real(coi):
    """Hawk: ICC language and the Council's agenda; dove: visits and dialogue; passive: the worst score."""
    results = {}
    for name in ("passive", "hawk", "dove", "historical"):
        games, _ = run_many(coi, name, 30, seed=3)
        results[name] = games

    def rate(name, milestone):
        return np.mean([milestone in g.milestones for g in results[name]])

    assert rate("hawk", "icc_language_ga") > rate("dove", "icc_language_ga")
    assert rate("hawk", "unsc_agenda") > rate("dove", "unsc_agenda")
    assert max(rate("dove", "rapporteur_visit"), rate("dove", "dialogue_14th")) > max(
        rate("hawk", "rapporteur_visit"), rate("hawk", "dialogue_14th")
    )
    means = {n: np.mean([g.score for g in gs]) for n, gs in results.items()}
    assert min(means, key=means.get) == "passive"
