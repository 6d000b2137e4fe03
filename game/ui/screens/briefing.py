"""The briefing: the scenario's context, objectives, and what its model assumes."""

from __future__ import annotations

import html

from game.ui.screens.base import Screen


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def paragraphs(text: str) -> str:
    """YAML block text to HTML: lines join into paragraphs; '- ' items and blank lines break them."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            out.append("")
        elif line.startswith("- ") or not out or not out[-1]:
            out.append(esc(line))
        else:
            out[-1] += " " + esc(line)
    return "<br>".join(out)


class BriefingScreen(Screen):
    name = "briefing"

    def build(self) -> None:
        w, h = self.size
        px = self.px
        sc = self.app.session.scenario
        st = self.app.session.state
        self.label((px(40), px(20), w - px(80), px(44)), sc.title, object_id="@heading")
        self.label(
            (px(40), px(58), w - px(80), px(26)),
            f"{sc.period} - {len(sc.calendar)} turns - seed {st.seed} (the same seed gives every team the same world)",
            object_id="@subtle",
        )
        half = (w - px(100)) // 2
        objectives = "<br>".join(f"- {esc(o)}" for o in sc.objectives)
        left = f"<b>The situation</b><br>{esc(sc.context)}<br><br><b>Your objectives</b><br>{objectives}"
        assumptions = paragraphs(sc.assumptions)
        self.text_box((px(40), px(92), half, h - px(190)), left)
        self.text_box(
            (px(60) + half, px(92), half, h - px(190)),
            f"<b>What the model assumes</b><br>{assumptions}",
        )
        self.button(
            (w - px(300), h - px(84), px(260), px(48)),
            "Begin",
            self.begin,
            default=True,
            object_id="@primary",
        )
        self.button((px(40), h - px(84), px(160), px(48)), "Back", self.back)

    def begin(self) -> None:
        from game.ui.screens.turn import route

        route(self.app, (), resumed=True)

    def back(self) -> None:
        from game.ui.screens.title import TitleScreen

        self.app.show(TitleScreen(self.app))
