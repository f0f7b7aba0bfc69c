"""The words Amanat writes in its PDFs (core/pdf_words.py), in the interface's language: the
case file and the chronology a user exports from the window read like the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from amanat.core.pdf_words import PdfWords
from amanat.gui import labels


def pdf_words() -> PdfWords:
    """The PDFs' headings and labels translated now, on the window's thread, for a job that
    writes the PDF on another."""
    return PdfWords.translated(QCoreApplication.translate, labels.interface_language() == "fa")
