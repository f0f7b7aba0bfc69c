"""What the window does with people: "New Person…" (Ctrl+Shift+N), "Edit…", "Merge Into…",
"Move to Trash" and "Restore", from the sidebar's context menu, the person's page and the
menus. Editing, merging and the trash go on the view's undo stack (Ctrl+Z), each with the
change that takes it back; a merge keeps what it changed for its undo (gui/people/operations.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from amanat.app.overview import SidebarContent
from amanat.app.people import PersonDetails
from amanat.core.errors import AmanatError
from amanat.core.records import Person
from amanat.core.storage.documents import DocumentFilter
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.people.merge_dialog import MergeDialog
from amanat.gui.people.operations import (
    MergeRecord,
    add_person,
    check_trashable,
    edit_person,
    merge_people,
    move_to_trash,
    person_details,
    restore_from_trash,
    unmerge_people,
)
from amanat.gui.people.person_dialog import PersonDialog
from amanat.gui.text_direction import isolated
from amanat.gui.undo import Change, Runner
from amanat.gui.worker import Operation, Worker


def _heads_people(index: QModelIndex) -> bool:
    """Whether ``index`` is a heading over people ("Prisoners", "Other people")."""
    child = index.model().index(0, 0, index)
    where = child.data(FILTER_ROLE) if child.isValid() else None
    return (
        index.data(FILTER_ROLE) is None
        and isinstance(where, DocumentFilter)
        and (where.person_id is not None and not where.in_trash)
    )


class MergeChange(QUndoCommand):
    """A merge and its undo: the undo takes back exactly what the merge changed, which only
    the merge itself knows (its MergeRecord); a redo merges again and records anew."""

    def __init__(self, text: str, run: Runner, kept_id: str, other_id: str) -> None:
        super().__init__(text)
        self._run = run
        self._kept_id = kept_id
        self._other_id = other_id
        self.record = MergeRecord()

    def redo(self) -> None:
        self._run(merge_people(self._kept_id, self._other_id, self.record))

    def undo(self) -> None:
        self._run(unmerge_people(self.record))


class PeopleActions(QObject):
    """The people part of the open archive's view. ``run`` runs an undoable change's
    operation and reads the views again; ``content`` gives what the sidebar shows now."""

    person_added = Signal(str)
    """A new person's id, once they are in the archive: show their page."""
    leaving_person = Signal(str)
    """A person's page is about to stop existing (trashed, merged away): show another."""
    status = Signal(str)

    def __init__(
        self,
        worker: Worker,
        undo_stack: QUndoStack,
        run: Runner,
        content: Callable[[], SidebarContent | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._stack = undo_stack
        self._run = run
        self._content = content
        self._parent = parent
        self.person_dialog: PersonDialog | None = None
        """The open person dialog, if any (one at a time)."""
        self.merge_dialog: MergeDialog | None = None
        self.new_person_action = QAction(self.tr("&New Person…"), self)
        self.new_person_action.setObjectName("new-person")  # the empty archive's first step
        self.new_person_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+N")))
        self.new_person_action.setToolTip(
            self.tr("Add a prisoner, a relative or anyone else to the archive (Ctrl+Shift+N)")
        )
        self.new_person_action.triggered.connect(self.new_person)

    # --- Menus -------------------------------------------------------------------------------

    def sidebar_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of a person in the sidebar, of a heading of people, or of the empty space
        below the entries (where "New Person…" is found in an archive with nobody yet);
        None for every other entry."""
        where = index.data(FILTER_ROLE) if index.isValid() else None
        person_id = where.person_id if isinstance(where, DocumentFilter) else None
        if index.isValid() and person_id is None and not _heads_people(index):
            return None
        menu = QMenu(self._parent)
        if isinstance(where, DocumentFilter) and where.person_id is not None:
            person_id, name = where.person_id, str(index.data())
            if where.in_trash:
                restore = menu.addAction(self.tr("Restore"))
                restore.triggered.connect(lambda: self.restore(person_id, name))
            else:
                edit = menu.addAction(self.tr("Edit…"))
                edit.triggered.connect(lambda: self.edit(person_id))
                merge = menu.addAction(self.tr("Merge Into…"))
                merge.triggered.connect(lambda: self.merge(person_id))
                trash = menu.addAction(self.tr("Move to Trash"))
                trash.triggered.connect(lambda: self.trash(person_id))
            menu.addSeparator()
        menu.addAction(self.new_person_action)
        return menu

    # --- New and edit ------------------------------------------------------------------------

    def new_person(self) -> PersonDialog | None:
        if self.person_dialog is not None:
            self.person_dialog.activateWindow()
            return None
        dialog = self._open_dialog(None)
        dialog.accepted.connect(lambda: self._add(dialog.person()))
        return dialog

    def _add(self, person: Person) -> None:
        self._worker.submit(add_person(person), self, self._added, self._failed)

    def _added(self, person: Person) -> None:
        self.status.emit(labels.fill(self.tr("Added %1."), isolated(labels.person_name(person))))
        self.person_added.emit(person.id)

    def edit(self, person_id: str) -> None:
        """Open the person dialog on ``person_id`` as the archive has them now."""
        if self.person_dialog is not None:
            self.person_dialog.activateWindow()
            return
        self._worker.submit(person_details(person_id), self, self._edit_person, self._failed)

    def _edit_person(self, details: PersonDetails) -> None:
        if self.person_dialog is not None:
            return
        before = details.person
        dialog = self._open_dialog(before)
        dialog.accepted.connect(lambda: self._edited(dialog, before))

    def _edited(self, dialog: PersonDialog, before: Person) -> None:
        if not dialog.is_changed:
            return
        after = dialog.person()
        name = isolated(labels.person_name(before))
        self._push(labels.fill(self.tr("Edit %1"), name), edit_person(after), edit_person(before))

    def _open_dialog(self, person: Person | None) -> PersonDialog:
        dialog = PersonDialog(person, self._parent)
        dialog.finished.connect(lambda _: self._dialog_closed(dialog))
        self.person_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: PersonDialog) -> None:
        if self.person_dialog is dialog:
            self.person_dialog = None
        dialog.deleteLater()

    # --- Merge -------------------------------------------------------------------------------

    def merge(self, person_id: str) -> None:
        """Ask which record ``person_id`` is the same person as, then merge into that one."""
        if self.merge_dialog is None:
            self._worker.submit(person_details(person_id), self, self._ask_merge, self._failed)

    def _ask_merge(self, details: PersonDetails) -> None:
        content = self._content()
        everyone = (*content.prisoners, *content.others) if content else ()
        dialog = MergeDialog(details.person, everyone, details.document_count, self._parent)
        dialog.accepted.connect(lambda: self._merge_chosen(dialog))
        dialog.finished.connect(lambda _: self._merge_closed(dialog))
        self.merge_dialog = dialog
        dialog.open()

    def _merge_chosen(self, dialog: MergeDialog) -> None:
        kept_id = dialog.kept_id
        if kept_id is None:
            return
        other = dialog.person
        self.leaving_person.emit(other.id)
        text = labels.fill(
            self.tr("Merge %1 into %2"),
            isolated(labels.person_name(other)),
            dialog.kept_name(),
        )
        self._stack.push(MergeChange(text, self._run, kept_id, other.id))

    def _merge_closed(self, dialog: MergeDialog) -> None:
        if self.merge_dialog is dialog:
            self.merge_dialog = None
        dialog.deleteLater()

    # --- The trash ---------------------------------------------------------------------------

    def trash(self, person_id: str) -> None:
        """Move ``person_id`` to the trash, undoably; a person documents still name is
        refused with the sentence saying how many, and nothing goes on the undo stack."""
        self._worker.submit(check_trashable(person_id), self, self._trash_checked, self._failed)

    def _trash_checked(self, person: Person) -> None:
        self.leaving_person.emit(person.id)
        name = isolated(labels.person_name(person))
        self._push(
            labels.fill(self.tr("Move %1 to the trash"), name),
            move_to_trash(person.id),
            restore_from_trash(person.id),
        )

    def restore(self, person_id: str, name: str) -> None:
        self._push(
            labels.fill(self.tr("Restore %1"), isolated(name)),
            restore_from_trash(person_id),
            move_to_trash(person_id),
        )

    # --- Shared ------------------------------------------------------------------------------

    def _push(self, text: str, do: Operation[Any], undo: Operation[Any]) -> None:
        self._stack.push(Change(text, self._run, do, undo))

    def _failed(self, error: AmanatError) -> None:
        self.status.emit(error_message(error))
