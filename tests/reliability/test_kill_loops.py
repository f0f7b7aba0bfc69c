"""kill -9 at random moments during each operation that writes: afterwards the archive
opens, its full check is clean, and the operation is there whole or not at all.

A few kills per operation in ``make test``; ``make reliability`` runs many
(RELIABILITY_ITERATIONS) with other seeds (RELIABILITY_SEED)."""

from __future__ import annotations

import hashlib
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from amanat.core import keyslots
from amanat.core.backup import backup, restore
from amanat.core.bundle import identity
from amanat.core.bundle.importer import verify_bundle
from amanat.core.check import check
from amanat.core.errors import WrongPassword
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD, copy_archive, template
from tests.helpers.bundles import fill
from tests.reliability import killing

KILLS = 1
NEW_PASSWORD = "violet tundra quarrel pebble 7391"


@dataclass
class Place:
    folder: Path
    password: Path
    new_password: Path
    source: Path
    """A filled, locked archive each kill starts from a copy of."""
    scans: Path


@pytest.fixture
def place(tmp_path: Path) -> Place:
    source = copy_archive(template("family"), tmp_path / "source.amanat")
    photos = tmp_path / "photos"
    photos.mkdir()
    noise = random.Random(18)
    for number in range(9):
        picture = Image.frombytes("RGB", (500, 400), noise.randbytes(500 * 400 * 3))
        picture.save(photos / f"photo-{number}.png", compress_level=1)
    with Archive.open(source, PASSWORD, actor="tester") as archive:
        prisoner = fill(archive).prisoner
        # Some megabytes of the prisoner's photos, so that rewriting the database (a
        # re-encryption, a backup, a bundle, emptying the trash) takes long enough to be
        # killed in the middle; three of them in the trash.
        report = import_files(archive.db, [photos], ImportOptions(person_ids=(prisoner,)))
        for document in report.documents[:3]:
            documents.move_to_trash(archive.db, document.document_id)
    scans = tmp_path / "scans"
    scans.mkdir()
    for number in range(8):
        (scans / f"letter-{number}.png").write_bytes(make.png(make.marked((900 + number, 700))))
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n")
    new_password = tmp_path / "new-password"
    new_password.write_text(NEW_PASSWORD + "\n")
    return Place(tmp_path, password, new_password, source, scans)


def fresh(place: Place, name: str) -> Path:
    return copy_archive(place.source, place.folder / name)


def healthy(folder: Path, password: str = PASSWORD) -> Archive:
    """The archive opens and its full check is clean; returned open."""
    archive = Archive.open(folder, password)
    report = check(archive.db)
    assert report.healthy, report.problems
    return archive


def kill_loop(
    place: Place,
    operation: str,
    command: Callable[[Path], tuple[str | Path, ...]],
    verify: Callable[[Path], None],
    count: int = KILLS,
    unlocks: bool = True,
) -> int:
    """Measure the whole operation once, then kill it ``count`` times at random moments
    after the program has started and unlocked, verifying each archive afterwards; returns
    how many runs were really killed."""
    # How long the program takes to start and unlock before the operation begins.
    started = 0.0
    if unlocks:
        started = killing.run_whole(*_on(place, fresh(place, f"{operation}-start.amanat"), "check"))
    whole = killing.run_whole(*command(fresh(place, f"{operation}-whole.amanat")))
    moments = killing.delays(whole, killing.iterations(count), operation, 0.8 * started)
    killed = runs = 0
    for number, moment in enumerate(moments):
        delay = moment
        for attempt in range(4):  # a run that ended first is tried again, killed sooner
            folder = fresh(place, f"{operation}-{number}-{attempt}.amanat")
            run = killing.run_killed(delay, *command(folder))
            runs += 1
            verify(folder)
            _remove(folder)  # many runs: the disk must not fill with their copies
            if run.killed:
                killed += 1
                break
            delay *= 0.75
    killing.record(operation, runs=runs, killed=killed)
    return killed


def test_scan_import_killed_leaves_whole_documents(place: Place):
    with Archive.open(place.source, PASSWORD) as archive:
        there = {d.id for d in documents.list_documents(archive.db)}

    def verify(folder: Path) -> None:
        with healthy(folder) as archive:
            db = archive.db
            for document in documents.list_documents(db):
                if document.id in there:
                    continue
                assert document.title.startswith("letter-")
                [page] = pages.pages_of(db, document.id)
                for page in pages.pages_of(db, document.id):
                    original = pages.original_bytes(db, page.id)
                    assert hashlib.sha256(original).hexdigest() == page.sha256
                    assert pages.image(db, page.id, "thumbnail") is not None
            orphans = "SELECT count(*) FROM files WHERE sha256 NOT IN (SELECT sha256 FROM pages)"
            assert db.value(orphans) == 0

    kill_loop(place, "import", lambda f: _on(place, f, "import", place.scans), verify)


def test_one_letter_import_killed_is_whole_or_absent(place: Place):
    before = _documents(place.source)

    def verify(folder: Path) -> None:
        with healthy(folder) as archive:
            added = _counted(archive) - before
            assert added in (0, 1)
            if added:
                letter = documents.list_documents(archive.db)
                assert max(len(pages.pages_of(archive.db, d.id)) for d in letter) == 8

    kill_loop(
        place,
        "import-one",
        lambda f: _on(place, f, "import", place.scans, "--one-document"),
        verify,
    )


def test_password_change_killed_leaves_one_password_that_opens(place: Place):
    for re_encrypt in ((), ("--re-encrypt",)):

        def verify(folder: Path) -> None:
            opens = []
            for password in (PASSWORD, NEW_PASSWORD):
                try:
                    with healthy(folder, password):
                        opens.append(password)
                except WrongPassword:
                    pass
            assert len(opens) == 1

        kill_loop(
            place,
            "passwd" + "".join(re_encrypt),
            lambda f, extra=re_encrypt: _on(
                place, f, "passwd", "--new-password-file", place.new_password, *extra
            ),
            verify,
        )


def test_recovery_code_change_killed_leaves_the_old_key_file_or_the_new(place: Place):
    old = (place.source / keyslots.KEY_FILE).read_bytes()

    def verify(folder: Path) -> None:
        with healthy(folder):
            pass
        now = (folder / keyslots.KEY_FILE).read_bytes()
        if now != old:
            recovery = keyslots.read(folder).slots_of(keyslots.SlotKind.RECOVERY)
            assert len(recovery) == 1

    kill_loop(place, "recovery", lambda f: _on(place, f, "recovery-code"), verify)


def test_emptying_the_trash_killed_empties_all_or_nothing(place: Place):
    before = _documents(place.source)

    def verify(folder: Path) -> None:
        with healthy(folder) as archive:
            assert _counted(archive) in (before, before - 3)

    kill_loop(place, "trash", lambda f: _on(place, f, "trash", "empty"), verify)


def test_backup_killed_leaves_no_backup_or_a_whole_one(place: Place):
    def command(folder: Path) -> tuple[str | Path, ...]:
        return _on(place, folder, "backup", folder.with_suffix(".backup"))

    def verify(folder: Path) -> None:
        with healthy(folder):
            pass
        written = folder.with_suffix(".backup")
        if written.exists():
            restored = folder.with_suffix(".restored")
            restore(written, restored)
            with healthy(restored):
                pass

    kill_loop(place, "backup", command, verify)


def test_restore_killed_leaves_no_archive_or_a_whole_one(place: Place):
    backup_file = place.folder / "family.backup"
    with Archive.open(place.source, PASSWORD) as archive:
        backup(archive, backup_file)

    def command(folder: Path) -> tuple[str | Path, ...]:
        shutil.rmtree(folder)  # restore makes the folder itself
        return ("restore", backup_file, folder)

    def verify(folder: Path) -> None:
        if folder.exists():
            with healthy(folder):
                pass

    kill_loop(place, "restore", command, verify, unlocks=False)


def test_bundle_export_killed_leaves_no_bundle_or_a_whole_one(place: Place):
    receiver = copy_archive(template("advocate"), place.folder / "receiver.amanat")
    with Archive.open(receiver, PASSWORD) as archive:
        keys = identity.ensure(archive.db)
        recipient, secret = keys.age_recipient, keys.age_identity

    def command(folder: Path) -> tuple[str | Path, ...]:
        person = _prisoner(folder)
        out = folder.with_suffix(".age")
        return _on(place, folder, "export", "--person", person, "--recipient", recipient, "-o", out)

    def verify(folder: Path) -> None:
        with healthy(folder):
            pass
        out = folder.with_suffix(".age")
        if out.exists():
            with Archive.open(receiver, PASSWORD) as archive:
                assert verify_bundle(archive.db, out, [secret]).titles

    kill_loop(place, "export", command, verify)


def test_bundle_import_killed_imports_all_or_nothing(place: Place):
    receiver = copy_archive(template("advocate"), place.folder / "receiver.amanat")
    with Archive.open(receiver, PASSWORD) as archive:
        recipient = identity.ensure(archive.db).age_recipient
    bundle = place.folder / "letters.age"
    killing.run_whole(
        *_on(
            place,
            place.source,
            "export",
            "--person",
            _prisoner(place.source),
            "--recipient",
            recipient,
            "-o",
            bundle,
        ),
    )
    empty = _documents(receiver)
    full_copy = copy_archive(receiver, place.folder / "receiver-full.amanat")
    killing.run_whole(
        *_on(place, full_copy, "import-bundle", "--accept-signer", _signer(place), bundle)
    )
    full = _documents(full_copy)
    assert full > empty

    def command(folder: Path) -> tuple[str | Path, ...]:
        shutil.rmtree(folder)
        copy_archive(receiver, folder)
        return _on(place, folder, "import-bundle", "--accept-signer", _signer(place), bundle)

    def verify(folder: Path) -> None:
        with healthy(folder) as archive:
            assert _counted(archive) in (empty, full)

    kill_loop(place, "import-bundle", command, verify)


# --- Helpers -------------------------------------------------------------------------------


def _remove(folder: Path) -> None:
    """The archive and what the run wrote beside it (a backup, a bundle, a restored copy)."""
    for path in folder.parent.glob(f"{folder.stem}.*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _on(place: Place, folder: Path, *args: str | Path) -> tuple[str | Path, ...]:
    return ("--archive", folder, "--password-file", place.password, *args)


def _documents(folder: Path) -> int:
    with Archive.open(folder, PASSWORD) as archive:
        return _counted(archive)


def _counted(archive: Archive) -> int:
    """Documents, the trash's included."""
    return int(archive.db.value("SELECT count(*) FROM documents"))


def _prisoner(folder: Path) -> str:
    with Archive.open(folder, PASSWORD) as archive:
        return str(archive.db.value("SELECT id FROM people ORDER BY created LIMIT 1"))


def _signer(place: Place) -> str:
    with Archive.open(place.source, PASSWORD) as archive:
        keys = identity.existing(archive.db)
        assert keys is not None
        return keys.fingerprint
