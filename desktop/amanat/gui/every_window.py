"""Lock and Quit from every window, and nothing but the unlock screen after a lock.

A window shortcut of the main window works only while the main window is the active one,
and an application shortcut does not fire while a modal dialog shadows its window. So the
Lock and Quit actions are added to each window as it becomes active (the timeline, the
annotation list, every dialog and message box, Qt's file dialog): Qt's own shortcut
matching then finds them there.

A Persian keyboard layout types «م» on the key that has L. Qt finds the Latin letter of that
key only when a Latin layout is installed beside the Persian one; for a computer with the
Persian layout alone, the key's position is read (``latin_letter_of``), so Ctrl+L is the same
key whatever the layout.

At the lock, each owner first closes its own windows in order (saving what was typed where
that is safe); ``close_other_windows`` then closes whatever is still open, such as a
message box waiting for an answer in a nested event loop.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QMenu,
    QMenuBar,
    QToolBar,
    QToolTip,
    QWidget,
)

_WINDOW_TYPES = frozenset(
    {Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Tool}
)
"""Kinds of top-level widget a person reads and types in (popups and tooltips are not)."""

_NOT_A_WINDOW = (QMenu, QMenuBar, QToolBar, QDockWidget)
"""Widgets that would show the actions as items or buttons of their own if given them."""


_LETTERS = "QWERTYUIOPASDFGHJKLZXCVBNM"
_LINUX_KEYCODES = dict(
    zip(
        (*range(24, 34), *range(38, 47), *range(52, 59)),
        _LETTERS,
        strict=True,
    )
)
"""X11 and Wayland key codes (evdev's, plus 8) of the letter keys, by their place on a
QWERTY keyboard."""
_MAC_KEYCODES = dict(
    zip(
        (
            *(12, 13, 14, 15, 17, 16, 32, 34, 31, 35),  # Q to P
            *(0, 1, 2, 3, 5, 4, 38, 40, 37),  # A to L
            *(6, 7, 8, 9, 11, 45, 46),  # Z to M
        ),
        _LETTERS,
        strict=True,
    )
)
"""macOS virtual key codes (kVK_ANSI_…) of the same keys."""


def latin_letter_of(event: QKeyEvent, platform: str = sys.platform) -> Qt.Key | None:
    """The Latin letter on the key pressed, whatever the layout typed (None if unknown)."""
    letter: str | None
    if platform.startswith("win"):
        code = event.nativeVirtualKey()  # VK_A… are the letters' codes, in any layout
        letter = chr(code) if ord("A") <= code <= ord("Z") else None
    elif platform.startswith("darwin"):
        letter = _MAC_KEYCODES.get(event.nativeVirtualKey())
    else:
        letter = _LINUX_KEYCODES.get(event.nativeScanCode())
    return Qt.Key(ord(letter)) if letter else None


def _takes_actions(widget: QWidget) -> bool:
    return (
        widget.isWindow()
        and widget.windowType() in _WINDOW_TYPES
        and not isinstance(widget, _NOT_A_WINDOW)
    )


class WindowKeys(QObject):
    """Gives ``actions`` (Lock, Quit) to every window of the application as it becomes the
    active one, so their shortcuts work wherever the user is."""

    def __init__(self, actions: Sequence[QAction], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions = tuple(actions)
        self._swallow: QKeyCombination | None = None
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.focusWindowChanged.connect(self._window_activated)
        application.installEventFilter(self)

    def _window_activated(self, window: QWindow | None) -> None:
        widget = QApplication.activeWindow()
        if widget is not None:
            self.equip(widget)

    def equip(self, widget: QWidget) -> None:
        """Give the actions to ``widget``'s window (done by itself on activation)."""
        window = widget.window()
        if not _takes_actions(window):
            return
        present = set(window.actions())
        window.addActions([action for action in self._actions if action not in present])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is QEvent.Type.KeyPress and self._swallow is not None:
            # The key press that follows a shortcut taken here must not type its letter
            # into whatever has the focus after the lock (the password field).
            assert isinstance(event, QKeyEvent)
            swallow, self._swallow = self._swallow, None
            return event.keyCombination() == swallow
        if kind is not QEvent.Type.ShortcutOverride:
            return False
        assert isinstance(event, QKeyEvent)
        # Only keys that typed a letter of another script: Latin ones are Qt's to match.
        if not 0x80 <= event.key() < 0x0100_0000:
            return False
        letter = latin_letter_of(event)
        if letter is None:
            return False
        pressed = QKeySequence(QKeyCombination(event.modifiers(), letter))
        for action in self._actions:
            if action.isEnabled() and pressed in action.shortcuts():
                self._swallow = event.keyCombination()
                event.accept()
                action.trigger()
                return True
        return False


def close_other_windows(keep: QWidget) -> None:
    """Close every top-level window but ``keep``: dialogs are rejected (so a nested event
    loop waiting on one returns, answering "cancel"), other windows closed, menus and
    tooltips hidden."""
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        if widget.isVisible():  # a dialog that ignores reject, or any other window
            widget.close()
        if widget.isVisible():
            widget.hide()
