"""People: adding them, listing them (prisoners first), what the archive holds about one."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.errors import InvalidInput
from amanat.core.records import Document, Event, Person, Role
from amanat.core.storage import documents, events, people
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive


def add_person(archive: Archive, person: Person) -> Person:
    if not person.display_name.strip():
        raise InvalidInput("person-needs-name")
    return people.add(archive.db, person)


def list_people(archive: Archive, role: Role | None = None) -> list[Person]:
    """Everyone (or everyone in ``role``), prisoners first, then by name."""
    return people.all_people(archive.db, role)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person with the documents that concern them and their chronology."""

    person: Person
    documents: tuple[Document, ...]
    events: tuple[Event, ...]


def person_record(archive: Archive, person_id: str) -> PersonRecord:
    db = archive.db
    person = people.get(db, person_id)
    return PersonRecord(
        person,
        tuple(documents.list_documents(db, DocumentFilter(person_id=person.id))),
        tuple(events.events_of(db, person.id)),
    )


@dataclass(frozen=True, slots=True)
class PersonDetails:
    person: Person
    document_count: int


def person_details(archive: Archive, person_id: str) -> PersonDetails:
    db = archive.db
    return PersonDetails(
        people.get(db, person_id),
        documents.count_matching(db, DocumentFilter(person_id=person_id)),
    )
