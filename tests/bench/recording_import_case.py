"""Benchmark: the memory and time a recording's import takes. A 500 MB video (MJPEG in MOV,
720p, made as the playback case makes it) is imported into a new archive in a process of its
own, as ``amanat import`` would: hashed, read to its end by a decoding worker, sealed into a
segment. Peak RSS of the importing process (from just before the import, Linux VmHWM) and of
the decoding worker, and the time. Against it, in the same run, on the same file: ``cp`` then
``sha256sum`` (what copying and hashing it costs at the least), and reading it whole into
memory and hashing it in Python (what an import that holds the file costs at the least; the
import did that before, and sent the worker a copy).

    python -m tests.bench --only recording_import [--quick]
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.bench.measure import clocked, progress, secs, timed
from tests.bench.playback_case import video
from tests.bench.report import Section

if TYPE_CHECKING:
    from amanat.core.database import Database

NAME = "recording_import"
PASSWORD = "correct horse battery staple"
VIDEO_BYTES, QUICK_VIDEO_BYTES = 500 * 1024 * 1024, 60 * 1024 * 1024


def run(workdir: Path, quick: bool) -> Section:
    size = QUICK_VIDEO_BYTES if quick else VIDEO_BYTES
    progress(f"making a {size // 2**20} MB video")
    path = workdir / "testimony.mov"
    video(path, size)
    mib = path.stat().st_size / 2**20

    progress("cp, then sha256sum")
    copy = workdir / "copy.mov"
    started = time.perf_counter()
    subprocess.run(["cp", str(path), str(copy)], check=True)
    subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)
    baseline = time.perf_counter() - started
    copy.unlink()

    whole = _child("read whole", path, workdir)
    imported = _child("import", path, workdir)
    section = Section("Importing a recording")
    section.text(
        f"A {mib:,.0f} MiB video (MJPEG in MOV, 720p) just written, so every row reads it from"
        " the page cache. Each Python row runs in a process of its own; its peak RSS is counted"
        " from just before the work (Amanat's modules already loaded), and the decoding"
        " worker's from its start."
    )
    section.table(
        ["way", "time", "process before", "process peak", "decoding worker peak"],
        [
            ["cp, then sha256sum (baseline)", secs(baseline), "–", "–", "–"],
            [
                "read whole and hashed in Python (baseline)",
                secs(whole["seconds"]),
                f"{whole['before']:,.0f} MiB",
                f"{whole['peak']:,.0f} MiB",
                "–",
            ],
            [
                "amanat import (hash, worker reads to its end, sealed chunk by chunk)",
                secs(imported["seconds"]),
                f"{imported['before']:,.0f} MiB",
                f"{imported['peak']:,.0f} MiB",
                f"{imported['worker']:,.0f} MiB",
            ],
            [
                f"its stripped copy ({imported['strip_size']:,.0f} MiB): the original lent by"
                " ranges, the copy kept whole",
                secs(imported["strip_seconds"]),
                f"{imported['strip_before']:,.0f} MiB",
                f"{imported['strip_peak']:,.0f} MiB",
                f"{imported['strip_worker']:,.0f} MiB",
            ],
            [
                "page export of its stripped copy, written into the file by the worker",
                secs(imported["export_seconds"]),
                f"{imported['export_before']:,.0f} MiB",
                f"{imported['export_peak']:,.0f} MiB",
                f"{imported['export_worker']:,.0f} MiB",
            ],
            [
                f"a bundle of it ({imported['bundle_size']:,.0f} MiB, encrypted): the stripped"
                " copy measured, then made again into the bundle as the worker makes it",
                secs(imported["bundle_seconds"]),
                f"{imported['bundle_before']:,.0f} MiB",
                f"{imported['bundle_peak']:,.0f} MiB",
                f"{imported['bundle_worker']:,.0f} MiB",
            ],
        ],
    )
    section.text(
        "The bundle's time, by part: measuring the stripped copy (its size and SHA-256; made "
        "twice when the muxer goes back to fill in sizes, as a MOV's does) "
        + secs(imported["bundle_measuring"])
        + ", making it a last time into the bundle, hashed and encrypted as it comes "
        + secs(imported["bundle_writing"])
        + "."
    )
    section.text(
        "The import's time, by part: hashing it "
        + secs(imported["hashing"])
        + ", the worker reading it to its end (starting the worker included) "
        + secs(imported["probing"])
        + ", sealing it into the segment "
        + secs(imported["sealing"])
        + ", and syncing the segment to the disk before the commit "
        + secs(imported["syncing"])
        + " (cp does not sync)."
    )
    path.unlink()
    return section


def _child(way: str, path: Path, workdir: Path) -> dict[str, float]:
    progress(way)
    folder = workdir / "import.amanat"
    try:
        done = subprocess.run(
            [sys.executable, "-m", __name__, way, str(path), str(folder)],
            capture_output=True,
            text=True,
            check=True,
            timeout=1200,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _measure(way: str, path: Path, folder: Path) -> dict[str, float]:
    """Runs in the child process."""
    from amanat.core import decoding
    from amanat.core.keyslots import FLOOR
    from amanat.core.scans import import_files, reading
    from amanat.core.segments import objects, segment_files
    from amanat.core.vault import Archive

    archive = Archive.create(folder, PASSWORD, kdf=FLOOR) if way == "import" else None
    # Start the peak again from here: creating the archive (Argon2id) peaked higher.
    Path("/proc/self/clear_refs").write_text("5")
    before = _status_mib("self", "VmRSS")
    started = time.perf_counter()
    worker = 0.0
    parts: dict[str, float] = {}
    if archive is None:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        del data
    else:
        with (
            clocked(reading, "_hash") as hashing,
            clocked(decoding, "run") as probing,
            clocked(objects, "put_file") as sealing,
            clocked(segment_files, "sync") as syncing,
        ):
            report = import_files(archive.db, [path])
        assert len(report.documents) == 1, report
        worker = max(_status_mib(str(p), "VmHWM") for p in decoding.decoders().process_ids())
        parts = {
            "hashing": hashing.seconds,
            "probing": probing.seconds,
            "sealing": sealing.seconds,
            "syncing": syncing.seconds,
        }
    seconds = time.perf_counter() - started
    peak = _status_mib("self", "VmHWM")
    if archive is not None:
        page_id = report.documents[0].page_ids[0]
        parts.update(_strip(archive.db, page_id))
        parts.update(_export(archive.db, page_id, folder.parent / "exported.mov"))
        document_id = report.documents[0].document_id
        parts.update(_bundle(archive.db, document_id, folder.parent / "bundle.age"))
        archive.lock()
    return {"seconds": seconds, "before": before, "peak": peak, "worker": worker, **parts}


def _strip(db: Database, page_id: str) -> dict[str, float]:
    """The stripped copy of the page just imported, as ``page export`` and bundles make it;
    peaks counted again from here, in this process and in the worker."""
    from amanat.core import decoding
    from amanat.core.scans.export import sanitised_copy

    workers = decoding.decoders().process_ids()
    for process in ("self", *map(str, workers)):
        Path(f"/proc/{process}/clear_refs").write_text("5")
    before = _status_mib("self", "VmRSS")
    seconds, copy = timed(lambda: sanitised_copy(db, page_id))
    return {
        "strip_seconds": seconds,
        "strip_before": before,
        "strip_peak": _status_mib("self", "VmHWM"),
        # Another worker than the import's may have made it, started since: asked again.
        "strip_worker": max(
            _status_mib(str(p), "VmHWM") for p in decoding.decoders().process_ids()
        ),
        "strip_size": len(copy.data) / 2**20,
    }


def _export(db: Database, page_id: str, target: Path) -> dict[str, float]:
    """``amanat page export``'s stripped copy, written into its file by the worker."""
    from amanat.core import decoding
    from amanat.core.scans.export import write_recording

    workers = decoding.decoders().process_ids()
    for process in ("self", *map(str, workers)):
        Path(f"/proc/{process}/clear_refs").write_text("5")
    before = _status_mib("self", "VmRSS")
    seconds, _ = timed(lambda: write_recording(db, page_id, target, original=False))
    result = {
        "export_seconds": seconds,
        "export_before": before,
        "export_peak": _status_mib("self", "VmHWM"),
        "export_worker": max(
            _status_mib(str(p), "VmHWM") for p in decoding.decoders().process_ids()
        ),
    }
    target.unlink()
    return result


def _bundle(db: Database, document_id: str, target: Path) -> dict[str, float]:
    """A bundle of the document just imported, its recording leaving as a stripped copy."""
    from amanat.core import decoding
    from amanat.core.bundle import X25519Identity, stripped_recordings
    from amanat.core.bundle.export import ExportScope, plan_export, write_bundle

    plan = plan_export(db, ExportScope(document_ids=(document_id,)))
    assert len(plan.pages) == 1, plan
    recipient = X25519Identity.generate().recipient()
    workers = decoding.decoders().process_ids()
    for process in ("self", *map(str, workers)):
        Path(f"/proc/{process}/clear_refs").write_text("5")
    before = _status_mib("self", "VmRSS")
    with (
        clocked(stripped_recordings, "measure") as measuring,
        clocked(stripped_recordings, "write") as writing,
    ):
        seconds, _ = timed(lambda: write_bundle(db, plan, target, [recipient]))
    result = {
        "bundle_seconds": seconds,
        "bundle_before": before,
        "bundle_peak": _status_mib("self", "VmHWM"),
        "bundle_worker": max(
            _status_mib(str(p), "VmHWM") for p in decoding.decoders().process_ids()
        ),
        "bundle_size": target.stat().st_size / 2**20,
        "bundle_measuring": measuring.seconds,
        "bundle_writing": writing.seconds,
    }
    target.unlink()
    return result


def _status_mib(process: str, field: str) -> float:
    """A memory figure of a process from /proc (Linux): VmRSS now, VmHWM its peak since the
    last reset."""
    for line in Path(f"/proc/{process}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/{process}/status")


if __name__ == "__main__":
    print(json.dumps(_measure(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))))
