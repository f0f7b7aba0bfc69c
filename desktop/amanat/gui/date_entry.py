"""Typing a date as people write it, in either calendar and either script.

"۱۴۰۱/۰۷/۰۷", "1401-07-07", "مهر ۱۴۰۱", "Mehr 1401", "March 2011", "بهار ۱۳۹۰", "c. 1390":
the field reads what core/dates.parse_date reads, and says at once what it understood, in both
calendars ("۷ مهر ۱۴۰۱ = ۲۹ سپتامبر ۲۰۲۲"), or the one sentence saying why it is not a date.
A lawyer must be able to trust the date that was kept, so a date that cannot be read is never
taken for one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from amanat.core.dates import Calendar, FuzzyDate, format_date, parse_date
from amanat.core.errors import InvalidDate
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.settings import Preferences


def other_calendar(calendar: Calendar) -> Calendar:
    return Calendar.GREGORIAN if calendar is Calendar.JALALI else Calendar.JALALI


class DateEntry(QWidget):
    """A date typed as text, with what it was understood to mean right under it. Empty means
    undated, which is allowed."""

    changed = Signal()

    def __init__(
        self, date: FuzzyDate | None, preferences: Preferences, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._original = date
        # Shown in the calendar it was entered in, so the text reads back as the same date
        # (shown in the other calendar, a month becomes a range of days, which is no date
        # one can type).
        self._original_text = format_date(date, date.calendar, preferences.language) if date else ""
        self._value: FuzzyDate | None = date
        self._error = ""
        self.field = QLineEdit(self._original_text)
        self.field.setPlaceholderText(
            self.tr("e.g. 14 Mordad 1403, 1403/05/14, spring 2011 (empty: undated)")
        )
        self.field.setToolTip(
            self.tr(
                "Solar Hijri or Gregorian, in Persian or Latin digits: 1401/07/07, 7 Mehr 1401, "
                "Mehr 1401, March 2011, spring 2011; “c.” or “حدود” before a date that is "
                "not certain."
            )
        )
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.meaning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.meaning)
        self.field.textChanged.connect(self._read)
        self._read()

    @property
    def value(self) -> FuzzyDate | None:
        return self._value

    @property
    def error(self) -> str:
        """Why the text is not a date; empty when it is one (or is empty)."""
        return self._error

    @property
    def is_valid(self) -> bool:
        return not self._error

    def _read(self) -> None:
        text = self.field.text()
        self._error = ""
        if text == self._original_text:
            self._value = self._original  # untouched: kept exactly as it was
        elif not text.strip():
            self._value = None
        else:
            try:
                self._value = self._parse(text)
            except InvalidDate as error:
                self._value = None
                self._error = error_message(error)
        self._show_meaning()
        self.changed.emit()

    def _parse(self, text: str) -> FuzzyDate:
        # Month names and the year decide the calendar, whichever one the user prefers:
        # "1401/07/07" is Solar Hijri and "2011-03-15" Gregorian (years 1200–1499 are taken
        # as Solar Hijri). Forcing the preferred calendar would read a Gregorian "2011-03-15"
        # typed in the Persian interface as the Solar Hijri year 2011, six centuries ahead.
        return parse_date(text)

    def _show_meaning(self) -> None:
        palette = self.meaning.palette()
        if self._error:
            self.meaning.setText(self._error)
            palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
        else:
            self.meaning.setText(self.describe(self._value))
            palette.setColor(
                QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.WindowText)
            )
        self.meaning.setPalette(palette)

    def describe(self, date: FuzzyDate | None) -> str:
        """The date in the calendar it was entered in and in the other one, and how precisely
        it is known: "14 Mordad 1403 = 4 August 2024 (the day is known)"."""
        if date is None:
            return self.tr("Undated")
        language = self._preferences.language
        return labels.fill(
            self.tr("%1 = %2 (%3)"),
            format_date(date, date.calendar, language),
            format_date(date, other_calendar(date.calendar), language),
            labels.label(date.precision),
        )
