"""A bundle import syncs its segment to the disk on another thread as the files arrive, so the
sync before its commit is short; that sync still makes it durable, and a sync made ahead that
fails fails the import, leaving the archive as it was (a failed write-back may be reported
only once, so it must not be lost)."""

from __future__ import annotations

import errno
import threading
from pathlib import Path

import pytest

from amanat.core.bundle import contacts, identity, importer
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.bundle.importer import import_bundle
from amanat.core.errors import DiskFull
from amanat.core.records import Document, DocumentKind
from amanat.core.segments import segment_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import export_to, new_archive


def _bundle(archive: Archive, advocate: Archive, tmp_path: Path) -> Path:
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Photos"))
    for number in range(6):
        photo = scan_files.jpeg(scan_files.marked((200 + number, 150)))
        pages.add(archive.db, letter.id, photo, f"{number}.jpg")
    scope = ExportScope(document_ids=(letter.id,))
    return export_to(archive, advocate, tmp_path / "b.age", scope, ExportOptions(originals=True))


def test_the_segment_is_synced_ahead_on_another_thread_and_again_before_the_commit(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        bundle = _bundle(archive, advocate, tmp_path)
        monkeypatch.setattr(importer, "SYNC_AHEAD_BYTES", 1)  # after every file
        synced_on: list[str] = []
        real_sync = segment_files.sync

        def sync(path: Path) -> None:
            synced_on.append(threading.current_thread().name)
            real_sync(path)

        monkeypatch.setattr(segment_files, "sync", sync)
        report = import_bundle(advocate.db, bundle, [identity.ensure(advocate.db).age_identity])
        assert report.imported
    ahead = [name for name in synced_on if name.startswith("bundle-sync")]
    assert ahead  # made while the import went on
    assert not synced_on[-1].startswith("bundle-sync")  # and the commit's own, last


def test_a_sync_ahead_that_fails_fails_the_import_and_changes_nothing(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "advocate.amanat"
    with new_archive(folder) as advocate:
        bundle = _bundle(archive, advocate, tmp_path)
        key = identity.ensure(advocate.db).age_identity
    before = records_digest(folder)
    monkeypatch.setattr(importer, "SYNC_AHEAD_BYTES", 1)

    def full(path: Path) -> None:
        if threading.current_thread().name.startswith("bundle-sync"):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(segment_files, "sync", full)
    with Archive.open(folder, PASSWORD) as advocate, pytest.raises(DiskFull):
        import_bundle(advocate.db, bundle, [key])
    assert records_digest(folder) == before
