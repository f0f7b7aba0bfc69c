"""What happens when someone annotates: the dialog, the undoable changes, and keeping the
document view, its panel and the archive-wide list in step with the archive.

Passages are annotated in the text as it is saved, since the core counts positions in the
saved text. An edit not yet saved is saved first, when the dialog is confirmed (an undoable
save like any other), so the passage chosen is the passage stored; the dialog is modal, so
nothing can be typed between choosing the passage and saving it.

Locking with the dialog open saves what was typed in it, straight away rather than as an
undoable change (the undo history goes with the lock), as the details dialog does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack

from amanat.core.errors import AmanatError
from amanat.core.records import ImageRegion, TextRange, TimeRange, Visibility, new_id
from amanat.gui import labels
from amanat.gui.annotations.archive_list import AnnotationsWindow
from amanat.gui.annotations.dialog import AnnotationDialog
from amanat.gui.annotations.looks import region_words
from amanat.gui.annotations.moments import moment_words
from amanat.gui.annotations.operations import (
    AnnotationFields,
    AnnotationOverview,
    AnnotationQuery,
    AnnotationRow,
    RemovedAnnotation,
    annotate_page,
    annotate_recording,
    annotate_text,
    document_annotations,
    edit_annotation,
    find_annotations,
    link_annotations,
    put_back_annotation,
    remove_annotation,
    remove_new_annotation,
)
from amanat.gui.document_view import DocumentView
from amanat.gui.messages import error_message
from amanat.gui.operations import TagEntry, tag_entries
from amanat.gui.settings import Preferences
from amanat.gui.text_editor import TextEditor
from amanat.gui.undo import Change
from amanat.gui.worker import Operation, Worker

Fractions = tuple[float, float, float, float]
AtLock = Callable[[AnnotationDialog], list[Operation[Any]]]
"""What to save of an open dialog when the archive locks (nothing if nothing was typed)."""


class AnnotationController(QObject):
    status = Signal(str)
    open_document = Signal(str)
    """The archive-wide list asks for a document to be shown (then its annotation)."""
    unsaved_at_lock = Signal(object)
    """An AmanatError: what was typed in the dialog, saved as the archive locked, was not."""

    def __init__(
        self,
        worker: Worker,
        preferences: Preferences,
        view: DocumentView,
        undo_stack: QUndoStack,
        run_change: Callable[[Operation[Any]], None],
        save_texts: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._preferences = preferences
        self._view = view
        self._undo = undo_stack
        self._run_change = run_change
        self._save_texts = save_texts
        self.default_visibility = Visibility.PRIVATE
        """Of new annotations: private unless the archive's settings say otherwise."""
        self.dialog: AnnotationDialog | None = None
        self._at_lock: AtLock | None = None
        self.window: AnnotationsWindow | None = None
        self._rows: list[AnnotationRow] = []
        self._waiting_to_show: str | None = None
        self.list_action = QAction(self.tr("Annotations…"), self)
        # Ctrl+Shift+N is New Person; L for the list of annotations.
        self.list_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+L")))
        self.list_action.setToolTip(
            self.tr("Every annotation in this archive, by tag, author and document")
        )
        self.list_action.triggered.connect(self.open_list)
        view.details_shown.connect(self.load)
        view.annotate_passage.connect(self.annotate_passage)
        view.region_marked.connect(self.annotate_region)
        view.moments.marked.connect(self.annotate_moment)
        view.annotation_clicked.connect(self._clicked_in_document)
        view.annotations.chosen.connect(self.show)
        view.annotations.edit_requested.connect(self.edit)
        view.annotations.delete_requested.connect(self.delete)

    # --- Reading ---------------------------------------------------------------------------

    @property
    def rows(self) -> list[AnnotationRow]:
        return list(self._rows)

    def load(self, document_id: str) -> None:
        """Read the annotations of the document shown (again, after a change)."""
        self._worker.submit(
            document_annotations(document_id),
            self,
            lambda rows: self._arrived(document_id, rows),
            self._failed,
        )
        self._query_window()

    def _arrived(self, document_id: str, rows: list[AnnotationRow]) -> None:
        if self._view.document_id != document_id:
            return
        self._rows = rows
        self._view.show_annotations(rows)
        waiting, self._waiting_to_show = self._waiting_to_show, None
        if waiting is not None and self._row(waiting) is not None:
            self._view.annotations.choose(waiting)
            self._view.reveal_annotations()
            self.show(waiting)

    def clear(self) -> None:
        """The archive is being locked: close the dialogs, forget every annotation read."""
        dialog, self.dialog = self.dialog, None
        at_lock, self._at_lock = self._at_lock, None
        if dialog is not None:
            for operation in at_lock(dialog) if at_lock else []:
                self._worker.submit(
                    operation, self, None, self.unsaved_at_lock.emit, outlives_lock=True
                )
            dialog.reject()  # its finished signal deletes it later
        window, self.window = self.window, None
        if window is not None:
            window.clear()
            window.close()
            window.deleteLater()
        self._rows = []
        self._waiting_to_show = None
        self.default_visibility = Visibility.PRIVATE

    def _row(self, annotation_id: str) -> AnnotationRow | None:
        return next((row for row in self._rows if row.id == annotation_id), None)

    def _failed(self, error: AmanatError) -> None:
        self.status.emit(error_message(error))

    # --- Showing ---------------------------------------------------------------------------

    def show(self, annotation_id: str) -> None:
        """Show an annotation chosen in the panel: its passage or region, and what it is
        linked to."""
        row = self._row(annotation_id)
        if row is None:
            return
        self._view.show_annotation(row, move=True)
        linked = self._row(row.annotation.linked_to or "")
        if linked is not None:
            self._view.show_annotation(linked, move=False)

    def _clicked_in_document(self, annotation_id: str) -> None:
        """A highlight or a rectangle was clicked: choose it in the panel, and show what it
        is linked to."""
        row = self._row(annotation_id)
        if row is None:
            return
        self._view.annotations.choose(annotation_id)
        self._view.reveal_annotations()
        self._view.show_annotation(row, move=False)
        linked = self._row(row.annotation.linked_to or "")
        if linked is not None:
            self._view.show_annotation(linked, move=False)

    # --- Annotating ------------------------------------------------------------------------

    def annotate_passage(self, editor: TextEditor, start: int, end: int) -> None:
        """Ask about a new annotation of ``editor``'s text[start:end] (as now typed)."""
        if self.dialog is not None or self._view.document_id is None:
            return
        body = editor.content().body
        quote = body[start:end]
        if not quote.strip():
            return
        fields = AnnotationFields("", (), self.default_visibility)

        def confirmed(dialog: AnnotationDialog) -> None:
            if editor.content().body != body:
                self.status.emit(self.tr("The text changed meanwhile; select the passage again."))
                return
            if editor.is_modified or not editor.stored:
                self._save_texts()  # the worker saves first, then annotates
            chosen = dialog.fields()
            annotation_id = new_id()
            self._undo.push(
                Change(
                    self.tr("Annotate “%1”").replace("%1", _short(quote)),
                    self._run_change,
                    annotate_text(
                        annotation_id,
                        editor.text.id,
                        start,
                        end,
                        chosen,
                        self._preferences.annotator_name,
                    ),
                    remove_new_annotation(annotation_id),
                )
            )

        def at_lock(dialog: AnnotationDialog) -> list[Operation[Any]]:
            chosen = dialog.fields()
            if chosen == fields or editor.content().body != body:
                return []
            # The text itself is saved first, with the archive view's other unsaved edits.
            return [
                annotate_text(
                    new_id(), editor.text.id, start, end, chosen, self._preferences.annotator_name
                )
            ]

        self._ask(quote, fields, confirmed, at_lock=at_lock)

    def annotate_region(
        self, page_id: str, x: float, y: float, width: float, height: float
    ) -> None:
        if self.dialog is not None or self._view.shown is None:
            return
        number = next((p.number for p in self._view.shown.pages if p.id == page_id), None)
        fields = AnnotationFields("", (), self.default_visibility)

        def confirmed(dialog: AnnotationDialog) -> None:
            annotation_id = new_id()
            self._undo.push(
                Change(
                    labels.fill(self.tr("Mark a region on page %1"), str(number or "?")),
                    self._run_change,
                    annotate_page(
                        annotation_id,
                        page_id,
                        (x, y, width, height),
                        dialog.fields(),
                        self._preferences.annotator_name,
                        dialog.linked_to(),
                    ),
                    remove_new_annotation(annotation_id),
                )
            )

        def at_lock(dialog: AnnotationDialog) -> list[Operation[Any]]:
            chosen = dialog.fields()
            if chosen == fields and dialog.linked_to() is None:
                return []
            region = (x, y, width, height)
            name = self._preferences.annotator_name
            return [annotate_page(new_id(), page_id, region, chosen, name, dialog.linked_to())]

        self._ask(
            region_words(number),
            fields,
            confirmed,
            links=self._passages(),
            linked=None,
            at_lock=at_lock,
        )

    def annotate_moment(self, page_id: str, start: float, end: float) -> None:
        """Ask about a new annotation of a recording from ``start`` to ``end`` seconds, marked
        while listening (gui/annotations/moments.py)."""
        if self.dialog is not None or self._view.document_id is None:
            return
        what = moment_words(TimeRange(page_id, start, end))
        fields = AnnotationFields("", (), self.default_visibility)

        def annotating(annotation_id: str, chosen: AnnotationFields) -> Operation[Any]:
            name = self._preferences.annotator_name
            return annotate_recording(annotation_id, page_id, start, end, chosen, name)

        def confirmed(dialog: AnnotationDialog) -> None:
            annotation_id = new_id()
            self._undo.push(
                Change(
                    labels.fill(self.tr("Annotate %1"), what),
                    self._run_change,
                    annotating(annotation_id, dialog.fields()),
                    remove_new_annotation(annotation_id),
                )
            )

        def at_lock(dialog: AnnotationDialog) -> list[Operation[Any]]:
            chosen = dialog.fields()
            return [] if chosen == fields else [annotating(new_id(), chosen)]

        self._ask(what, fields, confirmed, at_lock=at_lock)

    def edit(self, annotation_id: str) -> None:
        row = self._row(annotation_id)
        if row is None or self.dialog is not None:
            return
        annotation = row.annotation
        before = AnnotationFields(
            annotation.body, tuple(entry.path for entry in row.tags), annotation.visibility
        )
        target = annotation.target
        on_page = isinstance(target, ImageRegion)
        if isinstance(target, TextRange):
            what = target.quote
        elif isinstance(target, TimeRange):
            what = moment_words(target)
        else:
            what = region_words(row.page_number)

        def confirmed(dialog: AnnotationDialog) -> None:
            after = dialog.fields()
            link = dialog.linked_to()
            changes = []
            if after != before:
                changes.append(
                    Change(
                        self.tr("Edit an annotation"),
                        self._run_change,
                        edit_annotation(annotation_id, after),
                        edit_annotation(annotation_id, before),
                    )
                )
            if on_page and link != annotation.linked_to:
                changes.append(
                    Change(
                        self.tr("Link a region to a passage"),
                        self._run_change,
                        link_annotations(annotation_id, link),
                        link_annotations(annotation_id, annotation.linked_to),
                    )
                )
            if len(changes) > 1:
                self._undo.beginMacro(self.tr("Edit an annotation"))
            for change in changes:
                self._undo.push(change)
            if len(changes) > 1:
                self._undo.endMacro()

        def at_lock(dialog: AnnotationDialog) -> list[Operation[Any]]:
            after = dialog.fields()
            link = dialog.linked_to()
            saved: list[Operation[Any]] = []
            if after != before:
                saved.append(edit_annotation(annotation_id, after))
            if on_page and link != annotation.linked_to:
                saved.append(link_annotations(annotation_id, link))
            return saved

        self._ask(
            what,
            before,
            confirmed,
            links=self._passages() if on_page else None,
            linked=annotation.linked_to,
            at_lock=at_lock,
        )

    def delete(self, annotation_id: str) -> None:
        row = self._row(annotation_id)
        if row is None:
            return
        kept = RemovedAnnotation()
        self._undo.push(
            Change(
                self.tr("Delete an annotation"),
                self._run_change,
                remove_annotation(annotation_id, kept),
                put_back_annotation(kept),
            )
        )

    def _passages(self) -> list[tuple[str, str]]:
        """The passages a region may be linked to: text annotations still anchored."""
        return [
            (row.id, row.annotation.target.quote)
            for row in self._rows
            if isinstance(row.annotation.target, TextRange) and not row.annotation.orphaned
        ]

    def _ask(
        self,
        what: str,
        fields: AnnotationFields,
        confirmed: Callable[[AnnotationDialog], None],
        links: list[tuple[str, str]] | None = None,
        linked: str | None = None,
        at_lock: AtLock | None = None,
    ) -> None:
        """Open the dialog once the tags known in the archive have arrived."""

        def open_dialog(known: list[TagEntry]) -> None:
            if self.dialog is not None or self._view.document_id is None:
                return
            dialog = AnnotationDialog(what, known, fields, links, linked, self._view)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.accepted.connect(lambda: confirmed(dialog))
            dialog.finished.connect(lambda _: self._closed(dialog))
            self.dialog = dialog
            self._at_lock = at_lock
            dialog.open()

        self._worker.submit(tag_entries, self, open_dialog, self._failed)

    def _closed(self, dialog: AnnotationDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._at_lock = None
        dialog.deleteLater()

    # --- The archive-wide list -------------------------------------------------------------

    def open_list(self) -> AnnotationsWindow:
        if self.window is None:
            self.window = AnnotationsWindow(self._view.window())
            self.window.query_changed.connect(lambda _: self._query_window())
            self.window.open_requested.connect(self._open_at)
        self.window.show()
        if QGuiApplication.platformName() != "offscreen":  # which cannot, and says so
            self.window.raise_()
        self._query_window()
        return self.window

    def _query_window(self) -> None:
        window = self.window
        if window is None:
            return
        query: AnnotationQuery = window.query()
        self._worker.submit(
            find_annotations(query), window, lambda found: self._found(window, found), self._failed
        )

    def _found(self, window: AnnotationsWindow, overview: AnnotationOverview) -> None:
        if window is self.window:
            window.show_overview(overview)

    def _open_at(self, document_id: str, annotation_id: str) -> None:
        if self._view.document_id == document_id and self._row(annotation_id) is not None:
            self._view.annotations.choose(annotation_id)
            self._view.reveal_annotations()
            self.show(annotation_id)
            return
        self._waiting_to_show = annotation_id
        self.open_document.emit(document_id)


def _short(quote: str, length: int = 40) -> str:
    line = " ".join(quote.split())
    return line if len(line) <= length else line[: length - 1] + "…"
