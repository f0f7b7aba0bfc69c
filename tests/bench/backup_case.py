"""Benchmark: back up and restore the demo archive and an archive of about 1 GB (250 phone
photos of about 4 MB as the pages of a letter), against `cp -r` of the archive's folder in the
same run.

Amanat's backup is what the window runs (app/care.back_up): one file written under a
temporary name, fsynced, read back and compared with what went in, then renamed; its restore
(app/care.restore) checks every member's hash as it unpacks and fsyncs each file. So the
baseline makes its copy durable too (`cp -r` then `sync`); it verifies nothing. Each side is
run once per archive: the 1 GB case writes and reads several gigabytes on shared disks.

    python -m tests.bench --only backup [--quick]
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench.measure import mib, progress, ratio, secs
from tests.bench.report import Section
from tests.bench.scans import make_photos

NAME = "backup"
PASSWORD = "benchmark password"
PHOTOS = 250
QUICK_PHOTOS = 6


def _photo_archive(photos: Path, folder: Path) -> None:
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents, pages
    from amanat.core.vault import Archive

    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Letters from Evin"))
        for path in sorted(photos.glob("*.jpg")):
            pages.add(archive.db, letter.id, path.read_bytes(), path.name)


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _clock(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _copy(source: Path, target: Path) -> None:
    subprocess.run(["cp", "-r", str(source), str(target)], check=True)
    subprocess.run(["sync"], check=True)


def _measure(label: str, folder: Path, password: str, work: Path) -> list[str]:
    from amanat.app import care
    from amanat.core.vault import Archive

    work.mkdir()
    backup_file = work / "archive.amanat-backup"
    progress(f"backup: {label}: Amanat's backup")
    with Archive.open(folder, password) as archive:
        backing_up = _clock(lambda: care.back_up(archive, backup_file))
    progress(f"backup: {label}: cp -r")
    copying = _clock(lambda: _copy(folder, work / "copy.amanat"))
    progress(f"backup: {label}: Amanat's restore")
    restoring = _clock(lambda: care.restore(backup_file, work / "restored.amanat"))
    progress(f"backup: {label}: cp -r of the copy")
    copying_back = _clock(lambda: _copy(work / "copy.amanat", work / "copied-back.amanat"))
    Archive.open(work / "restored.amanat", password).lock()  # the restore is an archive
    size = _size(folder)
    row = [
        label,
        mib(size),
        secs(backing_up),
        secs(copying),
        ratio(backing_up, copying),
        secs(restoring),
        secs(copying_back),
        ratio(restoring, copying_back),
    ]
    shutil.rmtree(work)
    return row


def run(workdir: Path, quick: bool) -> Section:
    from amanat.core.demo import DEMO_PASSWORD, build_demo
    from amanat.core.keyslots import FLOOR

    section = Section("Backup and restore against cp -r")
    home = workdir / NAME
    home.mkdir()
    progress("backup: building the demo archive")
    demo = home / "demo.amanat"
    build_demo(demo, kdf=FLOOR)
    count = QUICK_PHOTOS if quick else PHOTOS
    progress(f"backup: making {count} photos and an archive of them")
    photos = home / "photos"
    photos.mkdir()
    make_photos(photos, count)
    big = home / "photos.amanat"
    _photo_archive(photos, big)
    shutil.rmtree(photos)
    rows = [
        _measure("demo archive", demo, DEMO_PASSWORD, home / "demo-run"),
        _measure(f"{count} photos", big, PASSWORD, home / "big-run"),
    ]
    section.table(
        [
            "archive",
            "size",
            "back up",
            "cp -r + sync",
            "ratio",
            "restore",
            "cp -r + sync",
            "ratio",
        ],
        rows,
    )
    section.text(
        "Back up: one file under a temporary name, fsync, the page cache dropped for it "
        "(posix_fadvise), read back and every member's SHA-256 compared, then renamed. "
        "Restore: every member unpacked, hashed and fsynced. The baseline copies the folder "
        "and runs `sync`, and checks nothing. One run of each."
    )
    return section
