"""The window and its loop: events to the current screen, redraw when something changed, idle otherwise."""

from __future__ import annotations

import contextlib
import os
import time
import traceback
import warnings
from datetime import datetime
from pathlib import Path

import pygame
import pygame_gui

from game import paths
from game.ui import config, theme
from game.ui.config import Settings

FPS = 60
IDLE_WAIT_MS = 500  # with nothing moving, sleep until input (or this long, for hover tooltips)


class App:
    def __init__(
        self,
        settings: Settings | None = None,
        saves_dir: Path | None = None,
        size: tuple[int, int] | None = None,
        config_folder: Path | None = None,
        scenario: str | None = None,
        seed: int | None = None,
    ) -> None:
        self.config_folder = config_folder
        self.settings = (settings or config.load(config_folder)).clamped()
        self.saves_dir = Path(saves_dir) if saves_dir else paths.saves_dir()
        self.default_scenario = scenario
        self.default_seed = seed
        pygame.init()
        theme.reset()
        pygame.display.set_caption("Critical Engagement")
        pygame.key.set_repeat(400, 40)
        w, h = size or (self.settings.width, self.settings.height)
        flags = pygame.RESIZABLE | (
            pygame.FULLSCREEN if self.settings.fullscreen and size is None else 0
        )
        self.window = pygame.display.set_mode((w, h), flags)
        self.size = self.window.get_size()
        self.scale = theme.scale_for(self.size)
        self.manager = self._manager()
        self._sound = None
        self.clock = pygame.time.Clock()
        self.screen = None
        self.session = None
        self.show_focus = True
        self.running = True
        self.dirty = True
        self.animating = False
        self.frames = 0
        self.last_error: str | None = None

    @property
    def sound(self):
        """The cues, synthesised when first needed (after the first frame: start-up stays quick)."""
        if self._sound is None:
            from game.ui.sound import Sound  # numpy: imported once the window is up

            self._sound = Sound(self.settings.volume)
        return self._sound

    # -- building ------------------------------------------------------------------------
    def _manager(self) -> pygame_gui.UIManager:
        scale = self.scale * self.settings.text_scale
        manager = pygame_gui.UIManager(
            self.size, theme.theme_for(scale), enable_live_theme_updates=False
        )
        # Text boxes use bold and italic runs: load those faces now rather than mid-frame.
        sizes = sorted({max(8, round(base * scale)) for base in (13, 14, 15, 16, 20)})
        with warnings.catch_warnings():  # some of these the theme has loaded already: that is fine
            warnings.simplefilter("ignore", UserWarning)
            manager.preload_fonts(
                [
                    {"name": "noto_sans", "point_size": size, "style": style}
                    for size in sizes
                    for style in ("bold", "italic", "regular")
                ]
            )
        return manager

    def rebuild(self) -> None:
        """After a resize or a change of text size: a new widget manager at the new scale."""
        if self.screen is not None:
            self.screen.leave()
        self.scale = theme.scale_for(self.size)
        self.manager = self._manager()
        if self.screen is not None:
            self.screen.enter()
        self.dirty = True

    def resize(self, size: tuple[int, int]) -> None:
        w = min(config.MAX_SIZE[0], max(config.MIN_SIZE[0], size[0]))
        h = min(config.MAX_SIZE[1], max(config.MIN_SIZE[1], size[1]))
        if (w, h) != tuple(size):
            self.window = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        self.size = self.window.get_size()
        self.rebuild()

    def apply_settings(self, settings: Settings) -> None:
        old = self.settings
        self.settings = settings.clamped()
        if self._sound is not None:
            self._sound.volume = self.settings.volume
        with contextlib.suppress(
            OSError
        ):  # settings that can't be saved still apply to this session
            config.save(self.settings, self.config_folder)
        if (old.width, old.height, old.fullscreen) != (
            self.settings.width,
            self.settings.height,
            self.settings.fullscreen,
        ):
            flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.fullscreen else 0)
            self.window = pygame.display.set_mode(
                (self.settings.width, self.settings.height), flags
            )
            self.size = self.window.get_size()
        self.rebuild()

    # -- screens -------------------------------------------------------------------------
    def show(self, screen) -> None:
        if self.screen is not None:
            self.screen.leave()
        self.screen = screen
        screen.enter()
        self.dirty = True

    def start(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.show(TitleScreen(self))

    # -- the loop ------------------------------------------------------------------------
    def run(self) -> int:
        self.start()
        self.draw()
        self.sound  # noqa: B018 - synthesise the cues now that the first frame is up
        while self.running:
            if self.animating or self.dirty:
                dt = self.clock.tick(FPS) / 1000.0
                events = pygame.event.get()
            else:
                # Nothing moves: sleep until there is input. A turn-based game must idle cool.
                first = pygame.event.wait(IDLE_WAIT_MS)
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
                dt = self.clock.tick() / 1000.0
                if not events and not self._hovering():
                    continue
            self.frame(events, dt)
        return 0

    def _hovering(self) -> bool:
        """Whether a tooltip may be about to appear (the pointer rests on a widget)."""
        return self.manager.get_hovering_any_element()

    def frame(self, events: list, dt: float) -> None:
        """One pass: events, updates, drawing. Any unexpected error saves the game and returns
        to the title screen with a message, instead of closing the window."""
        try:
            for event in events:
                self.handle(event)
            self.animating = self.screen.update(dt) if self.screen is not None else False
            self.manager.update(dt)
            self.draw()
        except Exception:  # noqa: BLE001 - the last line of defence: never lose the player's game
            self.crash(traceback.format_exc())

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type in (
            pygame.KEYDOWN,
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEMOTION,
            pygame.MOUSEWHEEL,
            pygame.WINDOWEXPOSED,
            pygame.WINDOWRESTORED,
            pygame.WINDOWFOCUSGAINED,
        ):
            self.dirty = True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.apply_settings(
                self.settings.__class__(
                    **{**self.settings.__dict__, "fullscreen": not self.settings.fullscreen}
                )
            )
            return
        self.manager.process_events(event)
        if self.screen is not None:
            self.screen.handle(event)

    def draw(self) -> None:
        """Redraw everything (cheap at this scale; only done when something changed)."""
        self.window.fill(theme.BACKGROUND)
        if self.screen is not None:
            self.screen.draw(self.window)
        self.manager.draw_ui(self.window)
        if self.screen is not None:
            self.screen.draw_over(self.window)
        pygame.display.flip()
        self.frames += 1
        self.dirty = False

    def quit(self) -> None:
        if self.session is not None and not self.session.state.over:
            self.session.autosave()
        self.running = False

    def crash(self, trace: str) -> None:
        """An unexpected error: write an emergency save and a log, tell the player where, go to the title."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = None
        if self.session is not None:
            from game import saves

            try:
                saved = saves.save(
                    self.session.scenario, self.session.state, self.saves_dir, f"emergency-{stamp}"
                )
            except Exception:  # noqa: BLE001
                saved = None
        log_dir = self.saves_dir.parent / "logs"
        log = None
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            log = log_dir / f"error-{stamp}.log"
            log.write_text(trace, encoding="utf-8")
        except OSError:
            log = None
        parts = ["Something went wrong."]
        if saved:
            parts.append(f"Your game was saved to {saved}.")
        if log:
            parts.append(f"Details are in {log}.")
        self.last_error = " ".join(parts)
        if os.environ.get("CRITICAL_ENGAGEMENT_RAISE"):
            raise RuntimeError(trace)
        self.session = None
        from game.ui.screens.title import TitleScreen

        self.show(TitleScreen(self, message=self.last_error))


def run(scenario: str | None = None, seed: int | None = None, saves_dir: str | None = None) -> int:
    started = time.perf_counter()
    app = App(saves_dir=Path(saves_dir) if saves_dir else None, scenario=scenario, seed=seed)
    app.started = started
    try:
        return app.run()
    finally:
        pygame.quit()
