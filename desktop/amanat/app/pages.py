"""One page: its file and metadata report, and a copy of it written out, sanitised unless the
original is asked for. The pages of a document that exists: adding files to it, moving a page
to another place, removing a page to the trash and putting it back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from amanat.app.scans import ImportOutcome, import_scans
from amanat.core import scans
from amanat.core.file_types import RECORDING_SUFFIXES
from amanat.core.jobs import Cancel, Report
from amanat.core.leaving import is_redacted, page_as_it_leaves
from amanat.core.recordings import facts
from amanat.core.recordings.facts import RecordingFacts
from amanat.core.records import Page
from amanat.core.scans import ImportOptions, MetadataReport
from amanat.core.scans.export import sanitised_suffix, write_recording
from amanat.core.storage import page_order, pages
from amanat.core.storage.page_order import RemovedPage
from amanat.core.storage.pages import ScanDetails
from amanat.core.timeline_export import write_new_file
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class PageRecord:
    page: Page
    details: ScanDetails
    metadata: MetadataReport
    redacted: bool = False
    """It has redacted rectangles: it leaves only as a sanitised copy (core/leaving.py)."""
    recording: RecordingFacts | None = None
    """Duration, codecs and streams of a recording; None for a scan."""


def page_record(archive: Archive, page_id: str) -> PageRecord:
    db = archive.db
    page = pages.get(db, page_id)
    details = pages.scan_details(db, page.id)
    return PageRecord(
        page,
        details,
        scans.metadata_report(db, page.id),
        is_redacted(db, page.id),
        facts.from_json(details.metadata) if pages.is_recording(page) else None,
    )


def export_page(archive: Archive, page_id: str, target: Path, original: bool = False) -> Path:
    """Write the page to ``target``, a file that must not exist yet (it may be another page or
    the user's own file): the pixels only, upright, with no metadata, or with ``original`` the
    file byte for byte."""
    if pages.is_recording(pages.get(archive.db, page_id)) and not is_redacted(archive.db, page_id):
        write_recording(archive.db, page_id, target, original)  # streamed, never whole
        return target
    # A redacted page is always a copy with the redactions burned in (core/leaving.py).
    write_new_file(target, page_as_it_leaves(archive.db, page_id, keep_metadata=original).data)
    return target


_SUFFIXES = {  # of an original, by its type (decided by content at import)
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/heic": ".heic",
    "image/avif": ".avif",
    "application/pdf": ".pdf",
    **RECORDING_SUFFIXES,
}


def export_file_name(page: Page, original: bool) -> str:
    """A name to offer for the copy of ``page``: "page-3.jpg". It says nothing of the
    letter, so a file dialog or a folder listing gives nothing away."""
    suffix = _SUFFIXES.get(page.mime_type, "") if original else sanitised_suffix(page.mime_type)
    return f"page-{page.number}{suffix}"


def add_pages(
    archive: Archive,
    document_id: str,
    paths: Sequence[Path],
    report: Report | None = None,
    cancel: Cancel | None = None,
    previews_later: bool = False,
) -> ImportOutcome:
    """Add files and folders as pages after the document's last page, with the import's
    checks: a folder gives its files, a file that cannot be read is refused by name and the
    others go in, a file already in the archive is not stored twice. ``cancel`` is asked
    before each file; the files added before it stay. A document in the trash is refused."""
    options = ImportOptions(document_id=document_id, previews_later=previews_later)
    outcome = import_scans(archive, paths, options, report, cancel)
    added = {page_id for d in outcome.report.documents for page_id in d.page_ids}
    # Only the pages just added are news; the document's older pages were warned about before.
    return ImportOutcome(outcome.report, tuple(f for f in outcome.flagged if f.page_id in added))


def move_page(archive: Archive, page_id: str, position: int) -> Page:
    """Put the page at ``position`` in its document (1 for the first)."""
    return page_order.move(archive.db, page_id, position)


def remove_page(archive: Archive, page_id: str) -> RemovedPage:
    """Move the page to the trash: it leaves its document until restored, and goes for good
    when the trash is emptied. A letter's only page is refused (the letter goes instead)."""
    return page_order.remove(archive.db, page_id)


def check_page_removal(archive: Archive, page_id: str) -> None:
    """Raise what ``remove_page`` would refuse with, changing nothing."""
    page_order.check_removal(archive.db, page_id)


def restore_page(archive: Archive, page_id: str) -> Page:
    """Put a removed page back where it was in its document."""
    return page_order.restore(archive.db, page_id)


def removed_pages(archive: Archive, document_id: str | None = None) -> list[RemovedPage]:
    """Pages in the trash, of one document or of the whole archive, newest first."""
    return page_order.removed_pages(archive.db, document_id)


def page_thumbnails(archive: Archive, page_ids: Sequence[str]) -> dict[str, bytes | None]:
    """Each page's thumbnail (None for a page that has none yet), for a strip of pages."""
    found: dict[str, bytes | None] = {}
    for page_id in page_ids:
        picture = pages.image(archive.db, page_id, "thumbnail")
        found[page_id] = picture.data if picture is not None else None
    return found
