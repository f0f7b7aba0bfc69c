"""One document: its pages beside its texts, and its details underneath.

Pages are shown from memory: the preview arrives from the worker as bytes and becomes an
image here, never a file. Each text is typed in its own editor and takes its direction from
its own content.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import format_date
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.gui import labels
from amanat.gui.operations import DocumentDetails, page_preview
from amanat.gui.settings import Preferences
from amanat.gui.tag_editor import TagEditor
from amanat.gui.text_direction import isolated, start_of_line
from amanat.gui.text_editor import TextEditor
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
        if page_ids and (page_ids, rotations) == (self._page_ids, self._rotations):
            return  # read anew after a change: stay on the page being read
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
    """The chosen document. Its texts are editable; its other details are changed in the
    details dialog, which ``edit_details_requested`` asks ArchiveView to open."""

    edit_details_requested = Signal()
    save_requested = Signal()
    """A text's Save button: ArchiveView saves every edited text of the document."""

    def __init__(self, worker: Worker, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self._preferences = preferences
        self.shown: DocumentDetails | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit details…"))
        self.edit_button.setToolTip(
            self.tr("Change the title, date, people, provenance and consent of this document")
        )
        self.edit_button.clicked.connect(self.edit_details_requested)
        self.add_text_button = QToolButton()
        self.add_text_button.setText(self.tr("Add text"))
        self.add_text_button.setToolTip(
            self.tr("Add a transcription, translation or summary to this document")
        )
        self.add_text_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_text_button)
        for kind in TextKind:
            action = add_menu.addAction(labels.label(kind))
            action.setObjectName(f"add-{kind.value}")
            action.triggered.connect(lambda _=False, kind=kind: self.add_text(kind))
        self.add_text_button.setMenu(add_menu)
        self.pages = PageViewer(worker)
        self.texts = QTabWidget()
        self.texts.setDocumentMode(True)
        self.texts.setCornerWidget(self.add_text_button, Qt.Corner.TopRightCorner)
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
        # The details scroll rather than squeeze: on a small screen the text being typed
        # keeps the room.
        details_area = QScrollArea()
        details_area.setWidget(self.details)
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QScrollArea.Shape.NoFrame)
        below_layout.addWidget(details_area, 1)
        side.addWidget(below)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 1)
        side.setSizes([420, 220])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(side)
        split.setSizes([500, 500])
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(split, 1)
        self.clear()

    def clear(self) -> None:
        """Empty the view. Edits not saved are dropped: ArchiveView saves them first."""
        self.document_id = None
        self.shown = None
        self.tags.clear()
        self.tags.setEnabled(False)
        self.edit_button.setEnabled(False)
        self.add_text_button.setEnabled(False)
        self.title.setText(self.tr("Choose a document from the list."))
        self.pages.clear()
        while self.texts.count():
            widget = self.texts.widget(0)
            self.texts.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        while self.form.rowCount():
            self.form.removeRow(0)

    @property
    def editors(self) -> list[TextEditor]:
        found = (self.texts.widget(n) for n in range(self.texts.count()))
        return [editor for editor in found if isinstance(editor, TextEditor)]

    def edited_texts(self) -> list[TextEditor]:
        """The editors holding an edit not yet saved."""
        return [editor for editor in self.editors if editor.can_save]

    def show_document(self, details: DocumentDetails) -> None:
        """Show ``details``. The same document again (read anew after a change) keeps its
        editors, with the cursor and any edit not yet saved, and the page being read."""
        document = details.document
        if document.id != self.document_id:
            self.clear()
        self.document_id = document.id
        self.shown = details
        self.tags.set_tags(details.tags)
        # A document in the trash is shown as it is, not changed.
        changeable = document.trashed is None
        self.tags.setEnabled(changeable)
        self.edit_button.setEnabled(changeable)
        self.add_text_button.setEnabled(changeable)
        self.title.setText(isolated(document.title))
        self.pages.show_pages(
            tuple(p.id for p in details.pages), tuple(p.rotation for p in details.pages)
        )
        editors = {editor.text.id: editor for editor in self.editors}
        for text in details.texts:
            editor = editors.get(text.id)
            if editor is None:
                self._add_editor(text, stored=True)
            else:
                editor.set_saved(text)
        for editor in self.editors:
            editor.set_read_only(not changeable)
            self._label_tab(editor)
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fill_details(details)

    def add_text(self, kind: TextKind) -> TextEditor | None:
        """A new, empty text to type into; it comes into the archive when first saved."""
        if self.document_id is None or not self.add_text_button.isEnabled():
            return None
        editor = self._add_editor(
            Text(self.document_id, kind, self._likely_language(kind), ""), stored=False
        )
        self.texts.setCurrentWidget(editor)
        editor.body.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def _likely_language(self, kind: TextKind) -> str:
        # A transcription is in the letter's language, most often Persian; a translation
        # is most often into the other language of the ones already typed.
        typed = [editor.language_code() for editor in self.editors]
        if kind is TextKind.TRANSCRIPTION:
            return typed[0] if typed else "fa"
        if kind is TextKind.TRANSLATION:
            return "en" if not typed or typed[0] != "en" else "fa"
        return self._preferences.language

    def _add_editor(self, text: Text, stored: bool) -> TextEditor:
        editor = TextEditor(text, stored)
        editor.modified_changed.connect(lambda _=False, e=editor: self._label_tab(e))
        editor.language.currentTextChanged.connect(lambda _="", e=editor: self._label_tab(e))
        editor.status.currentIndexChanged.connect(lambda _=0, e=editor: self._label_tab(e))
        editor.save_requested.connect(self.save_requested)
        self.texts.addTab(editor, "")
        self._label_tab(editor)
        return editor

    def _label_tab(self, editor: TextEditor) -> None:
        index = self.texts.indexOf(editor)
        if index < 0:
            return
        content = editor.content()
        label = (
            self.tr("%1 · %2 · %3")
            .replace("%1", labels.label(editor.kind))
            .replace("%2", labels.language_name(content.language))
            .replace("%3", labels.label(content.status))
        )
        # The mark tells that the tab holds an edit not yet saved.
        self.texts.setTabText(
            index, labels.fill(self.tr("%1 •"), label) if editor.is_modified else label
        )

    def _fill_details(self, details: DocumentDetails) -> None:
        document = details.document
        separator = labels.list_separator()

        def add(label: str, value: str) -> None:
            if value:
                shown = QLabel(value)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                # Values line up on the window's side, whatever language each one is in.
                shown.setAlignment(start_of_line(self.layoutDirection()))
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
        precision = labels.label(document.date.precision)
        return self.tr("%1 (%2)").replace("%1", shown).replace("%2", precision)
