"""A tooltip drawn by hand for custom-drawn things (seats, meters, chart lines)."""

from __future__ import annotations

import re

import pygame

from game.ui import theme


def _wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if font.size(trial)[0] <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_tooltip(
    surface: pygame.Surface,
    markup: str,
    anchor: tuple[int, int],
    scale: float,
    max_width: int = 420,
) -> None:
    """`markup` uses <br> for new lines and <b>..</b> for a bold line; the box stays on screen."""
    regular, bold = theme.font(13 * scale), theme.font(13 * scale, bold=True)
    width = int(max_width * scale)
    rendered = []
    for raw in markup.split("<br>"):
        is_bold = raw.startswith("<b>")
        text = (
            re.sub(r"<[^>]+>", "", raw)
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
        )
        if not text.strip():
            rendered.append(None)
            continue
        f = bold if is_bold else regular
        rendered += [f.render(line, True, theme.TEXT) for line in _wrap(text, f, width)]
    pad = int(8 * scale)
    gap = int(6 * scale)
    w = max((r.get_width() for r in rendered if r is not None), default=0) + 2 * pad
    h = sum(r.get_height() if r is not None else gap for r in rendered) + 2 * pad
    box = pygame.Rect(anchor[0] + int(16 * scale), anchor[1] + int(16 * scale), w, h)
    sw, sh = surface.get_size()
    if box.right > sw - 4:
        box.right = anchor[0] - int(12 * scale)
    if box.bottom > sh - 4:
        box.bottom = sh - 4
    box.left, box.top = max(4, box.left), max(4, box.top)
    pygame.draw.rect(surface, (14, 19, 27), box, border_radius=6)
    pygame.draw.rect(surface, (127, 178, 234), box, width=1, border_radius=6)
    y = box.y + pad
    for r in rendered:
        if r is None:
            y += gap
            continue
        surface.blit(r, (box.x + pad, y))
        y += r.get_height()
