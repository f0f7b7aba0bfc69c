"""The new password, typed twice, with the strength estimate: for a new archive, for changing
the password and for the new one given after the recovery code. The judgement is
core/password_strength.py's, the same as on the command line, and the sentence that explains
it lives here only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from amanat.core import password_strength
from amanat.core.password_strength import Verdict
from amanat.core.vault import MINIMUM_PASSWORD_LENGTH


class NewPasswordFields(QWidget):
    changed = Signal()
    """The password or its copy changed: ``acceptable`` may have too."""

    def __init__(
        self, parent: QWidget | None = None, labels: tuple[str, str] | None = None
    ) -> None:
        """``labels``: the two fields' labels, translated by the caller (a new archive's
        password is not a "new password"); "New password:" and its repeat by default."""
        super().__init__(parent)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, password_strength.STRONG_ENOUGH)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.mismatch = QLabel()
        self.mismatch.setWordWrap(True)
        self.form = QFormLayout(self)
        """Other rows go above (the current password, the recovery code), aligned with these."""
        self.form.setContentsMargins(0, 0, 0, 0)
        first, again = labels or (self.tr("New password:"), self.tr("New password again:"))
        self.form.addRow(first, self.password)
        self.form.addRow("", self.meter)
        self.form.addRow("", self.strength)
        self.form.addRow(again, self.repeat)
        self.form.addRow("", self.mismatch)
        for field in (self.password, self.repeat):
            field.textChanged.connect(self._check)
        self._check()

    @property
    def acceptable(self) -> bool:
        """Strong enough, and both copies the same."""
        chosen = self.password.text()
        return password_strength.assess(chosen).acceptable and chosen == self.repeat.text()

    def text(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def set_editable(self, enabled: bool) -> None:
        self.password.setEnabled(enabled)
        self.repeat.setEnabled(enabled)

    def _check(self) -> None:
        chosen = self.password.text()
        assessment = password_strength.assess(chosen)
        self.meter.setValue(assessment.score)
        if assessment.verdict is Verdict.TOO_SHORT:
            why = self.tr("Too short: use at least %n characters.", "", MINIMUM_PASSWORD_LENGTH)
        elif assessment.score <= 2:
            why = self.tr(
                "Too easy to guess. A passphrase of five or more unrelated words is both "
                "strong and easy to remember."
            )
        elif not assessment.acceptable:
            why = self.tr("Almost: add another word or two.")
        else:
            why = self.tr("Strong.")
        self.strength.setText(why if chosen else "")
        same = chosen == self.repeat.text()
        self.mismatch.setText(
            "" if same or not self.repeat.text() else self.tr("The two passwords differ.")
        )
        self.changed.emit()
