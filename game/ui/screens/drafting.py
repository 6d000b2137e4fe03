"""Drafting (clause cards with a live forecast) and lobbying (see a target's vote before you spend)."""

from __future__ import annotations

import html

import pygame

from game import narrative
from game.sim import events as ev
from game.sim.actions import ReviseDraft, TableDraft, UseLever
from game.sim.conditions import describe
from game.sim.forecast import forecast, hypothetical_draft
from game.sim.rules import clause_problem
from game.ui import theme
from game.ui.screens.base import Screen, fit
from game.ui.widgets.chamber import Chamber
from game.ui.widgets.tooltip import draw_tooltip

SAMPLES = 1000
CODE = {"yes": "Y", "no": "N", "abstain": "A", "absent": "-"}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


class ForecastView:
    """A small chamber coloured by each member's most likely vote, with the numbers beside it."""

    def __init__(self, screen, rect: pygame.Rect) -> None:
        self.screen = screen
        self.rect = rect
        self.f = None
        self.chamber = None
        self.hover = None

    def set(self, body: str, f) -> None:
        sc, st = self.screen.app.session.scenario, self.screen.app.session.state
        self.f = f
        if self.chamber is None or self.chamber.body.id != body:
            year = sc.calendar[st.turn].year
            area = pygame.Rect(
                self.rect.x, self.rect.y, self.rect.width, int(self.rect.height * 0.55)
            )
            self.chamber = Chamber(sc, body, year, area)

    def draw(self, surface: pygame.Surface) -> None:
        if self.f is None:
            return
        scr = self.screen
        pal = theme.palette(scr.app.settings.colour_blind)
        ballots = {m.member: CODE[m.likely] for m in self.f.members}
        self.chamber.draw(surface, pal, ballots, self.hover, self.f.vetoes)
        ts = scr.s * scr.app.settings.text_scale
        big, small = theme.font(17 * ts, bold=True), theme.font(13 * ts)
        f = self.f
        y = self.chamber.rect.bottom + scr.px(14)
        x = self.rect.x
        if f.recorded:
            line = f"Yes {f.yes.mean:.0f} ({f.yes.p05:.0f}-{f.yes.p95:.0f})   No {f.no.mean:.0f}   Abstain {f.abstain.mean:.0f}"
            verdict = f"Adopted in {f.p_adopted:.0%} of {f.samples} simulated votes"
        else:
            line = "No member is expected to call a vote"
            verdict = "It would be adopted without a vote"
        surface.blit(big.render(line, True, theme.TEXT), (x, y))
        surface.blit(small.render(verdict, True, theme.GOLD), (x, y + scr.px(28)))
        y += scr.px(52)
        notes = []
        for m in f.motions:
            notes.append(f"Before it: {m.title} - adopted in {m.p_adopted:.0%}")
        if f.vetoes:
            notes.append(
                "Veto expected from "
                + ", ".join(scr.app.session.scenario.member(v).name for v in f.vetoes)
            )
        if f.spread > 1.01:
            notes.append(f"Uncertainty x{f.spread:.1f}: more intelligence narrows it")
        if f.revealed:
            notes.append("Your intelligence shows the opposition's coming moves")
        for note in notes:
            surface.blit(small.render(note, True, theme.SUBTLE), (x, y))
            y += scr.px(20)

    def hit(self, pos) -> None:
        seat = self.chamber.seat_at(pos) if self.chamber else None
        self.hover = seat.member if seat else None

    def tooltip(self, surface: pygame.Surface) -> None:
        if self.hover is None or self.f is None:
            return
        sc = self.screen.app.session.scenario
        m = self.f.member(self.hover)
        text = (
            f"<b>{sc.member(self.hover).name}</b><br>Yes {m.p_yes:.0%} - No {m.p_no:.0%} - Abstain {m.p_abstain:.0%}"
            f" - absent {m.p_absent:.0%}<br>{m.reason}"
        )
        draw_tooltip(
            surface,
            text,
            pygame.mouse.get_pos(),
            self.screen.s * self.screen.app.settings.text_scale,
        )


class DraftingScreen(Screen):
    name = "drafting"

    def __init__(self, app, body: str, chosen: tuple[str, ...] | None = None) -> None:
        super().__init__(app)
        session = app.session
        self.body = body
        existing = session.state.draft_in(body, session.scenario.player)
        self.existing = existing
        self.chosen = list(chosen if chosen is not None else (existing.clauses if existing else ()))

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc, st = self.app.session.scenario, self.app.session.state
        body = sc.body(self.body)
        rule = sc.drafting_rule(self.body)
        self.label(
            (px(40), px(14), w - px(80), px(40)),
            f"Drafting for the {body.name}",
            object_id="@heading",
        )
        cost = rule.revise_cost if self.existing else rule.cost
        self.label(
            (px(40), px(50), w - px(80), px(24)),
            f"Each clause makes the text stronger (accountability) or softer (votes). Cost {cost:g}."
            + (
                f" Co-sponsors: {', '.join(sc.actor_name(c) for c in self.existing.cosponsors)}."
                if self.existing and self.existing.cosponsors
                else ""
            ),
            object_id="@subtle",
        )
        clauses = [c for c in sc.clauses if not c.bodies or self.body in c.bodies]
        left_w = int((w - px(120)) * 0.52)
        col_w = (left_w - px(8)) // 2
        for i, clause in enumerate(clauses):
            col, row = i % 2, i // 2
            rect = (px(40) + col * (col_w + px(8)), px(84) + row * px(50), col_w, px(44))
            problem = clause_problem(sc, st, self.body, (clause.id,))
            picked = clause.id in self.chosen
            tip = (
                f"<b>{esc(clause.name)}</b> (strength {clause.strength:+g})<br><i>{esc(clause.text)}</i><br><br>"
                f"{esc(narrative.clause_reactions(sc, clause).capitalize())}"
            )
            if clause.requires is not None:
                tip += f"<br>Needs {esc(describe(sc, clause.requires))}."
            label = fit(
                ("[x] " if picked else "[ ] ") + f"{clause.strength:+g} | {clause.name}",
                col_w - px(20),
                14 * self.s * self.app.settings.text_scale,
            )
            self.button(
                rect,
                label,
                lambda c=clause.id: self.toggle(c),
                tooltip=tip,
                object_id="@selected" if picked else "@lever",
                blocked=problem if not picked else None,
            )
        action = self.action()
        blocked = self.app.session.why_not(action) if action else "Choose at least one clause."
        verb = "Revise the text" if self.existing else "Table the text"
        self.button(
            (px(40), h - px(84), left_w // 2, px(48)),
            f"{verb} (cost {cost:g})",
            self.table,
            shortcut=pygame.K_t,
            object_id="@primary",
            blocked=blocked,
        )
        self.button((px(40) + left_w // 2 + px(12), h - px(84), px(160), px(48)), "Back", self.back)
        self.view = ForecastView(
            self, pygame.Rect(px(80) + left_w, px(92), w - left_w - px(120), h - px(200))
        )
        if self.chosen:
            draft = hypothetical_draft(sc, st, self.body, tuple(self.chosen))
            self.view.set(self.body, forecast(sc, st, draft, SAMPLES))

    def action(self):
        if not self.chosen:
            return None
        cls = ReviseDraft if self.existing else TableDraft
        return cls(self.body, tuple(self.chosen))

    def toggle(self, clause: str) -> None:
        if clause in self.chosen:
            self.chosen.remove(clause)
        else:
            self.chosen.append(clause)
        focus = self.focus
        self.leave()
        self.enter()
        self.focus = focus

    def table(self) -> None:
        events = self.app.session.act(self.action())
        if len(events) == 1 and isinstance(events[0], ev.Refused):
            self.status = events[0].reason
            return
        from game.ui.screens.turn import after_action

        after_action(self.app, events)

    def back(self) -> None:
        from game.ui.screens.turn import TurnScreen

        self.app.show(TurnScreen(self.app))

    def handle(self, event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            self.view.hit(event.pos)
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        if self.view.f is None:
            f = theme.font(15 * self.s * self.app.settings.text_scale)
            surface.blit(
                f.render("Choose clauses to see the forecast.", True, theme.SUBTLE),
                self.view.rect.topleft,
            )
        else:
            self.view.draw(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        self.view.tooltip(surface)


class LobbyingScreen(Screen):
    """Pick a regional group, a bloc or a state; see how it is likely to vote, and why, before paying."""

    name = "lobbying"

    def __init__(self, app, target: str | None = None) -> None:
        super().__init__(app)
        self.target = target

    def drafts(self):
        sc, st = self.app.session.scenario, self.app.session.state
        return [d for d in st.drafts if not d.outcome and d.body in sc.calendar[st.turn].sessions]

    def lever_for(self, kind: str):
        sc = self.app.session.scenario
        fits = {
            "member": ("member",),
            "group": ("group", "group_or_bloc"),
            "bloc": ("bloc", "group_or_bloc"),
        }[kind]
        return next((lv for lv in sc.levers if lv.target in fits), None)

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc, st = self.app.session.scenario, self.app.session.state
        self.label((px(40), px(14), w - px(80), px(40)), "Lobbying", object_id="@heading")
        drafts = self.drafts()
        self.forecasts = {d.uid: forecast(sc, st, d, SAMPLES) for d in drafts}
        lead = drafts[0] if drafts else None
        self.label(
            (px(40), px(50), w - px(80), px(24)),
            f"Predicted votes on: {lead.title} ({sc.body(lead.body).short})"
            if lead
            else "No text is tabled in a body sitting this turn: lobbying now only prepares the ground.",
            object_id="@subtle",
        )
        x, y = px(40), px(84)
        col_w = px(250)
        self.label((x, y, col_w, px(26)), "Regional groups", object_id="@small")
        y += px(28)
        for g in sc.groups:
            self.button(
                (x, y, col_w, px(34)),
                g.name[:34],
                lambda t=f"group:{g.id}": self.pick(t),
                object_id=self.style(f"group:{g.id}"),
            )
            y += px(38)
        y += px(8)
        self.label((x, y, col_w, px(26)), "Blocs", object_id="@small")
        y += px(28)
        for b in sc.blocs:
            if y > h - px(140):
                break
            self.button(
                (x, y, col_w, px(30)),
                b.name[:34],
                lambda t=f"bloc:{b.id}": self.pick(t),
                object_id=self.style(f"bloc:{b.id}"),
            )
            y += px(34)
        # Swing states for the lead text: the least settled votes.
        x2, y2 = x + col_w + px(16), px(84)
        self.label((x2, y2, col_w, px(26)), "Swing states", object_id="@small")
        y2 += px(28)
        if lead:
            f = self.forecasts[lead.uid]
            swing = sorted(f.members, key=lambda m: max(m.p_yes, m.p_no, m.p_abstain))[:14]
            for m in swing:
                self.button(
                    (x2, y2, col_w, px(32)),
                    sc.member(m.member).name[:30],
                    lambda t=f"member:{m.member}": self.pick(t),
                    object_id=self.style(f"member:{m.member}"),
                )
                y2 += px(36)
        # The detail of the chosen target, and the button that spends.
        x3 = x2 + col_w + px(16)
        width = w - x3 - px(40)
        self.detail = (x3, px(84), width)
        if self.target:
            kind = self.target.partition(":")[0]
            lever = self.lever_for(kind)
            if lever is None:
                blocked, text = "This scenario has no lever for that.", "Lobby"
            else:
                action = UseLever(lever.id, self.target)
                blocked = self.app.session.why_not(action)
                text = f"{lever.name} (cost {lever.cost:g})"
            self.text_box((x3, px(84), width, h - px(200)), self.describe_target())
            self.button(
                (x3, h - px(96), width, px(48)),
                text,
                self.lobby,
                default=True,
                object_id="@primary",
                blocked=blocked,
                tooltip=esc(lever.hint) if lever and lever.hint else None,
            )
        else:
            self.text_box(
                (x3, px(84), width, h - px(200)),
                "Choose a group, a bloc or a state to see how it is likely to vote.",
            )
        self.button((px(40), h - px(56), px(160), px(44)), "Back", self.back)

    def style(self, target: str) -> str:
        return "@primary" if target == self.target else "@lever"

    def members_of(self, target: str) -> list[str]:
        sc = self.app.session.scenario
        kind, _, ref = target.partition(":")
        if kind == "member":
            return [ref]
        if kind == "group":
            return [m.id for m in sc.members if m.group == ref]
        return [m.id for m in sc.members if ref in m.blocs]

    def describe_target(self) -> str:
        sc = self.app.session.scenario
        members = self.members_of(self.target)
        kind, _, ref = self.target.partition(":")
        name = {
            "member": lambda: sc.member(ref).name,
            "group": lambda: sc.group(ref).name,
            "bloc": lambda: sc.bloc(ref).name,
        }[kind]()
        lines = [
            f"<b>{esc(name)}</b> - {len(members)} member state{'s' if len(members) != 1 else ''}"
        ]
        for d in self.drafts():
            f = self.forecasts[d.uid]
            votes = [f.member(m) for m in members if f.member(m) is not None]
            if not votes:
                lines.append(
                    f"<br><i>{esc(sc.body(d.body).short)}</i>: none of them sits there this year."
                )
                continue
            tally = {
                k: sum(1 for v in votes if v.likely == k)
                for k in ("yes", "no", "abstain", "absent")
            }
            lines.append(
                f"<br><b>{esc(sc.body(d.body).short)}</b>: likely Yes {tally['yes']}, No {tally['no']}, "
                f"Abstain {tally['abstain']}, absent {tally['absent']}"
            )
            for v in sorted(votes, key=lambda v: v.p_yes)[:24]:
                lines.append(
                    f"&nbsp;&nbsp;{esc(sc.member(v.member).name)}: {v.likely} ({v.p_yes:.0%} Yes) - {esc(v.reason)}"
                )
        ties = {}
        for m in members:
            for actor, value in sc.member(m).affinity:
                ties.setdefault(actor, []).append(value)
        if ties:
            lines.append(
                "<br>Ties (how far lobbying moves them): "
                + ", ".join(
                    f"{esc(sc.actor_name(a))} {sum(v) / len(v):.1f}"
                    for a, v in sorted(ties.items())
                )
            )
        return "<br>".join(lines)

    def pick(self, target: str) -> None:
        self.target = target
        self.leave()
        self.enter()

    def lobby(self) -> None:
        lever = self.lever_for(self.target.partition(":")[0])
        events = self.app.session.act(UseLever(lever.id, self.target))
        if len(events) == 1 and isinstance(events[0], ev.Refused):
            self.status = events[0].reason
            return
        self.status = f"Done: {lever.name}. The forecast now includes it."
        self.leave()
        self.enter()

    def back(self) -> None:
        from game.ui.screens.turn import TurnScreen

        self.app.show(TurnScreen(self.app))
