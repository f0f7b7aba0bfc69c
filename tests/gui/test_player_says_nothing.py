"""Playing a recording writes nothing about it to standard error, which a desktop session may
keep in a file (~/.xsession-errors, the journal): Qt's FFmpeg would describe each recording
opened there, its tags (a title, an artist, a place) among it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.recordings import recording

CANARY = "Zq7Canary Evin ward 209"
PLAY = """
import sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from amanat.gui.player_bar import PlayerBar
from tests.helpers.playing import InMemory
data = open(sys.argv[1], "rb").read()
bar = PlayerBar()
bar.open(InMemory(data))
bar.play_or_pause()
deadline = time.monotonic() + 20
while bar.seconds < 0.4 and time.monotonic() < deadline:
    app.processEvents()
print("played" if bar.seconds >= 0.4 else "not played", flush=True)
bar.drop()
"""


def test_the_player_writes_no_tag_of_a_recording_to_standard_error(tmp_path: Path) -> None:
    call = tmp_path / "call.m4a"
    call.write_bytes(recording("m4a", seconds=2.0, tags={"title": CANARY, "artist": CANARY}))
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", PLAY, str(call)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={
            "PYTHONPATH": f"{root / 'desktop'}:{root}",
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
        },
    )
    assert done.stdout.strip() == "played", done.stderr
    assert CANARY not in done.stderr
    assert "Metadata" not in done.stderr and "Input #0" not in done.stderr
