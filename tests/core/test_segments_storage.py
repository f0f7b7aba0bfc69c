"""Originals and previews live sealed in segments/: written before the commit that records
them, tidied at unlock, reclaimed when the trash is emptied, and checked quickly or fully,
with the damaged documents named and the rest still readable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from amanat.app import integrity
from amanat.core import check
from amanat.core.errors import DiskFull, StoredObjectDamaged
from amanat.core.jobs import Progress
from amanat.core.records import Document, DocumentKind
from amanat.core.segments import objects, segment_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest


def letter(archive: Archive, title: str, *scans: bytes) -> tuple[str, list[str]]:
    """A letter with a page for each of ``scans``; its id and its pages' ids."""
    with archive.db.transaction():
        document = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title=title))
        page_ids = [
            pages.add(archive.db, document.id, scan, f"{n}.jpg").id for n, scan in enumerate(scans)
        ]
    return document.id, page_ids


def segment_paths(folder: Path) -> list[Path]:
    return sorted((folder / "segments").iterdir())


def committed(archive: Archive) -> dict[str, int]:
    return {str(n): int(c) for n, c in archive.db.all("SELECT name, committed FROM segments")}


def extent(archive: Archive, page_id: str) -> tuple[Path, int, int]:
    sealed = pages.original(archive.db, page_id)
    return sealed.path, sealed.start, sealed.length


# --- Writing and reading --------------------------------------------------------------------


def test_an_original_is_sealed_in_a_segment_and_read_back_byte_for_byte(archive: Archive):
    scan = os.urandom(300_000)
    _, [page_id] = letter(archive, "Letter from Evin", scan)
    assert pages.original_bytes(archive.db, page_id) == scan
    [segment] = segment_paths(archive.folder)
    assert segment.stat().st_size == committed(archive)[segment.name]
    assert scan[:1000] not in segment.read_bytes()
    columns = {row[1] for row in archive.db.all("PRAGMA table_info(files)")}
    assert "bytes" not in columns  # nothing of the original is in the database


def test_the_same_file_twice_is_one_object(archive: Archive):
    scan = os.urandom(10_000)
    letter(archive, "One", scan)
    letter(archive, "Two", scan)
    assert archive.db.value("SELECT count(*) FROM objects") == 1


def test_a_full_segment_is_followed_by_a_new_one(archive: Archive, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(segment_files, "LIMIT", 100_000)
    scans = [os.urandom(60_000) for _ in range(4)]
    _, page_ids = letter(archive, "Many pages", *scans)
    assert len(segment_paths(archive.folder)) == 2
    assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans


def test_the_segment_is_synced_before_the_commit_and_a_failed_sync_commits_nothing(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
):
    before = archive.db.value("SELECT count(*) FROM pages")

    def full(path: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(segment_files, "sync", full)
    with pytest.raises(DiskFull):
        letter(archive, "Never committed", os.urandom(5000))
    assert archive.db.value("SELECT count(*) FROM pages") == before
    assert archive.db.value("SELECT count(*) FROM documents") == 0


def test_a_letter_of_many_pages_syncs_its_segment_once(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
):
    synced: list[str] = []
    syncing = segment_files.sync
    monkeypatch.setattr(
        segment_files, "sync", lambda path: (synced.append(path.name), syncing(path))
    )
    letter(archive, "Ten pages", *(os.urandom(2000) for _ in range(10)))
    assert len(synced) == 1


def test_reading_a_page_whose_segment_was_damaged_is_one_sentence(archive: Archive):
    _, [page_id] = letter(archive, "Letter", os.urandom(100_000))
    path, start, _ = extent(archive, page_id)
    with open(path, "r+b") as handle:
        handle.seek(start + 70_000)
        handle.write(b"\xff")
    with pytest.raises(StoredObjectDamaged, match="damaged or missing"):
        pages.original_bytes(archive.db, page_id)


# --- At unlock -------------------------------------------------------------------------------


def test_unlock_cuts_what_a_transaction_that_never_committed_left(archive_folder: Path):
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter(archive, "Kept", os.urandom(20_000))
        kept = committed(archive)
        with pytest.raises(RuntimeError), archive.db.transaction():
            document = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="Lost"))
            pages.add(archive.db, document.id, os.urandom(50_000), "lost.jpg")
            raise RuntimeError("the power went")
    [segment] = segment_paths(archive_folder)
    assert segment.stat().st_size > kept[segment.name]  # the lost page's bytes are there
    before = records_digest(archive_folder)
    assert segment.stat().st_size == kept[segment.name]  # and cut by the unlock
    assert records_digest(archive_folder) == before


def test_unlock_removes_files_the_database_does_not_know(archive_folder: Path):
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter(archive, "Kept", os.urandom(20_000))
    [segment] = segment_paths(archive_folder)
    foreign = archive_folder / "segments" / ("ab" * 16)
    foreign.write_bytes(os.urandom(5000))
    (archive_folder / "segments" / "notes.txt").write_text("dropped here")
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert segment_paths(archive_folder) == [segment]
        assert integrity.check_archive(archive, full=True).healthy


# --- Trash ------------------------------------------------------------------------------------


def test_emptying_the_trash_overwrites_the_extent_and_compacts_a_mostly_dead_segment(
    archive: Archive,
):
    kept_scan, gone_scan = os.urandom(20_000), os.urandom(200_000)
    _, [kept_page] = letter(archive, "Kept", kept_scan)
    gone, [gone_page] = letter(archive, "Gone", gone_scan)
    path, start, length = extent(archive, gone_page)
    sealed_bytes = path.read_bytes()[start : start + length]
    documents.move_to_trash(archive.db, gone)
    assert documents.empty_trash(archive.db) == 1
    # The old segment was more than half dead: its one live object moved, the file went,
    # and nothing of the deleted object's sealed bytes is left on disk.
    assert not path.exists()
    for segment in segment_paths(archive.folder):
        assert sealed_bytes[:4096] not in segment.read_bytes()
    assert archive.db.value("SELECT count(*) FROM objects") == 1
    assert archive.db.value("SELECT count(*) FROM dead_extents") == 0
    assert pages.original_bytes(archive.db, kept_page) == kept_scan
    assert integrity.check_archive(archive, full=True).healthy


def test_emptying_the_trash_overwrites_a_dead_extent_in_a_segment_mostly_alive(
    archive: Archive,
):
    _, [kept_page] = letter(archive, "Kept", os.urandom(200_000))
    gone, [gone_page] = letter(archive, "Gone", os.urandom(20_000))
    path, start, length = extent(archive, gone_page)
    sealed_bytes = path.read_bytes()[start : start + length]
    documents.move_to_trash(archive.db, gone)
    documents.empty_trash(archive.db)
    assert path.exists()
    assert path.read_bytes()[start : start + length] != sealed_bytes
    assert archive.db.value("SELECT count(*) FROM dead_extents") == 0
    assert integrity.check_archive(archive, full=True).healthy
    assert len(pages.original_bytes(archive.db, kept_page)) == 200_000


# --- Check ------------------------------------------------------------------------------------


@pytest.fixture
def two_letters(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> tuple[Archive, list[str], list[str]]:
    """Two letters in two segments: "Damaged" in the first, "Whole" in the second."""
    _, damaged = letter(archive, "Damaged", os.urandom(150_000), os.urandom(1000))
    with monkeypatch.context() as limit:
        limit.setattr(segment_files, "LIMIT", 1)  # the first segment is full: a new one
        _, whole = letter(archive, "Whole", os.urandom(80_000))
    assert len(segment_paths(archive.folder)) == 2
    return archive, damaged, whole


def _problems(archive: Archive, full: bool) -> check.CheckReport:
    return integrity.check_archive(archive, full=full)


def test_a_healthy_archive_passes_both_checks_and_the_full_one_reports_progress(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, _, _ = two_letters
    assert _problems(archive, full=False).healthy
    seen: list[Progress] = []
    report = integrity.check_archive(archive, full=True, report=seen.append)
    assert report.healthy
    assert report.files_checked == 3
    assert seen[-1].done == seen[-1].total == 3


def _assert_names_only_the_damaged(
    report: check.CheckReport, archive: Archive, whole: list[str]
) -> None:
    assert not report.healthy
    assert [d.title for d in report.damaged] == ["Damaged"]
    assert any("“Damaged”" in p for p in report.problems)
    assert not any("“Whole”" in p for p in report.problems)
    assert len(pages.original_bytes(archive.db, whole[0])) == 80_000


def test_a_truncated_segment_is_found_by_the_quick_check(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, damaged, whole = two_letters
    path, start, _ = extent(archive, damaged[0])
    os.truncate(path, start + 1000)
    _assert_names_only_the_damaged(_problems(archive, full=False), archive, whole)


def test_a_truncated_segment_stays_short_after_unlock_and_is_still_named(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, damaged, whole = two_letters
    path, start, _ = extent(archive, damaged[0])
    os.truncate(path, start + 1000)
    folder = archive.folder
    archive.lock()
    with Archive.open(folder, PASSWORD) as reopened:
        assert path.stat().st_size == start + 1000  # damage is named, never "repaired"
        _assert_names_only_the_damaged(_problems(reopened, full=False), reopened, whole)


def test_a_flipped_byte_is_found_by_the_full_check_only(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, damaged, whole = two_letters
    path, start, _ = extent(archive, damaged[0])
    with open(path, "r+b") as handle:
        handle.seek(start + 100_000)
        byte = handle.read(1)
        handle.seek(start + 100_000)
        handle.write(bytes([byte[0] ^ 1]))
    assert _problems(archive, full=False).healthy
    _assert_names_only_the_damaged(_problems(archive, full=True), archive, whole)


def test_a_deleted_segment_is_found_by_the_quick_check(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, damaged, whole = two_letters
    path, _, _ = extent(archive, damaged[0])
    path.unlink()
    report = _problems(archive, full=False)
    _assert_names_only_the_damaged(report, archive, whole)
    assert any("is missing" in p for p in report.problems)
    with pytest.raises(StoredObjectDamaged):
        pages.original_bytes(archive.db, damaged[0])


def test_a_foreign_file_in_segments_is_removed_at_unlock_and_the_check_passes(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, _, _ = two_letters
    folder = archive.folder
    archive.lock()
    foreign = folder / "segments" / ("cd" * 16)
    foreign.write_bytes(os.urandom(10_000))
    with Archive.open(folder, PASSWORD) as reopened:
        assert not foreign.exists()
        assert _problems(reopened, full=True).healthy


def test_a_full_check_can_be_cancelled(two_letters: tuple[Archive, list[str], list[str]]):
    archive, _, _ = two_letters
    report = integrity.check_archive(archive, full=True, cancel=lambda: True)
    assert report.cancelled and not report.healthy
    assert report.files_checked == 0


def test_objects_read_on_another_thread(archive: Archive):
    """What the viewer and the bundle writer rely on: a located object reads anywhere."""
    from concurrent.futures import ThreadPoolExecutor

    scan = os.urandom(70_000)
    _, [page_id] = letter(archive, "Letter", scan)
    sealed = pages.original(archive.db, page_id)
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(sealed.read).result() == scan
    assert isinstance(sealed, objects.Sealed)


def test_a_bundle_import_appends_every_file_then_syncs_once_and_commits_once(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from amanat.core.bundle import X25519Recipient, contacts, identity
    from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle
    from amanat.core.bundle.importer import import_bundle
    from tests.helpers.bundles import new_archive

    scans = [os.urandom(30_000) for _ in range(5)]
    document, _ = letter(archive, "Sent", *scans)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    key = identity.ensure(advocate.db).age_identity
    plan = plan_export(
        archive.db, ExportScope(document_ids=(document,)), ExportOptions(originals=True)
    )
    bundle = tmp_path / "sent.age"
    write_bundle(archive.db, plan, bundle, [X25519Recipient.parse(key.recipient().to_string())])

    synced: list[str] = []
    syncing = segment_files.sync
    monkeypatch.setattr(
        segment_files, "sync", lambda path: (synced.append(path.name), syncing(path))
    )
    try:
        report = import_bundle(advocate.db, bundle, [key])
        assert report.imported and report.counts["files"] == 5
        assert len(synced) == 1
        received = {
            pages.original_bytes(advocate.db, page_id)
            for (page_id,) in advocate.db.all("SELECT id FROM pages")
        }
        assert received == set(scans)
        assert integrity.check_archive(advocate, full=True).healthy
    finally:
        advocate.lock()


def test_exporting_a_page_whose_segment_was_damaged_stops_with_one_sentence_and_no_bundle(
    archive: Archive, tmp_path: Path
):
    from amanat.core.bundle import X25519Recipient, identity
    from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle

    document, [page_id] = letter(archive, "Sent", os.urandom(200_000))
    path, start, _ = extent(archive, page_id)
    with open(path, "r+b") as handle:
        handle.seek(start + 150_000)
        handle.write(b"\x00\x01\x02")
    plan = plan_export(
        archive.db, ExportScope(document_ids=(document,)), ExportOptions(originals=True)
    )
    recipient = X25519Recipient.parse(identity.ensure(archive.db).age_recipient)
    bundle = tmp_path / "sent.age"
    with pytest.raises(StoredObjectDamaged, match="damaged or missing"):
        write_bundle(archive.db, plan, bundle, [recipient])
    assert not bundle.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != archive.folder.name] == []


def test_emptying_many_documents_overwrites_every_extent_and_syncs_each_segment_once(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
):
    letter(archive, "Kept", os.urandom(400_000))
    gone = [letter(archive, f"Gone {n}", os.urandom(5000)) for n in range(6)]
    extents = [extent(archive, pages_[0]) for _, pages_ in gone]
    before = [path.read_bytes()[start : start + length] for path, start, length in extents]
    for document, _ in gone:
        documents.move_to_trash(archive.db, document)
    synced: list[str] = []
    syncing = segment_files.sync
    monkeypatch.setattr(
        segment_files, "sync", lambda path: (synced.append(path.name), syncing(path))
    )
    assert documents.empty_trash(archive.db) == 6
    assert len(synced) == 1
    after = [path.read_bytes()[start : start + length] for path, start, length in extents]
    assert all(old != new for old, new in zip(before, after, strict=True))
    assert archive.db.value("SELECT count(*) FROM dead_extents") == 0


def test_a_full_check_that_stopped_goes_on_from_there_the_next_time(
    two_letters: tuple[Archive, list[str], list[str]],
):
    archive, damaged, _ = two_letters
    path, start, _ = extent(archive, damaged[0])
    with open(path, "r+b") as handle:
        handle.seek(start + 10)
        handle.write(b"\xff\xfe")
    asked: list[int] = []

    def after_two() -> bool:  # stop once two objects were opened
        asked.append(1)
        return len(asked) > 2

    seen: list[Progress] = []
    first = integrity.check_archive(archive, full=True, report=seen.append, cancel=after_two)
    assert first.cancelled and first.files_checked == 1  # the damaged one did not open
    assert seen[-1].done == 2
    seen.clear()
    second = integrity.check_archive(archive, full=True, report=seen.append)
    assert second.resumed and not second.cancelled
    assert [p.done for p in seen] == [3]  # only the last object was opened now
    assert second.files_checked == 2
    assert [d.title for d in second.damaged] == ["Damaged"]  # found by the first run
    third = integrity.check_archive(archive, full=True)
    assert not third.resumed and third.files_checked == 2  # a whole check again


def test_a_compaction_makes_a_stopped_full_check_start_again(archive: Archive):
    letter(archive, "Kept", os.urandom(10_000))
    gone, _ = letter(archive, "Gone", os.urandom(100_000))
    stopped = integrity.check_archive(archive, full=True, cancel=iter([False, True]).__next__)
    assert stopped.cancelled
    documents.move_to_trash(archive.db, gone)
    documents.empty_trash(archive.db)
    again = integrity.check_archive(archive, full=True)
    assert not again.resumed and again.healthy and again.files_checked == 1


def test_a_preview_made_again_replaces_its_sealed_object_and_the_old_extent_is_dead(
    archive: Archive,
):
    from amanat.core.storage.pages import PageImage

    _, [page_id] = letter(archive, "Letter", os.urandom(5000))
    first = PageImage("preview", "image/jpeg", 10, 10, os.urandom(3000))
    pages.store_image(archive.db, page_id, first)
    [old] = archive.db.all("SELECT object_id FROM page_images WHERE kind = 'preview'")
    second = PageImage("preview", "image/jpeg", 20, 20, os.urandom(4000))
    pages.store_image(archive.db, page_id, second)
    assert pages.image(archive.db, page_id, "preview") == second
    assert archive.db.value("SELECT count(*) FROM objects WHERE id = ?", old) == 0
    assert archive.db.value("SELECT count(*) FROM dead_extents") == 1
    assert archive.db.value("SELECT count(*) FROM objects") == 2  # the original and one preview
    assert integrity.check_archive(archive, full=True).healthy
