"""The debrief: the score by track and grade, every meter over the game, and you beside history."""

from __future__ import annotations

import html

import pygame

from game import narrative
from game.sim.score import score
from game.ui import theme
from game.ui.screens.base import Screen
from game.ui.widgets.chart import line_chart
from game.ui.widgets.tooltip import draw_tooltip


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def you_and_history(scenario, state) -> str:
    """Turn by turn: what you did, what the real EU did, and the votes in reality and in your game."""
    mine = narrative.decisions_by_turn(scenario, state)
    steps = {h.date: h for h in scenario.history}
    parts = []
    for turn, t in enumerate(scenario.calendar):
        step = steps.get(t.date)
        yours = mine.get(turn, [])
        votes = [v for v in state.votes if v.turn == turn]
        if not (yours or step or votes):
            continue
        lines = [f"<b>{esc(t.label)}</b>"]
        lines.append("You: " + (esc("; ".join(yours)) if yours else "<i>no move</i>"))
        if step and step.note:
            lines.append(f"In reality: {esc(step.note)}")
        for real in step.record if step else ():
            reality, yours_v = narrative.beside_history(state, turn, real)
            lines.append(
                f"&nbsp;&nbsp;{esc(real.title)}: {reality} in reality; {yours_v} in your game"
            )
        for v in votes:
            if step and any(r.body == v.body and r.kind == v.kind for r in step.record):
                continue
            lines.append(f"&nbsp;&nbsp;{esc(narrative.vote_line(scenario, v))}")
        parts.append("<br>".join(lines))
    return "<br><br>".join(parts)


class DebriefScreen(Screen):
    name = "debrief"

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc, st = self.app.session.scenario, self.app.session.state
        self.card = score(sc, st)
        self.label(
            (px(40), px(14), w - px(80), px(40)),
            f"Debrief - score {self.card.total:.0f}/100, grade {self.card.grade}: {self.card.label}",
            object_id="@heading",
        )
        self.label(
            (px(40), px(50), w - px(80), px(24)),
            f"{sc.title} - seed {st.seed}",
            object_id="@subtle",
        )
        half = (w - px(100)) // 2
        self.text_box((px(60) + half, px(84), half, h - px(180)), you_and_history(sc, st))
        self.charts_area = pygame.Rect(
            px(40),
            px(84) + px(34) * len(self.card.tracks) + px(16),
            half,
            h - px(180) - px(34) * len(self.card.tracks) - px(16),
        )
        self.hover_x = None
        self.button(
            (w - px(300), h - px(84), px(260), px(48)),
            "New game",
            self.new_game,
            shortcut=pygame.K_n,
            object_id="@primary",
        )
        self.button((px(40), h - px(84), px(220), px(48)), "Title screen", self.back)

    def draw(self, surface: pygame.Surface) -> None:
        px = self.px
        ts = self.s * self.app.settings.text_scale
        f = theme.font(13 * ts)
        pal = theme.palette(self.app.settings.colour_blind)
        y = px(84)
        width = self.charts_area.width
        for track in self.card.tracks:
            surface.blit(
                f.render(f"{track.name} (x{track.weight:g})", True, theme.TEXT), (px(40), y + px(4))
            )
            bar = pygame.Rect(px(40) + int(width * 0.42), y + px(8), int(width * 0.48), px(14))
            pygame.draw.rect(surface, theme.PANEL_EDGE, bar, border_radius=4)
            fill = bar.copy()
            fill.width = max(1, int(bar.width * track.value / 100))
            pygame.draw.rect(surface, pal.meter_good, fill, border_radius=4)
            value = f.render(f"{track.value:.0f}", True, theme.TEXT)
            surface.blit(value, value.get_rect(topright=(px(40) + width, y + px(4))))
            y += px(34)
        sc, st = self.app.session.scenario, self.app.session.state
        cols, area = 2, self.charts_area
        rows = (len(sc.meters) + cols - 1) // cols
        cw, ch = area.width // cols, max(px(50), area.height // max(1, rows))
        self.hover_label = None
        for i, meter in enumerate(sc.meters):
            rect = pygame.Rect(
                area.x + (i % cols) * cw, area.y + (i // cols) * ch, cw - px(8), ch - px(6)
            )
            values = [row[i] for row in st.meter_log]
            label = line_chart(
                surface,
                rect,
                meter.name,
                values,
                meter.min,
                meter.max,
                ts,
                hover_x=self.hover_x if rect.collidepoint(self.hover_pos or (0, 0)) else None,
            )
            if label:
                self.hover_label = label

    hover_pos = None
    hover_label = None

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.hover_pos = event.pos
            self.hover_x = event.pos[0]
        return super().handle(event)

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if self.hover_label:
            draw_tooltip(
                surface,
                self.hover_label,
                pygame.mouse.get_pos(),
                self.s * self.app.settings.text_scale,
            )

    def new_game(self) -> None:
        from game.ui.screens.menus import NewGameScreen

        self.app.session = None
        self.app.show(NewGameScreen(self.app))

    def back(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.app.session = None
        self.app.show(TitleScreen(self.app))
