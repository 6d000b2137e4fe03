"""The turn screen, hub of the game: date and phase, meters, coming sessions, levers, news and log."""

from __future__ import annotations

import html

import pygame

from game.sim import events as ev
from game.sim.actions import EndPhase, UseLever
from game.sim.forecast import forecast
from game.sim.rules import lever_targets
from game.sim.scenario import PHASES
from game.ui import theme
from game.ui.screens.base import Screen, fit
from game.ui.widgets.meters import MeterPanel, explanation
from game.ui.widgets.tooltip import draw_tooltip

PHASE_NAMES = {
    "briefing": "Briefing",
    "diplomacy": "Diplomacy",
    "opposition": "Opposition",
    "votes": "Votes",
    "consequences": "Consequences",
}
FAMILY_ORDER = ("drafting", "coalition", "engagement", "pressure", "documentation")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def route(app, events: tuple, resumed: bool = False) -> None:
    """Which screen shows what just happened (presentation only: the state is already decided)."""
    from game.ui.screens.debrief import DebriefScreen
    from game.ui.screens.phases import EventScreen, OppositionScreen, SummaryScreen
    from game.ui.screens.vote import VoteScreen

    session = app.session
    state = session.state
    records = [e.record for e in events if isinstance(e, ev.VoteHeld)]
    rest = tuple(e for e in events if not isinstance(e, ev.VoteHeld))
    if records and not resumed:
        app.show(VoteScreen(app, records, on_done=lambda: route(app, rest)))
    elif not resumed and any(
        isinstance(e, ev.PhaseBegan) and e.phase == "opposition" for e in events
    ):
        later = tuple(
            e for e in events if not (isinstance(e, ev.PhaseBegan) and e.phase == "opposition")
        )
        app.show(OppositionScreen(app, events, on_done=lambda: route(app, later)))
    elif state.pending:
        app.show(EventScreen(app))
    elif state.over:
        app.show(DebriefScreen(app))
    elif state.phase == "consequences" and not resumed:
        app.show(SummaryScreen(app))
    else:
        app.show(TurnScreen(app))


def after_action(app, events: tuple, resumed: bool = False) -> None:
    """After an action: sounds for what happened, then the right screen."""
    if any(isinstance(e, ev.MilestoneReached) for e in events):
        app.sound.play("adopted")
    route(app, events, resumed)


class TurnScreen(Screen):
    name = "turn"

    def build(self) -> None:
        app, px = self.app, self.px
        w, h = self.size
        session = app.session
        sc, st = session.scenario, session.state
        turn = sc.calendar[st.turn]
        self.meters = MeterPanel(sc, pygame.Rect(px(16), px(92), px(280), px(400)), self.s)
        self.hover_meter = None
        heading = fit(
            f"Turn {st.turn + 1}/{len(sc.calendar)} - {turn.label}",
            w - px(470),
            20 * self.s * self.app.settings.text_scale,
        )
        self.label((px(16), px(10), w - px(448), px(36)), heading, object_id="@heading")
        sessions = ", ".join(sc.body(b).name for b in turn.sessions) or "no body votes this turn"
        self.label(
            (px(16), px(44), w - px(448), px(24)), f"In session: {sessions}", object_id="@subtle"
        )
        cx, cw = px(312), w - px(312) - px(432)
        if st.phase == "diplomacy":
            self.build_diplomacy(cx, cw)
        else:
            news = st.news()
            body = "<br><br>".join(
                f"<b>{esc(n.title)}</b>: {esc(n.text.strip())}" if n.title else esc(n.text.strip())
                for n in news
            )
            intro = f"<i>{esc(turn.text)}</i><br><br>" if turn.text else ""
            self.text_box((cx, px(92), cw, h - px(200)), intro + (body or "No news this turn."))
        nxt = PHASES.index(st.phase) + 1
        label = (
            f"End the {PHASE_NAMES[st.phase].lower()} phase"
            if nxt < len(PHASES)
            else "End the turn"
        )
        blocked = session.why_not(EndPhase())
        self.button(
            (cx, h - px(96), cw, px(48)),
            label,
            self.end_phase,
            shortcut=pygame.K_e,
            object_id="@primary",
            blocked=blocked,
            tooltip="Move on: the next phase does what it does on arrival.",
        )
        self.build_right(w, h)
        self.button(
            (px(16), h - px(56), px(180), px(40)),
            "Menu",
            self.back,
            tooltip="Save, load, settings, glossary, quit (Esc)",
        )

    # -- the centre in diplomacy ------------------------------------------------------------
    def build_diplomacy(self, x: int, width: int) -> None:
        px = self.px
        session = self.app.session
        sc, st = session.scenario, session.state
        y = px(92)
        self.label((x, y - px(4), width, px(32)), "Texts", object_id="@heading")
        y += px(30)
        from game.ui.screens.drafting import DraftingScreen, LobbyingScreen

        shortcut_used = False
        for rule in sc.drafting:
            if rule.body not in sc.calendar[st.turn].sessions:
                continue
            draft = st.draft_in(rule.body, sc.player)
            body = sc.body(rule.body)
            if draft is None:
                text, tip = (
                    f"Draft a text for the {body.short} (cost {rule.cost:g})",
                    f"Choose clauses for the {body.name}, with a live forecast.",
                )
            else:
                f = self.forecast_line(draft)
                text, tip = (
                    f"Your {body.short} text: {f}",
                    "Revise it, see the forecast and who votes how.",
                )
            self.button(
                (x, y, width, px(36)),
                text,
                lambda b=rule.body: self.app.show(DraftingScreen(self.app, b)),
                shortcut=pygame.K_d if not shortcut_used else None,
                tooltip=tip,
                object_id="@lever",
            )
            shortcut_used = True
            y += px(40)
        if not shortcut_used:
            self.label(
                (x, y, width, px(28)),
                "No body you can table texts in sits this turn.",
                object_id="@subtle",
            )
            y += px(32)
        self.button(
            (x, y, width, px(36)),
            "Lobbying: see who votes how, and press them",
            lambda: self.app.show(LobbyingScreen(self.app)),
            shortcut=pygame.K_l,
            object_id="@lever",
            tooltip="Pick a group, bloc or state; see its predicted vote before you spend.",
        )
        y += px(46)
        self.label((x, y - px(4), width, px(32)), "Levers", object_id="@heading")
        y += px(30)
        levers = sorted(
            (
                lv
                for lv in sc.levers
                if lv.target not in ("member", "group", "bloc", "group_or_bloc")
            ),
            key=lambda lv: (
                FAMILY_ORDER.index(lv.family) if lv.family in FAMILY_ORDER else 9,
                sc.levers.index(lv),
            ),
        )
        col_w = (width - px(8)) // 2
        row_h = px(34)
        for i, lever in enumerate(levers):
            col, row = i % 2, i // 2
            rect = (x + col * (col_w + px(8)), y + row * (row_h + px(4)), col_w, row_h)
            targets = lever_targets(sc, st, lever)
            action = UseLever(lever.id, targets[0] if targets else None)
            blocked = (
                session.why_not(action)
                if (targets or lever.target == "none")
                else "Table a text first."
            )
            tip = f"<b>{esc(lever.name)}</b> ({lever.family}, cost {lever.cost:g})<br>{esc(lever.description)}"
            if lever.hint:
                tip += f"<br><i>{esc(lever.hint)}</i>"
            text = fit(
                f"{lever.cost:g} | {lever.name}",
                col_w - px(22),
                14 * self.s * self.app.settings.text_scale,
            )
            self.button(
                rect,
                text,
                lambda a=action: self.act(a),
                tooltip=tip,
                object_id="@lever",
                blocked=blocked,
            )

    def forecast_line(self, draft) -> str:
        sc, st = self.app.session.scenario, self.app.session.state
        f = forecast(sc, st, draft, 1000)
        if not f.recorded:
            return "adopted without a vote, as things stand"
        return f"Yes {f.yes.mean:.0f} / No {f.no.mean:.0f} / Abstain {f.abstain.mean:.0f}; adopted {f.p_adopted:.0%}"

    # -- the right column -------------------------------------------------------------------
    def build_right(self, w: int, h: int) -> None:
        px = self.px
        sc, st = self.app.session.scenario, self.app.session.state
        x, width = w - px(416), px(400)
        coming = []
        for t in range(st.turn, min(len(sc.calendar), st.turn + 5)):
            turn = sc.calendar[t]
            bodies = ", ".join(sc.body(b).short for b in turn.sessions) or "-"
            line = f"<b>{esc(turn.date)}</b> {esc(bodies)}"
            if t == st.turn:
                tabled = [
                    f"{esc(sc.actor_name(d.sponsor))} in the {esc(sc.body(d.body).short)}"
                    for d in st.drafts
                ]
                if tabled:
                    line += "<br>&nbsp;&nbsp;tabled: " + "; ".join(tabled)
            coming.append(line)
        self.label((x, px(10), width, px(30)), "Coming sessions", object_id="@heading")
        self.text_box((x, px(44), width, px(170)), "<br>".join(coming))
        self.label((x, px(222), width, px(30)), "News and history", object_id="@heading")
        items = list(reversed(st.chronicle))[:60]
        log = "<br>".join(
            f"<font color='#9aa6b8'>{esc(sc.calendar[n.turn].date)}</font> "
            + (f"<b>{esc(n.title)}</b>: " if n.title else "")
            + esc(n.text.strip())
            for n in items
        )
        self.text_box((x, px(256), width, h - px(256) - px(16)), log or "Nothing yet.")

    # -- actions ------------------------------------------------------------------------------
    def act(self, action) -> None:
        events = self.app.session.act(action)
        if len(events) == 1 and isinstance(events[0], ev.Refused):
            self.status = events[0].reason
            return
        after_action(self.app, events)

    def end_phase(self) -> None:
        self.act(EndPhase())

    def back(self) -> None:
        from game.ui.screens.phases import GameMenuScreen

        self.app.show(GameMenuScreen(self.app))

    # -- drawing ------------------------------------------------------------------------------
    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hover_meter = self.meters.hit(event.pos)
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        st = self.app.session.state
        pal = theme.palette(self.app.settings.colour_blind)
        self.meters.draw(surface, st, pal, self.app.settings.text_scale, self.hover_meter)
        self.draw_phases(surface, st.phase)

    def draw_phases(self, surface: pygame.Surface, current: str) -> None:
        """The five phases as pills, the current one lit."""
        f = theme.font(12 * self.s * self.app.settings.text_scale, bold=True)
        x = self.px(16)
        y = self.px(72) - self.px(4)
        for phase in PHASES:
            label = f.render(
                PHASE_NAMES[phase], True, theme.BACKGROUND if phase == current else theme.SUBTLE
            )
            rect = pygame.Rect(
                x, y - self.px(2), label.get_width() + self.px(14), label.get_height() + self.px(4)
            )
            if rect.right > self.size[0] - self.px(432):
                break
            if phase == current:
                pygame.draw.rect(surface, theme.GOLD, rect, border_radius=self.px(8))
            surface.blit(label, label.get_rect(center=rect.center))
            x = rect.right + self.px(4)

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if self.hover_meter:
            st = self.app.session.state
            draw_tooltip(
                surface,
                explanation(self.app.session.scenario, st, self.hover_meter),
                pygame.mouse.get_pos(),
                self.s * self.app.settings.text_scale,
            )
