"""Storage of annotations on a passage of a text, a region of a page or a time range of a
recording. Private unless the author chooses otherwise; only shareable ones may ever leave
the archive.

An annotation whose passage or page is gone is orphaned: kept, still listed under its document
and still found by search, never deleted except by the user (``remove``) or with its document
when the trash is emptied.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from amanat.core import anchoring, audit, file_types, search
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.recordings import facts
from amanat.core.records import Annotation, ImageRegion, TextRange, TimeRange, Visibility, now
from amanat.core.storage import pages
from amanat.core.storage.columns import time_from, time_text
from amanat.core.time_ranges import clock

_COLUMNS = (
    "id, target_kind, text_id, range_start, range_end, quote, prefix, suffix, page_id,"
    " x, y, width, height, body, author, visibility, orphaned, created, modified,"
    " document_id, linked_to, time_start, time_end"
)
_NAMES = [name.strip() for name in _COLUMNS.split(",")]


def on_text(
    db: Database, text_id: str, start: int, end: int, body: str, **fields: object
) -> Annotation:
    """An annotation of text[start:end], quoting the passage and some context around it."""
    # The body is read here rather than through storage/texts.py, which imports this module
    # so that a text's annotations follow its edits: storage modules never import each other.
    text_body = db.value("SELECT body FROM texts WHERE id = ?", (text_id,))
    if text_body is None:
        raise RecordNotFound(kind="text", record_id=text_id)
    _check_range(len(text_body), start, end)
    target = anchoring.text_range(text_id, text_body, start, end)
    return add(db, Annotation(target=target, body=body, **fields))  # type: ignore[arg-type]


def on_page(
    db: Database,
    page_id: str,
    x: float,
    y: float,
    width: float,
    height: float,
    body: str,
    **fields: object,
) -> Annotation:
    """An annotation of a rectangle on a page, in fractions (0–1) of its width and height."""
    pages.get(db, page_id)
    target = ImageRegion(page_id=page_id, x=x, y=y, width=width, height=height)
    return add(db, Annotation(target=target, body=body, **fields))  # type: ignore[arg-type]


def on_recording(
    db: Database, page_id: str, start: float, end: float, body: str, **fields: object
) -> Annotation:
    """An annotation of a recording page from ``start`` to ``end`` seconds (to the
    millisecond), which must go forward and, when the recording's length is known, lie
    within it."""
    row = db.one("SELECT mime_type, metadata FROM pages WHERE id = ?", (page_id,))
    if row is None:
        raise RecordNotFound(kind="page", record_id=page_id)
    if not file_types.is_recording(row[0]):
        raise InvalidInput("time-range-not-recording")
    target = TimeRange(page_id=page_id, start=round(start, 3), end=round(end, 3))
    _check_time_range(target, facts.from_json(row[1] or "{}"))
    return add(db, Annotation(target=target, body=body, **fields))  # type: ignore[arg-type]


def add(db: Database, annotation: Annotation) -> Annotation:
    """Store a new annotation, or put back one that ``remove`` returned (undo). An annotation
    whose text or page is not in the archive is kept, orphaned."""
    _validate(annotation)
    with db.transaction():
        annotation = _attached(db, annotation, by_quote=True)
        partner = annotation.linked_to
        # Stored unlinked; the link is set below on both sides, if its partner is here.
        row = dict(zip(_NAMES, _row(annotation), strict=True)) | {"linked_to": None}
        db.execute(
            f"INSERT INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * len(_NAMES))})",
            tuple(row.values()),
        )
        _write_tags(db, annotation)
        if partner is not None and _exists(db, partner):
            _set_link(db, annotation.id, partner)
        _index(db, annotation)
        audit.append(
            db, "added", "annotation", annotation.id, f"added {annotation.visibility} annotation"
        )
        return get(db, annotation.id)


def update(db: Database, annotation: Annotation) -> Annotation:
    """Change an annotation's body, tags, visibility or target. A passage that is placed again
    takes its quote and context from the text, so quote and position always agree; an
    orphaned passage keeps its old quote. ``linked_to`` is changed only by ``link``."""
    _validate(annotation)
    annotation = replace(annotation, modified=now())
    with db.transaction():
        stored = get(db, annotation.id)
        if isinstance(annotation.target, TimeRange) and annotation.target != stored.target:
            _check_time_range(annotation.target, _recording_of(db, annotation.target.page_id))
        annotation = _attached(db, _unless_stale(db, annotation, stored), by_quote=False)
        row = _row(annotation)
        # Every column but the id, created and linked_to.
        changed = [i for i, name in enumerate(_NAMES) if name not in ("id", "created", "linked_to")]
        assignments = ", ".join(f"{_NAMES[i]} = ?" for i in changed)
        db.execute(
            f"UPDATE annotations SET {assignments} WHERE id = ?",
            (*(row[i] for i in changed), annotation.id),
        )
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation.id,))
        _write_tags(db, annotation)
        _index(db, annotation)
        summary = "changed annotation"
        if stored.visibility != annotation.visibility:
            summary = f"changed annotation, now {annotation.visibility}"
        audit.append(db, "changed", "annotation", annotation.id, summary)
        return get(db, annotation.id)


def remove(db: Database, annotation_id: str) -> Annotation:
    """Delete an annotation because the user asked to. Returns it as it was, so that
    ``add(db, it)`` puts it back, link included (undo)."""
    with db.transaction():
        annotation = get(db, annotation_id)
        # The partner's link is cleared by the foreign key (ON DELETE SET NULL).
        db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        search.unindex(db, "annotation", annotation_id)
        audit.append(
            db,
            "removed",
            "annotation",
            annotation_id,
            f"removed {annotation.visibility} annotation",
        )
    return annotation


def get(db: Database, annotation_id: str) -> Annotation:
    row = db.one(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,))
    if row is None:
        raise RecordNotFound(kind="annotation", record_id=annotation_id)
    return _annotations(db, [row])[0]


def annotations_of(db: Database, document_id: str | None = None) -> list[Annotation]:
    """The annotations of one document (orphaned ones included), or of the whole archive."""
    return find(db, document_id=document_id)


def find(
    db: Database,
    *,
    document_id: str | None = None,
    tag_id: str | None = None,
    author: str | None = None,
    visibility: Visibility | None = None,
) -> list[Annotation]:
    """Annotations matching every filter given, oldest first. ``tag_id`` includes the tag's
    descendants: "conditions" also finds annotations tagged "conditions/solitary"."""
    where: list[str] = []
    params: dict[str, object] = {}
    if document_id is not None:
        where.append("document_id = :document")
        params["document"] = document_id
    if tag_id is not None:
        where.append(
            "id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id IN ("
            " WITH RECURSIVE tree(id) AS (SELECT :tag UNION"
            "   SELECT t.id FROM tags t JOIN tree ON t.parent_id = tree.id)"
            " SELECT id FROM tree))"
        )
        params["tag"] = tag_id
    if author is not None:
        where.append("author = :author")
        params["author"] = author
    if visibility is not None:
        where.append("visibility = :visibility")
        params["visibility"] = Visibility(visibility).value
    sql = f"SELECT {_COLUMNS} FROM annotations"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _annotations(db, db.all(sql + " ORDER BY created, rowid", params))


def annotations_of_text(db: Database, text_id: str) -> list[Annotation]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM annotations WHERE text_id = ? ORDER BY created, rowid", (text_id,)
    )
    return _annotations(db, rows)


def link(db: Database, image_annotation_id: str, text_annotation_id: str | None) -> None:
    """Link an annotation on a page to one on a passage of the same document (the same words
    seen in the scan and in the transcription), on both sides; None clears the link. Either
    side's earlier link is cleared first: a link joins exactly two annotations."""
    with db.transaction():
        image = get(db, image_annotation_id)
        if not isinstance(image.target, ImageRegion):
            raise InvalidInput("link-from-region-only")
        _clear_link(db, image.id)
        if text_annotation_id is None:
            audit.append(db, "changed", "annotation", image.id, "unlinked annotation")
            return
        passage = get(db, text_annotation_id)
        if not isinstance(passage.target, TextRange):
            raise InvalidInput("link-to-passage-only")
        if passage.document_id != image.document_id:
            raise InvalidInput("link-same-document")
        _clear_link(db, passage.id)
        _set_link(db, image.id, passage.id)
        audit.append(db, "changed", "annotation", image.id, "linked annotation to a passage")


def follow_text_edit(db: Database, text_id: str, old_body: str, new_body: str) -> None:
    """Move the annotations of a text through an edit, orphan those whose passage is gone and
    re-attach orphans whose quote came back. Runs inside the edit's transaction."""
    notes = annotations_of_text(db, text_id)
    if not notes:
        return
    ranges = [(note.target, note.orphaned) for note in notes if isinstance(note.target, TextRange)]
    followed = anchoring.follow_all(old_body, new_body, ranges)
    for note, (old_target, was_orphaned), result in zip(notes, ranges, followed, strict=True):
        if result.target is None:
            if not was_orphaned:
                db.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", (note.id,))
                audit.append(db, "changed", "annotation", note.id, "orphaned: passage gone")
            continue
        new = result.target
        if not was_orphaned and (new.start, new.end, new.prefix, new.suffix) == (
            old_target.start,
            old_target.end,
            old_target.prefix,
            old_target.suffix,
        ):
            continue
        # Quote, body and document are unchanged, so the search entry stays as it is.
        db.execute(
            "UPDATE annotations SET range_start = ?, range_end = ?, prefix = ?, suffix = ?,"
            " orphaned = 0 WHERE id = ?",
            (new.start, new.end, new.prefix, new.suffix, note.id),
        )
        if was_orphaned:
            audit.append(db, "changed", "annotation", note.id, "re-attached: passage found")


def orphan_text(db: Database, text_id: str) -> None:
    """The text is being deleted: its annotations stay, orphaned, under their document."""
    for (annotation_id,) in db.all(
        "SELECT id FROM annotations WHERE text_id = ? AND orphaned = 0", (text_id,)
    ):
        audit.append(db, "changed", "annotation", annotation_id, "orphaned: text deleted")
    db.execute("UPDATE annotations SET orphaned = 1, text_id = NULL WHERE text_id = ?", (text_id,))


def _check_range(length: int, start: int, end: int) -> None:
    if not 0 <= start < end <= length:
        raise InvalidInput("passage-outside-text", start=start, end=end, length=length)


def _recording_of(db: Database, page_id: str) -> facts.RecordingFacts | None:
    metadata = db.value("SELECT metadata FROM pages WHERE id = ?", (page_id,))
    return facts.from_json(metadata or "{}")


def _check_time_range(target: TimeRange, recording: facts.RecordingFacts | None) -> None:
    """The range goes forward, and ends within the recording when its length is known (a
    recording Amanat could not measure says 0)."""
    _validate(Annotation(target=target, body=""))
    # A range marked at the very end may pass the measured length by a frame.
    if recording is not None and 0 < recording.duration < target.end - 0.05:
        raise InvalidInput(
            "time-range-past-end",
            start=clock(target.start),
            end=clock(target.end),
            duration=clock(recording.duration),
        )


def _attached(db: Database, annotation: Annotation, *, by_quote: bool) -> Annotation:
    """The annotation as it will be stored: its document filled in, and orphaned when its text
    or page is not in the archive. An attached passage takes its quote and context from the
    text: found by its quote (``by_quote``: a new, restored or imported annotation, whose text
    may have changed since) or by its position (the user placed it)."""
    target = annotation.target
    orphaned = annotation.orphaned
    if isinstance(target, TextRange):
        row = db.one("SELECT document_id, body FROM texts WHERE id = ?", (target.text_id,))
        if row is not None and not orphaned:
            body: str = row[1]
            start: int | None = target.start
            if by_quote and body[target.start : target.end] != target.quote:
                start = anchoring.find_quote(body, target, target.start) if target.quote else None
            if start is None:
                orphaned = True
            else:
                end = start + len(target.quote) if by_quote else target.end
                _check_range(len(body), start, end)
                target = anchoring.text_range(target.text_id, body, start, end)
        if row is None:
            target = replace(target, text_id="")
    else:
        row = db.one("SELECT document_id FROM pages WHERE id = ?", (target.page_id,))
        if row is None:
            target = replace(target, page_id="")
    if row is not None:
        document_id = row[0]
    else:
        orphaned = True
        known = db.value("SELECT 1 FROM documents WHERE id = ?", (annotation.document_id,))
        document_id = annotation.document_id if known else ""
    return replace(annotation, target=target, orphaned=orphaned, document_id=document_id)


def _unless_stale(db: Database, annotation: Annotation, stored: Annotation) -> Annotation:
    """An update made from a copy read before the text was edited carries the old position
    with the same quote: the passage was not placed again, so it stays where it is now (and
    stays orphaned if it is)."""
    target, now_at = annotation.target, stored.target
    if not (isinstance(target, TextRange) and isinstance(now_at, TextRange)):
        return annotation
    if (target.text_id, target.quote) != (now_at.text_id, now_at.quote) or target == now_at:
        return annotation
    body = db.value("SELECT body FROM texts WHERE id = ?", (target.text_id,))
    if body is not None and body[target.start : target.end] == target.quote:
        return annotation  # the same words elsewhere: placed there on purpose
    return replace(annotation, target=now_at, orphaned=stored.orphaned)


def _validate(annotation: Annotation) -> None:
    target = annotation.target
    if isinstance(target, ImageRegion):
        inside = (
            0 <= target.x < 1
            and 0 <= target.y < 1
            and target.width > 0
            and target.height > 0
            # A hair of slack: a region that reaches the edge, read back from percents.
            and target.x + target.width <= 1 + 1e-9
            and target.y + target.height <= 1 + 1e-9
        )
        if not inside:
            raise InvalidInput("region-outside-page")
    elif isinstance(target, TimeRange):
        if not (math.isfinite(target.start) and math.isfinite(target.end)) or not (
            0 <= target.start < target.end
        ):
            raise InvalidInput(
                "time-range-reversed",
                start=clock(target.start) if math.isfinite(target.start) else "?",
                end=clock(target.end) if math.isfinite(target.end) else "?",
            )
    elif target.end <= target.start or target.start < 0:
        raise InvalidInput("passage-empty")


def _exists(db: Database, annotation_id: str) -> bool:
    return db.value("SELECT 1 FROM annotations WHERE id = ?", (annotation_id,)) is not None


def _clear_link(db: Database, annotation_id: str) -> None:
    db.execute(
        "UPDATE annotations SET linked_to = NULL WHERE id = ? OR linked_to = ?",
        (annotation_id, annotation_id),
    )


def _set_link(db: Database, one: str, other: str) -> None:
    _clear_link(db, other)
    db.execute("UPDATE annotations SET linked_to = ? WHERE id = ?", (other, one))
    db.execute("UPDATE annotations SET linked_to = ? WHERE id = ?", (one, other))


def _write_tags(db: Database, annotation: Annotation) -> None:
    db.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
        [(annotation.id, tag) for tag in dict.fromkeys(annotation.tag_ids)],
    )


def _index(db: Database, annotation: Annotation) -> None:
    quote = annotation.target.quote if isinstance(annotation.target, TextRange) else ""
    if annotation.document_id:
        search.index_annotation(db, annotation.id, quote, annotation.body, annotation.document_id)
    else:
        search.index(db, "annotation", annotation.id, quote, annotation.body)


def _row(annotation: Annotation) -> tuple[object, ...]:
    target = annotation.target
    if isinstance(target, TextRange):
        text_part: tuple[object, ...] = (
            "text",
            target.text_id or None,
            target.start,
            target.end,
            target.quote,
            target.prefix,
            target.suffix,
        )
        image_part: tuple[object, ...] = (None, None, None, None, None)
        time_part: tuple[object, ...] = (None, None)
    elif isinstance(target, TimeRange):
        text_part = ("time", None, None, None, "", "", "")
        image_part = (target.page_id or None, None, None, None, None)
        time_part = (target.start, target.end)
    else:
        text_part = ("image", None, None, None, "", "", "")
        image_part = (target.page_id or None, target.x, target.y, target.width, target.height)
        time_part = (None, None)
    return (
        annotation.id,
        *text_part,
        *image_part,
        annotation.body,
        annotation.author,
        Visibility(annotation.visibility).value,
        int(annotation.orphaned),
        time_text(annotation.created),
        time_text(annotation.modified),
        annotation.document_id or None,
        annotation.linked_to,
        *time_part,
    )


def _annotations(db: Database, rows: Sequence[Row]) -> list[Annotation]:
    tags: dict[str, list[str]] = {}
    if rows:
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for annotation_id, tag_id in db.all(
                f"SELECT annotation_id, tag_id FROM annotation_tags"
                f" WHERE annotation_id IN ({marks})",
                chunk,
            ):
                tags.setdefault(annotation_id, []).append(tag_id)
    return [_annotation(row, tuple(sorted(tags.get(row[0], ())))) for row in rows]


def _annotation(row: Row, tag_ids: tuple[str, ...]) -> Annotation:
    target: TextRange | ImageRegion | TimeRange
    if row[1] == "text":
        target = TextRange(
            text_id=row[2] or "",
            start=row[3],
            end=row[4],
            quote=row[5],
            prefix=row[6],
            suffix=row[7],
        )
    elif row[1] == "time":
        target = TimeRange(page_id=row[8] or "", start=row[21], end=row[22])
    else:
        target = ImageRegion(
            page_id=row[8] or "", x=row[9], y=row[10], width=row[11], height=row[12]
        )
    return Annotation(
        id=row[0],
        target=target,
        body=row[13],
        author=row[14],
        visibility=Visibility(row[15]),
        orphaned=bool(row[16]),
        tag_ids=tag_ids,
        created=time_from(row[17]),
        modified=time_from(row[18]),
        document_id=row[19] or "",
        linked_to=row[20],
    )
