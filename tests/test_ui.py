"""The pygame game, headless: every screen builds, draws and takes keys; a whole game by keyboard;
a seeded monkey; the error net; settings that persist."""

import os
import random

import pygame
import pytest

from game.ui.config import Settings
from game.ui.screenshot import SCREENS, prepare

os.environ["CRITICAL_ENGAGEMENT_RAISE"] = (
    "1"  # an error in a screen fails the test instead of being caught
)

KEYS = [
    pygame.K_TAB,
    pygame.K_DOWN,
    pygame.K_UP,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_ESCAPE,
    pygame.K_e,
    pygame.K_d,
    pygame.K_l,
    pygame.K_t,
    pygame.K_s,
    pygame.K_n,
    pygame.K_1,
    pygame.K_2,
    pygame.K_g,
    pygame.K_r,
    pygame.K_o,
]


def key(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


@pytest.fixture
def folder(tmp_path):
    return tmp_path


@pytest.mark.parametrize("name", SCREENS)
def test_each_screen_builds_draws_and_handles_keys(name, folder):
    app = prepare(name, (1024, 640), "tutorial", 3, saves_dir=folder)
    assert app.screen is not None
    for k in (pygame.K_TAB, pygame.K_TAB, pygame.K_DOWN):
        app.frame([key(k)], 0.05)
    app.frame([key(pygame.K_TAB, pygame.KMOD_SHIFT)], 0.05)
    assert app.frames > 0
    if app.screen.controls:
        assert 0 <= app.screen.focus < len(app.screen.controls)


def drive(app, max_frames: int = 6000) -> list[str]:
    """Play like a keyboard player: table a text when a body sits, answer choices, end phases."""
    seen: list[str] = []
    for _ in range(max_frames):
        screen = app.screen
        if not seen or seen[-1] != screen.name:
            seen.append(screen.name)
        if screen.name == "debrief":
            break
        if screen.name == "turn":
            can_draft = any(
                c.element.text.startswith("Draft a text") and not c.blocked for c in screen.controls
            )
            k = (
                pygame.K_d
                if can_draft and not getattr(screen, "drafting_done", False)
                else pygame.K_e
            )
        elif screen.name == "drafting":
            chosen = screen.chosen
            if len(chosen) < 4 and getattr(screen, "steps", 0) < 16:
                # Enter toggles the focused clause card, Tab moves to the next one.
                screen.steps = getattr(screen, "steps", 0) + 1
                k = pygame.K_RETURN if screen.steps % 2 else pygame.K_TAB
            else:
                k = pygame.K_t
                # if the text can't be tabled (a locked clause, no capital), go back and end the phase
                if app.session.why_not(screen.action()) is not None:
                    k = pygame.K_ESCAPE
        else:
            k = {
                "title": pygame.K_n,
                "new_game": pygame.K_RETURN,
                "briefing": pygame.K_RETURN,
                "event": pygame.K_1,
                "vote": pygame.K_RETURN,
                "opposition": pygame.K_RETURN,
                "summary": pygame.K_RETURN,
            }[screen.name]
        before = screen
        app.frame([key(k)], 0.05)
        if before.name == "drafting" and app.screen.name == "turn":
            app.screen.drafting_done = True
    return seen


def test_a_whole_game_by_keyboard_from_title_to_debrief(folder):
    """Title, new game, briefing, turns with drafting and votes, choices, summaries, the debrief."""
    app = prepare(
        "title",
        (1280, 720),
        "tutorial",
        11,
        saves_dir=folder,
        settings=Settings(animation_speed=4.0, volume=0.0),
    )
    seen = drive(app)
    assert seen[:3] == ["title", "new_game", "briefing"]
    assert seen[-1] == "debrief" and app.session.state.over
    for name in ("turn", "drafting", "vote", "opposition", "summary"):
        assert name in seen, (name, seen)
    assert any(v.recorded for v in app.session.state.votes)
    assert (folder / "autosave-tutorial.json").exists()


def test_monkey(folder):
    """2,000 seeded random keys, clicks, moves and resizes across the screens: no exception."""
    rnd = random.Random(2024)
    app = prepare(
        "title",
        (1024, 640),
        "tutorial",
        5,
        saves_dir=folder,
        settings=Settings(animation_speed=4.0, volume=0.0),
    )
    screens = set()
    for _ in range(2000):
        r = rnd.random()
        w, h = app.size
        if r < 0.55:
            event = key(rnd.choice(KEYS), pygame.KMOD_SHIFT if rnd.random() < 0.1 else 0)
        elif r < 0.8:
            pos = (rnd.randrange(w), rnd.randrange(h))
            events = [
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
            ]
            app.frame(events, 0.05)
            screens.add(app.screen.name)
            continue
        elif r < 0.97:
            event = pygame.event.Event(
                pygame.MOUSEMOTION,
                pos=(rnd.randrange(w), rnd.randrange(h)),
                rel=(1, 1),
                buttons=(0, 0, 0),
            )
        else:
            event = pygame.event.Event(
                pygame.VIDEORESIZE,
                w=rnd.choice([1024, 1280, 1600, 2000]),
                h=rnd.choice([640, 720, 900, 1100]),
            )
        if (
            app.screen.name == "title"
            and event.type == pygame.KEYDOWN
            and event.key in (pygame.K_q, pygame.K_ESCAPE)
        ):
            continue  # quitting would end the monkey's run
        app.frame([event], 0.05)
        screens.add(app.screen.name)
        if not app.running:
            app.running = True
    assert len(screens) >= 5, screens


def test_an_unexpected_error_saves_logs_and_returns_to_the_title(folder, monkeypatch):
    monkeypatch.delenv("CRITICAL_ENGAGEMENT_RAISE", raising=False)
    app = prepare("turn", (1024, 640), "tutorial", 3, saves_dir=folder)
    monkeypatch.setattr(type(app.screen), "draw", lambda self, surface: 1 / 0)
    app.frame([], 0.05)
    assert app.screen.name == "title"
    assert "saved to" in app.last_error and "Details are in" in app.last_error
    assert list(folder.glob("emergency-*.json"))
    assert list((folder.parent / "logs").glob("error-*.log"))


def test_a_corrupt_save_shows_a_message(folder):
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    app = prepare("load", (1024, 640), "tutorial", 3, saves_dir=folder)
    control = next(c for c in app.screen.controls if "broken" in c.element.text)
    assert control.blocked and "damaged" in control.blocked
    app.screen.press(control)
    assert app.screen.status.startswith("Not now:")


def test_settings_persist_and_bad_files_fall_back(folder):
    from game.ui import config

    saved = Settings(
        width=1600, height=900, text_scale=1.3, colour_blind=True, volume=0.2, animation_speed=2.0
    )
    config.save(saved, folder)
    assert config.load(folder) == saved
    (folder / "settings.json").write_text(
        '{"width": "huge", "volume": 7, "text_scale": 99}', encoding="utf-8"
    )
    loaded = config.load(folder)
    assert loaded.volume == 1.0 and loaded.text_scale == 1.6 and loaded.width == Settings().width
    (folder / "settings.json").write_bytes(b"\x00\xff")
    assert config.load(folder) == Settings()


def test_resizing_rebuilds_every_screen_without_overlaps(folder):
    """From the smallest to 4K: every widget stays inside the window."""
    for name in ("title", "turn", "drafting", "vote-ga", "debrief"):
        app = prepare(name, (1024, 640), "tutorial", 3, saves_dir=folder)
        for size in ((1024, 640), (1920, 1080), (3840, 2160)):
            app.resize(size)
            app.frame([], 0.05)
            w, h = app.size
            for element in app.screen.elements:
                r = element.get_abs_rect()
                assert r.left >= 0 and r.top >= 0 and r.right <= w + 1 and r.bottom <= h + 1, (
                    name,
                    size,
                    r,
                )


def test_a_failed_autosave_is_shown_until_one_works(folder, monkeypatch):
    app = prepare("turn", (1024, 640), "tutorial", 3, saves_dir=folder)
    blocker = folder / "not-a-folder"
    blocker.write_text("a file where the saves folder should be", encoding="utf-8")
    app.session.saves_dir = blocker
    assert app.session.autosave() is None
    assert app.session.autosave_error.startswith("Autosave failed")
    shown: list[str] = []
    monkeypatch.setattr(
        type(app.screen), "draw_status", lambda self, surface, message=None: shown.append(message)
    )
    app.dirty = True
    app.frame([], 0.05)
    assert shown and shown[-1] == app.session.autosave_error
    app.session.saves_dir = folder
    assert app.session.autosave() is not None and app.session.autosave_error == ""
