"""The screenshot of a call's transcription beside its player (gui/screenshots.py): an
invented phone call from prison, its recording a made-up tone, its lines timed."""

from __future__ import annotations

import hashlib
import io
import math
import struct
import time
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, pages, texts, timecodes
from amanat.core.storage.pages import ScannedPage
from amanat.gui.main_window import MainWindow
from amanat.gui.worker import Session, SynchronousWorker

Save = Callable[[QWidget, Path], None]

_TITLES = {"en": "Phone call from Evin", "fa": "تماس تلفنی از اوین"}
_LINES = {
    "en": (
        "Mother: Hello, my dear. Can you hear me? Are you eating?",
        "Nasrin: I can hear you. They give us bread and tea, and rice at noon.",
        "Mother: Did the lawyer come to see you this week?",
        "Nasrin: No. They said the visit was cancelled again, without a reason.",
        "Mother: We wrote to the prosecutor's office. Your father sends his love.",
        "Nasrin: Tell him not to worry. Bring the warm socks on Monday.",
    ),
    "fa": (
        "مادر: سلام عزیزم. صدایم را می‌شنوی؟ غذا می‌خوری؟",
        "نسرین: می‌شنوم. به ما نان و چای می‌دهند و ظهرها برنج.",
        "مادر: وکیل این هفته به دیدنت آمد؟",
        "نسرین: نه. گفتند ملاقات دوباره لغو شد، بی هیچ دلیلی.",
        "مادر: به دادسرا نامه نوشتیم. پدرت سلام می‌رساند.",
        "نسرین: بگو نگران نباشد. دوشنبه جوراب‌های گرم را بیاور.",
    ),
}
_SECONDS = (0.0, 4.5, 11.0, 15.5, 22.0, 27.5)
_LENGTH = 32


def _tone(seconds: int, rate: int = 8000) -> bytes:
    samples = bytearray()
    for n in range(seconds * rate):
        pitch = 180 + 30 * (n // (rate // 2) % 5)
        samples += struct.pack("<h", int(5000 * math.sin(2 * math.pi * pitch * n / rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(samples))
    return out.getvalue()


def _add_call(language: str) -> Callable[[Session], str]:
    def run(session: Session) -> str:
        db = session.require().db
        call = documents.add(db, Document(DocumentKind.TESTIMONY, _TITLES[language]))
        data = _tone(_LENGTH)
        bare = ScannedPage(None, None, None, "{}", has_location=False, has_person_name=False,
                           images=())  # fmt: skip
        pages.add_scanned(db, call.id, data, hashlib.sha256(data).hexdigest(), "audio/wav",
                          [bare], original_name="call.wav")  # fmt: skip
        body = "\n".join(_LINES[language]) + "\n"
        text = texts.add(db, Text(call.id, TextKind.TRANSCRIPTION, language, body))
        for line, seconds in zip(_LINES[language], _SECONDS, strict=True):
            timecodes.mark(db, text.id, body.index(line), seconds)
        return call.id

    return run


def take(
    window: MainWindow, worker: SynchronousWorker, out: Path, language: str, save: Save
) -> None:
    made: list[str] = []
    worker.submit(_add_call(language), window, made.append)
    if not made:
        return
    view = window.archive_view
    view.show_document(made[0])
    player = view.document.player
    deadline = time.monotonic() + 5
    while player.device is not None and player.player.duration() <= 0:
        if time.monotonic() > deadline:
            return
        QApplication.processEvents()
    player.seek(_SECONDS[3] + 1.6)
    deadline = time.monotonic() + 3
    while player.seconds < _SECONDS[3] + 1 and time.monotonic() < deadline:
        QApplication.processEvents()
    editors = view.document.editors
    if editors:
        editor = editors[0]
        block = editor.body.document().findBlockByNumber(4)
        cursor = editor.body.textCursor()
        cursor.setPosition(block.position() + block.length() - 1)
        editor.body.setTextCursor(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.body.setFocus(Qt.FocusReason.OtherFocusReason)
    save(window, out / f"{language}-call-transcription.png")
    player.drop()
