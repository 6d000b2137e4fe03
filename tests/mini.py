"""A small, near-deterministic scenario built in code, for testing one rule at a time."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from game.authoring import load_scenario

P5 = ["CHN", "FRA", "GBR", "RUS", "USA"]
OTHERS = [
    "AAA",
    "BBB",
    "CCC",
    "DDD",
    "EEE",
    "FFF",
    "GGG",
    "HHH",
    "III",
    "JJJ",
    "KKK",
    "LLL",
    "MMM",
    "NNN",
    "OOO",
]
# Ideal points: the P5 split 3-2; the others from strong supporters down to opponents.
IDEALS = {"CHN": -4.0, "RUS": -4.0, "FRA": 4.0, "GBR": 4.0, "USA": 4.0}
IDEALS.update(
    {m: v for m, v in zip(OTHERS, [3, 3, 3, 3, 3, 2, 2, 2, 1, 1, -1, -1, -2, -3, -3], strict=True)}
)


def members_file() -> dict:
    return {
        "format": 1,
        "groups": [{"id": "NORTH", "name": "North"}, {"id": "SOUTH", "name": "South"}],
        "blocs": [{"id": "CLUB", "name": "The Club"}, {"id": "LEAGUE", "name": "The League"}],
        "members": [
            {
                "id": m,
                "name": f"State {m}",
                "group": "NORTH" if IDEALS[m] > 0 else "SOUTH",
                "blocs": ["CLUB"] if IDEALS[m] >= 3 else (["LEAGUE"] if IDEALS[m] < 0 else []),
                "ideal": float(IDEALS[m]),
                "affinity": {
                    "CHN": 1.0 if IDEALS[m] < 0 else 0.0,
                    "EU": 1.0 if IDEALS[m] > 0 else 0.2,
                },
                "absence": 0.0,
            }
            for m in P5 + OTHERS
        ],
    }


BASE: dict = {
    "format": 1,
    "id": "mini",
    "title": "Mini",
    "period": "2014-2015",
    "description": "A test scenario.",
    "briefing": {"context": "Testing."},
    "assumptions": "None.",
    "members": {"data": "members.yaml"},
    "player": "EU",
    "actors": [
        {"id": "EU", "name": "EU"},
        {"id": "CHN", "name": "China", "member": "CHN", "relation_meter": "rel_china"},
        {"id": "RUS", "name": "Russia", "member": "RUS"},
        {"id": "USA", "name": "United States", "member": "USA"},
    ],
    "bodies": [
        {
            "id": "COUNCIL",
            "name": "Council",
            "short": "Council",
            "seats": 9,
            "absence_scale": 0,
            "membership": [
                {
                    "year": 2014,
                    "members": ["CHN", "RUS", "FRA", "AAA", "BBB", "FFF", "III", "KKK", "NNN"],
                },
                {
                    "year": 2015,
                    "members": ["CHN", "GBR", "USA", "CCC", "DDD", "GGG", "JJJ", "LLL", "OOO"],
                },
            ],
        },
        {"id": "GA", "name": "Assembly", "short": "Assembly", "everyone": True, "absence_scale": 0},
        {
            "id": "UNSC",
            "name": "Security Council",
            "short": "UNSC",
            "procedure": "security_council",
            "seats": 15,
            "absence_scale": 0,
            "permanent": P5,
            "membership": [{"year": 2014, "members": OTHERS[:10]}],
        },
    ],
    "calendar": [
        {"date": "2014-03", "label": "March 2014", "sessions": ["COUNCIL"]},
        {"date": "2014-11", "label": "November 2014", "sessions": ["GA", "UNSC"]},
        {"date": "2015-03", "label": "March 2015", "sessions": ["COUNCIL"]},
    ],
    "meters": [
        {"id": "capital", "name": "Capital", "min": 0, "max": 50, "start": 30, "income": 5},
        {"id": "engagement", "name": "Engagement", "min": -100, "max": 100, "start": 0},
        {"id": "rel_china", "name": "Relations with China", "min": 0, "max": 100, "start": 50},
    ],
    "milestones": [
        {"id": "done", "name": "Done"},
        {"id": "strong_adopted", "name": "Strong adopted"},
    ],
    "clauses": [
        {"id": "soft", "name": "Soft", "short": "soft clause", "strength": 0.0},
        {
            "id": "strong",
            "name": "Strong",
            "short": "strong clause",
            "strength": 5.0,
            "on_adopted": [{"milestone": "strong_adopted"}],
        },
        {
            "id": "redline",
            "name": "Red line",
            "short": "red-line clause",
            "strength": 0.5,
            "reactions": [{"members": ["CHN", "RUS"], "amount": -1.0}],
        },
    ],
    "drafting": [
        {"body": "COUNCIL", "cost": 2, "title": "Council text"},
        {"body": "GA", "cost": 2, "title": "Assembly text"},
        {"body": "UNSC", "kind": "substantive", "cost": 2, "title": "Council resolution"},
    ],
    "levers": [
        {
            "id": "lobby",
            "name": "Lobby",
            "family": "coalition",
            "description": "Lobby a state.",
            "cost": 1,
            "target": "member",
            "per_turn": 2,
            "effects": [{"shift": {"chosen": True, "amount": 3.5, "reason": "lobbied"}}],
        },
    ],
    "scripts": [],
    "events": [],
    "score": {
        "tracks": [
            {
                "id": "main",
                "name": "Main",
                "weight": 1,
                "terms": [{"milestone": "done", "points": 100}],
            }
        ],
        "grades": [{"min": 50, "grade": "A"}, {"min": 0, "grade": "B"}],
    },
    # Near-deterministic: a member votes Yes when its support is above 0, No below -1.
    "vote_model": {
        "noise": 0.01,
        "cutpoints": {
            "draft": [-1, 0],
            "amendment": [-1, 0],
            "no_action": [-1, 0],
            "procedural": [-1, 0],
            "substantive": [-1, 0],
        },
    },
}


def build(tmp_path: Path, **changes):
    """The base scenario with top-level keys replaced (deep-copied), loaded through the real loader."""
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        data[key] = copy.deepcopy(value)
    (tmp_path / "members.yaml").write_text(
        yaml.safe_dump(members_file(), sort_keys=False), encoding="utf-8"
    )
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_scenario(path)


def script(sid: str, actor: str, on: str, then: list, when: dict | None = None, **extra) -> dict:
    s = {"id": sid, "actor": actor, "on": on, "then": then, **extra}
    if when is not None:
        s["if"] = when
    return s
