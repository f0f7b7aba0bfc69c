"""Storage of texts: the transcriptions, translations and summaries of a document.

A text's annotations follow its edits in the same transaction (see anchoring.py), and outlive
it: deleting a text orphans them, it never deletes them."""

from __future__ import annotations

from dataclasses import replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import Text, TextKind, TextStatus, now
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents
from amanat.core.storage import redactions as redaction_store
from amanat.core.storage import timecodes as timecode_store
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = "id, document_id, kind, language, body, made_by, status, created, modified"


def add(db: Database, text: Text) -> Text:
    _validate(text)
    with db.transaction():
        documents.get(db, text.document_id)
        db.execute(f"INSERT INTO texts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", _row(text))
        search.index_text(db, text.id, text.body, text.document_id)
        audit.append(db, "added", "text", text.id, f"added {text.kind} ({text.language})")
    return text


def update(db: Database, text: Text) -> Text:
    _validate(text)
    text = replace(text, modified=now())
    with db.transaction():
        old = get(db, text.id)
        db.execute(
            "UPDATE texts SET kind = ?, language = ?, body = ?, made_by = ?, status = ?,"
            " modified = ? WHERE id = ?",
            (
                text.kind.value,
                text.language,
                text.body,
                text.made_by,
                text.status.value,
                time_text(text.modified),
                text.id,
            ),
        )
        search.index_text(db, text.id, text.body, text.document_id)
        annotation_store.follow_text_edit(db, text.id, old.body, text.body)
        redaction_store.follow_text_edit(db, text.id, old.body, text.body)
        timecode_store.follow_text_edit(db, text.id, old.body, text.body)
        audit.append(db, "changed", "text", text.id, f"changed {text.kind} ({text.language})")
    return text


def delete(db: Database, text_id: str) -> Text:
    """Delete a text. Its annotations are kept, orphaned, under the text's document.
    Returns the deleted text."""
    with db.transaction():
        text = get(db, text_id)
        annotation_store.orphan_text(db, text_id)
        db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
        search.unindex(db, "text", text_id)
        audit.append(db, "deleted", "text", text_id, f"deleted {text.kind} ({text.language})")
    return text


def get(db: Database, text_id: str) -> Text:
    row = db.one(f"SELECT {_COLUMNS} FROM texts WHERE id = ?", (text_id,))
    if row is None:
        raise RecordNotFound(kind="text", record_id=text_id)
    return _text(row)


def texts_of(db: Database, document_id: str) -> list[Text]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM texts WHERE document_id = ? ORDER BY created, rowid",
        (document_id,),
    )
    return [_text(row) for row in rows]


def _validate(text: Text) -> None:
    if not text.language.strip():
        raise InvalidInput("text-needs-language")


def _row(text: Text) -> tuple[object, ...]:
    return (
        text.id,
        text.document_id,
        text.kind.value,
        text.language,
        text.body,
        text.made_by,
        text.status.value,
        time_text(text.created),
        time_text(text.modified),
    )


def _text(row: Row) -> Text:
    return Text(
        id=row[0],
        document_id=row[1],
        kind=TextKind(row[2]),
        language=row[3],
        body=row[4],
        made_by=row[5],
        status=TextStatus(row[6]),
        created=time_from(row[7]),
        modified=time_from(row[8]),
    )
