"""A person's timeline in the window: lanes per place, zoom and pan, filters, clicks that
open documents and events, the facts that select their events, an empty chronology, the
right-to-left mirror, export, places spelled two ways, and what a lock does to it all."""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.dates import Calendar, parse_date
from amanat.core.places import PlaceGroup
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    Role,
    Tag,
)
from amanat.core.storage import documents, events, people, tags
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from amanat.gui.timeline.canvas import (
    AXIS_HEIGHT,
    LANE_HEIGHT,
    ZOOM_LEVELS,
    Filter,
    ItemShape,
    TimelineCanvas,
)
from amanat.gui.timeline.view import TimelineView
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser

MakeWindow = Callable[[], MainWindow]


@dataclass(frozen=True)
class Case:
    sara: str
    omid: str
    letter: str
    arrest: str
    strike: str
    tag: str


@pytest.fixture
def case_folder(archive_folder: Path) -> tuple[Path, Case]:
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        sara = people.add(db, Person("Sara Example", name_fa="سارا", roles=(Role.PRISONER,)))
        omid = people.add(db, Person("Omid Example", roles=(Role.PRISONER,)))
        solitary = tags.add(db, Tag("solitary"))
        letter = documents.add(
            db, Document(DocumentKind.LETTER, "Letter from Evin", parse_date("March 2011"), sara.id)
        )
        arrest = events.add(
            db,
            Event(
                sara.id,
                EventType.ARREST,
                parse_date("2011-02-28"),
                place="Evin",
                source_ids=(letter.id,),
            ),
        )
        events.add(
            db,
            Event(
                sara.id,
                EventType.SOLITARY,
                parse_date("2011-03-05"),
                parse_date("2011-04-20"),
                place="اوین",
                tag_ids=(solitary.id,),
            ),
        )
        events.add(db, Event(sara.id, EventType.TRANSFER, parse_date("2012-01-10"), place="قرچک"))
        strike = events.add(
            db, Event(sara.id, EventType.HUNGER_STRIKE, parse_date("1403/03/01"), ongoing=True)
        )
    return archive_folder, Case(sara.id, omid.id, letter.id, arrest.id, strike.id, solitary.id)


@pytest.fixture
def opened(
    make_window: MakeWindow, location: RememberedLocation, case_folder: tuple[Path, Case]
) -> tuple[MainWindow, Case]:
    folder, case = case_folder
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window, case


def timeline_of(window: MainWindow, person_id: str) -> TimelineView:
    view = window.archive_view.open_timeline(person_id)
    view.resize(1100, 500)
    view.canvas.resize(900, 300)
    return view


def centre_of(canvas: TimelineCanvas, entry_id: str) -> QPoint:
    """Where an entry is drawn: its mark, or the middle of its bar's visible part."""
    item = next(i for i in canvas.items if i.entry.id == entry_id and i.shape is not ItemShape.STAY)
    y = AXIS_HEIGHT + item.lane * LANE_HEIGHT + LANE_HEIGHT // 2
    if item.shape is ItemShape.MARK:
        return QPoint(round(canvas.x_of(item.first)), y)
    return QPoint(round(canvas.x_of((item.first + item.last) / 2)), y)


def in_core(
    window: MainWindow, worker: SynchronousWorker, read: Callable[[Archive], object]
) -> object:
    found: list[object] = []

    def run(session: Session) -> object:
        return read(session.require())

    worker.submit(run, window, found.append)
    return found[0]


# --- Lanes, zoom, pan --------------------------------------------------------------------


def test_evin_spelled_two_ways_shares_one_lane_and_the_transfer_moves_to_another(opened):
    window, case = opened
    canvas = timeline_of(window, case.sara).canvas
    assert canvas.lanes == ["Evin", "قرچک", "No place recorded", "Documents"]
    lanes = {i.entry.type: i.lane for i in canvas.items if i.shape is not ItemShape.STAY}
    assert lanes[EventType.ARREST] == lanes[EventType.SOLITARY] == 0
    assert lanes[EventType.TRANSFER] == 1
    stays = [i for i in canvas.items if i.shape is ItemShape.STAY]
    # Held in Evin from the arrest until the transfer, then in Qarchak until today.
    assert [(s.lane, s.open) for s in stays] == [(0, False), (1, True)]
    assert stays[0].last == datetime.date(2012, 1, 10).toordinal()


def test_zoom_levels_are_laid_out_while_idle_nearest_first_and_again_after_a_filter(
    opened, qtbot: QtBot
):
    window, case = opened
    canvas = timeline_of(window, case.sara).canvas
    every = frozenset(range(len(ZOOM_LEVELS)))
    qtbot.waitUntil(lambda: canvas.drawn_ahead_levels == every, timeout=10000)
    assert canvas.laid_out_levels == every
    shown = canvas.level
    canvas.set_filter(Filter(types=frozenset({EventType.ARREST})))
    assert canvas.laid_out_levels == frozenset()  # the old layouts went with the old filter
    qtbot.waitUntil(lambda: len(canvas.laid_out_levels) >= 3, timeout=5000)
    done = canvas.laid_out_levels
    waiting = every - done
    assert shown in done
    if waiting:  # nearest first: nothing laid out is farther than what still waits
        assert max(abs(n - shown) for n in done) <= min(abs(n - shown) for n in waiting)
    qtbot.waitUntil(lambda: canvas.laid_out_levels == every, timeout=5000)


def test_ctrl_wheel_zooms_in_keeping_the_day_under_the_pointer(opened, qtbot: QtBot):
    window, case = opened
    canvas = timeline_of(window, case.sara).canvas
    x = canvas.plot_rect().x() + 200
    day_before = canvas.day_at(x)
    level_before = canvas.level
    wheel(canvas, QPointF(x, 100), 120, Qt.KeyboardModifier.ControlModifier)
    assert canvas.level == level_before + 1
    assert canvas.day_at(x) == pytest.approx(day_before)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.level == level_before - 1


def test_plus_key_and_buttons_zoom_and_the_slider_follows(opened, qtbot: QtBot):
    window, case = opened
    view = timeline_of(window, case.sara)
    level = view.canvas.level
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus)
    assert view.canvas.level == level + 2
    assert view.zoom.value() == level + 2
    view.zoom_out_button.click()
    assert view.canvas.level == level
    view.zoom.setValue(0)
    assert view.canvas.level == 0


def test_dragging_to_the_right_shows_earlier_days_and_the_wheel_pans(opened, qtbot: QtBot):
    window, case = opened
    canvas = timeline_of(window, case.sara).canvas
    origin = canvas.origin
    start = QPoint(canvas.plot_rect().x() + 300, AXIS_HEIGHT + 5 * LANE_HEIGHT)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(100, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    assert canvas.origin == pytest.approx(origin - 100 / canvas.pixels_per_day)
    wheel(canvas, QPointF(start), -120)
    assert canvas.origin > origin - 100 / canvas.pixels_per_day


def test_jump_to_a_jalali_date_centres_it_and_zooms_in(opened):
    window, case = opened
    view = timeline_of(window, case.sara)
    level = view.canvas.level
    view.jump.setText("Esfand 1389")
    view.jump_to_typed_date()
    middle = view.canvas.day_at(view.canvas.plot_rect().center().x())
    esfand = parse_date("Esfand 1389")
    assert esfand.start.toordinal() <= middle <= esfand.end.toordinal() + 1
    assert view.canvas.level > level
    view.jump.setText("31 April 2011")
    view.jump_to_typed_date()
    assert "April 2011 has only 30 days" in view.status.text()


# --- Filters ----------------------------------------------------------------------------------


def test_filter_by_type_keeps_only_hunger_strikes(opened):
    window, case = opened
    view = timeline_of(window, case.sara)
    view.type_filter.setCurrentIndex(view.type_filter.findText("Hunger strike"))
    assert [i.entry.id for i in view.canvas.items] == [case.strike]
    view.type_filter.setCurrentIndex(0)
    assert len(view.canvas.items) > 1


def test_filter_by_tag_keeps_only_the_tagged_solitary_confinement(opened):
    window, case = opened
    view = timeline_of(window, case.sara)
    view.tag_filter.setCurrentIndex(view.tag_filter.findData(case.tag))
    assert [i.entry.type for i in view.canvas.items] == [EventType.SOLITARY]


# --- Clicks -------------------------------------------------------------------------------------


def test_clicking_a_document_opens_it_in_the_archive(opened, qtbot: QtBot):
    window, case = opened
    view = timeline_of(window, case.sara)
    view.jump.setText("March 2011")
    view.jump_to_typed_date()
    with qtbot.waitSignal(window.archive_view.document_shown) as shown:
        qtbot.mouseClick(
            view.canvas, Qt.MouseButton.LeftButton, pos=centre_of(view.canvas, case.letter)
        )
    assert shown.args == [case.letter]
    assert window.archive_view.document.document_id == case.letter


def test_clicking_an_event_opens_it_in_the_editor(opened, qtbot: QtBot):
    window, case = opened
    view = timeline_of(window, case.sara)
    view.jump.setText("2011-02-28")
    view.jump_to_typed_date()
    point = centre_of(view.canvas, case.arrest)
    tooltip = view.canvas.describe(view.canvas.item_at(point))
    assert "Evin" in tooltip
    # The date as entered, then the other calendar's reading (docs/dates.md).
    assert "28 February 2011 · 9 Esfand 1389" in tooltip.splitlines()
    view.canvas.set_calendar(Calendar.JALALI, "fa")
    persian = view.canvas.describe(view.canvas.item_at(point))
    assert "۲۸ فوریه ۲۰۱۱ · ۹ اسفند ۱۳۸۹" in persian.splitlines()
    view.canvas.set_calendar(Calendar.GREGORIAN, "en")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
    editor = view.editor
    assert editor is not None and editor.original is not None
    assert editor.original.id == case.arrest
    assert editor.place.text() == "Evin"
    assert editor.chosen_sources() == (case.letter,)


def test_clicking_a_contradiction_or_fact_selects_its_events(opened):
    window, case = opened
    view = timeline_of(window, case.sara)
    texts = [view.facts.item(n).text() for n in range(view.facts.count())]
    hunger = next(n for n, t in enumerate(texts) if t.startswith("Hunger strike:"))
    assert "still going on" in texts[hunger]
    view._fact_chosen(view.facts.item(hunger))
    assert view.canvas.selected == {case.strike}


# --- An empty chronology; right to left ------------------------------------------------------


def test_person_without_events_gets_a_sentence_and_a_button_to_add_one(opened):
    window, case = opened
    view = timeline_of(window, case.omid)
    assert view.pages.currentIndex() == 1
    assert "Nothing is recorded for" in view.empty_note.text()
    assert "the arrest" in view.empty_note.text()
    view.empty_add_button.click()
    assert view.editor is not None and view.editor.original is None


def test_in_right_to_left_layout_time_runs_from_the_right(opened, qtbot: QtBot):
    window, case = opened
    view = timeline_of(window, case.sara)
    canvas = view.canvas
    canvas.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    canvas.fit()
    early = canvas.x_of(datetime.date(2011, 1, 1).toordinal())
    late = canvas.x_of(datetime.date(2020, 1, 1).toordinal())
    assert late < early
    assert canvas.plot_rect().right() < canvas.width() - 100  # lane names on the right
    point = centre_of(canvas, case.arrest)
    assert canvas.item_at(point) is not None and canvas.item_at(point).entry.id == case.arrest
    # Dragging to the left now shows earlier days.
    origin = canvas.origin
    start = QPoint(200, AXIS_HEIGHT + 5 * LANE_HEIGHT)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start - QPoint(80, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start - QPoint(80, 0))
    assert canvas.origin < origin


# --- Places spelled two ways; export; lock ------------------------------------------------


def test_treating_evin_and_its_persian_spelling_as_one_place(opened, worker):
    window, case = opened
    view = timeline_of(window, case.sara)
    assert view.merge_button.isVisibleTo(view)
    asked: list[PlaceGroup] = []

    def choose(parent: QWidget, group: PlaceGroup) -> str:
        asked.append(group)
        return "Evin"

    view.ask_merge = choose
    view.offer_place_merges()
    assert set(asked[0].spellings) == {"Evin", "اوین"}
    places = in_core(window, worker, lambda a: {e.place for e in events.events_of(a.db, case.sara)})
    assert places == {"Evin", "قرچک", ""}
    assert not view.merge_button.isVisibleTo(view)


def test_export_pdf_writes_the_chronology_to_the_chosen_new_file(opened, tmp_path: Path):
    window, case = opened
    view = timeline_of(window, case.sara)
    target = tmp_path / "sara"

    class Chooser(FakeChooser):
        def new_file(self, parent, title, pattern, suggested):  # type: ignore[no-untyped-def]
            return target

    view.chooser = Chooser()
    view.export("pdf")
    written = tmp_path / "sara.pdf"
    assert "not encrypted" in view.status.text()
    document = pypdfium2.PdfDocument(written.read_bytes())
    text = unicodedata.normalize("NFKC", document[0].get_textpage().get_text_range())
    document.close()
    assert "Chronology of Sara Example" in text
    view.export("pdf")  # the same name again: refused, the file kept
    assert "already exists" in view.status.text()


def test_lock_closes_the_timeline_and_its_editor(opened):
    window, case = opened
    view = timeline_of(window, case.sara)
    editor = view.new_event()
    assert editor is not None
    window.lock()
    assert window.archive_view.timeline_view is None
    assert view.timeline is None and view.canvas.items == []
    assert not editor.isVisible()


def wheel(
    widget: QWidget, position: QPointF, delta: int, modifiers=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        position,
        QPointF(widget.mapToGlobal(position.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
