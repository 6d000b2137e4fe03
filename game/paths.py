"""Where things live: shipped scenarios and assets, the player's saves and settings (no heavy imports)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_DIR = ROOT / "scenarios"
ASSETS = ROOT / "assets"
DEFAULT_SCENARIO = "coi_2013_2015"


def user_data_dir() -> Path:
    """The platform's per-user data folder."""
    if sys.platform.startswith("win"):
        return (
            Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
            / "Critical Engagement"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Critical Engagement"
    return (
        Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        / "critical-engagement"
    )


def saves_dir() -> Path:
    return user_data_dir() / "saves"


def config_dir() -> Path:
    """The platform's per-user config folder."""
    if sys.platform.startswith("win"):
        return (
            Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
            / "Critical Engagement"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / "Critical Engagement"
    return (
        Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "critical-engagement"
    )
