"""A call's recording beside its transcription in the document view: the player opens for
the recording page, a click on a time-coded line plays from there, the line being spoken is
highlighted, F8 marks a line while listening, locking stops playback and drops what was
read, and playing writes nothing of the recording to the disk."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.storage import timecodes as timecode_store
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.playing import quiet_without_sound, store_recording, wav, with_noise

MakeWindow = Callable[[], MainWindow]

CALL = (
    "Mother: Are you eating? Do they let you out in the yard?\n"
    "Nasrin: They give us bread and tea. We walk for an hour on Thursdays.\n"
    "Mother: Your father sends his love; we are coming on Monday.\n"
)
TIMES = (0.0, 4.0, 8.0)
RECORDING = with_noise(wav(12))


@pytest.fixture
def call_folder(archive_folder: Path) -> Path:
    """A testimony: the recording of a 12-second call and its time-coded transcription."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        call = documents.add(db, Document(kind=DocumentKind.TESTIMONY, title="Call from Evin"))
        store_recording(db, call.id, RECORDING)
        text = texts.add(db, Text(call.id, TextKind.TRANSCRIPTION, "en", CALL))
        for line, seconds in zip(CALL.splitlines(keepends=True), TIMES, strict=True):
            timecode_store.mark(db, text.id, CALL.index(line), seconds)
    return archive_folder


def _opened(
    make_window: MakeWindow,
    location: RememberedLocation,
    folder: Path,
    worker: SynchronousWorker,
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    found: list[str] = []

    def run(session: Session) -> str:
        return str(session.require().db.value("SELECT id FROM documents"))

    worker.submit(run, window, found.append)
    window.archive_view.show_document(found[0])
    return window


def _editor(window: MainWindow) -> TextEditor:
    editor = window.archive_view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    return editor


def _click_line(qtbot: QtBot, editor: TextEditor, line: int) -> None:
    cursor = editor.body.textCursor()
    cursor.setPosition(editor.body.document().findBlockByNumber(line).position() + 3)
    point = editor.body.cursorRect(cursor).center()
    qtbot.mouseClick(editor.body.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _ready(qtbot: QtBot, window: MainWindow) -> None:
    player = window.archive_view.document.player
    assert player.isVisibleTo(window)
    qtbot.waitUntil(lambda: player.player.duration() > 11000, timeout=5000)


@quiet_without_sound
def test_a_click_on_a_timed_line_plays_from_there_and_the_spoken_line_is_highlighted(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    call_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, call_folder, worker)
    view = window.archive_view.document
    editor = _editor(window)
    _ready(qtbot, window)
    _click_line(qtbot, editor, 1)
    qtbot.waitUntil(lambda: view.player.seconds >= 4, timeout=3000)
    assert view.player.seconds < 5
    view.player.play_or_pause()
    second = editor.body.document().findBlockByNumber(1)
    qtbot.waitUntil(lambda: view.timed.spoken_line(editor) is not None, timeout=3000)
    assert view.timed.spoken_line(editor) == (
        second.position(),
        second.position() + len(CALL.splitlines()[1]),
    )
    _click_line(qtbot, editor, 2)
    third = editor.body.document().findBlockByNumber(2)
    qtbot.waitUntil(
        lambda: (view.timed.spoken_line(editor) or (0,))[0] == third.position(), timeout=3000
    )
    assert view.player.playing


@quiet_without_sound
def test_f8_while_typing_marks_the_line_at_the_cursor_with_the_time_played(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    call_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, call_folder, worker)
    window.activateWindow()
    view = window.archive_view.document
    editor = _editor(window)
    _ready(qtbot, window)
    view.player.seek(6.5)
    qtbot.waitUntil(lambda: view.player.seconds >= 6.5, timeout=3000)
    editor.body.setFocus()
    cursor = editor.body.textCursor()
    cursor.setPosition(editor.body.document().findBlockByNumber(2).position() + 10)
    editor.body.setTextCursor(cursor)
    with qtbot.waitSignal(view.timed.marked, timeout=3000):
        qtbot.keyClick(editor.body, Qt.Key.Key_F8)
    times = view.timed.times[editor.text.id]
    assert [round(t.seconds, 1) for t in times] == [0.0, 4.0, 6.5]
    assert editor.body.toPlainText() == CALL  # the key typed nothing


@quiet_without_sound
def test_locking_stops_playback_and_drops_what_was_read(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    call_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, call_folder, worker)
    player = window.archive_view.document.player
    _ready(qtbot, window)
    device = player.device
    assert device is not None
    player.play_or_pause()
    qtbot.waitUntil(lambda: player.seconds > 0.3, timeout=3000)
    assert device.kept_bytes > 0
    window.lock()
    assert player.device is None and device.kept_bytes == 0 and not device.isOpen()
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    assert not player.isVisibleTo(window)


@quiet_without_sound
def test_playing_writes_nothing_of_the_recording_to_the_disk(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    call_folder: Path,
    worker: SynchronousWorker,
    tmp_path: Path,
) -> None:
    started = time.time() - 1
    window = _opened(make_window, location, call_folder, worker)
    player = window.archive_view.document.player
    _ready(qtbot, window)
    player.player.setPlaybackRate(2.0)
    player.play_or_pause()
    player.seek(0.5)
    qtbot.waitUntil(lambda: player.seconds > 3, timeout=5000)
    window.lock()
    QApplication.processEvents()
    noise = RECORDING[44 + 8000 * 2 + 1000 : 44 + 8000 * 2 + 1064]
    digest = hashlib.sha256(RECORDING).hexdigest().encode()
    written = []
    for top in {Path(os.environ["HOME"]), tmp_path, Path(tempfile.gettempdir())}:
        for path in _written_since(top, started):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # removed meanwhile: another test's, in the shared temporary folder
            assert noise not in data and digest not in data, path
            written.append(path)
    assert written  # the scan saw the files this session wrote (the archive, its settings)


def _written_since(top: Path, started: float) -> list[Path]:
    found = []
    for folder, _dirs, names in os.walk(top, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            try:
                if path.is_file() and path.stat().st_mtime >= started:
                    found.append(path)
            except OSError:
                continue
    return found
