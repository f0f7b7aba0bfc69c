"""The pieces of redaction that live in the page viewer and the text editor: the "Redact a
region" tool beside "Mark a region", the page's "Remove Redaction" on a right-click, and how a
redacted passage looks in a text (struck through and greyed: it stays readable here, where it
is kept, and leaves only as a mark).

The page draws redacted rectangles as solid black boxes (gui/annotations/regions.py), as they
will leave; gui/redaction.py turns what is asked here into undoable changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolButton

from amanat.gui.annotations.highlights import qt_position

if TYPE_CHECKING:
    from amanat.gui.document_view import PageViewer

REDACTION_PROPERTY = QTextFormat.Property.UserProperty + 2
"""Where each passage drawn as redacted keeps the id of its redaction."""


@dataclass(frozen=True, slots=True)
class RedactionTools:
    region: QToolButton
    """Redact a region: down while a rectangle is to be dragged."""
    remove: QAction
    """Remove Redaction, on the page's right-click menu over a black box (its data: the id)."""
    faces: QToolButton
    """Suggest faces on the page shown."""


def redaction_tools(viewer: PageViewer) -> RedactionTools:
    """The "Redact a region" button of ``viewer``'s tool bar: while it is down a rectangle
    dragged on the page is to be redacted (the viewer's ``redaction_marked``), not annotated.
    It and "Mark a region" are never down together. With it comes the "Remove Redaction"
    action, offered by a right-click on a black box (its data: the redaction's id)."""
    button = QToolButton()
    words = QCoreApplication.translate("Redaction", "Redact a region")
    button.setText(words)
    button.setAccessibleName(words)
    button.setToolTip(
        QCoreApplication.translate(
            "Redaction",
            "Drag a rectangle on the page to black it out in every copy that leaves this "
            "archive; the page itself stays as it is",
        )
    )
    button.setCheckable(True)
    button.setObjectName("redact-region")
    mark = viewer.mark_button

    def redacting(on: bool) -> None:
        if on:
            mark.setChecked(False)
            viewer.picture.set_marking(True)
        elif not mark.isChecked():
            viewer.picture.set_marking(False)

    def marking(on: bool) -> None:
        if on:
            button.setChecked(False)

    button.toggled.connect(redacting)
    mark.toggled.connect(marking)

    remove = QAction(QCoreApplication.translate("Redaction", "Remove Redaction"), viewer)
    remove.setObjectName("remove-redaction")
    remove.setToolTip(
        QCoreApplication.translate("Redaction", "Let this part of the page leave again")
    )
    remove.setVisible(False)

    def pointed(redaction_id: str) -> None:
        remove.setData(redaction_id)
        remove.setVisible(bool(redaction_id))

    viewer.picture.redaction_pointed.connect(pointed)
    viewer.picture.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    viewer.picture.addAction(remove)
    faces = QToolButton()
    words = QCoreApplication.translate("Redaction", "Suggest faces")
    faces.setText(words)
    faces.setAccessibleName(words)
    faces.setObjectName("suggest-faces")
    faces.setToolTip(
        QCoreApplication.translate(
            "Redaction",
            "Find the faces on this page and offer each, one by one, to redact; look for "
            "those it misses yourself",
        )
    )
    return RedactionTools(button, remove, faces)


def redacted_format(redaction_id: str) -> QTextCharFormat:
    look = QTextCharFormat()
    look.setFontStrikeOut(True)
    look.setForeground(QColor("#6b6b6b"))
    look.setBackground(QColor(0, 0, 0, 40))
    look.setProperty(REDACTION_PROPERTY, redaction_id)
    look.setToolTip(
        QCoreApplication.translate("Redaction", "Redacted: this passage leaves only as a mark ███")
    )
    return look


def redacted_selections(
    editor: QPlainTextEdit, spans: list[tuple[str, int, int]]
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections drawing ``spans`` (redaction id, start, end: Python indices of the
    text as saved, which the editor must show) as redacted."""
    text = editor.toPlainText()
    drawn = []
    for redaction_id, start, end in spans:
        first, last = qt_position(text, start), qt_position(text, min(end, len(text)))
        if last <= first:
            continue
        cursor = QTextCursor(editor.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = redacted_format(redaction_id)
        drawn.append(selection)
    return drawn


def is_redaction(selection: QTextEdit.ExtraSelection) -> bool:
    return selection.format.hasProperty(REDACTION_PROPERTY)


def redaction_at(selections: list[QTextEdit.ExtraSelection], position: int) -> str | None:
    """The redaction drawn at Qt position ``position``, if any."""
    for selection in selections:
        cursor = selection.cursor
        if is_redaction(selection) and cursor.selectionStart() <= position < cursor.selectionEnd():
            return str(selection.format.property(REDACTION_PROPERTY))
    return None
