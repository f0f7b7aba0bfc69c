"""Storage of redactions: rectangles of a page and passages of a text that never leave the
archive. The page and the text stay as they are here; what leaves is made without them (see
core/leaving.py).

A rectangle is kept in fractions (0–1) of the page upright by its EXIF orientation, the frame
region annotations use, so turning the page for reading (its ``rotation``) never moves it. A
passage is kept with its quote and context and follows the text's edits as annotations do
(anchoring.py); one whose words are gone is kept, orphaned, and its quote is still blacked out
wherever it appears again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from amanat.core import anchoring, audit
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import TextRange, new_id, now
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = (
    "id, document_id, page_id, x, y, width, height, text_id, range_start, range_end, quote,"
    " prefix, suffix, orphaned, created"
)
_SLACK = 1e-9
"""A rectangle that reaches the edge, read back from percents, may pass it by a rounding."""


@dataclass(frozen=True, slots=True)
class PageRedaction:
    """A rectangle of a page blacked out in every copy that leaves."""

    page_id: str
    x: float
    y: float
    width: float
    height: float
    document_id: str = ""
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)

    @property
    def rectangle(self) -> tuple[float, float, float, float]:
        return self.x, self.y, self.width, self.height


@dataclass(frozen=True, slots=True)
class TextRedaction:
    """A passage of a text replaced by a mark in every copy that leaves."""

    target: TextRange
    orphaned: bool = False
    document_id: str = ""
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)

    @property
    def text_id(self) -> str:
        return self.target.text_id


Redaction = PageRedaction | TextRedaction


def on_page(
    db: Database,
    page_id: str,
    x: float,
    y: float,
    width: float,
    height: float,
    redaction_id: str | None = None,
) -> PageRedaction:
    """Redact a rectangle of a page, in fractions of its width and height. ``redaction_id``:
    the id to give it (the window chooses one, to undo it by)."""
    made = PageRedaction(page_id=page_id, x=x, y=y, width=width, height=height)
    added = add(db, replace(made, id=redaction_id) if redaction_id else made)
    assert isinstance(added, PageRedaction)
    return added


def on_text(
    db: Database, text_id: str, start: int, end: int, redaction_id: str | None = None
) -> TextRedaction:
    """Redact text[start:end]."""
    body = db.value("SELECT body FROM texts WHERE id = ?", (text_id,))
    if body is None:
        raise RecordNotFound(kind="text", record_id=text_id)
    _check_range(len(body), start, end)
    made = TextRedaction(target=anchoring.text_range(text_id, body, start, end))
    added = add(db, replace(made, id=redaction_id) if redaction_id else made)
    assert isinstance(added, TextRedaction)
    return added


def add(db: Database, redaction: Redaction) -> Redaction:
    """Store a new redaction, or put back one that ``remove`` returned (undo)."""
    with db.transaction():
        if isinstance(redaction, PageRedaction):
            _check_rectangle(redaction)
            row = db.one("SELECT document_id FROM pages WHERE id = ?", (redaction.page_id,))
            if row is None:
                raise RecordNotFound(kind="page", record_id=redaction.page_id)
            redaction = replace(redaction, document_id=row[0])
            what = "a region of a page"
        else:
            redaction = _placed(db, redaction)
            what = "a passage of a text"
        db.execute(
            f"INSERT INTO redactions ({_COLUMNS}) VALUES ({', '.join('?' * 15)})",
            _row(redaction),
        )
        # The summary never quotes the passage: the audit log can leave in a bundle.
        audit.append(db, "added", "redaction", redaction.id, f"redacted {what}")
    return get(db, redaction.id)


def remove(db: Database, redaction_id: str) -> Redaction:
    """Take a redaction off. Returns it as it was, so that ``add(db, it)`` puts it back."""
    with db.transaction():
        redaction = get(db, redaction_id)
        db.execute("DELETE FROM redactions WHERE id = ?", (redaction_id,))
        audit.append(db, "removed", "redaction", redaction_id, "removed a redaction")
    return redaction


def get(db: Database, redaction_id: str) -> Redaction:
    row = db.one(f"SELECT {_COLUMNS} FROM redactions WHERE id = ?", (redaction_id,))
    if row is None:
        raise RecordNotFound(kind="redaction", record_id=redaction_id)
    return _redaction(row)


def of_page(db: Database, page_id: str) -> list[PageRedaction]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM redactions WHERE page_id = ? ORDER BY created, rowid", (page_id,)
    )
    return [r for r in map(_redaction, rows) if isinstance(r, PageRedaction)]


def of_text(db: Database, text_id: str) -> list[TextRedaction]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM redactions WHERE text_id = ? ORDER BY created, rowid", (text_id,)
    )
    return [r for r in map(_redaction, rows) if isinstance(r, TextRedaction)]


def of_document(db: Database, document_id: str | None = None) -> list[Redaction]:
    """The redactions of one document, or of the whole archive, oldest first."""
    if document_id is None:
        rows = db.all(f"SELECT {_COLUMNS} FROM redactions ORDER BY created, rowid")
    else:
        rows = db.all(
            f"SELECT {_COLUMNS} FROM redactions WHERE document_id = ? ORDER BY created, rowid",
            (document_id,),
        )
    return [_redaction(row) for row in rows]


def follow_text_edit(db: Database, text_id: str, old_body: str, new_body: str) -> None:
    """Move a text's redacted passages through an edit, orphan those whose words are gone and
    re-attach orphans whose words came back. Runs inside the edit's transaction."""
    found = of_text(db, text_id)
    if not found:
        return
    followed = anchoring.follow_all(old_body, new_body, [(r.target, r.orphaned) for r in found])
    for redaction, result in zip(found, followed, strict=True):
        new = result.target
        if new is None:
            if not redaction.orphaned:
                db.execute("UPDATE redactions SET orphaned = 1 WHERE id = ?", (redaction.id,))
            continue
        if not redaction.orphaned and new == redaction.target:
            continue
        db.execute(
            "UPDATE redactions SET range_start = ?, range_end = ?, prefix = ?, suffix = ?,"
            " orphaned = 0 WHERE id = ?",
            (new.start, new.end, new.prefix, new.suffix, redaction.id),
        )


def _placed(db: Database, redaction: TextRedaction) -> TextRedaction:
    """A passage as it will be stored: found in its text by its quote (the text may have
    changed since an undone removal), orphaned when it is not there."""
    target = redaction.target
    if not target.quote:
        raise InvalidInput("passage-empty")
    row = db.one("SELECT document_id, body FROM texts WHERE id = ?", (target.text_id,))
    if row is None:
        raise RecordNotFound(kind="text", record_id=target.text_id)
    body: str = row[1]
    start: int | None = target.start
    if body[target.start : target.end] != target.quote:
        start = anchoring.find_quote(body, target, target.start)
    if start is None:
        return replace(redaction, document_id=row[0], orphaned=True)
    placed = anchoring.text_range(target.text_id, body, start, start + len(target.quote))
    return replace(redaction, target=placed, document_id=row[0], orphaned=False)


def _check_rectangle(redaction: PageRedaction) -> None:
    x, y, width, height = redaction.rectangle
    inside = (
        0 <= x < 1
        and 0 <= y < 1
        and width > 0
        and height > 0
        and x + width <= 1 + _SLACK
        and y + height <= 1 + _SLACK
    )
    if not inside:
        raise InvalidInput("redaction-outside-page")


def _check_range(length: int, start: int, end: int) -> None:
    if not 0 <= start < end <= length:
        raise InvalidInput("passage-outside-text", start=start, end=end, length=length)


def _row(redaction: Redaction) -> tuple[object, ...]:
    if isinstance(redaction, PageRedaction):
        page: tuple[object, ...] = (redaction.page_id, *redaction.rectangle)
        text: tuple[object, ...] = (None, None, None, "", "", "", 0)
    else:
        target = redaction.target
        page = (None, None, None, None, None)
        text = (
            target.text_id,
            target.start,
            target.end,
            target.quote,
            target.prefix,
            target.suffix,
            int(redaction.orphaned),
        )
    return (redaction.id, redaction.document_id, *page, *text, time_text(redaction.created))


def _redaction(row: Row) -> Redaction:
    if row[2] is not None:
        return PageRedaction(
            page_id=row[2],
            x=row[3],
            y=row[4],
            width=row[5],
            height=row[6],
            document_id=row[1],
            id=row[0],
            created=time_from(row[14]),
        )
    return TextRedaction(
        target=TextRange(
            text_id=row[7], start=row[8], end=row[9], quote=row[10], prefix=row[11], suffix=row[12]
        ),
        orphaned=bool(row[13]),
        document_id=row[1],
        id=row[0],
        created=time_from(row[14]),
    )
