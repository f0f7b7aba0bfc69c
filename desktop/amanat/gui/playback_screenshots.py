"""The screenshots of a call's transcription beside its player (gui/screenshots.py): the demo
archive's recorded call (core/demo/recorded_call.py), its transcription or its translation
in the screenshot's language, a line being spoken; and of a video testimony beside its
transcription, the video made up of drawn shapes."""

from __future__ import annotations

import hashlib
import io
import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core.demo.invented import RECORDED_CALL
from amanat.core.file_types import is_recording
from amanat.core.recordings import probe
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.scans import previews
from amanat.core.storage import documents, pages, texts, timecodes
from amanat.core.storage.pages import ScannedPage
from amanat.gui.main_window import MainWindow
from amanat.gui.worker import Session, SynchronousWorker

Save = Callable[[QWidget, Path], None]

_SPOKEN = 4
"""The line being spoken in the screenshot (counted from 0)."""


def _the_call(session: Session) -> str:
    """The demo's one document with a recording; empty if there is none."""
    db = session.require().db
    for document in documents.list_documents(db):
        if any(is_recording(page.mime_type) for page in pages.pages_of(db, document.id)):
            return document.id
    return ""


def take(
    window: MainWindow, worker: SynchronousWorker, out: Path, language: str, save: Save
) -> None:
    found: list[str] = []
    worker.submit(_the_call, window, found.append)
    if not found or not found[0]:
        return
    view = window.archive_view
    view.show_document(found[0])
    player = view.document.player
    deadline = time.monotonic() + 5
    while player.device is not None and player.player.duration() <= 0:
        if time.monotonic() > deadline:
            return
        QApplication.processEvents()
    spoken = RECORDED_CALL.lines[_SPOKEN]
    player.seek(spoken.start + 1.6)
    deadline = time.monotonic() + 3
    while player.seconds < spoken.start + 1 and time.monotonic() < deadline:
        QApplication.processEvents()
    editors = [e for e in view.document.editors if e.text.language == language]
    if editors:
        editor = editors[0]
        view.document.texts.setCurrentWidget(editor)
        block = editor.body.document().findBlockByNumber(_SPOKEN)
        cursor = editor.body.textCursor()
        cursor.setPosition(block.position() + block.length() - 1)
        editor.body.setTextCursor(cursor)
        editor.body.setFocus(Qt.FocusReason.OtherFocusReason)
    save(window, out / f"{language}-call-transcription.png")
    player.drop()
    _take_video(window, worker, out, language, save)


_VIDEO_TITLES = {
    "en": "Testimony of a released prisoner (video)",
    "fa": "شهادت زندانی آزادشده (ویدیو)",
}
_VIDEO_LINES = {
    "en": (
        "Lawyer: Please say your name and when you were arrested.",
        "Witness: I was arrested at my home in the autumn, before dawn.",
        "Lawyer: Where were you taken?",
        "Witness: To Ward 209 of Evin. I was kept alone for forty days.",
        "Lawyer: Were you allowed to call your family?",
        "Witness: Once, after three weeks, for two minutes, with a guard listening.",
    ),
    "fa": (
        "وکیل: لطفاً نامتان و زمان بازداشتتان را بگویید.",
        "شاهد: پاییز، پیش از سپیده‌دم، در خانه‌ام بازداشت شدم.",
        "وکیل: شما را کجا بردند؟",
        "شاهد: به بند ۲۰۹ اوین. چهل روز در سلول انفرادی بودم.",
        "وکیل: اجازه داشتید با خانواده‌تان تماس بگیرید؟",
        "شاهد: یک بار، پس از سه هفته، دو دقیقه، با نگهبانی که گوش می‌داد.",
    ),
}
_VIDEO_SECONDS = (0.0, 3.0, 7.0, 9.0, 13.0, 16.0)
_VIDEO_LENGTH = 20


def _video(seconds: int) -> bytes:
    """A made-up testimony on video: a figure drawn before a wall, moving a little, in
    memory (H.264 in MP4, as phones record)."""
    import av
    from PIL import Image, ImageDraw

    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        for index in range(seconds * 10):
            picture = Image.new("RGB", (640, 360), (176, 168, 150))
            draw = ImageDraw.Draw(picture)
            draw.rectangle((0, 250, 640, 360), fill=(120, 96, 72))  # a table
            sway = round(6 * math.sin(index / 12))
            draw.ellipse((280 + sway, 70, 360 + sway, 170), fill=(92, 70, 58))  # the head
            draw.chord((200 + sway, 160, 440 + sway, 420), 180, 360, fill=(44, 52, 70))
            frame = av.VideoFrame.from_image(picture)  # type: ignore[no-untyped-call]
            frame.pts = index
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def _add_testimony(language: str) -> Callable[[Session], str]:
    def run(session: Session) -> str:
        db = session.require().db
        testimony = documents.add(db, Document(DocumentKind.TESTIMONY, _VIDEO_TITLES[language]))
        data = _video(_VIDEO_LENGTH)
        probed = probe.probe("testimony.mp4", data, "video/mp4")
        width, height = probed.video_size or (None, None)
        page = ScannedPage(None, width, height, probe.to_json(probed), has_location=False,
                           has_person_name=False, images=())  # fmt: skip
        [added] = pages.add_scanned(db, testimony.id, data, hashlib.sha256(data).hexdigest(),
                                    "video/mp4", [page], original_name="testimony.mp4")  # fmt: skip
        previews.make_previews(db, [added.id])
        body = "\n".join(_VIDEO_LINES[language]) + "\n"
        text = texts.add(db, Text(testimony.id, TextKind.TRANSCRIPTION, language, body))
        for line, seconds in zip(_VIDEO_LINES[language], _VIDEO_SECONDS, strict=True):
            timecodes.mark(db, text.id, body.index(line), seconds)
        return testimony.id

    return run


def _take_video(
    window: MainWindow, worker: SynchronousWorker, out: Path, language: str, save: Save
) -> None:
    made: list[str] = []
    worker.submit(_add_testimony(language), window, made.append)
    if not made:
        return
    view = window.archive_view
    view.show_document(made[0])
    document = view.document
    player = document.player
    deadline = time.monotonic() + 5
    while player.device is not None and player.player.duration() <= 0:
        if time.monotonic() > deadline:
            return
        QApplication.processEvents()
    player.seek(_VIDEO_SECONDS[3] + 1.5)
    player.play_or_pause()
    deadline = time.monotonic() + 4
    while player.seconds < _VIDEO_SECONDS[3] + 2.5 and time.monotonic() < deadline:
        QApplication.processEvents()
    player.play_or_pause()
    QApplication.processEvents()
    save(window, out / f"{language}-video-testimony.png")
    player.drop()
