"""Locking: by the button, by Ctrl+L and by itself; nothing of the archive stays on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from amanat.core.storage import documents
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


def _open(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, folder: Path
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    window.archive_view.select_document(window.archive_view.documents.document_id(0))
    assert window.archive_view.document.texts.count() >= 0
    return window


def _assert_locked_and_empty(window: MainWindow) -> None:
    view = window.archive_view
    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert view.documents.rowCount() == 0
    assert view.sidebar_model.rowCount() == 0
    assert view.document.texts.count() == 0
    assert view.document.form.rowCount() == 0
    assert view.document.pages.picture.pixmap().isNull()
    assert not window.lock_action.isEnabled()


def test_lock_empties_every_view_and_shows_the_unlock_screen(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(qtbot, make_window, location, filled_folder)
    assert window.archive_view.document.form.rowCount() > 0
    qtbot.mouseClick(window.toolbar.widgetForAction(window.lock_action), Qt.MouseButton.LeftButton)
    _assert_locked_and_empty(window)
    assert window.unlock_page.password.text() == ""


def test_ctrl_l_locks(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(qtbot, make_window, location, filled_folder)
    window.activateWindow()
    qtbot.keyClick(window.archive_view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked_and_empty(window)


def test_archive_locks_itself_after_the_idle_minutes(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.auto_lock_minutes = 0.002  # 120 ms
    window = _open(qtbot, make_window, location, filled_folder)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)
    _assert_locked_and_empty(window)


def test_input_puts_off_the_automatic_lock(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.auto_lock_minutes = 0.005  # 300 ms
    window = _open(qtbot, make_window, location, filled_folder)
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(window.archive_view.table, Qt.Key.Key_Down)
    assert window.is_unlocked
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)


def test_unlocking_again_after_a_lock_shows_the_archive_again(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(qtbot, make_window, location, filled_folder)
    rows = window.archive_view.documents.rowCount()
    window.lock()
    window.unlock(PASSWORD)
    assert window.archive_view.documents.rowCount() == rows


def test_locking_with_the_details_dialog_open_keeps_what_was_typed_in_it(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(qtbot, make_window, location, filled_folder)
    view = window.archive_view
    view.document.edit_button.click()
    dialog = view.details_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title.setText("Half-typed title")
    window.lock()
    _assert_locked_and_empty(window)
    assert view.details_dialog is None and not dialog.isVisible()
    with Archive.open(filled_folder, PASSWORD) as archive:
        titles = {d.title for d in documents.list_documents(archive.db)}
    assert "Half-typed title" in titles  # no edit lost, even one in an open dialog
