"""The folder backup from the window, driven through its widgets: File ▸ Archive ▸ Back up to
a folder… copies the whole archive the first time and only what is new after that, says how
much, and updates the last backup's date; Restore a backup… takes such a folder. A folder
holding other files and a folder inside the archive are refused with one sentence; a cancel
a lock or a quit in the middle leaves the previous backup usable. In English and in Persian."""

from __future__ import annotations

import random
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.app import care
from amanat.app.scans import import_scans
from amanat.core.keyslots import FLOOR
from amanat.core.scans import ImportOptions
from amanat.core.segments import segment_files
from amanat.core.vault import Archive
from amanat.gui.care.folder_backup_dialog import FolderBackupDialog
from amanat.gui.care.restore_dialog import RestoreDialog
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_direction import isolated
from amanat.gui.worker import ThreadWorker
from tests.gui.test_persian_interface import _check_except
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT, FakeChooser, FakeDialogs
from tests.helpers.scan_files import marked, png

MakeWindow = Callable[[], MainWindow]
_UNITS = {"bytes": 1, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}


def _add_scan(folder: Path, tmp_path: Path, name: str, image: Image.Image) -> None:
    """One more document, with one page, into the locked archive at ``folder``."""
    scan = tmp_path / f"{name}.png"
    scan.write_bytes(png(image))
    with Archive.open(folder, PASSWORD) as archive:
        import_scans(archive, [scan], ImportOptions(title=name))
    scan.unlink()


def _noise(width: int, height: int) -> Image.Image:
    """A photo that does not compress: its stored page is about width × height × 3 bytes."""
    pixels = random.Random(7).randbytes(width * height * 3)
    return Image.frombytes("RGB", (width, height), pixels)


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    page = window.unlock_page
    page.password.clear()
    page.password.setFocus()
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert window.is_unlocked


def _opened(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, folder: Path
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    _unlock(qtbot, window)
    return window


def _folder_backup_dialog(
    window: MainWindow, chooser: FakeChooser, folder: Path
) -> FolderBackupDialog:
    chooser.backup_folder_answer = folder
    window.care.folder_backup_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, FolderBackupDialog)
    return dialog


def _copied(sentence: str) -> int:
    """The bytes a finished dialog says it copied (“4.6 MB”), give or take its rounding."""
    found = re.search(r"([\d.,]+) (bytes|KB|MB|GB)", sentence)
    assert found is not None, sentence
    return round(float(found[1].replace(",", "")) * _UNITS[found[2]])


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _restored_count(backup: Path, tmp_path: Path, name: str) -> int:
    """How many documents the backup at ``backup`` holds, once restored and unlocked."""
    folder = tmp_path / f"{name}.amanat"
    care.restore(backup, folder)
    with Archive.open(folder, PASSWORD) as archive:
        return int(archive.db.value("SELECT count(*) FROM documents"))


def test_back_up_to_a_folder_twice_copies_only_the_new_then_restores_from_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    _add_scan(filled_folder, tmp_path, "large", _noise(1200, 900))
    window = _opened(qtbot, make_window, location, filled_folder)
    assert window.care.last_backup.text() == "No backup yet"
    assert window.care.folder_backup_action in window.care.menu.actions()
    assert window.care.menu.toolTipsVisible()
    assert "only what is new" in window.care.folder_backup_action.toolTip()
    assert "to hand to someone" in window.care.backup_action.toolTip()
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = _folder_backup_dialog(window, chooser, stick)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    first = dialog.outcome.text()
    assert first.startswith(f"The backup was made in {isolated(str(stick))}: ")
    assert "only what is new will be copied" in first
    assert _copied(first) > 3_000_000  # the large photo went in whole
    assert window.care.last_backup.text().startswith("Last backup: ")
    dialog.close_button.click()
    assert window.care.dialog is None

    window.lock()
    _add_scan(filled_folder, tmp_path, "small", marked())
    _unlock(qtbot, window)
    dialog = _folder_backup_dialog(window, chooser, stick)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    again = dialog.outcome.text()
    assert again.startswith(f"The backup in {isolated(str(stick))} is up to date: ")
    assert again.endswith(" copied, only what changed since the last backup to this folder.")
    assert _copied(again) < _copied(first) / 3  # the large photo was not copied again
    dialog.close_button.click()

    window.lock()
    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    restore = window.care.dialog
    assert isinstance(restore, RestoreDialog)
    chooser.backup_folder_answer, chooser.answer = stick, tmp_path
    qtbot.mouseClick(restore.choose_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(restore.choose_place_button, Qt.MouseButton.LeftButton)
    assert restore.backup_file.text() == str(stick)
    restore.name.setText("new laptop")
    qtbot.mouseClick(restore.go_button, Qt.MouseButton.LeftButton)
    restored = tmp_path / "new laptop.amanat"
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.folder == restored
    _unlock(qtbot, window)
    assert window.archive_view.documents.rowCount() == DOCUMENT_COUNT + 2


def test_a_folder_holding_other_files_or_inside_the_archive_is_refused(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "holiday.jpg").write_bytes(b"\xff\xd8 a photo of the family")
    dialog = _folder_backup_dialog(window, chooser, photos)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == (
        f"Cannot write {photos}: it holds other files; choose an empty folder or an earlier backup."
    )
    assert _files(photos) == ["holiday.jpg"]
    assert window.care.last_backup.text() == "No backup yet"
    dialog.reject()

    before = _files(archive_folder)
    dialog = _folder_backup_dialog(window, chooser, archive_folder / "backup")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("A backup cannot be kept inside the archive's own")
    assert _files(archive_folder) == before
    assert window.care.last_backup.text() == "No backup yet"
    dialog.reject()

    chooser.backup_folder_answer = None  # the folder chooser closed without a choice
    window.care.folder_backup_action.trigger()
    assert window.care.dialog is None

    # Restoring from a folder that holds no backup: one sentence, and no archive made.
    window.lock()
    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    restore = window.care.dialog
    assert isinstance(restore, RestoreDialog)
    place = tmp_path / "place"
    place.mkdir()
    chooser.backup_folder_answer, chooser.answer = photos, place
    qtbot.mouseClick(restore.choose_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(restore.choose_place_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(restore.go_button, Qt.MouseButton.LeftButton)
    assert restore.outcome.text().startswith(f"The backup {photos} is damaged or is not")
    assert "\n" not in restore.outcome.text()
    assert _files(place) == []
    assert window.stack.currentWidget() is window.welcome


@pytest.mark.parametrize("interruption", ["cancel", "lock"])
def test_a_cancel_or_a_lock_leaves_the_previous_folder_backup_usable(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
    interruption: str,
) -> None:
    stick = tmp_path / "stick"
    with Archive.open(filled_folder, PASSWORD) as archive:
        care.back_up_to_folder(archive, stick)
    before = _files(stick)
    _add_scan(filled_folder, tmp_path, "new letter", _noise(600, 400))
    window = _opened(qtbot, make_window, location, filled_folder)
    dialog = _folder_backup_dialog(window, chooser, stick)
    if interruption == "cancel":
        dialog.job.progressed.connect(lambda _: dialog.close_button.click())
    else:
        dialog.job.progressed.connect(lambda _: window.lock())
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    if interruption == "cancel":
        assert dialog.outcome.text().startswith("The backup was cancelled;")
    else:
        assert not window.is_unlocked
        assert window.care.dialog is None
    assert _files(stick) == before
    assert _restored_count(stick, tmp_path, "previous") == DOCUMENT_COUNT


def test_quitting_during_a_folder_backup_on_the_archive_thread_leaves_the_previous_one(
    qtbot: QtBot,
    location: RememberedLocation,
    preferences: Preferences,
    chooser: FakeChooser,
    dialogs: FakeDialogs,
    filled_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = tmp_path / "stick"
    with Archive.open(filled_folder, PASSWORD) as archive:
        care.back_up_to_folder(archive, stick)
    before = _files(stick)
    _add_scan(filled_folder, tmp_path, "new letter", _noise(600, 400))
    # The application's own worker: the backup runs on another thread while the window quits.
    worker = ThreadWorker()
    window = MainWindow(worker, location, preferences, chooser=chooser, dialogs=dialogs, kdf=FLOOR)
    qtbot.addWidget(window)
    location.remember(filled_folder)
    window.start()
    window.unlock(PASSWORD)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    quitting = threading.Event()
    copy_range = segment_files.copy_range

    def held(*args: Any) -> int:
        quitting.wait(10)  # the new page is being copied until the window has quit
        return copy_range(*args)

    monkeypatch.setattr(segment_files, "copy_range", held)
    dialog = _folder_backup_dialog(window, chooser, stick)
    dialog.go()
    assert dialog.job.running
    window.close()
    quitting.set()
    worker.shutdown()  # waits for the backup to stop, then locks
    assert not window.is_unlocked
    assert _files(stick) == before
    assert _restored_count(stick, tmp_path, "previous") == DOCUMENT_COUNT


@pytest.mark.parametrize("preferences", [Preferences.for_language("fa")])
def test_the_folder_backup_and_its_restore_are_all_persian(
    qtbot: QtBot,
    qapp: QApplication,
    preferences: Preferences,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    apply_language(qapp, preferences)
    window = _opened(qtbot, make_window, location, archive_folder)
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = _folder_backup_dialog(window, chooser, stick)
    _check_except(dialog, "back up to a folder", str(stick))
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    _check_except(dialog, "backed up to a folder", str(stick))
    assert "\n" not in dialog.outcome.text()
    dialog.reject()
    dialog = _folder_backup_dialog(window, chooser, stick)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    _check_except(dialog, "folder backup brought up to date", str(stick))
    dialog.reject()
    _check_except(window.care.last_backup, "last backup")

    window.lock()
    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    restore = window.care.dialog
    assert isinstance(restore, RestoreDialog)
    chooser.backup_folder_answer, chooser.answer = stick, tmp_path
    qtbot.mouseClick(restore.choose_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(restore.choose_place_button, Qt.MouseButton.LeftButton)
    busy = tmp_path / "busy.amanat"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep", encoding="utf-8")
    restore.name.setText("busy")
    qtbot.mouseClick(restore.go_button, Qt.MouseButton.LeftButton)
    assert restore.outcome.text()
    where = (str(stick), str(tmp_path), str(busy), "busy")
    _check_except(restore, "restore from a folder refused", *where)
