"""Contacts: the people this archive exchanges bundles with; adding one, and marking one
verified once its fingerprint was compared with them (by phone, in person).

A key pasted with a typo is caught by its checksum: the add dialog then says so in one
sentence and keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amanat.core.bundle.contacts import Contact
from amanat.core.bundle.identity import fingerprint, parse_signing_key
from amanat.core.errors import AmanatError
from amanat.gui import labels
from amanat.gui.bundles.operations import (
    add_contact,
    list_contacts,
    mark_verified,
    set_signing_key,
)
from amanat.gui.messages import error_message
from amanat.gui.text_direction import DirectionalItemDelegate
from amanat.gui.worker import Worker

_Index = QModelIndex | QPersistentModelIndex
CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The Contact of a row."""

NAME, KEY, FINGERPRINT, VERIFIED = range(4)


class ContactListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def replace(self, contact: Contact) -> None:
        """One contact changed (marked verified): only its row is told."""
        for row, known in enumerate(self._contacts):
            if known.id == contact.id:
                self._contacts[row] = contact
                self.dataChanged.emit(self.index(row, 0), self.index(row, VERIFIED))
                return

    def contact(self, row: int) -> Contact:
        return self._contacts[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 4:
            return None
        return (
            self.tr("Name"),
            self.tr("Public key"),
            self.tr("Fingerprint"),
            self.tr("Verified"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = index.column()
        if role == CONTACT_ROLE:
            return contact
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return contact.name
            if column == KEY:
                return contact.age_recipient
            if column == FINGERPRINT:
                return contact.fingerprint or self.tr("no signing key")
            if column == VERIFIED:
                return self.tr("verified") if contact.verified else self.tr("not verified")
        if role == Qt.ItemDataRole.ToolTipRole and column == KEY:
            return contact.age_recipient
        return None


def confirm_fingerprint(parent: QWidget, contact: Contact) -> bool:
    """Ask whether the fingerprint was compared with the contact; tests replace this."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ContactsDialog", "Mark as verified"))
    box.setText(
        labels.fill(
            QCoreApplication.translate(
                "ContactsDialog",
                "Ask %1 to read you the fingerprint their Amanat shows under “My keys”. "
                "Mark them verified only if it is exactly this:",
            ),
            contact.name,
        )
    )
    box.setInformativeText(f"\u2066{contact.fingerprint}\u2069")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("ContactsDialog", "It matches")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    try:
        return box.exec() == QMessageBox.StandardButton.Yes
    finally:
        box.deleteLater()


class AddContactDialog(QDialog):
    """Name, ``age1…`` key and (optionally) signing key; saved only when both keys check.
    Given an existing ``contact`` (one without a signing key), only its signing key is asked
    for."""

    def __init__(
        self, worker: Worker, parent: QWidget | None = None, contact: Contact | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._contact = contact
        self.added: Contact | None = None
        """The contact as saved."""
        self.name = QLineEdit()
        self.age_key = QLineEdit()
        self.age_key.setPlaceholderText("age1…")
        self.age_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.signing_key = QLineEdit()
        self.signing_key.setPlaceholderText("amanatsign1…")
        self.signing_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.signing_key.textChanged.connect(self._show_fingerprint)
        self.fingerprint = QLabel()
        self.fingerprint.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        note = QLabel(
            self.tr(
                "Paste the keys they sent you. The signing key lets Amanat recognise bundles "
                "they send; its fingerprint is shown here, to compare with them before "
                "marking them verified."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Public key:"), self.age_key)
        form.addRow(self.tr("&Signing key:"), self.signing_key)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 260)
        if contact is None:
            self.setWindowTitle(self.tr("Add a contact"))
        else:
            self.setWindowTitle(self.tr("Signing key of a contact"))
            self.name.setText(contact.name)
            self.age_key.setText(contact.age_recipient)
            self.name.setReadOnly(True)
            self.age_key.setReadOnly(True)

    def _show_fingerprint(self, text: str) -> None:
        try:
            self.fingerprint.setText(fingerprint(parse_signing_key(text)) if text.strip() else "")
        except AmanatError:
            self.fingerprint.setText("")

    def save(self) -> None:
        self.error.hide()
        signing_key = self.signing_key.text().strip()
        if self._contact is not None:
            operation = set_signing_key(self._contact.id, signing_key)
        else:
            operation = add_contact(self.name.text(), self.age_key.text().strip(), signing_key)
        self._worker.submit(operation, self, self._saved, self._failed)

    def _saved(self, contact: Contact) -> None:
        self.added = contact
        self.accept()

    def _failed(self, error: AmanatError) -> None:
        self.error.setText(error_message(error))
        self.error.show()


class ContactsDialog(QDialog):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contacts"))
        self._worker = worker
        self.confirm: Callable[[QWidget, Contact], bool] = confirm_fingerprint
        self.add_dialog: AddContactDialog | None = None
        self.model = ContactListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(DirectionalItemDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(KEY, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(NAME, 180)
        self.table.horizontalHeader().resizeSection(KEY, 220)
        self.table.horizontalHeader().resizeSection(FINGERPRINT, 230)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add)
        self.verify_button = QPushButton(self.tr("Mark as &verified…"))
        self.verify_button.setToolTip(
            self.tr("After comparing the fingerprint with them by phone or in person")
        )
        self.verify_button.clicked.connect(self.verify_current)
        self.key_button = QPushButton(self.tr("Signing &key…"))
        self.key_button.setToolTip(self.tr("Add the signing key they sent you"))
        self.key_button.clicked.connect(self.add_signing_key)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.key_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 360)
        self._update()
        self.reload()

    def reload(self) -> None:
        self._worker.submit(list_contacts, self, self._listed, self._failed)

    def _listed(self, contacts: list[Contact]) -> None:
        self.model.set_contacts(contacts)
        self._update()

    def current(self) -> Contact | None:
        index = self.table.currentIndex()
        value = index.data(CONTACT_ROLE) if index.isValid() else None
        return value if isinstance(value, Contact) else None

    def _update(self) -> None:
        contact = self.current()
        self.key_button.setEnabled(contact is not None and contact.signing_key is None)
        self.verify_button.setEnabled(
            contact is not None and contact.signing_key is not None and not contact.verified
        )

    def add(self) -> AddContactDialog | None:
        return self._open_add(None)

    def add_signing_key(self) -> AddContactDialog | None:
        contact = self.current()
        if contact is None or contact.signing_key is not None:
            return None
        return self._open_add(contact)

    def _open_add(self, contact: Contact | None) -> AddContactDialog | None:
        if self.add_dialog is not None:
            return None
        dialog = AddContactDialog(self._worker, self, contact)
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(lambda _: self._add_closed(dialog))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_closed(self, dialog: AddContactDialog) -> None:
        if self.add_dialog is dialog:
            self.add_dialog = None
        dialog.deleteLater()

    def verify_current(self) -> None:
        contact = self.current()
        if contact is None or contact.fingerprint is None or contact.verified:
            return
        if self.confirm(self, contact):
            self._worker.submit(mark_verified(contact.id), self, self._verified, self._failed)

    def _verified(self, contact: Contact) -> None:
        self.model.replace(contact)
        self.message.setText(labels.fill(self.tr("%1 is marked verified."), contact.name))
        self._update()

    def _failed(self, error: AmanatError) -> None:
        self.message.setText(error_message(error))

    def reject(self) -> None:
        if self.add_dialog is not None:
            self.add_dialog.reject()
        super().reject()
