"""Whether the archive is whole (encryption, database, original files, the audit log's
chain), who changed what, and a backup of it kept elsewhere."""

from __future__ import annotations

from pathlib import Path

from amanat.app import care
from amanat.core import audit, check
from amanat.core.audit import AuditEntry, AuditReport
from amanat.core.check import CheckReport
from amanat.core.vault import Archive


def check_archive(archive: Archive) -> CheckReport:
    """Every check, even after one fails, so the report says all that is wrong."""
    return check.check(archive.db)


def verify_audit(archive: Archive) -> AuditReport:
    """Recompute the audit log's hash chain."""
    return audit.verify(archive.db)


def audit_entries(archive: Archive, record_id: str | None = None) -> list[AuditEntry]:
    return audit.entries(archive.db, record_id)


def write_backup(archive: Archive, destination: Path) -> None:
    """The whole archive in one file, encrypted like the archive; it appears only once whole
    and read back, and its date is kept for the window's reminder (app/care.py)."""
    care.back_up(archive, destination)


def restore_backup(source: Path, folder: Path) -> str:
    """Unpack a backup into a new (or empty) archive folder; returns the archive's id."""
    return care.restore(source, folder)
