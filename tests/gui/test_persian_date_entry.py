"""Typing dates in both calendars and both scripts, in the English and the Persian interface."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.dates import DATE_PROBLEMS, Calendar, FuzzyDate
from amanat.gui import messages
from amanat.gui.date_entry import DateEntry
from amanat.gui.i18n import apply_language
from amanat.gui.settings import Preferences

J, G = Calendar.JALALI, Calendar.GREGORIAN


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[Preferences]:
    preferences = Preferences.for_language("fa")
    apply_language(qapp, preferences)
    yield preferences
    apply_language(qapp, Preferences())


def _entry(qtbot: QtBot, preferences: Preferences, text: str) -> DateEntry:
    entry = DateEntry(None, preferences)
    qtbot.addWidget(entry)
    entry.field.setText(text)
    return entry


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("۱۴۰۱/۰۷/۰۷", FuzzyDate.of_day(1401, 7, 7, J)),
        ("1401-07-07", FuzzyDate.of_day(1401, 7, 7, J)),
        ("٧ مهر ١٤٠١", FuzzyDate.of_day(1401, 7, 7, J)),  # Arabic-Indic digits
        ("مهر ۱۴۰۱", FuzzyDate.of_month(1401, 7, J)),
        ("مهرماه ۱۴۰۱", FuzzyDate.of_month(1401, 7, J)),
        ("Mehr 1401", FuzzyDate.of_month(1401, 7, J)),
        ("March 2011", FuzzyDate.of_month(2011, 3, G)),
        ("مارس ۲۰۱۱", FuzzyDate.of_month(2011, 3, G)),
        ("2011-03-15", FuzzyDate.of_day(2011, 3, 15, G)),
        ("۲۰۱۱/۰۳/۱۵", FuzzyDate.of_day(2011, 3, 15, G)),
        ("بهار ۱۳۹۰", FuzzyDate.of_season(1390, 1, J)),
        ("spring 2011", FuzzyDate.of_season(2011, 1, G)),
        ("حدود ۱۳۹۰", FuzzyDate.of_year(1390, J, circa=True)),
        ("c. 2011", FuzzyDate.of_year(2011, G, circa=True)),
    ],
)
@pytest.mark.parametrize("language", ["en", "fa"])
def test_a_date_is_read_in_either_calendar_and_script_whatever_the_preferred_calendar(
    qtbot: QtBot, text: str, date: FuzzyDate, language: str
) -> None:
    entry = _entry(qtbot, Preferences.for_language(language), text)
    assert entry.is_valid, entry.error
    assert entry.value == date


def test_the_english_interface_shows_the_other_calendar_beside_the_date(
    qtbot: QtBot,
) -> None:
    entry = _entry(qtbot, Preferences(), "1401/07/07")
    assert entry.meaning.text() == "7 Mehr 1401 = 29 September 2022 (the day is known)"
    entry.field.setText("March 2011")
    assert entry.meaning.text() == (
        "March 2011 = 10 Esfand 1389 – 11 Farvardin 1390 (only the month is known)"
    )


def test_the_persian_interface_shows_both_calendars_in_persian(
    qtbot: QtBot, persian: Preferences
) -> None:
    entry = _entry(qtbot, persian, "2011-03-15")
    assert entry.meaning.text() == "۱۵ مارس ۲۰۱۱ = ۲۴ اسفند ۱۳۸۹ (روزش معلوم است)"
    entry.field.setText("Mehr 1401")
    assert entry.meaning.text() == (
        "مهر ۱۴۰۱ = ۲۳ سپتامبر ۲۰۲۲ – ۲۲ اکتبر ۲۰۲۲ (فقط ماهش معلوم است)"
    )
    entry.field.setText("")
    assert entry.is_valid and entry.value is None
    assert entry.meaning.text() == "بدون تاریخ"


@pytest.mark.parametrize(
    ("text", "english", "persian"),
    [
        ("1401/12/30", "Esfand 1401 has only 29 days", "اسفند ۱۴۰۱ فقط ۲۹ روز دارد"),
        ("2011-02-29", "February 2011 has only 28 days", "فوریه ۲۰۱۱ فقط ۲۸ روز دارد"),
        ("1401/13/01", "there is no month 13", "ماه ۱۳ وجود ندارد"),
        ("Mehrr 1401", "“Mehrr” is not a month or season Amanat knows", "«Mehrr» ماه یا فصلی"),
        ("89/12/24", "write the year in full", "سال را کامل بنویسید"),
        ("مهر", "the year is missing", "سال نیامده است"),
    ],
)
def test_what_is_not_a_date_gets_one_sentence_saying_why_in_the_users_language(
    qtbot: QtBot, qapp: QApplication, text: str, english: str, persian: str
) -> None:
    entry = _entry(qtbot, Preferences(), text)
    assert not entry.is_valid and entry.value is None
    assert english in entry.meaning.text() == entry.error
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        entry = _entry(qtbot, Preferences.for_language("fa"), text)
        assert not entry.is_valid and entry.value is None
        assert persian in entry.error
        assert f"«{text}» تاریخی نیست که امانت بفهمد" in entry.error
    finally:
        apply_language(qapp, Preferences())


def test_a_date_left_untouched_is_kept_exactly_as_it_was(qtbot: QtBot) -> None:
    # "Esfand 1389" read back would be the same month; kept as is, it also keeps the
    # calendar and precision it was entered with, even with the other calendar preferred.
    kept = FuzzyDate.of_month(1389, 12, J, circa=True)
    entry = DateEntry(kept, Preferences())
    qtbot.addWidget(entry)
    assert entry.field.text() == "c. Esfand 1389"
    assert entry.value is kept
    entry.field.setText("Esfand 1389")
    assert entry.value == FuzzyDate.of_month(1389, 12, J)


def test_every_reason_a_date_is_refused_has_a_sentence_to_translate() -> None:
    # A problem code added to core/dates.py without a sentence in gui/messages.py would show
    # the core's English reason inside a Persian sentence.
    assert set(messages._DATE_PROBLEMS) == DATE_PROBLEMS
