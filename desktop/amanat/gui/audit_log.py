"""The audit log in the window: every change the archive recorded (time, who, what, to which
record, in a sentence), read-only, with "Verify Chain" saying in one sentence whether any
entry was edited, removed or reordered since it was written.

It reads through amanat.app.integrity (audit_entries, verify_audit), as ``amanat audit list``
and ``amanat audit verify`` do. Opened while a document is shown, it can show that document's
entries only, with its pages', texts' and annotations' (``--document`` on the command line).
The lock closes it and forgets every entry.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amanat.app import integrity
from amanat.core.audit import AuditEntry, AuditReport
from amanat.core.errors import AmanatError
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.text_direction import DirectionalItemDelegate
from amanat.gui.worker import Operation, Session, Worker

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The AuditEntry of a row."""

# --- Operations ----------------------------------------------------------------------------


def read_entries(document_id: str | None) -> Operation[list[AuditEntry]]:
    """Every entry, or a document's (with its pages, texts and annotations)."""

    def run(session: Session) -> list[AuditEntry]:
        return integrity.audit_entries(session.require(), document_id=document_id)

    return run


def verify_chain(session: Session) -> AuditReport:
    return integrity.verify_audit(session.require())


# --- The words of the log ------------------------------------------------------------------

_ACTIONS = {
    "added": QT_TRANSLATE_NOOP("AuditLog", "added"),
    "changed": QT_TRANSLATE_NOOP("AuditLog", "changed"),
    "deleted": QT_TRANSLATE_NOOP("AuditLog", "deleted"),
    "imported": QT_TRANSLATE_NOOP("AuditLog", "imported"),
    "removed": QT_TRANSLATE_NOOP("AuditLog", "removed"),
    "restored": QT_TRANSLATE_NOOP("AuditLog", "restored"),
    "renamed": QT_TRANSLATE_NOOP("AuditLog", "renamed"),
    "moved": QT_TRANSLATE_NOOP("AuditLog", "moved"),
    "merged": QT_TRANSLATE_NOOP("AuditLog", "merged"),
}
_RECORDS = {
    "document": QT_TRANSLATE_NOOP("AuditLog", "document"),
    "page": QT_TRANSLATE_NOOP("AuditLog", "page"),
    "text": QT_TRANSLATE_NOOP("AuditLog", "text"),
    "person": QT_TRANSLATE_NOOP("AuditLog", "person"),
    "tag": QT_TRANSLATE_NOOP("AuditLog", "tag"),
    "annotation": QT_TRANSLATE_NOOP("AuditLog", "annotation"),
    "event": QT_TRANSLATE_NOOP("AuditLog", "event"),
    "contact": QT_TRANSLATE_NOOP("AuditLog", "contact"),
    "setting": QT_TRANSLATE_NOOP("AuditLog", "setting"),
    "bundle": QT_TRANSLATE_NOOP("AuditLog", "bundle"),
    "archive": QT_TRANSLATE_NOOP("AuditLog", "archive"),
    "redaction": QT_TRANSLATE_NOOP("AuditLog", "redaction"),
}
"""The words the archive writes in its log, in the interface's language; a word not listed
here (written by a newer Amanat) is shown as it was written. The summary is the archive's
own record of the change and is shown as written."""


def _word(words: dict[str, object], stored: str) -> str:
    source = words.get(stored)
    return QCoreApplication.translate("AuditLog", str(source)) if source else stored


# --- The model -----------------------------------------------------------------------------


class AuditColumn(IntEnum):
    TIME = 0
    ACTOR = 1
    ACTION = 2
    RECORD = 3
    SUMMARY = 4


class AuditLogModel(QAbstractTableModel):
    """The entries read, oldest first, as the chain runs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    @property
    def entries(self) -> list[AuditEntry]:
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(AuditColumn):
            return None
        return {
            AuditColumn.TIME: self.tr("Time"),
            AuditColumn.ACTOR: self.tr("Who"),
            AuditColumn.ACTION: self.tr("Action"),
            AuditColumn.RECORD: self.tr("Record"),
            AuditColumn.SUMMARY: self.tr("Summary"),
        }[AuditColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        column = AuditColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == AuditColumn.RECORD:
            return entry.record_id
        return None

    def _text(self, entry: AuditEntry, column: AuditColumn) -> str:
        if column == AuditColumn.TIME:
            # To the second, in the interface's digits: the fractions say nothing to a reader.
            return labels.digits(entry.time[:19].replace("T", " "))
        if column == AuditColumn.ACTOR:
            return entry.actor or "—"
        if column == AuditColumn.ACTION:
            return _word(_ACTIONS, entry.action)
        if column == AuditColumn.RECORD:
            return f"{_word(_RECORDS, entry.record_type)} {entry.record_id}"
        return entry.summary


# --- The window ----------------------------------------------------------------------------


class AuditLogWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit Log"))
        self.document_id: str | None = None
        self.only_document = QCheckBox(
            self.tr("Only the document shown, with its pages, texts and annotations")
        )
        self.only_document.setVisible(False)
        self.model = AuditLogModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(DirectionalItemDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count = QLabel()
        self.verify_button = QPushButton(self.tr("Verify Chain"))
        self.verify_button.setToolTip(
            self.tr("Recompute every entry's hash: an entry changed after it was written shows")
        )
        self.verdict = QLabel()
        self.verdict.setObjectName("audit-verify-result")
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verdict, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_document)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(bottom)
        self.resize(900, 520)

    def set_document(self, document_id: str | None) -> None:
        """The document shown when the log was opened: its entries can be shown alone."""
        self.document_id = document_id
        self.only_document.setVisible(document_id is not None)
        if document_id is None:
            self.only_document.setChecked(False)

    @property
    def chosen_document(self) -> str | None:
        """The document whose entries are asked for; None for every entry."""
        return self.document_id if self.only_document.isChecked() else None

    def show_entries(self, entries: list[AuditEntry]) -> None:
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        self.count.setText(labels.fill(self.tr("Entries: %1"), str(len(entries))))

    def show_verdict(self, report: AuditReport) -> None:
        """What "Verify Chain" found, in one sentence."""
        if report.intact:
            text = self.tr(
                "The audit log is intact: %n entries chain correctly.", "", report.entries
            )
        else:
            text = labels.fill(
                self.tr(
                    "The audit log is broken at entry %1: an entry was changed, removed or "
                    "reordered after it was written. Restore the archive from a backup."
                ),
                str(report.first_broken),
            )
        self.verdict.setText(text)

    def clear(self) -> None:
        self.model.clear()
        self.count.clear()
        self.verdict.clear()
        self.set_document(None)


class AuditLog(QObject):
    """The Audit Log… action and the window it opens."""

    def __init__(
        self, worker: Worker, shown_document: Callable[[], str | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._shown_document = shown_document
        self._parent = parent
        self.window: AuditLogWindow | None = None
        self.action = QAction(self.tr("Audit Log…"), self)
        self.action.setToolTip(
            self.tr("Every change recorded in this archive, and whether the record is whole")
        )
        self.action.triggered.connect(lambda: self.open())

    def open(self) -> AuditLogWindow:
        window = self.window
        if window is None:
            window = self.window = AuditLogWindow(self._parent)
            window.only_document.toggled.connect(lambda _: self._read())
            window.verify_button.clicked.connect(self.verify)
            # Closed, it keeps nothing it showed; opened again, it reads the log anew.
            window.finished.connect(lambda _: window.model.clear())
        document_id = self._shown_document()
        if document_id != window.document_id:
            window.set_document(document_id)
            window.verdict.clear()
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # which cannot, and says so
            window.raise_()
        self._read()
        return window

    def _read(self) -> None:
        window = self.window
        if window is not None:
            self._worker.submit(
                read_entries(window.chosen_document),
                window,
                window.show_entries,
                lambda error: self._failed(window, error),
            )

    def verify(self) -> None:
        window = self.window
        if window is not None:
            window.verdict.clear()
            self._worker.submit(
                verify_chain,
                window,
                window.show_verdict,
                lambda error: self._failed(window, error),
            )

    @staticmethod
    def _failed(window: AuditLogWindow, error: AmanatError) -> None:
        window.verdict.setText(error_message(error))

    def close(self) -> None:
        """The archive is being locked: close the window and forget every entry read."""
        window, self.window = self.window, None
        if window is not None:
            window.clear()
            window.close()
            window.deleteLater()
