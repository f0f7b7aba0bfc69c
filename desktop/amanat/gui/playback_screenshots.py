"""The screenshot of a call's transcription beside its player (gui/screenshots.py): the demo
archive's recorded call (core/demo/recorded_call.py), its transcription or its translation
in the screenshot's language, a line being spoken."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core.demo.invented import RECORDED_CALL
from amanat.core.file_types import is_recording
from amanat.core.storage import documents, pages
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
