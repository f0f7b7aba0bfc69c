"""The start flow: welcome, unlock, create, the demo, and the archive's remembered place."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from amanat.core.vault import Archive
from amanat.gui.create_archive import NewArchive
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser, FakeDialogs

MakeWindow = Callable[[], MainWindow]


def _unlock(qtbot: QtBot, window: MainWindow, password: str) -> None:
    window.unlock_page.password.setFocus()
    qtbot.keyClicks(window.unlock_page.password, password)
    qtbot.keyClick(window.unlock_page.password, Qt.Key.Key_Return)


def test_first_start_shows_the_welcome_screen(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.notice.isHidden()
    assert not window.lock_action.isEnabled()


def test_a_view_asking_while_locked_is_not_reported_to_the_user(make_window: MakeWindow) -> None:
    from amanat.core.errors import ArchiveLocked, WrongPassword

    window = make_window()
    window._worker.unhandled_error.emit(ArchiveLocked())  # a list sorting itself before unlock
    assert window.statusBar().currentMessage() == ""
    window._worker.unhandled_error.emit(WrongPassword())
    assert window.statusBar().currentMessage() != ""


def test_remembered_archive_starts_on_its_unlock_screen(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.archive_label.text() == archive_folder.name


def test_wrong_password_gets_a_calm_sentence_and_the_field_stays_ready(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    _unlock(qtbot, window, "not the password")
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert page.error.isVisible()
    assert page.error.text() == "That password does not open this archive. Please try again."
    assert page.password.isEnabled()
    assert page.password.hasFocus()
    assert page.password.selectedText() == "not the password"
    assert not window.is_unlocked


def test_right_password_opens_the_archive(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    _unlock(qtbot, window, PASSWORD)
    assert window.is_unlocked
    assert window.stack.currentWidget() is window.archive_view
    assert window.archive_view.documents.rowCount() > 0
    assert window.archive_view.sidebar_model.rowCount() > 0
    assert window.lock_action.isEnabled()
    assert window.unlock_page.password.text() == ""


def test_archive_deleted_since_last_time_is_explained_on_the_welcome_screen(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    shutil.rmtree(archive_folder)
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    assert "moved or deleted" in window.welcome.notice.text()
    assert str(archive_folder) in window.welcome.notice.text()


def test_archive_moved_while_the_unlock_screen_was_open_is_explained(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    archive_folder.rename(archive_folder.with_name("elsewhere.amanat"))
    _unlock(qtbot, window, PASSWORD)
    assert "It may have been moved or deleted." in window.unlock_page.error.text()
    assert not window.is_unlocked


def test_archive_open_in_another_program_gets_the_in_use_sentence(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    with Archive.open(archive_folder, PASSWORD):
        _unlock(qtbot, window, PASSWORD)
        assert "already open in another Amanat window" in window.unlock_page.error.text()
        assert not window.is_unlocked
    _unlock(qtbot, window, PASSWORD)  # once the other one lets go, it opens
    assert window.is_unlocked


def test_open_an_archive_asks_for_its_folder_then_its_password(
    qtbot: QtBot, make_window: MakeWindow, chooser: FakeChooser, archive_folder: Path
) -> None:
    chooser.answer = archive_folder
    window = make_window()
    qtbot.mouseClick(window.welcome.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.unlock_page
    _unlock(qtbot, window, PASSWORD)
    assert window.is_unlocked


def test_create_shows_the_recovery_code_once_and_opens_the_new_archive(
    qtbot: QtBot,
    make_window: MakeWindow,
    dialogs: FakeDialogs,
    location: RememberedLocation,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "new.amanat"
    dialogs.new = NewArchive(folder, "a long enough password", with_recovery_code=True)
    window = make_window()
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert len(dialogs.codes_shown) == 1
    assert location.last_archive() == folder
    window.lock()
    with Archive.open_with_recovery_code(folder, dialogs.codes_shown[0]):
        pass


def test_creating_where_an_archive_exists_says_so(
    qtbot: QtBot, make_window: MakeWindow, dialogs: FakeDialogs, archive_folder: Path
) -> None:
    dialogs.new = NewArchive(archive_folder, "a long enough password", with_recovery_code=False)
    window = make_window()
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert not window.is_unlocked
    assert "already exists" in window.welcome.notice.text()
    assert window.welcome.create_button.isEnabled()


def test_demo_archive_is_built_once_and_opened(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, tmp_path: Path
) -> None:
    window = make_window()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert (tmp_path / "demo" / "demo.amanat" / "keys.json").is_file()
    assert window.archive_view.documents.rowCount() > 10
    # The demo is not "your archive": it is not remembered as the one to open next time.
    assert location.last_archive() is None
