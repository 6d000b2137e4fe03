"""One game in progress for the window: the scenario, the state, and the one door into it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game import saves
from game.sim import events as ev
from game.sim.actions import Action
from game.sim.rules import apply, start, why_not
from game.sim.scenario import Scenario
from game.sim.state import GameState


@dataclass
class Session:
    scenario: Scenario
    state: GameState
    saves_dir: Path
    last_events: tuple = ()  # what the last action did (for screens to show and animate)
    turn_events: list = field(default_factory=list)  # everything since the current turn began
    autosave_error: str = ""  # why the last autosave failed, or "" if it worked

    @classmethod
    def new(cls, scenario: Scenario, seed: int, saves_dir: Path) -> Session:
        state, events = start(scenario, seed)
        session = cls(scenario, state, Path(saves_dir), tuple(events), list(events))
        session.autosave()
        return session

    def why_not(self, action: Action) -> str | None:
        return why_not(self.scenario, self.state, action)

    def act(self, action: Action) -> tuple:
        """Apply an action (the only way the window changes the game); returns what happened."""
        state, events = apply(self.scenario, self.state, action)
        if len(events) == 1 and isinstance(events[0], ev.Refused):
            self.last_events = events
            return events
        self.state = state
        self.last_events = events
        if any(isinstance(e, ev.TurnBegan) for e in events):
            self.turn_events = [
                e
                for e in events[
                    next(i for i, e in enumerate(events) if isinstance(e, ev.TurnBegan)) :
                ]
            ]
            self.autosave()
        else:
            self.turn_events.extend(events)
        if any(isinstance(e, ev.GameOver) for e in events):
            self.autosave()
        return events

    def autosave(self) -> Path | None:
        """Write the autosave; a failure is kept in `autosave_error` for every screen to show."""
        try:
            path = saves.autosave(self.scenario, self.state, self.saves_dir)
        except OSError as exc:
            self.autosave_error = (
                f"Autosave failed ({exc.strerror or exc}): save from the menu (Esc)."
            )
            return None
        self.autosave_error = ""
        return path

    def save(self, name: str) -> Path:
        return saves.save(
            self.scenario, self.state, self.saves_dir, name, label=self.scenario.title
        )
