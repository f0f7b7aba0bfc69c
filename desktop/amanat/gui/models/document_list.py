"""The document list: a table that holds only ids and fetches rows as they come into view.

Like Anki's browser, the model keeps the ordered ids of the documents shown (a list of 100,000
strings is a few megabytes) and asks the worker for the rows actually drawn, a page of rows
at a time, keeping a bounded number of pages. Sorting asks the worker for the ids again in the
new order. Until a row arrives its cells are empty; when it arrives only its cells change.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from amanat.core.dates import readable_date
from amanat.core.storage.documents import DocumentFilter
from amanat.gui import labels
from amanat.gui.operations import DocumentColumn, DocumentRow, document_ids, document_rows
from amanat.gui.settings import Preferences
from amanat.gui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The document's id, for whatever view or proxy sits on top."""

PAGE_ROWS = 64
"""Rows fetched together: a screenful and a bit, one round trip to the worker."""
CACHED_PAGES = 32
"""Pages kept: about 2,000 rows, so scrolling back and forth does not fetch again."""
THUMBNAIL_HEIGHT = 40

_Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    loaded = Signal()
    """The ids were (re)loaded: after a new filter or a new sort order."""

    def __init__(self, worker: Worker, preferences: Preferences, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker
        self._preferences = preferences
        self._filter = DocumentFilter()
        self._column = DocumentColumn.DATE
        self._descending = True
        self._ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, DocumentRow]] = OrderedDict()
        """Each page's rows by id: a document removed meanwhile simply has none."""
        self._pending: set[int] = set()
        self._thumbnails: dict[str, QPixmap | None] = {}
        self._version = 0
        """Bumped whenever the ids change, so rows fetched for older ids are dropped."""
        self._inside_data = False

    # --- What to show --------------------------------------------------------------------

    def show_documents(self, where: DocumentFilter) -> None:
        self._filter = where
        self.reload()

    def reload(self) -> None:
        self._version += 1
        version = self._version
        self._worker.submit(
            document_ids(self._filter, self._column, self._descending),
            self,
            lambda ids: self._set_ids(version, ids),
        )

    def clear(self) -> None:
        """Forget everything shown: called when the archive is locked."""
        self._version += 1
        self.beginResetModel()
        self._ids = []
        self._forget_rows()
        self.endResetModel()

    def document_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, document_id: str) -> int | None:
        try:
            return self._ids.index(document_id)
        except ValueError:
            return None

    @property
    def current_filter(self) -> DocumentFilter:
        return self._filter

    def _set_ids(self, version: int, ids: list[str]) -> None:
        if version != self._version:
            return  # a newer filter or order was asked for meanwhile
        self.beginResetModel()
        self._ids = ids
        self._forget_rows()
        self.endResetModel()
        self.loaded.emit()

    def pictures_made(self) -> None:
        """Pages got their thumbnails (the previews pass, after a bundle import): read the
        rows held again, in place, so each placeholder gives way to its thumbnail."""
        for page in list(self._pages):
            self._fetch(page)

    def _forget_rows(self) -> None:
        self._pages.clear()
        self._pending.clear()
        self._thumbnails.clear()

    # --- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DocumentColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(DocumentColumn):
            return None
        return (
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Kind"),
            self.tr("People"),
            self.tr("Tags"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None  # on its way; its cells change when it arrives
        column = DocumentColumn(index.column())
        if role == Qt.ItemDataRole.DecorationRole:
            if column is DocumentColumn.TITLE:
                return self._thumbnail(row)
            if column is DocumentColumn.TAGS and row.summary.tags:
                return tag_swatch(row.summary.tags[0][1])
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column is DocumentColumn.PEOPLE:
            # Each name in the other script too, one person a line.
            return "\n".join(labels.person_tooltip(p) for p in row.summary.people)
        return self._text(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(DocumentColumn):
            return
        self._column = DocumentColumn(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # --- Rows, fetched in pages ------------------------------------------------------------

    def _row(self, row: int) -> DocumentRow | None:
        page = row // PAGE_ROWS
        if page not in self._pages:
            self._inside_data = True
            try:
                self._fetch(page)
            finally:
                self._inside_data = False
        rows = self._pages.get(page)
        if rows is None:
            return None
        self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    def _fetch(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        version = self._version
        ids = self._ids[page * PAGE_ROWS : (page + 1) * PAGE_ROWS]
        self._worker.submit(
            document_rows(ids), self, lambda rows: self._arrived(version, page, rows)
        )

    def _arrived(self, version: int, page: int, rows: list[DocumentRow]) -> None:
        if version != self._version:
            return
        self._pending.discard(page)
        self._pages[page] = {r.summary.id: r for r in rows}
        for row in rows:  # drawn again from the row just read: its thumbnail may be new
            self._thumbnails.pop(row.summary.id, None)
        while len(self._pages) > CACHED_PAGES:
            _, dropped = self._pages.popitem(last=False)
            for gone in dropped:
                self._thumbnails.pop(gone, None)
        # With the synchronous worker the rows arrive inside data(), which reads them at
        # once; signalling a change from inside data() would only make the view ask again.
        if not self._inside_data and rows:
            first = page * PAGE_ROWS
            last = min(len(self._ids), first + PAGE_ROWS) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(DocumentColumn) - 1))

    # --- How a row is shown ------------------------------------------------------------------

    def _text(self, row: DocumentRow, column: DocumentColumn) -> str:
        if column is DocumentColumn.TITLE:
            return row.summary.title
        if column is DocumentColumn.DATE:
            if row.summary.date is None:
                return ""
            # As entered, then the other calendar's short reading (docs/dates.md); sorting
            # is the database's, on the date's first day, never on this text.
            return readable_date(row.summary.date, self._preferences.language)
        if column is DocumentColumn.KIND:
            return labels.label(row.summary.kind)
        if column is DocumentColumn.PEOPLE:
            return labels.list_separator().join(labels.person_name(p) for p in row.summary.people)
        return labels.list_separator().join(name for name, _ in row.summary.tags)

    def _thumbnail(self, row: DocumentRow) -> QPixmap | None:
        if row.summary.id not in self._thumbnails:
            # A page still waiting for its thumbnail (or one that cannot be drawn) shows a
            # blank sheet; a document of typed text alone shows nothing.
            pixmap = placeholder() if row.summary.first_page_id else None
            if row.thumbnail:
                image = QImage.fromData(row.thumbnail)
                if not image.isNull():
                    pixmap = QPixmap.fromImage(
                        image.scaledToHeight(
                            THUMBNAIL_HEIGHT, Qt.TransformationMode.SmoothTransformation
                        )
                    )
            self._thumbnails[row.summary.id] = pixmap
        return self._thumbnails[row.summary.id]


_placeholder: list[QPixmap] = []


def placeholder() -> QPixmap:
    """A blank sheet the height of a thumbnail, for a page whose thumbnail is not made yet."""
    if not _placeholder:
        width = THUMBNAIL_HEIGHT * 3 // 4
        pixmap = QPixmap(width, THUMBNAIL_HEIGHT)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setBrush(QColor("#f1f1ee"))
        painter.setPen(QColor("#a9a9a4"))
        painter.drawRect(0, 0, width - 1, THUMBNAIL_HEIGHT - 1)
        painter.end()
        _placeholder.append(pixmap)
    return _placeholder[0]


def tag_swatch(colour: str, size: int = 12) -> QIcon:
    """A small round patch of a tag's colour, shown beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(130))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
