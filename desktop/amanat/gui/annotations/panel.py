"""The annotations of the document shown: a list to choose one (which shows it in the text
or on the page), edit it or delete it. The panel only asks; the controller acts."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from amanat.gui.annotations.model import ID_ROLE, ROW_ROLE, AnnotationColumn, AnnotationListModel
from amanat.gui.annotations.operations import AnnotationRow
from amanat.gui.text_direction import DirectionalItemDelegate


def annotation_table(model: AnnotationListModel) -> QTreeView:
    """A flat, sortable-looking list of annotations, each cell in its own direction."""
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setItemDelegate(DirectionalItemDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.header()
    for column, width in (
        (AnnotationColumn.PASSAGE, 220),
        (AnnotationColumn.COMMENT, 240),
        (AnnotationColumn.TAGS, 140),
        (AnnotationColumn.VISIBILITY, 110),
        (AnnotationColumn.AUTHOR, 120),
    ):
        header.resizeSection(int(column), width)
    return view


class AnnotationPanel(QWidget):
    chosen = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationListModel(self)
        self.list = annotation_table(self.model)
        self.list.setColumnHidden(int(AnnotationColumn.DOCUMENT), True)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        # Enter or a double-click (whichever the platform calls activating) edits it.
        self.list.activated.connect(lambda _: self._edit())
        # A moment of a recording clicked again plays again from its start.
        self.list.clicked.connect(self._clicked)
        self.empty = QLabel(
            self.tr(
                "No annotations yet. Select a passage of a text and press Ctrl+Shift+A, mark "
                "a region of a page, or press %1 where a moment of a recording starts and "
                "again where it ends."
            ).replace("%1", "F9")
        )
        self.empty.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this annotation (Ctrl+Z brings it back)"))
        self.delete_button.clicked.connect(self._delete)
        self.delete_action = QAction(self.tr("Delete annotation"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the list: Delete in a text field deletes a letter.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete)
        self.list.addAction(self.delete_action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_changeable(True)
        self.show_rows([])

    def show_rows(self, rows: list[AnnotationRow]) -> None:
        """Show ``rows``, keeping the annotation that was chosen if it is still there."""
        kept = self.current_id()
        blocker = self.list.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.list.selectionModel().blockSignals(blocker)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        if kept is not None:
            self.choose(kept)
        self._update_buttons()

    def clear(self) -> None:
        self.show_rows([])

    def current_id(self) -> str | None:
        index = self.list.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def choose(self, annotation_id: str) -> None:
        """Select an annotation without announcing it (it was chosen elsewhere)."""
        row = self.model.row_of(annotation_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        selection = self.list.selectionModel()
        blocker = selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(blocker)
        self.list.scrollTo(index)
        self.list.viewport().update()
        self._update_buttons()

    def set_changeable(self, changeable: bool) -> None:
        self._changeable = changeable
        self._update_buttons()

    def _current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        self._update_buttons()
        value = current.data(ID_ROLE) if current.isValid() else None
        if isinstance(value, str):
            self.chosen.emit(value)

    def _clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AnnotationRow) and row.on_recording:
            self.chosen.emit(row.id)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen and self._changeable)
        self.delete_button.setEnabled(chosen and self._changeable)
        self.delete_action.setEnabled(chosen and self._changeable)

    def _edit(self) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None and self._changeable:
            self.edit_requested.emit(annotation_id)

    def _delete(self) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None and self._changeable:
            self.delete_requested.emit(annotation_id)
