"""The clipboard: what Amanat copies leaves it after the chosen seconds and at the lock (only
if it is still Amanat's), and is marked secret for clipboard managers and Windows'
clipboard history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

import amanat.gui.clipboard
from amanat.gui.clipboard import SECRET_MARKS, is_marked_secret
from amanat.gui.main_window import MainWindow
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]
GREETING = "مادر عزیزم، سلام."
"""The Persian transcription every odd-numbered document of the filled archive has."""


@pytest.fixture
def clipboard() -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def _open(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    view.select_document(view.documents.document_id(1))  # "Letter 001", with GREETING
    return window


def _copy_the_letter(window: MainWindow) -> None:
    editor = window.archive_view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    editor.body.selectAll()
    editor.body.copy()


def _replaced_by_another_program(clipboard: QClipboard, text: str) -> None:
    # Unseen by Amanat, as when it is in the background.
    blocked = clipboard.blockSignals(True)
    clipboard.setText(text)
    clipboard.blockSignals(blocked)


def test_copied_text_leaves_the_clipboard_after_the_chosen_seconds(
    qtbot: QtBot,
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.clipboard_seconds = 1
    window = _open(make_window, location, filled_folder)
    _copy_the_letter(window)
    assert clipboard.text() == GREETING
    assert window.clipboard_guard.counting
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)
    assert window.is_unlocked  # only the clipboard was cleared


def test_the_timer_leaves_what_another_program_copied_since(
    qtbot: QtBot,
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.clipboard_seconds = 1
    window = _open(make_window, location, filled_folder)
    _copy_the_letter(window)
    _replaced_by_another_program(clipboard, "a phone number copied in another program")
    qtbot.waitUntil(lambda: not window.clipboard_guard.counting, timeout=4000)
    assert clipboard.text() == "a phone number copied in another program"


def test_the_default_is_thirty_seconds_and_zero_clears_only_at_the_lock(
    qtbot: QtBot,
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    assert Preferences().clipboard_seconds == 30
    window = _open(make_window, location, filled_folder)
    dialog = window.open_settings()
    assert dialog is not None and dialog.clipboard_seconds.value() == 30
    dialog.clipboard_seconds.setValue(0)
    dialog.accept()
    _copy_the_letter(window)
    assert not window.clipboard_guard.counting
    qtbot.wait(300)
    assert clipboard.text() == GREETING
    window.lock()
    assert clipboard.text() == ""


def test_a_copy_from_a_text_field_is_marked_secret_with_its_text_kept(
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    _copy_the_letter(window)
    data = clipboard.mimeData()
    assert is_marked_secret(data)
    assert data.data("x-kde-passwordManagerHint").data() == b"secret"
    for name in (
        "ExcludeClipboardContentFromMonitorProcessing",
        "CanIncludeInClipboardHistory",
        "CanUploadToCloudClipboard",
    ):
        windows_format = f'application/x-qt-windows-mime;value="{name}"'
        assert data.data(windows_format).data() == bytes(4)  # a DWORD 0
    assert set(SECRET_MARKS) <= set(data.formats())
    assert data.text() == GREETING


def test_a_bundle_passphrase_copied_is_marked_secret_and_cleared_after_the_seconds(
    qtbot: QtBot,
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.clipboard_seconds = 1
    window = _open(make_window, location, filled_folder)
    dialog = window.bundles.open_export()
    assert dialog is not None
    dialog.copy_passphrase.click()
    assert clipboard.text() == dialog.passphrase_text
    assert is_marked_secret(clipboard.mimeData())
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)
    dialog.copy_passphrase.click()
    window.lock()
    assert clipboard.text() == ""


def test_a_platform_that_drops_the_marks_does_not_make_the_guard_go_round(
    monkeypatch: pytest.MonkeyPatch,
    clipboard: QClipboard,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    monkeypatch.setattr(amanat.gui.clipboard, "is_marked_secret", lambda data: False)
    _copy_the_letter(window)  # re-offered once, then taken as it is
    assert clipboard.text() == GREETING
    assert window.clipboard_guard.counting
    window.lock()
    assert clipboard.text() == ""
