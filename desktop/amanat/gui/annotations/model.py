"""The annotations as a table: the panel of one document and the archive-wide list both
show this model (the panel without the document column)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from amanat.core.records import TextRange, TimeRange
from amanat.gui import labels
from amanat.gui.annotations.looks import (
    orphaned_words,
    region_words,
    visibility_icon,
    visibility_words,
)
from amanat.gui.annotations.moments import moment_words
from amanat.gui.annotations.operations import AnnotationRow
from amanat.gui.models.document_list import tag_swatch

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The AnnotationRow of a line."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2

ONE_LINE = 120
"""Characters of a passage or comment shown on its line; the tooltip has all of it."""


class AnnotationColumn(IntEnum):
    PASSAGE = 0
    COMMENT = 1
    TAGS = 2
    VISIBILITY = 3
    AUTHOR = 4
    DOCUMENT = 5


Index = QModelIndex | QPersistentModelIndex


def passage_words(row: AnnotationRow) -> str:
    """“the passage quoted”, or “Region on page 2”; an orphan says that its passage is gone."""
    target = row.annotation.target
    if isinstance(target, TimeRange):
        return moment_words(target)
    if not isinstance(target, TextRange):
        return region_words(row.page_number)
    quote = "“" + " ".join(target.quote.split()) + "”"
    if row.annotation.orphaned:
        return labels.fill(
            QCoreApplication.translate("Annotations", "%1 (%2)"), quote, orphaned_words()
        )
    return quote


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= ONE_LINE else line[: ONE_LINE - 1] + "…"


class AnnotationListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationRow] = []

    def set_rows(self, rows: list[AnnotationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    @property
    def rows(self) -> list[AnnotationRow]:
        return list(self._rows)

    def row_of(self, annotation_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == annotation_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AnnotationColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AnnotationColumn):
            return None
        return {
            AnnotationColumn.PASSAGE: self.tr("Passage"),
            AnnotationColumn.COMMENT: self.tr("Comment"),
            AnnotationColumn.TAGS: self.tr("Tags"),
            AnnotationColumn.VISIBILITY: self.tr("Who may see it"),
            AnnotationColumn.AUTHOR: self.tr("Author"),
            AnnotationColumn.DOCUMENT: self.tr("Document"),
        }[AnnotationColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = AnnotationColumn(index.column())
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return _one_line(self._text(row, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == AnnotationColumn.VISIBILITY:
                return visibility_icon(row.annotation.visibility)
            if column == AnnotationColumn.TAGS and row.tags:
                return tag_swatch(row.tags[0].tag.colour)
        if role == Qt.ItemDataRole.FontRole and row.annotation.orphaned:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, row: AnnotationRow, column: AnnotationColumn) -> str:
        annotation = row.annotation
        if column == AnnotationColumn.PASSAGE:
            return passage_words(row)
        if column == AnnotationColumn.COMMENT:
            return annotation.body
        if column == AnnotationColumn.TAGS:
            return labels.list_separator().join(entry.path for entry in row.tags)
        if column == AnnotationColumn.VISIBILITY:
            return visibility_words(annotation.visibility)
        if column == AnnotationColumn.AUTHOR:
            return annotation.author
        return row.document_title
