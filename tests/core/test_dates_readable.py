"""The readable form of a date: the calendar and precision it was entered with, then the other
calendar's reading, short; checked against every row of the table in docs/dates.md, so that
the documentation shows exactly what Amanat prints."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from amanat.core.dates import (
    Calendar,
    FuzzyDate,
    Precision,
    other_calendar_reading,
    parse_date,
    readable_date,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "dates.md"


def table_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[0] not in ("Typed", "---"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def test_the_table_of_forms_has_every_precision_in_both_calendars():
    dates = [parse_date(typed) for typed, _, _ in table_rows()]
    kinds = {(date.calendar, date.precision) for date in dates}
    assert kinds == {(c, p) for c in Calendar for p in Precision}
    assert any(date.circa for date in dates)


@pytest.mark.parametrize(("typed", "english", "persian"), table_rows())
def test_each_form_in_the_documentation_is_what_amanat_prints(
    typed: str, english: str, persian: str
):
    date = parse_date(typed)
    assert readable_date(date) == english
    assert readable_date(date, "fa") == persian


def test_the_first_part_is_the_date_as_entered_and_only_it_is_approximate():
    date = parse_date("c. Mordad 1403")
    assert readable_date(date) == "c. Mordad 1403 · Jul–Aug 2024"
    assert other_calendar_reading(date) == "Jul–Aug 2024"


def test_a_month_within_one_month_of_the_other_calendar_names_just_that_month():
    # An interval kept from storage that lies inside one Gregorian month.
    date = FuzzyDate(
        datetime.date(2024, 7, 1), datetime.date(2024, 7, 20), Precision.MONTH, False,
        Calendar.JALALI,
    )  # fmt: skip
    assert other_calendar_reading(date) == "Jul 2024"


def test_a_date_the_jalali_calendar_cannot_name_has_no_second_part():
    date = FuzzyDate.of_year(600)
    assert readable_date(date) == "600"
    assert readable_date(date, "fa") == "۶۰۰"


def test_only_english_and_persian_are_offered():
    with pytest.raises(ValueError, match="unsupported language"):
        readable_date(parse_date("2011"), "de")
