"""Choosing a tag's colour: a few colours that stay apart for colour-blind eyes too (Okabe and
Ito's palette), or any other through Qt's own colour dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.gui import labels
from amanat.gui.models.document_list import tag_swatch
from amanat.gui.text_direction import isolated

PALETTE: tuple[tuple[str, object], ...] = (  # QT_TRANSLATE_NOOP is typed as object
    ("#e69f00", QT_TRANSLATE_NOOP("TagColourDialog", "Orange")),
    ("#56b4e9", QT_TRANSLATE_NOOP("TagColourDialog", "Sky blue")),
    ("#009e73", QT_TRANSLATE_NOOP("TagColourDialog", "Green")),
    ("#f0e442", QT_TRANSLATE_NOOP("TagColourDialog", "Yellow")),
    ("#0072b2", QT_TRANSLATE_NOOP("TagColourDialog", "Blue")),
    ("#d55e00", QT_TRANSLATE_NOOP("TagColourDialog", "Vermilion")),
    ("#cc79a7", QT_TRANSLATE_NOOP("TagColourDialog", "Purple")),
    ("#808080", QT_TRANSLATE_NOOP("TagColourDialog", "Grey")),
)


class TagColourDialog(QDialog):
    def __init__(self, tag_path: str, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Colour of a tag"))
        self._chosen = (current or PALETTE[0][0]).lower()
        question = QLabel(labels.fill(self.tr("The colour of the tag “%1”:"), isolated(tag_path)))
        question.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        grid = QGridLayout()
        self.swatches: dict[str, QToolButton] = {}
        for n, (colour, _name) in enumerate(PALETTE):
            button = QToolButton()
            button.setCheckable(True)
            button.setIconSize(QSize(24, 24))
            button.setIcon(tag_swatch(colour, 24))
            # Named, not only shown: the name is what a colour-blind user and a screen reader get.
            name = self._colour_name(colour)
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, colour=colour: self._choose(colour))
            self.group.addButton(button)
            self.swatches[colour] = button
            grid.addWidget(button, n // 4, n % 4)
        self.more_button = QPushButton(self.tr("More…"))
        self.more_button.clicked.connect(self._more)
        self.preview = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(grid)
        layout.addWidget(self.more_button)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self._choose(self._chosen)

    @property
    def colour(self) -> str:
        """ "#rrggbb", as the core keeps it."""
        return self._chosen

    def _colour_name(self, colour: str) -> str:
        for known, name in PALETTE:
            if known == colour:
                return QCoreApplication.translate("TagColourDialog", str(name))
        return colour

    def _choose(self, colour: str) -> None:
        self._chosen = QColor(colour).name()  # "#rrggbb", lower case
        for known, button in self.swatches.items():
            button.setChecked(known == self._chosen)
        self.preview.setPixmap(tag_swatch(self._chosen, 16).pixmap(16, 16))
        self.preview.setToolTip(self._colour_name(self._chosen))

    def _more(self) -> None:
        # Qt's own dialog, not the desktop's: it looks the same everywhere and is translated
        # with the rest of the window.
        colour = QColorDialog.getColor(
            QColor(self._chosen),
            self,
            self.tr("Another colour"),
            QColorDialog.ColorDialogOption.DontUseNativeDialog,
        )
        if colour.isValid():
            self._choose(colour.name())


def ask_tag_colour(parent: QWidget, tag_path: str, current: str | None) -> str | None:
    """The colour chosen for ``tag_path``; None if the user cancelled. Tests replace it."""
    dialog = TagColourDialog(tag_path, current, parent)
    try:
        return dialog.colour if dialog.exec() else None
    finally:
        dialog.deleteLater()
