"""Policies that play the player's side: passive, random, historical (and more in later modules)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable

from game.sim.actions import Action, Choose, EndPhase, ReviseDraft, TableDraft, UseLever
from game.sim.rules import lever_targets, why_not
from game.sim.scenario import Scenario
from game.sim.state import GameState

Policy = Callable[[Scenario, GameState], Action]


def _answer_first(scenario: Scenario, state: GameState) -> Action | None:
    for p in state.pending:
        for o in p.spec.options:
            a = Choose(p.spec.id, o.id)
            if why_not(scenario, state, a) is None:
                return a
    return None


def policy_random(seed: int, name: str) -> random.Random:
    """A policy's own generator: seeded from the game's seed and the policy's name, never global.
    (The policy sits outside the simulation; Python's generator is plenty for choosing moves.)"""
    digest = hashlib.sha256(f"{seed}/policy/{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "little"))


def passive(seed: int) -> Policy:
    """Does nothing but answer choices with their first option and end each phase."""

    def act(scenario: Scenario, state: GameState) -> Action:
        return _answer_first(scenario, state) or EndPhase()

    return act


def random_policy(seed: int, end_probability: float = 0.25) -> Policy:
    """Picks uniformly among lever, tabling, revising and ending the phase; targets and clauses
    at random. Its own generator, derived from the game's seed, drives it."""
    gen = policy_random(seed, "random")

    def act(scenario: Scenario, state: GameState) -> Action:
        if state.pending:
            p = state.pending[0]
            options = [
                o
                for o in p.spec.options
                if why_not(scenario, state, Choose(p.spec.id, o.id)) is None
            ]
            if options:
                return Choose(p.spec.id, gen.choice(options).id)
        if state.phase != "diplomacy" or gen.random() < end_probability:
            return EndPhase()
        for _ in range(4):
            roll = gen.random()
            if roll < 0.6 and scenario.levers:
                lever = gen.choice(scenario.levers)
                targets = lever_targets(scenario, state, lever)
                target = gen.choice(targets) if targets else None
                action: Action = UseLever(lever.id, target)
            elif scenario.drafting:
                rule = gen.choice(scenario.drafting)
                action = _random_text(scenario, state, rule.body, gen)
                if action is None:
                    continue
            else:
                continue
            if why_not(scenario, state, action) is None:
                return action
        return EndPhase()

    return act


def _random_text(
    scenario: Scenario, state: GameState, body: str, gen: random.Random
) -> Action | None:
    """A random subset of the clauses that may appear in `body` (legality is checked by the caller)."""
    if body not in scenario.calendar[state.turn].sessions:
        return None
    key = ("policy/clauses", body)
    eligible = scenario.cache.get(key)
    if eligible is None:
        eligible = scenario.cache[key] = tuple(
            c.id for c in scenario.clauses if not c.bodies or body in c.bodies
        )
    if not eligible:
        return None
    picked = tuple(c for c in eligible if gen.random() < 0.5) or (gen.choice(eligible),)
    existing = state.draft_in(body, scenario.player)
    return (ReviseDraft if existing is not None else TableDraft)(body, picked)


def historical(seed: int) -> Policy:
    """Does what the real EU did: the scenario's `history` plan, turn by turn; choices as the
    plan answers them (else the first option); skips planned actions that aren't legal."""
    done: set[tuple[int, int]] = set()

    def act(scenario: Scenario, state: GameState) -> Action:
        date = scenario.calendar[state.turn].date
        plans = scenario.cache.get("history_by_date")
        if plans is None:
            plans = scenario.cache["history_by_date"] = {h.date: h for h in scenario.history}
        plan = plans.get(date)
        planned = plan.actions if plan else ()
        for p in state.pending:
            for a in planned:
                if (
                    isinstance(a, Choose)
                    and a.choice == p.spec.id
                    and why_not(scenario, state, a) is None
                ):
                    return a
        if state.pending:
            return _answer_first(scenario, state) or EndPhase()
        if state.phase == "diplomacy":
            for i, a in enumerate(planned):
                if isinstance(a, Choose) or (state.turn, i) in done:
                    continue
                done.add((state.turn, i))
                if why_not(scenario, state, a) is None:
                    return a
        return EndPhase()

    return act


def _registry() -> dict[str, Callable[[int], Policy]]:
    from game.analysis.greedy import greedy
    from game.analysis.strategies import dove, hawk

    return {
        "passive": passive,
        "random": random_policy,
        "historical": historical,
        "hawk": hawk,
        "dove": dove,
        "greedy": greedy,
    }


POLICIES: dict[str, Callable[[int], Policy]] = {}
POLICIES.update(_registry())
