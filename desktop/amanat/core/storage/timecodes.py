"""Storage of time codes: the second of a recording at which a line of its transcription
starts.

A time code marks a whole line: it is stored at the line's start with the line's first words
as its quote (and some context), and follows the text's edits in the same transaction as
annotations do (see anchoring.py). A line keeps at most one time code; marking it again sets
the new time. A time code whose words were edited away is kept, orphaned, and re-attached
when they come back, so an undo brings the time back too. Deleting the text keeps its time
codes (a text put back by undo has them again); they go with the document."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from amanat.core import anchoring, audit
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import TextRange, new_id, now
from amanat.core.storage.columns import time_from, time_text

QUOTE = 32
"""Characters of a line kept as its quote: enough to find the line again after an edit."""

_COLUMNS = "id, text_id, seconds, range_start, range_end, quote, prefix, suffix, orphaned, created"


@dataclass(frozen=True, slots=True)
class Timecode:
    """The line of ``target.text_id`` starting at ``target.start`` is spoken from ``seconds``
    into the recording."""

    target: TextRange
    seconds: float
    orphaned: bool = False
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)

    @property
    def text_id(self) -> str:
        return self.target.text_id

    @property
    def offset(self) -> int:
        return self.target.start


def line_start(body: str, offset: int) -> int:
    """The start of the line that holds character ``offset``."""
    return body.rfind("\n", 0, offset) + 1


def mark(db: Database, text_id: str, offset: int, seconds: float) -> Timecode:
    """Say that the line holding character ``offset`` of the text starts at ``seconds``.
    Replaces the time the line had."""
    if not math.isfinite(seconds) or seconds < 0:
        raise InvalidInput("timecode-time-negative")
    with db.transaction():
        row = db.one("SELECT body, document_id FROM texts WHERE id = ?", (text_id,))
        if row is None:
            raise RecordNotFound(kind="text", record_id=text_id)
        body: str = row[0]
        if not 0 <= offset <= len(body):
            raise InvalidInput("timecode-outside-text", offset=offset, length=len(body))
        start = line_start(body, offset)
        end = body.find("\n", start)
        end = len(body) if end == -1 else end
        if not body[start:end].strip():
            raise InvalidInput("timecode-empty-line")
        target = anchoring.text_range(text_id, body, start, min(end, start + QUOTE))
        existing = db.one(
            "SELECT id FROM timecodes WHERE text_id = ? AND range_start = ? AND orphaned = 0",
            (text_id, start),
        )
        if existing is not None:
            made = Timecode(target=target, seconds=seconds, id=existing[0])
            db.execute(
                "UPDATE timecodes SET seconds = ?, range_end = ?, quote = ?, prefix = ?,"
                " suffix = ? WHERE id = ?",
                (seconds, target.end, target.quote, target.prefix, target.suffix, made.id),
            )
            audit.append(db, "changed", "timecode", made.id, "changed a time code")
            return made
        made = Timecode(target=target, seconds=seconds)
        db.execute(
            f"INSERT INTO timecodes (document_id, {_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                row[1],
                made.id,
                text_id,
                seconds,
                target.start,
                target.end,
                target.quote,
                target.prefix,
                target.suffix,
                time_text(now()),
            ),
        )
        audit.append(db, "added", "timecode", made.id, "added a time code")
    return made


def of_text(db: Database, text_id: str) -> list[Timecode]:
    """A text's time codes in the order of its lines (orphaned ones last)."""
    rows = db.all(
        f"SELECT {_COLUMNS} FROM timecodes WHERE text_id = ? ORDER BY orphaned, range_start, rowid",
        (text_id,),
    )
    return [_timecode(row) for row in rows]


def remove(db: Database, timecode_id: str) -> Timecode:
    """Take a time code off; returns it."""
    with db.transaction():
        row = db.one(f"SELECT {_COLUMNS} FROM timecodes WHERE id = ?", (timecode_id,))
        if row is None:
            raise RecordNotFound(kind="time code", record_id=timecode_id)
        db.execute("DELETE FROM timecodes WHERE id = ?", (timecode_id,))
        audit.append(db, "deleted", "timecode", timecode_id, "deleted a time code")
    return _timecode(row)


def follow_text_edit(db: Database, text_id: str, old_body: str, new_body: str) -> None:
    """Move a text's time codes through an edit, orphan those whose line is gone and
    re-attach orphans whose line came back. Runs inside the edit's transaction."""
    found = of_text(db, text_id)
    if not found:
        return
    followed = anchoring.follow_all(old_body, new_body, [(t.target, t.orphaned) for t in found])
    for timecode, result in zip(found, followed, strict=True):
        new = result.target
        if new is None:
            if not timecode.orphaned:
                db.execute("UPDATE timecodes SET orphaned = 1 WHERE id = ?", (timecode.id,))
            continue
        if not timecode.orphaned and new == timecode.target:
            continue
        db.execute(
            "UPDATE timecodes SET range_start = ?, range_end = ?, prefix = ?, suffix = ?,"
            " orphaned = 0 WHERE id = ?",
            (new.start, new.end, new.prefix, new.suffix, timecode.id),
        )


def _timecode(row: Row) -> Timecode:
    return Timecode(
        id=row[0],
        target=TextRange(
            text_id=row[1],
            start=row[3],
            end=row[4],
            quote=row[5],
            prefix=row[6],
            suffix=row[7],
        ),
        seconds=float(row[2]),
        orphaned=bool(row[8]),
        created=time_from(row[9]),
    )
