"""The vote: the chamber fills seat by seat (skippable), the tally runs against the threshold,
a veto is marked unmistakably, and hovering a seat says who voted how and why."""

from __future__ import annotations

import pygame

from game import narrative
from game.ui import theme
from game.ui.screens.base import Screen
from game.ui.widgets.chamber import Chamber, draw_seat, short_name
from game.ui.widgets.tooltip import draw_tooltip

KIND_NAMES = {
    "no_action": "No-action motion - voted first; if adopted, the draft dies unvoted",
    "amendment": "Amendment - voted before the draft; if adopted, it changes the text",
    "draft": "Draft resolution",
    "procedural": "Procedural vote - 9 votes needed, no veto",
    "substantive": "Draft resolution - 9 votes and no permanent member against",
}
SECONDS = {"GA3": 4.5, "GA": 4.5, "HRC": 2.8, "UNSC": 2.2}


class VoteScreen(Screen):
    name = "vote"

    def __init__(self, app, records: list, on_done, index: int = 0, finished: bool = False) -> None:
        super().__init__(app)
        self.records = records
        self.on_done = on_done
        self.index = index
        self.elapsed = 0.0
        self.revealed = 0
        self.finished_sound = False
        self.hover = None
        if finished:
            self.elapsed = 1e9

    @property
    def record(self):
        return self.records[self.index]

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc = self.app.session.scenario
        rec = self.record
        year = sc.calendar[rec.turn].year
        self.chamber = Chamber(
            sc, rec.body, year, pygame.Rect(px(40), px(120), w - px(480), h - px(230))
        )
        self.ballots = (
            {m: rec.ballots[k] for k, m in enumerate(self.chamber.order)} if rec.recorded else {}
        )
        body = sc.body(rec.body)
        counter = (
            f"   (vote {self.index + 1} of {len(self.records)})" if len(self.records) > 1 else ""
        )
        self.label(
            (px(40), px(16), w - px(80), px(40)), f"{body.name}: {rec.title}", object_id="@heading"
        )
        self.label(
            (px(40), px(54), w - px(80), px(24)),
            KIND_NAMES.get(rec.kind, rec.kind) + counter,
            object_id="@subtle",
        )
        self.label(
            (px(40), px(78), w - px(80), px(24)), f"Threshold: {rec.threshold}", object_id="@subtle"
        )
        last = self.index + 1 >= len(self.records)
        self.button(
            (w - px(300), h - px(84), px(260), px(48)),
            "Continue" if last else "Next vote",
            self.next,
            default=True,
            object_id="@primary",
        )
        self.button(
            (w - px(480), h - px(84), px(160), px(48)),
            "Skip",
            self.skip,
            shortcut=pygame.K_s,
            tooltip="Show every seat at once (Space does it too)",
        )

    # -- animation ------------------------------------------------------------------------
    def duration(self) -> float:
        speed = self.app.settings.animation_speed
        if speed <= 0 or not self.record.recorded:
            return 0.0
        return SECONDS.get(self.record.body, 3.0) / speed

    def update(self, dt: float) -> bool:
        total = len(self.chamber.seats)
        if self.revealed >= total:
            self.finish_sound()
            return False
        self.elapsed += dt
        d = self.duration()
        shown = total if d <= 0 else min(total, int(total * self.elapsed / d))
        if shown // 10 > self.revealed // 10:
            self.app.sound.play("tally")
        self.revealed = shown
        return self.revealed < total

    def finish_sound(self) -> None:
        if self.finished_sound:
            return
        self.finished_sound = True
        self.app.sound.play("veto" if self.record.vetoed_by else "gavel")

    def skip(self) -> None:
        self.elapsed = 1e9
        self.revealed = len(self.chamber.seats)

    def next(self) -> None:
        if self.revealed < len(self.chamber.seats):
            self.skip()
            return
        if self.index + 1 < len(self.records):
            self.app.show(VoteScreen(self.app, self.records, self.on_done, self.index + 1))
        else:
            self.on_done()

    def key(self, event) -> bool:
        if event.key == pygame.K_SPACE:
            self.next()
            return True
        return super().key(event)

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            seat = self.chamber.seat_at(event.pos)
            self.hover = seat.member if seat else None
        return super().handle(event)

    def back(self) -> None:
        self.next()

    # -- drawing --------------------------------------------------------------------------
    def shown_ballots(self) -> dict[str, str]:
        rec = self.record
        if not rec.recorded:
            return {s.member: "C" for s in self.chamber.seats}
        return {s.member: self.ballots[s.member] for s in self.chamber.seats[: self.revealed]}

    def draw(self, surface: pygame.Surface) -> None:
        pal = theme.palette(self.app.settings.colour_blind)
        shown = self.shown_ballots()
        done = self.revealed >= len(self.chamber.seats)
        vetoed = self.record.vetoed_by if done else ()
        self.chamber.draw(surface, pal, shown, self.hover, vetoed)
        self.chamber.group_labels(surface, self.s * self.app.settings.text_scale)
        self.draw_tally(surface, pal, shown, done)

    def draw_tally(self, surface: pygame.Surface, pal, shown: dict[str, str], done: bool) -> None:
        w, h = self.size
        px = self.px
        ts = self.s * self.app.settings.text_scale
        rec = self.record
        x, y = w - px(420), px(120)
        big, small = theme.font(26 * ts, bold=True), theme.font(14 * ts)
        counts = {b: sum(1 for v in shown.values() if v == b) for b in ("Y", "N", "A", "-")}
        rows = (
            ("Y", "Yes", pal.yes),
            ("N", "No", pal.no),
            ("A", "Abstain", pal.abstain),
            ("-", "Absent", pal.absent),
        )
        if not rec.recorded:
            banner = big.render("Adopted", True, theme.GOLD)
            surface.blit(banner, (x, y))
            for i, line in enumerate(
                ("without a vote:", "no member asked for", "a recorded vote.")
            ):
                surface.blit(small.render(line, True, theme.TEXT), (x, y + px(44) + i * px(22)))
            return
        for i, (code, word, colour) in enumerate(rows):
            draw_seat(surface, pal, (x + px(12), y + px(18) + i * px(44)), px(11), code)
            surface.blit(small.render(word, True, theme.TEXT), (x + px(32), y + px(8) + i * px(44)))
            num = big.render(str(counts[code]), True, colour if code != "-" else theme.SUBTLE)
            surface.blit(num, num.get_rect(topright=(x + px(220), y + i * px(44))))
        bar_y = y + px(190)
        bar = pygame.Rect(x, bar_y, px(360), px(18))
        pygame.draw.rect(surface, (42, 51, 66), bar, border_radius=4)
        body = self.app.session.scenario.body(rec.body)
        if body.procedure == "security_council":
            need = 9
            fill = bar.copy()
            fill.width = int(bar.width * min(1.0, counts["Y"] / len(self.chamber.seats)))
            pygame.draw.rect(surface, pal.yes, fill, border_radius=4)
            mark = bar.x + int(bar.width * need / len(self.chamber.seats))
            pygame.draw.line(
                surface,
                theme.GOLD,
                (mark, bar.y - px(6)),
                (mark, bar.bottom + px(6)),
                max(2, px(2)),
            )
            note = f"{counts['Y']} votes in favour; 9 needed"
        else:
            voting = counts["Y"] + counts["N"]
            if voting:
                yes_w = int(bar.width * counts["Y"] / voting)
                pygame.draw.rect(
                    surface, pal.yes, pygame.Rect(bar.x, bar.y, yes_w, bar.height), border_radius=4
                )
                pygame.draw.rect(
                    surface,
                    pal.no,
                    pygame.Rect(bar.x + yes_w, bar.y, bar.width - yes_w, bar.height),
                    border_radius=4,
                )
            mid = bar.centerx
            pygame.draw.line(
                surface, theme.GOLD, (mid, bar.y - px(6)), (mid, bar.bottom + px(6)), max(2, px(2))
            )
            note = "Yes against No among those present and voting"
        surface.blit(small.render(note, True, theme.SUBTLE), (x, bar.bottom + px(8)))
        py = bar.bottom + px(40)
        if done:
            if rec.vetoed_by:
                names = " and ".join(
                    short_name(self.app.session.scenario.member(m).name) for m in rec.vetoed_by
                )
                verdict, colour = "VETOED", theme.DANGER
                detail = f"by {names}, despite {rec.yes} votes in favour"
            else:
                verdict = "ADOPTED" if rec.adopted else "REJECTED"
                colour = pal.yes if rec.adopted else pal.no
                detail = f"{narrative.tally(rec)}, {rec.absent} absent"
            banner = theme.font(30 * ts, bold=True).render(verdict, True, colour)
            box = banner.get_rect(topleft=(x + px(10), py)).inflate(px(20), px(8))
            pygame.draw.rect(surface, colour, box, width=max(3, px(3)), border_radius=px(6))
            surface.blit(banner, (x + px(10), py))
            surface.blit(small.render(detail, True, theme.TEXT), (x, box.bottom + px(8)))
            py = box.bottom + px(40)
        if body.permanent:
            surface.blit(
                small.render("Permanent members (a No on substance is a veto)", True, theme.TEXT),
                (x, py),
            )
            for i, member in enumerate(body.permanent):
                ballot = shown.get(member, "")
                ring = theme.DANGER if done and member in rec.vetoed_by else theme.GOLD
                cy = py + px(34) + i * px(26)
                draw_seat(surface, pal, (x + px(12), cy), px(9), ballot, ring)
                name = short_name(self.app.session.scenario.member(member).name)
                word = narrative.VOTE_WORDS.get(ballot, "") if ballot else ""
                surface.blit(
                    small.render(f"{name}  {word}", True, theme.TEXT), (x + px(30), cy - px(10))
                )

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if self.hover is None:
            return
        sc = self.app.session.scenario
        rec = self.record
        seat = self.chamber.index[self.hover]
        name = sc.member(self.hover).name
        shown = self.shown_ballots().get(self.hover, "")
        if not rec.recorded:
            text = f"<b>{name}</b><br>joined the consensus"
        elif not shown:
            text = f"<b>{name}</b><br>has not voted yet"
        else:
            word = narrative.VOTE_WORDS[shown]
            text = f"<b>{name}: {word}</b><br>{rec.reason(seat)}<br>{sc.group(sc.member(self.hover).group).name}"
        draw_tooltip(surface, text, pygame.mouse.get_pos(), self.s * self.app.settings.text_scale)
