"""The event editor: dates checked by the core (end before start, days that do not exist in
their calendar) with the message in the dialog and nothing saved; the other calendar shown
beside; a trashed source shown as such; one spelling for one place; undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from amanat.core.dates import Calendar, parse_date
from amanat.core.records import EventType
from amanat.core.storage import documents, events
from amanat.gui.main_window import MainWindow
from amanat.gui.timeline.event_editor import EventEditor
from amanat.gui.worker import SynchronousWorker
from tests.gui import test_timeline as shared
from tests.gui.test_timeline import Case, in_core, timeline_of

# The archive with Sara's chronology, and the window opened on it.
case_folder = shared.case_folder
opened = shared.opened


def count_events(window: MainWindow, worker: SynchronousWorker, person_id: str) -> int:
    return len(in_core(window, worker, lambda a: events.events_of(a.db, person_id)))  # type: ignore[arg-type]


def new_editor(window: MainWindow, case: Case, person_id: str | None = None) -> EventEditor:
    view = timeline_of(window, person_id or case.sara)
    editor = view.new_event()
    assert editor is not None
    return editor


@pytest.mark.parametrize(
    ("start", "end", "calendar", "sentence"),
    [
        ("2011-03-05", "2011-02-01", None, "The end date comes before the start date."),
        ("1402/12/30", "", Calendar.JALALI, "Esfand 1402 has only 29 days"),
        ("2023-04-31", "", None, "April 2023 has only 30 days"),
        ("", "", None, "Give the date of the event"),
    ],
)
def test_an_impossible_event_is_refused_in_the_dialog_and_nothing_saved(
    opened, worker, start: str, end: str, calendar: Calendar | None, sentence: str
):
    window, case = opened
    before = count_events(window, worker, case.sara)
    editor = new_editor(window, case)
    editor.type.setCurrentIndex(editor.type.findData(EventType.SOLITARY))
    editor.date.setText(start)
    editor.end.setText(end)
    if calendar is not None:
        editor.date_calendar.setCurrentIndex(editor.date_calendar.findData(calendar))
    editor.accept()
    assert editor.isVisible()
    assert sentence in editor.error.text()
    assert count_events(window, worker, case.sara) == before
    assert not window.archive_view.undo_stack.canUndo()


def test_the_date_is_read_back_in_the_other_calendar_with_its_precision(opened):
    window, case = opened
    editor = new_editor(window, case)
    editor.date.setText("1403/12/30")  # a leap year: 30 Esfand exists
    assert "30 Esfand 1403 · 20 Mar 2025" in editor.date_reading.text()
    editor.date.setText("March 2011")
    # The other calendar's reading is short: the months the month runs over.
    assert "March 2011 · Esfand 1389 – Farvardin 1390" in editor.date_reading.text()
    assert "only the month is known" in editor.date_reading.text()
    editor.date.setText("31 April 2011")
    assert "April 2011 has only 30 days" in editor.date_reading.text()


def test_a_new_event_is_saved_and_undo_and_redo_take_it_out_and_back(opened, worker):
    window, case = opened
    before = count_events(window, worker, case.sara)
    view = timeline_of(window, case.sara)
    editor = view.new_event()
    assert editor is not None
    editor.type.setCurrentIndex(editor.type.findData(EventType.TRIAL))
    editor.date.setText("Mehr 1390")
    editor.place.setText("Revolutionary Court")
    editor.tags.setText("court, conditions/solitary")
    editor.accept()
    assert not editor.isVisible()
    assert count_events(window, worker, case.sara) == before + 1
    trials = in_core(
        window,
        worker,
        lambda a: [e for e in events.events_of(a.db, case.sara) if e.type is EventType.TRIAL],
    )
    assert isinstance(trials, list) and len(trials) == 1
    assert trials[0].date == parse_date("Mehr 1390") and len(trials[0].tag_ids) == 2
    assert any(i.entry.type is EventType.TRIAL for i in view.canvas.items)
    window.archive_view.undo_stack.undo()
    assert count_events(window, worker, case.sara) == before
    assert not any(i.entry.type is EventType.TRIAL for i in view.canvas.items)
    window.archive_view.undo_stack.redo()
    assert count_events(window, worker, case.sara) == before + 1


def test_changing_an_event_can_be_undone(opened, worker):
    window, case = opened
    view = timeline_of(window, case.sara)
    view.edit_event(case.arrest)
    editor = view.editor
    assert editor is not None
    editor.date.setText("2011-02-27")
    editor.accept()
    day = lambda: in_core(window, worker, lambda a: events.get(a.db, case.arrest).date)  # noqa: E731
    assert day() == parse_date("2011-02-27")
    window.archive_view.undo_stack.undo()
    assert day() == parse_date("2011-02-28")


def test_a_source_in_the_trash_is_shown_as_such(opened, worker):
    window, case = opened
    in_core(window, worker, lambda a: documents.move_to_trash(a.db, case.letter))
    view = timeline_of(window, case.sara)
    view.edit_event(case.arrest)
    editor = view.editor
    assert editor is not None
    texts = [editor.sources.item(n).text() for n in range(editor.sources.count())]
    assert any("Letter from Evin" in t and "(in the trash)" in t for t in texts)
    assert editor.chosen_sources() == (case.letter,)


def test_the_source_picker_finds_documents_by_title(opened):
    window, case = opened
    editor = new_editor(window, case)
    editor.source_search.setText("evin")
    shown = [
        editor.sources.item(n).text()
        for n in range(editor.sources.count())
        if not editor.sources.item(n).isHidden()
    ]
    assert len(shown) == 1 and shown[0].startswith("Letter from Evin")
    editor.source_search.setText("nothing like it")
    assert all(editor.sources.item(n).isHidden() for n in range(editor.sources.count()))


def test_a_place_spelled_like_a_known_one_is_offered_the_known_spelling(opened, worker):
    window, case = opened
    editor = new_editor(window, case)
    asked: list[tuple[str, str]] = []

    def yes(parent: QWidget, typed: str, existing: str) -> bool:
        asked.append((typed, existing))
        return True

    editor.ask_same_place = yes
    editor.type.setCurrentIndex(editor.type.findData(EventType.VISIT))
    editor.date.setText("2012-05-01")
    editor.place.setText("زندان قرچک")
    editor.accept()
    assert asked == [("زندان قرچک", "قرچک")]
    visits = in_core(
        window,
        worker,
        lambda a: [e.place for e in events.events_of(a.db, case.sara) if e.type is EventType.VISIT],
    )
    assert visits == ["قرچک"]
