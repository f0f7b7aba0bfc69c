"""A person is named in the interface's script wherever the window names people, with the
other script's name one hover away: "کاوه امیرزاده" in Persian, "Kaveh Amirzadeh" in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from amanat.core.records import Document, DocumentKind, Person, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import Preferences
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]

KAVEH = ("کاوه امیرزاده", "Kaveh Amirzadeh")
PARVIN = ("پروین هادوی", "Parvin Hadavi")
ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def plain(text: str) -> str:
    """``text`` without the invisible marks that keep each name in its own direction."""
    return text.translate(ISOLATES)


@pytest.fixture(params=["fa", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    chosen: str = request.param
    apply_language(qapp, Preferences.for_language(chosen))
    yield chosen
    apply_language(qapp, Preferences())


@pytest.fixture
def preferences(language: str) -> Preferences:
    return Preferences.for_language(language)


@pytest.fixture
def two_scripts_folder(archive_folder: Path) -> Path:
    """Two prisoners with their names in both scripts (entered with the Latin one as the
    display name, as the demo has them) and a letter from one to the other."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        kaveh = people.add(
            db, Person(KAVEH[1], name_fa=KAVEH[0], name_latin=KAVEH[1], roles=(Role.PRISONER,))
        )
        parvin = people.add(
            db,
            Person(PARVIN[1], name_fa=PARVIN[0], name_latin=PARVIN[1], roles=(Role.PRISONER,)),
        )
        documents.add(
            db,
            Document(
                DocumentKind.LETTER, "From Evin", author_id=kaveh.id, recipient_ids=(parvin.id,)
            ),
        )
    return archive_folder


def _shown_and_other(language: str, names: tuple[str, str]) -> tuple[str, str]:
    return names if language == "fa" else (names[1], names[0])


def _opened(make_window: MakeWindow, folder: Path) -> MainWindow:
    window = make_window()
    window.show_unlock(folder)
    window.unlock(PASSWORD)
    return window


def _prisoner_entries(window: MainWindow) -> list[QModelIndex]:
    model = window.archive_view.sidebar_model
    people_under = []
    for row in range(model.rowCount()):
        heading = model.index(row, 0)
        entries = [model.index(n, 0, heading) for n in range(model.rowCount(heading))]
        if any((e.data(FILTER_ROLE) and e.data(FILTER_ROLE).person_id) for e in entries):
            people_under.append(entries)
    return people_under[0]


def test_the_sidebar_names_people_in_the_interface_script_sorted_by_that_name(
    make_window: MakeWindow, two_scripts_folder: Path, language: str, qtmodeltester: ModelTester
) -> None:
    window = _opened(make_window, two_scripts_folder)
    entries = _prisoner_entries(window)
    kaveh, kaveh_other = _shown_and_other(language, KAVEH)
    parvin, _ = _shown_and_other(language, PARVIN)
    # پروین before کاوه in Persian; Kaveh before Parvin in English.
    expected = [parvin, kaveh] if language == "fa" else [kaveh, parvin]
    assert [entry.data() for entry in entries] == expected
    tooltip = plain(next(e for e in entries if e.data() == kaveh).data(Qt.ItemDataRole.ToolTipRole))
    assert tooltip == f"{kaveh} — {kaveh_other}"
    qtmodeltester.check(window.archive_view.sidebar_model)


def test_the_document_list_people_column_names_people_in_the_interface_script(
    make_window: MakeWindow, two_scripts_folder: Path, language: str, qtmodeltester: ModelTester
) -> None:
    window = _opened(make_window, two_scripts_folder)
    model = window.archive_view.documents
    cell = model.index(0, DocumentColumn.PEOPLE)
    kaveh, kaveh_other = _shown_and_other(language, KAVEH)
    parvin, parvin_other = _shown_and_other(language, PARVIN)
    separator = "، " if language == "fa" else ", "  # a Persian comma between Persian names
    assert cell.data() == f"{kaveh}{separator}{parvin}"
    assert plain(cell.data(Qt.ItemDataRole.ToolTipRole)).splitlines() == [
        f"{kaveh} — {kaveh_other}",
        f"{parvin} — {parvin_other}",
    ]
    qtmodeltester.check(model)


def test_the_person_page_and_the_document_details_name_people_in_the_interface_script(
    make_window: MakeWindow, two_scripts_folder: Path, language: str
) -> None:
    window = _opened(make_window, two_scripts_folder)
    view = window.archive_view
    kaveh, kaveh_other = _shown_and_other(language, KAVEH)
    entry = next(e for e in _prisoner_entries(window) if e.data() == kaveh)
    view.sidebar.setCurrentIndex(entry)
    assert view.person.isVisible()
    assert plain(view.person.name.text()) == kaveh
    assert plain(view.person.name.toolTip()) == f"{kaveh} — {kaveh_other}"

    view.table.setCurrentIndex(view.documents.index(0, 0))
    dialog = view.edit_details()
    assert dialog is not None
    authors = [plain(dialog.author.itemText(n)) for n in range(dialog.author.count())]
    assert kaveh in authors and kaveh_other not in authors
    recipients = [plain(dialog.recipients.item(n).text()) for n in range(dialog.recipients.count())]
    parvin, _ = _shown_and_other(language, PARVIN)
    assert sorted(recipients) == sorted([kaveh, parvin])
    dialog.reject()


def test_a_person_found_by_search_is_named_in_the_interface_script(
    make_window: MakeWindow, two_scripts_folder: Path, language: str
) -> None:
    window = _opened(make_window, two_scripts_folder)
    view = window.archive_view
    view.search_field.setText("Amirzadeh")
    view.search.search_now()
    model = view.search.model
    kaveh, kaveh_other = _shown_and_other(language, KAVEH)
    found = [model.hit(row) for row in range(model.rowCount())]
    person = next(hit for hit in found if hit.record_type == "person")
    assert person.title == kaveh
    assert kaveh_other in plain(
        model.data(model.index(found.index(person)), Qt.ItemDataRole.ToolTipRole)
    )


def test_the_timeline_of_a_person_without_events_names_them_in_the_interface_script(
    make_window: MakeWindow, two_scripts_folder: Path, language: str
) -> None:
    window = _opened(make_window, two_scripts_folder)
    view = window.archive_view
    content = view.sidebar_content
    assert content is not None
    kaveh_id = next(p.id for p in content.prisoners if p.name_latin == KAVEH[1])
    timeline = view.open_timeline(kaveh_id)
    kaveh, kaveh_other = _shown_and_other(language, KAVEH)
    note = plain(timeline.empty_note.text())
    assert kaveh in note and kaveh_other not in note
