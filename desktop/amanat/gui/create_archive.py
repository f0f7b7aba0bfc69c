"""Making a new archive: its name and place, the password twice with a strength estimate, the
offer of a recovery code; and afterwards the recovery code, shown once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.vault import SUFFIX
from amanat.gui.care.new_password import NewPasswordFields
from amanat.gui.file_dialogs import FileChooser


@dataclass(frozen=True, slots=True)
class NewArchive:
    folder: Path
    password: str
    with_recovery_code: bool


class CreateArchiveDialog(QDialog):
    def __init__(
        self, chooser: FileChooser, start_in: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a new archive"))
        self._chooser = chooser
        self.name = QLineEdit(self.tr("Letters"))
        self.place = QLineEdit(str(start_in or Path.home()))
        self.place.setReadOnly(True)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_place)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(choose)
        # The password twice with its strength: the same fields, and the same sentence, as
        # for changing the password.
        self.fields = NewPasswordFields(labels=(self.tr("Password:"), self.tr("Password again:")))
        self.password = self.fields.password
        self.repeat = self.fields.repeat
        self.meter = self.fields.meter
        self.strength = self.fields.strength
        self.mismatch = self.fields.mismatch
        self.recovery = QCheckBox(self.tr("Make a recovery code to write down or print"))
        self.recovery.setChecked(True)
        self.recovery.setToolTip(
            self.tr(
                "If the password is forgotten, the recovery code opens the archive. "
                "Keep it somewhere safe, away from the computer."
            )
        )
        advice = QLabel(
            self.tr(
                "Nobody can open the archive without its password, not even the makers of "
                "Amanat. Several unrelated words make a password that is strong and easy "
                "to remember."
            )
        )
        advice.setWordWrap(True)
        form = self.fields.form  # one form, so the name and place align with the password
        form.insertRow(0, self.tr("Name:"), self.name)
        form.insertRow(1, self.tr("Keep it in:"), place_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addWidget(self.fields)
        layout.addWidget(self.recovery)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.fields.changed.connect(self._check)
        self._check()

    def result_archive(self) -> NewArchive:
        name = self.name.text().strip()
        if not name.endswith(SUFFIX):
            name += SUFFIX
        return NewArchive(
            Path(self.place.text()) / name, self.password.text(), self.recovery.isChecked()
        )

    def _choose_place(self) -> None:
        chosen = self._chooser.existing_folder(
            self, self.tr("Where to keep the archive"), Path(self.place.text())
        )
        if chosen is not None:
            self.place.setText(str(chosen))

    def _check(self) -> None:
        # The same judgement as the command line's (core/password_strength.py): Create stays
        # disabled until it is met, and the fields say what is missing.
        name = self.name.text().strip()
        self.create_button.setEnabled(
            bool(name) and "/" not in name and "\\" not in name and self.fields.acceptable
        )


@dataclass(frozen=True, slots=True)
class PrintedLine:
    text: str
    area: QRect


def paint_recovery_page(
    painter: QPainter, page: QRect, code: str, heading: str, advice: str
) -> list[PrintedLine]:
    """Draw the recovery code's sheet on ``page``: the heading (which names the archive), the
    code in large monospaced groups, and the advice on keeping it. Returns what was drawn
    where, so a test can check every group is on the sheet without printing anything.

    The same function draws on a printer and, in tests, on an image: no file is written.
    """
    drawn: list[PrintedLine] = []
    margin = page.width() // 12
    area = page.adjusted(margin, margin, -margin, -margin)
    unit = max(1, page.width() // 40)  # sizes follow the page, whatever the printer's dots

    def write(text: str, font: QFont, top: int, flags: Qt.AlignmentFlag) -> int:
        painter.setFont(font)
        box = QFontMetrics(font, painter.device()).boundingRect(
            QRect(area.left(), top, area.width(), area.bottom() - top),
            int(flags | Qt.TextFlag.TextWordWrap),
            text,
        )
        box = QRect(area.left(), top, area.width(), box.height())
        painter.drawText(box, int(flags | Qt.TextFlag.TextWordWrap), text)
        drawn.append(PrintedLine(text, box))
        return box.bottom() + unit

    body = QFont(painter.font())
    body.setPixelSize(unit)
    title = QFont(body)
    title.setPixelSize(round(unit * 1.4))
    title.setWeight(QFont.Weight.Bold)
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    fixed.setPixelSize(unit * 2)
    fixed.setWeight(QFont.Weight.DemiBold)
    top = write(heading, title, area.top(), Qt.AlignmentFlag.AlignLeading) + unit
    groups = [group for group in code.split("-") if group]
    # Four groups a line, large and spaced, so each can be read back without a slip.
    for start in range(0, len(groups), 4):
        line = "   ".join(groups[start : start + 4])
        top = write(line, fixed, top, Qt.AlignmentFlag.AlignHCenter)
    write(advice, body, top + unit, Qt.AlignmentFlag.AlignLeading)
    return drawn


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once. It cannot be shown again: only a key derived from it is
    kept, so the dialog asks the user to confirm they wrote it down before it goes."""

    def __init__(self, code: str, parent: QWidget | None = None, archive_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery code"))
        self._code = code
        self._archive_name = archive_name
        explanation = QLabel(
            self.tr(
                "If the password is ever forgotten, this code opens the archive. Write it "
                "down on paper now and keep it somewhere safe, away from this computer. "
                "Amanat will not show it again."
            )
        )
        explanation.setWordWrap(True)
        self.code = QLabel(code)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.code.setFont(font)
        # The code is Latin letters and digits in groups; it reads left to right even in a
        # right-to-left window.
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(
            self.tr("Print the code on paper. It is never saved to a file or copied.")
        )
        self.print_button.clicked.connect(self.print_code)
        self.print_note = QLabel()
        self.print_note.setWordWrap(True)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_note, 1)
        print_row.addWidget(self.print_button)
        self.confirm = QCheckBox(self.tr("I have written the recovery code down or printed it"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.continue_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.code)
        layout.addLayout(print_row)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    def page_heading(self) -> str:
        if not self._archive_name:
            return self.tr("Recovery code of an Amanat archive")
        return self.tr("Recovery code of the Amanat archive “%1”").replace("%1", self._archive_name)

    def page_advice(self) -> str:
        return self.tr(
            "This code opens the archive if its password is forgotten, and it opens it for "
            "anyone who holds this paper. Keep it somewhere safe, away from the computer and "
            "its backups, and never photograph it or type it into a message."
        )

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        # A file of the code could be copied, synced or kept by the system unnoticed.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Print the code on a paper printer; refused for a PDF or any other file."""
        if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat or printer.outputFileName():
            self.print_note.setText(
                self.tr(
                    "Not printed: Amanat prints the code only on paper, never into a file, "
                    "and no paper printer was chosen. Write the code down by hand instead."
                )
            )
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.print_note.setText(
                self.tr("The printer could not be used. Write the code down by hand instead.")
            )
            return False
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            paint_recovery_page(
                painter,
                QRect(0, 0, page.width(), page.height()),
                self._code,
                self.page_heading(),
                self.page_advice(),
            )
        finally:
            painter.end()
        self.print_note.setText(self.tr("Sent to the printer."))
        return True

    def reject(self) -> None:
        # Escape must not throw the code away before it was written down.
        if self.confirm.isChecked():
            super().reject()
