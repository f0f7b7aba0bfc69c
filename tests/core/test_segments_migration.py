"""An archive written before segments (originals and previews as blobs in archive.db) has
them moved out when it is opened: batch by batch, each batch committed, resumable after a
crash, with progress, never without room, and the database compacted at the end."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amanat.app import integrity
from amanat.core import schema
from amanat.core.errors import NoSpaceToUpgrade
from amanat.core.jobs import Progress
from amanat.core.segments import moving_out, objects
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.old_archives import old_archive


@pytest.fixture
def scans() -> list[bytes]:
    return [os.urandom(200_000 + n) for n in range(6)]


def test_opening_an_old_archive_moves_every_blob_out_with_progress_and_compacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans)
    size_before = (folder / "archive.db").stat().st_size
    monkeypatch.setattr(moving_out, "BATCH_BYTES", 450_000)  # two originals a batch
    heard: list[Progress] = []
    with Archive.open(folder, PASSWORD, report=heard.append) as archive:
        db = archive.db
        assert db.value("PRAGMA user_version") == schema.LATEST
        assert [pages.original_bytes(db, p) for p in page_ids] == scans
        previews = [pages.image(db, p, "preview") for p in page_ids]
        assert [p.data for p in previews if p] == [s[:1000] + b"preview" for s in scans]
        assert pages.image(db, page_ids[0], "thumbnail").data == b"\x00"  # type: ignore[union-attr]
        assert "bytes" not in {row[1] for row in db.all("PRAGMA table_info(files)")}
        assert db.value("SELECT count(*) FROM objects") == 12
        assert integrity.check_archive(archive, full=True).healthy
    assert heard and heard[-1].done == heard[-1].total == 12
    assert len({p.done for p in heard}) > 2  # batch by batch
    assert (folder / "archive.db").stat().st_size < size_before / 3  # compacted
    assert scans[0][:4096] not in (folder / "archive.db").read_bytes()


def test_a_migration_cut_short_goes_on_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans)
    monkeypatch.setattr(moving_out, "BATCH_BYTES", 250_000)  # one original a batch
    putting = objects.put
    calls: list[int] = []

    def power_cut(*args: object, **kwargs: object) -> str:
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt("the power went")
        return putting(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as crashing:
        crashing.setattr(objects, "put", power_cut)
        with pytest.raises(KeyboardInterrupt):
            Archive.open(folder, PASSWORD)
    with Archive.open(folder, PASSWORD) as archive:
        moved = archive.db.value("SELECT count(*) FROM objects")  # type: ignore[unreachable]
    # Three batches had committed; the fourth, cut short, was rolled back and done again.
    assert moved == 12
    with Archive.open(folder, PASSWORD) as archive:
        assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans
        assert integrity.check_archive(archive, full=True).healthy
        committed = dict(archive.db.all("SELECT name, committed FROM segments"))
    assert {p.name: p.stat().st_size for p in (folder / "segments").iterdir()} == committed


def test_a_crash_mid_migration_leaves_committed_batches_and_the_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    folder = tmp_path / "old.amanat"
    old_archive(folder, monkeypatch, scans)
    monkeypatch.setattr(moving_out, "BATCH_BYTES", 250_000)
    steps: list[int] = []
    stepping = moving_out.MovingOut.step

    def stops_after_two(self: moving_out.MovingOut, db: object, report: object) -> bool:
        steps.append(1)
        if len(steps) == 3:
            raise KeyboardInterrupt("the power went")
        return stepping(self, db, report)  # type: ignore[arg-type]

    monkeypatch.setattr(moving_out.MovingOut, "step", stops_after_two)
    with pytest.raises(KeyboardInterrupt):
        Archive.open(folder, PASSWORD)
    monkeypatch.undo()
    # Looked at without migrating: two batches moved, the version not yet raised.
    # The version just before the one that moves the originals out.
    before_moving = next(
        n for n, m in enumerate(schema.MIGRATIONS) if isinstance(m, moving_out.MovingOut)
    )
    with monkeypatch.context() as looking:
        looking.setattr(schema, "LATEST", before_moving)
        with Archive.open(folder, PASSWORD) as archive:
            db = archive.db
            assert db.value("PRAGMA user_version") == before_moving
            assert db.value("SELECT count(*) FROM files WHERE object_id IS NOT NULL") == 2
            assert db.value("SELECT count(*) FROM files WHERE object_id IS NULL") == 4


def test_an_archive_at_version_5_goes_through_every_later_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans[:2])
    with Archive.open(folder, PASSWORD) as archive:
        db = archive.db
        assert db.value("PRAGMA user_version") == schema.LATEST == 12
        columns = {
            table: {str(row[1]) for row in db.all(f"PRAGMA table_info({table})")}
            for table in (
                "people", "pages", "files", "page_images", "redactions", "timecodes", "annotations",
            )
        }  # fmt: skip
        assert "trashed" in columns["people"]  # 6
        assert {"removed", "removed_from"} <= columns["pages"]  # 7
        assert "object_id" in columns["files"] and "object_id" in columns["page_images"]  # 8
        assert "bytes" not in columns["files"]  # 9
        assert {"page_id", "text_id", "quote"} <= columns["redactions"]  # 10
        assert {"text_id", "seconds"} <= columns["timecodes"]  # 11
        assert {"time_start", "time_end"} <= columns["annotations"]  # 12
        assert [pages.original_bytes(db, p) for p in page_ids] == scans[:2]


def test_without_room_the_migration_does_not_begin_and_says_how_much_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans)
    with monkeypatch.context() as full:
        full.setattr(moving_out, "free_space", lambda folder: 10 * 1024 * 1024)
        with pytest.raises(NoSpaceToUpgrade) as refused:
            Archive.open(folder, PASSWORD)
    message = str(refused.value)
    assert "10 MB are free" in message and "free some space" in message
    assert "Traceback" not in message
    # Nothing was moved; with room, it opens and moves everything.
    with Archive.open(folder, PASSWORD) as archive:
        assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans


def test_a_disk_that_fills_during_the_migration_gets_one_sentence_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]
):
    import errno

    from amanat.core.errors import DiskFull
    from amanat.core.segments import segment_files

    folder = tmp_path / "old.amanat"
    page_ids = old_archive(folder, monkeypatch, scans)
    monkeypatch.setattr(moving_out, "BATCH_BYTES", 250_000)
    appending = segment_files.append
    calls: list[int] = []

    def fills_up(path: Path, start: int, chunks: object) -> int:
        calls.append(1)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return appending(path, start, chunks)  # type: ignore[arg-type]

    with monkeypatch.context() as full:
        full.setattr(segment_files, "append", fills_up)
        with pytest.raises(DiskFull, match="disk is full"):
            Archive.open(folder, PASSWORD)
    with Archive.open(folder, PASSWORD) as archive:
        assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans
        assert integrity.check_archive(archive, full=True).healthy
