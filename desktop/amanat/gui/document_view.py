"""One document: its pages beside its texts, and its details underneath. Read-only for now.

Pages are shown from memory: the preview arrives from the worker as bytes and becomes an
image here, never a file. Each text takes its direction from its own content.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import format_date
from amanat.core.records import Document, DocumentKind, Text
from amanat.gui import labels
from amanat.gui.operations import DocumentDetails, page_preview
from amanat.gui.settings import Preferences
from amanat.gui.tag_editor import TagEditor
from amanat.gui.text_direction import direction_of, isolated
from amanat.gui.worker import Worker


class PageViewer(QWidget):
    """A page at a time, fitted to the width or zoomed, turned for viewing only."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page_ids: tuple[str, ...] = ()
        self._rotations: tuple[int, ...] = ()
        self._current = 0
        self._image = QImage()
        self._turn = 0
        self._zoom: float | None = None  # None: fit to the width
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = QLabel()
        bar = QHBoxLayout()
        self.previous_button = self._button("go-previous", self.tr("Previous page"), self.previous)
        self.next_button = self._button("go-next", self.tr("Next page"), self.next)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self._button("zoom-out", self.tr("Zoom out"), lambda: self._zoom_by(0.8)))
        bar.addWidget(self._button("zoom-fit-width", self.tr("Fit to width"), self.fit))
        bar.addWidget(self._button("zoom-in", self.tr("Zoom in"), lambda: self._zoom_by(1.25)))
        bar.addWidget(self._button("object-rotate-right", self.tr("Turn the page"), self.rotate))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)
        self.clear()

    def _button(self, icon: str, text: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(text)
        themed = QIcon.fromTheme(icon)
        if not themed.isNull():
            button.setIcon(themed)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.clicked.connect(slot)
        return button

    def show_pages(self, page_ids: tuple[str, ...], rotations: tuple[int, ...]) -> None:
        self._page_ids = page_ids
        self._rotations = rotations
        self._current = 0
        self._load()

    def clear(self) -> None:
        self._page_ids = ()
        self._image = QImage()
        self.picture.clear()
        self.picture.setText(self.tr("No pages"))
        self._update_bar()

    def previous(self) -> None:
        if self._current > 0:
            self._current -= 1
            self._load()

    def next(self) -> None:
        if self._current + 1 < len(self._page_ids):
            self._current += 1
            self._load()

    def rotate(self) -> None:
        self._turn = (self._turn + 90) % 360
        self._draw()

    def fit(self) -> None:
        self._zoom = None
        self._draw()

    def _zoom_by(self, factor: float) -> None:
        shown = self.picture.pixmap()
        current = shown.width() / max(1, self._image.width()) if not shown.isNull() else 1.0
        self._zoom = max(0.1, min(4.0, (self._zoom or current) * factor))
        self._draw()

    def _load(self) -> None:
        self._update_bar()
        if not self._page_ids:
            self.clear()
            return
        page_id = self._page_ids[self._current]
        self._turn = self._rotations[self._current]
        self._worker.submit(page_preview(page_id), self, lambda data: self._arrived(page_id, data))

    def _arrived(self, page_id: str, data: bytes | None) -> None:
        if not self._page_ids or self._page_ids[self._current] != page_id:
            return  # the user moved on meanwhile
        self._image = QImage.fromData(data) if data else QImage()
        if self._image.isNull():
            self.picture.setText(self.tr("This page has no picture to show."))
            return
        self._draw()

    def _draw(self) -> None:
        if self._image.isNull():
            return
        image = self._image.transformed(QTransform().rotate(self._turn))
        if self._zoom is None:
            width = max(50, self.scroller.viewport().width() - 4)
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        else:
            image = image.scaledToWidth(
                max(1, round(image.width() * self._zoom)),
                Qt.TransformationMode.SmoothTransformation,
            )
        self.picture.setPixmap(QPixmap.fromImage(image))

    def _update_bar(self) -> None:
        count = len(self._page_ids)
        self.position.setText(
            self.tr("Page %1 of %2").replace("%1", str(self._current + 1)).replace("%2", str(count))
            if count
            else ""
        )
        self.previous_button.setEnabled(self._current > 0)
        self.next_button.setEnabled(self._current + 1 < count)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._draw()


class DocumentView(QWidget):
    def __init__(self, worker: Worker, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self._preferences = preferences
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.pages = PageViewer(worker)
        self.texts = QTabWidget()
        self.texts.setDocumentMode(True)
        self.document_id: str | None = None
        self.tags = TagEditor()
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.texts)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.tags)
        below_layout.addWidget(self.details, 1)
        side.addWidget(below)
        side.setSizes([380, 260])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(side)
        split.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        self.clear()

    def clear(self) -> None:
        self.document_id = None
        self.tags.clear()
        self.tags.setEnabled(False)
        self.title.setText(self.tr("Choose a document from the list."))
        self.pages.clear()
        while self.texts.count():
            widget = self.texts.widget(0)
            self.texts.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        while self.form.rowCount():
            self.form.removeRow(0)

    def show_document(self, details: DocumentDetails) -> None:
        self.clear()
        document = details.document
        self.document_id = document.id
        self.tags.set_tags(details.tags)
        # A document in the trash is shown as it is, not changed.
        self.tags.setEnabled(document.trashed is None)
        self.title.setText(isolated(document.title))
        self.pages.show_pages(
            tuple(p.id for p in details.pages), tuple(p.rotation for p in details.pages)
        )
        for text in details.texts:
            self.texts.addTab(self._text_view(text), self._text_label(text))
        self._fill_details(details)

    def _text_label(self, text: Text) -> str:
        return (
            self.tr("%1 · %2 · %3")
            .replace("%1", labels.label(text.kind))
            .replace("%2", labels.language_name(text.language))
            .replace("%3", labels.label(text.status))
        )

    def _text_view(self, text: Text) -> QTextBrowser:
        view = QTextBrowser()
        view.setPlainText(text.body)
        direction = direction_of(text.body, text.language)
        view.setLayoutDirection(direction)
        option = view.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(_start_of_line(direction))
        view.document().setDefaultTextOption(option)
        return view

    def _fill_details(self, details: DocumentDetails) -> None:
        document = details.document
        separator = labels.list_separator()

        def add(label: str, value: str) -> None:
            if value:
                shown = QLabel(value)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                # Values line up on the window's side, whatever language each one is in.
                shown.setAlignment(_start_of_line(self.layoutDirection()))
                self.form.addRow(label, shown)

        add(self.tr("Kind:"), labels.label(document.kind))
        add(self.tr("Date:"), self._date_text(document))
        author = details.people.get(document.author_id or "")
        add(self.tr("From:"), author.display_name if author else "")
        add(
            self.tr("To:"),
            separator.join(details.people[p].display_name for p in document.recipient_ids),
        )
        add(
            self.tr("About:"),
            separator.join(details.people[p].display_name for p in document.concerned_ids),
        )
        provenance = document.provenance
        received = [provenance.received_from]
        if provenance.received_on is not None:
            received.append(
                format_date(
                    provenance.received_on, self._preferences.calendar, self._preferences.language
                )
            )
        add(self.tr("Received from:"), separator.join(r for r in received if r))
        add(self.tr("How:"), provenance.how)
        if document.kind is DocumentKind.TESTIMONY:
            consent = document.consent
            parts = [labels.label(consent.audience)]
            if consent.anonymise:
                parts.append(self.tr("the witness must be anonymised"))
            if consent.withdrawn:
                parts.append(self.tr("consent withdrawn: never leaves the archive"))
            add(self.tr("Consent:"), separator.join(parts))

    def _date_text(self, document: Document) -> str:
        if document.date is None:
            return self.tr("Undated")
        shown = format_date(document.date, self._preferences.calendar, self._preferences.language)
        precision = {
            "day": self.tr("the day is known"),
            "month": self.tr("only the month is known"),
            "season": self.tr("only the season is known"),
            "year": self.tr("only the year is known"),
        }[document.date.precision.value]
        return self.tr("%1 (%2)").replace("%1", shown).replace("%2", precision)


def _start_of_line(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side where lines of ``direction`` start. Absolute: Qt would otherwise swap left
    and right once more for right-to-left text."""
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return side | Qt.AlignmentFlag.AlignAbsolute
