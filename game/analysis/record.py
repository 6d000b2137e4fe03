"""Compares the votes of simulated games with the scenario's historical record (the calibration check)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from game.analysis.runs import play
from game.analysis.seeds import run_seed

# Tolerances the issue sets: HRC and UNSC Yes within 2, GA within 4, the right outcome in 90% of runs.
YES_TOLERANCE = {"HRC": 2, "UNSC": 2, "GA3": 4, "GA": 4}
RIGHT_OUTCOME = 0.90
WITHOUT_VOTE_MOST = 0.80  # "adopted without a vote in most runs"
WATCHED = ("CHN", "RUS", "TCD", "NGA", "IND", "IDN", "ZAF", "THA", "CUB", "PRK", "KEN", "ETH")


def simulate(scenario, runs: int, seed: int = 2013):
    rows = defaultdict(
        lambda: {
            "held": 0,
            "recorded": 0,
            "adopted": 0,
            "yes": [],
            "no": [],
            "abstain": [],
            "absent": [],
            "members": defaultdict(lambda: defaultdict(int)),
        }
    )
    for i in range(runs):
        state = play(scenario, "historical", run_seed(seed, i))
        for v in state.votes:
            row = rows[v.vote_id]
            row["held"] += 1
            row["adopted"] += v.adopted
            if not v.recorded:
                continue
            row["recorded"] += 1
            for key in ("yes", "no", "abstain", "absent"):
                row[key].append(getattr(v, key))
            year = scenario.calendar[v.turn].year
            seated = [scenario.members[k].id for k in scenario.seated(v.body, year)]
            for member in WATCHED:
                if member in seated:
                    row["members"][member][v.ballots[seated.index(member)]] += 1
    return rows


def stat(values) -> str:
    if not values:
        return "-"
    a = np.asarray(values, dtype=float)
    return f"{a.mean():.1f} ({np.percentile(a, 5):.0f}-{np.percentile(a, 95):.0f})"


def check(scenario, rows, runs) -> tuple[list[dict], list[str]]:
    table, failures = [], []
    for step in scenario.history:
        for rec in step.record:
            vid = f"{step.date}-{rec.body}-{rec.kind}"
            row = rows.get(vid)
            held = row["held"] / runs if row else 0.0
            real = (
                "adopted without a vote"
                if rec.without_vote
                else f"{rec.yes}-{rec.no}-{rec.abstain}"
            )
            if rec.absent is not None:
                real += f" ({rec.absent} absent)"
            entry = {
                "id": vid,
                "title": rec.title,
                "real": real,
                "calibrate": rec.calibrate,
                "held": held,
                "recorded": row["recorded"] / row["held"] if row and row["held"] else 0.0,
                "adopted": row["adopted"] / row["held"] if row and row["held"] else 0.0,
                "sim": {
                    k: stat(row[k]) if row else "-" for k in ("yes", "no", "abstain", "absent")
                },
                "mean_yes": float(np.mean(row["yes"])) if row and row["yes"] else None,
                "verdict": "",
            }
            table.append(entry)
            if not rec.calibrate:
                entry["verdict"] = "prediction"
                continue
            problems = []
            if held < RIGHT_OUTCOME:
                problems.append(f"held in only {held:.0%} of runs")
            elif rec.without_vote:
                share = 1 - entry["recorded"]
                if share < WITHOUT_VOTE_MOST:
                    problems.append(f"adopted without a vote in only {share:.0%} of runs")
            else:
                right = entry["adopted"] if rec.adopted else 1 - entry["adopted"]
                if right < RIGHT_OUTCOME:
                    problems.append(f"right outcome in only {right:.0%} of runs")
                tolerance = YES_TOLERANCE[rec.body]
                if entry["mean_yes"] is None or abs(entry["mean_yes"] - rec.yes) > tolerance:
                    problems.append(
                        f"mean Yes {entry['mean_yes']} not within {tolerance} of {rec.yes}"
                    )
            entry["verdict"] = "; ".join(problems) or "on target"
            failures += [f"{vid}: {p}" for p in problems]
    return table, failures


def absence_share(rows) -> float:
    shares = [
        np.mean(row["absent"]) / 193
        for vid, row in rows.items()
        if ("GA3-draft" in vid or "GA-draft" in vid) and row["absent"]
    ]
    return float(np.mean(shares)) if shares else 0.0


def member_lines(scenario, rows) -> list[str]:
    lines = []
    for vid in (
        "2014-03-HRC-draft",
        "2014-11-GA3-amendment",
        "2014-11-GA3-draft",
        "2014-12-UNSC-procedural",
    ):
        row = rows.get(vid)
        if not row:
            continue
        parts = []
        for member, counts in row["members"].items():
            total = sum(counts.values())
            top = max(counts, key=counts.get)
            word = {"Y": "Yes", "N": "No", "A": "abstains", "-": "absent"}[top]
            parts.append(f"{scenario.member(member).name} {word} {counts[top] / total:.0%}")
        lines.append(f"- **{vid}**: " + "; ".join(parts))
    return lines
