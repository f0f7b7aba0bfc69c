"""A person's events: added, changed, removed (and put back by undo), and what the event
editor offers to choose from."""

from __future__ import annotations

from dataclasses import dataclass, replace

from amanat.app.tags import all_entries, ids_of_paths
from amanat.core.dates import FuzzyDate
from amanat.core.records import Event
from amanat.core.storage import documents, events, people, tags
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive


def list_events(archive: Archive, person_id: str) -> list[Event]:
    """The person's events; an unknown person is an error, not an empty list."""
    people.get(archive.db, person_id)
    return events.events_of(archive.db, person_id)


def save_event(archive: Archive, event: Event, tag_paths: tuple[str, ...], new: bool) -> Event:
    """Add (``new``) or change an event; tags named by path are made if they do not exist yet,
    in the same transaction, so a refused event leaves no stray tag behind."""
    db = archive.db
    with db.transaction():
        chosen = replace(event, tag_ids=ids_of_paths(db, tag_paths))
        return events.add(db, chosen) if new else events.update(db, chosen)


def restore_event(archive: Archive, event: Event) -> Event:
    """Put an event back exactly as it was (undoing a change to it)."""
    return events.update(archive.db, event)


def remove_event(archive: Archive, event_id: str) -> None:
    events.remove(archive.db, event_id)


@dataclass(frozen=True, slots=True)
class EventToEdit:
    event: Event
    tag_paths: tuple[str, ...]


def event_to_edit(archive: Archive, event_id: str) -> EventToEdit:
    db = archive.db
    event = events.get(db, event_id)
    return EventToEdit(event, tuple(tags.path_of(db, t) for t in event.tag_ids))


@dataclass(frozen=True, slots=True)
class DocumentChoice:
    """A document the event editor offers as a source."""

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


def editor_choices(archive: Archive, person_id: str, cited: tuple[str, ...] = ()) -> EditorChoices:
    """The person's documents (and any already cited, trashed or not) as source choices."""
    db = archive.db
    found = {
        d.id: DocumentChoice(d.id, d.title, d.date, d.trashed is not None)
        for d in documents.list_documents(db, DocumentFilter(person_id=person_id))
    }
    for document_id in cited:
        if document_id not in found:
            d = documents.get(db, document_id)
            found[d.id] = DocumentChoice(d.id, d.title, d.date, d.trashed is not None)
    paths = tuple(entry.path for entry in all_entries(archive))
    return EditorChoices(tuple(events.places(db)), paths, tuple(found.values()))
