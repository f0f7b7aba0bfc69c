"""The tags of the chosen document: each shown with its colour and a button to take it off,
and a field to add one, completing the paths of the tags already in the archive. Typing a
path that does not exist yet ("conditions/solitary") makes it, parents included.

The editor only asks: ArchiveView turns each request into an undoable change.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.gui.models.document_list import tag_swatch
from amanat.gui.operations import TagEntry


class TagEditor(QWidget):
    add_requested = Signal(str)
    """The path typed, tidied ("conditions / solitary" becomes "conditions/solitary")."""
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths: list[str] = []
        # The chips scroll sideways when a document has many tags, rather than squeezing
        # the field or each other.
        chip_row = QWidget()
        self.chips = QHBoxLayout(chip_row)
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.addStretch(1)
        self.chip_area = QScrollArea()
        self.chip_area.setWidget(chip_row)
        self.chip_area.setWidgetResizable(True)
        self.chip_area.setFrameShape(QFrame.Shape.NoFrame)
        self.chip_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chip_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        row_height = QToolButton().sizeHint().height()
        scrollbar = self.chip_area.horizontalScrollBar().sizeHint().height()
        self.chip_area.setFixedHeight(row_height + scrollbar + 2)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Add a tag, e.g. conditions/solitary"))
        self.field.setClearButtonEnabled(True)
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # "solitary" finds "conditions/solitary": people remember the leaf, not the path.
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.field.setCompleter(self.completer)
        self.field.returnPressed.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chip_area)
        layout.addWidget(self.field)

    def set_known(self, entries: list[TagEntry]) -> None:
        self.completions.setStringList([e.path for e in entries])

    def set_tags(self, entries: tuple[TagEntry, ...]) -> None:
        self._clear_chips()
        self._paths = [e.path for e in entries]
        for entry in entries:
            chip = QToolButton()
            chip.setText(entry.path)
            chip.setIcon(tag_swatch(entry.tag.colour))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setToolTip(
                self.tr("Take the tag “%1” off this document").replace("%1", entry.path)
            )
            chip.setAutoRaise(False)
            chip.setObjectName("tag-chip")
            chip.clicked.connect(lambda _=False, path=entry.path: self.remove_requested.emit(path))
            self.chips.insertWidget(self.chips.count() - 1, chip)  # before the stretch

    @property
    def paths(self) -> list[str]:
        return list(self._paths)

    def clear(self) -> None:
        self._clear_chips()
        self._paths = []
        self.field.clear()

    def _clear_chips(self) -> None:
        while self.chips.count() > 1:  # all but the stretch at the end
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()

    def _add(self) -> None:
        path = "/".join(part.strip() for part in self.field.text().split("/") if part.strip())
        self.field.clear()
        if path and path not in self._paths:
            self.add_requested.emit(path)
