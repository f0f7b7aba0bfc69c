"""What is being typed is saved into the archive when the typing pauses (gui/idle_save.py),
so a window killed loses only the last few seconds. The looks the timer makes once a second
are made here by hand, so no test waits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from amanat.core.storage import texts
from amanat.gui.idle_save import IDLE_SECONDS
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from amanat.gui.worker import SynchronousWorker
from tests.gui.test_editing import GREETING, _editor, _in_core, _opened, _type

MakeWindow = Callable[[], MainWindow]


def _look(window: MainWindow, times: int) -> None:
    for _ in range(times):
        window.archive_view.idle_save.look()


def test_a_pause_in_the_typing_saves_the_text_as_an_undoable_change(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    assert view.idle_save.timer.isActive() and view.idle_save.timer.interval() == 1000
    view.idle_save.timer.stop()  # the test makes the looks
    editor = _editor(window)
    text_id = editor.text.id
    editor.body.setFocus()
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)

    def stored() -> str:
        return _in_core(window, worker, lambda db: texts.get(db, text_id).body)

    # Typing goes on between the looks: nothing is saved while it does.
    for word in (" نامه", "‌ات", " رسید."):
        _look(window, 1)
        _type(editor.body, word)
    _look(window, IDLE_SECONDS)  # the first look sees the text, the rest see it unchanged
    assert editor.is_modified and stored() == GREETING
    _look(window, 1)  # IDLE_SECONDS unchanged: saved
    typed = GREETING + " نامه‌ات رسید."
    assert stored() == typed and not editor.is_modified
    assert editor.body.toPlainText() == typed and editor.body.hasFocus()

    # Saved as Ctrl+S saves: one change Ctrl+Z takes back.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored() == GREETING


def test_nothing_is_saved_when_nothing_was_typed(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    view.idle_save.timer.stop()
    before = view.undo_stack.count()
    _look(window, 3 * IDLE_SECONDS)
    assert view.undo_stack.count() == before


def test_a_locked_window_has_nothing_to_save(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    view.idle_save.timer.stop()
    editor = _editor(window)
    editor.body.setFocus()
    _type(editor.body, " و")
    window.lock()  # saves the edit itself, first
    _look(window, 3 * IDLE_SECONDS)  # and the looks find no editor
    assert not view.document.editors
