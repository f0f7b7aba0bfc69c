"""What can be done to a tag from the sidebar: make a new one (the Tags heading's menu, as
``amanat tag add`` does), rename it, move it under another, merge it into another, change its
colour, delete it. Each is undoable with Ctrl+Z.

A change runs first and goes on the undo stack only once it has been made, with the tags as
they were before it (app/tags.py's TagEdit), so a change the archive refused leaves nothing
to undo; and a rename or move onto the name of another tag turns into the question "merge the
two?" instead of an error. Dialogs open without blocking (``open``) and are kept in
``dialog`` while open, so tests answer them through their own widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from amanat.app import tags
from amanat.app.tags import TagEdit, TagUsage
from amanat.core.errors import AmanatError, TagNameTaken
from amanat.core.records import Tag
from amanat.core.storage.tags import SEPARATOR, Snapshot
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.tag_colours import ask_tag_colour
from amanat.gui.text_direction import DirectionalItemDelegate, isolated
from amanat.gui.worker import Operation, Session, Worker

Change = Callable[[Session], TagEdit]
"""A change to tags, run on the worker; run again by redo."""


def tag_paths(every: tuple[Tag, ...]) -> dict[str, str]:
    """The full path of each tag, by id, from the tags the sidebar holds."""
    by_id = {tag.id: tag for tag in every}

    def path(tag: Tag) -> str:
        parent = by_id.get(tag.parent_id) if tag.parent_id else None
        return f"{path(parent)}{SEPARATOR}{tag.name}" if parent else tag.name

    return {tag.id: path(tag) for tag in every}


class TagChange(QUndoCommand):
    """A change to tags that has been made: pushing it does not make it again. Undo puts the
    tags back as they were; redo makes the change again (by the same ids), remembering the
    tags as they were then. Both read ``_before`` when they run, in the worker's order."""

    def __init__(
        self, text: str, run: Callable[[Operation[object]], None], again: Change, edit: TagEdit
    ) -> None:
        super().__init__(text)
        self._run = run
        self._again = again
        self._before: Snapshot = edit.before
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return

        def run(session: Session) -> object:
            self._before = self._again(session).before
            return None

        self._run(run)

    def undo(self) -> None:
        self._run(lambda session: tags.put_back(session.require(), self._before))


class NewTagChange(QUndoCommand):
    """A tag made on its own, already made when pushed. Undo deletes it (a parent made with
    it stays, as an empty tag); redo makes it again and remembers its new id."""

    def __init__(
        self, text: str, run: Callable[[Operation[object]], None], tag: Tag, path: str
    ) -> None:
        super().__init__(text)
        self._run = run
        self._tag_id = tag.id
        self._path = path
        self._colour = tag.colour
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return

        def run(session: Session) -> object:
            self._tag_id = tags.new_tag(session.require(), self._path, self._colour).id
            return None

        self._run(run)

    def undo(self) -> None:
        tag_id = self._tag_id
        self._run(lambda session: tags.delete_tag(session.require(), tag_id, with_inside=True))


class NewTagDialog(QDialog):
    """The name of a new tag, or its path ("conditions/solitary") to make it inside another."""

    def __init__(self, start: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Tag"))
        self.setMinimumWidth(360)
        question = QLabel(
            self.tr(
                "Name of the new tag; to put it inside another, write the path with "
                "“/”, such as conditions/solitary. Its colour is asked next."
            )
        )
        question.setWordWrap(True)
        self.field = QLineEdit(start)
        self.field.setPlaceholderText(self.tr("conditions/solitary"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self._typed(start)

    @property
    def path(self) -> str:
        parts = (part.strip() for part in self.field.text().split(SEPARATOR))
        return SEPARATOR.join(part for part in parts if part)

    def _typed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path))


class TagNameDialog(QDialog):
    """The new name of a tag, in a field that starts with the old one."""

    def __init__(self, path: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rename a tag"))
        self.setMinimumWidth(360)  # a long path in the question, not wrapped word by word
        question = QLabel(labels.fill(self.tr("New name of the tag “%1”:"), isolated(path)))
        question.setWordWrap(True)
        self.field = QLineEdit(name)
        self.field.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.field.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self._typed(name)

    @property
    def name(self) -> str:
        return self.field.text().strip()

    def _typed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))


class TagChoiceDialog(QDialog):
    """One tag chosen from a list of paths (and, for a move, "the top level")."""

    def __init__(
        self,
        title: str,
        question: str,
        choices: list[tuple[str, str | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(question)
        label.setWordWrap(True)
        # An archive may have hundreds of tags: typing part of a name narrows the list.
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to find a tag"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._narrow)
        self.choices = QListWidget()
        self.choices.setItemDelegate(DirectionalItemDelegate(self.choices))
        for shown, tag_id in choices:
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, tag_id)
            self.choices.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choices.currentRowChanged.connect(self._chosen)
        self.choices.itemDoubleClicked.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.choices)
        layout.addWidget(self.buttons)
        self._chosen(-1)

    def choose(self, shown: str) -> None:
        """Choose the entry that reads ``shown`` (for tests, and for typing its start)."""
        found = self.choices.findItems(shown, Qt.MatchFlag.MatchExactly)
        if found:
            self.choices.setCurrentItem(found[0])

    def shown(self) -> list[str]:
        """The entries the list shows now."""
        every = (self.choices.item(row) for row in range(self.choices.count()))
        return [item.text() for item in every if not item.isHidden()]

    def _narrow(self, typed: str) -> None:
        wanted = typed.strip().casefold()
        first: QListWidgetItem | None = None
        for row in range(self.choices.count()):
            item = self.choices.item(row)
            item.setHidden(wanted not in item.text().casefold())
            if first is None and not item.isHidden():
                first = item
        current = self.choices.currentItem()
        if current is None or current.isHidden():
            # Enter then takes the first that matches; none matching, nothing is chosen.
            if first is None:
                self.choices.setCurrentRow(-1)
            else:
                self.choices.setCurrentItem(first)

    @property
    def chosen(self) -> str | None:
        item = self.choices.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _chosen(self, row: int) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(row >= 0)


class TagActions(QObject):
    status = Signal(str)
    """A sentence for the status bar: why a change was not made."""

    def __init__(
        self,
        worker: Worker,
        undo_stack: QUndoStack,
        run: Callable[[Operation[object]], None],
        refresh: Callable[[], None],
        known: Callable[[], tuple[Tag, ...]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._stack = undo_stack
        self._run = run
        self._refresh = refresh
        self._known = known
        self._parent = parent
        self.dialog: QDialog | None = None
        """The dialog or question open now, if any."""
        self.choose_colour: Callable[[QWidget, str, str | None], str | None] = ask_tag_colour
        """Asks a tag's colour (its path, its colour now); tests replace it."""
        self.new_tag_action = QAction(self.tr("New Tag…"), self)
        self.new_tag_action.setToolTip(
            self.tr("Make a tag before any document carries it, with its colour")
        )
        self.new_tag_action.triggered.connect(lambda: self.new_tag())

    # --- The menu ------------------------------------------------------------------------

    def heading_menu(self, parent: QWidget) -> QMenu:
        """The menu of the Tags heading."""
        menu = QMenu(parent)
        menu.addAction(self.new_tag_action)
        return menu

    def menu(self, tag_id: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for text, handler in (
            (self.tr("Rename…"), self.rename),
            (self.tr("Move Under…"), self.move),
            (self.tr("Merge Into…"), self.merge),
            (self.tr("Change Colour…"), self.recolour),
            (self.tr("Delete…"), self.delete),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, handler=handler: handler(tag_id))
        return menu

    def add_shortcuts(self, widget: QWidget, current: Callable[[], str | None]) -> None:
        """F2 renames and Delete deletes the tag ``current`` names (the sidebar's chosen
        entry), while ``widget`` has the focus: the menu's two commonest, for the keyboard."""
        for text, keys, handler in (
            (self.tr("Rename…"), QKeySequence(Qt.Key.Key_F2), self.rename),
            (self.tr("Delete…"), QKeySequence(QKeySequence.StandardKey.Delete), self.delete),
        ):
            action = QAction(text, widget)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(
                lambda _=False, handler=handler: self._on_current(current(), handler)
            )
            widget.addAction(action)

    @staticmethod
    def _on_current(tag_id: str | None, handler: Callable[[str], None]) -> None:
        if tag_id is not None:
            handler(tag_id)

    def _tag(self, tag_id: str) -> tuple[Tag, dict[str, str]] | None:
        every = self._known()
        paths = tag_paths(every)
        found = next((tag for tag in every if tag.id == tag_id), None)
        return (found, paths) if found is not None else None

    # --- A new tag -----------------------------------------------------------------------

    def new_tag(self, under: str | None = None) -> None:
        """Ask a new tag's path (starting inside the tag ``under``) and then its colour."""
        start = tag_paths(self._known()).get(under, "") if under else ""
        dialog = NewTagDialog(start + SEPARATOR if start else "", self._parent)
        dialog.accepted.connect(lambda: self._named(dialog.path))
        self._open(dialog)

    def _named(self, path: str) -> None:
        colour = self.choose_colour(self._parent, path, None)
        if colour is None:
            return  # they cancelled: no tag

        def made(tag: Tag) -> None:
            text = labels.fill(self.tr("Make the tag “%1”"), path)
            self._stack.push(NewTagChange(text, self._run, tag, path))
            self._refresh()

        self._worker.submit(
            lambda session: tags.new_tag(session.require(), path, colour),
            self,
            made,
            self._failed,
        )

    # --- Rename, move, merge -------------------------------------------------------------

    def rename(self, tag_id: str) -> None:
        known = self._tag(tag_id)
        if known is None:
            return
        tag, paths = known
        dialog = TagNameDialog(paths[tag_id], tag.name, self._parent)
        dialog.accepted.connect(lambda: self._renamed(tag_id, paths[tag_id], dialog.name))
        self._open(dialog)

    def _renamed(self, tag_id: str, path: str, name: str) -> None:
        if name == path.rsplit(SEPARATOR, 1)[-1]:
            return  # the same name: nothing to change, nothing to undo

        def change(session: Session) -> TagEdit:
            return tags.rename_tag(session.require(), tag_id, name)

        self._make(
            change,
            lambda edit: labels.fill(self.tr("Rename the tag “%1” to “%2”"), path, edit.path),
            tag_id,
        )

    def move(self, tag_id: str) -> None:
        known = self._tag(tag_id)
        if known is None:
            return
        tag, paths = known
        choices: list[tuple[str, str | None]] = []
        if tag.parent_id is not None:
            choices.append((self.tr("(The top level)"), ""))
        choices += self._others(tag_id, paths, exclude={tag.parent_id})
        dialog = TagChoiceDialog(
            self.tr("Move a tag"),
            labels.fill(self.tr("Put the tag “%1” under:"), isolated(paths[tag_id])),
            choices,
            self._parent,
        )
        dialog.accepted.connect(lambda: self._moved(tag_id, paths[tag_id], dialog.chosen))
        self._open(dialog)

    def move_under(self, tag_id: str, parent_id: str) -> None:
        """A tag dragged onto another in the sidebar (or onto the Tags heading: "")."""
        path = tag_paths(self._known()).get(tag_id)
        if path is not None:
            self._moved(tag_id, path, parent_id)

    def _moved(self, tag_id: str, path: str, parent_id: str | None) -> None:
        if parent_id is None:
            return
        under = parent_id or None  # "" is the top level

        def change(session: Session) -> TagEdit:
            return tags.move_tag(session.require(), tag_id, under)

        self._make(
            change,
            lambda edit: labels.fill(self.tr("Move the tag “%1” to “%2”"), path, edit.path),
            tag_id,
        )

    def merge(self, tag_id: str) -> None:
        known = self._tag(tag_id)
        if known is None:
            return
        _tag, paths = known
        dialog = TagChoiceDialog(
            self.tr("Merge a tag"),
            labels.fill(
                self.tr(
                    "Merge the tag “%1” into another: what carries it will carry the other "
                    "instead, and the tags inside it move there."
                ),
                isolated(paths[tag_id]),
            ),
            self._others(tag_id, paths),
            self._parent,
        )
        dialog.accepted.connect(lambda: self._merged(tag_id, paths[tag_id], dialog.chosen))
        self._open(dialog)

    def _merged(self, tag_id: str, path: str, into_id: str | None) -> None:
        if not into_id:
            return

        def change(session: Session) -> TagEdit:
            return tags.merge_tags(session.require(), tag_id, into_id)

        self._make(
            change,
            lambda edit: labels.fill(self.tr("Merge the tag “%1” into “%2”"), path, edit.path),
        )

    def _others(
        self, tag_id: str, paths: dict[str, str], exclude: set[str | None] | None = None
    ) -> list[tuple[str, str | None]]:
        """Every tag but this one and those inside it, by path."""
        own = paths[tag_id]
        inside = own + SEPARATOR
        return sorted(
            (
                (path, other)
                for other, path in paths.items()
                if other != tag_id and not path.startswith(inside)
                if other not in (exclude or set())
            ),
            key=lambda choice: choice[0].casefold(),
        )

    def _offer_merge(self, tag_id: str, path: str, taken: TagNameTaken) -> None:
        """The name is another tag's: ask whether the two should be one."""
        into_id = str(taken.values["existing_id"])
        into = str(taken.values["path"])
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Merge the tags?"),
            labels.fill(
                self.tr(
                    "There is already a tag named “%1”. Merge “%2” into it, so that what "
                    "carries either carries “%1”?"
                ),
                isolated(into),
                isolated(path),
            ),
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        merge = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        merge.clicked.connect(lambda: self._merged(tag_id, path, into_id))
        self._open(box)

    # --- Colour and delete ---------------------------------------------------------------

    def recolour(self, tag_id: str) -> None:
        known = self._tag(tag_id)
        if known is None:
            return
        tag, paths = known
        path = paths[tag_id]
        chosen = self.choose_colour(self._parent, path, tag.colour)
        if chosen is None or chosen == tag.colour:
            return

        def change(session: Session) -> TagEdit:
            return tags.recolour_tag(session.require(), tag_id, chosen)

        self._make(
            change, lambda _: labels.fill(self.tr("Change the colour of the tag “%1”"), path)
        )

    def delete(self, tag_id: str) -> None:
        self._worker.submit(
            lambda session: tags.usage(session.require(), tag_id),
            self,
            lambda used: self._confirm_delete(tag_id, used),
            self._failed,
        )

    def _confirm_delete(self, tag_id: str, used: TagUsage) -> None:
        lines = [
            labels.fill(self.tr("Delete the tag “%1”?"), isolated(used.path)),
            self.tr("It is on %n document(s).", "", used.documents),
        ]
        if used.annotations:
            lines.append(self.tr("It is on %n annotation(s).", "", used.annotations))
        if used.events:
            lines.append(self.tr("It is on %n event(s).", "", used.events))
        if used.inside:
            lines.append(self.tr("The %n tag(s) inside it are deleted too.", "", used.inside))
        lines.append(self.tr("Nothing else is deleted, and Undo (Ctrl+Z) brings the tag back."))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete a tag"),
            "\n".join(lines),
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self._deleted(tag_id, used.path))
        self._open(box)

    def _deleted(self, tag_id: str, path: str) -> None:
        def change(session: Session) -> TagEdit:
            return tags.delete_tag(session.require(), tag_id, with_inside=True)

        self._make(change, lambda _: labels.fill(self.tr("Delete the tag “%1”"), path))

    # --- Running a change ----------------------------------------------------------------

    def _make(
        self, change: Change, name: Callable[[TagEdit], str], tag_id: str | None = None
    ) -> None:
        """Make ``change`` now; once made, it goes on the undo stack under ``name``. A name
        taken by another tag (for a rename or move of ``tag_id``) asks to merge instead."""

        def made(edit: TagEdit) -> None:
            self._stack.push(TagChange(name(edit), self._run, change, edit))
            self._refresh()

        def failed(error: AmanatError) -> None:
            if isinstance(error, TagNameTaken) and tag_id is not None:
                paths = tag_paths(self._known())
                self._offer_merge(tag_id, paths.get(tag_id, ""), error)
                return
            self._failed(error)

        self._worker.submit(change, self, made, failed)

    def _failed(self, error: AmanatError) -> None:
        self.status.emit(error_message(error))
        self._refresh()

    def close(self) -> None:
        """Close the open dialog or question, doing nothing it asked: the archive is being
        locked, and no tag's name may stay on the screen."""
        dialog = self.dialog
        if dialog is not None:
            dialog.reject()

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
