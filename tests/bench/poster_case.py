"""Benchmark: a video page's thumbnail (its poster frame), drawn by the previews pass. A
500 MB video (MJPEG in MOV, 720p, its index at its end as phones write it; the playback
case's) is sealed into an archive and its thumbnail drawn as the pass draws it: the
video's first 32 MB and last 8 MB read from the archive and handed to a decoding worker.
Against it, in the same run, the same frame drawn from the whole file handed to the worker
(what drawing it like a photo would cost). Time, and the peak RSS of the archive's process
from just before (Linux: /proc/self/clear_refs, then VmHWM); the worker's own memory is
apart.

    python -m tests.bench --only posters [--quick]
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.bench.measure import progress, secs, timed
from tests.bench.playback_case import QUICK_VIDEO_BYTES, VIDEO_BYTES, video
from tests.bench.report import Section

NAME = "posters"
PASSWORD = "correct horse battery staple"


def run(workdir: Path, quick: bool) -> Section:
    from amanat.core import decoding
    from amanat.core.keyslots import FLOOR
    from amanat.core.recordings import posters
    from amanat.core.records import Document, DocumentKind
    from amanat.core.scans import previews
    from amanat.core.storage import documents, pages
    from amanat.core.storage.pages import ScannedPage
    from amanat.core.vault import Archive

    size = QUICK_VIDEO_BYTES if quick else VIDEO_BYTES
    progress(f"making a {size // 2**20} MB video")
    path = workdir / "testimony.mov"
    video(path, size)
    folder = workdir / "posters.amanat"
    archive = Archive.create(folder, PASSWORD, kdf=FLOOR)
    rows = []
    try:
        db = archive.db
        document = documents.add(db, Document(DocumentKind.TESTIMONY, "A testimony"))
        data = path.read_bytes()
        bare = ScannedPage(None, 1280, 720, "{}", has_location=False, has_person_name=False,
                           images=())  # fmt: skip
        [page] = pages.add_scanned(
            db, document.id, data, hashlib.sha256(data).hexdigest(), "video/quicktime", [bare],
            original_name=path.name,
        )  # fmt: skip
        del data
        decoding.run("warm", posters.sound_thumbnail)  # the workers started before timing
        progress("drawing the poster frame from the excerpt")
        _reset_peak()
        before = _status_mib("VmRSS")
        seconds, _ = timed(lambda: previews.make_previews(db, [page.id]))
        peak = _status_mib("VmHWM")
        poster = pages.image(db, page.id, "thumbnail")
        assert poster is not None and poster.data != posters.video_thumbnail().data
        rows.append(["first 32 MB and last 8 MB", secs(seconds), _grown(before, peak)])
        progress("drawing it from the whole file")
        _reset_peak()
        before = _status_mib("VmRSS")

        def whole() -> object:
            sealed = pages.original(db, page.id)
            excerpt = posters.Excerpt(sealed.size, sealed.read(), b"")
            return decoding.run(path.name, posters.poster_frame, excerpt, "video/quicktime")

        seconds, drawn = timed(whole)
        peak = _status_mib("VmHWM")
        assert drawn is not None
        rows.append(["the whole file", secs(seconds), _grown(before, peak)])
    finally:
        archive.lock()
    section = Section("A video's poster frame")
    section.text(
        f"A {size / 2**20:,.0f} MiB video (MJPEG in MOV, 1280×720, its index at its end),"
        " sealed in the archive; its thumbnail drawn by the previews pass in a decoding worker."
        " Peak RSS of the archive's process while drawing, and what it grew by."
    )
    section.table(["given to the worker", "time", "peak (growth)"], rows)
    return section


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _grown(before: float, peak: float) -> str:
    return f"{peak:,.0f} MiB (+{peak - before:,.0f})"


def _status_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")
