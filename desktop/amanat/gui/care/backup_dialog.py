"""File ▸ Archive ▸ Back up…: the whole archive into one file, best on a USB stick. The file
is written under a temporary name, read back, and only then given its name; cancelled or
failed (the stick pulled out, a full disk), it leaves nothing behind."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Worker


class BackupDialog(JobDialog):
    backed_up = Signal(object)
    """The time (a UTC datetime) a backup was written and verified."""

    def __init__(self, worker: Worker, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(worker, self.tr("Back up the archive"), parent)
        self.target = target
        explanation = QLabel(
            self.tr(
                "The whole archive goes into one file, encrypted like the archive: the same "
                "password or recovery code opens it. Keep it away from this computer, on a "
                "USB stick or another disk, so that one seizure or one failure does not take both."
            )
        )
        explanation.setWordWrap(True)
        where = QLabel(self.tr("Back up to: {path}").format(path=isolated(str(target))))
        where.setWordWrap(True)
        self.body.addWidget(explanation)
        self.body.addWidget(where)
        self.go_button.setText(self.tr("Back up"))

    def go(self) -> None:
        target = self.target
        self.run(
            lambda report, cancel: operations.back_up(target, report, cancel),
            self._done,
            self.tr("Writing the backup, then reading it back to be sure…"),
        )

    def _done(self, made: datetime) -> None:
        self.go_button.hide()
        self.say(
            self.tr(
                "The backup was written to {path} and read back: it is whole. Keep it "
                "somewhere safe, away from this computer."
            ).format(path=isolated(str(self.target)))
        )
        self.backed_up.emit(made)
