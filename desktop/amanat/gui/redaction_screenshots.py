"""The redaction tool in the screenshots (gui/screenshots.py): on the letter shown, a line of
its page and a few words of its text redacted through the window's own actions, with "Redact
a region" down, as someone redacting would see it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from amanat.gui.main_window import MainWindow

Save = Callable[[QWidget, Path], None]


def take(window: MainWindow, out: Path, language: str, save: Save) -> None:
    view = window.archive_view
    pages = view.document.pages
    page_id = pages.current_page_id
    if page_id is not None:
        view.redactions.redact_region(page_id, 0.12, 0.18, 0.55, 0.09)
    editors = view.document.editors
    if editors:
        editor = editors[0]
        view.document.texts.setCurrentWidget(editor)
        cursor = editor.body.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.movePosition(QTextCursor.MoveOperation.NextWord)
        cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 2)
        editor.body.setTextCursor(cursor)
        editor.redact_action.trigger()
        cursor.clearSelection()
        editor.body.setTextCursor(cursor)
    pages.redact_button.setChecked(True)
    save(window, out / f"{language}-redaction.png")
    pages.redact_button.setChecked(False)
