"""A person's timeline window: the drawn chronology with its zoom, filters and "jump to
date", the facts computed from it and its contradictions (each selects the events it came
from), the offer to treat two spellings of a place as one, the event editor, and export.

A person with no events gets a sentence saying what to add and a button that adds one.
Changes to events go on the archive's undo stack, as every other change does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import Calendar, parse_date
from amanat.core.errors import AmanatError
from amanat.core.places import PlaceGroup
from amanat.core.records import DocumentKind, Event, EventType
from amanat.core.timeline import EntryKind, Timeline, TimelineEntry, Whereabouts
from amanat.gui import labels
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.messages import error_message
from amanat.gui.settings import Preferences
from amanat.gui.text_direction import isolated
from amanat.gui.timeline import event_types
from amanat.gui.timeline.canvas import ZOOM_LEVELS, Filter, TimelineCanvas
from amanat.gui.timeline.event_editor import EventEditor
from amanat.gui.timeline.operations import (
    EventToEdit,
    editor_choices,
    event_to_edit,
    export_timeline,
    load_timeline,
    merge_place_spellings,
    remove_event,
    restore_event,
    save_event,
)
from amanat.gui.undo import Change
from amanat.gui.worker import Operation, Worker

_IDS_ROLE = Qt.ItemDataRole.UserRole


def ask_merge_places(parent: QWidget, group: PlaceGroup) -> str | None:
    """Which spelling to keep for places that look alike; None to keep both. Tests
    replace it."""
    names = labels.list_separator().join(f"“{s}”" for s in group.spellings)
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("TimelineView", "One place, two spellings?"))
    box.setText(
        labels.fill(
            QCoreApplication.translate(
                "TimelineView",
                "%1 look like one place. Write every event of this person with one name?",
            ),
            names,
        )
    )
    buttons = {
        box.addButton(
            labels.fill(QCoreApplication.translate("TimelineView", "Use “%1”"), s),
            box.ButtonRole.AcceptRole,
        ): s
        for s in group.spellings
    }
    box.addButton(
        QCoreApplication.translate("TimelineView", "Keep Both"), box.ButtonRole.RejectRole
    )
    box.exec()
    chosen: str | None = buttons.get(box.clickedButton())  # type: ignore[call-overload]
    box.deleteLater()
    return chosen


class TimelineView(QWidget):
    document_requested = Signal(str)
    """The user clicked a document (or an event's source): show it in the archive."""
    changed = Signal()
    """An event was added or changed: the archive's views may want to read it again."""
    lock_requested = Signal()
    """The Lock button of this window was pressed."""
    unsaved_at_lock = Signal(object)
    """An AmanatError: the event in the editor, saved as the archive locked, was not saved."""

    def __init__(
        self,
        worker: Worker,
        preferences: Preferences,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Never the person's name: the system shows window titles outside the window.
        self.setWindowTitle(self.tr("Timeline"))
        self._worker = worker
        self._preferences = preferences
        self._undo_stack = undo_stack
        self.chooser = FileChooser()
        self.ask_merge: Callable[[QWidget, PlaceGroup], str | None] = ask_merge_places
        self.person_id: str | None = None
        self.timeline: Timeline | None = None
        self.editor: EventEditor | None = None
        self._editor_tags: tuple[str, ...] = ()
        """The tags the event had when the editor opened."""
        self._make_widgets()

    def _make_widgets(self) -> None:
        self.canvas = TimelineCanvas()
        self.canvas.entry_clicked.connect(self._entry_clicked)
        self.canvas.zoom_changed.connect(self._zoom_changed)
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (-)"))
        self.zoom_out_button.clicked.connect(self.canvas.zoom_out)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(0, len(ZOOM_LEVELS) - 1)
        self.zoom.setToolTip(self.tr("From decades to days (Ctrl+wheel)"))
        self.zoom.setMaximumWidth(160)
        self.zoom.valueChanged.connect(lambda level: self.canvas.set_level(level))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (+)"))
        self.zoom_in_button.clicked.connect(self.canvas.zoom_in)
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Whole Chronology"))
        self.fit_button.setToolTip(self.tr("Show the whole chronology (Home)"))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.jump = QLineEdit()
        self.jump.setPlaceholderText(self.tr("Jump to a date…"))
        self.jump.setToolTip(self.tr("A date such as 2011-03-15, March 2011 or Esfand 1389"))
        self.jump.setClearButtonEnabled(True)
        self.jump.setMaximumWidth(200)
        self.jump.returnPressed.connect(self.jump_to_typed_date)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All events and documents"), None)
        for kind in EventType:
            self.type_filter.addItem(event_types.name(kind), frozenset({kind}))
        self.type_filter.addItem(self.tr("Documents only"), frozenset(DocumentKind))
        self.type_filter.currentIndexChanged.connect(self._filter_chosen)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(self.tr("Any tag"), None)
        self.tag_filter.currentIndexChanged.connect(self._filter_chosen)
        controls = QHBoxLayout()
        for widget in (self.zoom_out_button, self.zoom, self.zoom_in_button, self.fit_button):
            controls.addWidget(widget)
        controls.addWidget(self.jump)
        controls.addStretch(1)
        controls.addWidget(self.type_filter)
        controls.addWidget(self.tag_filter)

        self.new_event_button = QPushButton(self.tr("New Event…"))
        self.new_event_button.clicked.connect(self.new_event)
        self.new_event_button.setToolTip(self.tr("Add an event to this chronology (Ctrl+N)"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.merge_button = QPushButton(self.tr("Treat as One Place…"))
        self.merge_button.clicked.connect(self.offer_place_merges)
        self.merge_button.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.new_event_button)
        actions.addWidget(self.merge_button)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.csv_button)
        # The chronology is read in a window of its own, away from the main window's
        # toolbar: its own Lock button (Ctrl+L works here too, as in every window).
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the archive (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        actions.addWidget(self.lock_button)

        self.facts = QListWidget()
        self.facts.setWordWrap(True)
        self.facts.itemClicked.connect(self._fact_chosen)
        self.facts.setMinimumWidth(220)
        drawing = QWidget()
        drawing_layout = QVBoxLayout(drawing)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.addLayout(controls)
        drawing_layout.addWidget(scroll, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.facts)
        split.addWidget(drawing)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 800])

        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_add_button = QPushButton(self.tr("Add the First Event…"))
        self.empty_add_button.clicked.connect(self.new_event)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_note)
        empty_layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(split)
        self.pages.addWidget(empty)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        QShortcut(QKeySequence(self.tr("Ctrl+J")), self, self._focus_jump)
        QShortcut(QKeySequence(self.tr("Ctrl+N")), self, self.new_event)

    # --- Loading ---------------------------------------------------------------------------

    def show_person(self, person_id: str, tags: list[Any] | None = None) -> None:
        """Read the person's chronology; ``tags`` (TagEntry) fill the tag filter."""
        if person_id != self.person_id:
            self.timeline = None
        self.person_id = person_id
        if tags is not None:
            self.set_tags(tags)
        self.reload()

    def set_tags(self, entries: list[Any]) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("Any tag"), None)
        for entry in entries:
            self.tag_filter.addItem(entry.path, entry.tag.id)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(chosen)))
        self.tag_filter.blockSignals(False)
        if self.tag_filter.currentData() != chosen:  # the tag it filtered by is gone
            self._filter_chosen()

    def reload(self) -> None:
        if self.person_id is not None:
            person_id = self.person_id
            self._worker.submit(
                load_timeline(person_id),
                self,
                lambda timeline: self._arrived(person_id, timeline),
                self._failed,
            )

    def _arrived(self, person_id: str, timeline: Timeline) -> None:
        if person_id != self.person_id:
            return
        self.timeline = timeline
        self.canvas.set_calendar(self._preferences.calendar, self._preferences.language)
        self.canvas.set_timeline(timeline)
        self._show_facts(timeline)
        self.merge_button.setVisible(bool(timeline.place_groups))
        if timeline.has_events or timeline.entries:
            self.pages.setCurrentIndex(0)
        else:
            self.empty_note.setText(
                labels.fill(
                    self.tr(
                        "Nothing is recorded for %1 yet. Add what is known as events: the "
                        "arrest, interrogations, charges, trial sessions, the sentence, "
                        "transfers, solitary confinement, hunger strikes, visits, furloughs "
                        "and the release, each with the documents that attest it. Dates may "
                        "be approximate, such as “March 2011” or “c. 1390”."
                    ),
                    isolated(labels.person_name(timeline.person)),
                )
            )
            self.pages.setCurrentIndex(1)

    def clear(self) -> None:
        """Forget everything shown: the archive is being locked."""
        editor, self.editor = self.editor, None
        if editor is not None:
            self._save_at_lock(editor)
            editor.reject()
            editor.deleteLater()
        self.person_id = None
        self.timeline = None
        self.canvas.set_timeline(None)
        self.facts.clear()
        self.status.clear()
        self.jump.clear()
        self.tag_filter.clear()

    def _save_at_lock(self, editor: EventEditor) -> None:
        """Save what was typed in the event editor as the archive locks, straight away (the
        undo history goes with the lock), if it is an event already: one with no date yet
        cannot be saved, and is dropped."""
        try:
            event = editor.chosen_event()
        except AmanatError:
            return
        if editor.original is not None and editor.sources.count() == 0:
            # The list of documents had not arrived: the sources are as they were.
            event = replace(event, source_ids=editor.original.source_ids)
        tags = editor.tag_paths()
        if event == editor.original and tags == self._editor_tags:
            return
        # The archive's view, not this window, hears of a failure: this one is going.
        owner = self.parent() or self
        self._worker.submit(
            save_event(event, tags, new=editor.original is None),
            owner,
            None,
            self.unsaved_at_lock.emit,
            outlives_lock=True,
        )

    def _failed(self, error: AmanatError) -> None:
        self.status.setText(error_message(error))

    # --- Facts and contradictions ------------------------------------------------------------

    def _show_facts(self, timeline: Timeline) -> None:
        self.facts.clear()
        facts = timeline.facts

        def add(text: str, ids: tuple[str, ...], warning: bool = False) -> None:
            item = QListWidgetItem(text)
            item.setData(_IDS_ROLE, ids)
            if ids:
                item.setToolTip(self.tr("Click to select the events this comes from."))
            if warning:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.facts.addItem(item)

        def days(count: Any) -> str:
            if count.at_most == 0:
                return self.tr("none")
            if count.exact:
                text = labels.fill(self.tr("%1 days"), str(count.at_least))
            else:
                text = labels.fill(
                    self.tr("at least %1 days (at most %2)"),
                    str(count.at_least),
                    str(count.at_most),
                )
            return text + (self.tr(", still going on") if count.until_today else "")

        add(
            labels.fill(self.tr("Time detained: %1"), days(facts.detained)),
            facts.detained.event_ids,
        )
        add(
            labels.fill(self.tr("Solitary confinement: %1"), days(facts.solitary)),
            facts.solitary.event_ids,
        )
        add(
            labels.fill(self.tr("Hunger strike: %1"), days(facts.hunger_strike)),
            facts.hunger_strike.event_ids,
        )
        add(labels.fill(self.tr("Transfers: %1"), str(facts.transfers)), facts.transfer_ids)
        place = facts.current_place
        where = {
            Whereabouts.HELD: labels.fill(self.tr("held in %1"), isolated(place.place or "?")),
            Whereabouts.ON_FURLOUGH: labels.fill(
                self.tr("on furlough from %1"), isolated(place.place or "?")
            ),
            Whereabouts.RELEASED: self.tr("released"),
            Whereabouts.UNKNOWN: self.tr("not known"),
        }[place.whereabouts]
        add(labels.fill(self.tr("Now: %1"), where), place.event_ids)
        for contradiction in timeline.contradictions:
            # The core words contradictions in English; they name the events involved.
            add("⚠ " + contradiction.message, contradiction.event_ids, warning=True)
        for group in timeline.place_groups:
            names = labels.list_separator().join(f"“{s}”" for s in group.spellings)
            add(labels.fill(self.tr("%1 look like one place."), names), ())

    def _fact_chosen(self, item: QListWidgetItem) -> None:
        ids = item.data(_IDS_ROLE)
        if ids:
            self.canvas.select(frozenset(ids))

    # --- Zoom, filters, jump ---------------------------------------------------------------------

    def _zoom_changed(self, level: int) -> None:
        self.zoom.blockSignals(True)
        self.zoom.setValue(level)
        self.zoom.blockSignals(False)

    def _filter_chosen(self) -> None:
        types = self.type_filter.currentData()
        tag = self.tag_filter.currentData()
        self.canvas.set_filter(
            Filter(types if isinstance(types, frozenset) else None, tag if tag else None)
        )

    def _focus_jump(self) -> None:
        self.jump.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.jump.selectAll()

    def jump_to_typed_date(self) -> None:
        text = self.jump.text()
        if not text.strip():
            return
        try:
            date = parse_date(text)
        except AmanatError as error:
            self.status.setText(error_message(error))
            return
        self.status.clear()
        self.canvas.jump_to(date)

    # --- Clicks ----------------------------------------------------------------------------------

    def _entry_clicked(self, entry: TimelineEntry) -> None:
        if entry.kind is EntryKind.DOCUMENT:
            self.document_requested.emit(entry.id)
        else:
            self.edit_event(entry.id)

    # --- Events ----------------------------------------------------------------------------------

    def new_event(self) -> EventEditor | None:
        if self.person_id is None or self.editor is not None:
            return None
        return self._open_editor(None, ())

    def edit_event(self, event_id: str) -> None:
        if self.editor is not None:
            return
        self._worker.submit(
            event_to_edit(event_id),
            self,
            self._editor_for,
            self._failed,
        )

    def _editor_for(self, found: EventToEdit) -> None:
        self._open_editor(found.event, found.tag_paths)

    def _open_editor(self, event: Event | None, tag_paths: tuple[str, ...]) -> EventEditor | None:
        if self.person_id is None or self.editor is not None:
            return None
        editor = EventEditor(self.person_id, self._preferences.calendar, event, tag_paths, self)
        self._editor_tags = tuple(tag_paths)
        editor.accepted.connect(lambda: self._editor_accepted(editor))
        editor.finished.connect(lambda _: self._editor_closed(editor))
        self.editor = editor
        cited = event.source_ids if event is not None else ()
        self._worker.submit(
            editor_choices(self.person_id, cited), editor, editor.set_choices, self._failed
        )
        editor.open()
        return editor

    def _editor_accepted(self, editor: EventEditor) -> None:
        try:
            event = editor.chosen_event()
        except AmanatError as error:  # checked on accept; kept for safety
            self.status.setText(error_message(error))
            return
        tags = editor.tag_paths()
        name = event_types.name(event.type)
        before = editor.original
        if before is None:
            change = Change(
                labels.fill(self.tr("Add the event “%1”"), name),
                self._run_change,
                save_event(event, tags, new=True),
                remove_event(event.id),
            )
        else:
            change = Change(
                labels.fill(self.tr("Change the event “%1”"), name),
                self._run_change,
                save_event(event, tags, new=False),
                restore_event(before),
            )
        self._undo_stack.push(change)

    def _editor_closed(self, editor: EventEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _run_change(self, operation: Operation[Any]) -> None:
        self._worker.submit(operation, self, lambda _: self._changed(), self._change_failed)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def _change_failed(self, error: AmanatError) -> None:
        self.status.setText(error_message(error))
        self.reload()

    # --- Places spelled two ways --------------------------------------------------------------

    def offer_place_merges(self) -> None:
        if self.timeline is None or self.person_id is None:
            return
        person_id = self.person_id
        for group in self.timeline.place_groups:
            if self.person_id != person_id:  # locked while a question was on screen
                return
            into = self.ask_merge(self, group)
            if into is None:
                continue
            others = tuple(s for s in group.spellings if s != into)
            self._worker.submit(
                merge_place_spellings(person_id, others, into),
                self,
                partial(self._merged, into),
                self._failed,
            )

    def _merged(self, into: str, ids: tuple[str, ...]) -> None:
        self.status.setText(
            labels.fill(self.tr("“%1” is now the place of %2 event(s)."), into, str(len(ids)))
        )
        self._changed()

    # --- Export ----------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        if self.timeline is None or self.person_id is None:
            return
        if kind == "pdf":
            title, pattern, suffix = self.tr("Export as PDF"), self.tr("PDF (*.pdf)"), ".pdf"
        else:
            title, pattern, suffix = self.tr("Export as CSV"), self.tr("CSV (*.csv)"), ".csv"
        path = self.chooser.new_file(self, title, pattern, self.tr("chronology") + suffix)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.status.setText(self.tr("Exporting…"))
        self._worker.submit(
            export_timeline(self.person_id, path, kind, self._preferences.calendar),
            self,
            self._exported,
            self._failed,
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(
            labels.fill(self.tr("Wrote %1. The file is not encrypted: keep it safe."), str(path))
        )

    def set_calendar(self, calendar: Calendar) -> None:
        self.canvas.set_calendar(calendar, self._preferences.language)
        if self.timeline is not None:
            self._show_facts(self.timeline)
