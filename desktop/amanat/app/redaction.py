"""Redaction: what the user marks on a page or in a text so it never leaves the archive,
listed, taken off and put back; and each page as it will leave, for the export plan to show.
The window and the command line both call these."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from amanat.core import faces, leaving
from amanat.core.faces import FaceSuggestion
from amanat.core.leaving import LeavingPage
from amanat.core.records import TextKind
from amanat.core.storage import documents, pages, texts
from amanat.core.storage import redactions as store
from amanat.core.storage.redactions import PageRedaction, Redaction, TextRedaction
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class RedactionRow:
    """One redaction as the lists show it, with what it covers in the users' words."""

    redaction: Redaction
    document_title: str
    page_number: int | None = None
    """For a rectangle of a page."""
    text_kind: TextKind | None = None
    """For a passage; None too when its text has been deleted."""
    text_language: str = ""

    @property
    def id(self) -> str:
        return self.redaction.id

    @property
    def document_id(self) -> str:
        return self.redaction.document_id


def redact_page(
    archive: Archive,
    page_id: str,
    rectangle: tuple[float, float, float, float],
    redaction_id: str | None = None,
) -> PageRedaction:
    """Redact a rectangle of a page, in fractions (x, y, width, height) of the page upright
    as the window shows it before it is turned. ``redaction_id``: the id to give it, for
    the window to undo it by."""
    return store.on_page(archive.db, page_id, *rectangle, redaction_id=redaction_id)


def redact_text(
    archive: Archive, text_id: str, start: int, end: int, redaction_id: str | None = None
) -> TextRedaction:
    """Redact characters ``start`` up to ``end`` of a text."""
    return store.on_text(archive.db, text_id, start, end, redaction_id)


def unredact(archive: Archive, redaction_id: str) -> Redaction:
    """Take a redaction off; returns it, for ``put_back`` (undo)."""
    return store.remove(archive.db, redaction_id)


def put_back(archive: Archive, redaction: Redaction) -> Redaction:
    return store.add(archive.db, redaction)


def page_redactions(archive: Archive, page_id: str) -> list[PageRedaction]:
    return store.of_page(archive.db, page_id)


def text_redactions(archive: Archive, text_id: str) -> list[TextRedaction]:
    return store.of_text(archive.db, text_id)


def list_redactions(archive: Archive, document_id: str | None = None) -> list[RedactionRow]:
    """The redactions of one document, or of the whole archive, oldest first."""
    db = archive.db
    if document_id is not None:
        documents.get(db, document_id)  # a mistyped id is an error, not an empty list
    titles: dict[str, str] = {}
    rows = []
    for redaction in store.of_document(db, document_id):
        if redaction.document_id not in titles:
            titles[redaction.document_id] = documents.get(db, redaction.document_id).title
        title = titles[redaction.document_id]
        if isinstance(redaction, PageRedaction):
            number = pages.get(db, redaction.page_id).number
            rows.append(RedactionRow(redaction, title, page_number=number))
            continue
        found = db.value("SELECT 1 FROM texts WHERE id = ?", (redaction.text_id,))
        if found is None:
            rows.append(RedactionRow(redaction, title))
            continue
        text = texts.get(db, redaction.text_id)
        row = RedactionRow(redaction, title, text_kind=text.kind, text_language=text.language)
        rows.append(row)
    return rows


def page_as_it_leaves(archive: Archive, page_id: str, originals: bool = False) -> LeavingPage:
    """The page's file as an export will send it: what the export plan shows."""
    return leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=originals)


THUMBNAIL_LONGEST = 160
"""The export plan's pictures of the pages as they leave: enough to see the black boxes."""


def leaving_thumbnail(archive: Archive, page_id: str, originals: bool = False) -> bytes:
    """A small PNG of the page as an export will send it, redactions burned in; made from
    the copy that leaves, never drawn over a picture of the original."""
    leaving_copy = page_as_it_leaves(archive, page_id, originals)
    if not leaving_copy.sanitised:
        # The original leaves byte for byte: its picture is the sanitised copy's pixels.
        leaving_copy = leaving.page_as_it_leaves(archive.db, page_id, keep_metadata=False)
    with Image.open(io.BytesIO(leaving_copy.data)) as image:
        image.thumbnail((THUMBNAIL_LONGEST, THUMBNAIL_LONGEST))
        small = image.convert("RGB")
    out = io.BytesIO()
    small.save(out, "PNG")
    return out.getvalue()


def suggest_faces(archive: Archive, page_id: str) -> list[FaceSuggestion]:
    """Faces found on the page, to confirm one by one; OpenCV missing is said in one
    sentence (core/faces.py)."""
    return faces.suggest(archive.db, page_id)
