"""The document list, the sidebar and the chosen document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.records import Document, DocumentKind, Provenance
from amanat.core.storage import documents as stored_documents
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.models.document_list import ID_ROLE, PAGE_ROWS, DocumentListModel
from amanat.gui.models.sidebar import FILTER_ROLE, SidebarModel
from amanat.gui.operations import DocumentColumn, load_sidebar, open_archive
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT

MakeWindow = Callable[[], MainWindow]


def _opened(worker: SynchronousWorker, folder: Path) -> None:
    worker.submit(open_archive(folder, PASSWORD), worker)


def _column(model: DocumentListModel, column: DocumentColumn) -> list[str]:
    return [model.index(row, int(column)).data() for row in range(model.rowCount())]


def test_document_model_passes_the_model_tester(
    qtmodeltester: ModelTester, worker: SynchronousWorker, filled_folder: Path
) -> None:
    _opened(worker, filled_folder)
    model = DocumentListModel(worker, Preferences())
    model.show_documents(DocumentFilter())
    assert model.rowCount() == DOCUMENT_COUNT > 2 * PAGE_ROWS
    qtmodeltester.check(model)


def test_document_model_sorts_by_asking_for_the_ids_again(
    worker: SynchronousWorker, filled_folder: Path
) -> None:
    _opened(worker, filled_folder)
    model = DocumentListModel(worker, Preferences())
    model.show_documents(DocumentFilter())
    model.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    titles = _column(model, DocumentColumn.TITLE)
    assert titles == sorted(titles)
    model.sort(int(DocumentColumn.TITLE), Qt.SortOrder.DescendingOrder)
    assert _column(model, DocumentColumn.TITLE) == sorted(titles, reverse=True)
    model.sort(int(DocumentColumn.DATE), Qt.SortOrder.AscendingOrder)
    ids = [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]
    assert len(set(ids)) == DOCUMENT_COUNT


def test_rows_arrive_a_page_at_a_time(worker: SynchronousWorker, filled_folder: Path) -> None:
    _opened(worker, filled_folder)
    calls: list[int] = []
    original = worker.submit

    def counting(operation, owner, done=None, failed=None):  # type: ignore[no-untyped-def]
        calls.append(1)
        original(operation, owner, done, failed)

    worker.submit = counting  # type: ignore[method-assign]
    model = DocumentListModel(worker, Preferences())
    model.show_documents(DocumentFilter())
    assert len(calls) == 1  # only the ids
    for row in range(PAGE_ROWS):
        model.index(row, 0).data()
    assert len(calls) == 2  # one page of rows
    model.index(PAGE_ROWS, 0).data()
    assert len(calls) == 3


def test_dates_are_shown_in_persian_digits_in_the_persian_interface(
    worker: SynchronousWorker, filled_folder: Path
) -> None:
    _opened(worker, filled_folder)
    preferences = Preferences.for_language("fa")
    model = DocumentListModel(worker, preferences)
    model.show_documents(DocumentFilter())
    shown = model.index(0, int(DocumentColumn.DATE)).data()
    assert any("۰" <= c <= "۹" for c in shown)  # Persian digits
    assert " · " in shown  # and the other calendar's reading


def _dated_letters(folder: Path) -> None:
    """Four letters dated as families enter them: a Gregorian day, a Jalali month, a year
    known only roughly, and none."""
    with Archive.open(folder, PASSWORD) as archive, archive.db.transaction():
        for title, date in (
            ("day", FuzzyDate.of_day(2019, 6, 10, Calendar.GREGORIAN)),
            ("month", FuzzyDate.of_month(1403, 5, Calendar.JALALI)),
            ("year", FuzzyDate.of_year(2018, Calendar.GREGORIAN, circa=True)),
            ("undated", None),
        ):
            stored_documents.add(
                archive.db, Document(kind=DocumentKind.LETTER, title=title, date=date)
            )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "year": "c. 2018 · 1396–1397",
                "day": "10 June 2019 · 20 Khordad 1398",
                "month": "Mordad 1403 · Jul–Aug 2024",
                "undated": "",
            },
        ),
        (
            "fa",
            {
                "year": "حدود ۲۰۱۸ · ۱۳۹۶–۱۳۹۷",
                "day": "۱۰ ژوئن ۲۰۱۹ · ۲۰ خرداد ۱۳۹۸",
                "month": "مرداد ۱۴۰۳ · ژوئیه–اوت ۲۰۲۴",
                "undated": "",
            },
        ),
    ],
)
def test_the_date_column_reads_as_entered_and_sorts_by_the_day_not_the_text(
    worker: SynchronousWorker, archive_folder: Path, language: str, expected: dict[str, str]
) -> None:
    _dated_letters(archive_folder)
    _opened(worker, archive_folder)
    # The calendar chosen in the settings does not turn a date into the other one: each
    # reads as it was entered, the other calendar after the dot.
    preferences = Preferences.for_language(language)
    preferences.calendar = Calendar.GREGORIAN if language == "fa" else Calendar.JALALI
    model = DocumentListModel(worker, preferences)
    model.show_documents(DocumentFilter())
    model.sort(int(DocumentColumn.DATE), Qt.SortOrder.AscendingOrder)
    titles = _column(model, DocumentColumn.TITLE)
    shown = dict(zip(titles, _column(model, DocumentColumn.DATE), strict=True))
    assert shown == expected
    # Earliest first by the first day each covers; the undated last. The texts themselves
    # would sort otherwise ("10 June 2019" before "c. 2018").
    assert titles == ["year", "day", "month", "undated"]
    model.sort(int(DocumentColumn.DATE), Qt.SortOrder.DescendingOrder)
    assert _column(model, DocumentColumn.TITLE)[:3] == ["month", "day", "year"]


def test_sidebar_passes_the_model_tester_and_puts_prisoners_first(
    qtmodeltester: ModelTester, worker: SynchronousWorker, filled_folder: Path
) -> None:
    _opened(worker, filled_folder)
    model = SidebarModel()
    worker.submit(load_sidebar, model, model.set_content)
    qtmodeltester.check(model)
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert headings[:3] == ["All documents", "Prisoners", "Other people"]
    prisoners = model.index(1, 0)
    assert [model.index(r, 0, prisoners).data() for r in range(model.rowCount(prisoners))] == [
        "Kaveh",
        "Narges",
    ]
    tags = model.index(headings.index("Tags"), 0)
    conditions = model.index(0, 0, tags)
    assert conditions.data() == "conditions"
    assert model.index(0, 0, conditions).data() == "solitary"
    assert conditions.data(Qt.ItemDataRole.DecorationRole) is not None


def test_choosing_a_tag_in_the_sidebar_filters_the_list(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    model = view.sidebar_model
    tags = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data() == "Tags"
    )
    conditions = model.index(0, 0, tags)
    view.sidebar.setCurrentIndex(conditions)
    assert isinstance(conditions.data(FILTER_ROLE), DocumentFilter)
    # Every third document is tagged conditions/solitary; the parent tag finds them too.
    assert view.documents.rowCount() == len(range(0, DOCUMENT_COUNT, 3))
    assert set(_column(view.documents, DocumentColumn.TAGS)) == {"conditions/solitary"}


def test_choosing_a_document_shows_its_details_and_its_texts_in_their_direction(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    view.select_document(view.documents.document_id(1))  # "Letter 001" has a Persian text
    document = view.document
    assert document.title.text().strip("\u2066\u2067\u2069") == "Letter 001"
    assert document.texts.count() == 1
    assert document.texts.tabText(0) == "Transcription · Persian · draft"
    editor = document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    assert editor.body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert editor.body.toPlainText() == "مادر عزیزم، سلام."
    shown = {
        document.form.itemAt(row, document.form.ItemRole.LabelRole).widget().text()
        for row in range(document.form.rowCount())
    }
    assert {"Kind:", "Date:", "From:", "To:"} <= shown
    assert view.document.pages.position.text() == ""
    assert QModelIndex() != view.table.currentIndex()


def test_the_details_give_the_received_date_as_entered_with_the_other_calendar(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive, archive.db.transaction():
        received = Provenance("Reza", FuzzyDate.of_day(1398, 5, 23, Calendar.JALALI), "by hand")
        letter = stored_documents.add(
            archive.db, Document(kind=DocumentKind.LETTER, title="letter", provenance=received)
        )
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    window.archive_view.select_document(letter.id)
    form = window.archive_view.document.form
    shown = {
        form.itemAt(row, form.ItemRole.LabelRole).widget().text(): form.itemAt(
            row, form.ItemRole.FieldRole
        )
        .widget()
        .text()
        for row in range(form.rowCount())
    }
    assert shown["Received from:"] == "Reza, 23 Mordad 1398 · 14 Aug 2019"
