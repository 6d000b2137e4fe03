"""The screens around a game: choosing a scenario and seed, loading, settings, the glossary."""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game import saves
from game.authoring import ScenarioError, available, load_scenario, resolve
from game.sim.scenario import Scenario
from game.ui import theme
from game.ui.screens.base import Screen
from game.ui.session import Session

DEFAULT = "coi_2013_2015"


@dataclass(frozen=True)
class Choice:
    name: str
    scenario: Scenario | None
    problem: str = ""


def catalog(app) -> list[Choice]:
    """Every shipped scenario, loaded once per window (a broken one is listed with its problem)."""
    cached = getattr(app, "catalog", None)
    if cached is None:
        cached = []
        for path in available():
            try:
                cached.append(Choice(path.stem, load_scenario(path)))
            except ScenarioError as exc:
                cached.append(
                    Choice(path.stem, None, exc.problems[0].message if exc.problems else "invalid")
                )
        cached.sort(key=lambda c: (c.name != DEFAULT, c.name))
        app.catalog = cached
    return cached


def esc(text: str) -> str:
    return html.escape(text, quote=False)


class NewGameScreen(Screen):
    name = "new_game"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.choices = catalog(app)
        wanted = app.default_scenario or DEFAULT
        self.selected = next((i for i, c in enumerate(self.choices) if c.name == wanted), 0)
        self.seed_text = str(
            app.default_seed
            if app.default_seed is not None
            else int.from_bytes(os.urandom(3), "little")
        )

    def build(self) -> None:
        w, h = self.size
        px = self.px
        self.label((px(40), px(28), w, px(40)), "New game", object_id="@heading")
        self.label(
            (px(40), px(64), w, px(24)),
            "Choose a scenario. The seed fixes every random draw: give a class the same seed.",
            object_id="@subtle",
        )
        list_w = px(360)
        for i, choice in enumerate(self.choices):
            title = (
                choice.scenario.title if choice.scenario else f"{choice.name} (cannot be loaded)"
            )
            self.button(
                (px(40), px(110) + i * px(56), list_w, px(48)),
                title[:44],
                lambda i=i: self.pick(i),
                object_id="@primary" if i == self.selected else "@lever",
                blocked=choice.problem or None,
            )
        c = self.choices[self.selected] if self.choices else None
        details = "No scenario found." if c is None else self.describe(c)
        right = px(40) + list_w + px(24)
        self.text_box((right, px(110), w - right - px(40), h - px(260)), details)
        self.label((right, h - px(136), px(80), px(36)), "Seed")
        self.seed = self.keep(
            pygame_gui.elements.UITextEntryLine(
                pygame.Rect(right + px(70), h - px(136), px(200), px(36)), self.manager
            )
        )
        self.seed.set_allowed_characters("numbers")
        self.seed.set_text(self.seed_text)
        self.button(
            (w - px(40) - px(220), h - px(80), px(220), px(48)),
            "Start",
            self.start_game,
            default=True,
            object_id="@primary",
            blocked=None if c and c.scenario else "This scenario can't be loaded.",
        )
        self.button((px(40), h - px(80), px(160), px(48)), "Back", self.back)

    def describe(self, choice: Choice) -> str:
        sc = choice.scenario
        if sc is None:
            return f"<b>{esc(choice.name)}</b><br>{esc(choice.problem)}"
        sessions = sorted({b for t in sc.calendar for b in t.sessions})
        return (
            f"<b>{esc(sc.title)}</b><br>"
            f"<i>{esc(sc.period)} - {len(sc.calendar)} turns - bodies: {esc(', '.join(sessions))}</i><br><br>"
            f"{esc(sc.description)}<br><br><b>Objectives</b><br>"
            + "<br>".join(f"- {esc(o)}" for o in sc.objectives)
        )

    def pick(self, index: int) -> None:
        self.seed_text = self.seed.get_text()
        self.selected = index
        self.leave()
        self.enter()

    def start_game(self) -> None:
        choice = self.choices[self.selected]
        text = self.seed.get_text().strip()
        seed = int(text) if text.isdigit() else 0
        self.app.session = Session.new(choice.scenario, seed, self.app.saves_dir)
        from game.ui.screens.briefing import BriefingScreen

        self.app.show(BriefingScreen(self.app))

    def back(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.app.show(TitleScreen(self.app))


def open_save(app, path: Path, back) -> str | None:
    """Load a save into the window; None on success, else the reason (for a dialog)."""
    try:
        data = saves.read(path)
        found = resolve(str(data["scenario"].get("id")))
        if found is None:
            return f"{path.name} needs the scenario {data['scenario'].get('id')!r}, which is not installed."
        scenario = load_scenario(found)
        state = saves.restore(scenario, data, path.name)
    except saves.SaveError as exc:
        return str(exc)
    except ScenarioError as exc:
        return (
            f"The save's scenario has problems: {exc.problems[0].message if exc.problems else exc}"
        )
    app.session = Session(scenario, state, app.saves_dir)
    from game.ui.screens.turn import after_action

    after_action(app, (), resumed=True)
    return None


class LoadScreen(Screen):
    name = "load"

    def __init__(self, app, back) -> None:
        super().__init__(app)
        self.back_to = back
        self.message = ""

    def build(self) -> None:
        w, h = self.size
        px = self.px
        self.label((px(40), px(28), w, px(40)), "Load a saved game", object_id="@heading")
        self.label(
            (px(40), px(64), w, px(24)), f"Saves in {self.app.saves_dir}", object_id="@subtle"
        )
        entries = saves.list_saves(self.app.saves_dir)[:12]
        if not entries:
            self.label((px(40), px(110), w, px(30)), "No saves yet.")
        for i, e in enumerate(entries):
            if e.problem:
                text, blocked = f"{e.name}: cannot be loaded", e.problem
            else:
                text, blocked = (
                    f"{e.name}  -  {e.scenario}, {e.date}, {e.phase} phase  -  saved {e.saved_at[:16].replace('T', ' ')}",
                    None,
                )
            self.button(
                (px(40), px(104) + i * px(44), w - px(80), px(38)),
                text,
                lambda p=e.path: self.load(p),
                object_id="@lever",
                blocked=blocked,
            )
        if self.message:
            self.text_box(
                (px(40), h - px(190), w - px(80), px(90)),
                f"<font color='#ffd65a'>{esc(self.message)}</font>",
            )
        self.button((px(40), h - px(80), px(160), px(48)), "Back", self.back)

    def load(self, path: Path) -> None:
        problem = open_save(self.app, path, self.back_to)
        if problem:
            self.message = problem
            self.leave()
            self.enter()

    def back(self) -> None:
        self.app.show(self.back_to(self.app))


SIZES = ((1024, 640), (1280, 720), (1600, 900), (1920, 1080), (2560, 1440), (3840, 2160))
SPEEDS = ((0.0, "off"), (0.5, "slow"), (1.0, "normal"), (2.0, "fast"), (4.0, "very fast"))


class SettingsScreen(Screen):
    name = "settings"

    def __init__(self, app, back) -> None:
        super().__init__(app)
        self.back_to = back

    def build(self) -> None:
        w, h = self.size
        px = self.px
        st = self.app.settings
        self.label((px(40), px(28), w, px(40)), "Settings", object_id="@heading")
        self.label(
            (px(40), px(64), w, px(24)),
            "Changes apply at once and are remembered.",
            object_id="@subtle",
        )
        rows = [
            ("Window size", f"{st.width} x {st.height}", lambda d: self.cycle_size(d)),
            (
                "Fullscreen (F11)",
                "on" if st.fullscreen else "off",
                lambda d: self.set(fullscreen=not st.fullscreen),
            ),
            (
                "Text size",
                f"{st.text_scale:.0%}",
                lambda d: self.set(text_scale=round(st.text_scale + 0.1 * d, 1)),
            ),
            (
                "Colour-blind palette",
                "on" if st.colour_blind else "off",
                lambda d: self.set(colour_blind=not st.colour_blind),
            ),
            (
                "Sound volume",
                f"{st.volume:.0%}",
                lambda d: self.set(volume=round(st.volume + 0.1 * d, 1)),
            ),
            (
                "Animation speed",
                dict(SPEEDS).get(st.animation_speed, f"x{st.animation_speed:g}"),
                lambda d: self.cycle_speed(d),
            ),
        ]
        y = px(110)
        for label, value, change in rows:
            self.label((px(40), y, px(300), px(40)), label)
            self.button((px(360), y, px(48), px(40)), "-", lambda c=change: c(-1))
            self.label((px(420), y, px(200), px(40)), value, object_id=ObjectID("#centered", None))
            self.button((px(630), y, px(48), px(40)), "+", lambda c=change: c(+1))
            y += px(56)
        self.button((px(40), h - px(80), px(160), px(48)), "Back", self.back)
        self.palette_demo_y = y + px(20)

    def set(self, **changes) -> None:
        self.app.apply_settings(replace(self.app.settings, **changes))

    def cycle_size(self, step: int) -> None:
        st = self.app.settings
        i = min(range(len(SIZES)), key=lambda k: abs(SIZES[k][0] - st.width))
        width, height = SIZES[(i + step) % len(SIZES)]
        self.set(width=width, height=height)

    def cycle_speed(self, step: int) -> None:
        values = [v for v, _ in SPEEDS]
        i = min(
            range(len(values)), key=lambda k: abs(values[k] - self.app.settings.animation_speed)
        )
        self.set(animation_speed=values[max(0, min(len(values) - 1, i + step))])

    def draw(self, surface: pygame.Surface) -> None:
        pal = theme.palette(self.app.settings.colour_blind)
        from game.ui.widgets.chamber import draw_seat

        f = theme.font(14 * self.s * self.app.settings.text_scale)
        x, y = self.px(40), self.palette_demo_y
        for ballot, word in (("Y", "Yes"), ("N", "No"), ("A", "Abstain"), ("-", "absent")):
            draw_seat(surface, pal, (x + self.px(12), y + self.px(12)), self.px(11), ballot)
            surface.blit(f.render(word, True, theme.TEXT), (x + self.px(30), y + self.px(2)))
            x += self.px(130)

    def back(self) -> None:
        self.app.show(self.back_to(self.app))


class GlossaryScreen(Screen):
    name = "glossary"

    def __init__(self, app, back) -> None:
        super().__init__(app)
        self.back_to = back

    def build(self) -> None:
        w, h = self.size
        px = self.px
        entries = json.loads((theme.ASSETS / "glossary.json").read_text(encoding="utf-8"))
        self.label((px(40), px(28), w, px(40)), "Glossary", object_id="@heading")
        body = "<br><br>".join(f"<b>{esc(term)}</b><br>{esc(text)}" for term, text in entries)
        self.text_box((px(40), px(80), w - px(80), h - px(180)), body)
        self.button((px(40), h - px(80), px(160), px(48)), "Back", self.back)

    def back(self) -> None:
        self.app.show(self.back_to(self.app))
