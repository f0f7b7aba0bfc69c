"""Backups of an archive with segments: one file (keys.json, a snapshot of archive.db, the
segments cut at their committed lengths), or a folder kept up to date that copies only what
is new; a backup cut short leaves the previous one whole. The core's functions are called
here, which leave the archive as it was (app/care's also keep the backup's date in it)."""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from amanat.app import integrity
from amanat.core import atomic_file, backup
from amanat.core.errors import BackupCancelled, BackupDamaged, FileNotWritable
from amanat.core.jobs import Progress
from amanat.core.records import Document, DocumentKind
from amanat.core.segments import segment_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest


def letter(archive: Archive, title: str, *scans: bytes) -> list[str]:
    with archive.db.transaction():
        document = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title=title))
        return [pages.add(archive.db, document.id, s, "scan.jpg").id for s in scans]


def originals(folder: Path) -> dict[str, bytes]:
    with Archive.open(folder, PASSWORD) as archive:
        return {
            str(page_id): pages.original_bytes(archive.db, page_id)
            for (page_id,) in archive.db.all("SELECT id FROM pages")
        }


def test_a_one_file_backup_holds_the_segments_cut_at_their_committed_length(
    archive: Archive, tmp_path: Path
):
    letter(archive, "Letter", os.urandom(100_000), os.urandom(5000))
    [segment] = (archive.folder / "segments").iterdir()
    with open(segment, "ab") as handle:
        handle.write(b"uncommitted bytes a crash left")  # past the committed length
    target = tmp_path / "family.amanat-backup"
    heard: list[Progress] = []
    backup.backup(archive, target, report=heard.append)
    assert heard[-1].done == heard[-1].total
    with tarfile.open(target) as tar:
        names = tar.getnames()
        member = tar.getmember(f"segments/{segment.name}")
    assert sorted(names) == sorted(
        ["keys.json", "archive.db", f"segments/{segment.name}", backup.MANIFEST]
    )
    assert member.size == segment.stat().st_size - len(b"uncommitted bytes a crash left")
    folder = archive.folder
    archive.lock()
    restored = tmp_path / "restored.amanat"
    integrity.restore_backup(target, restored)
    assert records_digest(restored) == records_digest(folder)
    assert originals(restored) == originals(folder)
    with Archive.open(restored, PASSWORD) as copy:
        assert integrity.check_archive(copy, full=True).healthy


def test_a_cancelled_one_file_backup_leaves_nothing(archive: Archive, tmp_path: Path):
    letter(archive, "Letter", os.urandom(10_000))
    target = tmp_path / "b.amanat-backup"
    with pytest.raises(BackupCancelled, match="cancelled"):
        backup.backup(archive, target, cancel=lambda: True)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_backup_naming_a_segment_twice_or_a_strange_name_is_damaged(tmp_path: Path):
    source = tmp_path / "hostile.amanat-backup"
    manifest = {
        "format": backup.FORMAT,
        "version": 2,
        "archive_id": "x",
        "sha256": {"keys.json": "0", "archive.db": "0", "segments/../../evil": "0"},
        "segments": {"../../evil": 3},
    }
    with tarfile.open(source, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in (
            ("keys.json", b"{}"),
            ("archive.db", b"x"),
            ("segments/../../evil", b"abc"),
            (backup.MANIFEST, json.dumps(manifest).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(BackupDamaged):
        backup.restore(source, tmp_path / "restored.amanat")
    assert not (tmp_path / "restored.amanat").exists()
    assert not (tmp_path.parent / "evil").exists()


# --- A folder kept up to date ---------------------------------------------------------------


def test_a_folder_backup_copies_only_what_is_new_and_restores_the_archive(
    archive: Archive, tmp_path: Path
):
    letter(archive, "First", os.urandom(300_000))
    stick = tmp_path / "stick" / "amanat"
    first = backup.backup_to_folder(archive, stick)
    assert first.copied_bytes > 300_000
    letter(archive, "Second", os.urandom(20_000))
    second = backup.backup_to_folder(archive, stick)
    assert 20_000 < second.copied_bytes < 25_000  # only the new page's sealed bytes
    third = backup.backup_to_folder(archive, stick)
    assert third.copied_bytes == 0
    # One snapshot and one keys.json stay: the older ones went once the manifest switched.
    assert len(list(stick.glob("archive-*.db"))) == 1
    assert len(list(stick.glob("keys-*.json"))) == 1
    folder = archive.folder
    archive.lock()
    restored = tmp_path / "restored.amanat"
    integrity.restore_backup(stick, restored)
    assert records_digest(restored) == records_digest(folder)
    assert originals(restored) == originals(folder)


def test_a_folder_backup_cut_short_at_any_step_leaves_the_previous_backup_whole(
    archive_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    stick = tmp_path / "stick"
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter(archive, "First", os.urandom(50_000))
        backup.backup_to_folder(archive, stick)
    expected = records_digest(archive_folder)

    def power_cut(*args: object) -> None:
        raise KeyboardInterrupt("the power went")

    writing = atomic_file.write_atomically
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter(archive, "Second", os.urandom(50_000))
        for step in ("segments", "keys", "manifest"):
            with monkeypatch.context() as cut:
                if step == "segments":
                    cut.setattr(segment_files, "sync", power_cut)
                else:

                    def fails_at(path: Path, data: bytes, step: str = step) -> None:
                        if (step == "keys") == path.name.startswith("keys-"):
                            raise KeyboardInterrupt("the power went")
                        writing(path, data)

                    cut.setattr(backup, "write_atomically", fails_at)
                with pytest.raises(KeyboardInterrupt):
                    backup.backup_to_folder(archive, stick)
            restored = tmp_path / f"restored-{step}.amanat"
            integrity.restore_backup(stick, restored)
            assert records_digest(restored) == expected, step
        # And the next backup, whole, brings the folder up to date.
        backup.backup_to_folder(archive, stick)
    integrity.restore_backup(stick, tmp_path / "restored-at-last.amanat")
    assert records_digest(tmp_path / "restored-at-last.amanat") == records_digest(archive_folder)


def test_a_folder_backup_cancelled_while_its_last_segment_is_copied_commits_nothing(
    archive: Archive, tmp_path: Path
):
    letter(archive, "First", os.urandom(50_000))
    stick = tmp_path / "stick"
    backup.backup_to_folder(archive, stick)
    before = sorted(path.name for path in stick.iterdir())
    letter(archive, "Second", os.urandom(50_000))
    asked = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) > 1  # not before the only segment: once it has been copied

    with pytest.raises(BackupCancelled):
        backup.backup_to_folder(archive, stick, cancel=cancel)
    assert sorted(path.name for path in stick.iterdir()) == before
    restored = tmp_path / "restored.amanat"
    integrity.restore_backup(stick, restored)
    with Archive.open(restored, PASSWORD) as copy:
        titles = [title for (title,) in copy.db.all("SELECT title FROM documents")]
    assert titles == ["First"]


def test_a_folder_holding_something_else_or_another_archives_backup_is_refused(
    archive: Archive, tmp_path: Path
):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"photo")
    with pytest.raises(FileNotWritable, match="holds other files"):
        backup.backup_to_folder(archive, busy)
    assert [p.name for p in busy.iterdir()] == ["holiday.jpg"]
    other = tmp_path / "other"
    backup.backup_to_folder(archive, other)
    manifest = json.loads((other / backup.MANIFEST).read_text())
    manifest["archive_id"] = "another archive"
    (other / backup.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(FileNotWritable, match="another archive"):
        backup.backup_to_folder(archive, other)


def test_a_folder_backup_whose_segment_copy_was_cut_is_copied_again(
    archive: Archive, tmp_path: Path
):
    letter(archive, "First", os.urandom(80_000))
    stick = tmp_path / "stick"
    backup.backup_to_folder(archive, stick)
    [copy] = (stick / "segments").iterdir()
    os.truncate(copy, 100)
    letter(archive, "Second", os.urandom(1000))
    again = backup.backup_to_folder(archive, stick)
    assert again.copied_bytes > 80_000
    folder = archive.folder
    archive.lock()
    integrity.restore_backup(stick, tmp_path / "restored.amanat")
    assert originals(tmp_path / "restored.amanat") == originals(folder)


@pytest.mark.parametrize("kernel_copy", [True, False], ids=["copy_file_range", "read and write"])
def test_copying_a_range_of_a_segment_cuts_what_followed_and_copies_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel_copy: bool
):
    if not kernel_copy:

        def refuses(*args: object) -> int:
            raise OSError(18, "Invalid cross-device link")

        monkeypatch.setattr(os, "copy_file_range", refuses, raising=False)
    source, target = tmp_path / "source", tmp_path / "target"
    data = os.urandom(3 * 1024 * 1024 + 7)
    source.write_bytes(data)
    target.write_bytes(data[:1000] + b"a copy cut short, to be replaced")
    assert segment_files.copy_range(source, target, 1000, len(data) - 1000) == len(data)
    assert target.read_bytes() == data
    assert segment_files.copy_range(source, target, 0, len(data) + 50) == len(data)  # short


def test_backing_up_an_archive_with_a_cut_segment_says_a_page_is_damaged_and_leaves_nothing(
    archive: Archive, tmp_path: Path
):
    from amanat.core.errors import StoredObjectDamaged

    letter(archive, "Letter", os.urandom(100_000))
    [segment] = (archive.folder / "segments").iterdir()
    os.truncate(segment, 50_000)
    target = tmp_path / "b.amanat-backup"
    with pytest.raises(StoredObjectDamaged, match="full check names"):
        backup.backup(archive, target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(StoredObjectDamaged):
        backup.backup_to_folder(archive, tmp_path / "stick")
    assert not (tmp_path / "stick" / backup.MANIFEST).exists()


def test_a_folder_backup_after_a_compaction_drops_the_old_segment_and_restores_whole(
    archive: Archive, tmp_path: Path
):
    letter(archive, "Kept", os.urandom(20_000))
    with archive.db.transaction():
        gone = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="Gone"))
        pages.add(archive.db, gone.id, os.urandom(300_000), "gone.jpg")
    stick = tmp_path / "stick"
    backup.backup_to_folder(archive, stick)
    [old] = (stick / "segments").iterdir()
    documents.move_to_trash(archive.db, gone.id)
    documents.empty_trash(archive.db)  # the segment was mostly dead: compacted away
    backup.backup_to_folder(archive, stick)
    assert not old.exists()
    assert [p.name for p in (stick / "segments").iterdir()] == [
        p.name for p in (archive.folder / "segments").iterdir()
    ]
    folder = archive.folder
    archive.lock()
    integrity.restore_backup(stick, tmp_path / "restored.amanat")
    assert originals(tmp_path / "restored.amanat") == originals(folder)
    assert records_digest(tmp_path / "restored.amanat") == records_digest(folder)


def test_a_backup_made_before_segments_restores_and_moves_its_originals_out_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import hashlib

    from tests.helpers.old_archives import old_archive

    scans = [os.urandom(50_000), os.urandom(70_000)]
    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans)
    source = tmp_path / "old.amanat-backup"
    members = {name: (folder / name).read_bytes() for name in ("keys.json", "archive.db")}
    manifest = {
        "format": backup.FORMAT,
        "version": 1,
        "archive_id": "from before",
        "created": "2026-01-01T00:00:00+00:00",
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
    }
    with tarfile.open(source, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [*members.items(), (backup.MANIFEST, json.dumps(manifest).encode())]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    restored = tmp_path / "restored.amanat"
    assert integrity.restore_backup(source, restored) == "from before"
    with Archive.open(restored, PASSWORD) as archive:
        assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans
        assert integrity.check_archive(archive, full=True).healthy
    assert len(list((restored / "segments").iterdir())) == 1


def test_a_byte_flipped_in_a_backed_up_segment_restores_the_rest_and_names_the_letter(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with monkeypatch.context() as small:
        small.setattr(segment_files, "LIMIT", 1)  # each letter in a segment of its own
        letter(archive, "Whole", os.urandom(60_000))
        [damaged] = letter(archive, "Damaged", os.urandom(60_000))
    sealed = pages.original(archive.db, damaged)
    target = tmp_path / "b.amanat-backup"
    backup.backup(archive, target)
    with tarfile.open(target) as tar:
        offset = tar.getmember(f"segments/{sealed.path.name}").offset_data
    data = bytearray(target.read_bytes())
    data[offset + sealed.start + 30_000] ^= 0x01
    target.write_bytes(bytes(data))
    restored = tmp_path / "restored.amanat"
    integrity.restore_backup(target, restored)
    with Archive.open(restored, PASSWORD) as copy:
        report = integrity.check_archive(copy, full=True)
        assert [d.title for d in report.damaged] == ["Damaged"]
        whole = copy.db.value("SELECT id FROM documents WHERE title = 'Whole'")
        [page] = pages.pages_of(copy.db, whole)
        assert len(pages.original_bytes(copy.db, page.id)) == 60_000


def test_a_backed_up_segment_cut_short_is_a_damaged_backup(archive: Archive, tmp_path: Path):
    letter(archive, "Letter", os.urandom(60_000))
    target = tmp_path / "b.amanat-backup"
    backup.backup(archive, target)
    manifest_path = tmp_path / "manifest.json"
    with tarfile.open(target) as tar:
        extracted = tar.extractfile(backup.MANIFEST)
        assert extracted is not None
        manifest = json.loads(extracted.read())
    [name] = manifest["segments"]
    manifest["segments"][name] += 1000  # the manifest says longer than the member is
    manifest_path.write_text(json.dumps(manifest))
    rebuilt = tmp_path / "rebuilt.amanat-backup"
    with tarfile.open(target) as source, tarfile.open(rebuilt, "w") as tar:
        for member in source.getmembers():
            if member.name == backup.MANIFEST:
                tar.add(manifest_path, arcname=backup.MANIFEST)
            else:
                tar.addfile(member, source.extractfile(member))
    with pytest.raises(BackupDamaged, match="shorter than recorded"):
        integrity.restore_backup(rebuilt, tmp_path / "restored.amanat")
    assert not (tmp_path / "restored.amanat").exists()
