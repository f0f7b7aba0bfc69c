"""Outside the archive Amanat keeps its location and nothing else."""

from __future__ import annotations

import configparser
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from amanat.gui.file_dialogs import FileChooser
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


def _settings(location: RememberedLocation) -> dict[str, str]:
    parser = configparser.ConfigParser()
    parser.read(location.file, encoding="utf-8")
    return {f"{s}/{k}": v for s in parser.sections() for k, v in parser.items(s)}


def test_settings_file_holds_only_the_archive_location(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.select_document(view.documents.document_id(0))
    window.lock()
    assert _settings(location) == {"archive/last": str(filled_folder)}


def test_turning_remembering_off_removes_the_location_at_once(
    location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    location.set_remembering(False)
    assert location.last_archive() is None
    location.remember(archive_folder)
    assert "archive/last" not in _settings(location)
    assert str(archive_folder) not in location.file.read_text(encoding="utf-8")


def test_the_file_dialog_leaves_no_history_behind(
    qtbot: QtBot, tmp_path: Path, config_home: Path
) -> None:
    secret = tmp_path / "letters of Narges"
    secret.mkdir()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.accept()

    QTimer.singleShot(100, answer)
    chosen = FileChooser().existing_folder(None, "Choose", secret)
    assert chosen == secret
    for written in config_home.rglob("*"):
        if written.is_file():
            assert "Narges" not in written.read_text(encoding="utf-8", errors="replace")
