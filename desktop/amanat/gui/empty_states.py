"""What the window shows where there is nothing yet, saying what to do next: an empty archive
offers its three first steps, an empty person page the first letter of that person.

They only ask; the main window decides what each button does (an action of its own menus),
and a step that no action answers is not offered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _step(text: str, explanation: str) -> tuple[QPushButton, QLabel]:
    button = QPushButton(text)
    button.setMinimumHeight(34)
    note = _note(explanation)
    note.setEnabled(False)  # drawn quieter than the button it explains
    return button, note


def _centred(*widgets: QWidget) -> QVBoxLayout:
    """A narrow column in the middle of the free space, whatever its size."""
    inner = QFrame()
    inner.setMaximumWidth(440)
    column = QVBoxLayout(inner)
    column.setSpacing(8)
    for widget in widgets:
        column.addWidget(widget)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner, 3)
    row.addStretch(1)
    outer = QVBoxLayout()
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return outer


class EmptyArchive(QWidget):
    """An archive with no document yet: add a person, import letters, write a testimony."""

    add_person_requested = Signal()
    import_requested = Signal()
    new_testimony_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-archive")
        self.add_person_button, add_person_note = _step(
            self.tr("Add a person…"),
            self.tr("The prisoner first, then the family and friends who write to them."),
        )
        self.import_button, import_note = _step(
            self.tr("Import letters…"),
            self.tr("Scans or photos of letters; each page stays an encrypted picture."),
        )
        self.testimony_button, testimony_note = _step(
            self.tr("Write a testimony…"),
            self.tr("Type or paste what a witness said, with who may ever read it."),
        )
        self.add_person_button.clicked.connect(self.add_person_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.testimony_button.clicked.connect(self.new_testimony_requested)
        self._notes = {
            self.add_person_button: add_person_note,
            self.import_button: import_note,
            self.testimony_button: testimony_note,
        }
        self.setLayout(
            _centred(
                _heading(self.tr("This archive is empty")),
                _note(self.tr("Three first steps, in any order:")),
                self.add_person_button,
                add_person_note,
                self.import_button,
                import_note,
                self.testimony_button,
                testimony_note,
            )
        )

    @property
    def steps(self) -> tuple[QPushButton, ...]:
        return (self.add_person_button, self.import_button, self.testimony_button)

    def offer(self, button: QPushButton, offered: bool) -> None:
        """Show ``button`` (with its explanation) only where something answers it."""
        button.setVisible(offered)
        self._notes[button].setVisible(offered)


class EmptyPerson(QWidget):
    """A person no document names yet: offers to add their first letter."""

    first_letter_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-person")
        self.first_letter_button = QPushButton(self.tr("Add their first letter…"))
        self.first_letter_button.setMinimumHeight(34)
        self.first_letter_button.clicked.connect(self.first_letter_requested)
        self.setLayout(
            _centred(
                _note(self.tr("No letter or testimony names this person yet.")),
                self.first_letter_button,
                _note(
                    self.tr(
                        "Import the scans or photos of a letter: it will name this person, "
                        "and you can change that afterwards."
                    )
                ),
            )
        )
