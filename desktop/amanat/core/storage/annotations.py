"""Storage of annotations on a passage of a text or a region of a page. Private unless the
author chooses otherwise; only shareable ones may ever leave the archive."""

from __future__ import annotations

from dataclasses import replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import Annotation, ImageRegion, TextRange, Visibility, now
from amanat.core.storage import pages, texts
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = (
    "id, target_kind, text_id, range_start, range_end, quote, prefix, suffix, page_id,"
    " x, y, width, height, body, author, visibility, orphaned, created, modified"
)
_CONTEXT = 32  # characters kept either side of a quote, to find the passage again after edits


def on_text(
    db: Database, text_id: str, start: int, end: int, body: str, **fields: object
) -> Annotation:
    """An annotation of text[start:end], quoting the passage and some context around it."""
    text = texts.get(db, text_id)
    if not 0 <= start < end <= len(text.body):
        raise InvalidInput(
            detail=f"The passage {start}–{end} is not inside the text, which has "
            f"{len(text.body)} characters, or it is empty."
        )
    target = TextRange(
        text_id=text_id,
        start=start,
        end=end,
        quote=text.body[start:end],
        prefix=text.body[max(0, start - _CONTEXT) : start],
        suffix=text.body[end : end + _CONTEXT],
    )
    return add(db, Annotation(target=target, body=body, **fields))  # type: ignore[arg-type]


def add(db: Database, annotation: Annotation) -> Annotation:
    _validate(annotation)
    with db.transaction():
        document_id = _document_of(db, annotation)
        db.execute(
            f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 19)})", _row(annotation)
        )
        _write_tags(db, annotation)
        _index(db, annotation, document_id)
        audit.append(
            db, "added", "annotation", annotation.id, f"added {annotation.visibility} annotation"
        )
    return annotation


def update(db: Database, annotation: Annotation) -> Annotation:
    _validate(annotation)
    annotation = replace(annotation, modified=now())
    with db.transaction():
        get(db, annotation.id)
        document_id = _document_of(db, annotation)
        row = _row(annotation)
        assignments = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(",")[1:17])
        db.execute(
            f"UPDATE annotations SET {assignments}, modified = ? WHERE id = ?",
            (*row[1:17], row[18], annotation.id),
        )
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation.id,))
        _write_tags(db, annotation)
        _index(db, annotation, document_id)
        audit.append(db, "changed", "annotation", annotation.id, "changed annotation")
    return annotation


def get(db: Database, annotation_id: str) -> Annotation:
    row = db.one(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,))
    if row is None:
        raise RecordNotFound(kind="annotation", record_id=annotation_id)
    return _annotation(db, row)


def annotations_of(db: Database, document_id: str | None = None) -> list[Annotation]:
    """The annotations of one document, or of the whole archive."""
    sql = f"SELECT {_COLUMNS} FROM annotations"
    params: tuple[str, ...] = ()
    if document_id is not None:
        sql += (
            " WHERE text_id IN (SELECT id FROM texts WHERE document_id = ?)"
            " OR page_id IN (SELECT id FROM pages WHERE document_id = ?)"
        )
        params = (document_id, document_id)
    return [_annotation(db, row) for row in db.all(sql + " ORDER BY created, rowid", params)]


def _document_of(db: Database, annotation: Annotation) -> str:
    target = annotation.target
    if isinstance(target, TextRange):
        return texts.get(db, target.text_id).document_id
    return pages.get(db, target.page_id).document_id


def _validate(annotation: Annotation) -> None:
    target = annotation.target
    if isinstance(target, ImageRegion):
        inside = (
            0 <= target.x < 1
            and 0 <= target.y < 1
            and target.width > 0
            and target.height > 0
            and target.x + target.width <= 1
            and target.y + target.height <= 1
        )
        if not inside:
            raise InvalidInput(detail="The rectangle is not inside the page, or it is empty.")
    elif target.end <= target.start or target.start < 0:
        raise InvalidInput(detail="The passage is empty.")


def _write_tags(db: Database, annotation: Annotation) -> None:
    db.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
        [(annotation.id, tag) for tag in dict.fromkeys(annotation.tag_ids)],
    )


def _index(db: Database, annotation: Annotation, document_id: str) -> None:
    quote = annotation.target.quote if isinstance(annotation.target, TextRange) else ""
    search.index_annotation(db, annotation.id, quote, annotation.body, document_id)


def _row(annotation: Annotation) -> tuple[object, ...]:
    target = annotation.target
    if isinstance(target, TextRange):
        text_part: tuple[object, ...] = (
            "text",
            target.text_id,
            target.start,
            target.end,
            target.quote,
            target.prefix,
            target.suffix,
        )
        image_part: tuple[object, ...] = (None, None, None, None, None)
    else:
        text_part = ("image", None, None, None, "", "", "")
        image_part = (target.page_id, target.x, target.y, target.width, target.height)
    return (
        annotation.id,
        *text_part,
        *image_part,
        annotation.body,
        annotation.author,
        annotation.visibility.value,
        int(annotation.orphaned),
        time_text(annotation.created),
        time_text(annotation.modified),
    )


def _annotation(db: Database, row: Row) -> Annotation:
    target: TextRange | ImageRegion
    if row[1] == "text":
        target = TextRange(
            text_id=row[2] or "",
            start=row[3],
            end=row[4],
            quote=row[5],
            prefix=row[6],
            suffix=row[7],
        )
    else:
        target = ImageRegion(
            page_id=row[8] or "", x=row[9], y=row[10], width=row[11], height=row[12]
        )
    tag_ids = db.all("SELECT tag_id FROM annotation_tags WHERE annotation_id = ?", (row[0],))
    return Annotation(
        id=row[0],
        target=target,
        body=row[13],
        author=row[14],
        visibility=Visibility(row[15]),
        orphaned=bool(row[16]),
        tag_ids=tuple(sorted(t for (t,) in tag_ids)),
        created=time_from(row[17]),
        modified=time_from(row[18]),
    )
