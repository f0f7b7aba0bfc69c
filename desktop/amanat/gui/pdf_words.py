"""The words Amanat writes in its PDFs (core/pdf_words.py), in the interface's language: the
case file and the chronology a user exports from the window read like the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from amanat.core.pdf_words import ENGLISH, PdfWords, key
from amanat.core.records import Audience, DocumentKind, EventType, TextKind
from amanat.gui import labels
from amanat.gui.timeline import event_types


def pdf_words() -> PdfWords:
    """The PDFs' headings and labels translated now, on the window's thread, for a job that
    writes the PDF on another. In English, the core's own words (lower-case event types,
    as the command line writes them)."""
    if labels.interface_language() == "en":
        return ENGLISH
    names = {key(kind): event_types.name(kind) for kind in EventType}
    for value in (*DocumentKind, *TextKind, *Audience):
        names[key(value)] = labels.label(value)
    return PdfWords.translated(
        QCoreApplication.translate,
        right_to_left=True,
        names=names,
        language=labels.interface_language(),
    )
