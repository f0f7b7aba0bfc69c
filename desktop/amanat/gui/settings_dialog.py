"""The Settings dialog: the calendar, the minutes before the archive locks itself, the
name put on annotations and whether new annotations are private or shareable, all kept
inside the archive; and the interface language, kept by
the application because it is needed before unlocking."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import Calendar
from amanat.core.records import Visibility
from amanat.core.settings import MAX_AUTO_LOCK_MINUTES, MAX_NAME_LENGTH, ArchiveSettings
from amanat.gui.annotations.looks import visibility_icon
from amanat.gui.settings import Preferences


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
                "The calendar, the auto-lock and your name are kept inside this archive, "
                "encrypted. The language is kept on this computer and applies when Amanat "
                "starts again."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Calendar:"), self.calendar)
        form.addRow(self.tr("Lock after idle:"), self.auto_lock)
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
            ),
            str(self.language.currentData()),
        )
