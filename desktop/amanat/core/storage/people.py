"""Storage of people: prisoners, their relatives, lawyers, witnesses and officials."""

from __future__ import annotations

from dataclasses import replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import RecordNotFound
from amanat.core.records import Person, PersonStatus, Role, now
from amanat.core.storage.columns import json_list, list_from, time_from, time_text

_COLUMNS = (
    "id, display_name, name_fa, name_latin, aliases, roles, birth_year, status, notes,"
    " created, modified"
)


def add(db: Database, person: Person) -> Person:
    with db.transaction():
        db.execute(
            f"INSERT INTO people ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(person),
        )
        _index(db, person)
        audit.append(db, "added", "person", person.id, f"added {person.display_name}")
    return person


def update(db: Database, person: Person) -> Person:
    person = replace(person, modified=now())
    with db.transaction():
        get(db, person.id)
        db.execute(
            "UPDATE people SET display_name = ?, name_fa = ?, name_latin = ?, aliases = ?,"
            " roles = ?, birth_year = ?, status = ?, notes = ?, modified = ? WHERE id = ?",
            (*_row(person)[1:9], time_text(person.modified), person.id),
        )
        _index(db, person)
        audit.append(db, "changed", "person", person.id, f"changed {person.display_name}")
    return person


def get(db: Database, person_id: str) -> Person:
    row = db.one(f"SELECT {_COLUMNS} FROM people WHERE id = ?", (person_id,))
    if row is None:
        raise RecordNotFound(kind="person", record_id=person_id)
    return _person(row)


def all_people(db: Database, role: Role | None = None) -> list[Person]:
    """Everyone, prisoners first, then by name."""
    people = [_person(row) for row in db.all(f"SELECT {_COLUMNS} FROM people")]
    if role is not None:
        people = [p for p in people if role in p.roles]
    return sorted(
        people, key=lambda p: (Role.PRISONER not in p.roles, p.display_name.casefold(), p.id)
    )


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
