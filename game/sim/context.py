"""The context a script runs in: which draft, which vote outcome, which lever target, who acts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.sim.state import Draft


@dataclass
class Context:
    """Mutable on purpose: effects that revise the draft update `draft` for the effects after them."""

    source: str  # id of the lever, script or event running
    cause: str  # what the ledger and turn summary will say moved things
    actor: str = ""
    draft: Draft | None = None
    outcome: tuple[str, ...] | None = None  # after a vote, e.g. ("adopted", "recorded")
    target: str | None = None  # the lever's chosen target, "member:NOR" style
    draw: Callable[[], float] = lambda: 0.0  # uniform [0, 1) from the game's script stream
