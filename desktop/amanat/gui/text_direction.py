"""Which way a piece of text runs, from its content.

The window follows the user's language, but each text field follows its own text: a Persian
letter shown in the English interface still reads right to left (Anki lets each cell pick
its direction the same way).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from amanat.core.records import RIGHT_TO_LEFT_LANGUAGES


def direction_of(text: str, language: str = "") -> Qt.LayoutDirection:
    """The direction of the first letter with a direction of its own (as the Unicode
    bidirectional algorithm picks a paragraph's); the language's when there is none."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    if language in RIGHT_TO_LEFT_LANGUAGES:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


_ISOLATES = {
    Qt.LayoutDirection.LeftToRight: "\u2066",  # LEFT-TO-RIGHT ISOLATE
    Qt.LayoutDirection.RightToLeft: "\u2067",  # RIGHT-TO-LEFT ISOLATE
}
_POP_ISOLATE = "\u2069"


def isolated(text: str) -> str:
    """``text`` marked to run in its own direction inside a line of the other direction, so
    an English name keeps its quotes and brackets in place in a right-to-left list."""
    if not text:
        return text
    return _ISOLATES[direction_of(text)] + text + _POP_ISOLATE


def start_of_line(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side where lines of ``direction`` start. Absolute: Qt would otherwise swap left
    and right once more for text of the other direction."""
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return side | Qt.AlignmentFlag.AlignAbsolute


class DirectionalItemDelegate(QStyledItemDelegate):
    """Draws each cell's text in its own direction while the columns, icons and alignment
    follow the window's; the models' data stays plain text."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = isolated(option.text)
