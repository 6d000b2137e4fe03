"""Fits the vote model to the recorded 2014 votes and (with --write) stores the result.

    python bench/calibrate.py            # fit and print; change nothing
    python bench/calibrate.py --write    # also write ideal points and cut-points into the files

The fit (game/analysis/fit.py) reads the votes marked `calibrate: true` in the scenario's
history; it writes each member's `ideal` in scenarios/data/un_members.yaml and the cut-points and
amendment weight in the `vote_model` of every shipped scenario. Then run bench/calibration.py to
check the result by simulation.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from game.analysis import fit as F  # noqa: E402
from game.authoring.loader import SCENARIO_DIR, load_scenario  # noqa: E402

# The fit's prior settings (see game/analysis/fit.py and docs/calibration.md).
TAU = 1.5  # sd of a state's own deviation from its group, blocs and expert prior
GAMMA_SD = 0.25  # sd of the slope on the expert prior around 1 (keeps the game's units)
CUT_SD = 3.0  # sd of the cut-points around the scenario's starting values
ITERATIONS = 5000


def expected_tallies(scenario, result) -> list[tuple[str, dict, dict]]:
    model = F.Model(scenario, F.designs(scenario))
    theta = np.array([result.ideal[m.id] for m in scenario.members])
    rows = []
    for d in model.data:
        x = model.A @ (theta + d.offset)
        if d.vote_id in model.extra:
            half, reactions = model.extra[d.vote_id]
            x = x + half + (result.amendment_clause_weight - 1.0) * reactions
        lo, hi = result.cutpoints[d.kind]
        below_lo = 1 / (1 + np.exp(x - lo))
        below_hi = 1 / (1 + np.exp(x - hi))
        seats = [int(i) for i in d.seated if int(i) not in d.forced]
        low, high = below_lo[seats].sum(), (1 - below_hi[seats]).sum()
        motion = d.kind == "amendment"
        yes, no = (low, high) if motion else (high, low)
        rows.append(
            (
                d.vote_id,
                {"yes": yes, "no": no + len(d.forced), "abstain": len(seats) - low - high},
                d.counts,
            )
        )
    return rows


def write_members(path: Path, ideal: dict[str, float]) -> None:
    text = path.read_text(encoding="utf-8")
    out, current = [], None
    for line in text.splitlines(keepends=True):
        m = re.match(r"^  - id: ([A-Z]{3})\s*$", line)
        if m:
            current = m.group(1)
        if current and re.match(r"^    ideal: ", line):
            line = f"    ideal: {ideal[current]:.2f}\n"
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def write_vote_model(path: Path, result) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("\nvote_model:")
    block = text[start:]
    cuts = dict(result.cutpoints)
    cuts["substantive"] = cuts[
        "procedural"
    ]  # no substantive vote on record: the Council's procedural ones
    for kind, (lo, hi) in cuts.items():
        block = re.sub(
            rf"(\n    {kind}: )\[[^\]]*\]", rf"\g<1>[{lo:.3f}, {hi:.3f}]", block, count=1
        )
    block = re.sub(
        r"(\n  amendment_clause_weight: )[-0-9.]+",
        rf"\g<1>{result.amendment_clause_weight:.3f}",
        block,
        count=1,
    )
    path.write_text(text[:start] + block, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--write", action="store_true", help="write the fitted values into the data files"
    )
    parser.add_argument("--scenario", default="coi_2013_2015")
    args = parser.parse_args()
    scenario = load_scenario(SCENARIO_DIR / f"{args.scenario}.yaml")
    started = time.perf_counter()
    result = F.fit(scenario, ITERATIONS, tau=TAU, gamma_sd=GAMMA_SD, cut_sd=CUT_SD)
    print(
        f"fit: {ITERATIONS} iterations in {time.perf_counter() - started:.1f} s; log posterior {result.log_posterior:.2f}"
    )
    print(f"cut-points: { {k: [round(v, 3) for v in c] for k, c in result.cutpoints.items()} }")
    print(
        f"amendment clause weight {result.amendment_clause_weight:.3f}; slope on the expert prior {result.prior_slope:.3f}"
    )
    print("\nexpected tallies under the fit (present members; scripted votes counted as cast):")
    for vote_id, expected, real in expected_tallies(scenario, result):
        e = "-".join(f"{expected[k]:.1f}" for k in ("yes", "no", "abstain"))
        r = "-".join(str(real[k]) for k in ("yes", "no", "abstain"))
        print(f"  {vote_id:28} model {e:18} record {r}")
    if args.write:
        write_members(SCENARIO_DIR / "data" / "un_members.yaml", result.ideal)
        for path in sorted(SCENARIO_DIR.glob("*.yaml")):
            write_vote_model(path, result)
        print(
            "\nwrote ideal points to scenarios/data/un_members.yaml and cut-points to every scenario"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
