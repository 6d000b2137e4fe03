"""The chamber: a hemicycle (HRC, GA) or a horseshoe (UNSC) of seats grouped by regional group.

Each seat shows its vote by colour *and* by a mark (a tick for Yes, a cross for No, a bar for
an abstention, an empty ring for an absent delegation), so the vote reads without colour too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui import theme

GROUP_ORDER = ("AFR", "APG", "EEG", "GRULAC", "WEOG")


def draw_seat(
    surface: pygame.Surface,
    pal: theme.Palette,
    center,
    radius: int,
    ballot: str,
    ring: tuple[int, int, int] | None = None,
) -> None:
    """One seat: '' not yet voted, 'C' consensus, 'Y', 'N', 'A' or '-' (absent)."""
    x, y = int(center[0]), int(center[1])
    r = max(3, radius)
    if ballot == "-":
        pygame.draw.circle(surface, pal.absent, (x, y), r, width=max(1, r // 4))
    else:
        colour = {"Y": pal.yes, "N": pal.no, "A": pal.abstain, "C": (120, 150, 190)}.get(
            ballot, (52, 62, 78)
        )
        pygame.draw.circle(surface, colour, (x, y), r)
    mark = (250, 250, 250)
    w = max(1, r // 3)
    if ballot == "Y":
        pygame.draw.lines(
            surface,
            mark,
            False,
            [(x - r * 0.5, y), (x - r * 0.1, y + r * 0.45), (x + r * 0.55, y - r * 0.45)],
            w,
        )
    elif ballot == "N":
        d = r * 0.45
        pygame.draw.line(surface, mark, (x - d, y - d), (x + d, y + d), w)
        pygame.draw.line(surface, mark, (x - d, y + d), (x + d, y - d), w)
    elif ballot == "A":
        pygame.draw.line(surface, (30, 30, 30), (x - r * 0.55, y), (x + r * 0.55, y), w)
    if ring is not None:
        pygame.draw.circle(surface, ring, (x, y), r + max(2, r // 3), width=max(2, r // 4))


def short_name(name: str) -> str:
    """A state's name without its long form: 'Venezuela (Bolivarian Republic of)' -> 'Venezuela'."""
    name = name.split(" (")[0]
    return {
        "Russian Federation": "Russia",
        "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
        "United States of America": "United States",
        "Democratic People's Republic of Korea": "DPRK",
        "Republic of Korea": "Rep. of Korea",
    }.get(name, name)


@dataclass(frozen=True)
class Seat:
    member: str
    name: str
    group: str
    center: tuple[float, float]
    permanent: bool = False


def _hemicycle(count: int, rect: pygame.Rect) -> tuple[list[tuple[float, float]], int]:
    """Seat centres filling a half-disc in rect, ordered left to right (by angle), and the radius."""
    cx, cy = rect.centerx, rect.bottom - rect.height * 0.05
    outer = min(rect.width / 2, rect.height * 0.95)
    inner = outer * 0.38
    rows = max(2, min(12, round(math.sqrt(count / 2.2))))
    radii = [inner + (outer - inner) * (i + 0.5) / rows for i in range(rows)]
    total = sum(radii)
    counts = [max(1, round(count * r / total)) for r in radii]
    counts[-1] += count - sum(counts)
    positions = []
    for r, n in zip(radii, counts, strict=True):
        for k in range(n):
            a = math.pi * (k + 0.5) / n if n > 1 else math.pi / 2
            positions.append((a, r))
    positions.sort(key=lambda p: (round(-p[0], 6), p[1]))  # left to right, inner to outer
    seat_radius = max(
        3, int(min((outer - inner) / rows * 0.42, math.pi * inner / max(counts) * 0.42))
    )
    return [(cx + r * math.cos(a), cy - r * math.sin(a)) for a, r in positions], seat_radius


def _horseshoe(count: int, rect: pygame.Rect) -> tuple[list[tuple[float, float]], int]:
    """The Council's table: seats on a U, open at the bottom."""
    cx, cy = rect.centerx, rect.centery + rect.height * 0.05
    rx, ry = rect.width * 0.42, rect.height * 0.42
    start, end = math.radians(210), math.radians(-30)
    pts = []
    for k in range(count):
        a = start + (end - start) * k / (count - 1)
        pts.append((cx + rx * math.cos(a), cy - ry * math.sin(a)))
    return pts, max(6, int(min(rect.width, rect.height) * 0.045))


class Chamber:
    """Seat positions for one body in one year, and drawing and hit-testing them."""

    def __init__(self, scenario, body_id: str, year: int, rect: pygame.Rect) -> None:
        self.scenario = scenario
        self.body = scenario.body(body_id)
        self.rect = pygame.Rect(rect)
        ids = [scenario.members[i].id for i in scenario.seated(body_id, year)]
        self.order = list(ids)  # the vote record's seat order
        if self.body.procedure == "security_council":
            arranged = sorted(ids, key=lambda m: scenario.member(m).name)
            centers, self.radius = _horseshoe(len(arranged), self.rect)
        else:
            arranged = sorted(
                ids,
                key=lambda m: (
                    GROUP_ORDER.index(scenario.member(m).group)
                    if scenario.member(m).group in GROUP_ORDER
                    else 9,
                    scenario.member(m).name,
                ),
            )
            centers, self.radius = _hemicycle(len(arranged), self.rect)
        self.seats = [
            Seat(m, scenario.member(m).name, scenario.member(m).group, c, m in self.body.permanent)
            for m, c in zip(arranged, centers, strict=True)
        ]
        self.index = {m: self.order.index(m) for m in ids}  # member -> position in the record

    def draw(
        self,
        surface: pygame.Surface,
        pal: theme.Palette,
        ballots: dict[str, str],
        hover: str | None = None,
        vetoed: tuple[str, ...] = (),
    ) -> None:
        for seat in self.seats:
            ring = theme.GOLD if seat.permanent else None
            if seat.member in vetoed:
                ring = theme.DANGER
            if seat.member == hover:
                ring = theme.FOCUS
            draw_seat(surface, pal, seat.center, self.radius, ballots.get(seat.member, ""), ring)
        for member in vetoed:
            seat = next((s for s in self.seats if s.member == member), None)
            if seat is not None:
                f = theme.font(self.radius * 1.6, bold=True)
                label = f.render("VETO", True, theme.DANGER)
                surface.blit(
                    label,
                    label.get_rect(midbottom=(seat.center[0], seat.center[1] - self.radius * 1.6)),
                )

    def group_labels(self, surface: pygame.Surface, scale: float) -> None:
        """Regional-group names along the hemicycle's rim."""
        if self.body.procedure == "security_council":
            f = theme.font(12 * scale)
            cx, cy = self.rect.centerx, self.rect.centery + self.rect.height * 0.05
            for seat in self.seats:
                label = f.render(short_name(seat.name), True, theme.SUBTLE)
                dx, dy = seat.center[0] - cx, seat.center[1] - cy
                norm = math.hypot(dx, dy) or 1
                reach = self.radius * 1.5 + max(label.get_width(), label.get_height()) * 0.6
                x, y = seat.center[0] + dx / norm * reach, seat.center[1] + dy / norm * reach
                surface.blit(label, label.get_rect(center=(x, y)))
            return
        f = theme.font(12 * scale, bold=True)
        for group in GROUP_ORDER:
            members = [s for s in self.seats if s.group == group]
            if not members:
                continue
            x = sum(s.center[0] for s in members) / len(members)
            y = min(s.center[1] for s in members) - self.radius * 2.2
            label = f.render(group, True, theme.SUBTLE)
            surface.blit(label, label.get_rect(center=(x, y)))

    def seat_at(self, pos) -> Seat | None:
        best, dist = None, (self.radius * 1.3) ** 2
        for seat in self.seats:
            d = (seat.center[0] - pos[0]) ** 2 + (seat.center[1] - pos[1]) ** 2
            if d <= dist:
                best, dist = seat, d
        return best
