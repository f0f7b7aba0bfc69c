"""Looking after an archive (app/care.py): backups that appear only whole and verified,
restores that never overwrite, checks with progress and cancel, the password and the
recovery code. Each bad input gets its own error and leaves the archive as it was."""

from __future__ import annotations

import errno
import io
import os
import tarfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest

from amanat.app import archives, care
from amanat.core import backup, private_files, settings
from amanat.core.errors import (
    BackupCancelled,
    BackupDamaged,
    BackupInsideArchive,
    BackupNotVerified,
    CheckCancelled,
    DiskFull,
    FileNotWritable,
    GuessablePassword,
    NoRecoveryCode,
    RecoveryCodeTypo,
    RestoreCancelled,
    RestoreFolderNotEmpty,
    WrongPassword,
    WrongRecoveryCode,
)
from amanat.core.jobs import Progress
from amanat.core.keyslots import FLOOR
from amanat.core.records import Person
from amanat.core.settings import ArchiveSettings
from amanat.core.storage import people
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, copy_archive, records_digest

NEW_PASSWORD = "willow river lantern copper meadow"


@pytest.fixture
def filled(archive_folder: Path) -> Path:
    with Archive.open(archive_folder, PASSWORD) as opened:
        for n in range(40):
            people.add(opened.db, Person(f"Person {n}", notes="x" * 2000))
    return archive_folder


@pytest.fixture
def opened(filled: Path) -> Iterator[Archive]:
    archive = Archive.open(filled, PASSWORD)
    yield archive
    archive.lock()


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- Backing up --------------------------------------------------------------------------


def test_backup_reports_progress_records_its_date_and_restores_the_same_archive(
    filled: Path, tmp_path: Path
) -> None:
    before = records_digest(filled)
    heard: list[Progress] = []
    target = tmp_path / "stick" / "letters.amanat-backup"
    target.parent.mkdir()
    with Archive.open(filled, PASSWORD) as opened:
        opened_id = opened.archive_id
        made = care.back_up(opened, target, heard.append)
        assert settings.load(opened.db).last_backup == made
    assert heard and heard[-1].done == heard[-1].total
    assert [p.done for p in heard] == sorted(p.done for p in heard)
    assert _leftovers(target.parent) == [target.name]
    # The copy is the archive as it was backed up; the date of the backup came after.
    restored = tmp_path / "restored.amanat"
    assert care.restore(target, restored) == opened_id
    assert records_digest(restored) == before


def test_cancelled_backup_leaves_no_file(opened: Archive, tmp_path: Path) -> None:
    heard: list[Progress] = []
    target = tmp_path / "out" / "b.amanat-backup"
    target.parent.mkdir()
    with pytest.raises(BackupCancelled):
        care.back_up(opened, target, heard.append, lambda: bool(heard))
    assert _leftovers(target.parent) == []
    assert settings.load(opened.db).last_backup is None


class _FailingFile(io.BufferedWriter):
    """A file whose disk fills up (or whose USB stick is pulled out) after some bytes."""

    def __init__(self, handle: BinaryIO, error: int, after: int) -> None:
        super().__init__(handle)  # type: ignore[arg-type]
        self._error = error
        self._left = after

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._left -= len(data)
        if self._left < 0:
            raise OSError(self._error, os.strerror(self._error))
        return super().write(data)


@pytest.mark.parametrize(
    ("code", "expected"), [(errno.ENOSPC, DiskFull), (errno.EIO, FileNotWritable)]
)
def test_write_error_in_the_middle_gets_one_sentence_and_leaves_no_partial_file(
    opened: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, expected: type
) -> None:
    real = private_files.create_or_replace

    def failing(path: Path) -> BinaryIO:
        return _FailingFile(real(path), code, 64 * 1024)  # type: ignore[return-value]

    monkeypatch.setattr(private_files, "create_or_replace", failing)
    target = tmp_path / "stick" / "b.amanat-backup"
    target.parent.mkdir()
    with pytest.raises(expected) as raised:
        care.back_up(opened, target)
    assert "\n" not in raised.value.message
    assert _leftovers(target.parent) == []


def test_backup_that_reads_back_differently_is_removed(
    opened: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lose_a_byte(descriptor: int, start: int, length: int) -> None:
        # The stick corrupts what it was given, in the part that is read back.
        if start != 0:
            return
        assert length > 5000
        os.lseek(descriptor, 5000, os.SEEK_SET)
        byte = os.read(descriptor, 1)
        os.lseek(descriptor, 5000, os.SEEK_SET)
        os.write(descriptor, bytes([byte[0] ^ 0x01]))

    monkeypatch.setattr(backup, "_forget_cached", lose_a_byte)
    target = tmp_path / "stick" / "b.amanat-backup"
    target.parent.mkdir()
    with pytest.raises(BackupNotVerified):
        care.back_up(opened, target)
    assert _leftovers(target.parent) == []


def test_backup_inside_the_archive_folder_is_refused(opened: Archive, filled: Path) -> None:
    before = _leftovers(filled)
    with pytest.raises(BackupInsideArchive):
        care.back_up(opened, filled / "copy.amanat-backup")
    assert _leftovers(filled) == before


def test_backup_over_an_existing_file_is_refused(opened: Archive, tmp_path: Path) -> None:
    existing = tmp_path / "exists.amanat-backup"
    existing.write_bytes(b"keep me")
    with pytest.raises(FileNotWritable):
        care.back_up(opened, existing)
    assert existing.read_bytes() == b"keep me"


def _letter(archive: Archive, *sizes: int) -> None:
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents, pages

    with archive.db.transaction():
        letter = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="Letter"))
        for number, size in enumerate(sizes):
            pages.add(archive.db, letter.id, os.urandom(size), f"scan{number}.jpg")


def test_cancel_within_a_large_segment_leaves_no_file(
    opened: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _letter(opened, 3_000_000)
    monkeypatch.setattr(backup, "_KERNEL_PIECE", 1 << 20)  # pieces of 1 MiB, for a small test
    heard: list[Progress] = []
    target = tmp_path / "out" / "b.amanat-backup"
    target.parent.mkdir()
    segment_bytes = sum(p.stat().st_size for p in (opened.folder / "segments").iterdir())
    database_and_keys = sum(
        (opened.folder / name).stat().st_size for name in ("archive.db", "keys.json")
    )
    # Cancelled once the segment's first megabyte is written, before its last.
    with pytest.raises(BackupCancelled):
        care.back_up(
            opened,
            target,
            heard.append,
            lambda: bool(heard) and heard[-1].done > database_and_keys + (1 << 20),
        )
    assert heard[-1].done < database_and_keys + segment_bytes
    assert _leftovers(target.parent) == []


def test_a_folder_backup_keeps_its_date_restores_and_is_refused_inside_the_archive(
    opened: Archive, filled: Path, tmp_path: Path
) -> None:
    _letter(opened, 50_000, 20_000)
    with pytest.raises(BackupInsideArchive):
        care.back_up_to_folder(opened, filled / "stick")
    assert not (filled / "stick").exists()
    stick = tmp_path / "stick"
    assert not care.holds_folder_backup(stick)
    done = care.back_up_to_folder(opened, stick)
    assert done.copied_bytes > 70_000
    assert care.holds_folder_backup(stick)
    assert settings.load(opened.db).last_backup is not None
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "letter.txt").write_text("mine", encoding="utf-8")
    assert not care.holds_folder_backup(busy)
    with pytest.raises(RestoreFolderNotEmpty):
        care.restore(stick, busy)
    assert _leftovers(busy) == ["letter.txt"]
    with pytest.raises(RestoreCancelled):  # asked once the restore's folder was begun
        care.restore(stick, tmp_path / "r.amanat", None, lambda: True)
    assert not [p for p in tmp_path.iterdir() if "r.amanat" in p.name]
    heard: list[Progress] = []
    assert care.restore(stick, tmp_path / "r.amanat", heard.append) == opened.archive_id
    assert heard[-1].done == heard[-1].total
    with Archive.open(tmp_path / "r.amanat", PASSWORD) as restored:
        assert care.check_archive(restored, full=True).files_checked == 2


# --- Restoring ---------------------------------------------------------------------------


@pytest.fixture
def backup_file(opened: Archive, tmp_path: Path) -> Path:
    target = tmp_path / "made.amanat-backup"
    care.back_up(opened, target)
    return target


def test_restore_into_a_folder_that_holds_files_is_refused(
    backup_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "letter.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(RestoreFolderNotEmpty):
        care.restore(backup_file, folder)
    assert _leftovers(folder) == ["letter.txt"]


def test_restore_into_an_empty_folder_chosen_in_the_dialog_works(
    backup_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "empty.amanat"
    folder.mkdir()
    care.restore(backup_file, folder)
    Archive.open(folder, PASSWORD).lock()


def test_truncated_backup_is_refused_and_no_folder_is_made(
    backup_file: Path, tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.amanat-backup"
    truncated.write_bytes(backup_file.read_bytes()[: backup_file.stat().st_size // 2])
    with pytest.raises(BackupDamaged):
        care.restore(truncated, tmp_path / "r.amanat")
    assert not (tmp_path / "r.amanat").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".r.amanat")]


def test_a_file_of_another_program_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "holiday.tar"
    with tarfile.open(foreign, "w") as tar:
        info = tarfile.TarInfo("photo.jpg")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"jpg"))
    with pytest.raises(BackupDamaged):
        care.restore(foreign, tmp_path / "r.amanat")
    (tmp_path / "notes.txt").write_text("not even a tar", encoding="utf-8")
    with pytest.raises(BackupDamaged):
        care.restore(tmp_path / "notes.txt", tmp_path / "r.amanat")
    assert not (tmp_path / "r.amanat").exists()


def test_cancelled_restore_leaves_no_folder(backup_file: Path, tmp_path: Path) -> None:
    heard: list[Progress] = []
    with pytest.raises(RestoreCancelled):
        care.restore(backup_file, tmp_path / "r.amanat", heard.append, lambda: bool(heard))
    assert not (tmp_path / "r.amanat").exists()
    assert not [p for p in tmp_path.iterdir() if "restoring" in p.name]


# --- Checking ----------------------------------------------------------------------------


def test_check_reports_progress_and_a_whole_archive(opened: Archive) -> None:
    heard: list[Progress] = []
    result = care.check_archive(opened, heard.append)
    assert result.healthy
    assert result.encryption_whole and result.database_whole and result.audit_whole
    assert heard[-1].done == heard[-1].total


def test_check_can_be_cancelled(opened: Archive) -> None:
    with pytest.raises(CheckCancelled):
        care.check_archive(opened, None, lambda: True)


def test_a_full_check_cancelled_in_the_window_goes_on_from_there_the_next_time(
    opened: Archive,
) -> None:
    _letter(opened, 10_000, 10_000, 10_000)
    asked: list[int] = []

    def after_one() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(CheckCancelled):
        care.check_archive(opened, None, after_one, full=True)
    again = care.check_archive(opened, full=True)
    assert again.healthy and again.report.resumed and again.files_checked == 3


def test_check_finds_a_flipped_byte_in_a_copy(filled: Path, tmp_path: Path) -> None:
    copy = copy_archive(filled, tmp_path / "copy.amanat")
    database = copy / "archive.db"
    data = bytearray(database.read_bytes())
    data[len(data) - 100] ^= 0x40  # inside the last page, past the header
    database.write_bytes(bytes(data))
    with Archive.open(copy, PASSWORD) as damaged:
        result = care.check_archive(damaged)
    assert not result.healthy
    assert not result.encryption_whole


# --- Password and recovery code ------------------------------------------------------------


def test_change_password_needs_the_current_one(opened: Archive, filled: Path) -> None:
    keys = (filled / "keys.json").read_bytes()
    with pytest.raises(WrongPassword):
        care.change_password(opened, "not it at all", NEW_PASSWORD, FLOOR)
    with pytest.raises(GuessablePassword):
        care.change_password(opened, PASSWORD, "password1234", FLOOR)
    assert (filled / "keys.json").read_bytes() == keys
    care.change_password(opened, PASSWORD, NEW_PASSWORD, FLOOR)
    opened.lock()
    with pytest.raises(WrongPassword):
        Archive.open(filled, PASSWORD)
    Archive.open(filled, NEW_PASSWORD).lock()


def test_recovery_code_unlocks_and_replaces_the_forgotten_password(
    opened: Archive, filled: Path
) -> None:
    code = archives.new_recovery_code(opened, FLOOR).code
    opened.lock()
    with care.unlock_with_recovery_code(filled, code, NEW_PASSWORD, kdf=FLOOR) as archive:
        assert not archive.is_locked
    with pytest.raises(WrongPassword):
        Archive.open(filled, PASSWORD)
    Archive.open(filled, NEW_PASSWORD).lock()


def test_recovery_code_typo_and_wrong_code_are_told_apart(
    opened: Archive, filled: Path, tmp_path: Path, archive_folder: Path
) -> None:
    first = archives.new_recovery_code(opened, FLOOR).code
    second = archives.new_recovery_code(opened, FLOOR)
    assert second.replaced
    opened.lock()
    typo = ("1" if second.code[0] != "1" else "2") + second.code[1:]
    with pytest.raises(RecoveryCodeTypo):
        care.unlock_with_recovery_code(filled, typo, NEW_PASSWORD, kdf=FLOOR)
    with pytest.raises(WrongRecoveryCode):  # the one it replaced
        care.unlock_with_recovery_code(filled, first, NEW_PASSWORD, kdf=FLOOR)
    with pytest.raises(GuessablePassword):
        care.unlock_with_recovery_code(filled, second.code, "password1234", kdf=FLOOR)
    Archive.open(filled, PASSWORD).lock()  # nothing changed


def test_removed_recovery_code_no_longer_opens(opened: Archive, filled: Path) -> None:
    code = archives.new_recovery_code(opened, FLOOR).code
    assert care.recovery_state(opened).exists
    assert care.remove_recovery_code(opened)
    assert not care.recovery_state(opened).exists
    assert not care.remove_recovery_code(opened)
    opened.lock()
    with pytest.raises(NoRecoveryCode):
        care.unlock_with_recovery_code(filled, code, NEW_PASSWORD, kdf=FLOOR)


# --- The reminder --------------------------------------------------------------------------


def test_backup_is_due_after_the_days_chosen_or_never_when_zero() -> None:
    now = datetime(2026, 12, 5, tzinfo=UTC)
    long_ago = now - timedelta(days=400)
    assert care.backup_due(ArchiveSettings(), long_ago, now)  # never backed up
    assert not care.backup_due(ArchiveSettings(), now - timedelta(days=2), now)  # a new archive
    recent = ArchiveSettings(last_backup=now - timedelta(days=13))
    assert not care.backup_due(recent, long_ago, now)
    assert care.backup_due(ArchiveSettings(last_backup=now - timedelta(days=15)), long_ago, now)
    old = ArchiveSettings(backup_reminder_days=30, last_backup=now - timedelta(days=20))
    assert not care.backup_due(old, long_ago, now)
    assert not care.backup_due(ArchiveSettings(backup_reminder_days=0), long_ago, now)


def test_reminder_reads_the_last_backup_and_the_archive_s_age(opened: Archive) -> None:
    assert care.backup_reminder(opened) == care.BackupReminder(None, False)
    in_a_month = datetime.now(UTC) + timedelta(days=30)
    assert care.backup_reminder(opened, in_a_month).due
    made = care.back_up(opened, opened.folder.parent / "b.amanat-backup")
    assert care.backup_reminder(opened, in_a_month) == care.BackupReminder(made, True)
    assert not care.backup_reminder(opened).due
