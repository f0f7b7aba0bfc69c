"""Every annotation in the archive, in a window of its own, filtered by tag, author, who may
see it and document. Double-clicking one opens its document at it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from amanat.core.records import Visibility
from amanat.gui import labels
from amanat.gui.annotations.looks import visibility_icon, visibility_words
from amanat.gui.annotations.model import ROW_ROLE, AnnotationListModel
from amanat.gui.annotations.operations import AnnotationOverview, AnnotationQuery, AnnotationRow
from amanat.gui.annotations.panel import annotation_table
from amanat.gui.models.document_list import tag_swatch
from amanat.gui.text_direction import isolated


class AnnotationsWindow(QDialog):
    query_changed = Signal(object)
    """An AnnotationQuery: the filters as now chosen."""
    open_requested = Signal(str, str)
    """(document id, annotation id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotations in this archive"))
        self.tag = QComboBox()
        self.author = QComboBox()
        self.visibility = QComboBox()
        self.document = QComboBox()
        self.visibility.addItem(self.tr("Private or shareable"), None)
        for choice in (Visibility.PRIVATE, Visibility.SHAREABLE):
            self.visibility.addItem(visibility_icon(choice), visibility_words(choice), choice.value)
        for combo in (self.tag, self.author, self.document):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_choices(AnnotationOverview((), (), (), ()))
        for combo in (self.tag, self.author, self.visibility, self.document):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.model = AnnotationListModel(self)
        self.list = annotation_table(self.model)
        # Enter or a double-click (whichever the platform calls activating) opens it.
        self.list.activated.connect(self._open)
        self.count = QLabel()
        filters = QFormLayout()
        filters.addRow(self.tr("Tag:"), self.tag)
        filters.addRow(self.tr("Author:"), self.author)
        filters.addRow(self.tr("Who may see it:"), self.visibility)
        filters.addRow(self.tr("Document:"), self.document)
        top = QHBoxLayout()
        top.addLayout(filters)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.resize(960, 560)

    def query(self) -> AnnotationQuery:
        def chosen(combo: QComboBox) -> object:
            return combo.currentData()

        tag, author, visibility, document = (
            chosen(self.tag),
            chosen(self.author),
            chosen(self.visibility),
            chosen(self.document),
        )
        return AnnotationQuery(
            document_id=document if isinstance(document, str) else None,
            tag_id=tag if isinstance(tag, str) else None,
            author=author if isinstance(author, str) else None,
            visibility=Visibility(visibility) if isinstance(visibility, str) else None,
        )

    def show_overview(self, overview: AnnotationOverview) -> None:
        self._fill_choices(overview)
        self.model.set_rows(list(overview.rows))
        self.count.setText(labels.fill(self.tr("Annotations found: %1"), str(len(overview.rows))))

    def clear(self) -> None:
        self.model.clear()
        self._fill_choices(AnnotationOverview((), (), (), ()))
        self.count.clear()

    def _fill_choices(self, overview: AnnotationOverview) -> None:
        """Refill the filters with what the archive holds, keeping what was chosen."""

        def refill(combo: QComboBox, anything: str, items: list[tuple[str, object]]) -> None:
            kept = combo.currentData()
            blocker = combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
            combo.blockSignals(blocker)

        refill(self.tag, self.tr("Any tag"), [(e.path, e.tag.id) for e in overview.tags])
        for n, entry in enumerate(overview.tags, start=1):
            self.tag.setItemIcon(n, tag_swatch(entry.tag.colour))
        refill(self.author, self.tr("Anyone"), [(isolated(a), a) for a in overview.authors])
        refill(
            self.document,
            self.tr("Any document"),
            [(isolated(title or self.tr("Untitled")), d) for d, title in overview.documents],
        )

    def _filters_changed(self) -> None:
        self.query_changed.emit(self.query())

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, AnnotationRow) and row.document_id:
            self.open_requested.emit(row.document_id, row.id)
