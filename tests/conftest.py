"""Shared fixtures; pygame must never find a display or a sound card here."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from game.authoring import available, load_scenario  # noqa: E402
from game.authoring.loader import SCENARIO_DIR  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def tutorial():
    return load_scenario(SCENARIO_DIR / "tutorial.yaml")


@pytest.fixture(scope="session")
def shipped():
    return {p.stem: load_scenario(p) for p in available()}
