"""File ▸ Archive ▸ Recovery code…: whether the archive has one, making a new one (the old one
stops working, said plainly first) and removing it. A new code is shown once, with the offer
to print it, by the same dialog as at creation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.app.archives import RecoveryCode
from amanat.core.errors import AmanatError
from amanat.core.keyslots import KdfParams
from amanat.gui.care import operations
from amanat.gui.messages import error_message
from amanat.gui.worker import Worker

Confirm = Callable[[QWidget, str], bool]


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.warning(
        parent,
        parent.windowTitle(),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class RecoveryCodeManager(QDialog):
    code_made = Signal(str)
    """A new code, to be shown once (the window's recovery-code dialog does)."""

    def __init__(
        self,
        worker: Worker,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
        confirm: Confirm = ask,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery code"))
        self.setMinimumWidth(440)
        self._worker = worker
        self._kdf = kdf
        self.confirm = confirm
        """Asks before the old code stops working; tests answer it."""
        self.exists: bool | None = None
        explanation = QLabel(
            self.tr(
                "A recovery code opens the archive if the password is forgotten. Anyone who "
                "holds it can open the archive, so keep it on paper, away from this computer."
            )
        )
        explanation.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.make_button = QPushButton(self.tr("Make a new recovery code…"))
        self.remove_button = QPushButton(self.tr("Remove the recovery code…"))
        self.make_button.clicked.connect(self.make_new)
        self.remove_button.clicked.connect(self.remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.state)
        layout.addWidget(self.make_button)
        layout.addWidget(self.remove_button)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._busy(True)
        worker.submit(operations.has_recovery_code, self, self._show_state, self._failed)

    def make_new(self) -> None:
        if self.exists and not self.confirm(
            self,
            self.tr(
                "The recovery code you have now will stop working at once, and only the new "
                "one will open the archive. Destroy the old paper afterwards. Make a new code?"
            ),
        ):
            return
        self._busy(True)
        self.outcome.setText(self.tr("Making a new recovery code… this takes a few seconds."))
        self.outcome.show()
        self._worker.submit(operations.new_recovery_code(self._kdf), self, self._made, self._failed)

    def remove(self) -> None:
        if not self.confirm(
            self,
            self.tr(
                "Without a recovery code, a forgotten password means the archive can never "
                "be opened again. Remove the recovery code?"
            ),
        ):
            return
        self._busy(True)
        self._worker.submit(operations.remove_recovery_code, self, self._removed, self._failed)

    def _made(self, made: RecoveryCode) -> None:
        self._show_state(True)
        self.outcome.setText(
            self.tr("A new recovery code was made. The earlier one no longer works.")
            if made.replaced
            else self.tr("A recovery code was made.")
        )
        self.outcome.show()
        self.code_made.emit(made.code)

    def _removed(self, removed: bool) -> None:
        self._show_state(False)
        self.outcome.setText(
            self.tr("The recovery code was removed: only the password opens the archive now.")
        )
        self.outcome.show()

    def _show_state(self, exists: bool) -> None:
        self.exists = exists
        self.state.setText(
            self.tr("This archive has a recovery code.")
            if exists
            else self.tr("This archive has no recovery code.")
        )
        self.make_button.setText(
            self.tr("Make a new recovery code…") if exists else self.tr("Make a recovery code…")
        )
        self._busy(False)

    def _failed(self, error: AmanatError) -> None:
        self._busy(False)
        self.outcome.setText(error_message(error))
        self.outcome.show()

    def _busy(self, busy: bool) -> None:
        self.make_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and bool(self.exists))
