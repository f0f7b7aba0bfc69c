"""The window going while a recording is read never hangs and never deletes the device
under a reading thread: a dropped device is at its end at once and reads nothing, ``settle``
waits for the reads under way (the interpreter's lock released meanwhile), and the real
window, in a process of its own, ends cleanly when closed while a recording is being
opened or quit while it plays. The slow, repeated runs of every ending are in
tests/reliability/test_playing_ends.py."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QIODevice

from amanat.gui.recording_device import CHUNK, QUIET, RecordingDevice
from tests.helpers.playing import InMemory
from tests.reliability.playing_session import (
    LOADING_VARIABLE,
    PASSWORD_VARIABLE,
    SLOW_VARIABLE,
    make_archive,
)
from tests.reliability.test_playing_ends import run_session
from tests.reliability.test_real_session import Places


class Slow(InMemory):
    """Each range takes ``seconds``, as from an old USB stick; ``inside`` is set meanwhile."""

    def __init__(self, data: bytes, seconds: float) -> None:
        super().__init__(data)
        self.seconds = seconds
        self.inside = threading.Event()

    def read_range(self, start: int, length: int) -> bytes:
        self.inside.set()
        time.sleep(self.seconds)
        return super().read_range(start, length)


def _opened(source: InMemory) -> RecordingDevice:
    device = RecordingDevice(source)
    assert device.open(QIODevice.OpenModeFlag.ReadOnly)
    return device


def test_a_dropped_device_is_at_its_end_and_reads_nothing() -> None:
    device = _opened(InMemory(bytes(3 * CHUNK)))
    assert device.bytesAvailable() > 0
    device.drop()
    # At its end, so the player stops asking rather than asking again and again.
    assert device.bytesAvailable() == 0 and device.atEnd()
    assert bytes(device.read(CHUNK).data()) == b""
    assert device.settle(timeout=1)
    device.close()


def test_dropping_and_settling_wait_for_the_read_under_way_on_the_players_thread() -> None:
    source = Slow(bytes(3 * CHUNK), 0.4)
    device = _opened(source)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(bytes(device.read(100).data())))
    reader.start()
    assert source.inside.wait(5)
    began = time.monotonic()
    device.drop()
    assert device.settle()
    # Only once the read had ended (0.4 s after it began): nothing is inside the device.
    assert time.monotonic() - began >= 0.2
    reader.join(5)
    assert got == [bytes(100)]
    assert device.kept_bytes == 0
    device.close()


def test_settle_gives_up_while_reads_keep_coming_and_says_so() -> None:
    device = _opened(InMemory(bytes(3 * CHUNK)))
    device.drop()
    stop = threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            device.read(10)
            time.sleep(QUIET / 10)

    reader = threading.Thread(target=hammer)
    reader.start()
    try:
        assert not device.settle(timeout=3 * QUIET)  # the device must then be kept
    finally:
        stop.set()
        reader.join(5)
    assert device.settle(timeout=5)
    device.close()


PASSWORD = "plum river ostrich lantern velvet"


@pytest.mark.parametrize(
    ("ending", "while_opening"), [("close", True), ("quit", False), ("session", False)]
)
def test_the_real_window_ends_cleanly_while_a_recording_is_read(
    tmp_path: Path, ending: str, while_opening: bool
) -> None:
    places = Places.under(tmp_path)
    archive = places.work / "call.amanat"
    make_archive(archive, PASSWORD, seconds=20)
    environment = places.environment("", **{PASSWORD_VARIABLE: PASSWORD, SLOW_VARIABLE: "0.2"})
    environment["QT_QPA_PLATFORM"] = "offscreen"
    if while_opening:
        environment[LOADING_VARIABLE] = "1"
    code, stdout, stderr = run_session(ending, archive, places, environment)
    assert code == 0, stderr
    assert stdout.split() == ["playing", "done"], stderr
    assert "Traceback" not in stderr and "Error calling Python" not in stderr, stderr
