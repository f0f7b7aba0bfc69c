"""The open archive: the sidebar, the document list (or a person's page above their
documents, or search results) and the chosen document, side by side.

Changes made here (texts, details, moving to the trash, restoring, tags and their colours) go
on an undo stack, each made with the way to undo it (gui/edits.py); after each one the views
are read again from the archive, keeping what was chosen.

Nothing typed is lost: texts are saved with Save or Ctrl+S, and an edit still unsaved is
saved on its own when the user moves to another document (an undoable change like any save,
so a mistaken edit is one Ctrl+Z away) and before the archive is locked. Asking "save the
changes?" instead would put a question in front of every move, and a tired "No" would
throw away an hour's transcription; saving keeps the work, and undo keeps the choice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import Calendar, FuzzyDate, readable_date
from amanat.core.errors import AmanatError
from amanat.core.records import Tag
from amanat.core.settings import ArchiveSettings
from amanat.core.storage.documents import DocumentFilter
from amanat.gui import labels
from amanat.gui.annotations.controller import AnnotationController
from amanat.gui.casefile import CaseFileDialog
from amanat.gui.details_dialog import DocumentDetailsDialog
from amanat.gui.document_view import DocumentView
from amanat.gui.edits import Edits
from amanat.gui.empty_states import EmptyArchive, EmptyPerson
from amanat.gui.idle_save import IdleSave
from amanat.gui.messages import error_message
from amanat.gui.models.document_list import ID_ROLE, THUMBNAIL_HEIGHT, DocumentListModel
from amanat.gui.models.sidebar import FILTER_ROLE, SidebarModel
from amanat.gui.operations import (
    DocumentColumn,
    DocumentDetails,
    PersonDetails,
    SidebarContent,
    TagEntry,
    TextContent,
    add_text,
    document_details,
    document_title,
    empty_trash,
    load_sidebar,
    person_details,
    save_document_fields,
    save_settings,
    save_text,
    tag_entries,
)
from amanat.gui.page_edits import PageEdits
from amanat.gui.people.actions import PeopleActions
from amanat.gui.person_card import PersonCard
from amanat.gui.reading_layout import WindowLayout
from amanat.gui.redaction import RedactionController
from amanat.gui.search_panel import SearchField, SearchPanel
from amanat.gui.settings import Preferences
from amanat.gui.tag_actions import TagActions
from amanat.gui.tag_colours import ask_tag_colour
from amanat.gui.text_direction import DirectionalItemDelegate
from amanat.gui.text_editor import TextEditor
from amanat.gui.timeline.view import TimelineView
from amanat.gui.worker import Operation, Worker


def ask_to_empty_trash(parent: QWidget, count: int) -> bool:
    """The confirmation before removing documents and removed pages for good; tests replace
    it."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("ArchiveView", "Empty the trash"),
        labels.fill(
            QCoreApplication.translate(
                "ArchiveView",
                "Remove the documents and pages in the trash (%1) for good? This is "
                "permanent: they cannot be restored, and it cannot be undone.",
            ),
            str(count),
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


DEFAULT_SIZES = {"sidebar": (200, 1000), "list": (220, 480), "page": (440, 460, 220)}
"""The dividers' first places: the document given most of the room, page and text alike."""


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _icon(name: str) -> QIcon:
    return QIcon.fromTheme(name)


class ArchiveView(QWidget):
    document_shown = Signal(str)
    status = Signal(str)
    unsaved_at_lock = Signal(object)
    """An AmanatError: an edit saved as the archive locked could not be saved."""
    """A short sentence for the status bar (what was done, or why it was not)."""
    lock_requested = Signal()
    """The Lock button of a window this view opened (the timeline's) was pressed."""

    def __init__(self, worker: Worker, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self._worker = worker
        self._shown_id: str | None = None
        self._content: SidebarContent | None = None
        self._preferences = preferences
        self.confirm_empty_trash: Callable[[QWidget, int], bool] = ask_to_empty_trash
        self.choose_tag_colour: Callable[[QWidget, str, str | None], str | None] = ask_tag_colour
        """Asks a tag's colour (the path, the current colour); tests replace it."""
        self.details_dialog: DocumentDetailsDialog | None = None
        self.timeline_view: TimelineView | None = None
        self.case_file_dialog: CaseFileDialog | None = None
        """The last case file dialog opened (tests follow it)."""
        """The open timeline window of a person, if any (one at a time)."""
        self.undo_stack = QUndoStack(self)
        self.edits = Edits(self.undo_stack, self._run_change, self)
        self.people = PeopleActions(
            worker, self.undo_stack, self._run_change, lambda: self._content, self
        )
        self.people.status.connect(self.status)
        self.people.person_added.connect(self._person_added)
        self.people.leaving_person.connect(self._leaving_person)

        self.sidebar_model = SidebarModel(self)
        self.sidebar = QTreeView()
        self.sidebar.setModel(self.sidebar_model)
        self.sidebar.setHeaderHidden(True)
        self.sidebar.setUniformRowHeights(True)
        self.sidebar.setItemDelegate(DirectionalItemDelegate(self.sidebar))
        self.sidebar.selectionModel().selectionChanged.connect(self._filter_chosen)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu_requested)
        self.tag_actions = TagActions(
            worker, self.undo_stack, self._run_change, self.refresh, self._known_tags, self
        )
        self.tag_actions.choose_colour = lambda *asked: self.choose_tag_colour(*asked)
        self.tag_actions.status.connect(self.status)
        self.tag_actions.add_shortcuts(self.sidebar, self._chosen_tag)
        self.sidebar.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        # Queued: the move rebuilds the sidebar, which must not happen inside its own drop.
        self.sidebar_model.tag_dropped.connect(
            self.tag_actions.move_under, Qt.ConnectionType.QueuedConnection
        )

        self.documents = DocumentListModel(worker, preferences, self)
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
            (DocumentColumn.DATE, self._date_column_width()),
            (DocumentColumn.KIND, 90),
            (DocumentColumn.PEOPLE, 160),
        ):
            header.resizeSection(int(column), width)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._document_chosen)

        self.search_field = SearchField()
        self.search_field.setPlaceholderText(self.tr("Search names, letters, notes…"))
        self.search_field.setClearButtonEnabled(True)
        if not _icon("edit-find").isNull():  # no empty space where the theme has none
            self.search_field.addAction(
                _icon("edit-find"), self.search_field.ActionPosition.LeadingPosition
            )
        self.search = SearchPanel(worker, self.search_field)
        self.search.document_chosen.connect(self.show_document)
        self.search.person_chosen.connect(self.show_person)
        self.search_field.textChanged.connect(self._search_toggled)

        self.person = PersonCard()
        self.person.timeline_requested.connect(self.open_timeline)
        self.person.new_event_requested.connect(self.new_event)
        self.person.edit_requested.connect(self.people.edit)
        self.person.restore_requested.connect(self.people.restore)
        self.person.case_file_requested.connect(self.export_case_file)
        self.person.hide()
        self.trash_bar = self._make_trash_bar()
        self.trash_bar.hide()
        self.empty_archive = EmptyArchive()
        self.empty_person = EmptyPerson()
        self.list_or_results = QStackedWidget()
        self.list_or_results.addWidget(self.table)
        self.list_or_results.addWidget(self.search)
        # Each in a scroll area: a stack is as tall as its tallest page, and the first steps
        # must not hold the list tall once there are documents.
        self._empty_pages = {
            self.empty_archive: _scrolling(self.empty_archive),
            self.empty_person: _scrolling(self.empty_person),
        }
        for page in self._empty_pages.values():
            self.list_or_results.addWidget(page)
        self.list_column = QWidget()
        list_layout = QVBoxLayout(self.list_column)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search_field)
        list_layout.addWidget(self.person)
        list_layout.addWidget(self.trash_bar)
        list_layout.addWidget(self.list_or_results, 1)

        self.document = DocumentView(worker, preferences)
        # Connected once the document view exists: a window made while an archive is open
        # (after a change of language) has its list filled as it is built.
        self.documents.loaded.connect(self._reselect)
        self.documents.loaded.connect(self._show_list_or_empty)
        self.document.tags.add_requested.connect(self.add_tag)
        self.document.tags.remove_requested.connect(self.remove_tag)
        self.document.save_requested.connect(self.save_texts)
        # What is being typed is saved when the typing pauses (gui/idle_save.py).
        self.idle_save = IdleSave(self.document.edited_texts, self.save_texts, self)
        self.document.edit_details_requested.connect(self.edit_details)
        self.annotations = AnnotationController(
            worker, preferences, self.document, self.undo_stack, self._run_change,
            self.save_texts, self,
        )  # fmt: skip
        self.annotations.status.connect(self.status)
        self.redactions = RedactionController(
            worker, self.document, self.undo_stack, self._run_change, self.save_texts, self
        )
        self.redactions.status.connect(self.status)
        self.page_edits = PageEdits(self.undo_stack, self._run_change, self)
        strip = self.document.page_strip
        strip.move_requested.connect(self.page_edits.move_page)
        strip.remove_requested.connect(self.page_edits.remove_page)
        strip.restore_requested.connect(self.page_edits.restore_page)
        strip.pages_added.connect(lambda _: self.refresh())
        strip.said.connect(self.status)
        self.annotations.unsaved_at_lock.connect(self.unsaved_at_lock)
        self.annotations.open_document.connect(self.show_document)
        # The list above the chosen document, the document given most of the height; the
        # reading layout (set_reading) tucks the sidebar and the list away altogether.
        self.list_split = QSplitter(Qt.Orientation.Vertical)
        self.list_split.setObjectName("list-split")
        self.list_split.addWidget(self.list_column)
        self.list_split.addWidget(self.document)
        self.list_split.setStretchFactor(0, 1)
        self.list_split.setStretchFactor(1, 3)
        self.list_split.setSizes(list(DEFAULT_SIZES["list"]))
        self.sidebar_split = QSplitter(Qt.Orientation.Horizontal)
        self.sidebar_split.setObjectName("sidebar-split")
        self.sidebar_split.addWidget(self.sidebar)
        self.sidebar_split.addWidget(self.list_split)
        self.sidebar_split.setStretchFactor(0, 0)
        self.sidebar_split.setStretchFactor(1, 1)
        self.sidebar_split.setSizes(list(DEFAULT_SIZES["sidebar"]))
        self._normal_sizes: dict[str, list[int]] = {}
        """The dividers' places before the reading layout was turned on, to go back to."""
        self._layout_changed = False
        """The user moved a divider or switched a layout since the archive was opened: it
        is kept in the archive at the lock (only then, so that a lock writes nothing new
        when nothing was changed)."""
        for splitter in (self.sidebar_split, self.list_split, self.document.reading_split):
            splitter.splitterMoved.connect(self._note_layout_change)
        self.document.details_button.toggled.connect(self._note_layout_change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar_split)
        self._make_actions()

    def _date_column_width(self) -> int:
        """Wide enough for a day read in both calendars (the most common date), whichever
        months it names; a longer date (a season's months) is elided, whole in its tooltip."""
        language = labels.interface_language()
        days = [FuzzyDate.of_day(1403, month, 29, Calendar.JALALI) for month in range(1, 13)]
        days += [FuzzyDate.of_day(2024, month, 28, Calendar.GREGORIAN) for month in range(1, 13)]
        metrics = self.table.fontMetrics()
        return max(metrics.horizontalAdvance(readable_date(day, language)) for day in days) + 24

    # --- Actions -------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.trash_action = QAction(_icon("edit-delete"), self.tr("Move to Trash"), self)
        self.trash_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only while the list has focus: Delete in a text field deletes a letter, not a letter.
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.trash_action.triggered.connect(self.trash_selected)
        self.table.addAction(self.trash_action)
        self.restore_action = QAction(_icon("edit-undo"), self.tr("Restore from Trash"), self)
        self.restore_action.triggered.connect(self.restore_selected)
        self.empty_trash_action = QAction(_icon("trash-empty"), self.tr("Empty Trash…"), self)
        self.empty_trash_action.triggered.connect(self.empty_trash)
        self.find_action = QAction(_icon("edit-find"), self.tr("Find"), self)
        self.find_action.setShortcuts(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.save_action = QAction(_icon("document-save"), self.tr("Save"), self)
        self.save_action.setShortcuts(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(self.tr("Save the texts of this document (Ctrl+S)"))
        self.save_action.triggered.connect(self.save_texts)
        self.timeline_action = QAction(self.tr("&Timeline of This Person…"), self)
        self.timeline_action.setShortcut(QKeySequence(self.tr("Ctrl+T")))
        self.timeline_action.triggered.connect(self._timeline_of_chosen_person)
        self.edit_details_action = QAction(self.tr("Edit Details…"), self)
        self.edit_details_action.triggered.connect(self.edit_details)
        self.reading_action = QAction(self.tr("&Reading Layout"), self)
        self.reading_action.setObjectName("reading-layout")
        self.reading_action.setCheckable(True)
        self.reading_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+R")))
        self.reading_action.setToolTip(
            self.tr(
                "Give the whole window to the page and its text; the sidebar and the list "
                "come back with the same key (Ctrl+Shift+R)"
            )
        )
        self.reading_action.toggled.connect(self.set_reading)
        self.details_panel_action = QAction(self.tr("&Details Beside the Text"), self)
        self.details_panel_action.setObjectName("details-beside-text")
        self.details_panel_action.setCheckable(True)
        self.details_panel_action.setChecked(self.document.details_visible)
        self.details_panel_action.toggled.connect(self.document.set_details_visible)
        self.document.details_button.toggled.connect(self.details_panel_action.setChecked)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self._update_actions()

    def _make_trash_bar(self) -> QWidget:
        bar = QWidget()
        note = QLabel(
            self.tr(
                "Documents in the trash can be restored until the trash is emptied. Emptying "
                "it removes them for good."
            )
        )
        note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.empty_button = QPushButton(self.tr("Empty Trash…"))
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(note, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.empty_button)
        return bar

    def _update_actions(self) -> None:
        in_trash = self.documents.current_filter.in_trash
        chosen = self._selected_id() is not None
        self.trash_action.setEnabled(chosen and not in_trash)
        self.restore_action.setEnabled(chosen and in_trash)
        self.restore_button.setEnabled(chosen and in_trash)
        content = self._content
        has_trash = bool(
            content and (content.trash_count or content.trashed_people or content.removed_pages)
        )
        self.empty_trash_action.setEnabled(has_trash)
        self.empty_button.setEnabled(has_trash)

    # --- Filling and emptying ------------------------------------------------------------

    def load(self) -> None:
        """Fill every view from the archive just opened."""
        self._worker.submit(load_sidebar, self, self._sidebar_loaded)
        self._worker.submit(tag_entries, self, self._tags_known)
        self.documents.show_documents(DocumentFilter())

    def refresh(self) -> None:
        """Read everything shown again after a change, keeping what was chosen."""
        self._worker.submit(load_sidebar, self, self._sidebar_reloaded)
        self._worker.submit(tag_entries, self, self._tags_known)
        self.documents.reload()
        if self._shown_id is not None:
            self._load_details(self._shown_id)
        if self.person.person_id is not None:
            self._load_person(self.person.person_id)

    def clear(self) -> None:
        """Empty every view and model, and forget every change: the archive is being locked.

        Edits not yet saved are saved first, straight away rather than as undoable changes
        (the undo history goes with the lock). The worker runs them before it closes the
        archive, since it runs operations in the order they were given."""
        for operation in self._unsaved_operations():
            self._worker.submit(
                operation, self, None, self.unsaved_at_lock.emit, outlives_lock=True
            )
        self._save_layout()
        # Taken first: closing it runs its finished handler, which forgets it too.
        dialog, self.details_dialog = self.details_dialog, None
        if dialog is not None:
            dialog.reject()
            dialog.deleteLater()
        self.tag_actions.close()
        if self.timeline_view is not None:
            self.timeline_view.clear()
            self.timeline_view.close()
            self.timeline_view.deleteLater()
            self.timeline_view = None
        self._shown_id = None
        self._content = None
        self.undo_stack.clear()
        self.annotations.clear()
        self.redactions.clear()
        self.sidebar_model.clear()
        self.documents.clear()
        self.document.clear()
        self.document.tags.set_known([])
        self.person.clear()
        self.search_field.clear()
        self.search.clear()
        self.trash_bar.hide()
        # The next archive opened brings its own layout.
        self.apply_layout(WindowLayout())
        self._layout_changed = False
        self._update_actions()

    def refresh_formatting(self) -> None:
        """The calendar changed: dates are shown anew."""
        if self.timeline_view is not None:
            self.timeline_view.set_calendar(self._preferences.calendar)
        self.documents.reload()
        if self._shown_id is not None:
            self._load_details(self._shown_id)

    # --- Layout -----------------------------------------------------------------------------

    def set_reading(self, on: bool) -> None:
        """The reading layout: the sidebar and the list tucked away, the document given the
        whole window; off, they come back where they were."""
        if on == self.sidebar.isHidden():
            return
        if on:
            self._normal_sizes = {
                "sidebar": self.sidebar_split.sizes(),
                "list": self.list_split.sizes(),
            }
        self.sidebar.setVisible(not on)
        self.list_column.setVisible(not on)
        if not on and self._normal_sizes:
            self.sidebar_split.setSizes(self._normal_sizes["sidebar"])
            self.list_split.setSizes(self._normal_sizes["list"])
        self.reading_action.setChecked(on)
        self._note_layout_change()

    @property
    def reading(self) -> bool:
        return self.sidebar.isHidden()

    def layout_state(self) -> WindowLayout:
        """Where the dividers are now (those of the list and the sidebar as they were before
        the reading layout hid them)."""
        normal = self._normal_sizes if self.reading else {}
        return WindowLayout(
            reading=self.reading,
            details=self.document.details_visible,
            sizes={
                "sidebar": tuple(normal.get("sidebar") or self.sidebar_split.sizes()),
                "list": tuple(normal.get("list") or self.list_split.sizes()),
                "page": tuple(self.document.reading_split.sizes()),
            },
        )

    def apply_layout(self, layout: WindowLayout) -> None:
        self.set_reading(False)
        splitters = {
            "sidebar": self.sidebar_split,
            "list": self.list_split,
            "page": self.document.reading_split,
        }
        for name, splitter in splitters.items():
            usual = DEFAULT_SIZES[name]
            sizes = layout.sizes.get(name)
            if not sizes or len(sizes) != splitter.count():
                # The usual proportions, in the room the window has now.
                room = sum(splitter.sizes()) or sum(usual)
                sizes = tuple(room * size // sum(usual) for size in usual)
            # A part hidden when the layout was kept (no page, no details) reads 0: it comes
            # back at its usual size rather than as a sliver.
            splitter.setSizes([size or usual[n] for n, size in enumerate(sizes)])
        self.document.set_details_visible(layout.details)
        self.set_reading(layout.reading)

    def restore_layout(self, stored: str | None) -> None:
        """The layout kept in the archive just opened (None: the defaults)."""
        self.apply_layout(WindowLayout.parse(stored))
        self._layout_changed = False

    def _note_layout_change(self, *_: object) -> None:
        self._layout_changed = True

    def _save_layout(self) -> None:
        """Keep the layout in the archive (as it locks), if the user changed it."""
        if self._content is not None and self._layout_changed:
            self._worker.submit(
                save_settings(ArchiveSettings(window_layout=self.layout_state().text())),
                self,
                None,
                lambda _error: None,  # a layout not kept is not worth a word at the lock
                outlives_lock=True,
            )

    def _show_list_or_empty(self) -> None:
        """The list, or what to do where there is nothing: an empty archive's first steps,
        an empty person page's first letter. Search results stay while searching."""
        if self.search_field.text():
            self.list_or_results.setCurrentWidget(self.search)
            self.document.show()
            return
        where = self.documents.current_filter
        empty = self.documents.rowCount() == 0
        if empty and where == DocumentFilter():
            shown: QWidget = self.empty_archive
            self.set_reading(False)  # the first steps are in the list's place
        elif empty and where.person_id is not None and where.tag_id is None:
            shown = self.empty_person
        else:
            shown = self.table
        self.list_or_results.setCurrentWidget(self._empty_pages.get(shown, shown))
        # No document to choose: the first steps get the whole height.
        self.document.setVisible(shown is self.table)

    @property
    def sidebar_content(self) -> SidebarContent | None:
        return self._content

    # --- Choosing ------------------------------------------------------------------------

    def select_document(self, document_id: str) -> None:
        row = self.documents.row_of(document_id)
        if row is not None:
            self._select_row(row)

    def show_document(self, document_id: str) -> None:
        """Show one document below the list, whether or not the list holds it (a search
        result may be outside the current filter)."""
        self._shown_id = document_id
        self._load_details(document_id)
        self._update_actions()

    def show_person(self, person_id: str) -> None:
        """A person's page: choose them in the sidebar, which lists their documents."""
        self.search_field.clear()
        index = self.sidebar_model.index_of(DocumentFilter(person_id=person_id))
        if index.isValid():
            self.sidebar.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.set_reading(False)  # the search field is above the list, which reading hides
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def selected_document_ids(self) -> list[str]:
        """The documents chosen in the list (one, as the list selects single rows), for an
        export of "the selected documents"."""
        chosen = self._selected_id()
        return [chosen] if chosen is not None else []

    def _selected_id(self) -> str | None:
        if self.list_or_results.currentWidget() is not self.table:
            return self._shown_id
        index = self.table.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

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
        self._set_sidebar(content)
        self._choose_quietly(self.sidebar_model.everything_index())

    def _sidebar_reloaded(self, content: SidebarContent) -> None:
        chosen = self.documents.current_filter
        self._set_sidebar(content)
        index = self.sidebar_model.index_of(chosen)
        if index.isValid():
            self._choose_quietly(index)
        else:  # what was chosen is gone (a tag deleted or merged): the list shows everything
            self.sidebar.setCurrentIndex(self.sidebar_model.everything_index())

    def _set_sidebar(self, content: SidebarContent) -> None:
        self._content = content
        self.sidebar_model.set_content(content)
        self.sidebar.expandAll()
        self.search.set_choices(content)
        self._update_actions()

    def _choose_quietly(self, index: QModelIndex) -> None:
        blocker = self.sidebar.selectionModel().blockSignals(True)
        self.sidebar.setCurrentIndex(index)
        self.sidebar.selectionModel().blockSignals(blocker)
        self.sidebar.viewport().update()

    def _chosen_tag(self) -> str | None:
        where = self.sidebar.currentIndex().data(FILTER_ROLE)
        return where.tag_id if isinstance(where, DocumentFilter) else None

    def _known_tags(self) -> tuple[Tag, ...]:
        return self._content.tags if self._content else ()

    def _tags_known(self, entries: list[TagEntry]) -> None:
        self.document.tags.set_known(entries)
        if self.timeline_view is not None:  # a tag renamed, merged or deleted meanwhile
            self.timeline_view.set_tags(entries)

    def _filter_chosen(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        where = indexes[0].data(FILTER_ROLE)
        if not isinstance(where, DocumentFilter):
            return
        self.search_field.clear()
        self.documents.show_documents(where)
        self.trash_bar.setVisible(where.in_trash)
        if where.person_id is not None:
            self._load_person(where.person_id)
        else:
            self.person.clear()
        self._update_actions()

    def _load_person(self, person_id: str) -> None:
        self._worker.submit(
            person_details(person_id),
            self,
            lambda details: self._person_arrived(person_id, details),
            self._failed,
        )

    def _person_arrived(self, person_id: str, details: PersonDetails) -> None:
        if self.documents.current_filter.person_id == person_id:
            self.person.show_person(details)

    def _person_added(self, person_id: str) -> None:
        self.refresh()
        # After the sidebar read just asked for, which lists the new person.
        self._worker.submit(lambda _: None, self, lambda _: self.show_person(person_id))

    def _leaving_person(self, person_id: str) -> None:
        """A person is about to be merged away or trashed: if their page is shown, show
        everything instead, as the sidebar will no longer list them."""
        if self.person.person_id == person_id:
            self.sidebar.setCurrentIndex(self.sidebar_model.everything_index())

    def _search_toggled(self, text: str) -> None:
        self._show_list_or_empty()
        self._update_actions()

    def _reselect(self) -> None:
        if self._shown_id is not None:
            row = self.documents.row_of(self._shown_id)
            if row is not None:
                self._select_row(row)
                self._update_actions()
                return
            if self.list_or_results.currentWidget() is self.search:
                return  # shown from a search result, not from the list
        self._shown_id = None
        self._save_edits()
        self.document.clear()
        self._update_actions()

    def _document_chosen(self, current: QModelIndex, _: QModelIndex) -> None:
        document_id = current.data(ID_ROLE) if current.isValid() else None
        self._update_actions()
        if not isinstance(document_id, str) or document_id == self._shown_id:
            return
        self._shown_id = document_id
        self._load_details(document_id)

    def _load_details(self, document_id: str) -> None:
        self._worker.submit(
            document_details(document_id),
            self,
            lambda details: self._details_arrived(document_id, details),
            self._failed,
        )

    def _details_arrived(self, document_id: str, details: DocumentDetails) -> None:
        if document_id == self._shown_id:
            if document_id != self.document.document_id:
                self._save_edits()  # leaving the document shown until now
            self.document.show_document(details)
            self.document.show()  # shown from a timeline or a search over an empty page
            self.document_shown.emit(document_id)

    # --- Changes, undoable -----------------------------------------------------------------

    def _run_change(self, operation: Operation[Any]) -> None:
        self._worker.submit(operation, self, lambda _: self.refresh(), self._failed)

    def _failed(self, error: AmanatError) -> None:
        self.status.emit(error_message(error))
        self.refresh()

    def trash_selected(self) -> None:
        document_id = self._selected_id()
        if document_id is None or self.documents.current_filter.in_trash:
            return
        self._worker.submit(
            document_title(document_id),
            self,
            lambda title: self.edits.move_to_trash(document_id, title),
            self._failed,
        )

    def restore_selected(self) -> None:
        document_id = self._selected_id()
        if document_id is None or not self.documents.current_filter.in_trash:
            return
        self._worker.submit(
            document_title(document_id),
            self,
            lambda title: self.edits.restore(document_id, title),
            self._failed,
        )

    def empty_trash(self) -> None:
        content = self._content
        count = (
            content.trash_count + len(content.trashed_people) + content.removed_pages
            if content
            else 0
        )
        if not count or not self.confirm_empty_trash(self, count):
            return
        self._worker.submit(empty_trash, self, self._trash_emptied, self._failed)

    def _trash_emptied(self, count: int) -> None:
        # Changes that named the removed documents cannot be undone any more.
        self.undo_stack.clear()
        self.status.emit(labels.fill(self.tr("Documents removed for good: %1."), str(count)))
        self.refresh()

    def remove_tag(self, path: str) -> None:
        document_id = self.document.document_id
        if document_id is None or path not in self.document.tags.paths:
            return
        self.edits.remove_tag(document_id, path)

    def add_tag(self, path: str) -> None:
        document_id = self.document.document_id
        if document_id is None or path in self.document.tags.paths:
            return
        colour: str | None = None
        if path not in self.document.tags.completions.stringList():
            colour = self.choose_tag_colour(self, path, None)
            if colour is None:
                return  # they cancelled: no tag
        self.edits.add_tag(document_id, path, colour)

    def sidebar_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a sidebar entry; None for entries that have none."""
        people_menu = self.people.sidebar_menu(index)
        if people_menu is not None:
            return people_menu
        if self.sidebar_model.is_tags_heading(index):
            return self.tag_actions.heading_menu(self)
        where = index.data(FILTER_ROLE) if index.isValid() else None
        if not isinstance(where, DocumentFilter) or where.tag_id is None:
            return None
        return self.tag_actions.menu(where.tag_id, self)

    def _sidebar_menu_requested(self, position: QPoint) -> None:
        menu = self.sidebar_menu(self.sidebar.indexAt(position))
        if menu is not None:
            menu.exec(self.sidebar.viewport().mapToGlobal(position))
            menu.deleteLater()

    # --- Texts ---------------------------------------------------------------------------

    def save_texts(self) -> None:
        """Save every edited text of the shown document: each an undoable change."""
        edited = self.document.edited_texts()
        if not edited or self.document.document_id is None:
            return
        if len(edited) > 1:
            self.undo_stack.beginMacro(self.tr("Save the texts"))
        for editor in edited:
            self._save_text(editor)
        if len(edited) > 1:
            self.undo_stack.endMacro()

    def _save_text(self, editor: TextEditor) -> None:
        content = editor.content()
        before = editor.saved
        text_id = editor.text.id
        name = self._text_name(editor, content)
        stored = editor.stored
        editor.mark_saved(content)
        if not stored:
            new = replace(
                editor.text, body=content.body, language=content.language, status=content.status
            )
            self.edits.add_text(new, name)
        else:
            self.edits.save_text(text_id, name, content, before)

    def _text_name(self, editor: TextEditor, content: TextContent) -> str:
        return labels.fill(
            self.tr("%1 (%2)"),
            labels.label(editor.kind).lower(),
            labels.language_name(content.language),
        )

    def _save_edits(self) -> None:
        """Leaving a document: save what was typed in it, as undoable changes."""
        self.save_texts()

    def _unsaved_operations(self) -> list[Operation[Any]]:
        """Every edit not yet saved, as operations to run at once (before a lock)."""
        operations: list[Operation[Any]] = []
        for editor in self.document.edited_texts():
            content = editor.content()
            if editor.stored:
                operations.append(save_text(editor.text.id, content))
            else:
                operations.append(
                    add_text(
                        replace(
                            editor.text,
                            body=content.body,
                            language=content.language,
                            status=content.status,
                        )
                    )
                )
            editor.mark_saved(content)
        dialog = self.details_dialog
        if dialog is not None and dialog.is_changed and self.document.document_id is not None:
            operations.append(save_document_fields(dialog.document.id, dialog.fields()))
        return operations

    # --- Details -------------------------------------------------------------------------

    def edit_details(self) -> DocumentDetailsDialog | None:
        shown = self.document.shown
        if shown is None or shown.document.trashed is not None or self.details_dialog:
            return None
        content = self._content
        everyone = (*content.prisoners, *content.others) if content else ()
        dialog = DocumentDetailsDialog(shown.document, everyone, self._preferences, self)
        dialog.accepted.connect(lambda: self._details_chosen(dialog))
        dialog.finished.connect(lambda _: self._details_closed(dialog))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _details_chosen(self, dialog: DocumentDetailsDialog) -> None:
        if not dialog.is_changed:
            return
        fields = dialog.fields()
        document_id = dialog.document.id
        self.edits.save_details(document_id, fields, dialog.original)

    def _details_closed(self, dialog: DocumentDetailsDialog) -> None:
        if self.details_dialog is dialog:
            self.details_dialog = None
        dialog.deleteLater()

    # --- A person's case file ----------------------------------------------------------------

    def export_case_file(self, person_id: str, shown_name: str) -> CaseFileDialog:
        """Ask where to save the person's case file, then write it in a dialog of its own."""
        dialog = CaseFileDialog(
            self._worker, person_id, shown_name, self._preferences.calendar, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.case_file_dialog = dialog
        if dialog.choose_file_and_write():
            dialog.show()
        else:
            dialog.close()
        return dialog

    # --- A person's timeline -----------------------------------------------------------------

    def open_timeline(self, person_id: str) -> TimelineView:
        """The timeline window of a person, opened (or brought forward) and read."""
        view = self.timeline_view
        if view is None:
            view = TimelineView(self._worker, self._preferences, self.undo_stack, self)
            view.setWindowFlag(Qt.WindowType.Window)
            view.resize(1100, 600)
            view.document_requested.connect(self._timeline_document_chosen)
            view.changed.connect(self.refresh)
            view.lock_requested.connect(self.lock_requested)
            view.unsaved_at_lock.connect(self.unsaved_at_lock)
            self.timeline_view = view
        view.show_person(person_id)
        self._worker.submit(tag_entries, view, view.set_tags)
        view.show()
        view.activateWindow()
        return view

    def new_event(self, person_id: str) -> None:
        self.open_timeline(person_id).new_event()

    def _timeline_of_chosen_person(self) -> None:
        person_id = self.person.person_id
        if person_id is None:
            self.status.emit(self.tr("Choose a person in the sidebar first."))
            return
        self.open_timeline(person_id)

    def _timeline_document_chosen(self, document_id: str) -> None:
        self.show_document(document_id)
        self.window().activateWindow()
