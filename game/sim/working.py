"""A mutable working copy of the state, used inside one `apply` and frozen at its end."""

from __future__ import annotations

import bisect
from dataclasses import replace

import numpy as np

from game.sim import events as ev
from game.sim import rng as rngmod
from game.sim.scenario import Scenario
from game.sim.state import Change, Draft, GameState, NewsItem


class WorkingState:
    """Same field names as GameState, as lists; plus the events produced so far."""

    def __init__(self, scenario: Scenario, state: GameState) -> None:
        self.scenario = scenario
        self.seed = state.seed
        self.turn = state.turn
        self.phase = state.phase
        self.step = state.step
        self.meters = list(state.meters)
        self.milestones = list(state.milestones)
        self.flags = list(state.flags)
        self.drafts = list(state.drafts)
        self.adopted = list(state.adopted)
        self.shifts = list(state.shifts)
        self.votes = list(state.votes)
        self.pending = list(state.pending)
        self.choices_made = list(state.choices_made)
        self.fired = list(state.fired)
        self.lever_uses = list(state.lever_uses)
        self.chronicle = list(state.chronicle)
        self.ledger = list(state.ledger)
        self.meter_log = list(state.meter_log)
        self.log = list(state.log)
        self.next_uid = state.next_uid
        self.events: list = []
        self._key_turn = state.turn
        self._rngs: dict[str, np.random.Generator] = {}
        self.stream_prefix = ""  # "forecast/" in dry runs, so they never read the game's draws

    def freeze(self) -> GameState:
        return GameState(
            seed=self.seed,
            turn=self.turn,
            phase=self.phase,
            step=self.step,
            meters=tuple(self.meters),
            milestones=tuple(self.milestones),
            flags=tuple(self.flags),
            drafts=tuple(self.drafts),
            adopted=tuple(self.adopted),
            shifts=tuple(self.shifts),
            votes=tuple(self.votes),
            pending=tuple(self.pending),
            choices_made=tuple(self.choices_made),
            fired=tuple(self.fired),
            lever_uses=tuple(self.lever_uses),
            chronicle=tuple(self.chronicle),
            ledger=tuple(self.ledger),
            meter_log=tuple(self.meter_log),
            log=tuple(self.log),
            next_uid=self.next_uid,
        )

    # -- randomness ----------------------------------------------------------------------
    def draw(self, stream: str = "script") -> float:
        """One uniform [0, 1) draw; generators are only built when something is drawn."""
        return float(self.rng(stream).random())

    def rng(self, stream: str) -> np.random.Generator:
        """One generator per stream per `apply`, keyed by the moment the apply began."""
        g = self._rngs.get(stream)
        if g is None:
            g = rngmod.generator(self.seed, self._key_turn, self.step, self.stream_prefix + stream)
            self._rngs[stream] = g
        return g

    # -- reads shared with GameState -----------------------------------------------------
    def has_milestone(self, milestone: str) -> bool:
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
        spec = self.scenario.meters[self.scenario.meter_index[meter]]
        i = self.scenario.meter_index[meter]
        before = self.meters[i]
        after = min(spec.max, max(spec.min, float(value)))
        if after == before:
            return
        self.meters[i] = after
        self.ledger.append(Change(self.turn, meter, before, after, cause))
        self.events.append(ev.MeterChanged(meter, before, after, cause))

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
        new = replace(draft, **changes)
        for i, d in enumerate(self.drafts):
            if d.uid == draft.uid:
                self.drafts[i] = new
                break
        return new

    def shift_vector(self, body: str) -> np.ndarray:
        """(member,): the sum of shifts active this turn for votes in `body`."""
        vec = np.zeros(len(self.scenario.members))
        for s in self.shifts:
            if s.last_turn >= self.turn and (s.body is None or s.body == body):
                vec[list(s.members)] += s.amounts
        return vec

    def shift_terms(self, body: str) -> tuple[tuple[str, np.ndarray], ...]:
        """Active shifts summed by reason, for explaining votes."""
        by_reason: dict[str, np.ndarray] = {}
        for s in self.shifts:
            if s.last_turn >= self.turn and (s.body is None or s.body == body):
                vec = by_reason.setdefault(s.reason, np.zeros(len(self.scenario.members)))
                vec[list(s.members)] += s.amounts
        return tuple(by_reason.items())
