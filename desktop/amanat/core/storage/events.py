"""Storage of events: what happened to a person and when (arrest, trial, transfer, hunger
strike…), with the documents that attest it."""

from __future__ import annotations

from dataclasses import replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.dates import validate_span
from amanat.core.errors import RecordNotFound
from amanat.core.records import Event, EventType, now
from amanat.core.storage import documents, people
from amanat.core.storage.columns import date_columns, date_from, time_from, time_text

_COLUMNS = (
    "id, person_id, type, date_start, date_end, date_precision, date_circa, date_calendar,"
    " end_start, end_end, end_precision, end_circa, end_calendar, ongoing, place, description,"
    " created, modified"
)


def add(db: Database, event: Event) -> Event:
    validate_span(event.date, event.end_date)
    with db.transaction():
        person = people.get(db, event.person_id)
        for document_id in event.source_ids:
            documents.get(db, document_id)
        db.execute(f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * 18)})", _row(event))
        _write_links(db, event)
        _index(db, event)
        audit.append(db, "added", "event", event.id, f"added {event.type} of {person.display_name}")
    return event


def update(db: Database, event: Event) -> Event:
    validate_span(event.date, event.end_date)
    event = replace(event, modified=now())
    with db.transaction():
        get(db, event.id)
        for document_id in event.source_ids:
            documents.get(db, document_id)
        row = _row(event)
        assignments = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(",")[1:16])
        db.execute(
            f"UPDATE events SET {assignments}, modified = ? WHERE id = ?",
            (*row[1:16], row[17], event.id),
        )
        db.execute("DELETE FROM event_sources WHERE event_id = ?", (event.id,))
        db.execute("DELETE FROM event_tags WHERE event_id = ?", (event.id,))
        _write_links(db, event)
        _index(db, event)
        audit.append(db, "changed", "event", event.id, f"changed {event.type}")
    return event


def remove(db: Database, event_id: str) -> None:
    """Take an event out of the chronology (undoing its addition); its documents stay."""
    with db.transaction():
        event = get(db, event_id)
        db.execute("DELETE FROM events WHERE id = ?", (event_id,))
        search.unindex(db, "event", event_id)
        audit.append(db, "removed", "event", event_id, f"removed {event.type}")


def get(db: Database, event_id: str) -> Event:
    row = db.one(f"SELECT {_COLUMNS} FROM events WHERE id = ?", (event_id,))
    if row is None:
        raise RecordNotFound(kind="event", record_id=event_id)
    return _event(db, row)


def events_of(db: Database, person_id: str) -> list[Event]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM events WHERE person_id = ? ORDER BY date_start, date_end",
        (person_id,),
    )
    return [_event(db, row) for row in rows]


def places(db: Database) -> list[str]:
    """Every place already used, for completion."""
    return [
        row[0]
        for row in db.all("SELECT DISTINCT place FROM events WHERE place != '' ORDER BY place")
    ]


def _write_links(db: Database, event: Event) -> None:
    db.executemany(
        "INSERT INTO event_sources (event_id, document_id, position) VALUES (?, ?, ?)",
        [(event.id, doc, n) for n, doc in enumerate(dict.fromkeys(event.source_ids))],
    )
    db.executemany(
        "INSERT INTO event_tags (event_id, tag_id) VALUES (?, ?)",
        [(event.id, tag) for tag in dict.fromkeys(event.tag_ids)],
    )


def _index(db: Database, event: Event) -> None:
    search.index(
        db,
        "event",
        event.id,
        f"{event.type.value} {event.place}",
        event.description,
        person_id=event.person_id,
    )


def _row(event: Event) -> tuple[object, ...]:
    return (
        event.id,
        event.person_id,
        event.type.value,
        *date_columns(event.date),
        *date_columns(event.end_date),
        int(event.ongoing),
        event.place,
        event.description,
        time_text(event.created),
        time_text(event.modified),
    )


def _event(db: Database, row: Row) -> Event:
    sources = db.all(
        "SELECT document_id FROM event_sources WHERE event_id = ? ORDER BY position", (row[0],)
    )
    tag_ids = db.all("SELECT tag_id FROM event_tags WHERE event_id = ?", (row[0],))
    date = date_from(row[3:8])
    assert date is not None, "events always have a date"
    return Event(
        id=row[0],
        person_id=row[1],
        type=EventType(row[2]),
        date=date,
        end_date=date_from(row[8:13]),
        ongoing=bool(row[13]),
        place=row[14],
        description=row[15],
        source_ids=tuple(s for (s,) in sources),
        tag_ids=tuple(sorted(t for (t,) in tag_ids)),
        created=time_from(row[16]),
        modified=time_from(row[17]),
    )
