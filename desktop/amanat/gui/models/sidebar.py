"""The sidebar: everything in the archive, then prisoners, other people, tags as a tree with
their colours, document kinds and the trash. Choosing an entry filters the document list.

A hand-written tree model over small nodes; it is rebuilt whole when the archive's people or
tags change, which is rare and cheap (they number in the hundreds, not thousands).

A tag can be dragged onto another to go under it, or onto the Tags heading to go to the top:
the model only says so (``tag_dropped``); the move itself is the view's, undoable like any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from amanat.core.records import DocumentKind, Tag
from amanat.core.storage.documents import DocumentFilter
from amanat.gui import labels
from amanat.gui.models.document_list import tag_swatch
from amanat.gui.operations import SidebarContent

_Index = QModelIndex | QPersistentModelIndex

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
"""The DocumentFilter an entry stands for; None for a heading."""
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2
"""A tag's colour, "#rrggbb"; None for every other entry."""
TAG_MIME_TYPE = "application/x-amanat-tag"
"""A dragged tag: its id, never its name, so a drop outside the window learns nothing."""


class EntryKind(Enum):
    HEADING = auto()
    EVERYTHING = auto()
    PERSON = auto()
    TAG = auto()
    KIND = auto()
    TRASH = auto()


@dataclass(eq=False)
class _Node:
    kind: EntryKind
    label: str
    filter: DocumentFilter | None = None
    colour: str | None = None
    tooltip: str | None = None
    """A person's name in the other script."""
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def add(self, child: _Node) -> _Node:
        child.parent = self
        self.children.append(child)
        return child

    @property
    def row(self) -> int:
        siblings = self.parent.children if self.parent else []
        return next(n for n, node in enumerate(siblings) if node is self)


class SidebarModel(QAbstractItemModel):
    tag_dropped = Signal(str, str)
    """A tag (its id) was dropped under another (its id), or at the top ("")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(EntryKind.HEADING, "")
        self._tags_heading: _Node | None = None

    def set_content(self, content: SidebarContent) -> None:
        self.beginResetModel()
        self._root = self._build(content)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._root = _Node(EntryKind.HEADING, "")
        self.endResetModel()

    def everything_index(self) -> QModelIndex:
        for node in self._root.children:
            if node.kind is EntryKind.EVERYTHING:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def index_of(self, where: DocumentFilter) -> QModelIndex:
        """The entry that stands for ``where``; invalid when there is none (any more)."""

        def find(node: _Node) -> _Node | None:
            for child in node.children:
                if child.filter == where:
                    return child
                found = find(child)
                if found is not None:
                    return found
            return None

        node = find(self._root)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def _build(self, content: SidebarContent) -> _Node:
        root = _Node(EntryKind.HEADING, "")
        self._tags_heading = None
        root.add(_Node(EntryKind.EVERYTHING, self.tr("All documents"), DocumentFilter()))
        for heading, group in (
            (self.tr("Prisoners"), content.prisoners),
            (self.tr("Other people"), content.others),
        ):
            if group:
                section = root.add(_Node(EntryKind.HEADING, heading))
                # By the name the reader sees, not by the display name the archive sorts by.
                for person in labels.by_person_name(group):
                    section.add(
                        _Node(
                            EntryKind.PERSON,
                            labels.person_name(person),
                            DocumentFilter(person_id=person.id),
                            tooltip=labels.person_tooltip(person),
                        )
                    )
        if content.tags:
            section = root.add(_Node(EntryKind.HEADING, self.tr("Tags")))
            self._tags_heading = section
            self._add_tags(section, None, content.tags)
        section = root.add(_Node(EntryKind.HEADING, self.tr("Kinds")))
        for kind in DocumentKind:
            section.add(_Node(EntryKind.KIND, labels.label(kind), DocumentFilter(kind=kind)))
        in_trash = content.trash_count + len(content.trashed_people)
        trash = self.tr("Trash (%n)", "", in_trash)
        bin_ = root.add(_Node(EntryKind.TRASH, trash, DocumentFilter(in_trash=True)))
        for person in labels.by_person_name(content.trashed_people):
            bin_.add(
                _Node(
                    EntryKind.PERSON,
                    labels.person_name(person),
                    DocumentFilter(person_id=person.id, in_trash=True),
                    tooltip=labels.person_tooltip(person),
                )
            )
        return root

    def _add_tags(self, under: _Node, parent_id: str | None, every: tuple[Tag, ...]) -> None:
        for tag in sorted(
            (t for t in every if t.parent_id == parent_id), key=lambda t: t.name.casefold()
        ):
            node = under.add(
                _Node(EntryKind.TAG, tag.name, DocumentFilter(tag_id=tag.id), tag.colour)
            )
            self._add_tags(node, tag.id, every)

    # --- QAbstractItemModel ----------------------------------------------------------------

    def is_tags_heading(self, index: _Index) -> bool:
        """Whether ``index`` is the Tags heading (its menu makes a new tag)."""
        return index.isValid() and self._node(index) is self._tags_heading

    def _node(self, index: _Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = self._node(child).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self._node(index)
        if node is self._tags_heading:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if node.kind is EntryKind.HEADING:
            return Qt.ItemFlag.ItemIsEnabled
        chosen = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind is EntryKind.TAG:
            return chosen | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return chosen

    # --- Dragging a tag onto another ---------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        tag_id = self._tag_id(indexes[0]) if indexes else None
        if tag_id is not None:
            data.setData(TAG_MIME_TYPE, tag_id.encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._drop(data, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        drop = self._drop(data, parent)
        if drop is None:
            return False
        self.tag_dropped.emit(*drop)
        return True

    def _drop(self, data: QMimeData, onto: _Index) -> tuple[str, str] | None:
        """(dragged tag, new parent or "") when ``data`` is a tag that may go onto ``onto``:
        a tag, or the Tags heading (the top level); not itself. (A tag inside the dragged
        one is refused by the archive, in a sentence.)"""
        if not data.hasFormat(TAG_MIME_TYPE) or not onto.isValid():
            return None
        dragged = bytes(data.data(TAG_MIME_TYPE).data()).decode()
        node = self._node(onto)
        if node is self._tags_heading:
            return dragged, ""
        target = self._tag_id(onto)
        if target is None or target == dragged:
            return None
        return dragged, target

    def _tag_id(self, index: _Index) -> str | None:
        node = self._node(index)
        if node.kind is not EntryKind.TAG or node.filter is None:
            return None
        return node.filter.tag_id

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip
        if role == FILTER_ROLE:
            return node.filter
        if role == COLOUR_ROLE:
            return node.colour
        if role == Qt.ItemDataRole.DecorationRole and node.colour:
            return tag_swatch(node.colour)
        if role == Qt.ItemDataRole.FontRole and node.kind is EntryKind.HEADING:
            font = QFont()
            font.setBold(True)
            return font
        return None
