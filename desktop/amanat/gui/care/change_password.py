"""File ▸ Archive ▸ Change password…: the current password, then the new one twice with its
strength. The keys are derived on the archive's thread, with a progress bar meanwhile; only
keys.json changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from amanat.core.errors import AmanatError
from amanat.core.keyslots import KdfParams
from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.care.new_password import NewPasswordFields
from amanat.gui.worker import Worker


class ChangePasswordDialog(JobDialog):
    def __init__(
        self, worker: Worker, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, self.tr("Change the password"), parent)
        self._kdf = kdf
        explanation = QLabel(
            self.tr(
                "After the change only the new password opens this archive. Backups made "
                "before still open with the password they were made with."
            )
        )
        explanation.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.new = NewPasswordFields()
        self.new.form.insertRow(0, self.tr("Current password:"), self.current)
        self.body.addWidget(explanation)
        self.body.addWidget(self.new)
        self.go_button.setText(self.tr("Change"))
        self.current.textChanged.connect(self._check)
        self.new.changed.connect(self._check)
        self._check()

    def go(self) -> None:
        if not self.go_button.isEnabled():
            return
        current, new, kdf = self.current.text(), self.new.text(), self._kdf
        self._editable(False)
        self.run(
            lambda _report, _cancel: operations.change_password(current, new, kdf),
            self._done,
            self.tr("Changing the password… this takes a few seconds."),
        )

    def _done(self, _: None) -> None:
        self.go_button.hide()
        self.current.clear()
        self.new.clear()
        self.say(
            self.tr("The password was changed. From now on, only the new one opens this archive.")
        )

    def _failed(self, error: AmanatError) -> None:
        self._editable(True)
        super()._failed(error)
        self.current.setFocus()
        self.current.selectAll()

    def _editable(self, editable: bool) -> None:
        self.current.setEnabled(editable)
        self.new.set_editable(editable)

    def _check(self) -> None:
        self.go_button.setEnabled(bool(self.current.text()) and self.new.acceptable)
