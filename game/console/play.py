"""The terminal game loop: numbered menus, sub-prompts, save/load at any prompt, autosave each turn."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from game import narrative, saves
from game.authoring import ScenarioError, load_scenario, resolve
from game.console import render
from game.sim import events as ev
from game.sim.actions import Choose, EndPhase, ReviseDraft, TableDraft, UseLever
from game.sim.forecast import forecast, hypothetical_draft
from game.sim.rules import apply, clause_problem, lever_targets, why_not
from game.sim.scenario import PHASES, Scenario
from game.sim.score import score
from game.sim.state import GameState

HELP = """Commands at any prompt:
  a number     choose that entry
  e            end the current phase (in the phase menus)
  save [NAME]  save the game (default name: the scenario's id)
  load [NAME]  load a save (no name: list them)
  status       show the meters again
  help         this text
  quit         save to the autosave and leave
End of input also autosaves and leaves."""


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class EndOfInput(Exception):
    pass


class Reloaded(Exception):
    """A game was loaded: abandon the current menu."""


class Quit(Exception):
    pass


class Console:
    def __init__(
        self,
        scenario: Scenario,
        state: GameState,
        saves_dir: Path,
        inp: TextIO | None = None,
        out: TextIO | None = None,
    ) -> None:
        self.scenario = scenario
        self.state = state
        self.saves_dir = Path(saves_dir)
        self.inp = inp or sys.stdin
        self.out = out or sys.stdout

    # -- input and output ---------------------------------------------------------------
    def say(self, text: str = "") -> None:
        if text is not None:
            print(text, file=self.out)

    def ask(self, prompt: str) -> str:
        """A line of input; handles the global commands itself."""
        while True:
            self.out.write(prompt)
            self.out.flush()
            line = self.inp.readline()
            if not line:
                raise EndOfInput
            line = line.strip()
            if not _is_tty(self.inp):
                self.out.write(line + "\n")  # echo piped input so transcripts read naturally
            word, _, rest = line.partition(" ")
            word = word.lower()
            if word == "help":
                self.say(HELP)
            elif word == "status":
                self.say(render.meters(self.scenario, self.state))
            elif word == "save":
                self.save(rest.strip() or self.scenario.id)
            elif word == "load":
                self.load(rest.strip())
            elif word in ("quit", "exit"):
                raise Quit
            else:
                return line

    def pick(
        self,
        prompt: str,
        count: int,
        allow_back: bool = True,
        shortcuts: dict[str, int] | None = None,
    ) -> int | None:
        """A number 1..count (returns 0-based), a shortcut letter, or None for 'b'ack."""
        while True:
            answer = self.ask(prompt).lower()
            if allow_back and answer in ("b", "back", "c", "cancel", ""):
                return None
            if shortcuts and answer in shortcuts:
                return shortcuts[answer]
            if answer.isdigit() and 1 <= int(answer) <= count:
                return int(answer) - 1
            self.say(
                f"Type a number from 1 to {count}" + (", or b to go back." if allow_back else ".")
            )

    # -- saving ---------------------------------------------------------------------------
    def save(self, name: str) -> Path | None:
        try:
            path = saves.save(
                self.scenario, self.state, self.saves_dir, name, label=self.scenario.title
            )
        except OSError as exc:
            self.say(f"Could not save: {exc}")
            return None
        self.say(f"Saved to {path}")
        return path

    def autosave(self) -> Path | None:
        try:
            return saves.autosave(self.scenario, self.state, self.saves_dir)
        except OSError as exc:
            self.say(f"Autosave failed: {exc}")
            return None

    def load(self, name: str) -> None:
        entries = saves.list_saves(self.saves_dir)
        if not name:
            if not entries:
                self.say(f"No saves in {self.saves_dir}.")
                return
            for i, e in enumerate(entries, 1):
                what = e.problem or f"{e.scenario}, {e.date}, {e.phase} phase, saved {e.saved_at}"
                self.say(f"  {i}) {e.name}: {what}")
            choice = self.pick("Load which? ", len(entries))
            if choice is None:
                return
            path = entries[choice].path
        else:
            path = self.saves_dir / f"{saves.safe_name(name)}.json"
        try:
            data = saves.read(path)
            scenario = self.scenario
            if data["scenario"].get("id") != scenario.id:
                found = resolve(str(data["scenario"].get("id")))
                if found is None:
                    raise saves.SaveError(
                        f"{path.name} needs scenario {data['scenario'].get('id')!r}, which isn't installed."
                    )
                scenario = load_scenario(found)
            state = saves.restore(scenario, data, path.name)
        except saves.SaveError as exc:
            self.say(f"Can't load: {exc}")
            return
        except ScenarioError as exc:
            self.say(f"Can't load the save's scenario:\n{exc.report()}")
            return
        self.scenario, self.state = scenario, state
        self.say(
            f"Loaded {path.name}: {scenario.title}, {scenario.calendar[state.turn].label}, {state.phase} phase."
        )
        raise Reloaded

    # -- the game -------------------------------------------------------------------------
    def do(self, action) -> bool:
        state, events = apply(self.scenario, self.state, action)
        if len(events) == 1 and isinstance(events[0], ev.Refused):
            self.say(f"Not possible: {events[0].reason}")
            return False
        before = self.state
        self.state = state
        self.show_events(before, events)
        return True

    def show_events(self, before: GameState, events) -> None:
        sc = self.scenario
        for e in events:
            if isinstance(e, ev.TurnBegan):
                self.say(render.turn_header(sc, self.state))
                self.autosave()
            elif isinstance(e, ev.PhaseBegan):
                if e.phase == "consequences":
                    self.turn_summary()
                elif e.phase != "over":
                    self.say(render.rule(f"{e.phase.capitalize()} phase"))
            elif isinstance(e, ev.VoteHeld):
                self.say(render.vote(sc, e.record))
            elif isinstance(e, (ev.ChoiceOffered, ev.MeterChanged, ev.Shifted)):
                continue
            else:
                line = narrative.event_line(sc, e)
                if line:
                    self.say(render.wrap(line, "  "))

    def turn_summary(self) -> None:
        sc, st = self.scenario, self.state
        self.say(render.rule("What changed this turn"))
        for meter, before, after, causes in narrative.turn_changes(sc, st, st.turn):
            name = sc.meter(meter).name
            self.say(
                f"  {name}: {narrative.meter_text(sc, meter, before)} -> {narrative.meter_text(sc, meter, after)}"
            )
            for delta, cause in causes:
                self.say(f"      {delta:+.0f}  {cause}")
        for m, turn in st.milestones:
            if turn == st.turn:
                self.say(f"  Milestone reached: {sc.milestone(m).name}")

    def run(self, show_briefing: bool = True) -> int:
        sc = self.scenario
        if show_briefing:
            self.say(render.briefing(sc))
            self.say(render.turn_header(sc, self.state))
            self.say(render.news(sc, self.state))
        self.say("Type 'help' for commands.")
        try:
            while not self.state.over:
                try:
                    if self.state.pending:
                        self.answer_choice()
                    else:
                        self.menu()
                except Reloaded:
                    self.say(render.turn_header(self.scenario, self.state))
                    self.say(render.news(self.scenario, self.state))
        except EndOfInput:
            path = self.autosave()
            self.say(f"\n(End of input: game saved to {path})" if path else "\n(End of input.)")
            return 0
        except Quit:
            path = self.autosave()
            self.say(f"Game saved to {path}. Goodbye." if path else "Goodbye.")
            return 0
        self.finish()
        return 0

    def finish(self) -> None:
        sc, st = self.scenario, self.state
        self.autosave()
        self.say(render.rule("Debrief"))
        self.say(render.score_card(score(sc, st)))
        history = render.versus_history(sc, st)
        if history:
            self.say("\nYou and history:")
            self.say(history)

    def answer_choice(self) -> None:
        p = self.state.pending[0]
        self.say(render.rule(p.spec.title))
        self.say(render.wrap(p.spec.text))
        for i, o in enumerate(p.spec.options, 1):
            reason = why_not(self.scenario, self.state, Choose(p.spec.id, o.id))
            extra = f"  (unavailable: {reason})" if reason else ""
            self.say(f"  {i}) {o.label}{extra}")
            if o.text:
                self.say(render.wrap(o.text, "       "))
        choice = self.pick("Your choice: ", len(p.spec.options), allow_back=False)
        self.do(Choose(p.spec.id, p.spec.options[choice].id))

    def menu(self) -> None:
        sc, st = self.scenario, self.state
        entries: list[tuple[str, object]] = []
        if st.phase == "diplomacy":
            for rule in sc.drafting:
                if rule.body not in sc.calendar[st.turn].sessions:
                    continue
                existing = st.draft_in(rule.body, sc.player)
                body = sc.body(rule.body)
                if existing is None:
                    probe = why_not(sc, st, TableDraft(rule.body, ("__probe__",)))
                    blocked = None if probe and probe.startswith("There is no clause") else probe
                    label = f"Draft a text for the {body.name} (cost {rule.cost:g})"
                else:
                    blocked = None
                    label = f"Revise your {body.short} text (cost {rule.revise_cost:g})"
                entries.append(
                    (
                        label + (f"  [unavailable: {blocked}]" if blocked else ""),
                        ("draft", rule.body, blocked),
                    )
                )
            for lever in sc.levers:
                targets = lever_targets(sc, st, lever)
                probe = UseLever(lever.id, targets[0] if targets else None)
                if targets or lever.target == "none":
                    blocked = why_not(sc, st, probe)
                else:
                    blocked = (
                        "Table a text first."
                        if lever.target == "draft"
                        else "No target available now."
                    )
                label = f"[{lever.family}] {lever.name} (cost {lever.cost:g})"
                if lever.hint:
                    label += f": {lever.hint}"
                entries.append(
                    (
                        label + (f"  [unavailable: {blocked}]" if blocked else ""),
                        ("lever", lever, blocked),
                    )
                )
        for d in st.drafts:
            if (
                not d.outcome
                and d.body in sc.calendar[st.turn].sessions
                and st.phase in ("diplomacy", "opposition")
            ):
                entries.append(
                    (
                        f"Forecast the vote on '{d.title}' ({sc.body(d.body).short})",
                        ("forecast", d, None),
                    )
                )
        nxt = PHASES.index(st.phase) + 1
        label = f"End the {st.phase} phase" + (
            f" -> {PHASES[nxt]}" if nxt < len(PHASES) else " -> next turn"
        )
        entries.append((label, ("end", None, None)))
        self.say(
            f"\n{st.phase.capitalize()} - {sc.meter(sc.capital_meter).name.lower()} {st.meter(sc, sc.capital_meter):.0f}:"
        )
        for i, (label, _) in enumerate(entries, 1):
            self.say(render.hanging(f"{i:2}) ", label))
        choice = self.pick(
            "(e ends the phase) > ",
            len(entries),
            allow_back=False,
            shortcuts={"e": len(entries) - 1, "end": len(entries) - 1},
        )
        kind, arg, blocked = entries[choice][1]
        if blocked:
            self.say(f"Not now: {blocked}")
        elif kind == "end":
            self.do(EndPhase())
        elif kind == "forecast":
            self.say(render.forecast(sc, forecast(sc, st, arg)))
        elif kind == "lever":
            self.use_lever(arg)
        elif kind == "draft":
            self.draft(arg)

    def use_lever(self, lever) -> None:
        sc, st = self.scenario, self.state
        targets = lever_targets(sc, st, lever)
        target = None
        if lever.target != "none":
            target = self.choose_target(lever, targets)
            if target is None:
                return
        self.do(UseLever(lever.id, target))

    def choose_target(self, lever, targets: tuple[str, ...]) -> str | None:
        sc = self.scenario
        if lever.target == "member":
            while True:
                answer = self.ask(
                    "Which state? (ISO code or name; ? lists those sitting this turn; b to go back) "
                ).strip()
                if answer.lower() in ("b", "back", ""):
                    return None
                if answer == "?":
                    sitting = sorted(
                        {
                            sc.members[i].id
                            for b in sc.calendar[self.state.turn].sessions
                            for i in sc.seated(b, sc.calendar[self.state.turn].year)
                        }
                    )
                    self.say(
                        render.wrap(", ".join(f"{m} {sc.member(m).name}" for m in sitting), "  ")
                    )
                    continue
                matches = [m for m in sc.members if m.id == answer.upper()] or [
                    m for m in sc.members if m.name.lower().startswith(answer.lower())
                ]
                if len(matches) == 1:
                    return f"member:{matches[0].id}"
                self.say(
                    "No such state."
                    if not matches
                    else "Which one? " + ", ".join(f"{m.id} {m.name}" for m in matches[:10])
                )
        labels = []
        for t in targets:
            kind, _, ref = t.partition(":")
            if kind == "group":
                labels.append(f"{sc.group(ref).name} (regional group)")
            elif kind == "bloc":
                labels.append(f"{sc.bloc(ref).name} (bloc)")
            else:
                labels.append(f"your {sc.body(ref).short} text")
        for i, label in enumerate(labels, 1):
            self.say(f"  {i:2}) {label}")
        choice = self.pick("Target: ", len(targets))
        return None if choice is None else targets[choice]

    def draft(self, body_id: str) -> None:
        sc = self.scenario
        existing = self.state.draft_in(body_id, sc.player)
        chosen = list(existing.clauses) if existing else []
        clauses = [c for c in sc.clauses if not c.bodies or body_id in c.bodies]

        def listing() -> None:
            self.say(render.rule(f"Drafting for the {sc.body(body_id).name}"))
            for i, c in enumerate(clauses, 1):
                mark = "x" if c.id in chosen else " "
                problem = clause_problem(sc, self.state, body_id, (c.id,))
                lock = f"  [locked: {problem}]" if problem else ""
                self.say(f"  [{mark}] {i:2}) {c.name} (strength {c.strength:+g}){lock}")
                self.say(render.wrap(narrative.clause_reactions(sc, c), "           "))
            self.say(
                "  Type a number to add or remove a clause; l lists them again; f forecast; t table; b back."
            )

        listing()
        while True:
            total = sum(sc.clause(c).strength for c in chosen)
            picked = ", ".join(str(clauses.index(sc.clause(c)) + 1) for c in chosen) or "none"
            answer = self.ask(f"Draft [clauses {picked}; strength {total:+.1f}]> ").strip().lower()
            if answer in ("b", "back", "c", "cancel"):
                return
            if answer == "l":
                listing()
                continue
            if answer == "f":
                if chosen:
                    self.say(
                        render.forecast(
                            sc,
                            forecast(
                                sc,
                                self.state,
                                hypothetical_draft(sc, self.state, body_id, tuple(chosen)),
                            ),
                        )
                    )
                else:
                    self.say("Add a clause first.")
            elif answer == "t":
                action = (ReviseDraft if existing else TableDraft)(body_id, tuple(chosen))
                if self.do(action):
                    return
            elif answer.isdigit() and 1 <= int(answer) <= len(clauses):
                cid = clauses[int(answer) - 1].id
                if cid in chosen:
                    chosen.remove(cid)
                else:
                    chosen.append(cid)
            else:
                self.say(f"Type a clause number (1-{len(clauses)}), f, t or b.")
