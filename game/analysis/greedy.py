"""The greedy player: takes the action with the best one-step expected score, using the forecast.

Expected score of a state = its score now + for each text of the player's awaiting its vote,
P(adopted) (from `forecast`) x what adoption would add (its clauses' effects and the other
actors' reactions, tried on a copy on the forecast's stream). It looks one action ahead and no
further: it never pays for something whose reward comes later (intelligence, documentation).
"""

from __future__ import annotations

from game.analysis.seeds import run_seed
from game.analysis.strategies import PREFERRED_TARGETS, text_for
from game.sim.actions import Action, Choose, EndPhase, TableDraft, UseLever
from game.sim.context import Context
from game.sim.forecast import forecast
from game.sim.rules import apply, lever_targets, why_not
from game.sim.scenario import Scenario
from game.sim.score import score
from game.sim.script import apply_effects, run_hook
from game.sim.state import GameState, VoteRecord, evolve
from game.sim.working import WorkingState

SAMPLES = 150
ROLLOUTS = 2  # other seeds each candidate action is tried under


class _Greedy:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.forecasts: dict = {}

    def forecast(self, scenario: Scenario, state: GameState, draft):
        intel = scenario.vote_model.intelligence_meter
        key = (
            state.turn,
            draft.body,
            draft.clauses,
            draft.cosponsors,
            len(state.shifts),
            state.meter(scenario, intel) if intel else 0,
        )
        f = self.forecasts.get(key)
        if f is None:
            f = self.forecasts[key] = forecast(scenario, state, draft, SAMPLES)
        return f

    def adoption_gain(self, scenario: Scenario, state: GameState, draft, f) -> float:
        """Score after the text's adoption (with the expected tally) minus the score now."""
        ws = WorkingState(scenario, state)
        ws.stream_prefix = "forecast/"
        live = ws.draft(draft.uid)
        ws.update_draft(live, outcome="adopted")
        ws.votes.append(
            VoteRecord(
                vote_id="expected",
                turn=ws.turn,
                body=draft.body,
                kind=draft.kind,
                title=draft.title,
                draft_uid=draft.uid,
                mover=draft.sponsor,
                recorded=f.recorded,
                adopted=True,
                yes=round(f.yes.mean),
                no=round(f.no.mean),
                abstain=round(f.abstain.mean),
            )
        )
        for cid in draft.clauses:
            clause = scenario.clause(cid)
            if clause.on_adopted:
                ctx = Context(
                    source=cid,
                    cause="expected",
                    actor=draft.sponsor,
                    draft=ws.draft(draft.uid),
                    outcome=("adopted", "recorded"),
                    draw=ws.draw,
                )
                apply_effects(ws, clause.on_adopted, ctx)
        run_hook(ws, "after_vote", ws.draft(draft.uid), ("adopted", "recorded"))
        return score(scenario, ws).total - score(scenario, state).total

    def value(self, scenario: Scenario, state: GameState) -> float:
        total = score(scenario, state).total
        if state.over:
            return total
        for draft in state.drafts:
            if draft.sponsor != scenario.player or draft.outcome:
                continue
            f = self.forecast(scenario, state, draft)
            total += f.p_adopted * self.adoption_gain(scenario, state, draft, f)
        return total

    def candidates(self, scenario: Scenario, state: GameState) -> list[Action]:
        if state.pending:
            p = state.pending[0]
            return [Choose(p.spec.id, o.id) for o in p.spec.options]
        if state.phase != "diplomacy":
            return []
        out: list[Action] = []
        for rule in scenario.drafting:
            if (
                rule.body in scenario.calendar[state.turn].sessions
                and state.draft_in(rule.body, scenario.player) is None
            ):
                strongest = text_for(scenario, state, rule.body, strongest=True)
                texts = {strongest, text_for(scenario, state, rule.body, strongest=False)}
                if len(strongest) > 1:  # the strongest text less its strongest clause
                    top = max(strongest, key=lambda c: scenario.clause(c).strength)
                    texts.add(tuple(c for c in strongest if c != top))
                out += [TableDraft(rule.body, t) for t in sorted(texts) if t]
        for lever in scenario.levers:
            targets = lever_targets(scenario, state, lever)
            if lever.target == "none":
                out.append(UseLever(lever.id))
            elif lever.target == "draft":
                out += [UseLever(lever.id, t) for t in targets]
            elif lever.target != "member":
                out += [
                    UseLever(lever.id, t)
                    for t in [t for t in PREFERRED_TARGETS if t in targets][:2]
                ]
        return out

    def __call__(self, scenario: Scenario, state: GameState) -> Action:
        options = [
            a for a in self.candidates(scenario, state) if why_not(scenario, state, a) is None
        ]
        if not options:
            return EndPhase()
        if state.pending:
            best, best_value = options[0], float("-inf")
        else:
            best, best_value = (
                EndPhase(),
                self.value(scenario, state) + 1e-6,
            )  # act only if it helps
        for action in options:
            value = (
                sum(
                    self.value(scenario, apply(scenario, probe, action)[0])
                    for probe in self.probes(state)
                )
                / ROLLOUTS
            )
            if value > best_value:
                best, best_value = action, value
        return best

    def probes(self, state: GameState) -> list[GameState]:
        """The state under other seeds: trying an action must not reveal the game's own draws
        (a lever with a chance would otherwise be taken only when it is going to succeed)."""
        return [
            evolve(state, seed=run_seed(self.seed ^ 0x5EED, state.step * ROLLOUTS + k))
            for k in range(ROLLOUTS)
        ]


def greedy(seed: int):
    return _Greedy(seed)
