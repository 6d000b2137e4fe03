"""The one door into the state: new_game, legal_actions, why_not and apply."""

from __future__ import annotations

from game.sim import events as ev
from game.sim.actions import Action, Choose, EndPhase, ReviseDraft, TableDraft, UseLever
from game.sim.conditions import describe, unmet
from game.sim.context import Context
from game.sim.phases import end_phase, start_turn
from game.sim.scenario import Lever, Scenario
from game.sim.script import _revise, apply_effects
from game.sim.state import ChoiceRecord, Draft, GameState
from game.sim.working import WorkingState


class Refused(ValueError):
    """Raised by `apply(..., strict=True)` for an action that isn't legal now."""


def new_game(scenario: Scenario, seed: int) -> GameState:
    """The state at the start of the first turn's briefing (its news already in the chronicle)."""
    return start(scenario, seed)[0]


def start(scenario: Scenario, seed: int) -> tuple[GameState, tuple]:
    """Like new_game, also returning the events of the first briefing."""
    if not scenario.calendar:
        raise ValueError("a scenario needs at least one turn")
    initial = GameState(
        seed=int(seed),
        turn=0,
        phase="briefing",
        step=0,
        meters=tuple(m.start for m in scenario.meters),
    )
    ws = WorkingState(scenario, initial)
    start_turn(ws, first=True)
    return ws.freeze(), tuple(ws.events)


# -- legality ------------------------------------------------------------------------------


def _capital(scenario: Scenario, view) -> float:
    return view.meters[scenario.meter_index[scenario.capital_meter]]


def _afford(scenario: Scenario, view, cost: float) -> str | None:
    have = _capital(scenario, view)
    if cost > have + 1e-9:
        name = scenario.meter(scenario.capital_meter).name.lower()
        return f"Needs {cost:g} {name}; you have {have:g}."
    return None


_NO_DRAFT = Context(source="check", cause="check")


def _ctx(
    scenario: Scenario, source: str, draft: Draft | None = None, target: str | None = None
) -> Context:
    """A context for checking a condition (conditions read but never change it)."""
    if draft is None and target is None:
        return _NO_DRAFT
    return Context(source=source, cause=source, actor=scenario.player, draft=draft, target=target)


def lever_targets(scenario: Scenario, state: GameState, lever: Lever) -> tuple[str, ...]:
    """Every target the lever may be aimed at now ("member:KEN", "bloc:AU", "draft:GA3")."""
    kind = lever.target
    if kind == "none":
        return ()
    out: list[str] = []
    if kind == "member":
        targets = scenario.cache.get("member_targets")
        if targets is None:
            targets = scenario.cache["member_targets"] = tuple(
                f"member:{m.id}" for m in scenario.members
            )
        out += targets
    if kind in ("group", "group_or_bloc"):
        out += [f"group:{g.id}" for g in scenario.groups]
    if kind in ("bloc", "group_or_bloc"):
        out += [f"bloc:{b.id}" for b in scenario.blocs]
    if kind == "draft":
        out += [
            f"draft:{d.body}"
            for d in state.drafts
            if d.sponsor == scenario.player and not d.outcome
        ]
    return tuple(out)


def _target_problem(
    scenario: Scenario, state: GameState, lever: Lever, target: str | None
) -> str | None:
    if lever.target == "none":
        return None if target is None else f"'{lever.name}' takes no target."
    if target is None:
        return f"Choose a target for '{lever.name}'."
    kind, _, ref = target.partition(":")
    allowed = {
        "member": ("member",),
        "group": ("group",),
        "bloc": ("bloc",),
        "group_or_bloc": ("group", "bloc"),
        "draft": ("draft",),
    }[lever.target]
    if kind not in allowed:
        return f"'{lever.name}' is aimed at a {' or '.join(allowed)}, not {target!r}."
    if kind == "member" and ref not in scenario.member_index:
        return f"There is no member state {ref!r}."
    if kind == "group" and ref not in scenario.cache["groups"]:
        return f"There is no regional group {ref!r}."
    if kind == "bloc" and ref not in scenario.cache["blocs"]:
        return f"There is no bloc {ref!r}."
    if kind == "draft" and state.draft_in(ref, scenario.player) is None:
        return f"You have no text tabled in the {ref} this turn."
    return None


def clause_problem(
    scenario: Scenario, state: GameState, body: str, clauses: tuple[str, ...]
) -> str | None:
    """Why this set of clauses can't make a text in `body` now, or None."""
    if not clauses:
        return "A text needs at least one clause."
    if len(set(clauses)) != len(clauses):
        return "A clause appears twice."
    for cid in clauses:
        if cid not in scenario.clause_index:
            return f"There is no clause {cid!r}."
        clause = scenario.clause(cid)
        if clause.bodies and body not in clause.bodies:
            return f"'{clause.name}' has no place in a {scenario.body(body).short} text."
        missing = unmet(scenario, state, _ctx(scenario, cid), clause.requires)
        if missing is not None:
            return f"'{clause.name}' needs {describe(scenario, missing)}."
        for other in clause.excludes:
            if other in clauses:
                return (
                    f"'{clause.name}' and '{scenario.clause(other).name}' can't stand in one text."
                )
    return None


def allowed_clauses(scenario: Scenario, state: GameState, body: str) -> tuple[str, ...]:
    """Clauses that may go into a text for `body` now (each on its own)."""
    return tuple(
        c.id for c in scenario.clauses if clause_problem(scenario, state, body, (c.id,)) is None
    )


def why_not(scenario: Scenario, state: GameState, action: Action) -> str | None:
    """None if the action is legal now; otherwise one sentence a player can act on."""
    if state.over:
        return "The game is over."
    t = type(action)
    if t is EndPhase:
        if state.pending:
            return f"First answer: {state.pending[0].spec.title}."
        return None
    if t is Choose:
        for p in state.pending:
            if p.spec.id == action.choice:
                option = p.spec.option(action.option)
                if option is None:
                    return f"'{p.spec.title}' has no option {action.option!r}."
                draft = state.draft_by_uid(p.draft_uid) if p.draft_uid is not None else None
                missing = unmet(scenario, state, _ctx(scenario, p.source, draft), option.requires)
                if missing is not None:
                    return f"'{option.label}' needs {describe(scenario, missing)}."
                return None
        return "There is no such choice to answer now."
    if state.phase != "diplomacy":
        return "That can only be done in the diplomacy phase."
    if t is UseLever:
        if action.lever not in scenario.lever_index:
            return f"There is no lever {action.lever!r}."
        lever = scenario.lever(action.lever)
        if (
            lever.per_turn
            and state.lever_count(scenario, lever.id, this_turn=True) >= lever.per_turn
        ):
            times = "once" if lever.per_turn == 1 else f"{lever.per_turn} times"
            return f"'{lever.name}' can be used {times} a turn."
        if lever.max_uses is not None and state.lever_count(scenario, lever.id) >= lever.max_uses:
            return f"'{lever.name}' has been used as often as it can be ({lever.max_uses})."
        problem = _target_problem(scenario, state, lever, action.target)
        if problem:
            return problem
        draft = None
        if lever.target == "draft":
            draft = state.draft_in(action.target.partition(":")[2], scenario.player)
        missing = unmet(
            scenario, state, _ctx(scenario, lever.id, draft, action.target), lever.requires
        )
        if missing is not None:
            return f"Needs {describe(scenario, missing)}."
        return _afford(scenario, state, lever.cost)
    if t is TableDraft or t is ReviseDraft:
        if action.body not in scenario.cache["bodies"]:
            return f"There is no body {action.body!r}."
        body = scenario.body(action.body)
        rule = scenario.drafting_rule(action.body)
        if rule is None:
            return f"{scenario.player_actor.name} does not table texts in the {body.name}."
        if action.body not in scenario.calendar[state.turn].sessions:
            return f"The {body.name} does not sit this turn."
        existing = state.draft_in(action.body, scenario.player)
        if t is TableDraft:
            if existing is not None:
                return f"You already have a text in the {body.short}: revise it instead."
            missing = unmet(scenario, state, _ctx(scenario, "drafting"), rule.requires)
            if missing is not None:
                return f"Tabling a text here needs {describe(scenario, missing)}."
            cost = rule.cost
        else:
            if existing is None:
                return f"You have no text in the {body.short} to revise."
            if tuple(sorted(action.clauses)) == tuple(sorted(existing.clauses)):
                return "The revision changes nothing."
            cost = rule.revise_cost
        return clause_problem(scenario, state, action.body, tuple(action.clauses)) or _afford(
            scenario, state, cost
        )
    return f"Unknown action {action!r}."


def legal_actions(scenario: Scenario, state: GameState) -> tuple[Action, ...]:
    """Every legal action now. Drafting is combinatorial: one TableDraft per body is listed,
    with every allowed clause that fits together; any subset of `allowed_clauses` is legal too."""
    if state.over:
        return ()
    out: list[Action] = []
    for p in state.pending:
        for o in p.spec.options:
            a = Choose(p.spec.id, o.id)
            if why_not(scenario, state, a) is None:
                out.append(a)
    if state.phase == "diplomacy":
        for lever in scenario.levers:
            targets = lever_targets(scenario, state, lever) or (None,)
            for target in targets:
                a = UseLever(lever.id, target)
                if why_not(scenario, state, a) is None:
                    out.append(a)
        for rule in scenario.drafting:
            fitting: list[str] = []
            for cid in allowed_clauses(scenario, state, rule.body):
                if clause_problem(scenario, state, rule.body, tuple(fitting) + (cid,)) is None:
                    fitting.append(cid)
            for cls in (TableDraft, ReviseDraft):
                a = cls(rule.body, tuple(fitting))
                if fitting and why_not(scenario, state, a) is None:
                    out.append(a)
    if why_not(scenario, state, EndPhase()) is None:
        out.append(EndPhase())
    return tuple(out)


# -- the door -------------------------------------------------------------------------------


def apply(
    scenario: Scenario, state: GameState, action: Action, strict: bool = False
) -> tuple[GameState, tuple]:
    """Pure: the state after `action`, and what happened. An illegal action changes nothing
    and returns a single `ev.Refused` event (or raises `Refused` if `strict`)."""
    reason = why_not(scenario, state, action)
    if reason is not None:
        if strict:
            raise Refused(reason)
        return state, (ev.Refused(reason),)
    ws = WorkingState(scenario, state)
    _DO[type(action)](scenario, ws, action)
    ws.log.append(action)
    ws.step += 1
    return ws.freeze(), tuple(ws.events)


def _do_end_phase(scenario: Scenario, ws: WorkingState, action: EndPhase) -> None:
    end_phase(ws)


def _do_lever(scenario: Scenario, ws: WorkingState, action: UseLever) -> None:
    lever = scenario.lever(action.lever)
    ws.add_meter(scenario.capital_meter, -lever.cost, lever.name)
    ws.lever_uses.append((lever.id, ws.turn))
    ws.events.append(ev.LeverUsed(lever.id, action.target, lever.cost))
    draft = None
    if lever.target == "draft":
        body = action.target.partition(":")[2]
        draft = next(
            d
            for d in ws.drafts
            if d.body == body and d.sponsor == scenario.player and d.origin is None
        )
    ctx = Context(
        source=lever.id,
        cause=lever.name,
        actor=scenario.player,
        draft=draft,
        target=action.target,
        draw=ws.draw,
    )
    apply_effects(ws, lever.effects, ctx)


def _ordered(scenario: Scenario, clauses) -> tuple[str, ...]:
    return tuple(sorted(set(clauses), key=scenario.clause_index.__getitem__))


def _on_tabled(scenario: Scenario, ws: WorkingState, draft: Draft, added: tuple[str, ...]) -> None:
    for cid in added:
        clause = scenario.clause(cid)
        if clause.on_tabled:
            ctx = Context(
                source=cid,
                cause=f"Tabling '{clause.name}'",
                actor=scenario.player,
                draft=ws.draft(draft.uid),
                draw=ws.draw,
            )
            apply_effects(ws, clause.on_tabled, ctx)


def _do_table(scenario: Scenario, ws: WorkingState, action: TableDraft) -> None:
    rule = scenario.drafting_rule(action.body)
    ws.add_meter(scenario.capital_meter, -rule.cost, f"Tabling a text in the {action.body}")
    clauses = _ordered(scenario, action.clauses)
    draft = Draft(ws.new_uid(), action.body, rule.kind, scenario.player, rule.title, clauses)
    ws.drafts.append(draft)
    ws.events.append(
        ev.DraftTabled(draft.uid, draft.body, draft.kind, draft.title, draft.sponsor, clauses)
    )
    _on_tabled(scenario, ws, draft, clauses)


def _do_revise(scenario: Scenario, ws: WorkingState, action: ReviseDraft) -> None:
    rule = scenario.drafting_rule(action.body)
    ws.add_meter(scenario.capital_meter, -rule.revise_cost, f"Revising the {action.body} text")
    draft = next(
        d
        for d in ws.drafts
        if d.body == action.body and d.sponsor == scenario.player and d.origin is None
    )
    clauses = _ordered(scenario, action.clauses)
    added = tuple(c for c in clauses if c not in draft.clauses)
    ctx = Context(source="revision", cause="Your revision", actor=scenario.player, draft=draft)
    _revise(ws, draft, clauses, "your revision", ctx)
    _on_tabled(scenario, ws, draft, added)


def _do_choose(scenario: Scenario, ws: WorkingState, action: Choose) -> None:
    pending = next(p for p in ws.pending if p.spec.id == action.choice)
    ws.pending.remove(pending)
    option = pending.spec.option(action.option)
    ws.choices_made.append(ChoiceRecord(action.choice, action.option, ws.turn))
    ws.events.append(ev.ChoiceMade(action.choice, action.option, option.label))
    draft = ws.draft(pending.draft_uid) if pending.draft_uid is not None else None
    ctx = Context(
        source=pending.source,
        cause=f"{pending.spec.title}: {option.label}",
        actor=scenario.player,
        draft=draft,
        draw=ws.draw,
    )
    apply_effects(ws, option.effects, ctx)


_DO = {
    EndPhase: _do_end_phase,
    UseLever: _do_lever,
    TableDraft: _do_table,
    ReviseDraft: _do_revise,
    Choose: _do_choose,
}
