"""Two rule-based players for the balance report: the hawk (pressure, strongest text) and the
dove (engagement, softest text). They work on any scenario by reading its levers' families,
its clauses' strengths and how each choice moves the engagement meter."""

from __future__ import annotations

from game.sim import effects as fx
from game.sim.actions import Action, Choose, EndPhase, TableDraft, UseLever
from game.sim.rules import allowed_clauses, clause_problem, lever_targets, why_not
from game.sim.scenario import Scenario
from game.sim.state import GameState

ENGAGEMENT = "engagement"  # the conventional id of the meter a scenario's DPRK engagement lives in
PREFERRED_TARGETS = ("bloc:AU", "group:AFR", "bloc:OIC", "group:APG", "bloc:NAM", "group:GRULAC")


def engagement_shift(effects: tuple) -> float:
    """How far a list of effects moves the engagement meter (dropping a clause counts as a concession)."""
    total = 0.0
    for e in fx.walk(effects):
        if isinstance(e, fx.MeterAdd) and e.meter == ENGAGEMENT:
            total += e.amount
        elif isinstance(e, fx.DropClause):
            total += 5.0
    return total


def _choose(scenario: Scenario, state: GameState, sign: float) -> Action | None:
    """Answer the first pending choice with the option that moves engagement most in `sign`'s direction."""
    if not state.pending:
        return None
    p = state.pending[0]
    legal = [o for o in p.spec.options if why_not(scenario, state, Choose(p.spec.id, o.id)) is None]
    if not legal:
        return None
    best = max(legal, key=lambda o: sign * engagement_shift(o.effects))
    return Choose(p.spec.id, best.id)


def text_for(scenario: Scenario, state: GameState, body: str, strongest: bool) -> tuple[str, ...]:
    """The strongest (or softest) set of clauses that can stand together in a text for `body`."""
    allowed = [scenario.clause(c) for c in allowed_clauses(scenario, state, body)]
    if strongest:
        pool = sorted((c for c in allowed if c.strength >= 0), key=lambda c: -c.strength)
    else:
        pool = sorted((c for c in allowed if c.strength <= 0.2), key=lambda c: c.strength)
    picked: list[str] = []
    for clause in pool:
        if clause_problem(scenario, state, body, tuple(picked) + (clause.id,)) is None:
            picked.append(clause.id)
    if not picked and allowed:
        picked = [min(allowed, key=lambda c: abs(c.strength)).id]
    return tuple(picked)


def _lever_actions(scenario: Scenario, state: GameState, families: tuple[str, ...]):
    for family in families:
        # Within a family the costliest lever first: it is the one that does the most.
        for lever in sorted(
            (lv for lv in scenario.levers if lv.family == family), key=lambda lv: -lv.cost
        ):
            targets = lever_targets(scenario, state, lever)
            if lever.target == "none":
                yield UseLever(lever.id)
            elif lever.target == "draft":
                yield from (UseLever(lever.id, t) for t in targets)
            elif lever.target != "member":
                ordered = [t for t in PREFERRED_TARGETS if t in targets] or list(targets[:1])
                yield from (UseLever(lever.id, t) for t in ordered)


def _rule_player(strongest: bool, families: tuple[str, ...], sign: float):
    def act(scenario: Scenario, state: GameState) -> Action:
        answer = _choose(scenario, state, sign)
        if answer is not None:
            return answer
        if state.phase != "diplomacy":
            return EndPhase()
        for rule in scenario.drafting:
            if (
                rule.body in scenario.calendar[state.turn].sessions
                and state.draft_in(rule.body, scenario.player) is None
            ):
                if rule.kind == "substantive" and not strongest:
                    continue  # the dove does not table Council resolutions
                action = TableDraft(rule.body, text_for(scenario, state, rule.body, strongest))
                if action.clauses and why_not(scenario, state, action) is None:
                    return action
        for action in _lever_actions(scenario, state, families):
            if why_not(scenario, state, action) is None:
                return action
        return EndPhase()

    return act


def hawk(seed: int):
    """Maximum pressure: the strongest text everywhere, pressure and documentation levers,
    lobbying for the votes, and every offer refused."""
    return _rule_player(True, ("pressure", "documentation", "coalition"), sign=-1.0)


def dove(seed: int):
    """Engagement first: the softest text, dialogue and aid, every offer accepted."""
    return _rule_player(False, ("engagement", "drafting", "coalition"), sign=+1.0)
