"""The sentence the user reads for an error they can cause or fix, in their language.

The core is Qt-free and English-only: each AmanatError carries its one English sentence
(``error.sentence``, marked in core/errors.py so that lupdate lists it under the context
"Messages") and the ``values`` that fill it. Here that same English is looked up in the
translation and filled with the values shown in the interface's digits and words; a sentence
not translated yet stays English, as the command line prints it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from amanat.core.dates import (
    PROBLEM_SENTENCES,
    Calendar,
    FuzzyDate,
    format_date,
    month_name,
    season_name,
)
from amanat.core.errors import CONTEXT, DETAILS, AmanatError, Detail, every_sentence
from amanat.core.records import EventType
from amanat.gui import labels
from amanat.gui.text_direction import isolated
from amanat.gui.timeline import event_types

_CONTEXT = CONTEXT

# Why a date was refused, by the ``problem`` code core/dates.py gives each refusal: its one
# English sentence is there, translated here with the values in the interface's words.
_DATE_PROBLEMS = PROBLEM_SENTENCES

# The kinds of record an error names ("A {kind} named …").
_KINDS: dict[str, object] = {
    "tag": QT_TRANSLATE_NOOP("Messages", "tag"),
    "person": QT_TRANSLATE_NOOP("Messages", "person"),
    "document": QT_TRANSLATE_NOOP("Messages", "document"),
}


def _shown(values: Mapping[str, object]) -> dict[str, object]:
    """The error's values as the sentence shows them: numbers in the interface's digits,
    a kind of record in the user's words."""
    shown = {
        key: labels.number(value)
        if isinstance(value, int) and not isinstance(value, bool)
        else value
        for key, value in values.items()
    }
    for key, value in values.items():
        if key == "path" and labels.interface_language() != "en":
            # A folder or file, left to right, kept whole inside a right-to-left sentence
            # (else its slashes move to the wrong end).
            shown[key] = isolated(str(value))
        elif isinstance(value, Detail):  # a phrase inside the sentence, translated too
            shown[key] = QCoreApplication.translate(_CONTEXT, DETAILS[value.code]).format(
                **_shown(value.values)
            )
        elif isinstance(value, AmanatError):  # another error's sentence inside this one
            shown[key] = error_message(value).rstrip(".")
        elif labels.interface_language() != "en" and isinstance(value, EventType):
            # The English words are the core's own ({event}: "solitary confinement"); in
            # another language the event type's name and its date replace them.
            shown["event"] = event_types.name(value)
        elif labels.interface_language() != "en" and isinstance(value, FuzzyDate):
            shown["when"] = format_date(value, value.calendar, labels.interface_language())
    kind = values.get("kind")
    if isinstance(kind, str) and kind in _KINDS:
        shown["kind"] = QCoreApplication.translate(_CONTEXT, str(_KINDS[kind]))
    return shown


def _date_reason(values: Mapping[str, object]) -> str | None:
    """Why a date was refused, in the user's language; None for a problem not known here."""
    template = _DATE_PROBLEMS.get(str(values.get("problem")))
    if template is None:
        return None
    shown = _shown(values)
    language = labels.interface_language()
    calendar = Calendar(str(values.get("calendar", Calendar.GREGORIAN.value)))
    number = values.get("number", values.get("month"))
    if isinstance(number, int) and 1 <= number <= 12:
        shown["month_name"] = shown["name"] = month_name(calendar, number, language)
        if values.get("problem") == "other-calendar-season" and number <= 4:
            shown["name"] = season_name(calendar, number, language)
    shown["calendar"] = labels.label(calendar)
    return QCoreApplication.translate(_CONTEXT, str(template)).format(**shown)


def error_message(error: AmanatError) -> str:
    """One sentence for ``error`` in the user's language."""
    try:
        values = _shown(error.values)
        if error.code == "invalid-date":
            values["reason"] = _date_reason(error.values) or error.values.get("reason", "")
        return QCoreApplication.translate(_CONTEXT, error.sentence).format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or mistyped a placeholder: the English sentence is better
        # than a crash or a half-filled sentence.
        return error.message


def known_codes() -> frozenset[str]:
    """The error codes and rules that have a sentence: every one the core defines."""
    return frozenset(every_sentence())
