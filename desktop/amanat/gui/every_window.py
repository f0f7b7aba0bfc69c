"""Lock and Quit from every window, and nothing but the unlock screen after a lock.

A window shortcut of the main window works only while the main window is the active one,
and an application shortcut does not fire while a modal dialog shadows its window. So the
Lock and Quit actions are added to each window as it becomes active (the timeline, the
annotation list, every dialog and message box, Qt's file dialog): Qt's own shortcut
matching then finds them there, including its handling of a Persian keyboard layout, where
Ctrl+L is pressed on the key that types «م».

At the lock, each owner first closes its own windows in order (saving what was typed where
that is safe); ``close_other_windows`` then closes whatever is still open, such as a
message box waiting for an answer in a nested event loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QWindow
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
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        # Activation is rare next to the events an event filter would see; this costs nothing
        # while the user types or moves the mouse.
        application.focusWindowChanged.connect(self._window_activated)

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
