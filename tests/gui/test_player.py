"""Playing a recording from memory: the device reads and seeks the sealed bytes chunk by
chunk with a bounded cache; the player bar plays, seeks, goes back, changes speed from the
keyboard while a text field has the focus, and drops everything when told (the lock)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QIODevice, Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.errors import StoredObjectDamaged
from amanat.gui.player_bar import PlayerBar
from amanat.gui.recording_device import CHUNK, KEPT, RecordingDevice
from tests.helpers.playing import NO_DEVICE, InMemory, quiet_without_sound, wav


def test_the_device_reads_and_seeks_across_chunks_and_keeps_only_a_few() -> None:
    data = os.urandom(40 * CHUNK + 123)
    device = RecordingDevice(InMemory(data))
    assert device.open(QIODevice.OpenModeFlag.ReadOnly)
    assert not device.isSequential() and device.size() == len(data)
    assert bytes(device.read(CHUNK + 10).data()) == data[: CHUNK + 10]
    for start in (5 * CHUNK - 7, 39 * CHUNK + 100, 17, len(data) - 3):
        assert device.seek(start)
        assert bytes(device.read(2 * CHUNK).data()) == data[start : start + 2 * CHUNK]
    device.seek(0)
    whole = bytearray()
    while not device.atEnd():
        whole += bytes(device.read(3 * CHUNK).data())
        assert device.kept_bytes <= KEPT * CHUNK
    assert whole == data
    device.drop()
    assert device.kept_bytes == 0 and device.settle()


def test_a_chunk_that_does_not_open_ends_the_reading_and_says_so(qtbot: QtBot) -> None:
    class Damaged(InMemory):
        def read_range(self, start: int, length: int) -> bytes:
            if start >= CHUNK:
                raise StoredObjectDamaged()
            return super().read_range(start, length)

    device = RecordingDevice(Damaged(bytes(3 * CHUNK)))
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    with qtbot.waitSignal(device.damaged, timeout=1000):
        got = bytes(device.read(3 * CHUNK).data())
    assert got == bytes(CHUNK)
    assert device.kept_bytes == 0


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[tuple[QWidget, PlayerBar, QPlainTextEdit]]:
    """A window with a player bar and a text field, the field having the focus."""
    window = QWidget()
    player = PlayerBar()
    typing = QPlainTextEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(player)
    layout.addWidget(typing)
    window.addActions(player.actions_for_keys)
    qtbot.addWidget(window)
    window.resize(640, 320)
    window.show()
    window.activateWindow()
    typing.setFocus()
    yield window, player, typing
    player.drop()  # the player's threads stop before the window goes


@quiet_without_sound
def test_the_bar_plays_seeks_and_goes_back_from_memory(
    qtbot: QtBot, bar: tuple[QWidget, PlayerBar, QPlainTextEdit]
) -> None:
    _window, player, _typing = bar
    source = InMemory(wav(12))
    player.open(source)
    qtbot.waitUntil(lambda: player.player.duration() > 11000, timeout=5000)
    player.play_or_pause()
    qtbot.waitUntil(lambda: player.player.position() > 200, timeout=5000)
    assert player.playing and player.play_button.text() == "Pause"
    player.seek(8)
    qtbot.waitUntil(lambda: player.seconds >= 8, timeout=3000)
    player.back()
    assert 2.5 <= player.seconds < 5
    assert {start // CHUNK for start, _ in source.reads} >= {0}
    assert player.time.text().endswith("/ 0:12")


@quiet_without_sound
def test_the_keys_work_while_typing_in_a_text(
    qtbot: QtBot, bar: tuple[QWidget, PlayerBar, QPlainTextEdit]
) -> None:
    _window, player, typing = bar
    player.open(InMemory(wav(12)))
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=5000)
    qtbot.keyClick(typing, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: player.playing, timeout=3000)
    qtbot.keyClick(typing, Qt.Key.Key_F6)
    qtbot.keyClick(typing, Qt.Key.Key_F6)
    assert player.player.playbackRate() == 1.5
    assert player.player.pitchCompensation()
    qtbot.keyClick(typing, Qt.Key.Key_F5)
    assert player.player.playbackRate() == 1.25
    player.seek(9)
    qtbot.waitUntil(lambda: player.seconds >= 9, timeout=3000)
    qtbot.keyClick(typing, Qt.Key.Key_F7)
    assert player.seconds < 6
    qtbot.keyClick(typing, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not player.playing, timeout=3000)
    assert typing.toPlainText() == ""  # the keys typed nothing into the text
    assert typing.hasFocus()


@quiet_without_sound
def test_dropping_stops_playback_and_forgets_every_chunk(
    qtbot: QtBot, bar: tuple[QWidget, PlayerBar, QPlainTextEdit]
) -> None:
    _window, player, _typing = bar
    player.open(InMemory(wav(12)))
    device = player.device
    assert device is not None
    player.play_or_pause()
    qtbot.waitUntil(lambda: player.player.position() > 200, timeout=5000)
    assert device.kept_bytes > 0
    player.drop()
    assert player.device is None
    assert device.kept_bytes == 0 and not device.isOpen()
    assert player.player.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    player.play_or_pause()  # nothing to play: nothing happens
    assert not player.playing


@pytest.mark.qt_log_ignore(*NO_DEVICE, "Could not open media")
def test_bytes_that_are_no_recording_get_one_sentence(
    qtbot: QtBot, bar: tuple[QWidget, PlayerBar, QPlainTextEdit]
) -> None:
    _window, player, _typing = bar
    player.open(InMemory(b"RIFF" + os.urandom(5000)))
    player.play_or_pause()
    qtbot.waitUntil(lambda: player.problem.isVisibleTo(player), timeout=5000)
    assert "cannot be played here" in player.problem.text()
    assert not player.slider.isVisibleTo(player)


def test_without_qts_media_libraries_the_bar_says_so_and_nothing_else_breaks(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A computer without the sound libraries QtMultimedia needs: importing it fails. The
    # window was opened without it; only the recording's bar says it cannot play.
    import sys

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    player = PlayerBar()
    qtbot.addWidget(player)
    player.open(InMemory(wav(1.0)))
    assert player.problem.isVisibleTo(player)
    assert "sound libraries are missing" in player.problem.text()
    assert not player.play_button.isVisibleTo(player)
    player.play_or_pause()
    player.seek(3.0)
    assert not player.playing and player.seconds == 0.0
    player.drop()
    assert player.device is None


@quiet_without_sound
def test_the_installers_probe_plays_a_tone_made_in_memory(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from amanat.gui.player_check import report_player

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    quits: list[bool] = []
    monkeypatch.setattr(application, "quit", lambda: quits.append(True))
    report_player(application)
    qtbot.waitUntil(lambda: bool(quits), timeout=20_000)
    assert capsys.readouterr().out == "amanat: player shown\n"


def _network_sockets() -> set[str]:
    """The inodes of this process's open IP sockets (TCP or UDP, v4 or v6), from /proc."""
    inodes = set()
    for link in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{link}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    ip = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        with open(f"/proc/self/net/{table}") as lines:
            next(lines)
            ip |= {line.split()[9] for line in lines}
    return inodes & ip


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc (Linux)")
@quiet_without_sound
def test_playing_opens_no_network_connection(
    qtbot: QtBot, bar: tuple[QWidget, PlayerBar, QPlainTextEdit]
) -> None:
    # Qt's media plugin links Qt's network library (the installers keep it for that reason):
    # a recording is handed over as a device with no address, so nothing is ever connected.
    before = _network_sockets()
    _window, player, _typing = bar
    player.open(InMemory(wav(6)))
    player.play_or_pause()
    qtbot.waitUntil(lambda: player.seconds > 0.3, timeout=5000)
    player.seek(4)
    qtbot.waitUntil(lambda: player.seconds >= 4, timeout=3000)
    assert _network_sockets() - before == set()
