"""File ▸ Archive ▸ Check…: the same checks as ``amanat check``, with progress and cancel,
and the result in words a family can act on: what is fine, what is damaged, what to do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from amanat.app.care import CheckResult
from amanat.core.check import CONTEXT, PROBLEMS, DamagedDocument, Problem
from amanat.gui import labels
from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.worker import Worker


class CheckDialog(JobDialog):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, self.tr("Check the archive"), parent)
        explanation = QLabel(
            self.tr(
                "Amanat checks that nothing in the archive was damaged or changed behind its "
                "back: the encryption, the database, that every stored page is in its place, "
                "and the log of changes. Nothing is changed."
            )
        )
        explanation.setWordWrap(True)
        self.body.addWidget(explanation)
        self.full = QCheckBox(self.tr("Also open every stored page (slower)"))
        self.full.setObjectName("checkFull")
        self.full.setToolTip(
            self.tr(
                "Reads the whole archive and compares every page with its fingerprint. A "
                "check stopped half-way goes on from there the next time."
            )
        )
        self.body.addWidget(self.full)
        self.go_button.setText(self.tr("Check"))
        self.found: CheckResult | None = None

    def go(self) -> None:
        full = self.full.isChecked()
        self.full.setEnabled(False)
        self.run(
            lambda report, cancel: operations.check_archive(report, cancel, full),
            self._done,
            self.tr("Checking…"),
        )

    def _done(self, result: CheckResult) -> None:
        self.found = result
        self.go_button.hide()
        self.say(self.readable(result), trouble=not result.healthy)

    def readable(self, result: CheckResult) -> str:
        """What is fine, what is damaged, and what to do, one line each."""
        fine: list[str] = []
        damaged: list[str] = []
        (fine if result.encryption_whole else damaged).append(self.tr("the encryption"))
        (fine if result.database_whole else damaged).append(self.tr("the database"))
        if result.files_damaged == 0:
            if not result.report.full:
                fine.append(self.tr("every scan in its place"))
            elif result.files_checked:
                fine.append(self.tr("all %n stored files, each opened", "", result.files_checked))
            else:
                fine.append(self.tr("the scans (there are none yet)"))
        elif result.files_damaged < 0:
            damaged.append(self.tr("some scans, which could not be read"))
        else:
            damaged.append(self.tr("%n scans", "", result.files_damaged))
        (fine if result.audit_whole else damaged).append(self.tr("the log of changes"))
        separator = labels.list_separator()
        lines = []
        if not damaged:
            lines.append(
                self.tr("Everything is whole: {parts}.").format(parts=separator.join(fine))
            )
            lines.append(self.tr("Nothing needs doing. Keep making backups."))
        else:
            if fine:
                lines.append(self.tr("Whole: {parts}.").format(parts=separator.join(fine)))
            lines.append(self.tr("Damaged: {parts}.").format(parts=separator.join(damaged)))
            lines.extend(self._damaged_document(document) for document in result.damaged)
            lines.extend("• " + line for line in found_lines(result.report.problems))
            lines.append(
                self.tr(
                    "What to do: change nothing more in this archive. Restore your latest "
                    "backup into a new folder (on the welcome screen, “Restore a backup…”) and "
                    "check that copy. Keep this damaged archive until the restored one is "
                    "checked and whole."
                )
            )
        return "\n".join(lines)

    def _damaged_document(self, document: DamagedDocument) -> str:
        """A document whose stored pages are damaged, by its title and page numbers."""
        numbers = labels.list_separator().join(labels.number(n) for n in document.pages)
        if len(document.pages) == 1:
            template = self.tr("In “%1”, page %2 is damaged or missing.")
        else:
            template = self.tr("In “%1”, pages %2 are damaged or missing.")
        return labels.fill(template, document.title, numbers)


# Said better above ("Damaged: the encryption", "In “…”, page 2 …"), or in SQLite's own
# English words, which the window never shows.
_SAID_ABOVE = frozenset({"encrypted-page", "database", "document-damaged"})


def found_lines(problems: Sequence[Problem]) -> list[str]:
    """The check's problems, as ``amanat check`` lists them, in the interface's language:
    the parts of the archive that are damaged, for whoever helps the family repair it."""
    lines = []
    for problem in problems:
        if problem.code in _SAID_ABOVE:
            continue
        values = {
            key: labels.number(value) if isinstance(value, int) else value
            for key, value in problem.values.items()
        }
        if problem.code == "audit-broken":
            values["reason"] = QCoreApplication.translate(CONTEXT, str(problem.values["reason"]))
        lines.append(QCoreApplication.translate(CONTEXT, PROBLEMS[problem.code]).format(**values))
    return lines
