"""File ▸ Archive ▸ Back up to a folder…: a backup kept up to date in one folder, best on a
USB stick that stays with the family. The first time the whole archive is copied; after
that only what is new since the last backup to that folder, so it is quick. A cancel, a
lock, a quit or a pulled-out stick leaves the previous backup there whole (the core writes
the new state beside the old one and switches to it in one step)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QLabel, QWidget

from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.care.operations import FolderBackedUp
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Worker


class FolderBackupDialog(JobDialog):
    backed_up = Signal(object)
    """The time (a UTC datetime) the folder backup was brought up to date."""

    def __init__(self, worker: Worker, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(worker, self.tr("Back up to a folder"), parent)
        self.folder = folder
        explanation = QLabel(
            self.tr(
                "The backup in this folder is brought up to date: only what is new since the "
                "last backup to it is copied, so it is quick each time. Use the same folder, "
                "on a USB stick kept away from this computer, every time. To hand a backup "
                "to someone, choose Back up… instead: it writes one file."
            )
        )
        explanation.setWordWrap(True)
        where = QLabel(self.tr("Back up to the folder: {path}").format(path=isolated(str(folder))))
        where.setWordWrap(True)
        self.body.addWidget(explanation)
        self.body.addWidget(where)
        self.go_button.setText(self.tr("Back up"))

    def go(self) -> None:
        folder = self.folder
        self.run(
            lambda report, cancel: operations.back_up_to_folder(folder, report, cancel),
            self._done,
            self.tr("Copying what is new…"),
        )

    def _done(self, done: FolderBackedUp) -> None:
        self.go_button.hide()
        path, size = isolated(str(self.folder)), size_text(done.copied_bytes)
        if done.first:
            sentence = self.tr(
                "The backup was made in {path}: {size} copied. Back up to this folder again "
                "next time: only what is new will be copied."
            )
        else:
            sentence = self.tr(
                "The backup in {path} is up to date: {size} copied, only what changed since "
                "the last backup to this folder."
            )
        self.say(sentence.format(path=path, size=size))
        self.backed_up.emit(done.made)


def size_text(count: int) -> str:
    """A number of bytes as people say it (“12.4 MB”), in the interface's language and
    digits; never “0” for something copied."""
    units = (
        (1_000_000_000, QCoreApplication.translate("FolderBackupDialog", "{number} GB")),
        (1_000_000, QCoreApplication.translate("FolderBackupDialog", "{number} MB")),
        (1_000, QCoreApplication.translate("FolderBackupDialog", "{number} KB")),
    )
    locale = QLocale()
    for size, unit in units:
        if count >= size:
            return unit.format(number=locale.toString(count / size, "f", 1))
    return QCoreApplication.translate("FolderBackupDialog", "{number} bytes").format(
        number=locale.toString(count)
    )
