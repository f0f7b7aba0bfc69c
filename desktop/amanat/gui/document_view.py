"""One document: its page beside its texts, each at the full height, and its details and
annotations in a panel beside them that can be tucked away.

Pages are shown from memory: the preview arrives from the worker as bytes and becomes an
image here, never a file. Each text is typed in its own editor and takes its direction from
its own content.

Annotations are drawn here (passages in the texts, rectangles on the pages) and listed in
the panel beside the texts; gui/annotations/controller.py decides what they do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import readable_date
from amanat.core.errors import AmanatError
from amanat.core.records import (
    Document,
    DocumentKind,
    ImageRegion,
    Text,
    TextKind,
    TextRange,
    TimeRange,
    Visibility,
)
from amanat.gui import labels
from amanat.gui.annotations.highlights import Highlight
from amanat.gui.annotations.looks import colour_of
from amanat.gui.annotations.moments import MomentMarker
from amanat.gui.annotations.operations import AnnotationRow
from amanat.gui.annotations.panel import AnnotationPanel
from amanat.gui.annotations.regions import Fractions, PageCanvas, Region
from amanat.gui.messages import error_message
from amanat.gui.operations import DocumentDetails, page_preview
from amanat.gui.page_info import read_page_record
from amanat.gui.page_strip import PageStrip
from amanat.gui.player_bar import PlayerBar
from amanat.gui.recording_device import Ranged
from amanat.gui.recording_view import RecordingView
from amanat.gui.redaction_tools import redaction_tools
from amanat.gui.settings import Preferences
from amanat.gui.tag_editor import TagEditor
from amanat.gui.text_direction import isolated, start_of_line
from amanat.gui.text_editor import TextEditor
from amanat.gui.timecode_lines import TimedText, is_recording, recording_source
from amanat.gui.worker import Worker


class PageViewer(QWidget):
    """A page at a time, fitted to the width or zoomed, turned for viewing only; with the
    rectangles annotated on it, and a mode to draw a new one."""

    region_marked = Signal(str, float, float, float, float)
    """(page id, x, y, width, height): a rectangle drawn, as fractions of the upright page."""
    region_clicked = Signal(str)
    redaction_marked = Signal(str, float, float, float, float)
    """(page id, x, y, width, height): a rectangle drawn to redact, as fractions of the upright
    page."""
    page_turned = Signal(int)
    """The page shown now (from 0): the page strip follows."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._page_ids: tuple[str, ...] = ()
        self._rotations: tuple[int, ...] = ()
        self._current = 0
        self._image = QImage()
        self._turn = 0
        self._zoom: float | None = None  # None: fit to the width
        self._regions: list[Region] = []
        self._redactions: list[tuple[str, str, Fractions]] = []
        self._scroll_to_chosen = False
        self.picture = PageCanvas()
        self.picture.region_drawn.connect(self._region_drawn)
        self.picture.region_clicked.connect(self.region_clicked)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position = QLabel()
        # A tool bar rather than a row of buttons: when the page is given little width (a
        # narrow window, the text given the room) the buttons that do not fit go into its
        # overflow menu instead of holding the whole window wide.
        bar = QToolBar()
        bar.setObjectName("page-bar")
        bar.setMovable(False)
        # Pointing the way the pages turn: to the right for the previous page in Persian.
        back, forward = ("\u203a", "\u2039") if self.isRightToLeft() else ("\u2039", "\u203a")
        self.previous_button = self._button(
            "go-previous", self.tr("Previous page"), self.previous, back
        )
        self.next_button = self._button("go-next", self.tr("Next page"), self.next, forward)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position)
        bar.addWidget(self.next_button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # The buttons that go into the overflow menu first are the last ones: the zoom,
        # which fitting to the width mostly makes unneeded.
        self.mark_button = self._button("draw-rectangle", self.tr("Mark a region"), lambda: None)
        self.mark_button.setCheckable(True)
        self.mark_button.setToolTip(
            self.tr("Drag a rectangle on the page to annotate that part of it")
        )
        self.mark_button.toggled.connect(self.picture.set_marking)
        first_tool = bar.addWidget(self.mark_button)
        tools = redaction_tools(self)
        self.redact_button = tools.region
        self.remove_redaction_action = tools.remove
        self.faces_button = tools.faces
        bar.addWidget(self.redact_button)
        bar.addWidget(self.faces_button)
        bar.addWidget(self._button("object-rotate-right", self.tr("Turn the page"), self.rotate))
        # Without the theme's icons (Windows, a bare Linux) a sign stands in for the
        # word, which stays in the tooltip: "‹", "›", "−", "↔", "+" are in every font.
        bar.addWidget(
            self._button("zoom-out", self.tr("Zoom out"), lambda: self._zoom_by(0.8), "\u2212")
        )
        bar.addWidget(self._button("zoom-fit-width", self.tr("Fit to width"), self.fit, "\u2194"))
        bar.addWidget(self._button("zoom-in", self.tr("Zoom in"), lambda: self._zoom_by(1.25), "+"))
        # What acts on a page's picture: hidden on a recording's page, which has none.
        in_bar = bar.actions()
        self.picture_tools = in_bar[in_bar.index(first_tool) :]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.scroller, 1)
        self.clear()

    def _button(
        self, icon: str, text: str, slot: Callable[[], None], sign: str = ""
    ) -> QToolButton:
        button = QToolButton()
        button.setText(sign or text)
        button.setToolTip(text)
        button.setAccessibleName(text)
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

    def go_to(self, index: int) -> None:
        """Turn to the page at ``index`` (from 0), as the page strip asks."""
        if 0 <= index < len(self._page_ids) and index != self._current:
            self._current = index
            self._load()

    def clear(self) -> None:
        self._page_ids = ()
        self._regions = []
        self.picture.regions = []
        self._redactions = []
        self.picture.redactions = []
        self.picture.chosen = None
        self.mark_button.setChecked(False)
        self.redact_button.setChecked(False)
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
        self.page_turned.emit(self._current)
        self._worker.submit(page_preview(page_id), self, lambda data: self._arrived(page_id, data))

    def _arrived(self, page_id: str, data: bytes | None) -> None:
        if not self._page_ids or self._page_ids[self._current] != page_id:
            return  # the user moved on meanwhile
        self._image = QImage.fromData(data) if data else QImage()
        if self._image.isNull():
            self.picture.setText(self.tr("This page has no picture to show."))
            return
        self._draw()

    @property
    def current_page_id(self) -> str | None:
        return self._page_ids[self._current] if self._page_ids else None

    def set_regions(self, regions: list[Region]) -> None:
        self._regions = list(regions)
        self._show_regions()

    def show_region(self, annotation_id: str) -> None:
        """Turn to the page of an annotated rectangle and draw it stronger."""
        region = next((r for r in self._regions if r.annotation_id == annotation_id), None)
        self.picture.chosen = annotation_id if region is not None else None
        if region is None:
            self.picture.update()
            return
        self._scroll_to_chosen = True
        if region.page_id in self._page_ids and region.page_id != self.current_page_id:
            self._current = self._page_ids.index(region.page_id)
            self._load()
        else:
            self._show_regions()

    def set_redactions(self, redactions: list[tuple[str, str, Fractions]]) -> None:
        """(redaction id, page id, rectangle) of the document's redacted rectangles."""
        self._redactions = list(redactions)
        self._show_regions()

    def _show_regions(self) -> None:
        page_id = self.current_page_id
        self.picture.regions = [r for r in self._regions if r.page_id == page_id]
        self.picture.redactions = [(r, box) for r, page, box in self._redactions if page == page_id]
        self.picture.update()
        chosen = next(
            (r for r in self.picture.regions if r.annotation_id == self.picture.chosen), None
        )
        if chosen is not None and self._scroll_to_chosen and not self.picture.pixmap().isNull():
            self._scroll_to_chosen = False
            centre = self.picture.view_rect(chosen.rectangle).center()
            self.scroller.ensureVisible(round(centre.x()), round(centre.y()))

    def _region_drawn(self, x: float, y: float, width: float, height: float) -> None:
        page_id = self.current_page_id
        redacting = self.redact_button.isChecked()
        # One rectangle each time the mode is chosen: the next click chooses again.
        self.mark_button.setChecked(False)
        self.redact_button.setChecked(False)
        if page_id is not None:
            marked = self.redaction_marked if redacting else self.region_marked
            marked.emit(page_id, x, y, width, height)

    def _draw(self) -> None:
        if self._image.isNull():
            return
        self.picture.turn = self._turn
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
        self._show_regions()

    def _update_bar(self) -> None:
        count = len(self._page_ids)
        self.position.setText(
            labels.fill(self.tr("Page %1 of %2"), str(self._current + 1), str(count))
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
    details_shown = Signal(str)
    """A document was shown, or shown anew after a change: its annotations are read again."""
    annotate_passage = Signal(object, int, int)
    """(TextEditor, start, end): annotate the passage selected in that editor."""
    region_marked = Signal(str, float, float, float, float)
    annotation_clicked = Signal(str)
    redact_passage = Signal(object, int, int)
    """(TextEditor, start, end): redact the passage selected in that editor."""
    unredact_requested = Signal(str)
    """A redaction's id: a passage's Remove Redaction."""
    """A highlight or a rectangle was clicked."""

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
        self.pages.region_marked.connect(self.region_marked)
        self.pages.region_clicked.connect(self.annotation_clicked)
        self.page_strip = PageStrip(worker)
        self.page_strip.attach_viewer(self.pages)
        self.page_strip.page_chosen.connect(self.pages.go_to)
        self.pages.page_turned.connect(self.page_strip.select_page)
        # A recording page is played from memory in a bar under the page (gui/player_bar.py);
        # its keys and F8 (mark a line's time) work from anywhere in this window.
        self._worker = worker
        self.player = PlayerBar()
        self.player.hide()
        # A recording page shows its video, or a card saying what it is, where the page's
        # picture would be (gui/recording_view.py).
        self.recording_view = RecordingView()
        self.recording_view.hide()
        page_room = self.pages.layout()
        assert isinstance(page_room, QVBoxLayout)
        page_room.addWidget(self.recording_view, 1)
        self.player.video_frame.connect(self.recording_view.show_frame)
        self.timed = TimedText(worker, self.player, self._player_failed)
        self.moments = MomentMarker(self.player, lambda: self.pages.current_page_id, self._turn_to)
        self.addActions(
            [*self.player.actions_for_keys, self.timed.mark_action, *self.moments.actions_for_keys]
        )
        self._playing_page: str | None = None
        self.pages.page_turned.connect(lambda _index: self._page_turned())
        self.annotations = AnnotationPanel()
        self.texts = QTabWidget()
        self.texts.setDocumentMode(True)
        self.texts.setCornerWidget(self.add_text_button, Qt.Corner.TopRightCorner)
        self.document_id: str | None = None
        self.tags = TagEditor()
        self.details = QWidget()
        self.form = QFormLayout(self.details)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
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
        self.lower_tabs = QTabWidget()
        self.lower_tabs.setObjectName("details-panel")
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(below, self.tr("Details"))
        self.lower_tabs.addTab(self.annotations, "")
        self._count_annotations(0)
        # The page and the text being typed from it side by side, each at the full height;
        # the details and annotations a panel beside them that one button tucks away.
        self.reading_split = QSplitter(Qt.Orientation.Horizontal)
        self.reading_split.setObjectName("reading-split")
        # The page and its strip of thumbnails are one column, shown or hidden together.
        self.page_column = QWidget()
        page_layout = QVBoxLayout(self.page_column)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.pages, 1)
        page_layout.addWidget(self.player)
        page_layout.addWidget(self.page_strip)
        self.reading_split.addWidget(self.page_column)
        self.reading_split.addWidget(self.texts)
        self.reading_split.addWidget(self.lower_tabs)
        self.reading_split.setChildrenCollapsible(False)
        self.reading_split.setStretchFactor(0, 5)
        self.reading_split.setStretchFactor(1, 5)
        self.reading_split.setStretchFactor(2, 2)
        self.reading_split.setSizes([460, 460, 220])
        self.details_button = QToolButton()
        self.details_button.setObjectName("details-button")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setToolTip(
            self.tr("Show or hide the details, tags and annotations beside the text")
        )
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.toggled.connect(lambda shown: self._show_part(self.lower_tabs, shown))
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.reading_split, 1)
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
        # Nothing chosen: the sentence alone, no empty page, text and details under it.
        for part in (self.reading_split, self.details_button, self.edit_button):
            part.hide()
        self.pages.clear()
        self.page_strip.clear()
        self._drop_recording()
        self.moments.forget()
        self.timed.forget()
        self._show_part(self.page_column, False)
        self.annotations.clear()
        self._count_annotations(0)
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
        for part in (self.reading_split, self.details_button, self.edit_button):
            part.show()
        self.tags.set_tags(details.tags)
        # A document in the trash is shown as it is, not changed.
        changeable = document.trashed is None
        self.tags.setEnabled(changeable)
        self.edit_button.setEnabled(changeable)
        self.add_text_button.setEnabled(changeable)
        self.title.setText(isolated(document.title))
        self.annotations.set_changeable(changeable)
        self.pages.mark_button.setEnabled(changeable and bool(details.pages))
        self.pages.redact_button.setEnabled(changeable and bool(details.pages))
        self.pages.faces_button.setEnabled(changeable and bool(details.pages))
        self.page_strip.show_pages(document, details.pages)  # first: it follows the viewer
        # A document without pages (a testimony typed in) gives the whole width to its texts.
        self._show_part(self.page_column, bool(details.pages))
        self.pages.show_pages(
            tuple(p.id for p in details.pages), tuple(p.rotation for p in details.pages)
        )
        present = {text.id for text in details.texts}
        for gone in self.editors:
            if gone.stored and gone.text.id not in present:
                # The text left the archive (its adding was undone). Its tab goes too, unless
                # something was typed in it since: then it stays, as a text not yet added.
                if gone.is_modified:
                    gone.stored = False
                else:
                    self.texts.removeTab(self.texts.indexOf(gone))
                    gone.deleteLater()
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
        self.timed.follow(self.editors)
        self._page_turned()
        while self.form.rowCount():
            self.form.removeRow(0)
        self._fill_details(details)
        self.details_shown.emit(document.id)

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
        editor.annotate_requested.connect(
            lambda start, end, e=editor: self.annotate_passage.emit(e, start, end)
        )
        editor.annotation_clicked.connect(self.annotation_clicked)
        editor.redact_requested.connect(
            lambda start, end, e=editor: self.redact_passage.emit(e, start, end)
        )
        editor.unredact_requested.connect(self.unredact_requested)
        self.texts.addTab(editor, "")
        self._label_tab(editor)
        return editor

    # --- Recordings ------------------------------------------------------------------------

    def _page_turned(self) -> None:
        """Open the player for a recording page; drop what it played for any other."""
        page_id = self.pages.current_page_id
        page = next((p for p in self.shown.pages if p.id == page_id), None) if self.shown else None
        if page is None or not is_recording(page.mime_type):
            self._drop_recording()
            return
        if page.id == self._playing_page:
            return
        self._drop_recording()
        self._playing_page = page.id
        self.pages.scroller.hide()
        for tool in self.pages.picture_tools:
            tool.setVisible(False)
        self.recording_view.show()
        self._worker.submit(
            read_page_record(page.id), self, self.recording_view.show_record, self._player_failed
        )
        self._worker.submit(
            recording_source(page.id),
            self,
            lambda source: self._recording_opened(page.id, source),
            self._player_failed,
        )
        self.player.show()

    def _recording_opened(self, page_id: str, source: Ranged) -> None:
        self.player.open(source)
        self.moments.opened(page_id)

    def _turn_to(self, page_id: str) -> None:
        page_ids = [p.id for p in self.shown.pages] if self.shown else []
        if page_id in page_ids and page_id != self.pages.current_page_id:
            self.pages.go_to(page_ids.index(page_id))

    def _drop_recording(self) -> None:
        self._playing_page = None
        self.moments.cancel()
        self.player.drop()
        self.player.hide()
        self.recording_view.clear()
        self.recording_view.hide()
        self.pages.scroller.show()
        for tool in self.pages.picture_tools:
            tool.setVisible(True)

    def _player_failed(self, error: Exception) -> None:
        if isinstance(error, AmanatError):
            self.player.say(error_message(error))
        else:
            raise error

    # --- Annotations -----------------------------------------------------------------------

    def show_annotations(self, rows: list[AnnotationRow]) -> None:
        """Draw the document's annotations on its texts and pages, and list them."""
        self.annotations.show_rows(rows)
        self.moments.set_rows(rows)
        self._count_annotations(len(rows))
        for editor in self.editors:
            editor.set_highlights(
                [
                    Highlight(
                        row.id,
                        row.annotation.target.start,
                        row.annotation.target.end,
                        colour_of(row.tags).name(),
                        row.annotation.visibility is Visibility.SHAREABLE,
                    )
                    for row in rows
                    if isinstance(row.annotation.target, TextRange)
                    and row.annotation.target.text_id == editor.text.id
                    and not row.annotation.orphaned
                ]
            )
        self.pages.set_regions(
            [
                Region(
                    row.id,
                    row.annotation.target.page_id,
                    (
                        row.annotation.target.x,
                        row.annotation.target.y,
                        row.annotation.target.width,
                        row.annotation.target.height,
                    ),
                    colour_of(row.tags).name(),
                    row.annotation.visibility is Visibility.SHAREABLE,
                )
                for row in rows
                if isinstance(row.annotation.target, ImageRegion)
            ]
        )

    def show_annotation(self, row: AnnotationRow, move: bool) -> None:
        """Show one annotation where it is: its passage (``move``: selected and scrolled to,
        in its text's tab) or its rectangle (on its page)."""
        target = row.annotation.target
        if isinstance(target, ImageRegion):
            self.pages.show_region(row.id)
            return
        if isinstance(target, TimeRange):
            self.moments.show(target)
            return
        for editor in self.editors:
            if editor.text.id == target.text_id:
                if move and not row.annotation.orphaned:
                    self.texts.setCurrentWidget(editor)
                editor.choose(row.id, move=move and not row.annotation.orphaned)
            else:
                editor.choose(None)

    def _show_part(self, part: QWidget, shown: bool) -> None:
        """Show or hide the page or the details panel; the text gets the room either way
        (a splitter would give a hidden part's room to its neighbour, or show a part again
        as a sliver when it was hidden since the window was made)."""
        if shown != part.isHidden():
            return
        split = self.reading_split
        sizes = split.sizes()
        index = split.indexOf(part)
        text = split.indexOf(self.texts)
        if shown:
            wanted = sum(sizes) * (2 if part is self.page_column else 1) // 5
            wanted = max(wanted, part.minimumSizeHint().width())
            taken = min(wanted, max(0, sizes[text] - self.texts.minimumSizeHint().width()))
            sizes[text] -= taken
            sizes[index] = taken
        else:
            sizes[text] += sizes[index]
            sizes[index] = 0
        part.setVisible(shown)
        if sum(sizes):
            split.setSizes(sizes)

    def reveal_annotations(self) -> None:
        self.details_button.setChecked(True)
        self.lower_tabs.setCurrentWidget(self.annotations)

    @property
    def details_visible(self) -> bool:
        return self.details_button.isChecked()

    def set_details_visible(self, visible: bool) -> None:
        self.details_button.setChecked(visible)

    def _count_annotations(self, count: int) -> None:
        index = self.lower_tabs.indexOf(self.annotations)
        self.lower_tabs.setTabText(
            index,
            labels.fill(self.tr("Annotations (%1)"), str(count))
            if count
            else self.tr("Annotations"),
        )

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

        def add(label: str, value: str, tooltip: str = "") -> None:
            if value:
                shown = QLabel(value)
                shown.setToolTip(tooltip)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                # Values line up on the window's side, whatever language each one is in.
                shown.setAlignment(start_of_line(self.layoutDirection()))
                self.form.addRow(label, shown)

        add(self.tr("Kind:"), labels.label(document.kind))
        add(self.tr("Date:"), self._date_text(document))

        def add_people(label: str, ids: Sequence[str]) -> None:
            # Each name in the interface's script; the other script's names one hover away.
            named = [details.people[p] for p in ids if p in details.people]
            add(
                label,
                separator.join(isolated(labels.person_name(p)) for p in named),
                "\n".join(labels.person_tooltip(p) for p in named),
            )

        add_people(self.tr("From:"), [document.author_id] if document.author_id else [])
        add_people(self.tr("To:"), document.recipient_ids)
        add_people(self.tr("About:"), document.concerned_ids)
        provenance = document.provenance
        received = [provenance.received_from]
        if provenance.received_on is not None:
            received.append(readable_date(provenance.received_on, self._preferences.language))
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
        # As entered, then the other calendar's reading (docs/dates.md).
        shown = readable_date(document.date, self._preferences.language)
        precision = labels.label(document.date.precision)
        return self.tr("%1 (%2)").replace("%1", shown).replace("%2", precision)
