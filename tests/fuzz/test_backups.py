"""Fuzzing restore: mutated backup files, and backups whose manifest was changed and packed
again. A backup is restored whole and opens, or is refused with one sentence and leaves no
folder, half-restored or otherwise, behind."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

from amanat.core.backup import MANIFEST, backup, restore
from amanat.core.check import check
from amanat.core.errors import AmanatError
from amanat.core.vault import Archive
from tests.fuzz import harness
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD

CASES = 150


def restorer(place: Path) -> harness.Check:
    source = place / "case.amanat-backup"
    target = place / "restored.amanat"

    def one(data: bytes) -> str:
        source.write_bytes(data)
        try:
            restore(source, target)
        except AmanatError as error:
            message = str(error)
            assert "\n" not in message and message.endswith("."), message
            assert sorted(p.name for p in place.iterdir()) == [source.name]  # nothing left
            return "refused"
        try:
            with Archive.open(target, PASSWORD) as opened:
                return "restored" if check(opened.db).healthy else "restored, check finds damage"
        except AmanatError as error:
            assert "\n" not in str(error)
            return "restored, refused at opening"
        finally:
            shutil.rmtree(target)

    return one


def members(data: bytes) -> list[tuple[str, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        return [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]


def with_manifest(data: bytes, manifest: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, content in members(data):
            content = manifest if name == MANIFEST else content
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _backup_of(archive: Archive, folder: Path) -> bytes:
    from amanat.core.scans import import_files

    letter = folder / "letter.png"
    letter.write_bytes(make.png())
    import_files(archive.db, [letter])
    backup(archive, folder / "family.amanat-backup")
    return (folder / "family.amanat-backup").read_bytes()


def test_mutated_backups_are_restored_whole_or_refused(archive: Archive, tmp_path: Path):
    data = _backup_of(archive, tmp_path)
    place = tmp_path / "restore-here"
    place.mkdir()
    cases = harness.examples(CASES)
    outcomes = harness.run("backup-bytes", harness.mutated(data), restorer(place), cases)
    assert sum(outcomes.values()) >= cases


def test_backups_with_a_changed_manifest_are_restored_whole_or_refused(
    archive: Archive, tmp_path: Path
):
    data = _backup_of(archive, tmp_path)
    manifest = dict(members(data))[MANIFEST]
    place = tmp_path / "restore-here"
    place.mkdir()
    one = restorer(place)
    cases = harness.examples(CASES)
    outcomes = harness.run(
        "backup-manifest", harness.mutated(manifest), lambda m: one(with_manifest(data, m)), cases
    )
    assert sum(outcomes.values()) >= cases


def test_saved_backup_cases_still_pass(archive: Archive, tmp_path: Path):
    data = _backup_of(archive, tmp_path)
    place = tmp_path / "restore-here"
    place.mkdir()
    one = restorer(place)
    for path in harness.saved("backup-bytes"):
        one(path.read_bytes())
    for path in harness.saved("backup-manifest"):
        one(with_manifest(data, path.read_bytes()))
