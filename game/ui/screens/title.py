"""The title screen: new game, continue, load, settings, glossary, quit."""

from __future__ import annotations

import math

import pygame
from pygame_gui.core import ObjectID

from game.ui import theme
from game.ui.screens.base import Screen


def latest_autosave(folder):
    """The newest readable autosave (a SaveEntry), or None."""
    from game import saves

    for entry in saves.list_saves(folder):
        if entry.name.startswith(saves.AUTOSAVE) and not entry.problem:
            return entry
    return None


def has_autosave(folder) -> bool:
    """Cheap: is there an autosave file at all (checked properly when Continue is pressed)."""
    from pathlib import Path

    return any(Path(folder).glob("autosave-*.json"))


class TitleScreen(Screen):
    name = "title"

    def __init__(self, app, message: str = "") -> None:
        super().__init__(app)
        self.message = message

    def build(self) -> None:
        w, h = self.size
        px = self.px
        self.label(
            (0, px(110), w, px(60)),
            "Critical Engagement",
            object_id=ObjectID("#centered", "@title"),
        )
        self.label(
            (0, px(168), w, px(30)),
            "The EU, the United Nations and human rights in North Korea, 2013-2016",
            object_id=ObjectID("#centered", "@subtle"),
        )
        bw, bh, gap = px(320), px(44), px(12)
        x, y = (w - bw) // 2, px(250)
        entries = [
            ("New game", lambda: self.open("NewGameScreen"), pygame.K_n, None),
            (
                "Continue",
                self.continue_game,
                pygame.K_c,
                None if has_autosave(self.app.saves_dir) else "There is no autosave yet.",
            ),
            (
                "Load a saved game",
                lambda: self.open("LoadScreen", back=TitleScreen),
                pygame.K_l,
                None,
            ),
            (
                "Settings",
                lambda: self.open("SettingsScreen", back=TitleScreen),
                pygame.K_s,
                None,
            ),
            (
                "Glossary",
                lambda: self.open("GlossaryScreen", back=TitleScreen),
                pygame.K_g,
                None,
            ),
            ("Quit", self.app.quit, pygame.K_q, None),
        ]
        for i, (text, action, key, blocked) in enumerate(entries):
            self.button(
                (x, y + i * (bh + gap), bw, bh),
                text,
                action,
                shortcut=key,
                blocked=blocked,
                object_id="@primary" if i == 0 else None,
            )
        if self.message:
            self.text_box(
                (w // 2 - px(360), y + 6 * (bh + gap) + px(10), px(720), px(90)),
                f"<font color='#ffd65a'>{self.message}</font>",
            )

    def open(self, screen: str, **kwargs) -> None:
        # Imported on demand: these screens need the scenario machinery, the title screen doesn't,
        # and the first frame should not wait for it.
        from game.ui.screens import menus

        self.app.show(getattr(menus, screen)(self.app, **kwargs))

    def continue_game(self) -> None:
        entry = latest_autosave(self.app.saves_dir)
        if entry is None:
            self.status = "No autosave can be read: load a game from the list instead."
            return
        from game.ui.screens.menus import open_save

        open_save(self.app, entry.path, back=TitleScreen)

    def back(self) -> None:
        self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        # A hemicycle of seats behind the title: the General Assembly in outline.
        w, h = self.size
        cx, cy = w // 2, h + self.px(300)
        rows = 9
        for r in range(rows):
            radius = self.px(470 + r * 34)
            seats = 24 + r * 5
            for k in range(seats):
                a = math.pi * (k + 0.5) / seats
                x, y = cx - radius * math.cos(a), cy - radius * math.sin(a)
                shade = 28 + (r * 5) % 14
                pygame.draw.circle(
                    surface, (shade, shade + 8, shade + 20), (int(x), int(y)), max(2, self.px(6))
                )
        f = theme.font(12 * self.s)
        note = f.render("F11 fullscreen  ·  Tab / arrows / Enter  ·  Esc back", True, theme.SUBTLE)
        surface.blit(note, (self.px(16), h - note.get_height() - self.px(12)))
