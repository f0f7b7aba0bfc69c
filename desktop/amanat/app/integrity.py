"""Whether the archive is whole (encryption, database, original files, the audit log's
chain), who changed what, and a backup of it kept elsewhere."""

from __future__ import annotations

from pathlib import Path

from amanat.core import audit, backup, check
from amanat.core.audit import AuditEntry, AuditReport
from amanat.core.backup import FolderBackupReport
from amanat.core.check import CheckReport
from amanat.core.jobs import Cancel, Report
from amanat.core.vault import Archive


def check_archive(
    archive: Archive,
    full: bool = False,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> CheckReport:
    """Every check, even after one fails, so the report says all that is wrong. Quick by
    default (the database, and the stored files' places and sizes); ``full`` also opens
    every stored file and compares its SHA-256, telling ``report`` how far it is."""
    return check.check(archive.db, full, report, cancel)


def verify_audit(archive: Archive) -> AuditReport:
    """Recompute the audit log's hash chain."""
    return audit.verify(archive.db)


def audit_entries(archive: Archive, record_id: str | None = None) -> list[AuditEntry]:
    return audit.entries(archive.db, record_id)


def write_backup(
    archive: Archive,
    destination: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> None:
    """The whole archive in one file, encrypted like the archive; it appears only once whole.
    ``report`` counts bytes written; ``cancel`` stops it (BackupCancelled), leaving nothing."""
    backup.backup(archive, destination, report, cancel)


def write_folder_backup(
    archive: Archive,
    folder: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> FolderBackupReport:
    """Bring the backup in ``folder`` (a USB stick, say) up to date, making it if the folder
    is new or empty: only what the folder lacks is copied. ``report`` counts bytes copied;
    a cancel (BackupCancelled) or a crash leaves the previous backup there whole."""
    return backup.backup_to_folder(archive, folder, report, cancel)


def restore_backup(source: Path, folder: Path) -> str:
    """Unpack a backup, a file or a backup folder, into a new archive folder; returns the
    archive's id."""
    return backup.restore(source, folder)
