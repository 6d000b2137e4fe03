"""Colours, fonts and sizes: the look, scaled to the window and the player's text size."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pygame

ASSETS = Path(__file__).resolve().parents[2] / "assets"
BASE_SIZE = (1280, 720)

BACKGROUND = (20, 26, 36)
PANEL = (26, 34, 48)
PANEL_EDGE = (42, 51, 66)
TEXT = (230, 233, 239)
SUBTLE = (154, 166, 184)
ACCENT = (74, 144, 217)
GOLD = (242, 193, 78)
FOCUS = (255, 214, 90)
DANGER = (230, 80, 80)


@dataclass(frozen=True)
class Palette:
    """Vote colours; the colour-blind one (Okabe-Ito) never relies on red against green."""

    yes: tuple[int, int, int]
    no: tuple[int, int, int]
    abstain: tuple[int, int, int]
    absent: tuple[int, int, int]
    meter_good: tuple[int, int, int]
    meter_bad: tuple[int, int, int]


STANDARD = Palette(
    yes=(63, 174, 90),
    no=(214, 69, 69),
    abstain=(224, 160, 48),
    absent=(96, 106, 122),
    meter_good=(74, 144, 217),
    meter_bad=(214, 69, 69),
)
COLOUR_BLIND = Palette(
    yes=(0, 114, 178),
    no=(230, 159, 0),
    abstain=(204, 121, 167),
    absent=(120, 120, 120),
    meter_good=(0, 114, 178),
    meter_bad=(213, 94, 0),
)


def palette(colour_blind: bool) -> Palette:
    return COLOUR_BLIND if colour_blind else STANDARD


def scale_for(size: tuple[int, int]) -> float:
    """Layout scale: 1.0 at 1280x720, growing with the window (never below 0.8)."""
    return max(0.8, min(size[0] / BASE_SIZE[0], size[1] / BASE_SIZE[1]))


@lru_cache(maxsize=1)
def _base_theme() -> dict:
    return json.loads((ASSETS / "theme.json").read_text(encoding="utf-8"))


def theme_for(scale: float) -> dict:
    """The pygame_gui theme with every font size multiplied by `scale`."""
    theme = copy.deepcopy(_base_theme())
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(max(8, round(int(font["size"]) * scale)))
    return theme


def _font_path(bold: bool) -> str:
    import pygame_gui

    data = Path(pygame_gui.__file__).parent / "data"
    return str(data / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"))


class CachedFont:
    """A font whose rendered text is kept: screens draw the same labels every frame."""

    def __init__(self, face: pygame.font.Font) -> None:
        self.face = face
        self.rendered: dict[tuple, pygame.Surface] = {}

    def render(self, text: str, antialias: bool, colour) -> pygame.Surface:
        key = (text, antialias, tuple(colour))
        surface = self.rendered.get(key)
        if surface is None:
            if len(self.rendered) > 2000:
                self.rendered.clear()
            surface = self.rendered[key] = self.face.render(text, antialias, colour)
        return surface

    def __getattr__(self, name):
        return getattr(self.face, name)


_FONTS: dict[tuple[int, bool], CachedFont] = {}


def reset() -> None:
    """Forget fonts and rendered text (they die with pygame.quit(); a new window needs new ones)."""
    _FONTS.clear()


def font(size: float, bold: bool = False) -> CachedFont:
    """A bundled Noto Sans font (never a system font: images must not depend on the machine)."""
    key = (max(7, round(size)), bold)
    f = _FONTS.get(key)
    if f is None:
        f = _FONTS[key] = CachedFont(pygame.font.Font(_font_path(bold), key[0]))
    return f
