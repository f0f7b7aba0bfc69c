"""The Settings dialog: the calendar, the minutes before the archive locks itself, whether it
locks when the computer does, the seconds copied text stays on the clipboard, the name put on
annotations and whether new annotations are private or shareable, all kept inside the
archive; and the interface language, kept by the application because it is needed before
unlocking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import Calendar
from amanat.core.records import Visibility
from amanat.core.settings import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_BACKUP_REMINDER_DAYS,
    MAX_CLIPBOARD_SECONDS,
    MAX_NAME_LENGTH,
    MAX_RECORDING_LIMIT_MB,
    ArchiveSettings,
)
from amanat.gui.annotations.looks import visibility_icon
from amanat.gui.settings import Preferences
from amanat.gui.system_lock import can_hear_the_computer_lock

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ChosenSettings:
    archive: ArchiveSettings
    language: str


class SettingsDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        annotation_visibility: Visibility = Visibility.PRIVATE,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._preferences = preferences
        self.calendar = QComboBox()
        self.calendar.addItem(self.tr("Gregorian (2011-03-15)"), Calendar.GREGORIAN.value)
        self.calendar.addItem(self.tr("Solar Hijri (1389/12/24)"), Calendar.JALALI.value)
        self.calendar.setCurrentIndex(self.calendar.findData(preferences.calendar.value))
        self.auto_lock = QDoubleSpinBox()
        self.auto_lock.setDecimals(0)
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setValue(preferences.auto_lock_minutes)
        self.lock_with_computer = QCheckBox(
            self.tr("Lock when the screen locks, the user is switched or the computer sleeps")
        )
        self.lock_with_computer.setChecked(preferences.lock_with_computer)
        self.lock_with_computer_note = QLabel()
        self.lock_with_computer_note.setWordWrap(True)
        if not can_hear_the_computer_lock():
            self.lock_with_computer.setEnabled(False)
            self.lock_with_computer_note.setText(
                self.tr(
                    "On macOS Amanat cannot tell when the screen locks or the computer "
                    "sleeps. Lock it yourself (Ctrl+L) before you leave it, or let it lock "
                    "after the idle minutes above."
                )
            )
        else:
            self.lock_with_computer_note.hide()
        self.clipboard_seconds = QSpinBox()
        self.clipboard_seconds.setRange(0, MAX_CLIPBOARD_SECONDS)
        self.clipboard_seconds.setSuffix(self.tr(" s"))
        self.clipboard_seconds.setSpecialValueText(self.tr("Only when locking"))
        self.clipboard_seconds.setValue(preferences.clipboard_seconds)
        self.clipboard_seconds.setToolTip(
            self.tr(
                "Text copied from the archive is taken off the clipboard after this many "
                "seconds, and always when the archive locks."
            )
        )
        self.backup_reminder = QSpinBox()
        self.backup_reminder.setRange(0, MAX_BACKUP_REMINDER_DAYS)
        self.backup_reminder.setSuffix(self.tr(" days"))
        self.backup_reminder.setSpecialValueText(self.tr("Never"))
        self.backup_reminder.setValue(preferences.backup_reminder_days)
        self.backup_reminder.setToolTip(
            self.tr("After this many days without a backup, Amanat says so once when it opens.")
        )
        self.recording_limit = QSpinBox()
        self.recording_limit.setRange(1, MAX_RECORDING_LIMIT_MB)
        self.recording_limit.setSingleStep(256)
        self.recording_limit.setSuffix(self.tr(" MB"))
        self.recording_limit.setValue(preferences.recording_limit_mb)
        self.recording_limit.setToolTip(
            self.tr(
                "Larger recordings are refused on import. Importing a recording, exporting "
                "it or sending it in a bundle holds a few megabytes of it in memory, whatever "
                "its size."
            )
        )
        self.name = QLineEdit(preferences.annotator_name)
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("Shown on your annotations and in the log"))
        self._annotation_visibility = annotation_visibility
        self.annotation_visibility = QComboBox()
        self.annotation_visibility.addItem(
            visibility_icon(Visibility.PRIVATE),
            self.tr("Private: they stay in this archive"),
            Visibility.PRIVATE.value,
        )
        self.annotation_visibility.addItem(
            visibility_icon(Visibility.SHAREABLE),
            self.tr("Shareable: they may go into bundles"),
            Visibility.SHAREABLE.value,
        )
        self.annotation_visibility.setCurrentIndex(
            self.annotation_visibility.findData(annotation_visibility.value)
        )
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("فارسی", "fa")
        self.language.setCurrentIndex(self.language.findData(preferences.language))
        note = QLabel(
            self.tr(
                "The calendar, the locking, the clipboard and your name are kept inside this "
                "archive, "
                "encrypted. The language is kept on this computer and applies at once."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Calendar:"), self.calendar)
        form.addRow(self.tr("Lock after idle:"), self.auto_lock)
        form.addRow("", self.lock_with_computer)
        form.addRow("", self.lock_with_computer_note)
        form.addRow(self.tr("Clear the clipboard after:"), self.clipboard_seconds)
        form.addRow(self.tr("Remind me to back up after:"), self.backup_reminder)
        form.addRow(self.tr("Largest recording to import:"), self.recording_limit)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("New annotations:"), self.annotation_visibility)
        form.addRow(self.tr("Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _annotation_visibility_chosen(self) -> Visibility | None:
        """None when left as it was: nothing to store (private needs no entry)."""
        chosen = Visibility(self.annotation_visibility.currentData())
        return None if chosen is self._annotation_visibility else chosen

    def chosen(self) -> ChosenSettings:
        return ChosenSettings(
            ArchiveSettings(
                calendar=Calendar(self.calendar.currentData()),
                auto_lock_minutes=float(self.auto_lock.value()),
                annotator_name=self.name.text().strip(),
                annotation_visibility=self._annotation_visibility_chosen(),
                lock_with_computer=_if_changed(
                    self.lock_with_computer.isChecked(), self._preferences.lock_with_computer
                ),
                clipboard_seconds=_if_changed(
                    self.clipboard_seconds.value(), self._preferences.clipboard_seconds
                ),
                backup_reminder_days=_if_changed(
                    self.backup_reminder.value(), self._preferences.backup_reminder_days
                ),
                recording_limit_mb=_if_changed(
                    self.recording_limit.value(), self._preferences.recording_limit_mb
                ),
            ),
            str(self.language.currentData()),
        )


def _if_changed(chosen: T, shown: T) -> T | None:
    """None when left as it was: nothing to store (nor to audit)."""
    return None if chosen == shown else chosen
