"""Passages drawn in a text editor in the colour of their annotation's tag.

The core counts a text in Python characters; Qt counts it in UTF-16 units, so a letter
outside the Basic Multilingual Plane (an emoji in a testimony typed on a phone) counts
twice there. Every position crossing between the two is converted here.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit


def _astral(text: str) -> list[int]:
    """The Python indices of the letters Qt counts twice, in order."""
    if max(text, default="\0") <= "\uffff":  # the usual case, decided in C
        return []
    return [index for index, character in enumerate(text) if character > "\uffff"]


def qt_position(text: str, index: int, astral: list[int] | None = None) -> int:
    """The UTF-16 position in Qt of the Python index ``index`` of ``text``. ``astral``:
    ``_astral(text)`` when converting many positions of one text."""
    found = _astral(text) if astral is None else astral
    return index + bisect.bisect_left(found, index)


def python_index(text: str, position: int, astral: list[int] | None = None) -> int:
    """The Python index of the UTF-16 position ``position`` of ``text`` in Qt."""
    found = _astral(text) if astral is None else astral
    index = position
    # Each astral letter before the index takes one unit more than one index.
    for count, astral_index in enumerate(found):
        if astral_index + count >= position:
            break
        index -= 1
    return max(0, min(index, len(text)))


@dataclass(frozen=True, slots=True)
class Highlight:
    annotation_id: str
    start: int
    end: int
    """Python indices into the text as it was saved."""
    colour: str
    shareable: bool


ANNOTATION_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Where each drawn passage keeps the id of its annotation."""


def passage_format(colour: str, shareable: bool, chosen: bool) -> QTextCharFormat:
    """Shareable passages are filled; private ones are paler and underlined with dashes, so
    the two differ in shape as well as in colour."""
    fill = QColor(colour)
    fill.setAlpha(200 if chosen else 110 if shareable else 60)
    look = QTextCharFormat()
    look.setBackground(fill)
    if not shareable:
        look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        look.setUnderlineColor(QColor(colour).darker(140))
    return look


def draw(
    editor: QPlainTextEdit, highlights: list[Highlight], chosen: str | None
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections for ``highlights`` in ``editor``, whose text must be the text the
    positions were counted in. Their cursors then move with whatever is typed."""
    text = editor.toPlainText()
    astral = _astral(text)
    drawn = []
    for highlight in highlights:
        start = qt_position(text, highlight.start, astral)
        end = qt_position(text, min(highlight.end, len(text)), astral)
        if end <= start:
            continue
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        look = passage_format(
            highlight.colour, highlight.shareable, highlight.annotation_id == chosen
        )
        look.setProperty(ANNOTATION_PROPERTY, highlight.annotation_id)
        selection.format = look
        drawn.append(selection)
    return drawn


def restyle(
    selections: list[QTextEdit.ExtraSelection], highlights: list[Highlight], chosen: str | None
) -> list[QTextEdit.ExtraSelection]:
    """The same selections (where the typing has moved them) with ``chosen`` drawn stronger."""
    looks = {h.annotation_id: h for h in highlights}
    for selection in selections:
        annotation_id = str(selection.format.property(ANNOTATION_PROPERTY))
        highlight = looks.get(annotation_id)
        if highlight is not None:
            look = passage_format(highlight.colour, highlight.shareable, annotation_id == chosen)
            look.setProperty(ANNOTATION_PROPERTY, annotation_id)
            selection.format = look
    return selections


def annotation_at(selections: list[QTextEdit.ExtraSelection], position: int) -> str | None:
    """The annotation whose passage holds ``position``; the shortest, when passages nest."""
    found: tuple[int, str] | None = None
    for selection in selections:
        if not selection.format.hasProperty(ANNOTATION_PROPERTY):
            continue  # a redacted passage (gui/redaction_tools.py), not an annotation
        start, end = selection.cursor.selectionStart(), selection.cursor.selectionEnd()
        if start <= position < end and (found is None or end - start < found[0]):
            found = (end - start, str(selection.format.property(ANNOTATION_PROPERTY)))
    return found[1] if found else None
