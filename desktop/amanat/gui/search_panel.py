"""Searching the archive: one field, results as the user types, and filters for a person, a
tag, a kind of document and a range of dates.

The query runs on the worker a moment (DEBOUNCE_MS) after the last key press, not on every
key, so an old laptop is not asked for six searches while "Narges" is typed. Each query
carries a number, and a key press takes the next number at once: the search still running on
the worker sees that it is no longer wanted and stops inside SQLite (core search's ``cancel``),
so the worker is free for the query typed last; and a result that arrives anyway after a newer
query was sent is dropped, so a slow search can never overwrite the answer to what the user
typed last.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import parse_date
from amanat.core.errors import AmanatError
from amanat.core.records import DocumentKind
from amanat.core.search import SearchFilters, SearchHit
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.models.search_results import HIT_ROLE, HTML_ROLE, SearchResultsModel
from amanat.gui.operations import SidebarContent, search_archive
from amanat.gui.text_direction import start_of_line
from amanat.gui.worker import Worker

DEBOUNCE_MS = 200

_Index = QModelIndex | QPersistentModelIndex


class HighlightDelegate(QStyledItemDelegate):
    """Draws a result's rich text (title, then the snippet with its matches highlighted).
    Each paragraph finds its own direction, so a Persian snippet reads right to left in an
    English window."""

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        # Lines start on the window's side; each paragraph keeps the direction of its own
        # text (the model marks it), so a Persian snippet reads right to left either way.
        text_option = document.defaultTextOption()
        text_option.setAlignment(start_of_line(option.direction))
        document.setDefaultTextOption(text_option)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(100, option.rect.width()))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        document = self._document(option, index)
        return QSize(round(document.idealWidth()), round(document.size().height()))


class SearchField(QLineEdit):
    """The search field: Escape empties it, which returns to the document list."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The filters and the results; the field itself sits above the document list."""

    document_chosen = Signal(str)
    person_chosen = Signal(str)
    searched = Signal()
    """Results for the latest query arrived (tests wait for this)."""

    def __init__(self, worker: Worker, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.field = field
        self._serial = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        field.textChanged.connect(self._typed)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.status = QLabel()
        self.person = QComboBox()
        self.tag = QComboBox()
        self.kind = QComboBox()
        self.since = QLineEdit()
        self.until = QLineEdit()
        self.since.setPlaceholderText(self.tr("e.g. 2011 or 1390"))
        self.until.setPlaceholderText(self.tr("e.g. Mehr 1401"))
        for edit in (self.since, self.until):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._typed)
        for combo in (self.person, self.tag, self.kind):
            # Long tag paths and names must not push the sidebar aside: the list drops
            # down as wide as it needs, the box itself stays modest.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.kind.addItem(self.tr("Any kind"), None)
        for kind in DocumentKind:
            self.kind.addItem(labels.label(kind), kind.value)  # a StrEnum would come back a str
        self.model = SearchResultsModel(self)
        self.set_choices(None)

        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.selectionModel().currentChanged.connect(self._chosen)
        self.results.activated.connect(self._chosen)

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Person:")), 0, 0)
        filters.addWidget(self.person, 0, 1)
        filters.addWidget(QLabel(self.tr("Tag:")), 0, 2)
        filters.addWidget(self.tag, 0, 3)
        filters.addWidget(QLabel(self.tr("Kind:")), 0, 4)
        filters.addWidget(self.kind, 0, 5)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("From:")))
        dates.addWidget(self.since, 1)
        dates.addWidget(QLabel(self.tr("Until:")))
        dates.addWidget(self.until, 1)
        filters.addLayout(dates, 1, 0, 1, 6)
        filters.setColumnStretch(6, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.problem)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        for combo in (self.person, self.tag, self.kind):
            combo.currentIndexChanged.connect(lambda _: self.search_now())

    # --- The choices in the filters ---------------------------------------------------------

    def set_choices(self, content: SidebarContent | None) -> None:
        """Fill the person and tag filters from the sidebar's content (None: empty them)."""
        for combo, anything in ((self.person, self.tr("Anyone")), (self.tag, self.tr("Any tag"))):
            blocker = combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, None)
            combo.blockSignals(blocker)
        self.model.set_people(() if content is None else (*content.prisoners, *content.others))
        if content is None:
            return
        blocker = self.person.blockSignals(True)
        # Prisoners first, each group by the name shown, as in the sidebar.
        for group in (content.prisoners, content.others):
            for person in labels.by_person_name(group):
                self.person.addItem(labels.person_name(person), person.id)
                tooltip = labels.person_tooltip(person)
                self.person.setItemData(
                    self.person.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole
                )
        self.person.blockSignals(blocker)
        blocker = self.tag.blockSignals(True)
        names = {tag.id: tag for tag in content.tags}

        def path(tag_id: str | None) -> str:
            parts = []
            while tag_id is not None and tag_id in names:
                parts.append(names[tag_id].name)
                tag_id = names[tag_id].parent_id
            return "/".join(reversed(parts))

        for tag_path, tag_id in sorted((path(t.id), t.id) for t in content.tags):
            self.tag.addItem(tag_path, tag_id)
        self.tag.blockSignals(blocker)

    def clear(self) -> None:
        """Forget the results and the choices: the archive is being locked."""
        self._serial += 1
        self.timer.stop()
        self.model.clear()
        self.status.clear()
        self.set_choices(None)
        for edit in (self.since, self.until):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)

    # --- Searching -----------------------------------------------------------------------

    def filters(self) -> SearchFilters | None:
        """The filters chosen; None (and a sentence under them) when a date cannot be read."""
        try:
            since = self._date(self.since.text(), start=True)
            until = self._date(self.until.text(), start=False)
        except AmanatError as error:
            self.problem.setText(error_message(error))
            self.problem.show()
            return None
        self.problem.hide()
        return SearchFilters(
            person_id=self.person.currentData(),
            tag_id=self.tag.currentData(),
            kind=DocumentKind(kind) if (kind := self.kind.currentData()) else None,
            since=since,
            until=until,
        )

    @staticmethod
    def _date(text: str, start: bool) -> datetime.date | None:
        if not text.strip():
            return None
        # The calendar comes from the words and the year ("1401" is Jalali, "2011"
        # Gregorian), as everywhere dates are typed; a month covers all its days.
        found = parse_date(text)
        return found.start if start else found.end

    def _typed(self, _text: str = "") -> None:
        self._serial += 1  # the search on its way is not wanted any more: it stops
        self.timer.start()

    def _superseded(self, serial: int) -> bool:
        """Whether a newer query (or a key press) came after query ``serial``. Asked on the
        worker's thread; reading an int another thread writes is safe in Python."""
        return serial != self._serial

    def search_now(self) -> None:
        self.timer.stop()
        self._serial += 1
        serial = self._serial
        query = self.field.text()
        filters = self.filters()
        if not query.strip() or filters is None:
            self.model.clear()
            self.status.clear()
            return
        self._worker.submit(
            search_archive(query, filters, lambda: self._superseded(serial)),
            self,
            lambda hits: self._arrived(serial, hits),
            lambda error: self._failed(serial, error),
        )

    def _arrived(self, serial: int, hits: list[SearchHit]) -> None:
        if serial != self._serial:
            return  # the user typed on meanwhile
        self.model.set_hits(hits)
        self.status.setText(
            labels.fill(self.tr("Results: %1"), str(len(hits)))
            if hits
            else self.tr("Nothing found.")
        )
        self.searched.emit()

    def _failed(self, serial: int, error: AmanatError) -> None:
        if serial == self._serial:
            self.model.clear()
            self.status.setText(error_message(error))

    def _chosen(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE) if index.isValid() else None
        if not isinstance(hit, SearchHit):
            return
        if hit.document_id:
            self.document_chosen.emit(hit.document_id)
        elif hit.person_id:
            self.person_chosen.emit(hit.person_id)
