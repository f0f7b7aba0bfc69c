"""Benchmark: importing 200 generated 12-megapixel phone photos (about 4 MB each).

Compared with a baseline in the same run that only reads each file, hashes it and makes its
thumbnail (with JPEG draft decoding) in a plain loop. Each side runs in its own process so its
peak memory (the process's maximum resident set) is its own. Goal: the import within 1.3× of
the baseline's time, peak memory under 500 MB. AMANAT_BENCH_SCAN_PHOTOS sets the number of
photos (200 by default).

    python -m tests.bench --only scans [--quick]   (or python -m tests.bench.scans)
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from tests.bench.report import Section

PHOTOS = int(os.environ.get("AMANAT_BENCH_SCAN_PHOTOS", "200"))
QUICK_PHOTOS = 20
SIZE = (4000, 3000)  # 12 MP
GOAL_RATIO = 1.3
GOAL_PEAK_MB = 500


def make_photos(folder: Path, count: int) -> int:
    """``count`` distinct 12 MP JPEGs of about 4 MB: one noisy picture (noise keeps the JPEG
    as large as a real photo's), each copy made unique by a comment so each has its own hash.
    Returns the average size in bytes."""
    noise = [Image.effect_noise(SIZE, 16) for _ in range(3)]
    gradient = Image.linear_gradient("L").resize(SIZE)
    photo = Image.merge("RGB", [Image.blend(n, gradient, 0.3) for n in noise])
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    for number in range(count):
        text = f"photo {number}".encode()
        comment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
        (folder / f"IMG_{number:04}.jpg").write_bytes(data[:2] + comment + data[2:])
    return len(data)


def baseline(folder: Path) -> None:
    """Read, hash, thumbnail: the least any importer must do."""
    for path in sorted(folder.glob("*.jpg")):
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (256, 192))
            image.thumbnail((256, 256))
            image.save(io.BytesIO(), "JPEG", quality=80)


def amanat_import(folder: Path) -> tuple[float, float]:
    """The import into a new archive as the application and the command line run it: every
    file in with its thumbnail, then the previews pass. Both are timed, not the archive's
    creation (key derivation)."""
    from amanat.core.keyslots import FLOOR
    from amanat.core.scans import ImportOptions, import_files, previews
    from amanat.core.vault import Archive

    with tempfile.TemporaryDirectory() as home:
        archive = Archive.create(Path(home) / "bench.amanat", "benchmark password", kdf=FLOOR)
        try:
            start = time.perf_counter()
            report = import_files(archive.db, [folder], ImportOptions(previews_later=True))
            seconds = time.perf_counter() - start
            assert not report.refused and len(report.documents) == len(list(folder.glob("*")))
            start = time.perf_counter()
            made = previews.make_previews(archive.db, previews.missing(archive.db))
            preview_seconds = time.perf_counter() - start
            assert made == len(report.documents)
        finally:
            archive.lock()
    return seconds, preview_seconds


def _timed_baseline(folder: Path) -> float:
    start = time.perf_counter()
    baseline(folder)
    return time.perf_counter() - start


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: on Linux the
    latter keeps the parent's peak across fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(kind: str, folder: Path) -> None:
    if kind == "baseline":
        seconds, preview_seconds = _timed_baseline(folder), 0.0
    else:
        seconds, preview_seconds = amanat_import(folder)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "previews": preview_seconds,
                "peak_mb": _peak_mb(),
                "workers_peak_mb": _workers_peak_mb(),
            }
        )
    )


def _workers_peak_mb() -> float:
    """The largest peak (VmHWM) of the decoding workers, which are processes of their own
    and not in this one's; read before they stop."""
    from amanat.core import decoding

    peaks = [0.0]
    for pid in decoding.decoders().process_ids():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    decoding.close()
    return max(peaks)


def _measure(kind: str, folder: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.scans", "--child", kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


NAME = "scans"


def run(workdir: Path, quick: bool) -> Section:
    """Run the benchmark in ``workdir``; returns its section of the report."""
    count = QUICK_PHOTOS if quick else PHOTOS
    folder = workdir / "photos"
    folder.mkdir()
    average = make_photos(folder, count)
    _measure("baseline", folder)  # warm the page cache so both sides read from memory
    base = _measure("baseline", folder)
    ours = _measure("import", folder)
    ratio = ours["seconds"] / base["seconds"]
    verdict_time = "met" if ratio <= GOAL_RATIO else "missed"
    verdict_memory = "met" if ours["peak_mb"] < GOAL_PEAK_MB else "missed"
    section = Section(f"Scan import: {count} JPEGs of 12 MP ({average / 1e6:.1f} MB each)")
    section.text(
        "Each side runs in a process of its own, so its peak memory (VmHWM) is its own. The "
        "import is `scans.import_files` into a new archive, as the application and `amanat "
        "import` run it: two reading threads (read and hash each file, then hand its bytes "
        "to one of two decoding worker processes, `core/decoding`, for JPEG draft decoding at "
        "the thumbnail's scale, thumbnail and metadata report) and the writes (the original "
        "sealed into a segment, its rows in the database) on the calling thread, one "
        "transaction per file. The workers are processes of their own, so their peak is on a "
        "row of its own. The screen-sized previews follow in a second pass (`scans.previews`: "
        "in the application in the background, a few pages per turn; a page opened before its "
        "turn gets its preview at once), timed on its own row and not part of the ratio, since "
        "the documents are in the archive and listed when the import ends."
    )
    section.table(
        ["run", "seconds", "scans per second", "peak memory"],
        [
            [
                "baseline: read, hash, thumbnail in a plain loop",
                f"{base['seconds']:.1f}",
                f"{count / base['seconds']:.1f}",
                f"{base['peak_mb']:.0f} MB",
            ],
            [
                "amanat import",
                f"{ours['seconds']:.1f}",
                f"{count / ours['seconds']:.1f}",
                f"{ours['peak_mb']:.0f} MB",
            ],
            [
                "then the previews pass (all pages)",
                f"{ours['previews']:.1f}",
                f"{count / ours['previews']:.1f}",
                "(same process)",
            ],
            [
                "the two decoding workers (each, at most)",
                "",
                "",
                f"{ours['workers_peak_mb']:.0f} MB",
            ],
        ],
    )
    section.text(
        f"Import time is {ratio:.2f}× the baseline (goal ≤ {GOAL_RATIO}×: {verdict_time}); "
        f"peak memory {ours['peak_mb']:.0f} MB (goal < {GOAL_PEAK_MB} MB: {verdict_memory})."
    )
    return section


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], Path(sys.argv[3]))
    else:
        with tempfile.TemporaryDirectory(prefix="amanat-bench-") as work:
            print(run(Path(work), quick="--quick" in sys.argv).markdown())
