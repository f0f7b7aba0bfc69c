"""Export Case File…, from a person's page: where to save the PDF, then the writing with its
progress and a Cancel, then what was written (or one sentence of what went wrong). The PDF
holds what a bundle of that person would (app/casefile.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from amanat.app import casefile
from amanat.app.casefile import WrittenCaseFile
from amanat.core.dates import Calendar
from amanat.core.errors import AmanatError, ExportCancelled
from amanat.core.jobs import Cancel, Progress, Report
from amanat.gui import labels
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.pdf_words import pdf_words
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Operation, Session, Worker


def write_case_file(
    person_id: str, path: Path, calendar: Calendar, progress: Report, cancelled: Cancel
) -> Operation[WrittenCaseFile]:
    words = pdf_words()  # the case file's headings in the interface's language

    def run(session: Session) -> WrittenCaseFile:
        return casefile.write_case_file(
            session.require(),
            person_id,
            path,
            calendar,
            report=progress,
            cancel=cancelled,
            words=words,
        )

    return run


class CaseFileDialog(QDialog):
    """Writes one person's case file and says how it went."""

    def __init__(
        self,
        worker: Worker,
        person_id: str,
        shown_name: str,
        calendar: Calendar,
        chooser: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Case File"))
        self.person_id = person_id
        self.shown_name = shown_name
        self.calendar = calendar
        self.chooser = chooser or FileChooser()
        self.written: WrittenCaseFile | None = None
        self.job = Job(worker, self)
        self.job.progressed.connect(self._advanced)
        self.job.cancelling.connect(self._stopping)
        self.about = QLabel(
            labels.fill(
                self.tr(
                    "The case file of %1: a PDF with the chronology and each document with "
                    "its pages and texts. It holds what a bundle of this person would: "
                    "withdrawn and private testimony and private notes stay out."
                ),
                isolated(shown_name),
            )
        )
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel(self.tr("Starting…"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def choose_file_and_write(self) -> bool:
        """Ask where to save it, then write it; False when the user chose no file."""
        suggested = self.tr("case file") + ".pdf"
        path = self.chooser.new_file(
            self, self.tr("Save the case file as"), self.tr("PDF (*.pdf)"), suggested
        )
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.write_to(path)
        return True

    def write_to(self, path: Path) -> None:
        if self.job.running:
            return
        person_id, calendar = self.person_id, self.calendar
        self.job.start(
            lambda report, cancel: write_case_file(person_id, path, calendar, report, cancel),
            self._written,
            self._failed,
        )

    @property
    def running(self) -> bool:
        return self.job.running

    def reject(self) -> None:
        if self.job.stop_if_running():
            return  # closing the dialog while it writes means stop, not vanish
        super().reject()

    def _advanced(self, progress: Progress) -> None:
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(min(progress.done, max(1, progress.total)))
        if not self.job.cancelled:
            self.status.setText(
                labels.fill(
                    self.tr("Adding page picture %1 of %2"),
                    str(min(progress.done + 1, progress.total)),
                    str(progress.total),
                )
            )

    def _stopping(self) -> None:
        self.status.setText(self.tr("Stopping…"))

    def _finished(self, text: str) -> None:
        self.status.setText(text)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _written(self, written: WrittenCaseFile) -> None:
        self.written = written
        self.bar.setMaximum(1)
        self.bar.setValue(1)
        self._finished(
            labels.fill(
                self.tr(
                    "Wrote %1: %2 documents, %3 page pictures. "
                    "The file is not encrypted: keep it safe."
                ),
                str(written.path),
                str(written.documents),
                str(written.pages),
            )
        )

    def _failed(self, error: AmanatError) -> None:
        if isinstance(error, ExportCancelled):
            self._finished(self.tr("Stopped. No file was written."))
            return
        self._finished(error_message(error))
