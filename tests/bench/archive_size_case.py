"""Benchmark: does an archive of 20 GB open, list, search and check (quick) as fast as one
of 1 GB? With the originals in segments, the database holds only records, thumbnails and
the index of objects, so it should.

Each archive is generated: one letter per photo of 4 MB, its page pointing at an object in a
segment of 256 MiB. The segments are sparse files (their sizes are real, their blocks are
not written), which is all the unlock and the quick check look at: neither reads an object.
The 20 GB archive takes no 20 GB of disk. Measured: unlocking (Argon2id at the floor, the same
for both), the first screen of the document list (ids in date order, then 50 summaries), a
search for a word in every title, and the quick check. Each is the median of 3 runs.

AMANAT_BENCH_SIZES_GB sets the sizes compared (default "1,20"; --quick: "0.25,1").

    python -m tests.bench --only sizes [--quick]
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from tests.bench.measure import median, progress
from tests.bench.report import Section

NAME = "sizes"
PHOTO = 4 * 1024 * 1024
PASSWORD = "benchmark password"
RUNS = 3
_THUMBNAIL = os.urandom(9000)


def _generate(folder: Path, gigabytes: float) -> int:
    """An archive of ``gigabytes`` of 4 MB photos, one letter each; returns how many."""
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.segments import sealing, segment_files
    from amanat.core.storage import documents
    from amanat.core.vault import Archive

    count = int(gigabytes * 1e9 / PHOTO)
    sealed = sealing.sealed_length(PHOTO)
    per_segment = segment_files.LIMIT // sealed + 1
    with Archive.create(folder, PASSWORD, kdf=FLOOR) as archive:
        db = archive.db
        where = segment_files.folder_of(folder)
        with db.transaction():
            for number in range(count):
                if number % per_segment == 0:
                    segment = segment_files.new_name()
                    db.execute("INSERT INTO segments (name, committed) VALUES (?, 0)", (segment,))
                    (where / segment).touch(mode=0o600)
                start = (number % per_segment) * sealed
                letter = documents.add(
                    db, Document(DocumentKind.LETTER, f"Letter {number} from Evin ward 209")
                )
                object_id = sealing.new_object_id()
                digest = hashlib.sha256(str(number).encode()).hexdigest()
                db.execute(
                    "INSERT INTO objects (id, segment, start, length, key, size, sha256)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (object_id, segment, start, sealed, os.urandom(32), PHOTO, digest),
                )
                db.execute(
                    "UPDATE segments SET committed = ? WHERE name = ?", (start + sealed, segment)
                )
                os.truncate(where / segment, start + sealed)  # sparse: no block written
                db.execute(
                    "INSERT INTO files (sha256, size, object_id) VALUES (?, ?, ?)",
                    (digest, PHOTO, object_id),
                )
                page_id = f"page-{number}"
                db.execute(
                    "INSERT INTO pages (id, document_id, number, sha256, mime_type, size,"
                    " imported, created, modified) VALUES (?, ?, 1, ?, 'image/jpeg', ?,"
                    " '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00',"
                    " '2024-01-01T00:00:00+00:00')",
                    (page_id, letter.id, digest, PHOTO),
                )
                db.execute(
                    "INSERT INTO page_images (page_id, kind, mime_type, width, height, bytes)"
                    " VALUES (?, 'thumbnail', 'image/jpeg', 256, 192, ?)",
                    (page_id, _THUMBNAIL),
                )
    return count


def _measure(folder: Path) -> dict[str, float]:
    from amanat.app import integrity
    from amanat.core import search
    from amanat.core.storage import documents
    from amanat.core.storage.documents import DocumentFilter
    from amanat.core.vault import Archive

    times: dict[str, list[float]] = {"unlock": [], "list": [], "search": [], "check": []}
    for _ in range(RUNS):
        started = time.perf_counter()
        archive = Archive.open(folder, PASSWORD)
        times["unlock"].append(time.perf_counter() - started)
        try:
            started = time.perf_counter()
            ids = documents.ids(archive.db, DocumentFilter(), "date", True)
            documents.summaries(archive.db, ids[:50])
            times["list"].append(time.perf_counter() - started)
            started = time.perf_counter()
            search.search(archive.db, "Evin")
            times["search"].append(time.perf_counter() - started)
            started = time.perf_counter()
            report = integrity.check_archive(archive)
            times["check"].append(time.perf_counter() - started)
            if not report.healthy:
                raise AssertionError(report.problems)
        finally:
            archive.lock()
    return {name: median(values) for name, values in times.items()}


def run(workdir: Path, quick: bool) -> Section:
    default = "0.25,1" if quick else "1,20"
    sizes = [float(s) for s in os.environ.get("AMANAT_BENCH_SIZES_GB", default).split(",")]
    results = []
    for gigabytes in sizes:
        folder = workdir / f"archive-{gigabytes:g}GB.amanat"
        progress(f"sizes: generating {gigabytes:g} GB")
        count = _generate(folder, gigabytes)
        progress(f"sizes: measuring {gigabytes:g} GB")
        database = (folder / "archive.db").stat().st_size
        results.append((gigabytes, count, database, _measure(folder)))
    section = Section("Archive size: opening, listing, searching and checking")
    section.text(
        "Generated archives of 4 MB photos, one letter each, in sparse segments (the unlock"
        " and the quick check look at the segments' sizes and the index, never at an"
        " object). Unlock is mostly Argon2id at the floor, the same for every size."
        f" Median of {RUNS} runs, in milliseconds."
    )
    section.table(
        ["archive", "letters", "archive.db", "unlock", "first screen", "search", "quick check"],
        [
            [
                f"{gigabytes:g} GB",
                f"{count:,}",
                f"{database / 1e6:,.1f} MB",
                *(f"{times[k] * 1000:,.0f}" for k in ("unlock", "list", "search", "check")),
            ]
            for gigabytes, count, database, times in results
        ],
    )
    if len(results) >= 2:
        small, large = results[0][3], results[-1][3]
        section.bullets(
            [
                f"{name}: {large[name] / small[name]:.2f}× from {results[0][0]:g} GB to"
                f" {results[-1][0]:g} GB"
                for name in ("unlock", "list", "search", "check")
            ]
        )
    return section
