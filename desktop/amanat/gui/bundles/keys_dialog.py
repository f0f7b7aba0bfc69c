"""My keys: the public key to give to those who send this archive bundles, the signing key
for their contact entry of it, and the fingerprint to read to them over the phone.

Keys and fingerprints are left to right in every language: they are copied and compared
character by character, never read as words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.errors import AmanatError
from amanat.gui.bundles.operations import MyKeys, my_keys
from amanat.gui.clipboard import copy_text
from amanat.gui.messages import error_message
from amanat.gui.worker import Worker


def key_field(text: str = "") -> QLineEdit:
    """A read-only, selectable field for a key, left to right in every language."""
    field = QLineEdit(text)
    field.setReadOnly(True)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    field.setFont(QFont("monospace"))
    field.setCursorPosition(0)
    return field


def fingerprint_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont("monospace")
    font.setPointSizeF(font.pointSizeF() * 1.6 if font.pointSizeF() > 0 else 16)
    font.setBold(True)
    label.setFont(font)
    return label


class MyKeysDialog(QDialog):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My keys"))
        self.keys: MyKeys | None = None

        self.public_key = key_field()
        self.copy_public = QPushButton(self.tr("&Copy"))
        self.copy_public.setToolTip(self.tr("Copy the public key"))
        self.copy_public.clicked.connect(lambda: self._copy(self.public_key.text()))
        self.signing_key = key_field()
        self.copy_signing = QPushButton(self.tr("Co&py"))
        self.copy_signing.setToolTip(self.tr("Copy the signing key"))
        self.copy_signing.clicked.connect(lambda: self._copy(self.signing_key.text()))
        self.fingerprint = fingerprint_label()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()

        def explain(text: str) -> QLabel:
            label = QLabel(text)
            label.setWordWrap(True)
            return label

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Public key</b>")), 0, 0, 1, 2)
        grid.addWidget(
            explain(
                self.tr(
                    "Give it to those who send you bundles: they encrypt bundles to it, and "
                    "only this archive can open them. It is not secret."
                )
            ),
            1,
            0,
            1,
            2,
        )
        grid.addWidget(self.public_key, 2, 0)
        grid.addWidget(self.copy_public, 2, 1)
        grid.addWidget(QLabel(self.tr("<b>Signing key</b>")), 3, 0, 1, 2)
        grid.addWidget(
            explain(
                self.tr(
                    "Bundles you send are signed with this archive's secret key. Give this "
                    "public part to the people you send bundles to, for their contact entry "
                    "of you."
                )
            ),
            4,
            0,
            1,
            2,
        )
        grid.addWidget(self.signing_key, 5, 0)
        grid.addWidget(self.copy_signing, 5, 1)
        grid.addWidget(QLabel(self.tr("<b>Fingerprint</b>")), 6, 0, 1, 2)
        grid.addWidget(
            explain(
                self.tr(
                    "Read it to them over the phone or in person: if it matches the one their "
                    "Amanat shows for you, the keys they received really are yours."
                )
            ),
            7,
            0,
            1,
            2,
        )
        grid.addWidget(self.fingerprint, 8, 0, 1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 380)
        worker.submit(my_keys, self, self._shown, self._failed)

    def _shown(self, keys: MyKeys) -> None:
        self.keys = keys
        self.public_key.setText(keys.age_recipient)
        self.public_key.setCursorPosition(0)
        self.signing_key.setText(keys.signing_key)
        self.signing_key.setCursorPosition(0)
        self.fingerprint.setText(keys.fingerprint)

    def _failed(self, error: AmanatError) -> None:
        self.error.setText(error_message(error))
        self.error.show()

    def _copy(self, text: str) -> None:
        if text:
            copy_text(text)
