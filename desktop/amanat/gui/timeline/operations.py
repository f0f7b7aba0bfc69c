"""What the timeline window and the event editor ask of the archive, as worker operations
(see gui/operations.py): each hands the unlocked archive to ``amanat.app`` and returns plain
values, never live records."""

from __future__ import annotations

import datetime
from pathlib import Path

from amanat.app import events, places, timeline
from amanat.app.events import DocumentChoice, EditorChoices, EventToEdit
from amanat.core.dates import Calendar
from amanat.core.records import Event
from amanat.core.timeline import Timeline
from amanat.gui.pdf_words import pdf_words
from amanat.gui.worker import Operation, Session

__all__ = ["DocumentChoice", "EditorChoices", "EventToEdit"]


def load_timeline(person_id: str, today: datetime.date | None = None) -> Operation[Timeline]:
    def run(session: Session) -> Timeline:
        return timeline.load_timeline(session.require(), person_id, today=today)

    return run


def editor_choices(person_id: str, cited: tuple[str, ...] = ()) -> Operation[EditorChoices]:
    def run(session: Session) -> EditorChoices:
        return events.editor_choices(session.require(), person_id, cited)

    return run


def save_event(event: Event, tag_paths: tuple[str, ...], new: bool) -> Operation[Event]:
    def run(session: Session) -> Event:
        return events.save_event(session.require(), event, tag_paths, new)

    return run


def restore_event(event: Event) -> Operation[Event]:
    def run(session: Session) -> Event:
        return events.restore_event(session.require(), event)

    return run


def remove_event(event_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        events.remove_event(session.require(), event_id)

    return run


def merge_place_spellings(
    person_id: str, spellings: tuple[str, ...], into: str
) -> Operation[tuple[str, ...]]:
    def run(session: Session) -> tuple[str, ...]:
        return places.merge_place_spellings(session.require(), spellings, into, person_id)

    return run


def export_timeline(person_id: str, path: Path, kind: str, calendar: Calendar) -> Operation[Path]:
    """Write the chronology as "pdf" or "csv" to a file that must be new, a PDF's own words
    in the interface's language."""
    words = pdf_words()

    def run(session: Session) -> Path:
        timeline.export_timeline(session.require(), person_id, path, kind, calendar, words=words)
        return path

    return run


def event_to_edit(event_id: str) -> Operation[EventToEdit]:
    def run(session: Session) -> EventToEdit:
        return events.event_to_edit(session.require(), event_id)

    return run
