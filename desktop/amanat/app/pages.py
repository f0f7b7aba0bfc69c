"""One page: its file and metadata report, and a copy of it written out, sanitised unless the
original is asked for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from amanat.core import scans
from amanat.core.records import Page
from amanat.core.scans import MetadataReport
from amanat.core.storage import pages
from amanat.core.storage.pages import ScanDetails
from amanat.core.timeline_export import write_new_file
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class PageRecord:
    page: Page
    details: ScanDetails
    metadata: MetadataReport


def page_record(archive: Archive, page_id: str) -> PageRecord:
    db = archive.db
    page = pages.get(db, page_id)
    return PageRecord(page, pages.scan_details(db, page.id), scans.metadata_report(db, page.id))


def export_page(archive: Archive, page_id: str, target: Path, original: bool = False) -> Path:
    """Write the page to ``target``, a file that must not exist yet (it may be another page or
    the user's own file): the pixels only, upright, with no metadata, or with ``original`` the
    file byte for byte."""
    db = archive.db
    data = pages.original_bytes(db, page_id) if original else scans.sanitised_copy(db, page_id).data
    write_new_file(target, data)
    return target
