"""Whether the archive is whole (encryption, database, original files, the audit log's
chain), who changed what, and a backup of it kept elsewhere."""

from __future__ import annotations

from pathlib import Path

from amanat.app import care
from amanat.core import audit, check
from amanat.core.audit import AuditEntry, AuditReport
from amanat.core.check import CheckReport
from amanat.core.storage import annotations as notes
from amanat.core.storage import documents, page_order, pages, texts
from amanat.core.vault import Archive


def check_archive(archive: Archive) -> CheckReport:
    """Every check, even after one fails, so the report says all that is wrong."""
    return check.check(archive.db)


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


def write_backup(archive: Archive, destination: Path) -> None:
    """The whole archive in one file, encrypted like the archive; it appears only once whole
    and read back, and its date is kept for the window's reminder (app/care.py)."""
    care.back_up(archive, destination)


def restore_backup(source: Path, folder: Path) -> str:
    """Unpack a backup into a new (or empty) archive folder; returns the archive's id."""
    return care.restore(source, folder)
