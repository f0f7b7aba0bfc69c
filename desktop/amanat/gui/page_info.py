"""A page's metadata report and a copy of it, in the window: "Page Information…" shows what
the page's file says about itself (the report ``amanat page show`` prints), with what could
lead someone to the family said first in plain words; "Export Page…" writes a copy of the
page, sanitised unless the user chooses the original bytes, and then says what those carry.

Both read and write through amanat.app.pages (page_record, export_page), as the command
line does. The dialogs are kept in ``dialog`` while open, so tests answer them through their
own widgets, and the lock closes them (``close``): no camera owner's name stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from amanat.app import pages
from amanat.app.pages import PageRecord
from amanat.core.errors import AmanatError
from amanat.core.recordings.facts import RecordingFacts
from amanat.core.scans import MetadataReport
from amanat.core.time_ranges import clock
from amanat.gui import labels
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.messages import error_message
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Operation, Session, Worker

# --- Operations ----------------------------------------------------------------------------


def read_page_record(page_id: str) -> Operation[PageRecord]:
    def run(session: Session) -> PageRecord:
        return pages.page_record(session.require(), page_id)

    return run


def write_page(page_id: str, target: Path, original: bool) -> Operation[Path]:
    def run(session: Session) -> Path:
        return pages.export_page(session.require(), page_id, target, original=original)

    return run


# --- What the report says ------------------------------------------------------------------

translate = QCoreApplication.translate
"""Short for the report's many lines; Qt's lupdate finds calls of this name too."""


def warnings(report: MetadataReport, recording: bool = False) -> list[str]:
    """What in the file could harm the family, each in a sentence saying why."""
    said = []
    if report.has_location and recording:
        said.append(
            QCoreApplication.translate(
                "PageInfo",
                "This recording's file holds a place (a GPS position or a place name): it can "
                "lead someone to where it was recorded, perhaps the family's home. Share only "
                "a stripped copy.",
            )
        )
    elif report.has_location:
        said.append(
            QCoreApplication.translate(
                "PageInfo",
                "This page's file holds a place (a GPS position or a place name): it can lead "
                "someone to where the photo was taken, perhaps the family's home. Share only "
                "a sanitised copy.",
            )
        )
    if report.has_person_name:
        said.append(
            QCoreApplication.translate(
                "PageInfo",
                "This page's file names a person (its author or the camera's owner): whoever "
                "receives the original can read the name. Share only a sanitised copy.",
            )
        )
    return said


def _position(report: MetadataReport) -> str:
    gps = report.gps
    if gps is None:
        return ""

    def degrees(value: float | None) -> str:
        return QLocale().toString(value, "f", 5) if value is not None else "?"

    place = labels.fill(
        translate("PageInfo", "%1, %2"),
        degrees(gps.latitude),
        degrees(gps.longitude),
    )
    if gps.altitude is not None:
        place = labels.fill(
            translate("PageInfo", "%1 (altitude %2 m)"),
            place,
            QLocale().toString(gps.altitude, "f", 0),
        )
    return place


def metadata_rows(report: MetadataReport, recording: bool = False) -> list[tuple[str, str]]:
    """The report as (label, value) rows, in the order core/scans/metadata.py gives them,
    with the labels in the interface's language. Further fields keep the name the file
    gives them (a serial number's tag, a PNG keyword): that name is the file's own. A
    recording's tags name the device that recorded it, and when."""
    rows: list[tuple[str, str]] = []
    if report.gps is not None:
        rows.append((translate("PageInfo", "GPS position"), _position(report)))
    rows += [(translate("PageInfo", "Place"), place) for place in report.places]
    rows += [(translate("PageInfo", "Person named"), name) for name in report.authors]
    if report.camera:
        device = translate("PageInfo", "Device") if recording else translate("PageInfo", "Camera")
        rows.append((device, report.camera))
    if report.captured:
        when = translate("PageInfo", "Recorded") if recording else translate("PageInfo", "Taken")
        rows.append((when, labels.digits(report.captured)))
    rows += [(translate("PageInfo", "Software"), name) for name in report.software]
    rows += [(translate("PageInfo", "Comment"), comment) for comment in report.comments]
    rows += list(report.other)
    if report.orientation != 1:
        rows.append(
            (
                translate("PageInfo", "Orientation"),
                labels.digits(str(report.orientation)),
            )
        )
    if report.animated:
        rows.append(
            (
                translate("PageInfo", "Animation"),
                translate("PageInfo", "yes; the page shows its first picture"),
            )
        )
    rows.append(
        (
            translate("PageInfo", "Metadata blocks"),
            ", ".join(report.blocks) or translate("PageInfo", "none"),
        )
    )
    return rows


def page_rows(record: PageRecord) -> list[tuple[str, str]]:
    """The page itself: its place, its file, when and from where it came."""
    page, details = record.page, record.details
    rows = [
        (
            translate("PageInfo", "Page"),
            labels.fill(translate("PageInfo", "Page %1 of the document"), str(page.number)),
        ),
        (translate("PageInfo", "Original file"), page.original_name or "—"),
        (translate("PageInfo", "Type"), page.mime_type),
    ]
    if record.recording is not None:
        rows += recording_rows(record.recording)
    elif page.width and page.height:
        size = labels.fill(
            translate("PageInfo", "%1 × %2 pixels"),
            str(page.width),
            str(page.height),
        )
        rows.append((translate("PageInfo", "Picture size"), size))
    rows.append(
        (
            translate("PageInfo", "File size"),
            labels.fill(translate("PageInfo", "%1 bytes"), str(page.size)),
        )
    )
    rows.append((translate("PageInfo", "SHA-256"), page.sha256))
    imported = labels.digits(page.imported.isoformat(timespec="seconds"))
    rows.append((translate("PageInfo", "Imported"), imported))
    if details.source_path:
        rows.append((translate("PageInfo", "Imported from"), details.source_path))
    if details.source_page is not None:
        rows.append(
            (
                translate("PageInfo", "Place in its file"),
                labels.fill(
                    translate("PageInfo", "Page %1 of the original file"),
                    str(details.source_page + 1),
                ),
            )
        )
    if page.rotation:
        rows.append(
            (
                translate("PageInfo", "Turned for display"),
                labels.fill(translate("PageInfo", "%1°"), str(page.rotation)),
            )
        )
    return rows


def recording_rows(recording: RecordingFacts) -> list[tuple[str, str]]:
    """A recording's length and streams: what a player or an expert asks first."""
    rows = [(translate("PageInfo", "Duration"), labels.digits(clock(recording.duration)))]
    if not recording.playable:
        rows.append(
            (
                translate("PageInfo", "Playable here"),
                translate(
                    "PageInfo",
                    "No: its format cannot be decoded by Amanat. The file is kept as evidence, "
                    "byte for byte; export the original to play it elsewhere.",
                ),
            )
        )
    if recording.bitrate:
        rows.append((translate("PageInfo", "Bitrate"), _kbits(recording.bitrate)))
    for stream in recording.streams:
        parts = [stream.codec]
        if stream.kind == "audio":
            if stream.sample_rate:
                parts.append(labels.fill(translate("PageInfo", "%1 Hz"), str(stream.sample_rate)))
            if stream.channels == 1:
                parts.append(translate("PageInfo", "mono"))
            elif stream.channels == 2:
                parts.append(translate("PageInfo", "stereo"))
            elif stream.channels:
                parts.append(
                    labels.fill(translate("PageInfo", "%1 channels"), str(stream.channels))
                )
        elif stream.width and stream.height:
            parts.append(
                labels.fill(
                    translate("PageInfo", "%1 × %2 pixels"), str(stream.width), str(stream.height)
                )
            )
        if stream.bitrate:
            parts.append(_kbits(stream.bitrate))
        name = (
            translate("PageInfo", "Sound")
            if stream.kind == "audio"
            else translate("PageInfo", "Picture")
        )
        rows.append((name, labels.list_separator().join(parts)))
    return rows


def _kbits(bitrate: int) -> str:
    return labels.fill(translate("PageInfo", "%1 kbit/s"), str(round(bitrate / 1000)))


def _what_it_carries(report: MetadataReport, recording: bool = False) -> str:
    """The original's metadata in a sentence: what someone who receives it can read."""
    carried = []
    if (report.gps is not None or report.places) and recording:
        carried.append(translate("PageInfo", "where it was recorded"))
    elif report.gps is not None or report.places:
        carried.append(translate("PageInfo", "where it was taken"))
    if report.authors:
        carried.append(
            labels.fill(
                translate("PageInfo", "the name %1"),
                ", ".join(map(isolated, report.authors)),
            )
        )
    if report.camera:
        carried.append(
            translate("PageInfo", "the device")
            if recording
            else translate("PageInfo", "the camera")
        )
    if report.captured:
        carried.append(
            translate("PageInfo", "when it was recorded")
            if recording
            else translate("PageInfo", "when it was taken")
        )
    if report.software:
        carried.append(translate("PageInfo", "the software that made it"))
    if report.comments or report.other:
        carried.append(translate("PageInfo", "further fields"))
    if not carried:
        return QCoreApplication.translate(
            "PageInfo",
            "The original file is kept byte for byte: no metadata was found in it, but it can "
            "still hold what Amanat cannot read.",
        )
    if recording:
        sentence = QCoreApplication.translate(
            "PageInfo",
            "The original file carries its tags: %1. Whoever receives it can read this; the "
            "stripped copy holds the sound and picture only.",
        )
    else:
        sentence = QCoreApplication.translate(
            "PageInfo",
            "The original file carries its metadata: %1. Whoever receives it can read this; "
            "the sanitised copy holds the picture only.",
        )
    return labels.fill(sentence, labels.list_separator().join(carried))


# --- The dialogs ---------------------------------------------------------------------------


class PageInfoDialog(QDialog):
    """The report of one page, read-only: warnings first, then the page, then its file."""

    export_requested = Signal()

    def __init__(self, record: PageRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Page Information"))
        layout = QVBoxLayout(self)
        self.warnings = [
            self._sentence(text, "page-info-warning")
            for text in warnings(record.metadata, record.recording is not None)
        ]
        for label in self.warnings:
            layout.addWidget(label)
        if not self.warnings:
            layout.addWidget(
                self._sentence(
                    self.tr("Nothing in this page's file names a place or a person."),
                    "page-info-clear",
                )
            )
        self.rows: list[tuple[str, str]] = []
        for heading, rows in (
            (self.tr("The page"), page_rows(record)),
            (
                self.tr("What its file says about itself"),
                metadata_rows(record.metadata, record.recording is not None),
            ),
        ):
            title = QLabel(f"<b>{heading}</b>")
            title.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(title)
            form = QFormLayout()
            for name, value in rows:
                shown = QLabel(isolated(value))
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(name, shown)
            layout.addLayout(form)
            self.rows += rows
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("Export Page…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export_requested.emit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    @staticmethod
    def _sentence(text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label


class PageExportDialog(QDialog):
    """Which copy to write: the sanitised one, chosen from the start, or the original, with
    what it carries said beside it."""

    def __init__(self, record: PageRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Export a page"))
        question = QLabel(
            labels.fill(
                self.tr("Write page %1 of this document to a file:"), str(record.page.number)
            )
        )
        question.setWordWrap(True)
        stripped = (
            self.tr(
                "A stripped copy: the sound and picture only, with no tags (recommended); "
                "the voices and what is seen can still tell who and where"
            )
            if record.recording is not None
            else self.tr(
                "A sanitised copy: the picture only, upright, with no metadata (recommended)"
            )
        )
        self.sanitised = QRadioButton(stripped)
        self.sanitised.setChecked(True)
        self.original_choice = QRadioButton(self.tr("The original file, byte for byte"))
        self.warning = QLabel(_what_it_carries(record.metadata, record.recording is not None))
        self.warning.setObjectName("page-export-warning")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)
        self.original_choice.toggled.connect(self.warning.setVisible)
        if record.redacted:
            # core/leaving.py never lets a redacted page leave as its original.
            self.original_choice.setEnabled(False)
            self.original_choice.setToolTip(
                self.tr("This page has redactions: it leaves only as a copy with them blacked out")
            )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Choose a File…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.sanitised)
        layout.addWidget(self.original_choice)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @property
    def original(self) -> bool:
        return self.original_choice.isChecked()


# --- The actions ---------------------------------------------------------------------------


class PageInfo(QObject):
    """The two actions on the page shown (in the Edit menu and the page strip's menu)."""

    said = Signal(str)
    """A sentence for the status bar: what was written, or why not."""

    def __init__(
        self,
        worker: Worker,
        chooser: FileChooser,
        current_page: Callable[[], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.chooser = chooser
        """Asks where to write the copy; tests give a fake."""
        self._current_page = current_page
        self._parent = parent
        self.dialog: QDialog | None = None
        """The dialog open now, if any."""
        self.info_action = QAction(
            QIcon.fromTheme("document-properties"), self.tr("Page Information…"), self
        )
        self.info_action.setToolTip(
            self.tr("What this page's file says about itself: camera, times, place, names")
        )
        self.info_action.triggered.connect(lambda: self.show_info())
        self.export_action = QAction(
            QIcon.fromTheme("document-save-as"), self.tr("Export Page…"), self
        )
        self.export_action.setToolTip(
            self.tr("Write this page to a file, without its metadata unless you choose otherwise")
        )
        self.export_action.triggered.connect(lambda: self.export())
        self.set_enabled(False)

    @property
    def actions(self) -> list[QAction]:
        return [self.info_action, self.export_action]

    def follow(self, shown_pages: QAbstractItemModel) -> None:
        """Be usable while ``shown_pages`` (the page strip's model) holds a page."""

        def update() -> None:
            self.set_enabled(shown_pages.rowCount() > 0)

        for signal in (shown_pages.modelReset, shown_pages.rowsInserted, shown_pages.rowsRemoved):
            signal.connect(update)
        update()

    def offer_on(self, page: QWidget) -> None:
        """A right-click on ``page`` (the page viewer's picture) offers the two actions."""
        page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        page.addActions(self.actions)

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

    def show_info(self, page_id: str | None = None) -> None:
        chosen = page_id or self._current_page()
        if chosen is not None:
            self._worker.submit(read_page_record(chosen), self, self._open_info, self._failed)

    def export(self, page_id: str | None = None) -> None:
        chosen = page_id or self._current_page()
        if chosen is not None:
            self._worker.submit(read_page_record(chosen), self, self._open_export, self._failed)

    def _open_info(self, record: PageRecord) -> None:
        dialog = PageInfoDialog(record, self._parent)
        dialog.export_requested.connect(lambda: self._from_info(dialog))
        self._open(dialog)

    def _from_info(self, dialog: PageInfoDialog) -> None:
        dialog.accept()
        self._open_export(dialog.record)

    def _open_export(self, record: PageRecord) -> None:
        dialog = PageExportDialog(record, self._parent)
        dialog.accepted.connect(lambda: self._chosen(dialog.record, dialog.original))
        self._open(dialog)

    def _chosen(self, record: PageRecord, original: bool) -> None:
        suggested = pages.export_file_name(record.page, original and not record.redacted)
        suffix = Path(suggested).suffix
        target = self.chooser.new_file(
            self._parent,
            self.tr("Export a page"),
            labels.fill(self.tr("Copy of a page (*%1)"), suffix)
            if suffix
            else self.tr("All files (*)"),
            suggested,
        )
        if target is None:
            return
        if suffix and not target.suffix:
            target = target.with_suffix(suffix)
        number = str(record.page.number)
        if original:
            done = labels.fill(self.tr("Wrote the original of page %1 to %2."), number, str(target))
        else:
            done = labels.fill(
                self.tr("Wrote a sanitised copy of page %1 (no metadata) to %2."),
                number,
                str(target),
            )
        self._worker.submit(
            write_page(record.page.id, target, original),
            self,
            lambda _: self.said.emit(done),
            self._failed,
        )

    def _failed(self, error: AmanatError) -> None:
        self.said.emit(error_message(error))

    def close(self) -> None:
        """The archive is being locked: close the dialog, writing nothing."""
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reject()
            dialog.deleteLater()

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
