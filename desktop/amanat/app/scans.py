"""Importing photographed and scanned letters, and saying which pages just imported carry
metadata that could lead someone to the family (a phone's GPS position, an owner's name)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from amanat.core import settings
from amanat.core.jobs import Cancel, Report
from amanat.core.scans import ImportOptions, ImportReport, import_files
from amanat.core.scans.formats import MB
from amanat.core.storage import pages
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class FlaggedPage:
    """A page just imported whose metadata could lead someone to the family."""

    page_id: str
    document_title: str
    number: int
    original_name: str
    has_location: bool
    has_person_name: bool


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    report: ImportReport
    flagged: tuple[FlaggedPage, ...]
    """Said while it is fresh, so that only a sanitised copy of these pages is shared."""


def import_scans(
    archive: Archive,
    paths: Sequence[Path],
    options: ImportOptions,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> ImportOutcome:
    """Import files and folders; ``report`` hears after each file and ``cancel`` is asked
    before each (the archive then keeps only whole documents)."""
    db = archive.db
    options = with_archive_limits(archive, options)
    imported = import_files(db, list(paths), options, report, cancel)
    flagged = []
    for document in imported.documents:
        for page in pages.flagged_pages(db, document.document_id):
            details = pages.scan_details(db, page.id)
            flagged.append(
                FlaggedPage(
                    page.id,
                    document.title,
                    page.number,
                    page.original_name,
                    details.has_location,
                    details.has_person_name,
                )
            )
    return ImportOutcome(imported, tuple(flagged))


def with_archive_limits(archive: Archive, options: ImportOptions) -> ImportOptions:
    """``options`` with the largest recording the archive's settings allow."""
    stored = settings.load(archive.db).recording_limit_mb
    megabytes = stored if stored is not None else settings.DEFAULT_RECORDING_LIMIT_MB
    return replace(options, limits=replace(options.limits, max_recording_bytes=megabytes * MB))
