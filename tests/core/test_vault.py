"""The vault: creating, unlocking and locking an archive, and every way it can go wrong.

Each bad input must get its own clear error and leave the archive exactly as it was."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest

from amanat.core import keyslots
from amanat.core.errors import (
    ArchiveExists,
    ArchiveInUse,
    ArchiveLocked,
    ArchiveNotFound,
    DatabaseDamaged,
    DatabaseMissing,
    DiskFull,
    FolderNotWritable,
    KeysDamaged,
    KeysFromOtherArchive,
    KeysMissing,
    NoRecoveryCode,
    RecoveryCodeTypo,
    WeakPassword,
    WrongPassword,
    WrongRecoveryCode,
)
from amanat.core.keyslots import FLOOR, KdfParams, SlotKind
from amanat.core.records import Document, DocumentKind, Person, Text, TextKind
from amanat.core.storage import documents, people, texts
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest


def fill(archive: Archive, count: int = 3) -> None:
    with archive.db.transaction():
        person = people.add(archive.db, Person(display_name="Narges Example"))
        for n in range(count):
            document = documents.add(
                archive.db,
                Document(kind=DocumentKind.LETTER, title=f"Letter {n}", concerned_ids=(person.id,)),
            )
            texts.add(
                archive.db,
                Text(document.id, TextKind.TRANSCRIPTION, "en", "dear mother " * 400),
            )


@pytest.fixture
def filled(archive_folder: Path) -> Path:
    with Archive.open(archive_folder, PASSWORD) as archive:
        fill(archive, 60)
    return archive_folder


# --- Creating --------------------------------------------------------------------------


def test_new_archive_holds_only_an_encrypted_database_the_key_file_and_no_segment_yet(
    archive_folder: Path,
):
    assert sorted(p.name for p in archive_folder.iterdir()) == [
        "archive.db",
        "keys.json",
        "segments",
    ]
    assert list((archive_folder / "segments").iterdir()) == []
    assert not (archive_folder / "archive.db").read_bytes().startswith(b"SQLite format 3")


def test_key_file_records_argon2id_parameters_at_or_above_the_floor(archive_folder: Path):
    slot = json.loads((archive_folder / "keys.json").read_text())["slots"][0]
    assert slot["kdf"]["name"] == "argon2id"
    assert slot["kdf"]["memory_kib"] >= 64 * 1024
    assert slot["kdf"]["iterations"] >= 3
    assert slot["kdf"]["lanes"] >= 4


@pytest.mark.real_kdf
def test_calibration_never_goes_below_the_floor():
    params = keyslots.calibrate(target_seconds=0.01)
    assert params.at_least_the_floor
    assert params == FLOOR


def test_create_refuses_a_folder_that_exists(archive_folder: Path):
    before = records_digest(archive_folder)
    with pytest.raises(ArchiveExists):
        Archive.create(archive_folder, PASSWORD, kdf=FLOOR)
    assert records_digest(archive_folder) == before


def test_create_in_a_place_that_cannot_be_written_says_so(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(FolderNotWritable) as raised:
        Archive.create(blocker / "family.amanat", PASSWORD, kdf=FLOOR)
    assert "Cannot create the archive" in str(raised.value)


def test_a_failed_create_leaves_no_half_made_folder(tmp_path: Path, monkeypatch):
    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DiskFull, match="disk is full"):
        Archive.create(tmp_path / "family.amanat", PASSWORD, kdf=FLOOR)
    assert not (tmp_path / "family.amanat").exists()


# --- Unlocking -------------------------------------------------------------------------


def test_the_right_password_opens_and_what_was_written_is_there(filled: Path):
    with Archive.open(filled, PASSWORD) as archive:
        assert documents.count(archive.db) == 60


def test_wrong_password_leaves_archive_locked_and_unchanged(filled: Path):
    before = records_digest(filled)
    with pytest.raises(WrongPassword) as raised:
        Archive.open(filled, "not the password")
    assert str(raised.value) == "That password does not open this archive. Please try again."
    assert records_digest(filled) == before


def test_persian_password_opens_whichever_keyboard_typed_yeh_kaf_and_digits(tmp_path: Path):
    folder = tmp_path / "fa.amanat"
    Archive.create(folder, "کلید یک ۱۲۳۴", kdf=FLOOR).lock()
    Archive.open(folder, "كليد يك 1234").lock()  # Arabic yeh and kaf, ASCII digits


def test_opening_a_folder_that_was_moved_or_deleted_says_so(tmp_path: Path):
    with pytest.raises(ArchiveNotFound, match="moved or deleted"):
        Archive.open(tmp_path / "gone.amanat", PASSWORD)


def test_an_archive_cannot_be_opened_twice_at_once(archive: Archive):
    with pytest.raises(ArchiveInUse):
        Archive.open(archive.folder, PASSWORD)


def test_lock_closes_the_database_and_wipes_the_key(archive: Archive):
    key = archive._data_key
    archive.lock()
    assert archive.is_locked
    assert key == bytearray(len(key))
    with pytest.raises(ArchiveLocked):
        documents.count(archive.db)
    archive.lock()  # a second lock is harmless
    Archive.open(archive.folder, PASSWORD).lock()  # and the archive is free again


# --- keys.json -------------------------------------------------------------------------


def test_missing_key_file_gets_its_own_message(filled: Path):
    (filled / "keys.json").unlink()
    with pytest.raises(KeysMissing, match=r"keys\.json is missing"):
        Archive.open(filled, PASSWORD)


@pytest.mark.parametrize("keep", [0, 1, 100, 600])
def test_truncated_key_file_is_called_damaged(filled: Path, keep: int):
    path = filled / "keys.json"
    path.write_bytes(path.read_bytes()[:keep])
    with pytest.raises(KeysDamaged, match="damaged or was edited"):
        Archive.open(filled, PASSWORD)


def test_hand_edited_key_file_is_called_damaged_not_wrong_password(filled: Path):
    path = filled / "keys.json"
    document = json.loads(path.read_text())
    document["slots"][0]["kdf"]["iterations"] += 1
    path.write_text(json.dumps(document))
    with pytest.raises(KeysDamaged):
        Archive.open(filled, PASSWORD)


def test_key_file_weakened_below_the_floor_is_refused_even_with_a_fixed_checksum(filled: Path):
    path = filled / "keys.json"
    document = json.loads(path.read_text())
    del document["checksum"]
    document["slots"][0]["kdf"]["memory_kib"] = 8
    document["checksum"] = keyslots._checksum(document)
    path.write_text(json.dumps(document))
    with pytest.raises(KeysDamaged):
        Archive.open(filled, PASSWORD)


def test_slot_parameters_are_authenticated(filled: Path):
    """An edit that keeps the file's checksum consistent still cannot pass as the slot."""
    path = filled / "keys.json"
    document = json.loads(path.read_text())
    del document["checksum"]
    document["slots"][0]["kdf"]["iterations"] += 1
    document["checksum"] = keyslots._checksum(document)
    path.write_text(json.dumps(document))
    with pytest.raises(WrongPassword):
        Archive.open(filled, PASSWORD)


def test_key_file_from_another_archive_gets_its_own_message(filled: Path, tmp_path: Path):
    other = tmp_path / "other.amanat"
    Archive.create(other, PASSWORD, kdf=FLOOR).lock()
    before = records_digest(filled)
    own_keys = (filled / "keys.json").read_bytes()
    shutil.copy(other / "keys.json", filled / "keys.json")
    with pytest.raises(KeysFromOtherArchive, match="different archive"):
        Archive.open(filled, PASSWORD)
    # Putting its own key file back opens it, unchanged.
    (filled / "keys.json").write_bytes(own_keys)
    assert records_digest(filled) == before


# --- archive.db ------------------------------------------------------------------------


def test_missing_database_gets_its_own_message(filled: Path):
    (filled / "archive.db").unlink()
    with pytest.raises(DatabaseMissing, match=r"archive\.db is missing"):
        Archive.open(filled, PASSWORD)


@pytest.mark.parametrize("keep", [0, 10, 4096, 3 * 4096 + 17])
def test_truncated_database_is_called_damaged(filled: Path, keep: int):
    path = filled / "archive.db"
    path.write_bytes(path.read_bytes()[:keep])
    with pytest.raises(DatabaseDamaged, match="damaged"), Archive.open(filled, PASSWORD) as opened:
        documents.list_documents(opened.db)


@pytest.mark.parametrize("offset", [5, 40, 4000])
def test_flipped_byte_in_the_first_page_is_called_damaged(filled: Path, offset: int):
    path = filled / "archive.db"
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        Archive.open(filled, PASSWORD)


def test_flipped_byte_in_a_later_page_is_found_by_reading_or_checking(filled: Path):
    from amanat.core.check import check

    path = filled / "archive.db"
    data = bytearray(path.read_bytes())
    assert len(data) > 40 * 4096
    data[30 * 4096 + 1234] ^= 0x40
    path.write_bytes(bytes(data))
    with Archive.open(filled, PASSWORD) as archive:
        report = check(archive.db)
    assert not report.healthy
    assert any("HMAC" in problem for problem in report.problems)


def test_database_of_another_archive_is_not_opened_with_this_key_file(filled: Path, tmp_path: Path):
    other = tmp_path / "other.amanat"
    Archive.create(other, PASSWORD, kdf=FLOOR).lock()
    shutil.copy(other / "archive.db", filled / "archive.db")
    with pytest.raises(KeysFromOtherArchive):
        Archive.open(filled, PASSWORD)


# --- Password and recovery code --------------------------------------------------------


def test_changing_the_password_rewrites_only_the_key_file(filled: Path):
    database_before = (filled / "archive.db").read_bytes()
    digest_before = records_digest(filled)
    with Archive.open(filled, PASSWORD) as archive:
        archive.change_password("a new long password", kdf=FLOOR)
    with pytest.raises(WrongPassword):
        Archive.open(filled, PASSWORD)
    with Archive.open(filled, "a new long password") as archive:
        assert documents.count(archive.db) == 60
    # Only the audit entry for the change was added to the database.
    assert records_digest(filled, "a new long password") != digest_before
    assert len((filled / "archive.db").read_bytes()) >= len(database_before)
    assert not list(filled.glob(".*tmp"))


def test_a_short_new_password_is_refused_and_the_old_one_still_works(archive: Archive):
    with pytest.raises(WeakPassword):
        archive.change_password("short", kdf=FLOOR)
    archive.lock()
    Archive.open(archive.folder, PASSWORD).lock()


def test_a_crash_while_changing_the_password_keeps_the_old_key_file(archive: Archive, monkeypatch):
    before = (archive.folder / "keys.json").read_bytes()
    real_replace = os.replace

    def crash(source: object, target: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(Exception, match="the disk could not read or write it"):
        archive.change_password("a new long password", kdf=FLOOR)
    monkeypatch.setattr(os, "replace", real_replace)
    assert (archive.folder / "keys.json").read_bytes() == before
    assert not [p for p in archive.folder.iterdir() if p.name.endswith(".tmp")]


def test_recovery_code_opens_the_archive(archive: Archive):
    code = archive.add_recovery_code(kdf=FLOOR)
    archive.lock()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(group) == 4 for group in groups)
    # Typed in lower case, with spaces, and O for 0: still the same code.
    typed = code.lower().replace("-", " ").replace("0", "o")
    Archive.open_with_recovery_code(archive.folder, typed).lock()
    Archive.open(archive.folder, PASSWORD).lock()  # the password still works too


def test_recovery_code_with_a_typo_is_told_apart_from_a_wrong_code(archive: Archive):
    code = archive.add_recovery_code(kdf=FLOOR)
    archive.lock()
    position = 5
    changed = "1" if code[position] != "1" else "2"
    with pytest.raises(RecoveryCodeTypo, match="typing mistake"):
        Archive.open_with_recovery_code(
            archive.folder, code[:position] + changed + code[position + 1 :]
        )
    with pytest.raises(RecoveryCodeTypo):
        Archive.open_with_recovery_code(archive.folder, code[:-5])
    with pytest.raises(WrongRecoveryCode):
        Archive.open_with_recovery_code(archive.folder, keyslots.new_recovery_code())


def test_a_new_recovery_code_replaces_the_old_one(archive: Archive):
    first = archive.add_recovery_code(kdf=FLOOR)
    second = archive.add_recovery_code(kdf=FLOOR)
    archive.lock()
    with pytest.raises(WrongRecoveryCode):
        Archive.open_with_recovery_code(archive.folder, first)
    Archive.open_with_recovery_code(archive.folder, second).lock()


def test_an_archive_without_a_recovery_code_says_so(archive_folder: Path):
    with pytest.raises(NoRecoveryCode):
        Archive.open_with_recovery_code(archive_folder, keyslots.new_recovery_code())


def test_recovery_slot_is_a_separate_slot_in_the_key_file(archive: Archive):
    archive.add_recovery_code(kdf=FLOOR)
    key_file = keyslots.read(archive.folder)
    assert [slot.kind for slot in key_file.slots] == [SlotKind.PASSWORD, SlotKind.RECOVERY]


def test_kdf_parameters_are_stored_per_slot(archive: Archive):
    stronger = KdfParams(memory_kib=FLOOR.memory_kib, iterations=4, lanes=4)
    archive.add_recovery_code(kdf=stronger)
    kinds = {slot.kind: slot.kdf for slot in keyslots.read(archive.folder).slots}
    assert kinds[SlotKind.PASSWORD] == FLOOR
    assert kinds[SlotKind.RECOVERY] == stronger


# --- Full disk -------------------------------------------------------------------------


def test_full_disk_while_adding_a_document_saves_nothing(filled: Path):
    from amanat.core.storage import pages

    before = records_digest(filled)
    with Archive.open(filled, PASSWORD) as archive:
        used = archive.db.value("PRAGMA page_count")
        # SQLite reports a full disk when the file may not grow; this is how it looks.
        archive.db.execute(f"PRAGMA max_page_count = {used + 2}")
        with pytest.raises(DiskFull, match="disk is full"), archive.db.transaction():
            document = documents.add(
                archive.db, Document(kind=DocumentKind.LETTER, title="Too big to fit " * 2000)
            )
            pages.add(archive.db, document.id, os.urandom(200_000), "scan.jpg")
    assert records_digest(filled) == before


def test_full_disk_while_sealing_a_page_saves_nothing_and_leaves_no_bytes_behind(
    filled: Path, monkeypatch: pytest.MonkeyPatch
):
    import errno

    from amanat.core.segments import segment_files
    from amanat.core.storage import pages

    before = records_digest(filled)
    appending = segment_files.append

    def fills_the_disk(path: Path, start: int, chunks: Iterable[bytes]) -> int:
        appending(path, start, [next(iter(chunks))])  # half written, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    with Archive.open(filled, PASSWORD) as archive:
        monkeypatch.setattr(segment_files, "append", fills_the_disk)
        with pytest.raises(DiskFull, match="disk is full"), archive.db.transaction():
            document = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="Big"))
            pages.add(archive.db, document.id, os.urandom(200_000), "scan.jpg")
    monkeypatch.undo()
    assert records_digest(filled) == before
    # The half-written object lay past a committed length (or in a segment never
    # recorded), and the unlock cut it off.
    with Archive.open(filled, PASSWORD) as archive:
        committed = dict(archive.db.all("SELECT name, committed FROM segments"))
    assert {p.name: p.stat().st_size for p in (filled / "segments").iterdir()} == committed
