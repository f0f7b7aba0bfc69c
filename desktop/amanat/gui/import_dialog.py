"""Importing scans: choose whose letters they are, what kind, and whether the files are the
pages of one letter; then watch the import, cancel it if need be, and read what happened.

The import runs as a long job (gui/jobs.py): its progress reaches this dialog on the GUI
thread, and Cancel (or closing the dialog, or locking) sets the flag the core reads between
files, so it answers at once and the archive keeps only whole documents. Afterwards the
dialog lists the files that were refused, each with its sentence, and warns about pages
whose hidden metadata holds a place or a name.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from amanat.core.errors import AmanatError
from amanat.core.records import DocumentKind, Person
from amanat.core.scans import ImportOptions, ImportProgress
from amanat.gui import labels
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.operations import ImportOutcome, import_scans
from amanat.gui.worker import Worker


class ImportDialog(QDialog):
    imported = Signal(object)
    """The ImportOutcome, once the import has finished (or was cancelled)."""
    advanced = Signal(object)
    """Each ImportProgress as it reaches the GUI thread."""

    def __init__(
        self,
        worker: Worker,
        paths: Sequence[Path],
        people: Sequence[Person],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import scans"))
        self._paths = list(paths)
        self.outcome: ImportOutcome | None = None
        self.job = Job(worker, self)
        self.job.progressed.connect(self._advanced)
        self.job.cancelling.connect(self._stopping)

        # --- What to import -------------------------------------------------------------
        self.files = QLabel()
        self.files.setWordWrap(True)
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        names = [p.name for p in self._paths[:8]]
        more = len(self._paths) - len(names)
        shown = labels.list_separator().join(names)
        if more > 0:
            shown += " " + self.tr("and %n more", "", more)
        self.files.setText(shown)
        self.person = QComboBox()
        self.person.addItem(self.tr("Nobody in particular"), None)
        for person in labels.by_person_name(people):
            self.person.addItem(labels.person_name(person), person.id)
            tooltip = labels.person_tooltip(person)
            self.person.setItemData(self.person.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(labels.label(kind), kind.value)  # a StrEnum would come back a str
        self.one_letter = QCheckBox(self.tr("These files are the pages of one letter"))
        self.one_letter.setEnabled(len(self._paths) > 1)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Each file's name"))
        choose = QWidget()
        form = QFormLayout(choose)
        form.addRow(self.tr("Files:"), self.files)
        form.addRow(self.tr("About:"), self.person)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow("", self.one_letter)
        form.addRow(self.tr("Title:"), self.title)

        # --- While it runs ----------------------------------------------------------------
        running = QWidget()
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self._paths)))
        self.bar.setValue(0)
        self.current = QLabel(self.tr("Starting…"))
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        running_layout = QVBoxLayout(running)
        running_layout.addWidget(self.current)
        running_layout.addWidget(self.bar)
        running_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTrailing)
        running_layout.addStretch(1)

        # --- Afterwards -------------------------------------------------------------------
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)

        self.pages = QStackedWidget()
        for page in (choose, running, self.summary):
            self.pages.addWidget(page)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 380)

    def options(self) -> ImportOptions:
        person_id = self.person.currentData()
        kind = self.kind.currentData()
        return ImportOptions(
            kind=DocumentKind(kind) if kind else DocumentKind.LETTER,
            person_ids=(person_id,) if isinstance(person_id, str) else (),
            one_document=self.one_letter.isChecked() and self.one_letter.isEnabled(),
            title=self.title.text(),
            # The documents reach the list sooner; the main window makes the previews next.
            previews_later=True,
        )

    def start(self) -> None:
        if self.job.running or self.outcome is not None:
            return
        options = self.options()
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.close_button.setEnabled(False)
        self.job.start(
            lambda report, cancel: import_scans(self._paths, options, report, cancel),
            self._finished,
            self._failed,
        )

    def cancel(self) -> None:
        """Stop after the file being written; in one-letter mode nothing is kept."""
        self.job.cancel()

    def _stopping(self) -> None:
        self.cancel_button.setEnabled(False)
        self.current.setText(self.tr("Stopping after the file being imported…"))

    def reject(self) -> None:
        if self.job.stop_if_running():
            return  # closing the window while it runs means stop, not vanish
        super().reject()

    @property
    def running(self) -> bool:
        return self.job.running

    def _advanced(self, progress: ImportProgress) -> None:
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(progress.done)
        if progress.current and not self.job.cancelled:
            self.current.setText(
                labels.fill(
                    self.tr("Imported %1 of %2: %3"),
                    str(progress.done),
                    str(progress.total),
                    Path(progress.current).name,
                )
            )
        self.advanced.emit(progress)

    def _finished(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.summary.setHtml(self._summary_html(outcome))
        self._show_summary()
        self.imported.emit(outcome)

    def _failed(self, error: AmanatError) -> None:
        self.summary.setHtml(f"<p>{html.escape(error_message(error))}</p>")
        self._show_summary()

    def _show_summary(self) -> None:
        self.pages.setCurrentIndex(2)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))

    def _summary_html(self, outcome: ImportOutcome) -> str:
        """Every name in here comes from the user's files: each is escaped."""
        report = outcome.report

        def escape(text: str) -> str:
            return html.escape(text, quote=True)

        def items(lines: Sequence[str]) -> str:
            return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"

        parts = []
        if report.cancelled:
            parts.append(
                "<p><b>"
                + escape(self.tr("The import was cancelled; the files after it were not read."))
                + "</b></p>"
            )
        parts.append(
            "<p>"
            + escape(
                labels.fill(
                    self.tr("Documents imported: %1, with %2 pages in all."),
                    str(len(report.documents)),
                    str(report.pages_added),
                )
            )
            + "</p>"
        )
        if report.refused:
            parts.append("<h4>" + escape(self.tr("Not imported")) + "</h4>")
            parts.append(items([error_message(r.error) for r in report.refused]))
        if report.duplicates:
            parts.append("<h4>" + escape(self.tr("Already in the archive")) + "</h4>")
            parts.append(items([d.message for d in report.duplicates]))
        if outcome.flagged:
            parts.append(
                '<h4 style="color: #a04000">'
                + escape(self.tr("Hidden information in these pages"))
                + "</h4><p>"
                + escape(
                    self.tr(
                        "These pages carry a place or a person's name in their metadata, "
                        "which could lead someone to the family. The originals are kept "
                        "unchanged in the encrypted archive; exports strip this metadata by "
                        "default."
                    )
                )
                + "</p>"
            )
            lines = []
            for page in outcome.flagged:
                what = []
                if page.has_location:
                    what.append(self.tr("a location"))
                if page.has_person_name:
                    what.append(self.tr("a name"))
                lines.append(
                    labels.fill(
                        self.tr("“%1”, page %2 (%3): %4"),
                        page.document_title,
                        str(page.number),
                        page.original_name,
                        labels.list_separator().join(what),
                    )
                )
            parts.append(items(lines))
        return "".join(parts)
