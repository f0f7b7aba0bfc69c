"""Benchmark: the memory a recording takes while it plays from the archive. A 1-hour call
(Ogg/Opus, as messengers send voice notes) and a 500 MB video (MJPEG in MOV, 720p) are
sealed into an archive, then each is played in a process of its own through the player's
device (gui/recording_device.py), which opens 64 KiB chunks as the player asks; the
player jumps to twenty places across the whole recording and plays a moment at each.
Against it, in the same run, the same playing from a QBuffer holding the whole file in
memory (what handing the decrypted file to the player would cost). Peak RSS of each process
from the moment the player opens (Linux: /proc/self/clear_refs, then VmHWM).

    python -m tests.bench --only playback [--quick]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bench.measure import progress
from tests.bench.report import Section

NAME = "playback"
PASSWORD = "correct horse battery staple"
CALL_SECONDS, QUICK_CALL_SECONDS = 3600, 300
VIDEO_BYTES, QUICK_VIDEO_BYTES = 500 * 1024 * 1024, 60 * 1024 * 1024
PLACES = 20
MOMENT_MS = 400


def call(path: Path, seconds: int) -> None:
    """A mono Opus recording at 24 kb/s of ``seconds`` of noise (the hardest to compress)."""
    import av

    with av.open(str(path), "w", format="ogg") as out:
        stream = out.add_stream("libopus", rate=48000)
        stream.layout = "mono"
        stream.bit_rate = 24000
        samples = 960
        for start in range(0, 48000 * seconds, samples):
            frame = av.AudioFrame(format="s16", layout="mono", samples=samples)
            frame.planes[0].update(os.urandom(samples * 2))
            frame.sample_rate = 48000
            frame.pts = start
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def video(path: Path, size: int) -> None:
    """An MJPEG video of noise at 25 frames a second until it is ``size`` bytes: 25 distinct
    frames are encoded once and their packets muxed again in turn (each is a key frame)."""
    import av

    with av.open(str(path), "w", format="mov") as out:
        stream = out.add_stream("mjpeg", rate=25)
        stream.width, stream.height = 1280, 720
        stream.pix_fmt = "yuvj420p"
        stream.options = {"q:v": "2"}
        packets = []
        for _ in range(25):
            frame = av.VideoFrame(1280, 720, "yuvj420p")
            for plane in frame.planes:
                plane.update(os.urandom(plane.buffer_size))
            packets += [bytes(p) for p in stream.encode(frame)]
        packets += [bytes(p) for p in stream.encode(None)]
        written = 0
        index = 0
        while written < size:
            data = packets[index % len(packets)]
            packet = av.Packet(data)
            packet.stream = stream
            packet.pts = packet.dts = index
            packet.time_base = stream.time_base = stream.codec_context.time_base
            out.mux(packet)
            written += len(data)
            index += 1


def run(workdir: Path, quick: bool) -> Section:
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents
    from amanat.core.vault import Archive
    from tests.helpers.playing import store_recording

    seconds = QUICK_CALL_SECONDS if quick else CALL_SECONDS
    size = QUICK_VIDEO_BYTES if quick else VIDEO_BYTES
    progress(f"making a {seconds // 60}-minute call and a {size // 2**20} MB video")
    files = {"call": workdir / "call.ogg", "video": workdir / "video.mov"}
    call(files["call"], seconds)
    video(files["video"], size)
    folder = workdir / "playback.amanat"
    archive = Archive.create(folder, PASSWORD, kdf=FLOOR)
    page_ids = {}
    try:
        document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "A call"))
        for name, path in files.items():
            page_ids[name] = store_recording(
                archive.db, document.id, path.read_bytes(), path.name
            ).id
    finally:
        archive.lock()
    rows = []
    for name, path in files.items():
        results = {
            way: _child(folder, page_ids[name], path, way) for way in ("chunks", "whole file")
        }
        chunks, whole = results["chunks"], results["whole file"]
        label = f"{seconds // 60}-minute call, Opus" if name == "call" else "video, MJPEG in MOV"
        rows.append(
            [
                f"{label}, {path.stat().st_size / 2**20:,.0f} MiB",
                f"{chunks['before']:,.0f} MiB",
                f"{chunks['peak']:,.0f} MiB (+{chunks['peak'] - chunks['before']:,.0f})",
                f"{whole['peak']:,.0f} MiB (+{whole['peak'] - whole['before']:,.0f})",
                f"{chunks['read'] / 2**20:,.1f} MiB",
            ]
        )
    section = Section("Playing a recording from the archive")
    section.text(
        f"Each recording is played in a process of its own (Qt's FFmpeg player, no sound"
        f" device: a null output): it jumps to {PLACES} places across the whole recording and"
        f" plays {MOMENT_MS} ms at each. Peak RSS of the process, and what it grew by from"
        " before the player opened (Qt and the archive loaded)."
    )
    section.table(
        ["recording", "before", "peak, from the archive in chunks",
         "peak, whole file in memory", "bytes opened"],
        rows,
    )  # fmt: skip
    return section


def _child(folder: Path, page_id: str, path: Path, way: str) -> dict[str, float]:
    progress(f"playing {path.name} ({way})")
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.playback_case", str(folder), page_id, way],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _play(folder: Path, page_id: str, way: str) -> dict[str, float]:
    """Runs in the child process: play the page as the window would, and say the peak RSS."""
    from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer, QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink
    from PySide6.QtWidgets import QApplication

    from amanat.core.storage import pages
    from amanat.core.vault import Archive
    from amanat.gui.recording_device import RecordingDevice

    application = QApplication([])
    archive = Archive.open(folder, PASSWORD)
    sealed = pages.original(archive.db, page_id)
    read = 0

    class Counted:
        size = sealed.size

        def read_range(self, start: int, length: int) -> bytes:
            nonlocal read
            read += length
            return sealed.read_range(start, length)

    player = QMediaPlayer()
    output = QAudioOutput()
    player.setAudioOutput(output)
    sink = QVideoSink()
    player.setVideoSink(sink)
    # Start the peak again from here: opening the archive (Argon2id) peaked higher.
    Path("/proc/self/clear_refs").write_text("5")
    before = _status_mib("VmRSS")
    device: QIODevice
    if way == "chunks":
        device = RecordingDevice(Counted())
    else:
        whole = QByteArray(sealed.read())
        read = whole.size()
        device = QBuffer(whole)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    player.setSourceDevice(device, QUrl())

    def wait(milliseconds: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()

    for _ in range(100):
        if player.duration() > 0:
            break
        wait(50)
    player.play()
    for place in range(PLACES):
        player.setPosition(player.duration() * place // PLACES)
        wait(MOMENT_MS)
    player.stop()
    result = {"before": before, "peak": _status_mib("VmHWM"), "read": float(read)}
    archive.lock()
    del application
    return result


def _status_mib(field: str) -> float:
    """A memory figure of this process from /proc (Linux): VmRSS now, VmHWM its peak since
    the last reset."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


if __name__ == "__main__":
    print(json.dumps(_play(Path(sys.argv[1]), sys.argv[2], sys.argv[3])))
