"""The installers' check that recordings can be played (``AMANAT_STARTUP_PROBE=player``):
Qt's player is made as a recording page makes it, given one second of tone made in memory,
and must load and play it. A frozen program that lacks a library of Qt's media plugin fails
here rather than in a family's hands."""

from __future__ import annotations

import io
import math
import struct
import wave

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer, QUrl
from PySide6.QtWidgets import QApplication

GIVE_UP_MS = 30_000


def one_second_of_tone() -> bytes:
    """A WAV file of a 440 Hz tone, 8 kHz mono, made here so that nothing is read from disk."""
    rate = 8000
    samples = b"".join(
        struct.pack("<h", round(8000 * math.sin(2 * math.pi * 440 * n / rate))) for n in range(rate)
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(samples)
    return out.getvalue()


def report_player(application: QApplication) -> None:
    """Print ``amanat: player shown`` once the tone plays, or ``amanat: player failed …``;
    then quit."""

    def finish(line: str) -> None:
        print(f"amanat: player {line}", flush=True)
        QTimer.singleShot(0, application.quit)

    try:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    except ImportError as error:
        finish(f"failed: QtMultimedia does not load ({error})")
        return
    player = QMediaPlayer(application)
    if not player.isAvailable():
        finish("failed: no media back end")
        return
    player.setAudioOutput(QAudioOutput(player))
    buffer = QBuffer(player)
    buffer.setData(QByteArray(one_second_of_tone()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    done = False

    def moved(milliseconds: int) -> None:
        nonlocal done
        if milliseconds > 0 and not done:
            done = True
            finish("shown")

    def status(state: QMediaPlayer.MediaStatus) -> None:
        if state == QMediaPlayer.MediaStatus.LoadedMedia:
            player.play()
        elif state == QMediaPlayer.MediaStatus.InvalidMedia and not done:
            finish("failed: the tone could not be decoded")

    player.positionChanged.connect(moved)
    player.mediaStatusChanged.connect(status)
    player.setSourceDevice(buffer, QUrl())
    QTimer.singleShot(GIVE_UP_MS, lambda: None if done else finish("failed: nothing played"))
