"""Prints the speed figures the issues set targets for (medians; ratios measured in one run).

python bench/run.py            # everything
python bench/run.py --only sim # just the simulation figures
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.analysis.runs import run_many  # noqa: E402
from game.authoring import loader  # noqa: E402
from game.authoring.loader import SCENARIO_DIR, load_scenario  # noqa: E402
from game.sim.actions import Choose, EndPhase  # noqa: E402
from game.sim.forecast import forecast, hypothetical_draft  # noqa: E402
from game.sim.rules import apply, new_game  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def cold_load(path: Path):
    loader._MEMBERS_CACHE.clear()  # measure what a fresh process pays: member data parsed too
    return load_scenario(path)


def bench_load(name: str, target_ms: float) -> None:
    path = SCENARIO_DIR / f"{name}.yaml"
    cold_load(path)  # imports and first-time set-up out of the way
    ms = median_ms(lambda: cold_load(path), 15)
    print(f"  load + validate {name:22} {ms:7.1f} ms   (target <= {target_ms:.0f} ms)")


def bench_forecast(name: str) -> None:
    sc = load_scenario(SCENARIO_DIR / f"{name}.yaml")
    s = new_game(sc, 1)
    while not (
        s.phase == "diplomacy" and any(sc.body(b).everyone for b in sc.calendar[s.turn].sessions)
    ):
        action = (
            Choose(s.pending[0].spec.id, s.pending[0].spec.options[0].id)
            if s.pending
            else EndPhase()
        )
        s, _ = apply(sc, s, action, strict=True)
    body = next(
        b for b in sc.calendar[s.turn].sessions if sc.body(b).everyone and sc.drafting_rule(b)
    )
    clauses = tuple(c.id for c in sc.clauses if not c.bodies or body in c.bodies)[:5]
    draft = hypothetical_draft(sc, s, body, clauses)
    forecast(sc, s, draft, 2000)
    ms = median_ms(lambda: forecast(sc, s, draft, 2000), 25)
    print(f"  GA forecast, 2,000 samples ({name:9}) {ms:6.1f} ms   (target <= 20 ms)")


def bench_games(name: str, strategy: str, runs: int, target: float, rounds: int = 3) -> None:
    """Games per second on one core and with two workers, alternated `rounds` times so both
    see the same machine; medians of the rates, and the median of the per-round ratios."""
    sc = load_scenario(SCENARIO_DIR / f"{name}.yaml")
    path = SCENARIO_DIR / f"{name}.yaml"
    run_many(sc, strategy, 50, 0)  # warm-up
    one_rates, two_rates, ratios = [], [], []
    for r in range(rounds):
        _, one = run_many(sc, strategy, runs, 1 + r * runs, workers=1)
        _, two = run_many(sc, strategy, runs, 1 + r * runs, workers=2, path=path)
        one_rates.append(runs / one)
        two_rates.append(runs / two)
        ratios.append(one / two)
    print(
        f"  simulate {name} --strategy {strategy}: {statistics.median(one_rates):7.0f} games/s on 1 core "
        f"(target >= {target:.0f}); --workers 2: {statistics.median(two_rates):6.0f} games/s "
        f"= {statistics.median(ratios):.2f}x (target >= 1.8x); medians of {rounds} rounds"
    )


def machine_speed() -> float:
    """Microseconds for sum(range(1000)): this machine's speed at the moment of measuring.
    Machines here are shared and vary by up to 1.6x within an hour; read figures against it."""
    data = list(range(1000))
    best = min(median_ms(lambda: sum(data), 1) for _ in range(2000))
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["sim"], help="run one group of figures")
    parser.add_argument("--runs", type=int, default=4000, help="games per round")
    args = parser.parse_args()
    print(f"Machine speed now: sum(range(1000)) takes {machine_speed():.1f} us (lower is faster)")
    print("Simulation (tutorial scenario)")
    bench_load("tutorial", 60)
    bench_forecast("tutorial")
    bench_games("tutorial", "random", args.runs, 1000)
    print("Historical scenario (coi_2013_2015)")
    bench_load("coi_2013_2015", 60)
    bench_games("coi_2013_2015", "historical", max(200, args.runs // 4), 500)
    return 0


if __name__ == "__main__":
    sys.exit(main())
