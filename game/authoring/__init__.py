"""Scenario files: the only part of the game that reads YAML."""

from game.authoring.loader import ScenarioError, available, load_scenario, resolve, validate_path

__all__ = ["ScenarioError", "available", "load_scenario", "resolve", "validate_path"]
