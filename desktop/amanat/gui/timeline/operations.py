"""What the timeline window and the event editor ask of the archive, as worker operations
(see gui/operations.py): plain values back, never live records."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path

from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.places import merge_places
from amanat.core.records import Event
from amanat.core.storage import documents, events, tags
from amanat.core.storage.documents import DocumentFilter
from amanat.core.timeline import Timeline, build_timeline
from amanat.core.timeline_export import to_csv_file_bytes, write_new_file
from amanat.core.timeline_pdf import to_pdf
from amanat.gui.worker import Operation, Session


def load_timeline(person_id: str, today: datetime.date | None = None) -> Operation[Timeline]:
    def run(session: Session) -> Timeline:
        return build_timeline(session.require().db, person_id, today=today)

    return run


@dataclass(frozen=True, slots=True)
class DocumentChoice:
    """A document the editor offers as a source."""

    id: str
    title: str
    date: FuzzyDate | None
    in_trash: bool


@dataclass(frozen=True, slots=True)
class EditorChoices:
    """What the event editor completes and offers: places used, tags, documents."""

    places: tuple[str, ...]
    tag_paths: tuple[str, ...]
    documents: tuple[DocumentChoice, ...]


def editor_choices(person_id: str, cited: tuple[str, ...] = ()) -> Operation[EditorChoices]:
    """The person's documents (and any already cited, trashed or not) as source choices."""

    def run(session: Session) -> EditorChoices:
        db = session.require().db
        found = {
            d.id: DocumentChoice(d.id, d.title, d.date, d.trashed is not None)
            for d in documents.list_documents(db, DocumentFilter(person_id=person_id))
        }
        for document_id in cited:
            if document_id not in found:
                d = documents.get(db, document_id)
                found[d.id] = DocumentChoice(d.id, d.title, d.date, d.trashed is not None)
        paths = sorted((tags.path_of(db, t.id) for t in tags.all_tags(db)), key=str.casefold)
        return EditorChoices(tuple(events.places(db)), tuple(paths), tuple(found.values()))

    return run


def save_event(event: Event, tag_paths: tuple[str, ...], new: bool) -> Operation[Event]:
    """Add (``new``) or change an event; tags named by path are made if they do not exist
    yet, in the same transaction, so a refused event leaves no stray tag behind."""

    def run(session: Session) -> Event:
        db = session.require().db
        with db.transaction():
            tag_ids = tuple(tags.ensure(db, path).id for path in tag_paths)
            chosen = replace(event, tag_ids=tag_ids)
            return events.add(db, chosen) if new else events.update(db, chosen)

    return run


def restore_event(event: Event) -> Operation[Event]:
    """Put an event back exactly as it was (undoing a change to it)."""

    def run(session: Session) -> Event:
        return events.update(session.require().db, event)

    return run


def remove_event(event_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        events.remove(session.require().db, event_id)

    return run


def merge_place_spellings(
    person_id: str, spellings: tuple[str, ...], into: str
) -> Operation[tuple[str, ...]]:
    def run(session: Session) -> tuple[str, ...]:
        return merge_places(session.require().db, person_id, spellings, into)

    return run


def export_timeline(person_id: str, path: Path, kind: str, calendar: Calendar) -> Operation[Path]:
    """Build the chronology and write it as "pdf" or "csv" to a file that must be new."""

    def run(session: Session) -> Path:
        chronology = build_timeline(session.require().db, person_id)
        data = (
            to_pdf(chronology, calendar)
            if kind == "pdf"
            else to_csv_file_bytes(chronology, calendar)
        )
        write_new_file(path, data)
        return path

    return run


@dataclass(frozen=True, slots=True)
class EventToEdit:
    event: Event
    tag_paths: tuple[str, ...]


def event_to_edit(event_id: str) -> Operation[EventToEdit]:
    def run(session: Session) -> EventToEdit:
        db = session.require().db
        event = events.get(db, event_id)
        return EventToEdit(event, tuple(tags.path_of(db, t) for t in event.tag_ids))

    return run
