"""Restore a backup… on the welcome screen: the backup (a file, or a folder kept up to date
by Back up to a folder…) and a new folder for the archive. Nothing is overwritten: a folder
that already holds files is refused, and a damaged or foreign backup is refused with one
sentence. Once restored, the window shows the restored archive's unlock screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from amanat.core.vault import SUFFIX
from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.worker import Worker


class RestoreDialog(JobDialog):
    restored = Signal(object)
    """The restored archive's folder (a Path), locked."""

    def __init__(self, worker: Worker, chooser: FileChooser, parent: QWidget | None = None) -> None:
        super().__init__(worker, self.tr("Restore a backup"), parent)
        self._chooser = chooser
        explanation = QLabel(
            self.tr(
                "The backup becomes an archive again, in a new folder. It opens with the "
                "password (or recovery code) it had when the backup was made."
            )
        )
        explanation.setWordWrap(True)
        self.backup_file = QLineEdit()
        self.backup_file.setReadOnly(True)
        self.choose_file_button = QPushButton(self.tr("A backup file…"))
        self.choose_file_button.clicked.connect(self._choose_file)
        self.choose_folder_button = QPushButton(self.tr("A backup folder…"))
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.place = QLineEdit(str(Path.home()))
        self.place.setReadOnly(True)
        self.choose_place_button = QPushButton(self.tr("Choose…"))
        self.choose_place_button.clicked.connect(self._choose_place)
        self.name = QLineEdit(self.tr("Restored letters"))
        form = QFormLayout()
        form.addRow(self.tr("Backup:"), self.backup_file)
        form.addRow("", _choices(self.choose_file_button, self.choose_folder_button))
        form.addRow(self.tr("Put it in:"), _row(self.place, self.choose_place_button))
        form.addRow(self.tr("Name:"), self.name)
        self.body.addWidget(explanation)
        self.body.addLayout(form)
        self.go_button.setText(self.tr("Restore"))
        for field in (self.backup_file, self.name):
            field.textChanged.connect(self._check)
        self._check()

    def folder(self) -> Path:
        name = self.name.text().strip()
        if not name.endswith(SUFFIX):
            name += SUFFIX
        return Path(self.place.text()) / name

    def go(self) -> None:
        source, folder = Path(self.backup_file.text()), self.folder()
        self.run(
            lambda report, cancel: operations.restore(source, folder, report, cancel),
            self._done,
            self.tr("Restoring…"),
        )

    def _done(self, folder: Path) -> None:
        self.restored.emit(folder)
        self.accept()

    def _choose_file(self) -> None:
        chosen = self._chooser.backup_to_open(self, self.tr("Choose the backup file"))
        if chosen is not None:
            self.backup_file.setText(str(chosen))

    def _choose_folder(self) -> None:
        chosen = self._chooser.backup_folder(self, self.tr("Choose the backup folder"))
        if chosen is not None:
            self.backup_file.setText(str(chosen))

    def _choose_place(self) -> None:
        chosen = self._chooser.existing_folder(
            self, self.tr("Where to put the restored archive"), Path(self.place.text())
        )
        if chosen is not None:
            self.place.setText(str(chosen))

    def _check(self) -> None:
        name = self.name.text().strip()
        self.go_button.setEnabled(
            bool(self.backup_file.text())
            and bool(name)
            and "/" not in name
            and "\\" not in name
            and not self.job.running
        )


def _row(field: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return row


def _choices(*buttons: QPushButton) -> QWidget:
    """The backup's two kinds side by side, under its field: a file, or a folder."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for button in buttons:
        layout.addWidget(button)
    layout.addStretch(1)
    return row
