"""The words shown for the core's values (kinds, statuses, roles, audiences), translated.

The core's enum values are stable machine words ("court", "legal-team"); the window shows
these instead, in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCollator, QCoreApplication, QLocale, Qt

from amanat.core.dates import Calendar, Precision
from amanat.core.digits import to_persian_digits
from amanat.core.names import Named, other_script_name, shown_name
from amanat.core.records import (
    Audience,
    DocumentKind,
    PersonStatus,
    Role,
    TextKind,
    TextStatus,
)
from amanat.gui.text_direction import isolated

_CONTEXT = "Labels"

_P = TypeVar("_P", bound=Named)

_LABELS: dict[StrEnum, object] = {  # QT_TRANSLATE_NOOP is typed as object
    DocumentKind.LETTER: QT_TRANSLATE_NOOP("Labels", "Letter"),
    DocumentKind.TESTIMONY: QT_TRANSLATE_NOOP("Labels", "Testimony"),
    DocumentKind.COURT: QT_TRANSLATE_NOOP("Labels", "Court document"),
    DocumentKind.NOTE: QT_TRANSLATE_NOOP("Labels", "Note"),
    DocumentKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    TextKind.TRANSCRIPTION: QT_TRANSLATE_NOOP("Labels", "Transcription"),
    TextKind.TRANSLATION: QT_TRANSLATE_NOOP("Labels", "Translation"),
    TextKind.SUMMARY: QT_TRANSLATE_NOOP("Labels", "Summary"),
    TextStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "draft"),
    TextStatus.CHECKED: QT_TRANSLATE_NOOP("Labels", "checked"),
    Audience.PRIVATE: QT_TRANSLATE_NOOP("Labels", "Private"),
    Audience.LEGAL_TEAM: QT_TRANSLATE_NOOP("Labels", "Legal team"),
    Audience.ADVOCATES: QT_TRANSLATE_NOOP("Labels", "Advocates"),
    Audience.PUBLIC: QT_TRANSLATE_NOOP("Labels", "Public"),
    Role.PRISONER: QT_TRANSLATE_NOOP("Labels", "Prisoner"),
    Role.RELATIVE: QT_TRANSLATE_NOOP("Labels", "Relative"),
    Role.LAWYER: QT_TRANSLATE_NOOP("Labels", "Lawyer"),
    Role.WITNESS: QT_TRANSLATE_NOOP("Labels", "Witness"),
    Role.OFFICIAL: QT_TRANSLATE_NOOP("Labels", "Official"),
    PersonStatus.DETAINED: QT_TRANSLATE_NOOP("Labels", "Detained"),
    PersonStatus.RELEASED: QT_TRANSLATE_NOOP("Labels", "Released"),
    PersonStatus.ON_FURLOUGH: QT_TRANSLATE_NOOP("Labels", "On furlough"),
    PersonStatus.IN_EXILE: QT_TRANSLATE_NOOP("Labels", "In exile"),
    PersonStatus.EXECUTED: QT_TRANSLATE_NOOP("Labels", "Executed"),
    PersonStatus.DECEASED: QT_TRANSLATE_NOOP("Labels", "Deceased"),
    PersonStatus.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
    Precision.DAY: QT_TRANSLATE_NOOP("Labels", "the day is known"),
    Precision.MONTH: QT_TRANSLATE_NOOP("Labels", "only the month is known"),
    Precision.SEASON: QT_TRANSLATE_NOOP("Labels", "only the season is known"),
    Precision.YEAR: QT_TRANSLATE_NOOP("Labels", "only the year is known"),
    Calendar.GREGORIAN: QT_TRANSLATE_NOOP("Labels", "Gregorian"),
    Calendar.JALALI: QT_TRANSLATE_NOOP("Labels", "Solar Hijri"),
}

_LANGUAGES: dict[str, object] = {
    "fa": QT_TRANSLATE_NOOP("Labels", "Persian"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "ar": QT_TRANSLATE_NOOP("Labels", "Arabic"),
    "ku": QT_TRANSLATE_NOOP("Labels", "Kurdish"),
    "ckb": QT_TRANSLATE_NOOP("Labels", "Kurdish (Sorani)"),
    "az": QT_TRANSLATE_NOOP("Labels", "Azerbaijani"),
    "tr": QT_TRANSLATE_NOOP("Labels", "Turkish"),
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "de": QT_TRANSLATE_NOOP("Labels", "German"),
}


def label(value: StrEnum) -> str:
    source = _LABELS.get(value)
    return QCoreApplication.translate(_CONTEXT, str(source)) if source else str(value)


COMMON_LANGUAGES = ("fa", "en", "ar", "ku", "ckb", "az", "tr", "fr", "de")
"""Offered first where a text's language is chosen; any other code can be typed."""


def language_name(code: str) -> str:
    source = _LANGUAGES.get(code)
    return QCoreApplication.translate(_CONTEXT, str(source)) if source else code


def list_separator() -> str:
    """Between names in a list: ", " in English, "، " in Persian."""
    # The context written out: lupdate reads literals only, and would miss this one.
    return QCoreApplication.translate("Labels", ", ")


def interface_language() -> str:
    """ "fa" in the Persian interface, else "en": the language core/dates.py shows dates in."""
    return "fa" if QLocale().language() == QLocale.Language.Persian else "en"


def person_name(person: Named) -> str:
    """A person's name as this interface shows it: in its script where the person has one."""
    return shown_name(person, interface_language())


def person_tooltip(person: Named) -> str:
    """The shown name, a dash, then the name in the other script (or the display name), each
    running in its own direction: "کاوه امیرزاده — Kaveh Amirzadeh"."""
    shown = isolated(person_name(person))
    other = other_script_name(person, interface_language())
    return f"{shown} — {isolated(other)}" if other else shown


def by_person_name(people: Iterable[_P]) -> list[_P]:
    """``people`` in the order of the names shown, as a reader looks them up: in the
    alphabet's order of the interface's language (پ after ب, گ after ک), which the letters'
    code points do not give, regardless of case."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(people, key=lambda person: collator.sortKey(person_name(person)))


def digits(text: str) -> str:
    """``text`` with its digits in the interface's script: Persian digits in Persian."""
    return to_persian_digits(text) if interface_language() == "fa" else text


def number(value: int) -> str:
    """A count, a page number or a year as the interface writes it ("۱۲" in Persian). No
    thousands separator: a year must not read "۱٬۴۰۳"."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: str) -> str:
    """``template`` with %1, %2… replaced by ``values`` in one pass, so a value that itself
    holds "%2" (a file named so) is left as it is. A value that is a bare number (a count,
    a page) is written in the interface's digits; any other value (a title, a name) is the
    user's and is shown as it is."""
    shown = [digits(value) if value.isascii() and value.isdigit() else value for value in values]
    return _PLACEHOLDER.sub(
        lambda m: shown[int(m.group(1)) - 1] if int(m.group(1)) <= len(shown) else m.group(0),
        template,
    )
