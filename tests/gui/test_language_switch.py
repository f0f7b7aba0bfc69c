"""The language is chosen on the welcome screen, before any archive exists, or in Settings:
the window is made anew in it at once (every text, and the direction of everything), an open
archive staying open with what was typed, and it is remembered in the application's settings
file, which holds nothing else of it."""

from __future__ import annotations

import configparser
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import Text
from amanat.core.storage import texts
from amanat.gui.create_archive import NewArchive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.start import LANGUAGE_NAMES
from amanat.gui.worker import SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT, FakeDialogs

MakeWindow = Callable[[], MainWindow]


@pytest.fixture(autouse=True)
def english_before_and_after(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences())
    yield
    apply_language(qapp, Preferences())


def _choose(qtbot: QtBot, window: MainWindow, language: str) -> MainWindow:
    """Click ``language`` on the welcome screen; the window shown instead of ``window``."""
    replaced: list[MainWindow] = []
    window.replaced.connect(replaced.append)
    qtbot.mouseClick(window.welcome.language.buttons[language], Qt.MouseButton.LeftButton)
    [new] = replaced
    qtbot.addWidget(new)
    return new


def _settings_file(location: RememberedLocation) -> dict[str, str]:
    parser = configparser.ConfigParser()
    parser.read(location.file, encoding="utf-8")
    return {f"{s}/{k}": v for s in parser.sections() for k, v in parser.items(s)}


def test_choosing_persian_on_the_welcome_screen_turns_the_window_at_once_and_back(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation
) -> None:
    window = make_window()
    english = window.welcome.create_button.text()
    assert not window.isRightToLeft()
    persian = _choose(qtbot, window, "fa")
    assert persian.isVisible() and not window.isVisible()
    assert persian.stack.currentWidget() is persian.welcome
    assert persian.isRightToLeft()
    assert persian.welcome.isRightToLeft()
    assert persian.welcome.create_button.text() != english
    # The menus, made while no archive is open, are in Persian too.
    assert persian.lock_action.text() != "Lock"
    assert persian.welcome.language.buttons["fa"].isChecked()
    assert location.language() == "fa"
    assert _settings_file(location) == {"interface/language": "fa"}
    again = _choose(qtbot, persian, "en")
    assert not again.isRightToLeft()
    assert again.welcome.create_button.text() == english
    assert location.language() == "en"


def test_the_languages_are_named_in_their_own_script_whatever_the_interface(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    buttons = window.welcome.language.buttons
    assert {language: button.text() for language, button in buttons.items()} == LANGUAGE_NAMES
    persian = _choose(qtbot, window, "fa")
    assert {
        language: button.text() for language, button in persian.welcome.language.buttons.items()
    } == {"en": "English", "fa": "فارسی"}


def test_clicking_the_language_in_use_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation
) -> None:
    window = make_window()
    replaced: list[MainWindow] = []
    window.replaced.connect(replaced.append)
    qtbot.mouseClick(window.welcome.language.buttons["en"], Qt.MouseButton.LeftButton)
    assert replaced == []
    assert window.isVisible()
    assert location.language() is None  # written only when the user changes it


def test_the_new_window_opens_archives_in_the_chosen_language(
    qtbot: QtBot,
    make_window: MakeWindow,
    dialogs: FakeDialogs,
    location: RememberedLocation,
    tmp_path: Path,
) -> None:
    window = make_window()
    persian = _choose(qtbot, window, "fa")
    dialogs.new = NewArchive(tmp_path / "family.amanat", "a long enough password", False)
    qtbot.mouseClick(persian.welcome.create_button, Qt.MouseButton.LeftButton)
    assert persian.is_unlocked
    assert persian.archive_view.isRightToLeft()
    persian.lock()
    assert persian.stack.currentWidget() is persian.unlock_page


def test_the_remembered_archive_opens_as_usual_after_a_change_of_language(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    assert window.stack.currentWidget() is window.unlock_page
    window.show_welcome()
    persian = _choose(qtbot, window, "fa")
    assert persian.stack.currentWidget() is persian.welcome
    persian.show_unlock(archive_folder)
    persian.unlock(PASSWORD)
    assert persian.is_unlocked
    persian.lock()


def test_changing_the_language_in_settings_keeps_the_archive_open_and_what_was_typed(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.select_document(view.documents.document_id(1))  # odd rows have a transcription
    document_id = view.document.document_id
    assert document_id is not None and view.document.editors
    view.document.editors[0].body.setPlainText("تا آخر نوشتم")  # typed, not saved
    view.set_reading(True)
    replaced: list[MainWindow] = []
    window.replaced.connect(replaced.append)
    dialog = window.open_settings()
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("fa"))
    dialog.accept()
    [persian] = replaced
    qtbot.addWidget(persian)
    assert persian.is_unlocked and not window.is_unlocked
    assert persian.stack.currentWidget() is persian.archive_view
    assert persian.isRightToLeft() and persian.archive_view.isVisible()
    assert persian.archive_view.reading  # the layout came along, through the archive
    assert persian.archive_view.documents.rowCount() == DOCUMENT_COUNT
    assert location.language() == "fa"
    # Typed in the old window, saved on the way: in the archive, and shown in the new one.
    found: list[list[Text]] = []
    worker.submit(lambda session: texts.texts_of(session.require().db, document_id), persian,
                  found.append)  # fmt: skip
    assert found[0][0].body == "تا آخر نوشتم"
    persian.archive_view.show_document(document_id)
    assert persian.archive_view.document.editors[0].body.toPlainText() == "تا آخر نوشتم"
    persian.lock()
    assert persian.stack.currentWidget() is persian.unlock_page


def test_the_unlock_screen_of_a_remembered_archive_offers_the_language_too(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)  # so the window opens on the unlock screen, not welcome
    window = make_window()
    assert window.stack.currentWidget() is window.unlock_page
    replaced: list[MainWindow] = []
    window.replaced.connect(replaced.append)
    qtbot.mouseClick(window.unlock_page.language.buttons["fa"], Qt.MouseButton.LeftButton)
    [persian] = replaced
    qtbot.addWidget(persian)
    assert persian.stack.currentWidget() is persian.unlock_page
    assert persian.unlock_page.folder == archive_folder
    assert persian.unlock_page.isRightToLeft()
    assert persian.unlock_page.unlock_button.text() != "Unlock"
    persian.unlock_page.password.setText(PASSWORD)
    qtbot.keyClick(persian.unlock_page.password, Qt.Key.Key_Return)
    assert persian.is_unlocked
    persian.lock()
