"""Screen-sized previews made after an import, from the originals in the archive.

An import gives each photo its thumbnail only, decoded at an eighth of its size, so the
letters reach the list sooner; their previews follow in a second pass made here. The
application runs it in the background after an import, a few pages at a time, and makes a
missing preview at once when a page is shown before its turn; the command line runs it right
after its import. Decoding runs in the decoding workers (core/decoding), two at a time,
while the database thread reads the next original and keeps the previews made; each preview
is its own small transaction, so a pass stopped half-way keeps what it made and the next
pass starts where it stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from amanat.core import decoding
from amanat.core.background import worked_ahead
from amanat.core.database import Database
from amanat.core.errors import ScanRefused, StoredObjectDamaged
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import PDF, ScanLimits, open_picture
from amanat.core.scans.metadata import MetadataReport
from amanat.core.storage import pages
from amanat.core.storage.pages import PageImage

WORKERS = 2


@dataclass(frozen=True, slots=True)
class _Original:
    """What drawing one page's preview needs, read on the database thread."""

    data: bytes
    mime_type: str
    source_page: int | None
    orientation: int
    name: str


def missing(db: Database, limit: int = -1) -> list[str]:
    """Pages that have no preview yet, oldest first (pages in the trash last)."""
    return pages.without_image(db, "preview", limit)


def make_preview(db: Database, page_id: str) -> PageImage | None:
    """The page's preview, made now from its original and kept. None for a page that cannot
    be drawn; it then has its thumbnail, or a placeholder, and nothing else changes."""
    picture = _drawn(_original(db, page_id))
    if picture is not None:
        pages.store_image(db, page_id, picture)
    return picture


def make_previews(
    db: Database,
    page_ids: Sequence[str],
    progress: Report | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Make and keep the previews of ``page_ids``; returns how many were made. ``progress``
    counts pages (``current`` is the page's id); ``cancel`` is asked before each page is
    kept, and the previews kept so far stay."""
    made = 0
    # Each original is read here, on the database thread, as the pool asks for the next.
    originals = ((page_id, _original(db, page_id)) for page_id in page_ids)
    drawn = worked_ahead(originals, lambda pair: _drawn(pair[1]), WORKERS, "amanat-preview")
    for done, ((page_id, _), picture) in enumerate(drawn, start=1):
        if cancelled(cancel):
            break
        if picture is not None:
            pages.store_image(db, page_id, picture)
            made += 1
        if progress is not None:
            progress(Progress(done, len(page_ids), page_id))
    return made


def _original(db: Database, page_id: str) -> _Original:
    page = pages.get(db, page_id)
    details = pages.scan_details(db, page_id)
    try:
        data = pages.original_bytes(db, page_id)
    except StoredObjectDamaged:
        data = b""  # drawn as nothing: the page keeps its thumbnail; the check names it
    return _Original(
        data,
        page.mime_type,
        details.source_page,
        MetadataReport.from_json(details.metadata).orientation,
        page.original_name or f"page {page.number}",
    )


def _drawn(original: _Original) -> PageImage | None:
    """Off the database thread: the preview drawn in a decoding worker, or None."""
    try:
        return decoding.run(original.name, _draw, original)
    except ScanRefused:
        return None


def _draw(original: _Original) -> PageImage | None:
    """In a decoding worker: decode at the preview's scale and draw it upright."""
    limits = ScanLimits(max_pages=10**9)  # the file was accepted once; draw what it holds
    try:
        if original.mime_type == PDF:
            with pdf.opened(original.data, original.name, limits) as document:
                rendering = pdf.render(
                    document, original.source_page or 0, pictures.PREVIEW_LONGEST, original.name
                )
            return pictures.preview_image(rendering, 1)
        image, _ = open_picture(original.data, original.mime_type, original.name)
        with image:
            if original.source_page:
                image.seek(original.source_page)
            pictures.decode_for_display(image)
            image.load()
            return pictures.preview_image(image, original.orientation)
    except (ScanRefused, MemoryError):
        return None
    except Exception:  # of any type: the page keeps its thumbnail
        return None
