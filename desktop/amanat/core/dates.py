"""Fuzzy dates: a day, a month, a season or a year, perhaps only approximately known.

A letter may be dated "15 March 2011", "Esfand 1389", "spring 2011" or "circa 1390". Each is
kept as the Gregorian interval it covers (first and last day, inclusive), its precision, whether
it is approximate, and the calendar it was entered in, so it sorts among exact dates and can be
shown again in either calendar.

``parse_date`` reads what people type (ASCII, Persian or Arabic-Indic digits; English, Persian
or transliterated month and season names); ``format_date`` shows a date in either calendar in
English or Persian; ``format_iso``, ``to_storage`` and ``to_dict`` are the machine forms.
Calendar arithmetic for the Solar Hijri (Jalali) calendar is jdatetime's.
"""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime
import re
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, NamedTuple

from amanat.core.digits import to_ascii_digits, to_persian_digits
from amanat.core.errors import QT_TRANSLATE_NOOP, InvalidDate, InvalidInput

with warnings.catch_warnings():
    # On import jdatetime builds its date.min without a locale; under the C locale that asks
    # the deprecated locale.getdefaultlocale(), whose warning would fail the test suite
    # (filterwarnings = error). Our own calls pass a locale, see _JDATETIME_LOCALE.
    warnings.filterwarnings("ignore", "'locale.getdefaultlocale'", DeprecationWarning)
    # pyproject.toml already excuses jdatetime's missing stubs; the ignore serves runs without it.
    import jdatetime  # type: ignore[import-untyped, unused-ignore]


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    JALALI = "jalali"


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    start: datetime.date
    """First day the date may mean."""
    end: datetime.date
    """Last day the date may mean (inclusive)."""
    precision: Precision
    circa: bool = False
    calendar: Calendar = Calendar.GREGORIAN
    """The calendar the date was entered in; months and seasons are that calendar's."""

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        return (self.start, self.end)

    @classmethod
    def of_day(
        cls,
        year: int,
        month: int,
        day: int,
        calendar: Calendar = Calendar.GREGORIAN,
        circa: bool = False,
    ) -> FuzzyDate:
        """One day of ``calendar``; raises InvalidDate if there is no such day."""
        return _day(year, month, day, calendar, circa, _typed(calendar, year, month, day))

    @classmethod
    def of_month(
        cls,
        year: int,
        month: int,
        calendar: Calendar = Calendar.GREGORIAN,
        circa: bool = False,
    ) -> FuzzyDate:
        """A whole month (1–12) of ``calendar``."""
        return _month(year, month, calendar, circa, _typed(calendar, year, month))

    @classmethod
    def of_season(
        cls,
        year: int,
        season: int,
        calendar: Calendar = Calendar.GREGORIAN,
        circa: bool = False,
    ) -> FuzzyDate:
        """A season, 1 = spring/Bahar … 4 = winter/Zemestan.

        Jalali seasons are the calendar's own quarters (Bahar is Farvardin–Khordad). Gregorian
        seasons are the northern meteorological ones, so winter 2011 is December 2011 through
        February 2012.
        """
        return _season(year, season, calendar, circa, f"season {season} of {year}")

    @classmethod
    def of_year(
        cls,
        year: int,
        calendar: Calendar = Calendar.GREGORIAN,
        circa: bool = False,
    ) -> FuzzyDate:
        """A whole year; a Jalali year runs from 1 Farvardin to the last day of Esfand."""
        return _year(year, calendar, circa, str(year))


# --- Names ------------------------------------------------------------------------------

GREGORIAN_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
GREGORIAN_MONTHS_FA = (
    "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
)  # fmt: skip
JALALI_MONTHS_EN = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)  # fmt: skip
JALALI_MONTHS_FA = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip
GREGORIAN_SEASONS_EN = ("spring", "summer", "autumn", "winter")
JALALI_SEASONS_EN = ("Bahar", "Tabestan", "Paeez", "Zemestan")
SEASONS_FA = ("بهار", "تابستان", "پاییز", "زمستان")
"""Persian has one word per season for both calendars; the year says which calendar is meant."""

# Other spellings people type, each mapped to the name above it stands for (compared after
# casefolding and Persian letter normalisation, see _normalise).
_OTHER_SPELLINGS = {
    "sept": "September",
    "fall": "autumn",
    "می": "مه",
    "آگوست": "اوت",
    "اگوست": "اوت",
    "اوریل": "آوریل",
    "ژوییه": "ژوئیه",
    "farvardeen": "Farvardin",
    "khordaad": "Khordad",
    "amordad": "Mordad",
    "mordaad": "Mordad",
    "shahrewar": "Shahrivar",
    "shahriwar": "Shahrivar",
    "abaan": "Aban",
    "aazar": "Azar",
    "dei": "Dey",
    "isfand": "Esfand",
    "esphand": "Esfand",
    "امرداد": "مرداد",
    "ابان": "آبان",
    "اذر": "آذر",
    "tabestaan": "Tabestan",
    "paiz": "Paeez",
    "payiz": "Paeez",
    "paeiz": "Paeez",
    "payeez": "Paeez",
    "zemestaan": "Zemestan",
    "پائیز": "پاییز",
}

# Words that may stand around a name without changing the date: "مهر ماه ۱۴۰۱", "بهار سال ۱۴۰۱",
# "spring of 2011".
_FILLER_WORDS = frozenset({"of", "in", "year", "ماه", "سال", "در"})

DATE_PROBLEMS = frozenset(
    {
        "empty", "too-long", "only-circa", "short-year", "year-first", "unknown-word", "form",
        "no-year-given", "no-year", "year-too-late", "jalali-year-too-late", "no-month",
        "no-day", "month-too-short", "no-season", "winter-too-late", "other-calendar-month",
        "other-calendar-season",
    }
)  # fmt: skip
"""The ``problem`` codes an InvalidDate from this module carries (see parse_date)."""

PROBLEM_SENTENCES: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("Messages", "nothing was entered"),
    "too-long": QT_TRANSLATE_NOOP("Messages", "it is too long to be a date"),
    "only-circa": QT_TRANSLATE_NOOP("Messages", "the date itself is missing"),
    "short-year": QT_TRANSLATE_NOOP("Messages", "write the year in full, as in 2011 or 1390"),
    "year-first": QT_TRANSLATE_NOOP(
        "Messages", "write the year first, as in 2011-03-15 or 1401/07/07"
    ),
    "unknown-word": QT_TRANSLATE_NOOP("Messages", "“{word}” is not a month or season Amanat knows"),
    "form": QT_TRANSLATE_NOOP(
        "Messages", "use a form such as 2011-03-15, March 2011, Mehr 1401 or spring 2011"
    ),
    "no-year-given": QT_TRANSLATE_NOOP("Messages", "the year is missing"),
    "no-year": QT_TRANSLATE_NOOP("Messages", "there is no year {year}"),
    "year-too-late": QT_TRANSLATE_NOOP("Messages", "years after {limit} are not supported"),
    "jalali-year-too-late": QT_TRANSLATE_NOOP(
        "Messages", "Jalali years after {limit} are not supported"
    ),
    "no-month": QT_TRANSLATE_NOOP("Messages", "there is no month {month}"),
    "no-day": QT_TRANSLATE_NOOP("Messages", "there is no day {day}"),
    "month-too-short": QT_TRANSLATE_NOOP("Messages", "{month_name} {year} has only {days} days"),
    "no-season": QT_TRANSLATE_NOOP("Messages", "there is no season {season}"),
    "winter-too-late": QT_TRANSLATE_NOOP(
        "Messages", "winter {year} ends in {next_year}, which is not supported"
    ),
    "other-calendar-month": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a month of the {calendar} calendar"
    ),
    "other-calendar-season": QT_TRANSLATE_NOOP(
        "Messages", "{name} is a season of the {calendar} calendar"
    ),
}
"""Why a date was refused, by problem code: the one English sentence, which the command line
shows as the InvalidDate's ``reason`` and the window translates (gui/messages.py)."""


def _reason(problem: str, **values: object) -> str:
    return PROBLEM_SENTENCES[problem].format(**values)


_CIRCA_EN = "c. "
_CIRCA_FA = "حدود "
_RANGE_DASH = " – "
_MAX_INPUT = 100
_FIRST_JALALI_GUESS, _LAST_JALALI_GUESS = 1200, 1499
_MAX_GREGORIAN_YEAR = datetime.MAXYEAR
# jdatetime stops here; Jalali 9377 ends in March 9999, next to datetime.date's own limit.
_MAX_JALALI_YEAR: int = jdatetime.MAXYEAR
# Giving jdatetime a locale keeps it from consulting the process locale, which it does through
# the deprecated locale.getdefaultlocale() when the locale is C.
_JDATETIME_LOCALE = "fa_IR"


class _Name(NamedTuple):
    kind: Literal["month", "season"]
    calendar: Calendar | None
    """None for the Persian season words, which serve both calendars."""
    number: int
    """1-based month or season number."""


_INVISIBLE = {
    ord(c): None
    for c in "\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\ufeff\u0640"
}
_ARABIC_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def _normalise(text: str) -> str:
    """Fold away the differences between how the same date is typed on different keyboards.

    Text pasted from Persian documents carries direction marks and zero-width joiners; Arabic
    keyboards give Arabic yeh and kaf; "حدوداً" carries a tanvin. NFC comes first so that
    a decomposed آ is composed before combining marks are dropped.
    """
    text = unicodedata.normalize("NFC", to_ascii_digits(text))
    text = text.translate(_INVISIBLE).translate(_ARABIC_LETTERS)
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c == "\u0670"))


def _key(word: str) -> str:
    return _normalise(word).casefold().rstrip(".")


def _build_names() -> dict[str, _Name]:
    names: dict[str, _Name] = {}

    def add(words: tuple[str, ...], kind: Literal["month", "season"], cal: Calendar | None) -> None:
        for number, word in enumerate(words, start=1):
            names[_key(word)] = _Name(kind, cal, number)

    add(GREGORIAN_MONTHS_EN, "month", Calendar.GREGORIAN)
    add(tuple(name[:3] for name in GREGORIAN_MONTHS_EN), "month", Calendar.GREGORIAN)
    add(GREGORIAN_MONTHS_FA, "month", Calendar.GREGORIAN)
    add(JALALI_MONTHS_EN, "month", Calendar.JALALI)
    add(JALALI_MONTHS_FA, "month", Calendar.JALALI)
    add(GREGORIAN_SEASONS_EN, "season", Calendar.GREGORIAN)
    add(JALALI_SEASONS_EN, "season", Calendar.JALALI)
    add(SEASONS_FA, "season", None)
    for other, canonical in _OTHER_SPELLINGS.items():
        names[_key(other)] = names[_key(canonical)]
    return names


_NAMES = _build_names()


# --- Calendar arithmetic -----------------------------------------------------------------


def _jalali(year: int, month: int, day: int) -> datetime.date:
    gregorian: datetime.date = jdatetime.date(
        year, month, day, locale=_JDATETIME_LOCALE
    ).togregorian()
    return gregorian


def _month_length(cal: Calendar, year: int, month: int) -> int:
    if cal is Calendar.GREGORIAN:
        return gregorian_calendar.monthrange(year, month)[1]
    if month < 12:
        length: int = jdatetime.j_days_in_month[month - 1]
        return length
    leap: bool = jdatetime.date(year, 1, 1, locale=_JDATETIME_LOCALE).isleap()
    return 30 if leap else 29


# The days jdatetime can name; format_date shows anything outside them in Gregorian.
_FIRST_JALALI_DAY = _jalali(1, 1, 1)
_LAST_JALALI_DAY = _jalali(
    _MAX_JALALI_YEAR, 12, _month_length(Calendar.JALALI, _MAX_JALALI_YEAR, 12)
)


def _to_date(cal: Calendar, year: int, month: int, day: int) -> datetime.date:
    if cal is Calendar.GREGORIAN:
        return datetime.date(year, month, day)
    return _jalali(year, month, day)


def _parts(day: datetime.date, cal: Calendar) -> tuple[int, int, int]:
    """(year, month, day) of a Gregorian day in ``cal``."""
    if cal is Calendar.GREGORIAN:
        return day.year, day.month, day.day
    j = jdatetime.date.fromgregorian(date=day, locale=_JDATETIME_LOCALE)
    return int(j.year), int(j.month), int(j.day)


def _month_name_en(cal: Calendar, month: int) -> str:
    return (GREGORIAN_MONTHS_EN if cal is Calendar.GREGORIAN else JALALI_MONTHS_EN)[month - 1]


def _typed(cal: Calendar, *numbers: int) -> str:
    """How a constructor's arguments would have been typed, for its error messages."""
    separator = "-" if cal is Calendar.GREGORIAN else "/"
    return separator.join(f"{n:02d}" for n in numbers)


# --- Building dates (each check raises InvalidDate naming what the user typed) -----------


def _check_year(year: int, cal: Calendar, text: str) -> None:
    if year < 1:
        raise InvalidDate(
            text=text, reason=_reason("no-year", year=year), problem="no-year", year=year
        )
    if cal is Calendar.GREGORIAN and year > _MAX_GREGORIAN_YEAR:
        raise InvalidDate(
            text=text,
            reason=_reason("year-too-late", limit=_MAX_GREGORIAN_YEAR),
            problem="year-too-late",
            limit=_MAX_GREGORIAN_YEAR,
        )
    if cal is Calendar.JALALI and year > _MAX_JALALI_YEAR:
        raise InvalidDate(
            text=text,
            reason=_reason("jalali-year-too-late", limit=_MAX_JALALI_YEAR),
            problem="jalali-year-too-late",
            limit=_MAX_JALALI_YEAR,
        )


def _check_month(month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(
            text=text, reason=_reason("no-month", month=month), problem="no-month", month=month
        )


def _day(year: int, month: int, day: int, cal: Calendar, circa: bool, text: str) -> FuzzyDate:
    _check_year(year, cal, text)
    _check_month(month, text)
    length = _month_length(cal, year, month)
    if day < 1:
        raise InvalidDate(text=text, reason=_reason("no-day", day=day), problem="no-day", day=day)
    if day > length:
        month_name = _month_name_en(cal, month)
        raise InvalidDate(
            text=text,
            reason=_reason("month-too-short", month_name=month_name, year=year, days=length),
            problem="month-too-short",
            calendar=cal.value,
            month=month,
            year=year,
            days=length,
        )
    date = _to_date(cal, year, month, day)
    return FuzzyDate(date, date, Precision.DAY, circa, cal)


def _month(year: int, month: int, cal: Calendar, circa: bool, text: str) -> FuzzyDate:
    _check_year(year, cal, text)
    _check_month(month, text)
    start = _to_date(cal, year, month, 1)
    end = _to_date(cal, year, month, _month_length(cal, year, month))
    return FuzzyDate(start, end, Precision.MONTH, circa, cal)


def _season(year: int, season: int, cal: Calendar, circa: bool, text: str) -> FuzzyDate:
    _check_year(year, cal, text)
    if not 1 <= season <= 4:
        raise InvalidDate(
            text=text,
            reason=_reason("no-season", season=season),
            problem="no-season",
            season=season,
        )
    if cal is Calendar.JALALI:
        first, last = 3 * season - 2, 3 * season
        start = _jalali(year, first, 1)
        end = _jalali(year, last, _month_length(cal, year, last))
        return FuzzyDate(start, end, Precision.SEASON, circa, cal)
    start = datetime.date(year, 3 * season, 1)
    if season < 4:
        end = datetime.date(year, 3 * season + 2, _month_length(cal, year, 3 * season + 2))
    elif year == _MAX_GREGORIAN_YEAR:
        raise InvalidDate(
            text=text,
            reason=_reason("winter-too-late", year=year, next_year=year + 1),
            problem="winter-too-late",
            year=year,
            next_year=year + 1,
        )
    else:
        end = datetime.date(year + 1, 2, _month_length(cal, year + 1, 2))
    return FuzzyDate(start, end, Precision.SEASON, circa, cal)


def _year(year: int, cal: Calendar, circa: bool, text: str) -> FuzzyDate:
    _check_year(year, cal, text)
    start = _to_date(cal, year, 1, 1)
    end = _to_date(cal, year, 12, _month_length(cal, year, 12))
    return FuzzyDate(start, end, Precision.YEAR, circa, cal)


# --- Parsing -----------------------------------------------------------------------------

_CIRCA_PREFIX = re.compile(r"(?:circa\b|ca\.|ca\b|c\.|c\b|about\b|~|حدودا|حدود|تقریبا)\s*")
_NUMERIC = re.compile(r"([0-9]+)(?:([-/.])([0-9]+)(?:\2([0-9]+))?)?")
_NUMBER = re.compile(r"[0-9]+")
_TOKEN_SPLIT = re.compile(r"[\s,،]+")


def parse_date(text: str, calendar: Calendar | None = None) -> FuzzyDate:
    """Read a date as people type it; raises InvalidDate saying what is wrong.

    Accepts "2011-03-15", "1401/07/07" (any of ``-/.``; year first), "March 2011",
    "15 March 2011", "March 15, 2011", "7 Mehr 1401", "۷ مهر ۱۴۰۱", "مهرماه ۱۴۰۱", "spring 2011",
    "بهار ۱۴۰۱", "سال ۱۴۰۱", with ASCII, Persian or Arabic-Indic digits, optionally after "c.",
    "circa", "~", "حدود" and the like. Without ``calendar``, month and season names decide the
    calendar, and so does the year of a purely numeric date (1200–1499 is Jalali). A given
    ``calendar`` decides numeric dates and the Persian season words, and a month name of the
    other calendar is an error.

    Each InvalidDate carries, besides its English ``reason``, a ``problem`` code and the
    numbers it names, so that the application can say the same in the user's language.
    """
    normal = _normalise(text).strip()
    if not normal:
        raise InvalidDate(text=text, reason=_reason("empty"), problem="empty")
    if len(normal) > _MAX_INPUT:
        raise InvalidDate(text=text, reason=_reason("too-long"), problem="too-long")
    circa_match = _CIRCA_PREFIX.match(normal.casefold())
    circa = circa_match is not None
    if circa_match is not None:
        normal = normal[circa_match.end() :]
        if not normal:
            raise InvalidDate(text=text, reason=_reason("only-circa"), problem="only-circa")

    numeric = _NUMERIC.fullmatch(normal)
    if numeric is not None:
        return _parse_numeric(text, numeric, calendar, circa)
    return _parse_words(text, normal, calendar, circa)


def _name(token: str) -> _Name | None:
    """The month or season ``token`` names; Persian often joins "ماه" to the month's name
    ("مهرماه", "فروردین‌ماه", the ZWNJ already removed by _normalise)."""
    key = _key(token)
    name = _NAMES.get(key)
    if name is None and key.endswith("ماه") and len(key) > 3:
        name = _NAMES.get(key[:-3])
    return name


def _year_number(text: str, digits: str) -> int:
    # "89/12/24" almost always means 1389; taking it as the year 89 would file it silently
    # in antiquity, so short years are refused rather than guessed.
    if len(digits) < 3:
        raise InvalidDate(text=text, reason=_reason("short-year"), problem="short-year")
    return int(digits)


def _guess_calendar(year: int) -> Calendar:
    if _FIRST_JALALI_GUESS <= year <= _LAST_JALALI_GUESS:
        return Calendar.JALALI
    return Calendar.GREGORIAN


def _parse_numeric(
    text: str, match: re.Match[str], calendar: Calendar | None, circa: bool
) -> FuzzyDate:
    first, _, second, third = match.groups()
    if third is not None and len(first) <= 2 and len(third) >= 3:
        raise InvalidDate(
            text=text,
            reason=_reason("year-first"),
            problem="year-first",
        )
    year = _year_number(text, first)
    cal = calendar or _guess_calendar(year)
    if second is None:
        return _year(year, cal, circa, text)
    if third is None:
        return _month(year, int(second), cal, circa, text)
    return _day(year, int(second), int(third), cal, circa, text)


def _parse_words(text: str, normal: str, calendar: Calendar | None, circa: bool) -> FuzzyDate:
    numbers: list[str] = []
    names: list[_Name] = []
    shape = ""  # "n" for a number, "w" for a name, in the order typed
    for token in _TOKEN_SPLIT.split(normal):
        if not token or _key(token) in _FILLER_WORDS:
            continue
        if _NUMBER.fullmatch(token):
            numbers.append(token)
            shape += "n"
        elif (name := _name(token)) is not None:
            names.append(name)
            shape += "w"
        elif token.rstrip(".").isalpha():
            raise InvalidDate(
                text=text,
                reason=_reason("unknown-word", word=token),
                problem="unknown-word",
                word=token,
            )
        else:
            raise InvalidDate(text=text, reason=_reason("form"), problem="form")

    if shape == "n":  # "سال ۱۴۰۱", "in 2011": a year with words around it
        year = _year_number(text, numbers[0])
        return _year(year, calendar or _guess_calendar(year), circa, text)
    if shape == "w" or (shape == "nw" and len(numbers[0]) <= 2):
        raise InvalidDate(text=text, reason=_reason("no-year-given"), problem="no-year-given")
    if shape not in ("wn", "nwn", "wnn") or (names[0].kind == "season" and shape != "wn"):
        raise InvalidDate(text=text, reason=_reason("form"), problem="form")

    name = names[0]
    if calendar is not None and name.calendar is not None and name.calendar is not calendar:
        raise InvalidDate(
            text=text,
            reason=_wrong_calendar(name, name.calendar),
            problem=f"other-calendar-{name.kind}",
            calendar=name.calendar.value,
            number=name.number,
        )
    year = _year_number(text, numbers[-1])
    cal = name.calendar or calendar or _guess_calendar(year)
    if name.kind == "season":
        return _season(year, name.number, cal, circa, text)
    if shape == "wn":
        return _month(year, name.number, cal, circa, text)
    return _day(year, name.number, int(numbers[0]), cal, circa, text)


def _wrong_calendar(name: _Name, its_calendar: Calendar) -> str:
    if name.kind == "month":
        label = _month_name_en(its_calendar, name.number)
    else:
        label = _season_text(its_calendar, "en", name.number)
    calendar_name = "Gregorian" if its_calendar is Calendar.GREGORIAN else "Jalali"
    return _reason(f"other-calendar-{name.kind}", name=label, calendar=calendar_name)


# --- Showing -----------------------------------------------------------------------------


def format_date(date: FuzzyDate, calendar: Calendar, language: str = "en") -> str:
    """Show a date in ``calendar``, in English ("en") or Persian ("fa", with Persian digits).

    A month, season or year shown in the other calendar does not cover whole months of it, so
    it is shown as the range of days it covers ("10 Esfand 1389 – 11 Farvardin 1390"). Dates
    outside the Jalali years jdatetime knows (1–9377, i.e. 21 March 622 to 20 March 9999) are
    shown in Gregorian.
    """
    if language not in ("en", "fa"):
        raise ValueError(f"unsupported language {language!r}")
    if calendar is Calendar.JALALI and not (
        date.start >= _FIRST_JALALI_DAY and date.end <= _LAST_JALALI_DAY
    ):
        calendar = Calendar.GREGORIAN
    shown = _describe(date, calendar, language)
    if date.circa:
        shown = (_CIRCA_FA if language == "fa" else _CIRCA_EN) + shown
    return to_persian_digits(shown) if language == "fa" else shown


def _describe(date: FuzzyDate, cal: Calendar, language: str) -> str:
    year, month, day = _parts(date.start, cal)
    if _unit_in(date.precision, cal, year, month, day) == (date.start, date.end):
        if date.precision is Precision.DAY:
            return _day_text(cal, language, year, month, day)
        if date.precision is Precision.MONTH:
            return f"{_month_text(cal, language, month)} {year}"
        if date.precision is Precision.SEASON:
            season, season_year = _season_of(cal, year, month)
            return f"{_season_text(cal, language, season)} {season_year}"
        return str(year)
    end = _day_text(cal, language, *_parts(date.end, cal))
    return _day_text(cal, language, year, month, day) + _RANGE_DASH + end


def _unit_in(
    precision: Precision, cal: Calendar, year: int, month: int, day: int
) -> tuple[datetime.date, datetime.date] | None:
    """The interval of ``cal``'s day, month, season or year that the given day starts."""
    try:
        if precision is Precision.DAY:
            unit = _day(year, month, day, cal, False, "")
        elif precision is Precision.MONTH:
            unit = _month(year, month, cal, False, "")
        elif precision is Precision.SEASON:
            season, season_year = _season_of(cal, year, month)
            unit = _season(season_year, season, cal, False, "")
        else:
            unit = _year(year, cal, False, "")
    except InvalidDate:
        return None
    return unit.start, unit.end


def _season_of(cal: Calendar, year: int, month: int) -> tuple[int, int]:
    """(season 1–4, the year it is named by) for a month of ``cal``."""
    if cal is Calendar.JALALI:
        return (month - 1) // 3 + 1, year
    if month <= 2:
        return 4, year - 1
    return month // 3, year


def _day_text(cal: Calendar, language: str, year: int, month: int, day: int) -> str:
    return f"{day} {_month_text(cal, language, month)} {year}"


def month_name(calendar: Calendar, month: int, language: str = "en") -> str:
    """The name of month 1–12 of ``calendar`` in English or Persian ("Esfand", "اسفند")."""
    return _month_text(calendar, language, month)


def season_name(calendar: Calendar, season: int, language: str = "en") -> str:
    """The name of season 1–4 (spring first) of ``calendar`` in English or Persian."""
    return _season_text(calendar, language, season)


def _month_text(cal: Calendar, language: str, month: int) -> str:
    if language == "fa":
        names = GREGORIAN_MONTHS_FA if cal is Calendar.GREGORIAN else JALALI_MONTHS_FA
        return names[month - 1]
    return _month_name_en(cal, month)


def _season_text(cal: Calendar, language: str, season: int) -> str:
    if language == "fa":
        return SEASONS_FA[season - 1]
    names = GREGORIAN_SEASONS_EN if cal is Calendar.GREGORIAN else JALALI_SEASONS_EN
    return names[season - 1]


# --- Readable forms (docs/dates.md has the table) --------------------------------------------

READING_SEPARATOR = " · "


def readable_date(date: FuzzyDate, language: str = "en") -> str:
    """A date as people write it, for every output a person reads (the window, the CSV's and
    the PDF's date columns): in the calendar and with the precision it was entered with, then
    the other calendar's reading, short: "Mordad 1403 · Jul–Aug 2024", "c. 2019 · 1397–1398",
    "winter 1403 · Dec 2024 – Mar 2025"; in Persian ("fa") with Persian month names and
    digits. Only the first part is ever "c." or approximate: the second says what the first
    covers, no more.
    """
    if language not in ("en", "fa"):
        raise ValueError(f"unsupported language {language!r}")
    shown = _entered_form(date, language)
    other = other_calendar_reading(date, language)
    return shown + READING_SEPARATOR + other if other else shown


def other_calendar_reading(date: FuzzyDate, language: str = "en") -> str:
    """The short reading of ``date`` in the calendar it was not entered in: a day for a day
    ("28 Feb 2011", "۹ اسفند ۱۳۸۹"), the months a month or season runs over ("Jul–Aug 2024",
    "Dec 2024 – Mar 2025"), the years a year runs over ("2019–2020"); empty for a date the
    Jalali calendar cannot name (before 622 or after 9999)."""
    other = Calendar.JALALI if date.calendar is Calendar.GREGORIAN else Calendar.GREGORIAN
    if not (date.start >= _FIRST_JALALI_DAY and date.end <= _LAST_JALALI_DAY):
        return ""
    first, last = _parts(date.start, other), _parts(date.end, other)
    if date.precision is Precision.DAY and date.start == date.end:
        text = f"{first[2]} {_short_month(other, language, first[1])} {first[0]}"
    elif date.precision is Precision.YEAR:
        text = _joined(str(first[0]), str(last[0]))
    else:
        start_month = _short_month(other, language, first[1])
        end_month = _short_month(other, language, last[1])
        if first[:2] == last[:2]:
            text = f"{start_month} {first[0]}"
        elif first[0] == last[0]:
            text = f"{_joined(start_month, end_month)} {first[0]}"
        else:
            text = _joined(f"{start_month} {first[0]}", f"{end_month} {last[0]}")
    return to_persian_digits(text) if language == "fa" else text


def _entered_form(date: FuzzyDate, language: str) -> str:
    shown = format_date(date, date.calendar, language)
    if language == "en" and date.calendar is Calendar.JALALI and date.precision is Precision.SEASON:
        # In an English sentence "winter 1403" is read at once, "Zemestan 1403" is not; the
        # year and the Gregorian reading beside it say which calendar's winter it is.
        for jalali, english in zip(JALALI_SEASONS_EN, GREGORIAN_SEASONS_EN, strict=True):
            shown = shown.replace(jalali, english)
    return shown


def _short_month(cal: Calendar, language: str, month: int) -> str:
    # English Gregorian months have the three-letter forms everyone reads; Jalali months and
    # Persian names have none in common use, so they stay whole.
    if language == "en" and cal is Calendar.GREGORIAN:
        return GREGORIAN_MONTHS_EN[month - 1][:3]
    return _month_text(cal, language, month)


def _joined(first: str, last: str) -> str:
    """ "1397–1398", "Jul–Aug", but "Dec 2024 – Mar 2025": the dash is spaced when either
    side is more than one word."""
    if first == last:
        return first
    return first + ("–" if " " not in first + last else _RANGE_DASH) + last


def format_iso(date: FuzzyDate) -> str:
    """A compact machine form: "2011-03-15", "2011-03", "2011", else "start/end"; "~" if circa.

    The short forms are used only when the interval is exactly that Gregorian day, month or
    year; Jalali months and all seasons come out as ranges.
    """
    start, end = date.start, date.end
    if date.precision is Precision.DAY and start == end:
        text = start.isoformat()
    elif date.precision is Precision.MONTH and (start, end) == _gregorian_unit(date, "month"):
        text = f"{start.year:04d}-{start.month:02d}"
    elif date.precision is Precision.YEAR and (start, end) == _gregorian_unit(date, "year"):
        text = f"{start.year:04d}"
    else:
        text = f"{start.isoformat()}/{end.isoformat()}"
    return "~" + text if date.circa else text


def _gregorian_unit(
    date: FuzzyDate, unit: Literal["month", "year"]
) -> tuple[datetime.date, datetime.date]:
    year, month = date.start.year, date.start.month
    if unit == "year":
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    last = _month_length(Calendar.GREGORIAN, year, month)
    return datetime.date(year, month, 1), datetime.date(year, month, last)


# --- Storage -----------------------------------------------------------------------------


def to_storage(d: FuzzyDate) -> tuple[str, str, str, int, str]:
    """(start ISO, end ISO, precision, circa 0/1, calendar) for the database columns."""
    return (
        d.start.isoformat(),
        d.end.isoformat(),
        d.precision.value,
        int(d.circa),
        d.calendar.value,
    )


def from_storage(start: str, end: str, precision: str, circa: int, calendar: str) -> FuzzyDate:
    """The inverse of ``to_storage``; ValueError if the values cannot be a stored date."""
    if circa not in (0, 1):
        raise ValueError(f"circa must be 0 or 1, not {circa!r}")
    return _checked(start, end, precision, bool(circa), calendar)


def to_dict(d: FuzzyDate) -> dict[str, str | bool]:
    """A JSON object: start, end (ISO), precision, circa (true/false), calendar."""
    return {
        "start": d.start.isoformat(),
        "end": d.end.isoformat(),
        "precision": d.precision.value,
        "circa": d.circa,
        "calendar": d.calendar.value,
    }


def from_dict(data: Mapping[str, object]) -> FuzzyDate:
    """The inverse of ``to_dict``; ValueError if a key is missing or has the wrong type."""
    try:
        start, end = data["start"], data["end"]
        precision, circa, calendar = data["precision"], data["circa"], data["calendar"]
    except KeyError as missing:
        raise ValueError(f"a date needs the key {missing}") from None
    if not (
        isinstance(start, str)
        and isinstance(end, str)
        and isinstance(precision, str)
        and isinstance(calendar, str)
        and isinstance(circa, bool)
    ):
        raise ValueError(f"a date has a value of the wrong type: {dict(data)!r}")
    return _checked(start, end, precision, circa, calendar)


def _checked(start: str, end: str, precision: str, circa: bool, calendar: str) -> FuzzyDate:
    date = FuzzyDate(
        datetime.date.fromisoformat(start),
        datetime.date.fromisoformat(end),
        Precision(precision),
        circa,
        Calendar(calendar),
    )
    if date.end < date.start:
        raise ValueError(f"a date ends ({end}) before it starts ({start})")
    return date


def validate_span(start: FuzzyDate, end: FuzzyDate | None) -> None:
    """Refuse a span whose end lies wholly before its start; fuzzy ends may overlap."""
    if end is not None and end.end < start.start:
        raise InvalidInput("end-before-start")
