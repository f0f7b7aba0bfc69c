"""Whether the archive is whole (encryption, database, original files, the audit log's
chain), who changed what, and a backup of it kept elsewhere."""

from __future__ import annotations

from pathlib import Path

from amanat.app import care
from amanat.core import audit
from amanat.core.audit import AuditEntry, AuditReport
from amanat.core.backup import FolderBackupReport
from amanat.core.check import CheckReport
from amanat.core.jobs import Cancel, Report
from amanat.core.storage import annotations as notes
from amanat.core.storage import documents, page_order, pages, texts
from amanat.core.vault import Archive


def check_archive(
    archive: Archive,
    full: bool = False,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> CheckReport:
    """Every check, even after one fails, so the report says all that is wrong. Quick by
    default (the database, and the stored files' places and sizes); ``full`` also opens
    every stored file and compares its SHA-256, telling ``report`` how far it is. The
    check is app/care.check_report's; a cancelled one says so in the report."""
    return care.check_report(archive, full, report, cancel)


def verify_audit(archive: Archive) -> AuditReport:
    """Recompute the audit log's hash chain."""
    return audit.verify(archive.db)


def audit_entries(
    archive: Archive, record_id: str | None = None, document_id: str | None = None
) -> list[AuditEntry]:
    """The log, oldest first: all of it, one record's entries, or with ``document_id`` a
    document's with those of its pages (removed ones too), texts and annotations. A text or
    annotation deleted since is no longer known to belong to it: its entries are left out."""
    db = archive.db
    if document_id is None:
        return audit.entries(db, record_id)
    documents.get(db, document_id)  # an unknown id is said, not an empty list
    parts = {document_id}
    parts.update(page.id for page in pages.pages_of(db, document_id))
    parts.update(removed.page.id for removed in page_order.removed_pages(db, document_id))
    parts.update(text.id for text in texts.texts_of(db, document_id))
    parts.update(note.id for note in notes.find(db, document_id=document_id))
    return [entry for entry in audit.entries(db) if entry.record_id in parts]


def write_backup(
    archive: Archive,
    destination: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> None:
    """The whole archive in one file, as the window makes it (app/care.back_up)."""
    care.back_up(archive, destination, report, cancel)


def write_folder_backup(
    archive: Archive,
    folder: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> FolderBackupReport:
    """Bring the backup in ``folder`` up to date (app/care.back_up_to_folder)."""
    return care.back_up_to_folder(archive, folder, report, cancel)


def restore_backup(
    source: Path, folder: Path, report: Report | None = None, cancel: Cancel | None = None
) -> str:
    """Unpack a backup, a file or a backup folder, into a new or empty folder
    (app/care.restore); returns the archive's id."""
    return care.restore(source, folder, report, cancel)
