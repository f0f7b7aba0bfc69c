"""A recording playing in the real window when the window goes: the test-only driver that
``test_playing_ends.py`` (and its quick twin in tests/gui/) start as
``python -m tests.reliability.playing_session ENDING FOLDER``.

It builds the window as ``amanat.gui.app.main`` does (the worker on a thread of its own, the
settings where Qt puts them), unlocks the archive in FOLDER, opens its one document, whose
first page is a recording, plays it until the player has read from it for half a second,
and then ends the way ENDING says:

- ``lock``: Ctrl+L, then the window closed;
- ``quit``: Ctrl+Q, the Quit menu entry;
- ``language``: the window made anew in Persian (as the settings dialog does), the archive
  still open in it, then that window closed;
- ``close``: the window closed, as its title bar's button does;
- ``session``: the application told to quit with the window still open (the desktop's
  session ending).

It prints ``playing`` once the recording plays and ``done`` after the event loop has ended.
A watchdog prints every thread's stack and exits with code 3 if the process is still there
25 seconds after the ending began: the parent's own timeout then finds a stack to show, not
a silent process.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

PASSWORD_VARIABLE = "AMANAT_TEST_PASSWORD"
LOADING_VARIABLE = "AMANAT_TEST_WHILE_LOADING"
"""Set: the ending comes while the player is still opening the recording, not playing."""
SLOW_VARIABLE = "AMANAT_TEST_SLOW_READS"
"""Seconds each read of the recording takes more, as from an old USB stick: the player's
thread is then inside the device (reading) when the window goes, which is what could hang."""
ENDINGS = ("lock", "quit", "language", "close", "session")
WATCHDOG_SECONDS = 25


def recording(seconds: int = 60) -> bytes:
    """A WAV of noise at 48 kHz in stereo (11 MB a minute): the player reads it all the
    time it plays, so a read is under way whenever the window goes."""
    import io
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(2)
        writer.setframerate(48000)
        writer.writeframes(os.urandom(seconds * 48000 * 4))
    return out.getvalue()


def make_archive(folder: Path, password: str, seconds: int = 60) -> None:
    """An archive at ``folder`` holding one document whose first page is ``recording()``."""
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents
    from amanat.core.vault import Archive
    from tests.helpers.playing import store_recording

    with Archive.create(folder, password, kdf=FLOOR) as archive:
        call = documents.add(archive.db, Document(kind=DocumentKind.NOTE, title="Call"))
        store_recording(archive.db, call.id, recording(seconds))


def say(line: str) -> None:
    print(line, flush=True)


def wait_until(condition: Callable[[], object], seconds: float = 10) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain")
        QApplication.processEvents()
        time.sleep(0.01)


def main(arguments: list[str]) -> int:
    from amanat.core import process_hardening

    process_hardening.harden()  # first, as amanat.gui.app.main does
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from amanat.gui.i18n import apply_language
    from amanat.gui.main_window import MainWindow
    from amanat.gui.settings import Preferences, RememberedLocation
    from amanat.gui.worker import ThreadWorker

    ending, folder = arguments[0], Path(arguments[1])
    slow = float(os.environ.get(SLOW_VARIABLE) or 0)
    reading = _slow_reads(slow) if slow else None
    assert ending in ENDINGS, ending
    application = QApplication(sys.argv[:1])
    application.setApplicationName("amanat")
    application.setApplicationDisplayName("Amanat")
    location = RememberedLocation.default()
    location.remember(folder)
    preferences = Preferences.for_language("en")
    apply_language(application, preferences)
    worker = ThreadWorker()
    application.aboutToQuit.connect(worker.shutdown)
    window = MainWindow(worker, location, preferences)
    windows = [window]
    window.replaced.connect(lambda new: windows.append(new))
    window.resize(1100, 760)
    window.show()
    # The window's shortcuts (Ctrl+L, Ctrl+Q) reach only the active window.
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window)
    window.start()
    failed: list[bool] = []

    def run() -> None:
        try:
            play(windows[-1])
            if reading is not None:  # the worst moment: the player's thread inside a read
                wait_until(reading.is_set)
            say("playing")  # or opening it
            faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
            end(ending, application, windows)
        except BaseException:
            traceback.print_exc()
            failed.append(True)
            application.exit(1)

    QTimer.singleShot(0, run)
    code = application.exec()
    say("done")
    return 1 if failed else code


def _slow_reads(seconds: float) -> threading.Event:
    """Reads of the recording made slower; the event is set while one is under way."""
    from amanat.gui.recording_device import RecordingDevice

    # Slowed where a disk is slow: opening a chunk, inside the read.
    chunk = RecordingDevice._chunk
    reading = threading.Event()

    def slowly(device: RecordingDevice, index: int) -> bytes | None:
        reading.set()
        try:
            time.sleep(seconds)
            return chunk(device, index)
        finally:
            reading.clear()

    RecordingDevice._chunk = slowly  # type: ignore[method-assign]
    return reading


def play(window: object) -> None:

    from amanat.gui.main_window import MainWindow
    from amanat.gui.worker import Session

    assert isinstance(window, MainWindow)
    window.unlock(os.environ[PASSWORD_VARIABLE])
    wait_until(lambda: window.is_unlocked, 30)
    found: list[str] = []

    def the_document(session: Session) -> str:
        return str(session.require().db.value("SELECT id FROM documents"))

    window._worker.submit(the_document, window, found.append)
    wait_until(lambda: found)
    window.archive_view.show_document(found[0])
    player = window.archive_view.document.player
    wait_until(lambda: player.device is not None and player._player is not None)
    if os.environ.get(LOADING_VARIABLE):
        return  # ended while the recording is still being opened
    wait_until(lambda: player.player.duration() > 0, 30)
    player.play_or_pause()
    wait_until(lambda: player.seconds > 0.5, 30)
    assert player.playing


def end(ending: str, application: object, windows: list[object]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from amanat.gui.main_window import MainWindow

    window = windows[-1]
    assert isinstance(window, MainWindow) and isinstance(application, QApplication)
    control = Qt.KeyboardModifier.ControlModifier
    if ending == "lock":
        QTest.keyClick(window, Qt.Key.Key_L, control)
        assert not window.is_unlocked
        window.close()
    elif ending == "quit":
        QTest.keyClick(window, Qt.Key.Key_Q, control)  # File ▸ Quit
    elif ending == "language":
        new = window.choose_language("fa")
        assert isinstance(new, MainWindow) and new is windows[-1]
        wait_until(lambda: new.is_unlocked)
        # The old window is deleted once control returns to the event loop; then the new
        # one, showing the archive again, is closed.
        QTest.qWait(300)
        new.close()
    elif ending == "close":
        window.close()
    else:
        application.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
