"""Where a page stands in its document: moving it to another place, removing it to the trash
and putting it back, and forgetting removed pages when the trash is emptied.

A document's pages are numbered 1, 2, 3… with no gaps; every change here renumbers the pages
it passes over in the same transaction, so a crash leaves either the old order or the new one.
A removed page keeps its document and the place it had (``removed_from``) but takes number 0,
outside the order, until it is restored or the trash is emptied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from amanat.core import audit
from amanat.core.database import Database
from amanat.core.errors import InvalidInput
from amanat.core.records import DocumentKind, Page, now
from amanat.core.storage import documents, pages
from amanat.core.storage.columns import time_from, time_text


@dataclass(frozen=True, slots=True)
class RemovedPage:
    """A page waiting in the trash, and where it would go back."""

    page: Page
    document_title: str
    removed: datetime
    removed_from: int
    """The place it had in its document (1 for the first page)."""


def move(db: Database, page_id: str, position: int) -> Page:
    """Put the page at ``position`` (1 for the first) in its document; the pages between its
    old and new place shift by one. Returns the page as it is now."""
    with db.transaction():
        page = _present(db, page_id)
        count = _count(db, page.document_id)
        if not 1 <= position <= count:
            raise InvalidInput("page-position", position=position, count=count)
        if position == page.number:
            return page
        if position < page.number:
            db.execute(
                "UPDATE pages SET number = number + 1 WHERE document_id = ? AND removed IS NULL"
                " AND number >= ? AND number < ?",
                (page.document_id, position, page.number),
            )
        else:
            db.execute(
                "UPDATE pages SET number = number - 1 WHERE document_id = ? AND removed IS NULL"
                " AND number > ? AND number <= ?",
                (page.document_id, page.number, position),
            )
        modified = now()
        db.execute(
            "UPDATE pages SET number = ?, modified = ? WHERE id = ?",
            (position, time_text(modified), page.id),
        )
        audit.append(
            db, "changed", "page", page.id, f"moved page {page.number} to place {position}"
        )
    return pages.get(db, page_id)


def remove(db: Database, page_id: str) -> RemovedPage:
    """Take the page out of its document into the trash; the pages after it move up one. A
    letter's only page is refused: a letter with no page is not what the family meant."""
    with db.transaction():
        page = check_removal(db, page_id)
        document = documents.get(db, page.document_id)
        removed = now()
        db.execute(
            "UPDATE pages SET number = 0, removed = ?, removed_from = ?, modified = ? WHERE id = ?",
            (time_text(removed), page.number, time_text(removed), page.id),
        )
        db.execute(
            "UPDATE pages SET number = number - 1 WHERE document_id = ? AND removed IS NULL"
            " AND number > ?",
            (page.document_id, page.number),
        )
        audit.append(
            db,
            "trashed",
            "page",
            page.id,
            f"moved page {page.number} of “{document.title}” to the trash",
        )
    return RemovedPage(pages.get(db, page_id), document.title, removed, page.number)


def check_removal(db: Database, page_id: str) -> Page:
    """The page, if ``remove`` would take it; else the InvalidInput it would raise. The
    window asks first, so that a refused removal never lands on its undo stack."""
    page = _present(db, page_id)
    document = documents.get(db, page.document_id)
    if document.kind is DocumentKind.LETTER and _count(db, page.document_id) == 1:
        raise InvalidInput("only-page-of-letter")
    return page


def restore(db: Database, page_id: str) -> Page:
    """Put a removed page back in its document at the place it had, or after the last page
    when the document is shorter now. Returns the page as it is now."""
    with db.transaction():
        page = pages.get(db, page_id)
        place = db.value(
            "SELECT removed_from FROM pages WHERE id = ? AND removed IS NOT NULL", (page_id,)
        )
        if place is None:
            raise InvalidInput("page-not-removed")
        _unless_trashed(db, page.document_id)
        document = documents.get(db, page.document_id)
        position = min(int(place), _count(db, page.document_id) + 1)
        db.execute(
            "UPDATE pages SET number = number + 1 WHERE document_id = ? AND removed IS NULL"
            " AND number >= ?",
            (page.document_id, position),
        )
        db.execute(
            "UPDATE pages SET number = ?, removed = NULL, removed_from = NULL, modified = ?"
            " WHERE id = ?",
            (position, time_text(now()), page.id),
        )
        audit.append(
            db,
            "restored",
            "page",
            page.id,
            f"restored page {position} of “{document.title}” from the trash",
        )
    return pages.get(db, page_id)


def removed_pages(db: Database, document_id: str | None = None) -> list[RemovedPage]:
    """Pages in the trash, of one document or of all, the most recently removed first."""
    rows = db.all(
        "SELECT p.id, d.title, p.removed, p.removed_from FROM pages AS p"
        " JOIN documents AS d ON d.id = p.document_id WHERE p.removed IS NOT NULL"
        " AND (? IS NULL OR p.document_id = ?) ORDER BY p.removed DESC, p.rowid DESC",
        (document_id, document_id),
    )
    return [
        RemovedPage(pages.get(db, str(row[0])), str(row[1]), time_from(row[2]), int(row[3]))
        for row in rows
    ]


def removed_count(db: Database) -> int:
    """How many pages wait in the trash."""
    return int(db.value("SELECT count(*) FROM pages WHERE removed IS NOT NULL"))


def forget_removed(db: Database) -> int:
    """Delete the removed pages for good, with their pictures; an original file no other page
    uses goes too. Annotations that were on them stay with their document, as for any page
    that is gone. Returns how many pages went."""
    with db.transaction():
        gone = db.all(
            "SELECT p.id, p.removed_from, d.title FROM pages AS p"
            " JOIN documents AS d ON d.id = p.document_id WHERE p.removed IS NOT NULL"
        )
        for page_id, place, title in gone:
            db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
            audit.append(
                db, "deleted", "page", page_id, f"emptied page {place} of “{title}” from the trash"
            )
        if gone:
            db.execute("DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM pages)")
    return len(gone)


def _present(db: Database, page_id: str) -> Page:
    """The page, refused if it is in the trash (it has no place to move from)."""
    page = pages.get(db, page_id)
    if db.value("SELECT removed IS NOT NULL FROM pages WHERE id = ?", (page_id,)) == 1:
        raise InvalidInput("page-in-trash")
    _unless_trashed(db, page.document_id)
    return page


def _unless_trashed(db: Database, document_id: str) -> None:
    """A document in the trash is kept as it was: its pages are not changed."""
    if documents.get(db, document_id).trashed is not None:
        raise InvalidInput("document-in-trash")


def _count(db: Database, document_id: str) -> int:
    return int(
        db.value(
            "SELECT count(*) FROM pages WHERE document_id = ? AND removed IS NULL",
            (document_id,),
        )
    )
