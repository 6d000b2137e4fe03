"""The game itself: pure, deterministic rules over frozen data (standard library and numpy only)."""

from game.sim.actions import Action, Choose, EndPhase, ReviseDraft, TableDraft, UseLever
from game.sim.forecast import Forecast, forecast, hypothetical_draft
from game.sim.rules import (
    allowed_clauses,
    apply,
    legal_actions,
    lever_targets,
    new_game,
    start,
    why_not,
)
from game.sim.scenario import Scenario
from game.sim.score import ScoreCard, score
from game.sim.state import GameState, state_hash

__all__ = [
    "Action",
    "Choose",
    "EndPhase",
    "Forecast",
    "GameState",
    "ReviseDraft",
    "Scenario",
    "ScoreCard",
    "TableDraft",
    "UseLever",
    "allowed_clauses",
    "apply",
    "forecast",
    "hypothetical_draft",
    "legal_actions",
    "lever_targets",
    "new_game",
    "score",
    "start",
    "state_hash",
    "why_not",
]
