"""What every screen shares: its widgets, keyboard focus and shortcuts, and the hooks the app calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
import pygame_gui

from game.ui import theme

KEY_NAMES = {pygame.K_RETURN: "Enter", pygame.K_ESCAPE: "Esc", pygame.K_SPACE: "Space"}


def key_name(key: int) -> str:
    return KEY_NAMES.get(key) or pygame.key.name(key).upper()


def fit(text: str, width: int, size: float) -> str:
    """`text`, cut with an ellipsis to fit `width` pixels in the widgets' font (Noto Sans, `size` px)."""
    f = theme.font(size)
    if f.size(text)[0] <= width:
        return text
    while text and f.size(text + "...")[0] > width:
        text = text[:-1]
    return text.rstrip() + "..."


@dataclass
class Control:
    """A button the keyboard can reach: Tab moves focus, Enter presses, its shortcut presses too."""

    element: pygame_gui.elements.UIButton
    action: Callable[[], None]
    shortcut: int | None = None
    blocked: str | None = None  # why pressing it does nothing now (shown when pressed)


class Screen:
    """A screen builds its widgets for the window's size, turns input into actions or into the
    next screen, and draws; it never decides anything about the game itself."""

    name = "screen"
    title = ""

    def __init__(self, app) -> None:
        self.app = app
        self.elements: list = []
        self.controls: list[Control] = []  # in keyboard focus order
        self.hidden: list[Control] = []  # pressable by mouse or shortcut, skipped by Tab
        self.focus = 0
        self.built_once = False
        self.status = ""  # one line of feedback at the bottom (a refused action, a saved game)

    # -- life cycle ------------------------------------------------------------------------
    def enter(self) -> None:
        self.elements, self.controls, self.hidden = [], [], []
        self.build()
        self.built_once = True  # after the first build, a rebuild keeps the player's focus
        self.focus = min(self.focus, max(0, len(self.controls) - 1))

    def leave(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements, self.controls, self.hidden = [], [], []

    def build(self) -> None:
        """Create the widgets for the current window size (called again after a resize)."""

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while something still moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Custom drawing beneath the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Custom drawing above the widgets: the keyboard focus, hover details."""
        self.draw_focus(surface)
        session = self.app.session
        if self.status:
            self.draw_status(surface)
        elif session is not None and session.autosave_error:
            self.draw_status(surface, session.autosave_error)

    # -- helpers for building -------------------------------------------------------------
    @property
    def manager(self) -> pygame_gui.UIManager:
        return self.app.manager

    @property
    def size(self) -> tuple[int, int]:
        return self.app.size

    @property
    def s(self) -> float:
        """Layout scale: multiply every size in 1280x720 pixels by it."""
        return self.app.scale

    def px(self, value: float) -> int:
        return round(value * self.s)

    def keep(self, element):
        self.elements.append(element)
        return element

    def label(self, rect, text: str, object_id: str | None = None, container=None):
        return self.keep(
            pygame_gui.elements.UILabel(
                pygame.Rect(rect), text, self.manager, container=container, object_id=object_id
            )
        )

    def text_box(self, rect, html: str, object_id: str | None = None, container=None):
        return self.keep(
            pygame_gui.elements.UITextBox(
                html, pygame.Rect(rect), self.manager, container=container, object_id=object_id
            )
        )

    def button(
        self,
        rect,
        text: str,
        action: Callable[[], None],
        shortcut: int | None = None,
        tooltip: str | None = None,
        object_id: str | None = None,
        blocked: str | None = None,
        container=None,
        focusable: bool = True,
        default: bool = False,
    ):
        """A button; `blocked` greys it and makes pressing it explain why (hover shows it too).
        The `default` button has the keyboard focus when the screen opens: Enter presses it."""
        if shortcut is not None:
            text = f"{text}  [{key_name(shortcut)}]"
        elif default:
            text = f"{text}  [Enter]"
        if default and focusable and not self.built_once:
            self.focus = len(self.controls)
        tip = tooltip
        if blocked:
            tip = (
                f"{tooltip}<br><br><b>Not now:</b> {blocked}"
                if tooltip
                else f"<b>Not now:</b> {blocked}"
            )
            object_id = "@blocked"
        element = self.keep(
            pygame_gui.elements.UIButton(
                pygame.Rect(rect),
                text,
                self.manager,
                container=container,
                tool_tip_text=tip,
                object_id=object_id,
            )
        )
        (self.controls if focusable else self.hidden).append(
            Control(element, action, shortcut, blocked)
        )
        return element

    # -- input ----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """True if the event was used."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for control in self.controls + self.hidden:
                if control.element is event.ui_element:
                    self.press(control)
                    return True
        if event.type == pygame.KEYDOWN:
            return self.key(event)
        return False

    def key(self, event: pygame.event.Event) -> bool:
        k, mods = event.key, event.mod
        if k == pygame.K_TAB or k in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_UP, pygame.K_LEFT):
            if self.controls:
                back = (k == pygame.K_TAB and mods & pygame.KMOD_SHIFT) or k in (
                    pygame.K_UP,
                    pygame.K_LEFT,
                )
                self.focus = (self.focus + (-1 if back else 1)) % len(self.controls)
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if self.controls:
                self.press(self.controls[self.focus % len(self.controls)])
            return True
        if k == pygame.K_ESCAPE:
            self.back()
            return True
        for control in self.controls + self.hidden:
            if control.shortcut == k and not (mods & (pygame.KMOD_CTRL | pygame.KMOD_ALT)):
                self.press(control)
                return True
        return False

    def press(self, control: Control) -> None:
        if control.blocked:
            self.status = f"Not now: {control.blocked}"
            return
        self.status = ""
        self.app.sound.play("click")
        control.action()

    def back(self) -> None:
        """Esc: leave this screen (each screen says where to)."""

    # -- drawing helpers ----------------------------------------------------------------------
    def draw_focus(self, surface: pygame.Surface) -> None:
        if not self.controls or not self.app.show_focus:
            return
        element = self.controls[self.focus % len(self.controls)].element
        if not element.alive() or not element.visible:
            return
        rect = element.get_abs_rect().inflate(self.px(6), self.px(6))
        pygame.draw.rect(
            surface, theme.FOCUS, rect, width=max(2, self.px(2)), border_radius=self.px(6)
        )

    def draw_status(self, surface: pygame.Surface, message: str | None = None) -> None:
        f = theme.font(14 * self.s * self.app.settings.text_scale)
        text = f.render(message or self.status, True, theme.FOCUS)
        w, h = self.size
        box = pygame.Rect(0, 0, text.get_width() + self.px(24), text.get_height() + self.px(10))
        box.midbottom = (w // 2, h - self.px(8))
        pygame.draw.rect(surface, (10, 13, 19), box, border_radius=self.px(6))
        pygame.draw.rect(surface, theme.FOCUS, box, width=1, border_radius=self.px(6))
        surface.blit(text, text.get_rect(center=box.center))
