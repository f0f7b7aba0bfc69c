"""A full disk in the middle of an operation: the command says so in one sentence, what was
saved before stays whole, and once space is freed the archive opens and checks clean.

The disk is a small tmpfs mounted by the test (it needs root, as CI and the development
container have; elsewhere the tests are skipped, saying why), filled almost to the brim."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from amanat.core.check import check
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, copy_archive, template
from tests.helpers.cli import run_subprocess

MB = 1024 * 1024


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a small disk needs root to mount a tmpfs; not possible here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill_until(disk: Path, free_mb: float) -> Path:
    """A file that leaves only about ``free_mb`` free on ``disk``."""
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        handle.write(os.urandom(max(0, free - int(free_mb * MB))))
    return filler


def photos(folder: Path, count: int) -> list[Path]:
    """Noisy pictures of about 1 MB each (noise does not compress)."""
    folder.mkdir()
    chooser = random.Random(18)
    made = []
    for number in range(count):
        picture = Image.frombytes("RGB", (600, 580), chooser.randbytes(600 * 580 * 3))
        path = folder / f"letter-{number:02}.png"
        picture.save(path, compress_level=1)
        made.append(path)
    return made


def _archive_on(disk: Path) -> Path:
    return copy_archive(template("family"), disk / "family.amanat")


def _password(tmp_path: Path) -> Path:
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n")
    return path


def _one_sentence(result: object) -> str:
    err = result.err.strip()  # type: ignore[attr-defined]
    assert result.code == 1, result  # type: ignore[attr-defined]
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_import_on_a_full_disk_says_so_and_keeps_what_it_saved(small_disk: Path, tmp_path: Path):
    folder = _archive_on(small_disk)
    scans = photos(tmp_path / "scans", 12)
    filler = fill_until(small_disk, 4)
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "import", *scans
    )
    message = _one_sentence(result)
    assert "disk is full" in message
    filler.unlink()  # the user frees some space
    with Archive.open(folder, PASSWORD) as archive:
        assert check(archive.db).healthy
        kept = documents.list_documents(archive.db)
        assert len(kept) < len(scans)
        for document in kept:
            [page] = pages.pages_of(archive.db, document.id)
            original = pages.original_bytes(archive.db, page.id)
            source = (tmp_path / "scans" / f"{document.title}.png").read_bytes()
            assert original == source
            assert hashlib.sha256(original).hexdigest() == page.sha256


def test_backup_to_a_full_disk_says_so_and_leaves_no_partial_file(small_disk: Path, tmp_path: Path):
    folder = copy_archive(template("family"), tmp_path / "family.amanat")
    with Archive.open(folder, PASSWORD) as archive:
        from amanat.core.scans import import_files

        import_files(archive.db, photos(tmp_path / "scans", 6))
    fill_until(small_disk, 2)
    before = sorted(p.name for p in small_disk.iterdir())
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "backup",
        small_disk / "family.backup",
    )  # fmt: skip
    assert "disk is full" in _one_sentence(result)
    assert sorted(p.name for p in small_disk.iterdir()) == before
    with Archive.open(folder, PASSWORD) as archive:
        assert check(archive.db).healthy


def test_password_change_on_a_full_disk_keeps_the_old_password(small_disk: Path, tmp_path: Path):
    folder = _archive_on(small_disk)
    new = tmp_path / "new-password"
    new.write_text("violet tundra quarrel pebble 7391\n")
    filler = fill_until(small_disk, 0)
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "passwd",
        "--new-password-file", new,
    )  # fmt: skip
    _one_sentence(result)
    filler.unlink()
    with Archive.open(folder, PASSWORD) as archive:
        assert check(archive.db).healthy
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary left


def test_restore_to_a_full_disk_says_so_and_leaves_no_folder(small_disk: Path, tmp_path: Path):
    folder = copy_archive(template("family"), tmp_path / "family.amanat")
    with Archive.open(folder, PASSWORD) as archive:
        from amanat.core.backup import backup
        from amanat.core.scans import import_files

        import_files(archive.db, photos(tmp_path / "scans", 6))
        backup(archive, tmp_path / "family.backup")
    fill_until(small_disk, 2)
    before = sorted(p.name for p in small_disk.iterdir())
    result = run_subprocess("restore", tmp_path / "family.backup", small_disk / "restored")
    assert "disk is full" in _one_sentence(result)
    assert sorted(p.name for p in small_disk.iterdir()) == before


def _sender_with_photos(tmp_path: Path) -> tuple[Path, str]:
    """An archive with a person and six large photos of theirs, on the normal disk."""
    from amanat.core.records import Person
    from amanat.core.scans import ImportOptions, import_files
    from amanat.core.storage import people

    folder = copy_archive(template("family"), tmp_path / "family.amanat")
    with Archive.open(folder, PASSWORD) as archive:
        person = people.add(archive.db, Person(display_name="Sara Example"))
        options = ImportOptions(person_ids=(person.id,))
        import_files(archive.db, photos(tmp_path / "scans", 6), options)
    return folder, person.id


def test_bundle_export_to_a_full_disk_says_so_and_leaves_no_partial_file(
    small_disk: Path, tmp_path: Path
):
    folder, person = _sender_with_photos(tmp_path)
    receiver = copy_archive(template("advocate"), tmp_path / "advocate.amanat")
    with Archive.open(receiver, PASSWORD) as archive:
        from amanat.core.bundle import identity

        recipient = identity.ensure(archive.db).age_recipient
    fill_until(small_disk, 2)
    before = sorted(p.name for p in small_disk.iterdir())
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "export",
        "--person", person, "--keep-metadata", "--recipient", recipient,
        "-o", small_disk / "letters.age",
    )  # fmt: skip
    assert "disk is full" in _one_sentence(result)
    assert sorted(p.name for p in small_disk.iterdir()) == before


def test_bundle_import_on_a_full_disk_says_so_and_imports_nothing(small_disk: Path, tmp_path: Path):
    from amanat.core.bundle import contacts, identity

    sender, person = _sender_with_photos(tmp_path)
    folder = copy_archive(template("advocate"), small_disk / "advocate.amanat")
    with Archive.open(folder, PASSWORD) as advocate, Archive.open(sender, PASSWORD) as family:
        keys = identity.ensure(family.db)
        contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
        recipient = identity.ensure(advocate.db).age_recipient
    bundle = tmp_path / "letters.age"
    exported = run_subprocess(
        "--archive", sender, "--password-file", _password(tmp_path), "export",
        "--person", person, "--keep-metadata", "--recipient", recipient, "-o", bundle,
    )  # fmt: skip
    assert exported.code == 0, exported.err
    filler = fill_until(small_disk, 3)
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "import-bundle", bundle
    )
    assert "disk is full" in _one_sentence(result)
    filler.unlink()
    with Archive.open(folder, PASSWORD) as archive:
        assert check(archive.db).healthy
        assert archive.db.value("SELECT count(*) FROM documents") == 0


def test_updating_an_old_archive_on_a_full_disk_says_so_and_updates_it_later(
    small_disk: Path, tmp_path: Path
):
    from amanat.core import schema
    from tests.helpers.archives import needing_the_reindex

    folder = needing_the_reindex(_archive_on(small_disk), documents=300)
    filler = fill_until(small_disk, 0)
    result = run_subprocess("--archive", folder, "--password-file", _password(tmp_path), "check")
    assert "disk is full" in _one_sentence(result)
    filler.unlink()
    with Archive.open(folder, PASSWORD) as archive:
        assert archive.db.value("PRAGMA user_version") == len(schema.MIGRATIONS)
        assert archive.db.value("SELECT count(*) FROM documents") == 300
        assert check(archive.db).healthy
