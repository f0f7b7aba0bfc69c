"""The words and colours of event types in the timeline window and the event editor.

Colours group the types a reader compares: detention and transfers, court, solitary
confinement, hunger strike, contact with the outside, and what was written. They come from
the Okabe–Ito palette, which stays distinguishable for colour-blind readers.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from amanat.core.records import DocumentKind, EventType
from amanat.gui import labels

_CONTEXT = "EventTypes"

_NAMES: dict[EventType, object] = {  # QT_TRANSLATE_NOOP is typed as object
    EventType.ARREST: QT_TRANSLATE_NOOP("EventTypes", "Arrest"),
    EventType.INTERROGATION: QT_TRANSLATE_NOOP("EventTypes", "Interrogation"),
    EventType.CHARGE: QT_TRANSLATE_NOOP("EventTypes", "Charge"),
    EventType.TRIAL: QT_TRANSLATE_NOOP("EventTypes", "Trial session"),
    EventType.SENTENCE: QT_TRANSLATE_NOOP("EventTypes", "Sentence"),
    EventType.APPEAL: QT_TRANSLATE_NOOP("EventTypes", "Appeal"),
    EventType.TRANSFER: QT_TRANSLATE_NOOP("EventTypes", "Transfer"),
    EventType.SOLITARY: QT_TRANSLATE_NOOP("EventTypes", "Solitary confinement"),
    EventType.HUNGER_STRIKE: QT_TRANSLATE_NOOP("EventTypes", "Hunger strike"),
    EventType.MEDICAL: QT_TRANSLATE_NOOP("EventTypes", "Medical care"),
    EventType.VISIT: QT_TRANSLATE_NOOP("EventTypes", "Visit"),
    EventType.FURLOUGH: QT_TRANSLATE_NOOP("EventTypes", "Furlough"),
    EventType.RELEASE: QT_TRANSLATE_NOOP("EventTypes", "Release"),
    EventType.LETTER: QT_TRANSLATE_NOOP("EventTypes", "Letter"),
    EventType.TESTIMONY: QT_TRANSLATE_NOOP("EventTypes", "Testimony"),
    EventType.OTHER: QT_TRANSLATE_NOOP("EventTypes", "Other"),
}

_DETENTION = "#0072B2"
_COURT = "#E69F00"
_SOLITARY = "#6A3D9A"
_HUNGER = "#D55E00"
_CONTACT = "#009E73"
_WRITTEN = "#777777"
DOCUMENT_COLOUR = "#56B4E9"

_COLOURS: dict[EventType, str] = {
    EventType.ARREST: _DETENTION,
    EventType.TRANSFER: _DETENTION,
    EventType.RELEASE: _DETENTION,
    EventType.INTERROGATION: _COURT,
    EventType.CHARGE: _COURT,
    EventType.TRIAL: _COURT,
    EventType.SENTENCE: _COURT,
    EventType.APPEAL: _COURT,
    EventType.SOLITARY: _SOLITARY,
    EventType.HUNGER_STRIKE: _HUNGER,
    EventType.MEDICAL: _CONTACT,
    EventType.VISIT: _CONTACT,
    EventType.FURLOUGH: _CONTACT,
    EventType.LETTER: _WRITTEN,
    EventType.TESTIMONY: _WRITTEN,
    EventType.OTHER: _WRITTEN,
}


def name(kind: EventType | DocumentKind) -> str:
    if isinstance(kind, DocumentKind):
        return labels.label(kind)
    return QCoreApplication.translate(_CONTEXT, str(_NAMES[kind]))


def colour(kind: EventType | DocumentKind) -> QColor:
    if isinstance(kind, DocumentKind):
        return QColor(DOCUMENT_COLOUR)
    return QColor(_COLOURS[kind])
