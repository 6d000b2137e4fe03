"""Small line charts: one meter over the game, with its scale and the turns."""

from __future__ import annotations

import pygame

from game.ui import theme


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    title: str,
    values: list[float],
    lo: float,
    hi: float,
    scale: float,
    colour=theme.ACCENT,
    hover_x: int | None = None,
) -> str | None:
    """Draw the chart; return a label for the point under `hover_x`, if any."""
    pygame.draw.rect(surface, theme.PANEL, rect, border_radius=6)
    pygame.draw.rect(surface, theme.PANEL_EDGE, rect, width=1, border_radius=6)
    f = theme.font(11.5 * scale)
    surface.blit(f.render(title, True, theme.TEXT), (rect.x + 6, rect.y + 4))
    plot = pygame.Rect(
        rect.x + 8, rect.y + int(24 * scale), rect.width - 16, rect.height - int(32 * scale)
    )
    if lo < 0 < hi:
        zero = plot.bottom - plot.height * (0 - lo) / (hi - lo)
        pygame.draw.line(surface, theme.PANEL_EDGE, (plot.x, zero), (plot.right, zero))
    if len(values) < 2:
        return None
    span = (hi - lo) or 1

    def point(i: int, v: float) -> tuple[float, float]:
        return plot.x + plot.width * i / (len(values) - 1), plot.bottom - plot.height * (
            v - lo
        ) / span

    pts = [point(i, v) for i, v in enumerate(values)]
    pygame.draw.lines(surface, colour, False, pts, max(2, int(2 * scale)))
    label = None
    if hover_x is not None and rect.collidepoint(hover_x, rect.centery):
        i = round((hover_x - plot.x) / plot.width * (len(values) - 1))
        i = max(0, min(len(values) - 1, i))
        x, y = pts[i]
        pygame.draw.circle(surface, theme.FOCUS, (int(x), int(y)), max(3, int(4 * scale)))
        label = f"{title}: {values[i]:.0f}"
    pygame.draw.circle(surface, colour, (int(pts[-1][0]), int(pts[-1][1])), max(2, int(3 * scale)))
    end = f.render(f"{values[-1]:.0f}", True, theme.SUBTLE)
    surface.blit(end, end.get_rect(topright=(rect.right - 6, rect.y + 4)))
    return label
