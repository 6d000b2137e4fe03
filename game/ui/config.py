"""The player's settings (window, text size, palette, volume, animation speed), kept between games."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from game import paths
from game.files import write_atomic

MIN_SIZE = (1024, 640)
MAX_SIZE = (3840, 2160)


def config_dir() -> Path:
    return paths.config_dir()


@dataclass(frozen=True)
class Settings:
    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_scale: float = 1.0  # 0.8 .. 1.6
    colour_blind: bool = False
    volume: float = 0.6  # 0 .. 1
    animation_speed: float = 1.0  # 0.25 (slow) .. 4 (fast); 0 skips animations

    def clamped(self) -> Settings:
        return replace(
            self,
            width=min(MAX_SIZE[0], max(MIN_SIZE[0], int(self.width))),
            height=min(MAX_SIZE[1], max(MIN_SIZE[1], int(self.height))),
            text_scale=min(1.6, max(0.8, float(self.text_scale))),
            volume=min(1.0, max(0.0, float(self.volume))),
            animation_speed=min(4.0, max(0.0, float(self.animation_speed))),
        )


def load(folder: Path | None = None) -> Settings:
    """The saved settings; defaults for anything missing, unreadable or out of range."""
    path = (folder or config_dir()) / "settings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    values = {}
    for key, value in data.items():
        if key in known and isinstance(value, (int, float, bool)) and not isinstance(value, str):
            values[key] = value
    try:
        return Settings(**values).clamped()
    except (TypeError, ValueError):
        return Settings()


def save(settings: Settings, folder: Path | None = None) -> Path:
    path = (folder or config_dir()) / "settings.json"
    write_atomic(path, json.dumps(asdict(settings.clamped()), indent=1))
    return path
