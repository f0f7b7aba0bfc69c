"""Import a bundle: choose the file and how it opens (a passphrase, or this archive's own
key); verify it completely first and show who signed it, what it holds and what it would
change; then import it, all of it or nothing.

A bundle signed by a key that is none of the contacts is imported only after the user
ticks "I accept this unknown sender", having compared the fingerprint shown. Conflicts (the
same record changed on both sides) are listed: both versions are kept. A damaged or hostile
bundle, or a wrong passphrase, gets one sentence and changes nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from amanat.core.bundle.importer import BundleReport, Progress, SignerTrust
from amanat.core.errors import AmanatError
from amanat.gui import labels
from amanat.gui.bundles.operations import import_, verify
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Worker

CHOOSE, WORKING, VERIFIED, RESULT = range(4)
"""The pages of the dialog, in order."""


class BundleImportDialog(QDialog):
    imported = Signal(object)
    """The BundleReport, once a bundle was imported."""
    advanced = Signal(object)
    """Each Progress as it reaches the GUI thread."""

    def __init__(self, worker: Worker, chooser: FileChooser, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a bundle"))
        self.chooser = chooser
        self.report: BundleReport | None = None
        """What verifying said; then what importing did."""
        self.job = Job(worker, self)
        self.job.progressed.connect(self._advanced)
        self.job.cancelling.connect(self._stopping)

        # --- Which bundle, and how it opens ----------------------------------------------
        choose = QWidget()
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("The bundle file (.age)"))
        self.browse = QPushButton(self.tr("&Choose…"))
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.how = QButtonGroup(self)
        self.with_passphrase = QRadioButton(self.tr("It was sent with a &passphrase:"))
        self.with_key = QRadioButton(self.tr("It was sent to this archive's own &key"))
        self.how.addButton(self.with_passphrase, 0)
        self.how.addButton(self.with_key, 1)
        self.with_passphrase.setChecked(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.with_passphrase.toggled.connect(self.passphrase.setEnabled)
        self.file.textChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self.how.idToggled.connect(lambda *_: self._update())
        note = QLabel(
            self.tr(
                "The bundle is checked completely first: who signed it, that nothing in it was "
                "changed, and what it would add. Nothing is imported until you say so."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(choose)
        form.addRow(note)
        form.addRow(self.tr("&File:"), file_row)
        form.addRow(self.with_passphrase)
        form.addRow("", self.passphrase)
        form.addRow(self.with_key)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        form.addRow(self.error)

        # --- While it is checked or imported ----------------------------------------------
        working = QWidget()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.current = QLabel()
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        working_layout = QVBoxLayout(working)
        working_layout.addWidget(self.current)
        working_layout.addWidget(self.bar)
        working_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTrailing)
        working_layout.addStretch(1)

        # --- What verifying found -----------------------------------------------------------
        verified = QWidget()
        self.signer = QLabel()
        self.signer.setWordWrap(True)
        self.signer.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint = QLabel()
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.fingerprint.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.4)
        self.fingerprint.setFont(font)
        self.accept_unknown = QCheckBox(
            self.tr("I compared the fingerprint with the sender and accept this unknown sender")
        )
        self.accept_unknown.toggled.connect(self._update)
        self.confirm_additions = QCheckBox(
            self.tr("I looked at what it adds to records already here, and I accept it")
        )
        self.confirm_additions.toggled.connect(self._update)
        self.contents = QTextBrowser()
        self.contents.setOpenLinks(False)
        verified_layout = QVBoxLayout(verified)
        verified_layout.addWidget(self.signer)
        verified_layout.addWidget(self.fingerprint)
        verified_layout.addWidget(self.accept_unknown)
        verified_layout.addWidget(self.confirm_additions)
        verified_layout.addWidget(self.contents, 1)

        # --- Afterwards -----------------------------------------------------------------------
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)

        self.pages = QStackedWidget()
        for page in (choose, working, verified, self.summary):
            self.pages.addWidget(page)
        self.buttons = QDialogButtonBox()
        self.next_button = self.buttons.addButton(
            self.tr("&Verify"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 520)
        self._show_page(CHOOSE)

    # --- Choosing ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = self.chooser.bundle_to_open(self, self.tr("Choose the bundle to import"))
        if path is not None:
            self.file.setText(str(path))

    def _path(self) -> Path | None:
        text = self.file.text().strip()
        return Path(text) if text else None

    def _passphrase(self) -> str:
        """Empty: open it with this archive's own key."""
        return self.passphrase.text() if self.with_passphrase.isChecked() else ""

    def _update(self) -> None:
        page = self.pages.currentIndex()
        if page == CHOOSE:
            ready = self._path() is not None and (
                self.with_key.isChecked() or bool(self.passphrase.text())
            )
            self.next_button.setEnabled(ready)
        elif page == VERIFIED:
            report = self.report
            unknown = report is not None and report.signer.trust is SignerTrust.UNKNOWN
            self.next_button.setEnabled(
                report is not None
                and not report.already_imported
                and (not unknown or self.accept_unknown.isChecked())
                and (not report.additions_need_confirming or self.confirm_additions.isChecked())
            )

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.next_button.setVisible(page in (CHOOSE, VERIFIED))
        self.next_button.setText(self.tr("&Verify") if page == CHOOSE else self.tr("&Import"))
        self.close_button.setText(self.tr("Close") if page == RESULT else self.tr("Cancel"))
        self.close_button.setEnabled(page != WORKING)
        self._update()

    def next(self) -> None:
        page = self.pages.currentIndex()
        if page == CHOOSE:
            self.start_verify()
        elif page == VERIFIED:
            self.start_import()

    # --- Verifying ---------------------------------------------------------------------------

    def start_verify(self) -> None:
        path = self._path()
        if path is None or self.job.running:
            return
        self.error.hide()
        self.report = None
        self._begin(self.tr("Checking the bundle…"))
        passphrase = self._passphrase()
        self.job.start(
            lambda report, cancel: verify(path, passphrase, report, cancel),
            self._verified,
            self._verify_failed,
        )

    def _verified(self, report: BundleReport) -> None:
        self.report = report
        signer = report.signer
        unknown = signer.trust is SignerTrust.UNKNOWN
        self.signer.setText(self._signer_sentence(report))
        self.fingerprint.setText(signer.fingerprint)
        self.accept_unknown.setChecked(False)
        self.accept_unknown.setVisible(unknown and not report.already_imported)
        self.confirm_additions.setChecked(False)
        self.confirm_additions.setVisible(report.additions_need_confirming)
        self.contents.setHtml(self._contents_html(report))
        self._show_page(VERIFIED)

    def _signer_sentence(self, report: BundleReport) -> str:
        signer = report.signer
        name = signer.contact or ""
        if signer.trust is SignerTrust.VERIFIED_CONTACT:
            return labels.fill(
                self.tr("Signed by %1, a contact whose fingerprint you verified."), isolated(name)
            )
        if signer.trust is SignerTrust.UNVERIFIED_CONTACT:
            return labels.fill(
                self.tr(
                    "Signed by %1, a contact whose fingerprint you have not verified yet: "
                    "compare it with them before trusting what the bundle says."
                ),
                isolated(name),
            )
        if signer.trust is SignerTrust.THIS_ARCHIVE:
            return self.tr("Signed by this archive itself.")
        return self.tr(
            "Signed by an unknown sender, none of your contacts. Ask the sender to read you "
            "their fingerprint and compare it with this one before importing:"
        )

    def _contents_html(self, report: BundleReport) -> str:
        """Titles come from the bundle, written by someone else: each is escaped."""

        def escape(text: str) -> str:
            return html.escape(text, quote=True)

        def items(lines: Sequence[str]) -> str:
            return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"

        parts = []
        if report.already_imported:
            parts.append(
                "<p><b>"
                + escape(
                    self.tr("This bundle was imported before: importing it again changes nothing.")
                )
                + "</b></p>"
            )
        if report.made_for_someone_else:
            parts.append(
                '<p style="color: #a04000"><b>'
                + escape(
                    self.tr(
                        "The signer made this bundle for someone else: it was encrypted again, "
                        "to you, by someone who could open it."
                    )
                )
                + "</b></p>"
            )
        parts.append("<h4>" + escape(self.tr("In the bundle")) + "</h4>")
        parts.append("<p>" + escape(self._counts(report)) + "</p>")
        if report.titles:
            parts.append(items(report.titles))
        if not report.already_imported:
            parts.append(
                "<p>"
                + escape(
                    labels.fill(
                        self.tr("Importing would add %1 and leave %2 already here unchanged."),
                        str(report.added),
                        str(report.unchanged),
                    )
                )
                + "</p>"
            )
            parts.append(self._conflicts_html(report))
            parts.append(self._additions_html(report))
        return "".join(parts)

    def _additions_html(self, report: BundleReport) -> str:
        if not report.additions_to_existing:
            return ""
        lines = [
            labels.fill(
                self.tr("“%1” would be added to “%2”, which was here before."),
                isolated(addition.label),
                isolated(addition.existing_label),
            )
            for addition in report.additions_to_existing
        ]
        heading = html.escape(self.tr("Additions to records already here"))
        warning = ""
        if report.additions_need_confirming:
            warning = (
                "<p>"
                + html.escape(
                    self.tr(
                        "The signer is not a contact whose fingerprint you verified: these are "
                        "imported only if you confirm them below."
                    )
                )
                + "</p>"
            )
        return (
            f'<h4 style="color: #a04000">{heading}</h4>{warning}<ul>'
            + "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            + "</ul>"
        )

    def _conflicts_html(self, report: BundleReport) -> str:
        if not report.conflicts:
            return ""
        lines = [
            labels.fill(
                self.tr(
                    "“%1” differs from the version here: both are kept, theirs marked "
                    "“from bundle”."
                ),
                isolated(conflict.label),
            )
            for conflict in report.conflicts
        ]
        heading = html.escape(self.tr("Changed on both sides"))
        return (
            f'<h4 style="color: #a04000">{heading}</h4><ul>'
            + "".join(f"<li>{html.escape(line)}</li>" for line in lines)
            + "</ul>"
        )

    def _counts(self, report: BundleReport) -> str:
        counts = report.counts
        shown = [
            self.tr("%n document(s)", "", counts.get("documents", 0)),
            self.tr("%n page(s)", "", counts.get("pages", 0)),
            self.tr("%n text(s)", "", counts.get("texts", 0)),
            self.tr("%n person(s)", "", counts.get("people", 0)),
            self.tr("%n event(s)", "", counts.get("events", 0)),
            self.tr("%n annotation(s)", "", counts.get("annotations", 0)),
            self.tr("%n tag(s)", "", counts.get("tags", 0)),
        ]
        return labels.list_separator().join(shown)

    # --- Importing ---------------------------------------------------------------------------

    def start_import(self) -> None:
        path = self._path()
        report = self.report
        if path is None or report is None or self.job.running:
            return
        unknown = report.signer.trust is SignerTrust.UNKNOWN
        if unknown and not self.accept_unknown.isChecked():
            return
        self._begin(self.tr("Importing…"))
        passphrase = self._passphrase()
        # The import reads the file again: it must be signed by the key shown here, so a
        # bundle swapped since it was verified is refused, whoever signed it.
        signer = report.signer.fingerprint
        confirmed = self.confirm_additions.isChecked()
        self.job.start(
            lambda progress, cancel: import_(path, passphrase, signer, confirmed, progress, cancel),
            self._imported,
            self._failed,
        )

    def _imported(self, report: BundleReport) -> None:
        self.report = report
        if report.already_imported or not report.imported:
            sentence = self.tr("Nothing changed: this bundle was imported before.")
        else:
            sentence = labels.fill(
                self.tr("Imported: %1 added, %2 already here."),
                str(report.added),
                str(report.unchanged),
            )
        parts = [f"<p><b>{html.escape(sentence)}</b></p>"]
        if report.titles and report.imported:
            parts.append(
                "<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in report.titles) + "</ul>"
            )
        if report.imported:
            parts.append(self._conflicts_html(report))
        self.summary.setHtml("".join(parts))
        self._show_page(RESULT)
        if report.imported:
            self.imported.emit(report)

    # --- Both --------------------------------------------------------------------------------

    def _begin(self, what: str) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.current.setText(what)
        self.cancel_button.setEnabled(True)
        self._show_page(WORKING)

    def cancel(self) -> None:
        self.job.cancel()

    def _stopping(self) -> None:
        self.cancel_button.setEnabled(False)
        self.current.setText(self.tr("Stopping…"))

    @property
    def running(self) -> bool:
        return self.job.running

    def reject(self) -> None:
        if self.job.stop_if_running():
            return
        super().reject()

    def _advanced(self, progress: Progress) -> None:
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(min(progress.done, max(1, progress.total)))
        self.advanced.emit(progress)

    def _verify_failed(self, error: AmanatError) -> None:
        """One sentence, back where the file and passphrase are chosen, to try again;
        verifying changed nothing."""
        self.error.setText(error_message(error))
        self.error.show()
        self._show_page(CHOOSE)

    def _failed(self, error: AmanatError) -> None:
        """One sentence; the import is one transaction, so the archive is as before."""
        self.summary.setHtml(f"<p>{html.escape(error_message(error))}</p>")
        self._show_page(RESULT)
