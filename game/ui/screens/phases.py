"""The screens between the turn's phases: the opposition's moves, choices, the turn's summary, the menu."""

from __future__ import annotations

import html

import pygame

from game import narrative
from game.sim import events as ev
from game.sim.actions import Choose, EndPhase
from game.sim.forecast import forecast
from game.ui.screens.base import Screen


def esc(text: str) -> str:
    return html.escape(text, quote=False)


class OppositionScreen(Screen):
    """What China, Russia, Cuba and the DPRK did this phase, and what intelligence says comes next."""

    name = "opposition"

    def __init__(self, app, events: tuple, on_done) -> None:
        super().__init__(app)
        self.events = events
        self.on_done = on_done

    def report(self) -> str:
        sc, st = self.app.session.scenario, self.app.session.state
        by_actor: dict[str, list[str]] = {}
        for e in self.events:
            line = None
            if isinstance(e, ev.ScriptFired) and e.description:
                by_actor.setdefault(e.actor, []).append(esc(e.description))
            elif isinstance(e, ev.AmendmentTabled):
                line = f"Amendment: {esc(e.title)} (deletes {esc(', '.join(sc.clause(c).name for c in e.deletes))})"
                by_actor.setdefault(e.by, []).append(line)
            elif isinstance(e, ev.NoActionTabled):
                by_actor.setdefault(e.by, []).append(esc(e.title))
        parts = []
        for actor, lines in by_actor.items():
            parts.append(
                f"<b>{esc(sc.actor_name(actor))}</b><br>"
                + "<br>".join(f"- {x}" for x in dict.fromkeys(lines))
            )
        if not parts:
            parts.append("The other side made no move you could see this time.")
        # Intelligence: what the coming votes look like now, and whether the chamber will be asked to vote.
        vm = sc.vote_model
        intel = st.meter(sc, vm.intelligence_meter) if vm.intelligence_meter else None
        outlook = []
        for d in st.drafts:
            if d.outcome or d.body not in sc.calendar[st.turn].sessions:
                continue
            f = forecast(sc, st, d, 1000)
            what = (
                "a recorded vote is expected" if f.recorded else "no one is expected to call a vote"
            )
            line = (
                f"{esc(sc.body(d.body).short)}: {esc(d.title)} - {what}; Yes {f.yes.mean:.0f} ({f.yes.p05:.0f}-{f.yes.p95:.0f}),"
                f" No {f.no.mean:.0f}, Abstain {f.abstain.mean:.0f}; adopted in {f.p_adopted:.0%} of forecasts"
            )
            for m in f.motions:
                line += f"<br>&nbsp;&nbsp;before it: {esc(m.title)} - adopted in {m.p_adopted:.0%}"
            if f.vetoes:
                line += f"<br>&nbsp;&nbsp;<b>veto expected</b> from {esc(', '.join(sc.member(v).name for v in f.vetoes))}"
            outlook.append(line)
        if outlook:
            head = "<b>The votes ahead</b>"
            if intel is not None:
                head += (
                    f" <i>(intelligence {intel:.0f}: the lower it is, the wider the real range)</i>"
                )
            parts.append(head + "<br>" + "<br>".join(outlook))
        return "<br><br>".join(parts)

    def build(self) -> None:
        w, h = self.size
        px = self.px
        self.label((px(40), px(24), w, px(40)), "The opposition moves", object_id="@heading")
        self.text_box((px(40), px(76), w - px(80), h - px(180)), self.report())
        self.button(
            (w - px(300), h - px(84), px(260), px(48)),
            "Continue",
            self.on_done,
            default=True,
            object_id="@primary",
        )

    def back(self) -> None:
        self.on_done()


class EventScreen(Screen):
    """A choice the game is waiting for: its text, its options and what each will do."""

    name = "event"

    def build(self) -> None:
        w, h = self.size
        px = self.px
        session = self.app.session
        sc = session.scenario
        pending = session.state.pending[0]
        spec = pending.spec
        box_w = min(w - px(80), px(900))
        x = (w - box_w) // 2
        source = sc.cache["events"].get(pending.source)
        head = (
            f"<b>{esc(source.title)}</b><br>{esc(source.text.strip())}<br><br>"
            if source is not None
            else ""
        )
        self.label((x, px(30), box_w, px(40)), spec.title, object_id="@heading")
        self.text_box((x, px(76), box_w, px(210)), head + esc(spec.text))
        y = px(300)
        keys = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5]
        for i, option in enumerate(spec.options):
            blocked = session.why_not(Choose(spec.id, option.id))
            self.button(
                (x, y, box_w, px(44)),
                option.label,
                lambda o=option.id: self.choose(o),
                shortcut=keys[i] if i < len(keys) else None,
                tooltip=esc(option.text) if option.text else None,
                object_id="@lever",
                blocked=blocked,
            )
            y += px(48)
            if option.text:
                self.label(
                    (x + px(12), y - px(2), box_w, px(24)), option.text[:140], object_id="@subtle"
                )
                y += px(26)

    def choose(self, option: str) -> None:
        from game.ui.screens.turn import after_action

        spec = self.app.session.state.pending[0].spec
        events = self.app.session.act(Choose(spec.id, option))
        after_action(self.app, events)

    def back(self) -> None:
        self.status = "Choose one of the options (1, 2, ...): the game waits for your answer."


class SummaryScreen(Screen):
    """The turn's consequences: every meter change traced to its cause, milestones, votes."""

    name = "summary"

    def text(self) -> str:
        sc, st = self.app.session.scenario, self.app.session.state
        parts = []
        reached = [sc.milestone(m).name for m, t in st.milestones if t == st.turn]
        if reached:
            parts.append(
                "<b>Milestones reached</b><br>" + "<br>".join(f"- {esc(n)}" for n in reached)
            )
        votes = [v for v in st.votes if v.turn == st.turn]
        if votes:
            parts.append(
                "<b>Votes</b><br>"
                + "<br>".join(f"- {esc(narrative.vote_line(sc, v))}" for v in votes)
            )
        changes = narrative.turn_changes(sc, st, st.turn)
        if changes:
            lines = []
            for meter, before, after, causes in changes:
                lines.append(
                    f"<b>{esc(sc.meter(meter).name)}</b>: {narrative.meter_text(sc, meter, before)} -> "
                    f"{narrative.meter_text(sc, meter, after)}"
                )
                lines += [f"&nbsp;&nbsp;{delta:+.0f} {esc(cause)}" for delta, cause in causes]
            parts.append("<b>What changed, and why</b><br>" + "<br>".join(lines))
        return "<br><br>".join(parts) or "A quiet turn: nothing changed."

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc, st = self.app.session.scenario, self.app.session.state
        self.label(
            (px(40), px(24), w, px(40)),
            f"End of turn: {sc.calendar[st.turn].label}",
            object_id="@heading",
        )
        self.text_box((px(40), px(76), w - px(80), h - px(180)), self.text())
        last = st.turn + 1 >= len(sc.calendar)
        self.button(
            (w - px(300), h - px(84), px(260), px(48)),
            "See the result" if last else "Next turn",
            self.next_turn,
            default=True,
            object_id="@primary",
        )
        self.button((px(40), h - px(84), px(160), px(48)), "Menu", self.back)

    def next_turn(self) -> None:
        from game.ui.screens.turn import after_action

        events = self.app.session.act(EndPhase())
        after_action(self.app, events)

    def back(self) -> None:
        self.app.show(GameMenuScreen(self.app, back=SummaryScreen))


class GameMenuScreen(Screen):
    """Esc in a game: resume, save, load, settings, glossary, quit to the title."""

    name = "menu"

    def __init__(self, app, back=None) -> None:
        super().__init__(app)
        self.back_to = back
        self.message = ""

    def build(self) -> None:
        w, h = self.size
        px = self.px
        from game.ui.screens.menus import GlossaryScreen, LoadScreen, SettingsScreen

        self.label((0, px(60), w, px(40)), "Menu", object_id="@heading")
        bw, bh = px(320), px(44)
        x, y = (w - bw) // 2, px(130)
        back = lambda: GameMenuScreen(self.app, self.back_to)  # noqa: E731 - where sub-screens return
        entries = [
            ("Resume", self.back, pygame.K_r),
            ("Save the game", self.save, pygame.K_s),
            (
                "Load a game",
                lambda: self.app.show(LoadScreen(self.app, back=lambda app: back())),
                pygame.K_l,
            ),
            (
                "Settings",
                lambda: self.app.show(SettingsScreen(self.app, back=lambda app: back())),
                pygame.K_o,
            ),
            (
                "Glossary",
                lambda: self.app.show(GlossaryScreen(self.app, back=lambda app: back())),
                pygame.K_g,
            ),
            ("Quit to the title screen", self.to_title, pygame.K_q),
        ]
        for i, (text, action, key) in enumerate(entries):
            self.button(
                (x, y + i * (bh + px(10)), bw, bh),
                text,
                action,
                shortcut=key,
                object_id="@primary" if i == 0 else None,
            )
        if self.message:
            self.text_box(
                (x - px(100), y + 6 * (bh + px(10)) + px(10), bw + px(200), px(70)),
                esc(self.message),
            )

    def save(self) -> None:
        session = self.app.session
        name = f"{session.scenario.id}-{session.scenario.calendar[session.state.turn].date}-{session.state.phase}"
        try:
            path = session.save(name)
            self.message = f"Saved to {path}"
        except OSError as exc:
            self.message = f"Could not save: {exc}"
        self.leave()
        self.enter()

    def to_title(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.app.session.autosave()
        self.app.session = None
        self.app.show(TitleScreen(self.app))

    def back(self) -> None:
        if self.back_to is not None:
            self.app.show(self.back_to(self.app))
            return
        from game.ui.screens.turn import route

        route(self.app, (), resumed=True)
