"""Scores a game: each track from its terms (meters, milestones, flags, vote margins), then a grade."""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.scenario import Scenario


@dataclass(frozen=True)
class TrackScore:
    id: str
    name: str
    value: float  # 0..100
    weight: float
    parts: tuple[tuple[str, float], ...]  # (what, points) for the debrief


@dataclass(frozen=True)
class ScoreCard:
    tracks: tuple[TrackScore, ...]
    total: float  # 0..100, the weighted mean of the tracks
    grade: str
    label: str


def vote_margin(scenario: Scenario, view) -> float | None:
    """Mean share of Yes among Yes+No on the player's texts (1.0 for adoption without a vote)."""
    shares = []
    for v in view.votes:
        if v.mover != scenario.player or v.kind in ("amendment", "no_action"):
            continue
        if not v.recorded:
            shares.append(1.0)
        elif v.yes + v.no > 0:
            shares.append(v.yes / (v.yes + v.no))
    return sum(shares) / len(shares) if shares else None


def score(scenario: Scenario, view) -> ScoreCard:
    """The score card of a state (GameState or WorkingState), at any moment of the game."""
    tracks = []
    margin = vote_margin(scenario, view)
    for track in scenario.tracks:
        parts = []
        for term in track.terms:
            if term.kind == "meter":
                spec = scenario.meter(term.ref)
                value = view.meters[scenario.meter_index[term.ref]]
                span = spec.max - spec.min
                fraction = (value - spec.min) / span if span else 0.0
                parts.append((spec.name, term.points * fraction))
            elif term.kind == "milestone":
                reached = view.has_milestone(term.ref)
                parts.append((scenario.milestone(term.ref).name, term.points if reached else 0.0))
            elif term.kind == "flag":
                parts.append((term.ref, term.points if term.ref in view.flags else 0.0))
            elif term.kind == "vote_margin":
                parts.append(("vote margins", term.points * (margin or 0.0)))
            else:
                raise ValueError(f"unknown score term {term.kind!r}")
        value = max(0.0, min(100.0, sum(p for _, p in parts)))
        tracks.append(TrackScore(track.id, track.name, value, track.weight, tuple(parts)))
    weights = sum(t.weight for t in tracks)
    total = sum(t.value * t.weight for t in tracks) / weights if weights else 0.0
    grade, label = "", ""
    for band in sorted(scenario.grades, key=lambda g: -g.min):
        if total >= band.min:
            grade, label = band.grade, band.label
            break
    return ScoreCard(tuple(tracks), total, grade, label)
