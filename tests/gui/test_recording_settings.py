"""The largest recording imported, in Settings…: shown from the archive, saved into it, and
back to the default for the next archive once this one locks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from amanat.core import settings
from amanat.core.settings import DEFAULT_RECORDING_LIMIT_MB, ArchiveSettings
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


def _opened(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, folder: Path
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    page = window.unlock_page
    page.password.setFocus()
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert window.is_unlocked
    return window


def test_the_recording_limit_in_settings(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        settings.save(archive.db, ArchiveSettings(recording_limit_mb=700))
    window = _opened(qtbot, make_window, location, archive_folder)
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.recording_limit.value() == 700
    assert dialog.recording_limit.suffix() == " MB"
    dialog.recording_limit.setValue(4096)
    dialog.accept()
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert settings.load(archive.db).recording_limit_mb == 4096
    assert window._preferences.recording_limit_mb == DEFAULT_RECORDING_LIMIT_MB
