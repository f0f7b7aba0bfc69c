"""The operations the archive-care screens run on the archive's worker thread (see
gui/worker.py): each hands the session's archive to amanat.app.care."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from amanat.app import archives, care
from amanat.app.care import CheckResult
from amanat.core.jobs import Cancel, Report
from amanat.core.keyslots import KdfParams
from amanat.gui.operations import Opened
from amanat.gui.worker import Operation, Session


def unlock_with_recovery_code(
    folder: Path,
    code: str,
    new_password: str,
    actor: str,
    kdf: KdfParams | None,
    report: Report | None = None,
) -> Operation[Opened]:
    def run(session: Session) -> Opened:
        archive = care.unlock_with_recovery_code(folder, code, new_password, actor, kdf, report)
        session.close()
        session.archive = archive
        return Opened(folder)

    return run


def change_password(current: str, new: str, kdf: KdfParams | None) -> Operation[None]:
    def run(session: Session) -> None:
        care.change_password(session.require(), current, new, kdf)

    return run


def has_recovery_code(session: Session) -> bool:
    return care.recovery_state(session.require()).exists


def new_recovery_code(kdf: KdfParams | None) -> Operation[archives.RecoveryCode]:
    def run(session: Session) -> archives.RecoveryCode:
        return archives.new_recovery_code(session.require(), kdf)

    return run


def remove_recovery_code(session: Session) -> bool:
    return care.remove_recovery_code(session.require())


def back_up(target: Path, report: Report, cancel: Cancel) -> Operation[datetime]:
    def run(session: Session) -> datetime:
        return care.back_up(session.require(), target, report, cancel)

    return run


@dataclass(frozen=True, slots=True)
class FolderBackedUp:
    copied_bytes: int
    """Everything copied this time: the new parts of the stored pages and the database."""
    first: bool
    """The folder held no backup before: the whole archive was copied."""
    made: datetime
    """When, as kept in the archive for the reminder."""


def back_up_to_folder(folder: Path, report: Report, cancel: Cancel) -> Operation[FolderBackedUp]:
    def run(session: Session) -> FolderBackedUp:
        archive = session.require()
        first = not care.holds_folder_backup(folder)
        done = care.back_up_to_folder(archive, folder, report, cancel)
        made = care.backup_reminder(archive).last_backup
        assert made is not None  # just saved by back_up_to_folder
        return FolderBackedUp(done.copied_bytes + done.database_bytes, first, made)

    return run


def restore(backup_file: Path, folder: Path, report: Report, cancel: Cancel) -> Operation[Path]:
    """Needs no open archive: it runs on the worker thread only so that the window's one
    job runner shows its progress and can cancel it."""

    def run(session: Session) -> Path:
        care.restore(backup_file, folder, report, cancel)
        return folder

    return run


def check_archive(report: Report, cancel: Cancel, full: bool = False) -> Operation[CheckResult]:
    def run(session: Session) -> CheckResult:
        return care.check_archive(session.require(), report, cancel, full)

    return run


def backup_reminder(session: Session) -> care.BackupReminder:
    return care.backup_reminder(session.require())
