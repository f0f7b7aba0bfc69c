"""Storage of people: prisoners, their relatives, lawyers, witnesses and officials.

A person can be moved to the trash and restored, as a document can, but only once no document
names them; emptying the trash removes them (and their chronology) for good. Two records of
one person can be merged into one, and the merge taken back while its record is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound, person_still_named
from amanat.core.records import Person, PersonStatus, Role, now
from amanat.core.storage.columns import json_list, list_from, time_from, time_text

_COLUMNS = (
    "id, display_name, name_fa, name_latin, aliases, roles, birth_year, status, notes,"
    " created, modified"
)

EARLIEST_BIRTH_YEAR = 1200
"""Low enough for a Solar Hijri year (1364 is 1985), which families often give."""


def add(db: Database, person: Person) -> Person:
    validate(person)
    with db.transaction():
        db.execute(
            f"INSERT INTO people ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(person),
        )
        _index(db, person)
        audit.append(db, "added", "person", person.id, f"added {person.display_name}")
    return person


def update(db: Database, person: Person) -> Person:
    validate(person)
    person = replace(person, modified=now())
    with db.transaction():
        get(db, person.id)
        _write(db, person)
        if not is_trashed(db, person.id):
            _index(db, person)
        audit.append(db, "changed", "person", person.id, f"changed {person.display_name}")
    return person


def validate(person: Person) -> None:
    """The rules every person keeps, whichever client made them."""
    if not person.display_name.strip():
        raise InvalidInput("person-needs-name")
    latest = now().year
    if person.birth_year is not None and not EARLIEST_BIRTH_YEAR <= person.birth_year <= latest:
        raise InvalidInput("birth-year-range", earliest=EARLIEST_BIRTH_YEAR, latest=latest)


def get(db: Database, person_id: str) -> Person:
    """The person with ``person_id``, in the archive or in the trash."""
    row = db.one(f"SELECT {_COLUMNS} FROM people WHERE id = ?", (person_id,))
    if row is None:
        raise RecordNotFound(kind="person", record_id=person_id)
    return _person(row)


def all_people(db: Database, role: Role | None = None) -> list[Person]:
    """Everyone not in the trash, prisoners first, then by name."""
    rows = db.all(f"SELECT {_COLUMNS} FROM people WHERE trashed IS NULL")
    people = [_person(row) for row in rows]
    if role is not None:
        people = [p for p in people if role in p.roles]
    return sorted(
        people, key=lambda p: (Role.PRISONER not in p.roles, p.display_name.casefold(), p.id)
    )


# --- The trash -------------------------------------------------------------------------------


def is_trashed(db: Database, person_id: str) -> bool:
    return bool(db.value("SELECT trashed IS NOT NULL FROM people WHERE id = ?", (person_id,)))


def trashed_people(db: Database) -> list[Person]:
    """The people in the trash, by name."""
    rows = db.all(f"SELECT {_COLUMNS} FROM people WHERE trashed IS NOT NULL")
    return sorted((_person(row) for row in rows), key=lambda p: (p.display_name.casefold(), p.id))


def documents_naming(db: Database, person_id: str) -> int:
    """How many documents name ``person_id`` (author, recipient or concerned), counting those
    in the trash: restored, they would name the person again."""
    return int(
        db.value(
            "SELECT count(*) FROM documents WHERE author_id = ?"
            " OR id IN (SELECT document_id FROM document_people WHERE person_id = ?)",
            (person_id, person_id),
        )
    )


def check_trashable(db: Database, person_id: str) -> Person:
    """The person, if they may go to the trash; the refusal saying how many documents name
    them otherwise."""
    person = get(db, person_id)
    named = documents_naming(db, person_id)
    if named:
        raise person_still_named(person.display_name, named)
    return person


def move_to_trash(db: Database, person_id: str) -> None:
    """Refused while documents name the person; their events go to the trash with them."""
    with db.transaction():
        person = check_trashable(db, person_id)
        if is_trashed(db, person_id):
            return
        db.execute("UPDATE people SET trashed = ? WHERE id = ?", (time_text(now()), person_id))
        search.unindex(db, "person", person_id)
        for (event_id,) in db.all("SELECT id FROM events WHERE person_id = ?", (person_id,)):
            search.unindex(db, "event", event_id)
        audit.append(
            db, "trashed", "person", person_id, f"moved {person.display_name} to the trash"
        )


def restore_from_trash(db: Database, person_id: str) -> None:
    with db.transaction():
        person = get(db, person_id)
        if not is_trashed(db, person_id):
            return
        db.execute("UPDATE people SET trashed = NULL WHERE id = ?", (person_id,))
        _index(db, person)
        _reindex_events(db, _event_ids(db, person_id))
        audit.append(
            db, "restored", "person", person_id, f"restored {person.display_name} from the trash"
        )


def empty_trash(db: Database) -> int:
    """Remove the people in the trash for good, with their events. Returns how many went.

    A person a document came to name while they were in the trash (a script gave their id)
    stays there: removing them would take them off that document without a word."""
    with db.transaction():
        gone = db.all(
            "SELECT id, display_name FROM people WHERE trashed IS NOT NULL"
            " AND id NOT IN (SELECT author_id FROM documents WHERE author_id IS NOT NULL)"
            " AND id NOT IN (SELECT person_id FROM document_people)"
        )
        for person_id, name in gone:
            for event_id in _event_ids(db, person_id):
                search.unindex(db, "event", event_id)
            db.execute("DELETE FROM people WHERE id = ?", (person_id,))
            audit.append(db, "deleted", "person", person_id, f"emptied {name} from the trash")
    return len(gone)


# --- Merging two records of one person ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merged:
    """What a merge changed: enough to take it back (``unmerge``) while the window keeps it
    on its undo stack. Never stored: the archive keeps only the audit entry."""

    kept_before: Person
    kept: Person
    other: Person
    other_trashed: str | None
    authored: tuple[str, ...]
    """The documents whose author was the other record."""
    links: tuple[tuple[str, str, int], ...]
    """The other record's (document, relation, position) rows, as they were."""
    links_added: tuple[tuple[str, str], ...]
    """The (document, relation) rows the kept person gained; a row they had already is not
    among them."""
    events: tuple[str, ...]
    """The other record's events, now the kept person's."""


def merge(db: Database, kept_id: str, other_id: str) -> Merged:
    """Move everything that names ``other_id`` (authorship, recipients, the people documents
    concern, events) to ``kept_id``, fold the other record's names, roles and notes into the
    kept one, and remove the other record: all in one transaction, with one audit entry."""
    if kept_id == other_id:
        raise InvalidInput("merge-into-itself")
    with db.transaction():
        kept = get(db, kept_id)
        other = get(db, other_id)
        if is_trashed(db, kept_id):  # documents would come to name someone in the trash
            raise InvalidInput("merge-into-trashed", name=kept.display_name)
        other_trashed = db.value("SELECT trashed FROM people WHERE id = ?", (other_id,))
        authored = tuple(
            row[0] for row in db.all("SELECT id FROM documents WHERE author_id = ?", (other_id,))
        )
        db.execute("UPDATE documents SET author_id = ? WHERE author_id = ?", (kept_id, other_id))
        links = tuple(
            (str(document_id), str(relation), int(position))
            for document_id, relation, position in db.all(
                "SELECT document_id, relation, position FROM document_people WHERE person_id = ?",
                (other_id,),
            )
        )
        already = {
            (str(document_id), str(relation))
            for document_id, relation in db.all(
                "SELECT document_id, relation FROM document_people WHERE person_id = ?",
                (kept_id,),
            )
        }
        added = tuple((d, r) for d, r, _ in links if (d, r) not in already)
        db.execute("DELETE FROM document_people WHERE person_id = ?", (other_id,))
        db.executemany(
            "INSERT INTO document_people (document_id, person_id, relation, position)"
            " VALUES (?, ?, ?, ?)",
            [(d, kept_id, r, p) for d, r, p in links if (d, r) not in already],
        )
        events = _event_ids(db, other_id)
        db.execute("UPDATE events SET person_id = ? WHERE person_id = ?", (kept_id, other_id))
        merged = replace(folded(kept, other), modified=now())
        _write(db, merged)
        db.execute("DELETE FROM people WHERE id = ?", (other_id,))
        search.unindex(db, "person", other_id)
        if not is_trashed(db, kept_id):
            _index(db, merged)
            _reindex_events(db, events)
        audit.append(
            db,
            "merged",
            "person",
            kept_id,
            f"merged {other.display_name} ({other_id}) into {kept.display_name}:"
            f" {len(set(authored) | {d for d, _, _ in links})} document(s),"
            f" {len(events)} event(s) moved",
        )
    return Merged(
        kept_before=kept,
        kept=merged,
        other=other,
        other_trashed=None if other_trashed is None else str(other_trashed),
        authored=authored,
        links=links,
        links_added=added,
        events=events,
    )


def folded(kept: Person, other: Person) -> Person:
    """The kept person with what the other record adds: a script name they lacked, the other
    names as aliases, every role, a birth year and status they lacked, both notes."""
    name_fa = kept.name_fa or other.name_fa
    name_latin = kept.name_latin or other.name_latin
    own = {kept.display_name, name_fa, name_latin}
    candidates = (*kept.aliases, other.display_name, other.name_fa, other.name_latin)
    aliases = _distinct(a for a in (*candidates, *other.aliases) if a and a not in own)
    notes = kept.notes
    if other.notes and other.notes not in notes:
        notes = f"{notes}\n\n{other.notes}" if notes else other.notes
    return replace(
        kept,
        name_fa=name_fa,
        name_latin=name_latin,
        aliases=aliases,
        roles=tuple(dict.fromkeys((*kept.roles, *other.roles))),
        birth_year=kept.birth_year if kept.birth_year is not None else other.birth_year,
        status=other.status if kept.status is PersonStatus.UNKNOWN else kept.status,
        notes=notes,
    )


def unmerge(db: Database, merged: Merged) -> None:
    """Take a merge back: the other record returns with its own id, and every link, event and
    field the merge moved goes back where it was. Links made since the merge stay."""
    kept_id, other_id = merged.kept.id, merged.other.id
    with db.transaction():
        get(db, kept_id)
        other = merged.other
        db.execute(
            f"INSERT INTO people ({_COLUMNS}, trashed) VALUES ({', '.join('?' * 12)})",
            (*_row(other), merged.other_trashed),
        )
        _write(db, merged.kept_before)
        db.executemany(
            "UPDATE documents SET author_id = ? WHERE id = ? AND author_id = ?",
            [(other_id, document_id, kept_id) for document_id in merged.authored],
        )
        db.executemany(
            "DELETE FROM document_people WHERE document_id = ? AND relation = ? AND person_id = ?",
            [(d, r, kept_id) for d, r in merged.links_added],
        )
        db.executemany(
            "INSERT OR IGNORE INTO document_people (document_id, person_id, relation, position)"
            " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)",
            [(d, other_id, r, p, d) for d, r, p in merged.links],
        )
        db.executemany(
            "UPDATE events SET person_id = ? WHERE id = ? AND person_id = ?",
            [(other_id, event_id, kept_id) for event_id in merged.events],
        )
        for person in (merged.kept_before, other):
            if not is_trashed(db, person.id):
                _index(db, person)
                _reindex_events(db, _event_ids(db, person.id))
        audit.append(
            db,
            "unmerged",
            "person",
            kept_id,
            f"took {other.display_name} ({other_id}) back out of {merged.kept.display_name}",
        )


# --- Rows ------------------------------------------------------------------------------------


def _write(db: Database, person: Person) -> None:
    db.execute(
        "UPDATE people SET display_name = ?, name_fa = ?, name_latin = ?, aliases = ?,"
        " roles = ?, birth_year = ?, status = ?, notes = ?, modified = ? WHERE id = ?",
        (*_row(person)[1:9], time_text(person.modified), person.id),
    )


def _event_ids(db: Database, person_id: str) -> tuple[str, ...]:
    rows = db.all("SELECT id FROM events WHERE person_id = ?", (person_id,))
    return tuple(str(row[0]) for row in rows)


def _reindex_events(db: Database, event_ids: Iterable[str]) -> None:
    for event_id in event_ids:
        row = db.one(
            "SELECT type, place, description, person_id FROM events WHERE id = ?", (event_id,)
        )
        if row is not None:
            search.index(
                db, "event", event_id, f"{row[0]} {row[1]}", str(row[2]), person_id=str(row[3])
            )


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _index(db: Database, person: Person) -> None:
    names = " ".join((person.display_name, person.name_fa, person.name_latin, *person.aliases))
    search.index(db, "person", person.id, names, person.notes, person_id=person.id)


def _row(person: Person) -> tuple[object, ...]:
    return (
        person.id,
        person.display_name,
        person.name_fa,
        person.name_latin,
        json_list(person.aliases),
        json_list(role.value for role in person.roles),
        person.birth_year,
        person.status.value,
        person.notes,
        time_text(person.created),
        time_text(person.modified),
    )


def _person(row: Row) -> Person:
    return Person(
        id=row[0],
        display_name=row[1],
        name_fa=row[2],
        name_latin=row[3],
        aliases=list_from(row[4]),
        roles=tuple(Role(value) for value in list_from(row[5])),
        birth_year=row[6],
        status=PersonStatus(row[7]),
        notes=row[8],
        created=time_from(row[9]),
        modified=time_from(row[10]),
    )
