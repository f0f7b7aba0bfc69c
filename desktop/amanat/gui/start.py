"""The screens before an archive is open: welcome (create, open, try the demo, and the
language of the window) and unlock.

They only collect what the user chooses and show what is happening; the main window runs
the operations and tells them how it went.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.gui import labels


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _sentence(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _column(*widgets: QWidget) -> QVBoxLayout:
    """A narrow centred column: short lines read calmly, whatever the window's width."""
    inner = QFrame()
    inner.setMaximumWidth(460)
    column = QVBoxLayout(inner)
    column.setSpacing(12)
    for widget in widgets:
        column.addWidget(widget)
    outer = QVBoxLayout()
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(inner, 3)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return outer


LANGUAGE_NAMES = {"en": "English", "fa": "فارسی"}
"""Each language by its own name, never translated: a person who cannot read the current
language must still find theirs."""


class LanguageChoice(QWidget):
    """English | فارسی, side by side; the one in use is pressed."""

    chosen = Signal(str)

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language-choice")
        self.buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for language, name in LANGUAGE_NAMES.items():
            button = QPushButton(name)
            button.setCheckable(True)
            button.setChecked(language == current)
            button.setFlat(language != current)
            button.setToolTip(self.tr("The language of the window"))
            button.clicked.connect(lambda _=False, language=language: self._clicked(language))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[language] = button
        row.addStretch(1)
        self._current = current

    def _clicked(self, language: str) -> None:
        if language != self._current:
            self.chosen.emit(language)


class WelcomePage(QWidget):
    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    restore_requested = Signal()
    language_chosen = Signal(str)
    """"en" or "fa": the window is to be shown in that language from now on."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = LanguageChoice(language)
        self.language.chosen.connect(self.language_chosen)
        self.notice = _sentence()
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.create_button = QPushButton(self.tr("Create a new archive…"))
        self.open_button = QPushButton(self.tr("Open an archive…"))
        self.demo_button = QPushButton(self.tr("Try the demo archive"))
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.setFlat(True)
        self.restore_button.clicked.connect(self.restore_requested)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.create_button.setDefault(True)
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setMinimumHeight(36)
        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        explanation = _sentence(
            self.tr(
                "Amanat keeps letters and testimony in an encrypted archive on this computer. "
                "Without the password, nobody can read it."
            )
        )
        demo_note = _sentence(
            self.tr(
                "The demo archive holds only invented people and letters; its password is “demo”."
            )
        )
        demo_note.setEnabled(False)
        self.setLayout(
            _column(
                _title(self.tr("Welcome to Amanat")),
                explanation,
                self.notice,
                self.create_button,
                self.open_button,
                self.demo_button,
                demo_note,
                self.restore_button,
                self.progress,
                self.language,
            )
        )

    def add_below(self, widget: QWidget) -> None:
        """A part another module makes (the recent archives), at the end of the column."""
        column = self.findChild(QFrame)
        layout = column.layout() if column is not None else None
        assert layout is not None
        layout.addWidget(widget)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        for button in (
            self.create_button,
            self.open_button,
            self.demo_button,
            self.restore_button,
        ):
            button.setEnabled(not busy)
        self.language.setEnabled(not busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)


class UnlockPage(QWidget):
    unlock_requested = Signal(str)
    other_archive_requested = Signal()
    forgot_requested = Signal()
    language_chosen = Signal(str)
    """As on the welcome screen: a remembered archive opens here, never there."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = LanguageChoice(language)
        self.language.chosen.connect(self.language_chosen)
        self.folder: Path | None = None
        self.archive_label = _sentence()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMinimumHeight(32)
        self.password.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumHeight(32)
        self.unlock_button.clicked.connect(self._unlock)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # key derivation says nothing about how far it is
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = _sentence()
        self.status.setObjectName("status")
        self.error = _sentence()
        self.error.setObjectName("error")
        self.error.hide()
        self.other_button = QPushButton(self.tr("Open a different archive…"))
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(self.other_archive_requested)
        self.forgot_button = QPushButton(self.tr("Forgot the password?"))
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.forgot_requested)
        field_row = QWidget()
        row = QHBoxLayout(field_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        self.setLayout(
            _column(
                _title(self.tr("Unlock the archive")),
                self.archive_label,
                field_row,
                self.progress,
                self.status,
                self.error,
                self.forgot_button,
                self.other_button,
                self.language,
            )
        )

    def set_archive(self, folder: Path) -> None:
        self.folder = folder
        self.archive_label.setText(folder.name)
        self.archive_label.setToolTip(str(folder))
        self.clear()

    def clear(self) -> None:
        self.password.clear()
        self.error.hide()
        self.status.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.other_button.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        self.language.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # key derivation says nothing about how far it is
        self.status.setText(self.tr("Unlocking…") if busy else "")
        if busy:
            self.error.hide()

    def set_progress(self, done: int, total: int) -> None:
        """How far the update of an archive an older Amanat made is (after the key)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        percent = 100 * done // total if total else 100
        self.status.setText(
            self.tr("Updating the archive for this version of Amanat… {percent} %").format(
                percent=labels.number(percent)
            )
        )

    def show_error(self, text: str) -> None:
        """Say calmly what went wrong and leave the password ready to be typed again."""
        self.set_busy(False)
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()
        self.password.selectAll()

    def _unlock(self) -> None:
        if self.password.text():
            self.unlock_requested.emit(self.password.text())
