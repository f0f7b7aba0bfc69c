"""Looking after an archive: its password and recovery code, backups and restores, checks,
and when to remind the family that a backup is due. The window and the command line call
these; the work itself is in core (vault, backup, check)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from amanat.core import backup, check, settings
from amanat.core.backup import FolderBackupReport
from amanat.core.check import CheckReport, DamagedDocument
from amanat.core.errors import CheckCancelled, RestoreFolderNotEmpty, WrongPassword
from amanat.core.jobs import Cancel, Report
from amanat.core.keyslots import KdfParams
from amanat.core.settings import DEFAULT_BACKUP_REMINDER_DAYS, ArchiveSettings
from amanat.core.vault import Archive, check_new_password

# --- Password and recovery code -----------------------------------------------------------


def change_password(archive: Archive, current: str, new: str, kdf: KdfParams | None = None) -> None:
    """The current password must be given again: someone at a laptop left unlocked must not
    be able to shut its family out. A weak new password is refused before anything is
    written; only keys.json changes."""
    check_new_password(new)
    if not archive.password_opens(current):
        raise WrongPassword()
    archive.change_password(new, kdf)


def unlock_with_recovery_code(
    folder: Path,
    code: str,
    new_password: str,
    actor: str = "",
    kdf: KdfParams | None = None,
    report: Report | None = None,
) -> Archive:
    """Open the archive with its recovery code and give it ``new_password`` at once: the
    forgotten password no longer opens it. The new password is judged first, so a weak one
    is refused before the code is even tried; a typo in the code (RecoveryCodeTypo) is told
    apart from a code that does not open it (WrongRecoveryCode)."""
    check_new_password(new_password)
    archive = Archive.open_with_recovery_code(folder, code, actor=actor, report=report)
    try:
        archive.change_password(new_password, kdf)
    except BaseException:
        archive.lock()
        raise
    return archive


@dataclass(frozen=True, slots=True)
class RecoveryState:
    exists: bool


def recovery_state(archive: Archive) -> RecoveryState:
    return RecoveryState(archive.has_recovery_code())


def remove_recovery_code(archive: Archive) -> bool:
    """False when there was none to remove."""
    return archive.remove_recovery_code()


# --- Backups -------------------------------------------------------------------------------


def back_up(
    archive: Archive,
    target: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> datetime:
    """The whole archive in one file at ``target``, written under a temporary name, read
    back and only then given its name; the time it was made is kept inside the archive
    (for the reminder) and returned."""
    backup.backup(archive, target, report, cancel)
    made = datetime.now(UTC).replace(microsecond=0)
    settings.save(archive.db, ArchiveSettings(last_backup=made))
    return made


def back_up_to_folder(
    archive: Archive,
    folder: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> FolderBackupReport:
    """Bring the backup kept in ``folder`` (a USB stick, say) up to date, making it if the
    folder is new or empty: only what the folder lacks is copied, and a cancel or a crash
    leaves the previous backup there whole. Its date is kept for the reminder, as for a
    one-file backup."""
    done = backup.backup_to_folder(archive, folder, report, cancel)
    settings.save(archive.db, ArchiveSettings(last_backup=datetime.now(UTC).replace(microsecond=0)))
    return done


def holds_folder_backup(folder: Path) -> bool:
    """Whether ``folder`` already holds a folder backup, which the next backup to it brings
    up to date (copying only what is new), rather than being new or empty."""
    return (Path(folder) / backup.MANIFEST).is_file()


def restore(
    backup_file: Path,
    folder: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> str:
    """Unpack ``backup_file`` (a one-file backup, or a folder backup) into ``folder``, which
    must be new or empty (nothing is ever overwritten); returns the restored archive's id.
    It is left locked, to be unlocked with the password (or recovery code) it had when the
    backup was made."""
    folder = Path(folder)
    if folder.is_dir():
        if any(folder.iterdir()):
            raise RestoreFolderNotEmpty(path=str(folder))
        folder.rmdir()  # chosen empty in the folder dialog: the restore makes it again
    elif folder.exists():
        raise RestoreFolderNotEmpty(path=str(folder))
    return backup.restore(backup_file, folder, report, cancel)


def backup_due(stored: ArchiveSettings, created: datetime, now: datetime | None = None) -> bool:
    """Whether to remind that a backup is due: more days than the setting says (14 unless
    changed; 0 never reminds) since the last one or, when there was none, since the archive
    was created (a new archive is not nagged on its first day)."""
    days = stored.backup_reminder_days
    if days is None:
        days = DEFAULT_BACKUP_REMINDER_DAYS
    if days == 0:
        return False
    since = stored.last_backup or created
    return (now or datetime.now(UTC)) - since > timedelta(days=days)


@dataclass(frozen=True, slots=True)
class BackupReminder:
    last_backup: datetime | None
    due: bool


def backup_reminder(archive: Archive, now: datetime | None = None) -> BackupReminder:
    """The last backup's date, and whether the window should say one is due."""
    stored = settings.load(archive.db)
    created = datetime.fromisoformat(
        str(archive.db.value("SELECT value FROM meta WHERE key = 'created'"))
    )
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return BackupReminder(stored.last_backup, backup_due(stored, created, now))


# --- Checking ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What the check found, by the part of the archive a family can name."""

    report: CheckReport
    encryption_whole: bool
    database_whole: bool
    files_damaged: int
    """Original files (scans) that no longer match what was stored; -1: some unreadable."""
    audit_whole: bool

    @property
    def healthy(self) -> bool:
        return self.report.healthy

    @property
    def files_checked(self) -> int:
        return self.report.files_checked

    @property
    def damaged(self) -> tuple[DamagedDocument, ...]:
        """The documents whose stored pages are damaged or missing, with their page numbers."""
        return self.report.damaged


def check_report(
    archive: Archive,
    full: bool = False,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> CheckReport:
    """Every check of ``amanat check``: quick by default (the database, the stored files'
    places and sizes, the audit chain); ``full`` also opens every stored file. A cancelled
    check says so in its report; a full one goes on from there next time."""
    return check.check(archive.db, full, report, cancel)


def check_archive(
    archive: Archive,
    report: Report | None = None,
    cancel: Cancel | None = None,
    full: bool = False,
) -> CheckResult:
    """Every check of ``amanat check``, sorted by what it is about, for the window; a
    cancelled check raises CheckCancelled."""
    found = check_report(archive, full, report, cancel)
    if found.cancelled:
        raise CheckCancelled()
    result = CheckResult(found, True, True, 0, True)
    for problem in found.problems:
        # core/check.py starts each problem with the part it is about.
        if problem.startswith("encrypted page"):
            result = replace(result, encryption_whole=False)
        elif problem.startswith("database check"):
            result = replace(result, database_whole=False)
        elif problem.startswith("the original file"):
            result = replace(result, files_damaged=max(result.files_damaged, 0) + 1)
        elif problem.startswith("the document"):
            pass  # its pages are counted below, from the report's damaged documents
        elif problem.startswith(("original files", "segment", "object")):
            result = replace(result, files_damaged=-1)
        elif problem.startswith("audit log"):
            result = replace(result, audit_whole=False)
        else:
            result = replace(result, database_whole=False)
    pages = sum(len(document.pages) for document in found.damaged)
    if pages and result.files_damaged >= 0:
        result = replace(result, files_damaged=result.files_damaged + pages)
    return result
