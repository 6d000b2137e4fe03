"""Meter bars with their explanations: what each meter means and what moved it, and why."""

from __future__ import annotations

import html

import pygame

from game import narrative
from game.ui import theme


def explanation(scenario, state, meter_id: str) -> str:
    """Hover text: the meter's meaning, then every change this turn and last, with its cause."""
    spec = scenario.meter(meter_id)
    lines = [
        f"<b>{html.escape(spec.name)}</b>: {narrative.meter_text(scenario, meter_id, state.meter(scenario, meter_id))}"
        f" (from {spec.min:g} to {spec.max:g})"
    ]
    if spec.description:
        lines.append(html.escape(spec.description))
    for turn in (state.turn - 1, state.turn):
        if turn < 0:
            continue
        changes = [c for c in state.ledger if c.turn == turn and c.meter == meter_id]
        if changes:
            when = "This turn" if turn == state.turn else "Last turn"
            lines.append(f"<br><b>{when}</b>")
            lines += [f"{c.after - c.before:+.0f}: {html.escape(c.cause)}" for c in changes]
    return "<br>".join(lines)


class MeterPanel:
    """A column of labelled bars; hovering one shows its explanation (drawn by the screen)."""

    def __init__(self, scenario, rect: pygame.Rect, scale: float) -> None:
        self.scenario = scenario
        self.rect = pygame.Rect(rect)
        self.scale = scale
        self.row = max(28, int(38 * scale))
        self.rows: list[tuple[str, pygame.Rect]] = []
        for i, meter in enumerate(scenario.meters):
            self.rows.append(
                (
                    meter.id,
                    pygame.Rect(
                        self.rect.x, self.rect.y + i * self.row, self.rect.width, self.row - 4
                    ),
                )
            )

    def hit(self, pos) -> str | None:
        for meter_id, rect in self.rows:
            if rect.collidepoint(pos):
                return meter_id
        return None

    def draw(
        self,
        surface: pygame.Surface,
        state,
        pal: theme.Palette,
        text_scale: float,
        hover: str | None,
    ) -> None:
        f = theme.font(12.5 * self.scale * text_scale)
        for meter_id, rect in self.rows:
            spec = self.scenario.meter(meter_id)
            value = state.meter(self.scenario, meter_id)
            if meter_id == hover:
                pygame.draw.rect(surface, (34, 44, 60), rect, border_radius=4)
            name = f.render(spec.name, True, theme.TEXT)
            surface.blit(name, (rect.x + 4, rect.y + 1))
            shown = f.render(narrative.meter_text(self.scenario, meter_id, value), True, theme.TEXT)
            surface.blit(shown, shown.get_rect(topright=(rect.right - 4, rect.y + 1)))
            bar = pygame.Rect(
                rect.x + 4,
                rect.bottom - max(5, int(7 * self.scale)) - 2,
                rect.width - 8,
                max(5, int(7 * self.scale)),
            )
            pygame.draw.rect(surface, (42, 51, 66), bar, border_radius=3)
            span = spec.max - spec.min or 1
            if spec.min < 0 < spec.max:  # a two-sided meter: fill from the zero line
                zero = bar.x + bar.width * (0 - spec.min) / span
                end = bar.x + bar.width * (value - spec.min) / span
                left, right = sorted((zero, end))
                colour = pal.meter_good if value >= 0 else pal.meter_bad
                pygame.draw.rect(
                    surface,
                    colour,
                    pygame.Rect(left, bar.y, max(1, right - left), bar.height),
                    border_radius=3,
                )
                pygame.draw.line(surface, theme.SUBTLE, (zero, bar.y - 2), (zero, bar.bottom + 1))
            else:
                fill = bar.copy()
                fill.width = max(1, int(bar.width * (value - spec.min) / span))
                pygame.draw.rect(surface, pal.meter_good, fill, border_radius=3)
