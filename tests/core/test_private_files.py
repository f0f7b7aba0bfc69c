"""Everything Amanat writes is its owner's alone: folders 0700, files 0600, whatever the umask
(the usual 022 would make them readable by every account on the computer)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from amanat.core import backup
from amanat.core.bundle.export import ExportScope
from amanat.core.keyslots import FLOOR
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents, pages
from amanat.core.timeline_export import write_new_file
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import export_to, fill, new_archive
from tests.helpers.cli import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows has access lists")


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_archive_its_database_journal_and_key_file_are_private(tmp_path: Path):
    folder = tmp_path / "family.amanat"
    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        letter = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="A letter"))
        pages.add(archive.db, letter.id, b"a scan", "scan.jpg")
        assert {p.name for p in folder.iterdir()} >= {"archive.db-wal", "archive.db-shm"}
        assert {p.name: mode(p) for p in folder.iterdir()} == {
            **{
                name: 0o600
                for name in ("archive.db", "archive.db-wal", "archive.db-shm", "keys.json")
            },
            "segments": 0o700,
        }
        [segment] = (folder / "segments").iterdir()
        assert mode(segment) == 0o600
        archive.change_password("a new and different passphrase", kdf=FLOOR)
    assert mode(folder) == 0o700
    assert mode(folder / "keys.json") == 0o600


def test_an_archive_made_readable_to_all_is_made_private_when_opened(archive_folder: Path):
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter = documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="A letter"))
        pages.add(archive.db, letter.id, b"a scan", "scan.jpg")
    os.chmod(archive_folder, 0o755)
    for path in archive_folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    Archive.open(archive_folder, PASSWORD).lock()
    assert mode(archive_folder) == 0o700
    assert all(
        mode(path) == (0o700 if path.is_dir() else 0o600) for path in archive_folder.rglob("*")
    )
    assert len(list((archive_folder / "segments").iterdir())) == 1


def test_backups_and_restored_archives_are_private(archive: Archive, tmp_path: Path):
    target = tmp_path / "family.amanat-backup"
    backup.backup(archive, target)
    assert mode(target) == 0o600
    restored = tmp_path / "restored.amanat"
    backup.restore(target, restored)
    assert mode(restored) == 0o700
    assert all(mode(path) == (0o700 if path.is_dir() else 0o600) for path in restored.rglob("*"))


def test_plaintext_exports_and_bundles_are_private(archive: Archive, tmp_path: Path):
    timeline = tmp_path / "timeline.csv"
    write_new_file(timeline, b"date,event\n")
    assert mode(timeline) == 0o600

    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
    )
    advocate.lock()
    assert mode(bundle) == 0o600


def test_an_exported_page_is_private(archive_folder: Path, password_file: Path, tmp_path: Path):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (20, 10), "white").save(photo)
    common = ("--archive", archive_folder, "--password-file", password_file)
    imported = run_cli("import", photo, "--json", *common)
    assert imported.code == 0, imported.err
    page_id = json.loads(imported.out)["documents"][0]["page_ids"][0]
    for name, options in (("original.png", ("--original",)), ("clean.png", ())):
        result = run_cli("page", "export", page_id, tmp_path / name, *options, *common)
        assert result.code == 0, result.err
        assert mode(tmp_path / name) == 0o600
