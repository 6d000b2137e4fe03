"""Plays whole games with a policy, many seeds at once (optionally in worker processes)."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from game.analysis.policies import POLICIES
from game.analysis.seeds import run_seed
from game.sim.rules import apply, new_game
from game.sim.scenario import Scenario
from game.sim.score import score, vote_margin
from game.sim.state import GameState

MAX_STEPS = 10_000  # a game that needs more actions than this is a bug


@dataclass(frozen=True)
class VoteSummary:
    vote_id: str
    turn: int
    date: str
    body: str
    kind: str
    title: str
    recorded: bool
    adopted: bool
    yes: int
    no: int
    abstain: int
    absent: int


@dataclass(frozen=True)
class GameSummary:
    seed: int
    score: float
    grade: str
    tracks: tuple[float, ...]  # in the scenario's track order
    margin: float | None  # mean Yes share on the player's texts (1.0 for adoption without a vote)
    milestones: tuple[str, ...]
    votes: tuple[VoteSummary, ...]
    meters: tuple[float, ...]
    steps: int


def play(scenario: Scenario, policy_name: str, seed: int) -> GameState:
    """One whole game; returns the final state."""
    policy = POLICIES[policy_name](seed)
    state = new_game(scenario, seed)
    for _ in range(MAX_STEPS):
        if state.over:
            return state
        state, _ = apply(scenario, state, policy(scenario, state), strict=True)
    raise RuntimeError(f"game with seed {seed} did not end in {MAX_STEPS} actions")


def summarize(scenario: Scenario, state: GameState) -> GameSummary:
    card = score(scenario, state)
    return GameSummary(
        seed=state.seed,
        score=card.total,
        grade=card.grade,
        tracks=tuple(t.value for t in card.tracks),
        margin=vote_margin(scenario, state),
        milestones=tuple(m for m, _ in state.milestones),
        votes=tuple(
            VoteSummary(
                v.vote_id,
                v.turn,
                scenario.calendar[v.turn].date,
                v.body,
                v.kind,
                v.title,
                v.recorded,
                v.adopted,
                v.yes,
                v.no,
                v.abstain,
                v.absent,
            )
            for v in state.votes
        ),
        meters=state.meters,
        steps=state.step,
    )


def run_seeds(scenario: Scenario, policy_name: str, seeds) -> list[GameSummary]:
    return [summarize(scenario, play(scenario, policy_name, s)) for s in seeds]


_WORKER: dict = {}


def _init_worker(path: str) -> None:
    from game.authoring import load_scenario

    _WORKER["scenario"] = load_scenario(path)


def _work(args: tuple[str, list[int]]) -> list[GameSummary]:
    policy_name, seeds = args
    return run_seeds(_WORKER["scenario"], policy_name, seeds)


def run_many(
    scenario: Scenario,
    policy_name: str,
    runs: int,
    seed: int,
    workers: int = 1,
    path: str | Path | None = None,
) -> tuple[list[GameSummary], float]:
    """`runs` games with seeds derived from `seed`; (summaries in run order, seconds taken)."""
    seeds = [run_seed(seed, i) for i in range(runs)]
    started = time.perf_counter()
    if workers <= 1 or runs < 2 or path is None:
        out = run_seeds(scenario, policy_name, seeds)
    else:
        size = max(1, -(-runs // (workers * 4)))
        chunks = [seeds[i : i + size] for i in range(0, runs, size)]
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(str(path),)
        ) as pool:
            out = [g for part in pool.map(_work, [(policy_name, c) for c in chunks]) for g in part]
    return out, time.perf_counter() - started
