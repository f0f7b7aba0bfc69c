"""The archive-care screens in Persian: every word Persian, every number in Persian digits,
the layout right to left; what is left Latin is the user's own (a folder, a recovery code)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.app import care
from amanat.core import settings
from amanat.core.keyslots import FLOOR
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_direction import isolated
from tests.gui.test_persian_interface import _check_except
from tests.helpers.archives import PASSWORD, copy_archive
from tests.helpers.gui import FakeChooser

MakeWindow = Callable[[], MainWindow]


@pytest.fixture(autouse=True)
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


@pytest.fixture
def preferences() -> Preferences:
    return Preferences.for_language("fa")


def test_the_care_screens_of_the_start_are_all_persian(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        code = archive.add_recovery_code(FLOOR)
        care.back_up(archive, tmp_path / "b.amanat-backup")
    other = copy_archive(archive_folder, tmp_path / "second.amanat")
    location.remember(archive_folder)
    location.remember(other)
    window = make_window()
    window.show_welcome()
    folders = (str(archive_folder), str(other), archive_folder.name, other.name)
    _check_except(window, "welcome with recent archives", *folders)

    window.show_unlock(archive_folder)
    qtbot.mouseClick(window.unlock_page.forgot_button, Qt.MouseButton.LeftButton)
    dialog = window.care.dialog
    assert dialog is not None
    typo = ("Z" if code[0] != "Z" else "Y") + code[1:]
    dialog.code.setText(typo)  # type: ignore[attr-defined]
    dialog.new.password.setText("گل سرخ باغ کوچک ما در بهار")  # type: ignore[attr-defined]
    dialog.new.repeat.setText("گل سرخ")  # type: ignore[attr-defined]
    _check_except(dialog, "recovery code, passwords differ", typo)
    dialog.new.repeat.setText("گل سرخ باغ کوچک ما در بهار")  # type: ignore[attr-defined]
    dialog.go_button.click()  # type: ignore[attr-defined]
    _check_except(dialog, "recovery code with a typo", typo)
    dialog.reject()

    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    restore = window.care.dialog
    assert restore is not None
    chooser.backup, chooser.answer = tmp_path / "b.amanat-backup", tmp_path
    restore.choose_file_button.click()  # type: ignore[attr-defined]
    restore.choose_place_button.click()  # type: ignore[attr-defined]
    restore.name.setText("second")  # type: ignore[attr-defined]
    restore.go_button.click()  # type: ignore[attr-defined]
    where = (str(tmp_path / "b.amanat-backup"), str(tmp_path), str(other), "second")
    _check_except(restore, "restore refused", *where)
    # The folder reads whole, left to right, inside the right-to-left sentence.
    assert isolated(str(other)) in restore.outcome.text()  # type: ignore[attr-defined]


def test_the_care_screens_of_an_open_archive_are_all_persian(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        old = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
        settings.save(archive.db, ArchiveSettings(last_backup=old))
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    reminder = window.care.reminder
    assert reminder is not None
    _check_except(reminder, "backup reminder")
    assert "۲۰" in reminder.text()
    reminder.accept()
    _check_except(window.care.last_backup, "last backup")

    window.care.password_action.trigger()
    changing = window.care.dialog
    assert changing is not None
    changing.current.setText("نادرست")  # type: ignore[attr-defined]
    changing.new.password.setText("گل سرخ باغ کوچک ما در بهار")  # type: ignore[attr-defined]
    changing.new.repeat.setText("گل سرخ باغ کوچک ما در بهار")  # type: ignore[attr-defined]
    changing.go_button.click()  # type: ignore[attr-defined]
    _check_except(changing, "change password, wrong current one")
    changing.reject()

    window.care.recovery_action.trigger()
    manager = window.care.dialog
    assert manager is not None
    _check_except(manager, "recovery code")
    manager.reject()

    chooser.backup = tmp_path / "b.amanat-backup"
    window.care.backup_action.trigger()
    backing_up = window.care.dialog
    assert backing_up is not None
    where = (str(chooser.backup),)
    _check_except(backing_up, "back up", *where)
    backing_up.go_button.click()  # type: ignore[attr-defined]
    _check_except(backing_up, "backed up", *where)
    backing_up.reject()

    window.care.check_action.trigger()
    checking = window.care.dialog
    assert checking is not None
    checking.go_button.click()  # type: ignore[attr-defined]
    _check_except(checking, "checked")
    checking.reject()
