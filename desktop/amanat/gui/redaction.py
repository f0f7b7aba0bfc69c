"""What happens when someone redacts in the window: the operations on the archive's worker
(each hands the archive to amanat.app.redaction, where the rules live), the undoable changes,
and drawing the document's redactions on its pages and texts whenever it is shown.

A passage is redacted in the text as saved, since the core counts positions there: an edit not
yet saved is saved first, in one undoable step with the redaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from amanat.app import redaction
from amanat.app.redaction import RedactionRow
from amanat.core.errors import AmanatError
from amanat.core.faces import FaceSuggestion
from amanat.core.records import new_id
from amanat.core.storage.redactions import PageRedaction, Redaction
from amanat.gui import labels
from amanat.gui.document_view import DocumentView
from amanat.gui.messages import error_message
from amanat.gui.text_editor import TextEditor
from amanat.gui.undo import Change
from amanat.gui.worker import Operation, Session, Worker

Fractions = tuple[float, float, float, float]

# --- Operations ----------------------------------------------------------------------------


def document_redactions(document_id: str) -> Operation[list[RedactionRow]]:
    def run(session: Session) -> list[RedactionRow]:
        return redaction.list_redactions(session.require(), document_id)

    return run


def redact_page(page_id: str, rectangle: Fractions, redaction_id: str) -> Operation[Redaction]:
    def run(session: Session) -> Redaction:
        return redaction.redact_page(session.require(), page_id, rectangle, redaction_id)

    return run


def redact_text(text_id: str, start: int, end: int, redaction_id: str) -> Operation[Redaction]:
    def run(session: Session) -> Redaction:
        return redaction.redact_text(session.require(), text_id, start, end, redaction_id)

    return run


class Removed:
    """What a removal took away, kept for its undo. Written and read only on the worker
    thread, which runs the removal before its undo."""

    def __init__(self) -> None:
        self.redaction: Redaction | None = None


def unredact(redaction_id: str, kept: Removed | None = None) -> Operation[None]:
    def run(session: Session) -> None:
        taken = redaction.unredact(session.require(), redaction_id)
        if kept is not None:
            kept.redaction = taken

    return run


def put_back(kept: Removed) -> Operation[None]:
    def run(session: Session) -> None:
        if kept.redaction is not None:
            redaction.put_back(session.require(), kept.redaction)

    return run


def suggest_faces(page_id: str) -> Operation[list[FaceSuggestion]]:
    def run(session: Session) -> list[FaceSuggestion]:
        return redaction.suggest_faces(session.require(), page_id)

    return run


def leaving_thumbnail(page_id: str, originals: bool) -> Operation[bytes]:
    def run(session: Session) -> bytes:
        return redaction.leaving_thumbnail(session.require(), page_id, originals)

    return run


# --- The controller ------------------------------------------------------------------------


class RedactionController(QObject):
    status = Signal(str)

    def __init__(
        self,
        worker: Worker,
        view: DocumentView,
        undo_stack: QUndoStack,
        run_change: Callable[[Operation[Any]], None],
        save_texts: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._view = view
        self._undo = undo_stack
        self._run_change = run_change
        self._save_texts = save_texts
        self._rows: list[RedactionRow] = []
        view.details_shown.connect(self.load)
        view.pages.redaction_marked.connect(self.redact_region)
        view.redact_passage.connect(self.redact_passage)
        view.unredact_requested.connect(self.remove)
        view.pages.remove_redaction_action.triggered.connect(
            lambda: self.remove(str(view.pages.remove_redaction_action.data() or ""))
        )
        view.pages.faces_button.clicked.connect(self.suggest_faces)
        self.faces_dialog: FacesDialog | None = None

    @property
    def rows(self) -> list[RedactionRow]:
        return list(self._rows)

    def load(self, document_id: str) -> None:
        """Read the redactions of the document shown (again, after a change)."""
        self._worker.submit(
            document_redactions(document_id),
            self,
            lambda rows: self._arrived(document_id, rows),
            self._failed,
        )

    def _arrived(self, document_id: str, rows: list[RedactionRow]) -> None:
        if self._view.document_id != document_id:
            return
        self._rows = rows
        on_pages = []
        on_texts: dict[str, list[tuple[str, int, int]]] = {}
        for row in rows:
            found = row.redaction
            if isinstance(found, PageRedaction):
                on_pages.append((found.id, found.page_id, found.rectangle))
            elif not found.orphaned:
                target = found.target
                on_texts.setdefault(target.text_id, []).append((found.id, target.start, target.end))
        self._view.pages.set_redactions(on_pages)
        for editor in self._view.editors:
            editor.set_redactions(on_texts.get(editor.text.id, []))

    def clear(self) -> None:
        """The archive is being locked: forget what was read, close the faces offered."""
        self._rows = []
        dialog, self.faces_dialog = self.faces_dialog, None
        if dialog is not None:
            dialog.forget()
            dialog.reject()

    def suggest_faces(self) -> None:
        page_id = self._view.pages.current_page_id
        if page_id is None:
            return
        self._worker.submit(
            suggest_faces(page_id),
            self,
            lambda found: self._faces_found(page_id, found),
            self._failed,
        )

    def _faces_found(self, page_id: str, found: list[FaceSuggestion]) -> None:
        if not found:
            self.status.emit(
                self.tr(
                    "No faces found on this page. Look for them yourself: a face in profile, "
                    "small or half hidden is easily missed."
                )
            )
            return
        dialog = FacesDialog(found, self._view)
        dialog.redact.connect(lambda box: self.redact_region(page_id, *box))
        dialog.finished.connect(lambda _: self._faces_closed(dialog))
        self.faces_dialog = dialog
        dialog.open()

    def _faces_closed(self, dialog: FacesDialog) -> None:
        if self.faces_dialog is dialog:
            self.faces_dialog = None
        dialog.deleteLater()

    def _failed(self, error: AmanatError) -> None:
        self.status.emit(error_message(error))

    def redact_region(self, page_id: str, x: float, y: float, width: float, height: float) -> None:
        made = new_id()
        self._undo.push(
            Change(
                self.tr("Redact a region of the page"),
                self._run_change,
                redact_page(page_id, (x, y, width, height), made),
                unredact(made),
            )
        )

    def redact_passage(self, editor: TextEditor, start: int, end: int) -> None:
        """Redact a passage selected in ``editor``, counted in the text as typed now: an edit
        not yet saved is saved first, and both are undone together."""
        made = new_id()
        self._undo.beginMacro(self.tr("Redact a passage"))
        if editor.is_modified:
            self._save_texts()
        self._undo.push(
            Change(
                self.tr("Redact a passage"),
                self._run_change,
                redact_text(editor.text.id, start, end, made),
                unredact(made),
            )
        )
        self._undo.endMacro()

    def remove(self, redaction_id: str) -> None:
        if not redaction_id:
            return
        kept = Removed()
        self._undo.push(
            Change(
                self.tr("Remove a redaction"),
                self._run_change,
                unredact(redaction_id, kept),
                put_back(kept),
            )
        )


class FacesDialog(QDialog):
    """The faces found on a page, one at a time, each redacted only when confirmed: the
    detector can take a pattern of the paper for a face, or miss one."""

    redact = Signal(object)
    """The rectangle (fractions of the upright page) of a face confirmed."""

    def __init__(self, found: list[FaceSuggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Faces on this page"))
        self._found = list(found)
        self._at = 0
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(160, 160)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox()
        self.redact_button = buttons.addButton(
            self.tr("&Redact This Face"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = buttons.addButton(
            self.tr("&Not a Face"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.stop_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.redact_button.setDefault(True)
        self.redact_button.clicked.connect(lambda: self._answer(True))
        self.skip_button.clicked.connect(lambda: self._answer(False))
        self.stop_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.position)
        layout.addWidget(self.picture, 1)
        layout.addWidget(buttons)
        self._show()

    @property
    def current(self) -> FaceSuggestion | None:
        return self._found[self._at] if self._at < len(self._found) else None

    def _show(self) -> None:
        face = self.current
        if face is None:
            self.accept()
            return
        self.position.setText(
            labels.fill(self.tr("Face %1 of %2"), str(self._at + 1), str(len(self._found)))
        )
        self.picture.setPixmap(QPixmap.fromImage(QImage.fromData(face.picture)))

    def _answer(self, confirmed: bool) -> None:
        face = self.current
        if face is None:
            return
        if confirmed:
            self.redact.emit(face.rectangle)
        self._at += 1
        self._show()

    def forget(self) -> None:
        """The archive locks: drop the pictures of the faces."""
        self._found = []
        self.picture.clear()
