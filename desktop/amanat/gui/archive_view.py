"""The open archive: the sidebar, the document list and the chosen document, side by side."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from amanat.core.storage.documents import DocumentFilter
from amanat.gui.document_view import DocumentView
from amanat.gui.models.document_list import ID_ROLE, THUMBNAIL_HEIGHT, DocumentListModel
from amanat.gui.models.sidebar import FILTER_ROLE, SidebarModel
from amanat.gui.operations import (
    DocumentColumn,
    DocumentDetails,
    SidebarContent,
    document_details,
    load_sidebar,
)
from amanat.gui.settings import Preferences
from amanat.gui.text_direction import DirectionalItemDelegate
from amanat.gui.worker import Worker


class ArchiveView(QWidget):
    document_shown = Signal(str)

    def __init__(self, worker: Worker, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self._worker = worker
        self._shown_id: str | None = None
        self.sidebar_model = SidebarModel(self)
        self.sidebar = QTreeView()
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setUniformRowHeights(True)
        self.sidebar.setItemDelegate(DirectionalItemDelegate(self.sidebar))
        self.sidebar.selectionModel().selectionChanged.connect(self._filter_chosen)
        self.documents = DocumentListModel(worker, preferences, self)
        self.documents.loaded.connect(self._reselect)
        self.table = QTableView()
        self.table.setModel(self.documents)
        self.table.setItemDelegate(DirectionalItemDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(int(DocumentColumn.DATE), Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_HEIGHT + 6)
        # Fixed sizes: measuring content would fetch every row, defeating the lazy model.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (DocumentColumn.TITLE, 260),
            (DocumentColumn.DATE, 130),
            (DocumentColumn.KIND, 90),
            (DocumentColumn.PEOPLE, 160),
        ):
            header.resizeSection(int(column), width)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._document_chosen)
        self.document = DocumentView(worker, preferences)
        list_and_document = QSplitter(Qt.Orientation.Vertical)
        list_and_document.addWidget(self.table)
        list_and_document.addWidget(self.document)
        list_and_document.setStretchFactor(0, 2)
        list_and_document.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.sidebar)
        split.addWidget(list_and_document)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def load(self) -> None:
        """Fill every view from the archive just opened."""
        self._worker.submit(load_sidebar, self, self._sidebar_loaded)
        self.documents.show_documents(DocumentFilter())

    def clear(self) -> None:
        """Empty every view and model: the archive is being locked."""
        self._shown_id = None
        self.sidebar_model.clear()
        self.documents.clear()
        self.document.clear()

    def select_document(self, document_id: str) -> None:
        row = self.documents.row_of(document_id)
        if row is not None:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        # Not QTableView.selectRow: in a right-to-left window it looks for the first column
        # one pixel beyond the viewport and selects nothing.
        index = self.documents.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _sidebar_loaded(self, content: SidebarContent) -> None:
        self.sidebar_model.set_content(content)
        self.sidebar.expandAll()
        blocker = self.sidebar.selectionModel().blockSignals(True)
        self.sidebar.setCurrentIndex(self.sidebar_model.everything_index())
        self.sidebar.selectionModel().blockSignals(blocker)

    def _filter_chosen(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            where = indexes[0].data(FILTER_ROLE)
            if isinstance(where, DocumentFilter):
                self.documents.show_documents(where)

    def _reselect(self) -> None:
        if self._shown_id is not None:
            row = self.documents.row_of(self._shown_id)
            if row is not None:
                self._select_row(row)
                return
        self._shown_id = None
        self.document.clear()

    def _document_chosen(self, current: QModelIndex, _: QModelIndex) -> None:
        document_id = current.data(ID_ROLE) if current.isValid() else None
        if not isinstance(document_id, str) or document_id == self._shown_id:
            return
        self._shown_id = document_id
        self._worker.submit(
            document_details(document_id),
            self,
            lambda details: self._details_arrived(document_id, details),
        )

    def _details_arrived(self, document_id: str, details: DocumentDetails) -> None:
        if document_id == self._shown_id:
            self.document.show_document(details)
            self.document_shown.emit(document_id)
