"""Searching as one types: debounced, on the worker, highlighted safely, narrowed by filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.records import DocumentKind
from amanat.core.search import MATCH_END, MATCH_START, SearchFilters, SearchHit
from amanat.gui import search_panel
from amanat.gui.main_window import MainWindow
from amanat.gui.models.search_results import (
    HIGHLIGHT_START,
    HIT_ROLE,
    HTML_ROLE,
    SearchResultsModel,
    highlighted,
)
from amanat.gui.search_panel import DEBOUNCE_MS
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT

MakeWindow = Callable[[], MainWindow]


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    return window


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type ``text`` key by key and wait for the results. Each key is a key event carrying
    its character: QTest's keyClicks knows only Latin letters."""
    view = window.archive_view
    view.search_field.clear()
    with qtbot.waitSignal(view.search.searched, timeout=DEBOUNCE_MS * 10):
        for character in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    view.search_field,
                    QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character),
                )


def test_a_persian_word_typed_with_arabic_yeh_is_found_and_highlighted(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    _type(qtbot, window, "عزيزم")  # Arabic yeh; the text has the Persian one
    assert view.list_or_results.currentWidget() is view.search
    model = view.search.model
    assert model.rowCount() == len(range(1, DOCUMENT_COUNT, 2))  # every odd letter
    shown = model.index(0, 0).data(HTML_ROLE)
    assert HIGHLIGHT_START + "عزیزم" in shown
    assert "عزیزم" in model.index(0, 0).data()


def test_typing_quickly_runs_one_search_after_a_pause(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    runs: list[int] = []
    view.search.searched.connect(lambda: runs.append(1))
    _type(qtbot, window, "Letter 00")
    qtbot.wait(DEBOUNCE_MS * 2)
    assert runs == [1]
    assert {view.search.model.hit(r).title for r in range(view.search.model.rowCount())} == {
        f"Letter 00{n}" for n in range(10)
    }


def test_a_result_that_arrives_late_is_dropped(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    search = window.archive_view.search
    old_serial = search._serial
    _type(qtbot, window, "Letter 001")
    search._arrived(old_serial, [])  # the answer to an earlier query, arriving now
    assert search.model.rowCount() == 1


def test_hostile_input_neither_breaks_the_search_nor_injects_markup(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    for hostile in ('"', "<b>", '"Letter" OR NEAR(', "*", "<img src=x>"):
        view.search_field.clear()
        qtbot.keyClicks(view.search_field, hostile)
        view.search.search_now()
        assert view.search.problem.isHidden()
    hit = SearchHit(
        "document", "x", "x", None, "<b>boo</b>", f"a {MATCH_START}<i>{MATCH_END} &", 0.0
    )
    html = highlighted(hit.snippet)
    assert "<i>" not in html and "&lt;i&gt;" in html and "&amp;" in html
    model = SearchResultsModel()
    model.set_hits([hit])
    assert "<b>boo</b>" not in model.index(0, 0).data(HTML_ROLE)
    assert "&lt;b&gt;boo&lt;/b&gt;" in model.index(0, 0).data(HTML_ROLE)
    # A stray marker from the archive's own text never leaves a highlight open.
    assert highlighted(f"{MATCH_START}{MATCH_START}x") == f"{HIGHLIGHT_START}x</span>"
    assert highlighted(f"{MATCH_END}x") == "x"


def test_filters_narrow_the_results(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    search = view.search
    _type(qtbot, window, "Letter")
    everything = search.model.rowCount()
    assert everything > 0
    search.kind.setCurrentIndex(search.kind.findData(DocumentKind.TESTIMONY.value))
    kinds = {search.model.hit(r).record_id for r in range(search.model.rowCount())}
    assert 0 < len(kinds) < everything
    search.kind.setCurrentIndex(0)
    search.tag.setCurrentIndex(search.tag.findText("conditions/solitary"))
    tagged = search.model.rowCount()
    assert 0 < tagged < everything
    search.tag.setCurrentIndex(0)
    search.person.setCurrentIndex(search.person.findText("Narges"))
    assert 0 < search.model.rowCount() < everything
    search.person.setCurrentIndex(0)
    # Both calendars: 1390 is a Jalali year (March 2011 to March 2012).
    search.since.setText("1390")
    search.until.setText("Esfand 1390")
    search.search_now()
    in_1390 = search.model.rowCount()
    assert 0 < in_1390 < everything
    search.since.setText("March 2011")
    search.until.setText("2012")
    search.search_now()
    assert 0 < search.model.rowCount() < everything
    search.since.setText("not a date")
    search.search_now()
    assert not search.problem.isHidden()
    assert search.model.rowCount() == 0


def test_clicking_a_result_opens_its_document(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    _type(qtbot, window, "Letter 007")
    index = view.search.model.index(0, 0)
    hit = index.data(HIT_ROLE)
    with qtbot.waitSignal(view.document_shown) as shown:
        view.search.results.setCurrentIndex(index)
    assert shown.args == [hit.document_id]
    assert view.document.title.text().strip("\u2066\u2067\u2069") == "Letter 007"


def test_clicking_a_person_opens_their_page(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    _type(qtbot, window, "Narges")
    model = view.search.model
    row = next(r for r in range(model.rowCount()) if model.hit(r).record_type == "person")
    view.search.results.setCurrentIndex(model.index(row, 0))
    assert view.list_or_results.currentWidget() is view.table
    assert view.person.isVisible()
    assert view.documents.rowCount() == len(range(1, DOCUMENT_COUNT, 2))


def test_the_results_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _opened(make_window, location, filled_folder)
    _type(qtbot, window, "Letter")
    qtmodeltester.check(window.archive_view.search.model)


def test_escape_leaves_the_search_for_the_list(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    _type(qtbot, window, "Letter")
    qtbot.keyClick(view.search_field, Qt.Key.Key_Escape)
    assert view.list_or_results.currentWidget() is view.table


def test_a_key_typed_cancels_the_search_on_its_way(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _opened(make_window, location, filled_folder)
    checks: list[Callable[[], bool]] = []
    real = search_panel.search_archive

    def recorded(query: str, filters: SearchFilters, cancel: Callable[[], bool] | None = None):
        assert cancel is not None
        checks.append(cancel)
        return real(query, filters, cancel)

    monkeypatch.setattr(search_panel, "search_archive", recorded)
    _type(qtbot, window, "Letter")
    [first] = checks
    assert not first()  # the answer to what is in the field: wanted
    field = window.archive_view.search_field
    QApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, " ")
    )
    assert first()  # a key press, before the pause is over, tells it to stop
