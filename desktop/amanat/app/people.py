"""People: adding and editing them, listing them (prisoners first), what the archive holds
about one, merging two records of one person, the trash."""

from __future__ import annotations

from dataclasses import dataclass, replace

from amanat.core.records import Document, Event, Person, Role
from amanat.core.storage import documents, events, people
from amanat.core.storage.documents import DocumentFilter
from amanat.core.storage.people import Merged
from amanat.core.vault import Archive


def tidied(person: Person) -> Person:
    """``person`` as both clients store it: names without stray spaces, no empty or repeated
    alias, and the display name taken from a script name when only that was given."""
    name_fa, name_latin = person.name_fa.strip(), person.name_latin.strip()
    display = person.display_name.strip() or name_fa or name_latin
    names = {display, name_fa, name_latin}
    aliases = (a.strip() for a in person.aliases)
    return replace(
        person,
        display_name=display,
        name_fa=name_fa,
        name_latin=name_latin,
        aliases=tuple(dict.fromkeys(a for a in aliases if a and a not in names)),
        roles=tuple(dict.fromkeys(person.roles)),
        notes=person.notes.strip(),
    )


def add_person(archive: Archive, person: Person) -> Person:
    """A person with no name at all is refused ("A person needs a name.")."""
    return people.add(archive.db, tidied(person))


def edit_person(archive: Archive, person: Person) -> Person:
    """Save every field of ``person`` (found by its id), with the same checks as adding."""
    return people.update(archive.db, tidied(person))


def get_person(archive: Archive, person_id: str) -> Person:
    return people.get(archive.db, person_id)


def merge_people(archive: Archive, kept_id: str, other_id: str) -> Merged:
    """Fold ``other_id`` into ``kept_id``: every document that names them, their events and
    roles move to the kept person, whose record gains the other's names as aliases. Returns
    what ``unmerge_people`` needs to take it back."""
    return people.merge(archive.db, kept_id, other_id)


def unmerge_people(archive: Archive, merged: Merged) -> None:
    people.unmerge(archive.db, merged)


def check_trashable(archive: Archive, person_id: str) -> Person:
    """The person if they may go to the trash; raises the sentence saying how many documents
    still name them otherwise. Nothing changes either way."""
    return people.check_trashable(archive.db, person_id)


def check(person: Person) -> None:
    """Raise the sentence for what is wrong with ``person`` before it is saved (a dialog
    asks as the user types); nothing is read or written."""
    people.validate(tidied(person))


def move_to_trash(archive: Archive, person_id: str) -> None:
    """Refused, with how many, while documents still name the person."""
    people.move_to_trash(archive.db, person_id)


def restore_from_trash(archive: Archive, person_id: str) -> None:
    people.restore_from_trash(archive.db, person_id)


def trashed_people(archive: Archive) -> list[Person]:
    return people.trashed_people(archive.db)


def empty_trash(archive: Archive) -> int:
    """Remove the people in the trash for good; returns how many went."""
    return people.empty_trash(archive.db)


def list_people(archive: Archive, role: Role | None = None) -> list[Person]:
    """Everyone (or everyone in ``role``), prisoners first, then by name."""
    return people.all_people(archive.db, role)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person with the documents that concern them and their chronology."""

    person: Person
    documents: tuple[Document, ...]
    events: tuple[Event, ...]
    in_trash: bool = False


def person_record(archive: Archive, person_id: str) -> PersonRecord:
    db = archive.db
    person = people.get(db, person_id)
    return PersonRecord(
        person,
        tuple(documents.list_documents(db, DocumentFilter(person_id=person.id))),
        tuple(events.events_of(db, person.id)),
        people.is_trashed(db, person.id),
    )


@dataclass(frozen=True, slots=True)
class PersonDetails:
    person: Person
    document_count: int
    in_trash: bool = False


def person_details(archive: Archive, person_id: str) -> PersonDetails:
    db = archive.db
    return PersonDetails(
        people.get(db, person_id),
        documents.count_matching(db, DocumentFilter(person_id=person_id)),
        people.is_trashed(db, person_id),
    )
