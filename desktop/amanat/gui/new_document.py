"""Writing a document that has no scans: a letter typed from a photograph kept elsewhere, a
testimony a lawyer takes down or pastes, a note.

"New letter…" (Ctrl+N), "New testimony…" and "New note…" ask for the details in the details
dialog's own form, then make the document with its first text, empty, choose it in the list
and put the cursor in that text. From then on it is a text like any other: what is typed is
saved on Ctrl+S, on moving to another document, and before the archive locks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from amanat.core.errors import AmanatError
from amanat.core.records import Document, DocumentKind, Person
from amanat.core.storage.documents import DocumentFilter
from amanat.gui.archive_view import ArchiveView
from amanat.gui.details_dialog import DocumentDetailsDialog
from amanat.gui.messages import error_message
from amanat.gui.operations import CreatedDocument, create_document
from amanat.gui.settings import Preferences
from amanat.gui.worker import Worker

KINDS = (DocumentKind.LETTER, DocumentKind.TESTIMONY, DocumentKind.NOTE)
"""The kinds offered in the File menu; the dialog's kind field offers every kind."""


class NewDocumentDialog(DocumentDetailsDialog):
    """The details dialog for a document that does not exist yet: the same fields and the
    same checks (a title, a date that can be read), the witness's consent shown for a
    testimony and private until changed. Nobody withdraws consent to a testimony not yet
    written, so that box is left out."""

    def __init__(
        self,
        kind: DocumentKind,
        everyone: Sequence[Person],
        preferences: Preferences,
        concerned_ids: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        blank = Document(kind=kind, title="", concerned_ids=tuple(concerned_ids))
        super().__init__(blank, everyone, preferences, parent)
        self.setObjectName("new-document-dialog")
        self.withdrawn.hide()
        self.withdrawn_note.hide()
        self.save_button.setText(self.tr("Create"))
        self.title.setPlaceholderText(self.tr("e.g. Letter from Evin, Ward 209"))
        self.kind.currentIndexChanged.connect(self._name_window)
        self._name_window()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_window(self) -> None:
        kind = DocumentKind(self.kind.currentData())
        titles = {
            DocumentKind.LETTER: self.tr("New letter"),
            DocumentKind.TESTIMONY: self.tr("New testimony"),
            DocumentKind.NOTE: self.tr("New note"),
        }
        self.setWindowTitle(titles.get(kind, self.tr("New document")))


def action_text(kind: DocumentKind) -> str:
    texts = {
        DocumentKind.LETTER: QCoreApplication.translate("NewDocuments", "New &Letter…"),
        DocumentKind.TESTIMONY: QCoreApplication.translate("NewDocuments", "New &Testimony…"),
        DocumentKind.NOTE: QCoreApplication.translate("NewDocuments", "New &Note…"),
    }
    return texts[kind]


class NewDocuments(QObject):
    """The File menu's "New letter…", "New testimony…" and "New note…", the dialog they
    open, and what follows its OK."""

    def __init__(
        self, worker: Worker, preferences: Preferences, view: ArchiveView, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._preferences = preferences
        self._view = view
        self._window = parent
        self.dialog: NewDocumentDialog | None = None
        self._type_into: str | None = None
        """The document just made, whose first text gets the cursor once it is shown."""
        self.actions: dict[DocumentKind, QAction] = {}
        for kind in KINDS:
            action = QAction(action_text(kind), parent)
            action.setObjectName(f"new-{kind.value}")
            action.triggered.connect(lambda _=False, kind=kind: self.open_dialog(kind))
            self.actions[kind] = action
        letter = self.actions[DocumentKind.LETTER]
        letter.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.New))
        letter.setToolTip(self.tr("Type or paste a letter that has no scans yet (Ctrl+N)"))
        self.actions[DocumentKind.TESTIMONY].setToolTip(
            self.tr("Type or paste what a witness said")
        )
        view.document_shown.connect(self._shown)

    def open_dialog(self, kind: DocumentKind) -> NewDocumentDialog | None:
        """Ask for the new document's details; None while one is being asked already."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return None
        content = self._view.sidebar_content
        everyone = (*content.prisoners, *content.others) if content else ()
        # Written from a person's page, it is most likely about that person.
        person_id = self._view.documents.current_filter.person_id
        concerned = (person_id,) if person_id else ()
        dialog = NewDocumentDialog(kind, everyone, self._preferences, concerned, self._window)
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.finished.connect(lambda _: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def forget(self) -> None:
        """The archive is locking. A dialog still open whose document could be made (it has
        a title and a date that can be read) makes it before the archive closes, as the
        details dialog saves what was typed in it; then nothing waits to be shown."""
        self._type_into = None
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if dialog.is_valid:
            self._worker.submit(
                create_document(dialog.fields(), self._preferences.language),
                self,
                None,
                self._view.unsaved_at_lock.emit,
                outlives_lock=True,
            )
        dialog.reject()
        dialog.deleteLater()

    def _chosen(self, dialog: NewDocumentDialog) -> None:
        if not dialog.is_valid:
            return
        self._worker.submit(
            create_document(dialog.fields(), self._preferences.language),
            self,
            self._created,
            self._failed,
        )

    def _closed(self, dialog: NewDocumentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _failed(self, error: AmanatError) -> None:
        self._view.status.emit(error_message(error))

    def _created(self, created: CreatedDocument) -> None:
        document = created.document
        view = self._view
        view.search_field.clear()
        # The list shown keeps it in sight if it is a person's list and the document is
        # about them; any other list (a tag's, the trash) gives way to the whole archive.
        where = view.documents.current_filter
        fits = where == DocumentFilter(person_id=where.person_id) and (
            where.person_id is None or where.person_id in document.people_ids
        )
        if not fits:
            view.sidebar.setCurrentIndex(view.sidebar_model.everything_index())
        self._type_into = document.id
        view.show_document(document.id)
        view.refresh()  # the list and the sidebar's counts, and the list selects it

    def _shown(self, document_id: str) -> None:
        if document_id != self._type_into:
            return
        self._type_into = None
        editors = self._view.document.editors
        if editors:
            self._view.document.texts.setCurrentWidget(editors[0])
            editors[0].body.setFocus(Qt.FocusReason.OtherFocusReason)
