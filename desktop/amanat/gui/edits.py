"""The undoable edits of the open archive's view: moving a document to the trash and back,
its tags, its texts and its details. (Changes to the tags themselves are tag_actions.py's.)

Each edit pairs the operation that makes it with the one that takes it back, under the name
the Edit menu shows ("Undo Add the tag “health”"), and goes on the view's undo stack, which
runs the first at once (gui/undo.py). The view decides *what* the user asked for; this
module knows how each such change is undone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from amanat.core.records import Text
from amanat.gui import labels
from amanat.gui.operations import (
    DocumentFields,
    TextContent,
    add_tag,
    add_text,
    delete_text,
    move_to_trash,
    remove_tag,
    restore_from_trash,
    save_document_fields,
    save_text,
)
from amanat.gui.undo import Change, Runner
from amanat.gui.worker import Operation


class Edits(QObject):
    def __init__(self, undo_stack: QUndoStack, run: Runner, parent: QObject | None = None):
        super().__init__(parent)
        self._stack = undo_stack
        self._run = run

    def _push(self, name: str, do: Operation[Any], undo: Operation[Any]) -> None:
        self._stack.push(Change(name, self._run, do, undo))

    # --- The trash ---------------------------------------------------------------------------

    def move_to_trash(self, document_id: str, title: str) -> None:
        self._push(
            self.tr("Move “%1” to the trash").replace("%1", title),
            move_to_trash(document_id),
            restore_from_trash(document_id),
        )

    def restore(self, document_id: str, title: str) -> None:
        self._push(
            self.tr("Restore “%1”").replace("%1", title),
            restore_from_trash(document_id),
            move_to_trash(document_id),
        )

    # --- Tags ----------------------------------------------------------------------------------

    def add_tag(self, document_id: str, path: str, colour: str | None) -> None:
        """``colour`` for a tag that is new to the archive; None for one that exists."""
        self._push(
            self.tr("Add the tag “%1”").replace("%1", path),
            add_tag(document_id, path, colour),
            remove_tag(document_id, path),
        )

    def remove_tag(self, document_id: str, path: str) -> None:
        self._push(
            self.tr("Remove the tag “%1”").replace("%1", path),
            remove_tag(document_id, path),
            add_tag(document_id, path),
        )

    # --- Texts and details -------------------------------------------------------------------

    def add_text(self, text: Text, name: str) -> None:
        """The first save of a text brings it into the archive; undoing it takes the text out
        again (annotations made on it meanwhile stay, orphaned). ``name`` says which text."""
        self._push(labels.fill(self.tr("Add the %1"), name), add_text(text), delete_text(text.id))

    def save_text(self, text_id: str, name: str, content: TextContent, before: TextContent) -> None:
        self._push(
            labels.fill(self.tr("Save the %1"), name),
            save_text(text_id, content),
            save_text(text_id, before),
        )

    def save_details(
        self, document_id: str, fields: DocumentFields, original: DocumentFields
    ) -> None:
        self._push(
            self.tr("Edit the details of “%1”").replace("%1", fields.title),
            save_document_fields(document_id, fields),
            save_document_fields(document_id, original),
        )
