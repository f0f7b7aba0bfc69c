"""The shape every archive-care dialog with a long job shares: what it will do, a progress
bar, one sentence for how it went, and a button that cancels while the job runs and closes
once it is over. Closing the dialog (or locking the archive) cancels the job; the dialog
stays until the job has stopped, so nothing is left half-written behind a closed window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.errors import AmanatError
from amanat.core.jobs import Progress
from amanat.gui.jobs import Job, Start
from amanat.gui.messages import error_message
from amanat.gui.worker import Worker

T = TypeVar("T")


class JobDialog(QDialog):
    def __init__(self, worker: Worker, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.job = Job(worker, self)
        self.job.progressed.connect(self._progressed)
        self.job.cancelling.connect(self._cancelling)
        self.body = QVBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        self.buttons = QDialogButtonBox()
        self.go_button: QPushButton = self.buttons.addButton(
            self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go_button.setDefault(True)
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.go_button.clicked.connect(self.go)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # --- For the dialogs built on this ---------------------------------------------------

    def go(self) -> None:
        """Start the dialog's job (the dialogs below say which)."""
        raise NotImplementedError

    def run(self, start: Start[T], done: Callable[[T], None], doing: str = "") -> None:
        """Run the job, showing progress; ``done`` hears its result on success."""
        self.outcome.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.go_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        if doing:
            self.say(doing)

        def finished(result: T) -> None:
            self.progress.hide()
            self.close_button.setText(self.tr("Close"))
            done(result)

        self.job.start(start, finished, self._failed)

    def say(self, sentence: str, *, trouble: bool = False) -> None:
        self.outcome.setProperty("trouble", trouble)
        self.outcome.setText(sentence)
        self.outcome.show()
        self.adjustSize()  # grow to the sentence's lines, never cut them

    # --- Inside ----------------------------------------------------------------------

    def _failed(self, error: AmanatError) -> None:
        self.progress.hide()
        self.go_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.say(error_message(error), trouble=True)

    def _progressed(self, progress: Progress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)

    def _cancelling(self) -> None:
        self.say(self.tr("Stopping…"))

    def reject(self) -> None:
        if self.job.stop_if_running():
            return  # it closes itself once the job has stopped, by the button
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job.stop_if_running():
            event.ignore()
            return
        super().closeEvent(event)
