"""Aggregates many games into the `simulate --json` report: votes, milestones, score."""

from __future__ import annotations

import numpy as np

from game.analysis.runs import GameSummary
from game.sim.scenario import Scenario

_KIND_RANK = {"no_action": 0, "amendment": 1, "procedural": 2, "draft": 3, "substantive": 4}


def _stats(values: list[int] | list[float]) -> dict:
    if not values:
        return {"mean": None, "p05": None, "p95": None}
    arr = np.asarray(values, dtype=float)
    return {
        "mean": round(float(arr.mean()), 3),
        "p05": round(float(np.percentile(arr, 5)), 3),
        "p95": round(float(np.percentile(arr, 95)), 3),
    }


def build(
    scenario: Scenario,
    strategy: str,
    runs: int,
    seed: int,
    seconds: float,
    games: list[GameSummary],
) -> dict:
    votes: dict[str, dict] = {}
    for g in games:
        for v in g.votes:
            entry = votes.get(v.vote_id)
            if entry is None:
                sessions = scenario.calendar[v.turn].sessions
                entry = votes[v.vote_id] = {
                    "order": (
                        v.turn,
                        sessions.index(v.body) if v.body in sessions else 99,
                        _KIND_RANK.get(v.kind, 9),
                        v.vote_id,
                    ),
                    "id": v.vote_id,
                    "turn": v.date,
                    "body": v.body,
                    "kind": v.kind,
                    "title": v.title,
                    "held": 0,
                    "recorded": 0,
                    "adopted": 0,
                    "tallies": {"yes": [], "no": [], "abstain": [], "absent": []},
                }
            entry["held"] += 1
            entry["adopted"] += v.adopted
            if v.recorded:
                entry["recorded"] += 1
                for key in ("yes", "no", "abstain", "absent"):
                    entry["tallies"][key].append(getattr(v, key))
    out_votes = []
    for entry in sorted(votes.values(), key=lambda e: e["order"]):
        held = entry["held"]
        row = {
            "id": entry["id"],
            "turn": entry["turn"],
            "body": entry["body"],
            "kind": entry["kind"],
            "title": entry["title"],
            "held": round(held / runs, 4) if runs else 0.0,
            "recorded": round(entry["recorded"] / held, 4),
            "adopted": round(entry["adopted"] / held, 4),
        }
        for key in ("yes", "no", "abstain", "absent"):
            row[key] = _stats(entry["tallies"][key])
        out_votes.append(row)
    milestones = {
        m.id: round(sum(m.id in g.milestones for g in games) / runs, 4) if runs else 0.0
        for m in scenario.milestones
    }
    return {
        "scenario": scenario.id,
        "strategy": strategy,
        "runs": runs,
        "seed": seed,
        "seconds": round(seconds, 3),
        "votes": out_votes,
        "milestones": milestones,
        "score": _stats([g.score for g in games]),
    }
