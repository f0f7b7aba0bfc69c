"""Fuzzy dates: parsing what people type, both calendars, formatting and storage."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from amanat.core.dates import (
    DATE_PROBLEMS,
    Calendar,
    FuzzyDate,
    Precision,
    format_date,
    format_iso,
    from_dict,
    from_storage,
    parse_date,
    to_dict,
    to_storage,
    validate_span,
)
from amanat.core.errors import InvalidDate, InvalidInput

D = datetime.date
G = Calendar.GREGORIAN
J = Calendar.JALALI


def interval(d: FuzzyDate) -> tuple[datetime.date, datetime.date]:
    return d.start, d.end


# --- Anchor dates between the calendars ----------------------------------------------------


def test_nowruz_1403_is_20_march_2024() -> None:
    nowruz = FuzzyDate.of_day(1403, 1, 1, calendar=J)
    assert interval(nowruz) == (D(2024, 3, 20), D(2024, 3, 20))
    assert nowruz.precision is Precision.DAY
    assert nowruz.calendar is J
    assert format_date(nowruz, G) == "20 March 2024"
    assert format_date(nowruz, J) == "1 Farvardin 1403"
    assert format_date(nowruz, J, "fa") == "۱ فروردین ۱۴۰۳"
    assert format_date(nowruz, G, "fa") == "۲۰ مارس ۲۰۲۴"


def test_the_gregorian_day_shows_as_1_farvardin_1403() -> None:
    day = FuzzyDate.of_day(2024, 3, 20)
    assert day.calendar is G
    assert format_date(day, J) == "1 Farvardin 1403"
    assert format_date(day, G) == "20 March 2024"


def test_24_esfand_1389_is_15_march_2011() -> None:
    day = parse_date("1389/12/24")
    assert day == FuzzyDate(D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, False, J)
    assert format_date(day, G) == "15 March 2011"
    assert format_date(day, J) == "24 Esfand 1389"
    assert format_date(day, J, "fa") == "۲۴ اسفند ۱۳۸۹"
    assert format_date(parse_date("15 March 2011"), J) == "24 Esfand 1389"


# --- Jalali leap years ----------------------------------------------------------------------


def test_esfand_30_exists_in_the_leap_year_1403() -> None:
    day = parse_date("1403/12/30")
    assert interval(day) == (D(2025, 3, 20), D(2025, 3, 20))
    # The next day is Nowruz 1404.
    assert FuzzyDate.of_day(1404, 1, 1, J).start == D(2025, 3, 21)


@pytest.mark.parametrize("year", [1401, 1402])
def test_esfand_30_does_not_exist_in_common_years(year: int) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(f"{year}/12/30")
    assert caught.value.values["reason"] == f"Esfand {year} has only 29 days"
    assert caught.value.values["text"] == f"{year}/12/30"


def test_esfand_1403_has_30_days_and_esfand_1402_has_29() -> None:
    assert (FuzzyDate.of_month(1403, 12, J).end - FuzzyDate.of_month(1403, 12, J).start).days == 29
    assert (FuzzyDate.of_month(1402, 12, J).end - FuzzyDate.of_month(1402, 12, J).start).days == 28


def test_a_jalali_year_runs_from_farvardin_to_the_end_of_esfand() -> None:
    assert interval(FuzzyDate.of_year(1390, J)) == (D(2011, 3, 21), D(2012, 3, 19))
    assert interval(FuzzyDate.of_year(1403, J)) == (D(2024, 3, 20), D(2025, 3, 20))
    assert (FuzzyDate.of_year(1403, J).end - FuzzyDate.of_year(1403, J).start).days == 365
    assert (FuzzyDate.of_year(1402, J).end - FuzzyDate.of_year(1402, J).start).days == 364


# --- Constructors ---------------------------------------------------------------------------


def test_constructors_in_the_gregorian_calendar() -> None:
    assert interval(FuzzyDate.of_day(2011, 3, 15)) == (D(2011, 3, 15), D(2011, 3, 15))
    assert interval(FuzzyDate.of_month(2011, 2)) == (D(2011, 2, 1), D(2011, 2, 28))
    assert interval(FuzzyDate.of_month(2012, 2)) == (D(2012, 2, 1), D(2012, 2, 29))
    assert interval(FuzzyDate.of_year(2011)) == (D(2011, 1, 1), D(2011, 12, 31))
    assert FuzzyDate.of_year(2011, circa=True).circa


@pytest.mark.parametrize(
    ("season", "start", "end"),
    [
        (1, D(2011, 3, 1), D(2011, 5, 31)),
        (2, D(2011, 6, 1), D(2011, 8, 31)),
        (3, D(2011, 9, 1), D(2011, 11, 30)),
        (4, D(2011, 12, 1), D(2012, 2, 29)),
    ],
)
def test_gregorian_seasons_are_meteorological(
    season: int, start: datetime.date, end: datetime.date
) -> None:
    date = FuzzyDate.of_season(2011, season)
    assert interval(date) == (start, end)
    assert date.precision is Precision.SEASON


def test_gregorian_winter_spans_the_new_year() -> None:
    winter = parse_date("winter 2012")
    assert interval(winter) == (D(2012, 12, 1), D(2013, 2, 28))
    assert format_date(winter, G) == "winter 2012"
    assert format_iso(winter) == "2012-12-01/2013-02-28"
    # A January day belongs to the winter named after the previous year.
    assert winter.start < D(2013, 1, 15) <= winter.end


@pytest.mark.parametrize(
    ("season", "start", "end"),
    [
        (1, D(2022, 3, 21), D(2022, 6, 21)),  # Bahar: 1 Farvardin – 31 Khordad 1401
        (2, D(2022, 6, 22), D(2022, 9, 22)),  # Tabestan: 1 Tir – 31 Shahrivar
        (3, D(2022, 9, 23), D(2022, 12, 21)),  # Paeez: 1 Mehr – 30 Azar
        (4, D(2022, 12, 22), D(2023, 3, 20)),  # Zemestan: 1 Dey – 29 Esfand 1401
    ],
)
def test_jalali_seasons_are_the_calendars_quarters(
    season: int, start: datetime.date, end: datetime.date
) -> None:
    assert interval(FuzzyDate.of_season(1401, season, J)) == (start, end)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: FuzzyDate.of_day(2011, 2, 29), "February 2011 has only 28 days"),
        (lambda: FuzzyDate.of_day(1401, 12, 30, J), "Esfand 1401 has only 29 days"),
        (lambda: FuzzyDate.of_month(2011, 13), "there is no month 13"),
        (lambda: FuzzyDate.of_season(2011, 5), "there is no season 5"),
        (lambda: FuzzyDate.of_year(0), "there is no year 0"),
        (lambda: FuzzyDate.of_year(10000), "years after 9999 are not supported"),
        (lambda: FuzzyDate.of_year(9378, J), "Jalali years after 9377 are not supported"),
        (lambda: FuzzyDate.of_season(9999, 4), "winter 9999 ends in 10000, which is not supported"),
    ],
)
def test_constructors_refuse_dates_that_do_not_exist(
    make: Callable[[], FuzzyDate], reason: str
) -> None:
    with pytest.raises(InvalidDate) as caught:
        make()
    assert caught.value.values["reason"] == reason


# --- Parsing: the accepted forms ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "calendar"),
    [
        ("2011-03-15", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, G),
        ("2011/03/15", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, G),
        ("2011.3.15", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, G),
        ("2011-03", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH, G),
        ("2011", D(2011, 1, 1), D(2011, 12, 31), Precision.YEAR, G),
        ("1401/07/07", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY, J),
        ("۱۴۰۱/۰۷/۰۷", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY, J),
        ("١٤٠١/٠٧/٠٧", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY, J),
        ("1389-12-24", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, J),
        ("1401/07", D(2022, 9, 23), D(2022, 10, 22), Precision.MONTH, J),
        ("۱۳۹۰", D(2011, 3, 21), D(2012, 3, 19), Precision.YEAR, J),
        ("  2011-03-15\t", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY, G),
    ],
)
def test_numeric_dates(
    text: str,
    start: datetime.date,
    end: datetime.date,
    precision: Precision,
    calendar: Calendar,
) -> None:
    assert parse_date(text) == FuzzyDate(start, end, precision, False, calendar)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("March 2011", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH),
        ("march 2011", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH),
        ("Mar 2011", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH),
        ("MAR. 2011", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH),
        ("Sept 2011", D(2011, 9, 1), D(2011, 9, 30), Precision.MONTH),
        ("15 March 2011", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY),
        ("March 15, 2011", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY),
        ("15 Feb 2012", D(2012, 2, 15), D(2012, 2, 15), Precision.DAY),
        ("مارس ۲۰۱۱", D(2011, 3, 1), D(2011, 3, 31), Precision.MONTH),
        ("۱۵ مارس ۲۰۱۱", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY),
        ("ژانویه ۲۰۱۱", D(2011, 1, 1), D(2011, 1, 31), Precision.MONTH),
        ("اوت ۲۰۱۱", D(2011, 8, 1), D(2011, 8, 31), Precision.MONTH),
        ("آگوست ۲۰۱۱", D(2011, 8, 1), D(2011, 8, 31), Precision.MONTH),
        ("دسامبر ۲۰۱۱", D(2011, 12, 1), D(2011, 12, 31), Precision.MONTH),
    ],
)
def test_gregorian_month_names(
    text: str, start: datetime.date, end: datetime.date, precision: Precision
) -> None:
    assert parse_date(text) == FuzzyDate(start, end, precision, False, G)


@pytest.mark.parametrize("text", ["مه ۲۰۱۱", "می ۲۰۱۱", "مى ۲۰۱۱", "مي 2011"])
def test_persian_may_is_not_mistaken_for_mehr(text: str) -> None:
    may = parse_date(text)
    assert may == FuzzyDate(D(2011, 5, 1), D(2011, 5, 31), Precision.MONTH, False, G)
    assert parse_date("مهر ۱۴۰۱").calendar is J


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Mehr 1401", D(2022, 9, 23), D(2022, 10, 22), Precision.MONTH),
        ("mehr 1401", D(2022, 9, 23), D(2022, 10, 22), Precision.MONTH),
        ("7 Mehr 1401", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY),
        ("مهر ۱۴۰۱", D(2022, 9, 23), D(2022, 10, 22), Precision.MONTH),
        ("۷ مهر ۱۴۰۱", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY),
        ("٧ مهر ١٤٠١", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY),
        ("۷ مهر ماه ۱۴۰۱", D(2022, 9, 29), D(2022, 9, 29), Precision.DAY),
        ("24 Esfand 1389", D(2011, 3, 15), D(2011, 3, 15), Precision.DAY),
        ("Farvardin 1403", D(2024, 3, 20), D(2024, 4, 19), Precision.MONTH),
        ("Ordibehesht 1402", D(2023, 4, 21), D(2023, 5, 21), Precision.MONTH),
        ("اردیبهشت ۱۴۰۲", D(2023, 4, 21), D(2023, 5, 21), Precision.MONTH),
        # As pasted from a document: a zero-width non-joiner inside the name.
        ("اردی\u200cبهشت ۱۴۰۲", D(2023, 4, 21), D(2023, 5, 21), Precision.MONTH),
        # Stretched with a tatweel, and wrapped in right-to-left marks.
        ("اسفنـــد ۱۴۰۲", D(2024, 2, 20), D(2024, 3, 19), Precision.MONTH),
        ("\u200fمهر ۱۴۰۱\u200f", D(2022, 9, 23), D(2022, 10, 22), Precision.MONTH),
        ("Khordad 1402", D(2023, 5, 22), D(2023, 6, 21), Precision.MONTH),
        ("Tir 1402", D(2023, 6, 22), D(2023, 7, 22), Precision.MONTH),
        ("Mordad 1402", D(2023, 7, 23), D(2023, 8, 22), Precision.MONTH),
        ("Amordad 1402", D(2023, 7, 23), D(2023, 8, 22), Precision.MONTH),
        ("امرداد ۱۴۰۲", D(2023, 7, 23), D(2023, 8, 22), Precision.MONTH),
        ("Shahrivar 1402", D(2023, 8, 23), D(2023, 9, 22), Precision.MONTH),
        ("Aban 1402", D(2023, 10, 23), D(2023, 11, 21), Precision.MONTH),
        ("آبان ۱۴۰۲", D(2023, 10, 23), D(2023, 11, 21), Precision.MONTH),
        ("Azar 1402", D(2023, 11, 22), D(2023, 12, 21), Precision.MONTH),
        ("آذر ۱۴۰۲", D(2023, 11, 22), D(2023, 12, 21), Precision.MONTH),
        ("Dey 1402", D(2023, 12, 22), D(2024, 1, 20), Precision.MONTH),
        ("Dei 1402", D(2023, 12, 22), D(2024, 1, 20), Precision.MONTH),
        ("دی ۱۴۰۲", D(2023, 12, 22), D(2024, 1, 20), Precision.MONTH),
        ("دي ۱۴۰۲", D(2023, 12, 22), D(2024, 1, 20), Precision.MONTH),  # Arabic yeh
        ("Bahman 1402", D(2024, 1, 21), D(2024, 2, 19), Precision.MONTH),
        ("Esfand 1402", D(2024, 2, 20), D(2024, 3, 19), Precision.MONTH),
        ("Isfand 1402", D(2024, 2, 20), D(2024, 3, 19), Precision.MONTH),
        ("اسفند ۱۴۰۳", D(2025, 2, 19), D(2025, 3, 20), Precision.MONTH),
    ],
)
def test_jalali_month_names(
    text: str, start: datetime.date, end: datetime.date, precision: Precision
) -> None:
    assert parse_date(text) == FuzzyDate(start, end, precision, False, J)


@pytest.mark.parametrize(
    ("text", "start", "end", "calendar"),
    [
        ("spring 2011", D(2011, 3, 1), D(2011, 5, 31), G),
        ("Summer 2011", D(2011, 6, 1), D(2011, 8, 31), G),
        ("autumn 2011", D(2011, 9, 1), D(2011, 11, 30), G),
        ("fall 2011", D(2011, 9, 1), D(2011, 11, 30), G),
        ("winter 2011", D(2011, 12, 1), D(2012, 2, 29), G),
        ("spring of 2011", D(2011, 3, 1), D(2011, 5, 31), G),
        ("بهار ۱۴۰۱", D(2022, 3, 21), D(2022, 6, 21), J),
        ("بهار سال ۱۴۰۱", D(2022, 3, 21), D(2022, 6, 21), J),
        ("تابستان ۱۴۰۱", D(2022, 6, 22), D(2022, 9, 22), J),
        ("پاییز ۱۴۰۱", D(2022, 9, 23), D(2022, 12, 21), J),
        ("پائیز ۱۴۰۱", D(2022, 9, 23), D(2022, 12, 21), J),
        ("زمستان ۱۴۰۱", D(2022, 12, 22), D(2023, 3, 20), J),
        ("Bahar 1401", D(2022, 3, 21), D(2022, 6, 21), J),
        ("Tabestan 1401", D(2022, 6, 22), D(2022, 9, 22), J),
        ("Paeez 1401", D(2022, 9, 23), D(2022, 12, 21), J),
        ("Payiz 1401", D(2022, 9, 23), D(2022, 12, 21), J),
        ("Zemestan 1401", D(2022, 12, 22), D(2023, 3, 20), J),
    ],
)
def test_seasons(text: str, start: datetime.date, end: datetime.date, calendar: Calendar) -> None:
    assert parse_date(text) == FuzzyDate(start, end, Precision.SEASON, False, calendar)


def test_persian_season_words_with_a_gregorian_year_are_gregorian() -> None:
    # Persian has no separate words for Gregorian seasons, so "بهار ۲۰۱۱" is spring 2011;
    # this is also what format_date writes for spring 2011 in Persian.
    assert parse_date("بهار ۲۰۱۱") == parse_date("spring 2011")


@pytest.mark.parametrize(
    "prefix",
    [
        *("c.", "c. ", "c ", "C.", "ca.", "ca. ", "circa ", "Circa ", "~", "~ ", "about "),
        *("حدود ", "حدوداً ", "حدودا ", "تقریباً ", "تقریبا ", "تقريباً "),
    ],
)
def test_circa_prefixes(prefix: str) -> None:
    plain = parse_date("2011-03-15")
    approximate = parse_date(prefix + "2011-03-15")
    assert approximate.circa
    assert not plain.circa
    assert interval(approximate) == interval(plain)


def test_circa_with_names_and_persian_digits() -> None:
    assert parse_date("حدود بهار ۱۴۰۱") == FuzzyDate(
        D(2022, 3, 21), D(2022, 6, 21), Precision.SEASON, True, J
    )
    assert parse_date("circa March 2011").circa
    assert parse_date("~ ۱۳۹۰").circa


# --- Calendar inference ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("1200", J),
        ("1499", J),
        ("1199", G),
        ("1500", G),
        ("1390/01/01", J),
        ("1999-01-01", G),
        ("2011", G),
        ("900", G),
        # Names decide, whatever the year looks like.
        ("March 1401", G),
        ("Mehr 2011", J),
        ("spring 1390", G),
        ("Bahar 2011", J),
    ],
)
def test_calendar_is_inferred(text: str, calendar: Calendar) -> None:
    assert parse_date(text).calendar is calendar


def test_a_given_calendar_decides_numeric_dates() -> None:
    assert parse_date("1401/07/07", G) == FuzzyDate.of_day(1401, 7, 7, G)
    assert parse_date("2011", J) == FuzzyDate.of_year(2011, J)
    assert parse_date("1390", J) == parse_date("1390")
    assert parse_date("بهار ۱۴۰۱", G) == FuzzyDate.of_season(1401, 1, G)
    assert parse_date("Mehr 1401", J) == parse_date("Mehr 1401")


@pytest.mark.parametrize(
    ("text", "calendar", "reason"),
    [
        ("Mehr 1401", G, "Mehr is a month of the Jalali calendar"),
        ("۷ مهر ۱۴۰۱", G, "Mehr is a month of the Jalali calendar"),
        ("March 2011", J, "March is a month of the Gregorian calendar"),
        ("مارس ۲۰۱۱", J, "March is a month of the Gregorian calendar"),
        ("spring 2011", J, "spring is a season of the Gregorian calendar"),
        ("Bahar 1401", G, "Bahar is a season of the Jalali calendar"),
    ],
)
def test_a_month_of_the_other_calendar_is_refused(
    text: str, calendar: Calendar, reason: str
) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(text, calendar)
    assert caught.value.values["reason"] == reason


# --- Parsing: what is refused ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2011-13-40", "there is no month 13"),
        ("1401/13/01", "there is no month 13"),
        ("2011-00-10", "there is no month 0"),
        ("2011-04-31", "April 2011 has only 30 days"),
        ("2011-02-29", "February 2011 has only 28 days"),
        ("31 April 2011", "April 2011 has only 30 days"),
        ("2011-01-00", "there is no day 0"),
        ("1401/12/30", "Esfand 1401 has only 29 days"),
        ("۱۴۰۲/۱۲/۳۰", "Esfand 1402 has only 29 days"),
        ("30 Esfand 1402", "Esfand 1402 has only 29 days"),
        ("1401/07/32", "Mehr 1401 has only 30 days"),
        ("", "nothing was entered"),
        ("   ", "nothing was entered"),
        ("c.", "the date itself is missing"),
        ("hello", "“hello” is not a month or season Amanat knows"),
        ("Marhc 2011", "“Marhc” is not a month or season Amanat knows"),
        ("2011-03-15T10:00", "use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011"),
        ("2011-03/15", "use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011"),
        ("spring 15 2011", "use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011"),
        ("March", "the year is missing"),
        ("15 March", "the year is missing"),
        ("0000", "there is no year 0"),
        ("0000-01-01", "there is no year 0"),
        ("March 0000", "there is no year 0"),
        ("10000", "years after 9999 are not supported"),
        ("10000-01-01", "years after 9999 are not supported"),
        ("89/12/24", "write the year in full, as in 2011 or 1390"),
        ("Mehr 89", "write the year in full, as in 2011 or 1390"),
        ("24/12/1389", "write the year first, as in 2011-03-15 or 1401/07/07"),
        ("9" * 200, "it is too long to be a date"),
    ],
)
def test_invalid_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(text)
    assert caught.value.values["text"] == text
    assert caught.value.values["reason"] == reason
    # The code the application translates the reason by.
    assert caught.value.values["problem"] in DATE_PROBLEMS
    assert str(caught.value) == f"“{text}” is not a date Amanat understands: {reason}."


@pytest.mark.parametrize(
    ("text", "problem", "values"),
    [
        ("1401/12/30", "month-too-short", {"calendar": "jalali", "month": 12, "days": 29}),
        ("2011-13-40", "no-month", {"month": 13}),
        ("Marhc 2011", "unknown-word", {"word": "Marhc"}),
        ("89/12/24", "short-year", {}),
        ("Farvardin 2011", "other-calendar-month", {"calendar": "jalali", "number": 1}),
    ],
)
def test_a_refused_date_carries_the_numbers_its_sentence_needs(
    text: str, problem: str, values: dict[str, object]
) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(text, Calendar.GREGORIAN if problem.startswith("other") else None)
    assert caught.value.values["problem"] == problem
    assert values.items() <= caught.value.values.items()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مهرماه ۱۴۰۱", FuzzyDate.of_month(1401, 7, Calendar.JALALI)),
        ("۷ مهرماه ۱۴۰۱", FuzzyDate.of_day(1401, 7, 7, Calendar.JALALI)),
        ("فروردین\u200cماه ۱۴۰۰", FuzzyDate.of_month(1400, 1, Calendar.JALALI)),
        ("سال ۱۴۰۱", FuzzyDate.of_year(1401, Calendar.JALALI)),
        ("حدوداً سال ۱۳۹۰", FuzzyDate.of_year(1390, Calendar.JALALI, circa=True)),
        ("in 2011", FuzzyDate.of_year(2011)),
    ],
)
def test_persian_ways_of_naming_a_month_or_a_year_are_read(text: str, expected: FuzzyDate) -> None:
    assert parse_date(text) == expected


def test_invalid_date_is_an_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        parse_date("garbage")


# --- Sorting ----------------------------------------------------------------------------------


def test_a_month_sorts_among_exact_days() -> None:
    feb_28 = parse_date("2011-02-28")
    mar_1 = parse_date("2011-03-01")
    march = parse_date("March 2011")
    mar_15 = parse_date("2011-03-15")
    april = parse_date("2011-04-01")
    shuffled = [april, mar_15, march, feb_28, mar_1]
    # A month sorts at its first day, after an exact first day of the month.
    assert sorted(shuffled, key=lambda d: d.sort_key) == [feb_28, mar_1, march, mar_15, april]


def test_jalali_and_gregorian_dates_sort_together() -> None:
    esfand_24 = parse_date("24 Esfand 1389")  # 15 March 2011
    mar_14 = parse_date("2011-03-14")
    mar_16 = parse_date("2011-03-16")
    year_1390 = parse_date("1390")  # from 21 March 2011
    ordered = sorted([year_1390, mar_16, esfand_24, mar_14], key=lambda d: d.sort_key)
    assert ordered == [mar_14, esfand_24, mar_16, year_1390]


# --- Formatting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english", "persian"),
    [
        ("2011-03-15", "15 March 2011", "۱۵ مارس ۲۰۱۱"),
        ("March 2011", "March 2011", "مارس ۲۰۱۱"),
        ("May 2011", "May 2011", "مه ۲۰۱۱"),
        ("spring 2011", "spring 2011", "بهار ۲۰۱۱"),
        ("fall 2011", "autumn 2011", "پاییز ۲۰۱۱"),
        ("winter 2011", "winter 2011", "زمستان ۲۰۱۱"),
        ("2011", "2011", "۲۰۱۱"),
        ("c. 2011", "c. 2011", "حدود ۲۰۱۱"),
        ("~March 2011", "c. March 2011", "حدود مارس ۲۰۱۱"),
    ],
)
def test_gregorian_dates_in_gregorian(text: str, english: str, persian: str) -> None:
    date = parse_date(text)
    assert format_date(date, G) == english
    assert format_date(date, G, "en") == english
    assert format_date(date, G, "fa") == persian


@pytest.mark.parametrize(
    ("text", "english", "persian"),
    [
        ("1389/12/24", "24 Esfand 1389", "۲۴ اسفند ۱۳۸۹"),
        ("Esfand 1389", "Esfand 1389", "اسفند ۱۳۸۹"),
        ("Bahar 1390", "Bahar 1390", "بهار ۱۳۹۰"),
        ("بهار ۱۴۰۱", "Bahar 1401", "بهار ۱۴۰۱"),
        ("تابستان ۱۴۰۱", "Tabestan 1401", "تابستان ۱۴۰۱"),
        ("پائیز ۱۴۰۱", "Paeez 1401", "پاییز ۱۴۰۱"),
        ("زمستان ۱۴۰۱", "Zemestan 1401", "زمستان ۱۴۰۱"),
        ("1390", "1390", "۱۳۹۰"),
        ("حدوداً ۱۳۹۰", "c. 1390", "حدود ۱۳۹۰"),
    ],
)
def test_jalali_dates_in_jalali(text: str, english: str, persian: str) -> None:
    date = parse_date(text)
    assert format_date(date, J) == english
    assert format_date(date, J, "fa") == persian


@pytest.mark.parametrize(
    ("date", "shown_in", "english", "persian"),
    [
        (
            FuzzyDate.of_month(2011, 3),
            J,
            "10 Esfand 1389 – 11 Farvardin 1390",
            "۱۰ اسفند ۱۳۸۹ – ۱۱ فروردین ۱۳۹۰",
        ),
        (
            FuzzyDate.of_year(1390, J),
            G,
            "21 March 2011 – 19 March 2012",
            "۲۱ مارس ۲۰۱۱ – ۱۹ مارس ۲۰۱۲",
        ),
        (
            FuzzyDate.of_season(1401, 1, J),
            G,
            "21 March 2022 – 21 June 2022",
            "۲۱ مارس ۲۰۲۲ – ۲۱ ژوئن ۲۰۲۲",
        ),
        (
            FuzzyDate.of_season(2011, 4, G, circa=True),
            J,
            "c. 10 Azar 1390 – 10 Esfand 1390",
            "حدود ۱۰ آذر ۱۳۹۰ – ۱۰ اسفند ۱۳۹۰",
        ),
        (
            FuzzyDate.of_month(1389, 12, J),
            G,
            "20 February 2011 – 20 March 2011",
            "۲۰ فوریه ۲۰۱۱ – ۲۰ مارس ۲۰۱۱",
        ),
    ],
)
def test_months_seasons_and_years_become_ranges_in_the_other_calendar(
    date: FuzzyDate, shown_in: Calendar, english: str, persian: str
) -> None:
    assert format_date(date, shown_in) == english
    assert format_date(date, shown_in, "fa") == persian


def test_days_convert_exactly_between_calendars() -> None:
    assert format_date(parse_date("7 Mehr 1401"), G) == "29 September 2022"
    assert format_date(parse_date("2022-09-29"), J) == "7 Mehr 1401"
    assert format_date(parse_date("~2022-09-29"), J, "fa") == "حدود ۷ مهر ۱۴۰۱"


def test_dates_jdatetime_cannot_name_are_shown_in_gregorian() -> None:
    assert format_date(FuzzyDate.of_day(500, 3, 1), J) == "1 March 500"
    assert format_date(FuzzyDate.of_day(622, 3, 21), J) == "1 Farvardin 1"
    assert format_date(FuzzyDate.of_day(9999, 3, 20), J) == "30 Esfand 9377"
    assert format_date(FuzzyDate.of_day(9999, 3, 21), J) == "21 March 9999"
    assert format_date(FuzzyDate.of_year(9999), J, "fa") == "۹۹۹۹"


def test_format_date_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="de"):
        format_date(FuzzyDate.of_year(2011), G, "de")


@pytest.mark.parametrize(
    "text",
    [
        *("2011-03-15", "March 2011", "spring 2011", "winter 2011", "2011", "c. 2011"),
        *("1389/12/24", "Esfand 1389", "Bahar 1390", "Zemestan 1401", "1390", "~Mehr 1401"),
        *("1403/12/30", "1 Farvardin 1403", "30 Esfand 1403", "~ 2024-02-29"),
    ],
)
@pytest.mark.parametrize("language", ["en", "fa"])
def test_what_format_date_shows_in_the_entry_calendar_parses_back(text: str, language: str) -> None:
    date = parse_date(text)
    assert parse_date(format_date(date, date.calendar, language)) == date


# --- Machine forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2011-03-15", "2011-03-15"),
        ("March 2011", "2011-03"),
        ("2011", "2011"),
        ("spring 2011", "2011-03-01/2011-05-31"),
        ("winter 2011", "2011-12-01/2012-02-29"),
        ("c. 2011-03-15", "~2011-03-15"),
        ("about March 2011", "~2011-03"),
        ("c. 2011", "~2011"),
        ("1389/12/24", "2011-03-15"),
        ("Esfand 1389", "2011-02-20/2011-03-20"),
        ("1390", "2011-03-21/2012-03-19"),
        ("حدود بهار ۱۴۰۱", "~2022-03-21/2022-06-21"),
        ("0622", "0622"),
    ],
)
def test_format_iso(text: str, iso: str) -> None:
    assert format_iso(parse_date(text)) == iso


def test_iso_days_and_circa_parse_back() -> None:
    for text in ["2011-03-15", "~2011-03-15", "2011-03", "~2011"]:
        assert format_iso(parse_date(text)) == text
        assert format_iso(parse_date(format_iso(parse_date(text)))) == text


SAMPLES = [
    FuzzyDate.of_day(2011, 3, 15),
    FuzzyDate.of_day(1389, 12, 24, J),
    FuzzyDate.of_day(1403, 12, 30, J, circa=True),
    FuzzyDate.of_month(2011, 3),
    FuzzyDate.of_month(1401, 7, J, circa=True),
    FuzzyDate.of_season(2011, 4),
    FuzzyDate.of_season(1401, 3, J),
    FuzzyDate.of_year(2011, circa=True),
    FuzzyDate.of_year(1390, J),
    FuzzyDate.of_day(1, 1, 1),
    FuzzyDate.of_year(9999),
]


@pytest.mark.parametrize("date", SAMPLES, ids=format_iso)
def test_storage_round_trip(date: FuzzyDate) -> None:
    stored = to_storage(date)
    assert stored == (
        date.start.isoformat(),
        date.end.isoformat(),
        date.precision.value,
        1 if date.circa else 0,
        date.calendar.value,
    )
    assert all(type(v) is str for v in (stored[0], stored[1], stored[2], stored[4]))
    assert type(stored[3]) is int
    assert from_storage(*stored) == date


@pytest.mark.parametrize("date", SAMPLES, ids=format_iso)
def test_dict_round_trip(date: FuzzyDate) -> None:
    data = to_dict(date)
    assert set(data) == {"start", "end", "precision", "circa", "calendar"}
    assert data["circa"] is date.circa
    assert from_dict(data) == date


def test_storage_values_in_full() -> None:
    date = parse_date("حدود اسفند ۱۳۸۹")
    assert to_storage(date) == ("2011-02-20", "2011-03-20", "month", 1, "jalali")
    assert to_dict(date) == {
        "start": "2011-02-20",
        "end": "2011-03-20",
        "precision": "month",
        "circa": True,
        "calendar": "jalali",
    }


@pytest.mark.parametrize(
    "values",
    [
        ("2011-03-15", "2011-03-14", "day", 0, "gregorian"),
        ("2011-03-15", "2011-03-15", "week", 0, "gregorian"),
        ("2011-03-15", "2011-03-15", "day", 2, "gregorian"),
        ("2011-03-15", "2011-03-15", "day", 0, "hebrew"),
        ("15/03/2011", "2011-03-15", "day", 0, "gregorian"),
    ],
)
def test_from_storage_refuses_damaged_values(values: tuple[str, str, str, int, str]) -> None:
    with pytest.raises(ValueError):
        from_storage(*values)


@pytest.mark.parametrize(
    "data",
    [
        {"start": "2011-03-15", "end": "2011-03-15", "precision": "day", "circa": False},
        {
            "start": "2011-03-15",
            "end": "2011-03-15",
            "precision": "day",
            "circa": 0,
            "calendar": "gregorian",
        },
        {
            "start": 20110315,
            "end": "2011-03-15",
            "precision": "day",
            "circa": False,
            "calendar": "gregorian",
        },
    ],
)
def test_from_dict_refuses_incomplete_or_mistyped_data(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        from_dict(data)


# --- Spans ----------------------------------------------------------------------------------


def test_validate_span() -> None:
    march = parse_date("March 2011")
    validate_span(march, None)
    validate_span(march, parse_date("2011-04-02"))
    validate_span(march, march)
    # Fuzzy ends may overlap the start: "March 2011" to "2011-03-10" is not refused, nor is
    # "2011-03-15" to "March 2011", although March begins before the 15th.
    validate_span(march, parse_date("2011-03-10"))
    validate_span(parse_date("2011-03-15"), march)
    with pytest.raises(InvalidInput) as caught:
        validate_span(march, parse_date("2011-02-28"))
    assert str(caught.value) == "The end date comes before the start date."
    assert not isinstance(caught.value, InvalidDate)
