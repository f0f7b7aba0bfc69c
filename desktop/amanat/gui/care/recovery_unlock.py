"""“Forgot the password?” on the unlock screen: the recovery code, then a new password at
once. The code is read as the core reads it: a typing mistake (the code's own check does not
add up) is told apart from a code that does not open this archive (from another archive, or
replaced since). Once it opens, the forgotten password no longer does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from amanat.core.errors import AmanatError
from amanat.core.keyslots import KdfParams
from amanat.gui.care import operations
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.care.new_password import NewPasswordFields
from amanat.gui.operations import Opened
from amanat.gui.worker import Worker

_GROUP = 4
_CODE_CHARACTERS = 32


def grouped(typed: str) -> str:
    """The code as typed, in groups of four joined by dashes, as it was printed."""
    characters = [ch for ch in typed.upper() if ch.isalnum()][:_CODE_CHARACTERS]
    return "-".join("".join(characters[i : i + _GROUP]) for i in range(0, len(characters), _GROUP))


class RecoveryUnlockDialog(JobDialog):
    opened = Signal(object)
    """An Opened: the archive is open, with the new password."""

    def __init__(
        self,
        worker: Worker,
        folder: Path,
        actor: str = "",
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, self.tr("Open with the recovery code"), parent)
        self.folder = folder
        self._actor = actor
        self._kdf = kdf
        explanation = QLabel(
            self.tr(
                "Type the recovery code you wrote down or printed when the archive was made, "
                "then choose a new password. The forgotten password will no longer open it."
            )
        )
        explanation.setWordWrap(True)
        self.code = QLineEdit()
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code.setFont(fixed)
        # Latin letters and digits in groups: left to right even in a right-to-left window.
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Eight groups of four: the shape of what was written down, in no language.
        self.code.setPlaceholderText("-".join(["····"] * (_CODE_CHARACTERS // _GROUP)))
        self.code.textEdited.connect(self._regroup)
        self.new = NewPasswordFields()
        self.new.form.insertRow(0, self.tr("Recovery code:"), self.code)
        self.body.addWidget(explanation)
        self.body.addWidget(self.new)
        self.go_button.setText(self.tr("Open"))
        self.code.textChanged.connect(self._check)
        self.new.changed.connect(self._check)
        self._check()

    def go(self) -> None:
        if not self.go_button.isEnabled():
            return
        folder, code, new = self.folder, self.code.text(), self.new.text()
        actor, kdf = self._actor, self._kdf
        self._editable(False)
        self.run(
            lambda report, _cancel: operations.unlock_with_recovery_code(
                folder, code, new, actor, kdf, report
            ),
            self._done,
            self.tr("Opening and setting the new password… this takes a few seconds."),
        )

    def _done(self, opened: Opened) -> None:
        self.code.clear()
        self.new.clear()
        self.opened.emit(opened)
        self.accept()

    def _failed(self, error: AmanatError) -> None:
        self._editable(True)
        super()._failed(error)
        self.code.setFocus()

    def _editable(self, editable: bool) -> None:
        self.code.setEnabled(editable)
        self.new.set_editable(editable)

    def _regroup(self, typed: str) -> None:
        # Dashes appear as the groups fill, so the code reads as it was written down; the
        # core ignores them and anything else that is not a letter or digit.
        regrouped = grouped(typed)
        if regrouped != typed:
            self.code.setText(regrouped)

    def _check(self) -> None:
        self.go_button.setEnabled(bool(self.code.text().strip()) and self.new.acceptable)
