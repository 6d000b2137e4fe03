"""Renders any screen to a PNG without a display: the game is played up to the moment the screen shows."""

from __future__ import annotations

import os
from pathlib import Path

SCREENS = (
    "title",
    "briefing",
    "turn",
    "drafting",
    "lobbying",
    "opposition",
    "event",
    "vote-hrc",
    "vote-ga",
    "vote-unsc",
    "summary",
    "debrief",
    "settings",
    "glossary",
    "new-game",
    "load",
    "menu",
)


def _advance(app, until, policy_name: str = "historical", max_steps: int = 4000):
    """Play the scenario's history (answering choices) until `until(events)` is true; returns those events."""
    from game.analysis.policies import POLICIES

    session = app.session
    policy = POLICIES[policy_name](session.state.seed)
    events: tuple = ()
    for _ in range(max_steps):
        if until(events):
            return events
        if session.state.over:
            break
        events = session.act(policy(session.scenario, session.state))
    raise LookupError("the game never reached that screen with this scenario and seed")


def _turn_at(app, turn: int | None, body_filter=None):
    sc = app.session.scenario
    if turn is None:
        turn = next(
            (
                i
                for i, t in enumerate(sc.calendar)
                if t.sessions and (body_filter is None or body_filter(t))
            ),
            0,
        )

    def reached(events) -> bool:
        st = app.session.state
        return st.turn >= turn and st.phase == "diplomacy" and not st.pending

    return _advance(app, reached)


def render(
    screen: str,
    out: str | Path,
    size: tuple[int, int] = (1280, 720),
    scenario: str | None = None,
    seed: int = 2013,
    turn: int | None = None,
    saves_dir: Path | None = None,
) -> Path:
    """Write the screen, as a player would see it, to a PNG file."""
    import pygame

    app = prepare(screen, size, scenario, seed, turn, saves_dir)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.window, str(out))
    pygame.quit()
    return out


def prepare(
    screen: str,
    size: tuple[int, int] = (1280, 720),
    scenario: str | None = None,
    seed: int = 2013,
    turn: int | None = None,
    saves_dir: Path | None = None,
    settings=None,
):
    """A window (on the dummy video driver unless there is a display) showing `screen`, drawn."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import tempfile

    from game.authoring import load_scenario, resolve
    from game.cli import default_scenario
    from game.sim import events as ev
    from game.ui.app import App
    from game.ui.config import Settings
    from game.ui.session import Session

    if screen not in SCREENS:
        raise ValueError(f"unknown screen {screen!r}; choose from {', '.join(SCREENS)}")
    folder = Path(saves_dir) if saves_dir else Path(tempfile.mkdtemp(prefix="ce-shot-"))
    app = App(
        settings=settings or Settings(width=size[0], height=size[1], volume=0.0),
        saves_dir=folder,
        size=size,
        config_folder=folder,
        scenario=scenario,
        seed=seed,
    )
    path = resolve(scenario or default_scenario())
    if path is None:
        raise LookupError(f"no scenario {scenario!r}")
    sc = load_scenario(path)

    def new_session():
        app.session = Session.new(sc, seed, folder)

    from game.ui.screens import briefing, debrief, drafting, menus, phases, title, vote
    from game.ui.screens import turn as turn_mod

    if screen == "title":
        app.show(title.TitleScreen(app))
    elif screen == "settings":
        app.show(menus.SettingsScreen(app, back=title.TitleScreen))
    elif screen == "glossary":
        app.show(menus.GlossaryScreen(app, back=title.TitleScreen))
    elif screen == "new-game":
        app.show(menus.NewGameScreen(app))
    elif screen == "load":
        app.show(menus.LoadScreen(app, back=title.TitleScreen))
    else:
        new_session()
        if screen == "briefing":
            app.show(briefing.BriefingScreen(app))
        elif screen == "menu":
            app.show(phases.GameMenuScreen(app))
        elif screen in ("turn", "drafting", "lobbying"):
            _turn_at(app, turn)
            st = app.session.state
            bodies = [r.body for r in sc.drafting if r.body in sc.calendar[st.turn].sessions]
            if screen == "turn":
                if (
                    turn is None
                ):  # show a turn with a text on the table: do the plan's drafting first
                    plan = next(
                        (h for h in sc.history if h.date == sc.calendar[st.turn].date), None
                    )
                    for action in plan.actions if plan else ():
                        if (
                            type(action).__name__ == "TableDraft"
                            and app.session.why_not(action) is None
                        ):
                            app.session.act(action)
                app.show(turn_mod.TurnScreen(app))
            elif screen == "drafting":
                plan = next((h for h in sc.history if h.date == sc.calendar[st.turn].date), None)
                chosen = next(
                    (
                        a.clauses
                        for a in (plan.actions if plan else ())
                        if type(a).__name__ == "TableDraft"
                    ),
                    (),
                )
                app.show(
                    drafting.DraftingScreen(
                        app, bodies[0] if bodies else sc.drafting[0].body, tuple(chosen)
                    )
                )
            else:
                plan = next((h for h in sc.history if h.date == sc.calendar[st.turn].date), None)
                for action in plan.actions if plan else ():
                    if (
                        type(action).__name__ == "TableDraft"
                        and app.session.why_not(action) is None
                    ):
                        app.session.act(action)
                app.show(drafting.LobbyingScreen(app, target="group:AFR"))
        elif screen == "opposition":
            events = _advance(
                app,
                lambda e: (
                    any(isinstance(x, ev.PhaseBegan) and x.phase == "opposition" for x in e)
                    and app.session.state.drafts
                ),
            )
            app.show(phases.OppositionScreen(app, events, on_done=lambda: None))
        elif screen == "event":
            _advance(app, lambda e: bool(app.session.state.pending) and app.session.state.turn > 0)
            app.show(phases.EventScreen(app))
        elif screen.startswith("vote-"):
            body = {"vote-hrc": ("HRC",), "vote-ga": ("GA3", "GA"), "vote-unsc": ("UNSC",)}[screen]

            def voted(events) -> bool:
                return any(
                    isinstance(x, ev.VoteHeld) and x.record.body in body and x.record.recorded
                    for x in events
                )

            events = _advance(app, voted)
            records = [x.record for x in events if isinstance(x, ev.VoteHeld)]
            index = (
                next(
                    i
                    for i, r in enumerate(records)
                    if r.body in body and r.recorded and r.kind != "amendment"
                )
                if any(r.body in body and r.recorded and r.kind != "amendment" for r in records)
                else 0
            )
            app.show(
                vote.VoteScreen(app, records, on_done=lambda: None, index=index, finished=True)
            )
        elif screen == "summary":
            _advance(
                app,
                lambda e: (
                    app.session.state.phase == "consequences"
                    and any(v.turn == app.session.state.turn for v in app.session.state.votes)
                ),
            )
            app.show(phases.SummaryScreen(app))
        elif screen == "debrief":
            _advance(app, lambda e: app.session.state.over)
            app.show(debrief.DebriefScreen(app))
    for _ in range(3):
        app.frame([], 0.5)
    if screen.startswith("vote-"):
        app.screen.skip()
        app.frame([], 0.1)
    return app
