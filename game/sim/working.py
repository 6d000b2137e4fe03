"""A mutable working copy of the state, used inside one `apply` and frozen at its end."""

from __future__ import annotations

import bisect
from dataclasses import fields

import numpy as np

from game.sim import events as ev
from game.sim import rng as rngmod
from game.sim.scenario import Scenario
from game.sim.state import Draft, GameState, NewsItem, ShiftRecord, evolve

SEQUENCES = tuple(
    f.name for f in fields(GameState) if f.name not in ("seed", "turn", "phase", "step", "next_uid")
)
_SEQUENCE_SET = frozenset(SEQUENCES)


class WorkingState:
    """Same field names as GameState, as lists; plus the events produced so far."""

    def __init__(self, scenario: Scenario, state: GameState) -> None:
        self.scenario = scenario
        self._base = state
        self.seed = state.seed
        self.turn = state.turn
        self.phase = state.phase
        self.step = state.step
        self.next_uid = state.next_uid
        self.events: list = []
        self._key_turn = state.turn
        self._rngs: dict[str, np.random.Generator] = {}
        self.stream_prefix = ""  # "forecast/" in dry runs, so they never read the game's draws

    def __getattr__(self, name: str):
        # Copy-on-first-use: a sequence becomes a list only when this action touches it.
        if name in _SEQUENCE_SET:
            value = list(getattr(self._base, name))
            self.__dict__[name] = value
            return value
        raise AttributeError(name)

    def freeze(self) -> GameState:
        values = self._base.__dict__.copy()
        values.pop(
            "_reached", None
        )  # the base's cache of its milestones describes the base, not us
        mine = self.__dict__
        for name in _SEQUENCE_SET.intersection(mine):
            values[name] = tuple(mine[name])
        values.update(
            seed=self.seed, turn=self.turn, phase=self.phase, step=self.step, next_uid=self.next_uid
        )
        # The same fields the dataclass constructor would set, without its per-field
        # object.__setattr__ calls: this runs once per action in every simulated game.
        state = object.__new__(GameState)
        state.__dict__.update(values)
        return state

    # -- randomness ----------------------------------------------------------------------
    def draw(self, stream: str = "script") -> float:
        """One uniform [0, 1) draw; generators are only built when something is drawn."""
        return float(self.rng(stream).random())

    def rng(self, stream: str) -> np.random.Generator:
        """One generator per stream per `apply`, keyed by the moment the apply began."""
        g = self._rngs.get(stream)
        if g is None:
            g = rngmod.borrowed(
                self, self.seed, self._key_turn, self.step, self.stream_prefix + stream
            )
            self._rngs[stream] = g
        return g

    # -- reads shared with GameState -----------------------------------------------------
    def has_milestone(self, milestone: str) -> bool:
        if "milestones" not in self.__dict__:
            return self._base.has_milestone(milestone)
        return any(m == milestone for m, _ in self.milestones)

    def lever_count(self, scenario: Scenario, lever: str, this_turn: bool = False) -> int:
        return sum(
            1 for lv, t in self.lever_uses if lv == lever and (not this_turn or t == self.turn)
        )

    @property
    def date(self) -> str:
        return self.scenario.calendar[self.turn].date

    @property
    def year(self) -> int:
        return self.scenario.calendar[self.turn].year

    # -- writes --------------------------------------------------------------------------
    def add_meter(self, meter: str, amount: float, cause: str) -> None:
        i = self.scenario.meter_index[meter]
        self.set_meter(meter, self.meters[i] + amount, cause)

    def set_meter(self, meter: str, value: float, cause: str) -> None:
        i = self.scenario.meter_index[meter]
        spec = self.scenario.meters[i]
        meters = self.meters
        before = meters[i]
        after = min(spec.max, max(spec.min, float(value)))
        if after == before:
            return
        meters[i] = after
        change = ev.MeterChanged(meter, before, after, cause, self.turn)
        self.ledger.append(change)
        self.events.append(change)

    def reach(self, milestone: str, cause: str) -> None:
        if self.has_milestone(milestone):
            return
        self.milestones.append((milestone, self.turn))
        self.events.append(ev.MilestoneReached(milestone, cause))

    def set_flag(self, flag: str) -> None:
        if flag not in self.flags:
            bisect.insort(self.flags, flag)

    def clear_flag(self, flag: str) -> None:
        if flag in self.flags:
            self.flags.remove(flag)

    def say(self, title: str, text: str, source: str = "", actor: str = "") -> None:
        self.chronicle.append(NewsItem(self.turn, title, text, source, actor))
        self.events.append(ev.News(title, text, source, actor))

    def new_uid(self) -> int:
        uid = self.next_uid
        self.next_uid += 1
        return uid

    def draft(self, uid: int) -> Draft | None:
        for d in self.drafts:
            if d.uid == uid:
                return d
        return None

    def update_draft(self, draft: Draft, **changes) -> Draft:
        new = evolve(draft, **changes)
        for i, d in enumerate(self.drafts):
            if d.uid == draft.uid:
                self.drafts[i] = new
                break
        return new

    def shifts_for(self, body: str) -> tuple[np.ndarray, tuple[ShiftRecord, ...]]:
        """(member,): the sum of shifts active this turn for votes in `body`; and those shifts."""
        total = np.zeros(len(self.scenario.members))
        active = tuple(s for s in self.shifts if s.active(self.turn, body))
        for s in active:
            members, amounts = s.arrays
            total[members] += amounts
        return total, active
