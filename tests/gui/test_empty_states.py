"""Where there is nothing yet, the window says what to do: an empty archive offers its first
steps as buttons, an empty person page offers to add that person's first letter; and once
there is something, the list is back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind, Person, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive
from amanat.gui.empty_states import EmptyArchive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser

MakeWindow = Callable[[], MainWindow]


@pytest.fixture(params=["en", "fa"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_language(qapp, Preferences.for_language(request.param))
    yield request.param
    apply_language(qapp, Preferences())


@pytest.fixture
def preferences(language: str) -> Preferences:
    return Preferences.for_language(language)


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def _scan(folder: Path) -> Path:
    path = folder / "page1.png"
    path.write_bytes(make.png())
    return path


def test_an_empty_archive_shows_its_first_steps_and_import_opens_the_import(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
    language: str,
) -> None:
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    empty = view.empty_archive
    assert empty.isVisible()
    assert not view.table.isVisible()
    # No document to show: the first steps have the whole height, no "choose a document".
    assert not view.document.isVisible()
    assert empty.import_button.isVisible()
    # Each other step is offered exactly when the window has the action that does it.
    for button, name in ((empty.add_person_button, "new-person"),
                         (empty.testimony_button, "new-testimony")):  # fmt: skip
        assert button.isVisible() == (window.findChild(QAction, name) is not None)
    # Every word of it is in the interface's language.
    persian = language == "fa"
    assert (empty.import_button.text() != "Import letters…") == persian
    assert empty.isRightToLeft() == persian
    chooser.files = [_scan(tmp_path)]
    qtbot.mouseClick(empty.import_button, Qt.MouseButton.LeftButton)
    assert chooser.asked == 1
    dialog = window.import_dialog
    assert dialog is not None
    dialog.start()
    dialog.accept()
    # There is a document now: the list is back, with it.
    assert view.documents.rowCount() == 1
    assert view.table.isVisible()
    assert not empty.isVisible()
    assert view.document.isVisible()


def test_a_first_step_nothing_answers_is_not_offered(qtbot: QtBot) -> None:
    empty = EmptyArchive()
    qtbot.addWidget(empty)
    empty.show()
    clicked: list[str] = []
    empty.add_person_requested.connect(lambda: clicked.append("person"))
    empty.offer(empty.testimony_button, False)
    assert not empty.testimony_button.isVisible()
    assert empty.add_person_button.isVisible()
    qtbot.mouseClick(empty.add_person_button, Qt.MouseButton.LeftButton)
    assert clicked == ["person"]


def test_searching_an_empty_archive_shows_the_results_not_the_first_steps(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    view.search_field.setText("letter")
    assert view.search.isVisible()
    assert not view.empty_archive.isVisible()
    view.search_field.clear()
    assert view.empty_archive.isVisible()


@pytest.fixture
def folder_with_a_person(archive_folder: Path) -> Path:
    """A prisoner no document names yet, and one letter about nobody."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        people.add(archive.db, Person("Narges", name_fa="نرگس", roles=(Role.PRISONER,)))
        documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="A letter"))
    return archive_folder


def test_an_empty_person_page_offers_their_first_letter_for_that_person(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    folder_with_a_person: Path,
    chooser: FakeChooser,
    tmp_path: Path,
    language: str,
) -> None:
    window = _opened(make_window, location, folder_with_a_person)
    view = window.archive_view
    assert view.table.isVisible()  # the archive holds a letter: no first steps
    assert not view.empty_archive.isVisible()
    content = view.sidebar_content
    assert content is not None
    narges = content.prisoners[0]
    view.show_person(narges.id)
    assert view.documents.current_filter.person_id == narges.id
    assert view.empty_person.isVisible()
    assert view.person.isVisible()  # the person's card stays above it
    assert not view.document.isVisible()  # no "choose a document" under it: there is none
    chooser.files = [_scan(tmp_path)]
    qtbot.mouseClick(view.empty_person.first_letter_button, Qt.MouseButton.LeftButton)
    dialog = window.import_dialog
    assert dialog is not None
    assert dialog.person.currentData() == narges.id  # the letter is about her
    dialog.start()
    dialog.accept()
    assert view.documents.rowCount() == 1
    assert view.table.isVisible()
    assert not view.empty_person.isVisible()
    assert view.document.isVisible()
    # Everything else (no person, the whole archive) is the list as before.
    view.sidebar.setCurrentIndex(view.sidebar_model.everything_index())
    assert view.documents.current_filter == view.sidebar_model.everything_index().data(FILTER_ROLE)
    assert view.table.isVisible()
