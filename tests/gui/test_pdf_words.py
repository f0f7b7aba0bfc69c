"""The case file and the chronology PDF written from the Persian window have Persian
headings and labels, laid out from the right; from the English window, English. Every phrase
of core/pdf_words.py has its Persian, with the same placeholders."""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from amanat.app import timeline as app_timeline
from amanat.app.casefile import write_case_file
from amanat.core import casefile
from amanat.core.dates import Calendar
from amanat.core.pdf_layout import Direction, LaidLine
from amanat.core.pdf_words import CONTEXT, ENGLISH, PdfWords
from amanat.core.timeline import build_timeline
from amanat.core.timeline_pdf import lay_out
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.pdf_words import pdf_words
from amanat.gui.settings import Preferences
from tests.core.test_timeline_pdf import letters_only, pdf_text
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import fill

TODAY = datetime.date(2024, 6, 15)
# The one phrase that is the same in Persian: a dash between two dates.
_SAME_IN_PERSIAN = {"{start} – {end}"}


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[PdfWords]:
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        yield pdf_words()
    finally:
        apply_language(qapp, Preferences())


def _has_words(letters: str, heading: str) -> bool:
    """Text extracted from shaped right-to-left runs comes out in visual order, so a
    heading's words are looked for one by one (the layout's own lines have it in order)."""
    return all(letters_only(word) in letters for word in heading.split())


def _line(lines: tuple[LaidLine, ...], text: str) -> LaidLine:
    (found,) = [line for line in lines if line.text == text]
    return found


def test_every_phrase_has_its_persian_with_the_same_placeholders(persian: PdfWords) -> None:
    assert persian.right_to_left
    for field in dataclasses.fields(PdfWords):
        english = getattr(ENGLISH, field.name)
        if field.name in ("names", "language", "right_to_left"):
            continue
        translated = getattr(persian, field.name)
        assert translated == QCoreApplication.translate(CONTEXT, english)
        assert translated != english or english in _SAME_IN_PERSIAN, english
        assert set(re.findall(r"{\w+}", translated)) == set(re.findall(r"{\w+}", english))


def test_the_english_window_writes_english(qapp: QApplication) -> None:
    assert pdf_words() == ENGLISH
    assert ENGLISH.names == {} and not ENGLISH.right_to_left


def test_a_persian_case_file_has_persian_headings_laid_out_from_the_right(
    persian: PdfWords, archive: Archive, tmp_path: Path
) -> None:
    sample = fill(archive)
    written = write_case_file(
        archive, sample.prisoner, tmp_path / "case.pdf", Calendar.JALALI, today=TODAY,
        words=persian,
    )  # fmt: skip
    letters = letters_only(pdf_text(written.path.read_bytes()))
    for heading in (
        "پروندهٔ موردی",
        "آنچه در این پرونده هست",
        "گاه‌شمار",
        "واقعیت‌ها تا",
        "مدت بازداشت",
        "جای کنونی",
        "تاریخ",
        "رویداد",
        "منبع‌ها",
    ):
        assert _has_words(letters, heading), heading
    for english in ("Case file", "What is included", "Chronology of", "Time detained", "Sources"):
        assert letters_only(english) not in letters, english
    # The kinds in the window's words too: the arrest, the letter, the transcription.
    assert "arrest" not in letters and "transcription" not in letters
    assert _has_words(letters, "بازداشت") and _has_words(letters, "رونویسی")
    # Dates and numbers as the Persian window writes them: month names, Persian digits.
    assert _has_words(letters, "خرداد") and "Khordad" not in letters
    assert "۳" in pdf_text(written.path.read_bytes())
    # What the user typed stays as typed: the prisoner's name, the letter's title.
    assert "MahtabRezvani" in letters and "LetterfromEvin" in letters

    plan = casefile.plan_case(archive.db, sample.prisoner)
    lines = casefile.lay_out(archive.db, plan, Calendar.JALALI, TODAY, words=persian).lines
    assert _line(lines, persian.case_file).direction is Direction.RTL
    label = _line(lines, persian.time_detained)
    assert label.direction is Direction.RTL and label.right > 190  # at the right margin
    # The table is read from the right: the date column at the right, the sources at the left.
    date, sources = _line(lines, persian.date), _line(lines, persian.sources)
    assert date.page == sources.page and date.left > sources.left


def test_a_persian_chronology_pdf_has_persian_headings(
    persian: PdfWords, archive: Archive, tmp_path: Path
) -> None:
    sample = fill(archive)
    target = tmp_path / "chronology.pdf"
    app_timeline.export_timeline(
        archive, sample.prisoner, target, "pdf", Calendar.JALALI, TODAY, words=persian
    )
    letters = letters_only(pdf_text(target.read_bytes()))
    for heading in ("گاه‌شمار", "واقعیت‌ها تا", "سلول انفرادی", "اعتصاب غذا", "مکان"):
        assert _has_words(letters, heading), heading
    assert letters_only("Facts as of") not in letters
    chronology = build_timeline(archive.db, sample.prisoner, TODAY)
    lines = lay_out(chronology, Calendar.JALALI, persian).lines
    date, sources = _line(lines, persian.date), _line(lines, persian.sources)
    assert date.left > sources.left
    assert _line(lines, persian.current_place).direction is Direction.RTL


def test_the_command_line_and_an_english_window_keep_english(
    archive: Archive, tmp_path: Path
) -> None:
    sample = fill(archive)
    written = write_case_file(archive, sample.prisoner, tmp_path / "case.pdf", today=TODAY)
    text = pdf_text(written.path.read_bytes())
    assert "Case file" in text and "What is included" in text and "Time detained" in text
    assert PASSWORD not in text
