"""A chronology as a PDF a lawyer can print or attach: the person, the facts computed from
their timeline and its contradictions, then a table of dates, events, places and sources.
Each date is in its readable form (docs/dates.md): the calendar and precision it was entered
with, then the other calendar's reading; the chosen calendar is the one today's date is in.

Lines are laid out by ``pdf_layout``: the Unicode bidirectional algorithm per line, Persian
shaped by HarfBuzz. The font, Vazirmatn, covers Persian and Latin script alike, so a Persian
place name in an English table needs no font switching. The PDF is built in memory and
written with ``timeline_export.write_new_file``, like the other exports.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from fpdf import FPDF

from amanat.core.dates import Calendar
from amanat.core.pdf_layout import Direction, LaidLine, Pages
from amanat.core.pdf_words import ENGLISH, PdfWords
from amanat.core.resources import resource
from amanat.core.timeline import EntryKind, Timeline, TimelineEntry, UndatedDocument
from amanat.core.timeline_export import date_text, describe_days, describe_place, today_text

_FAMILY = "Vazirmatn"
_COLUMN_WIDTHS = (30, 30, 20, 20)  # date, event, place, sources: parts of the page width
# The date and event columns are sentences in the words' language (which may quote the other
# script); the place and the sources' titles are whatever was typed, so a cell with no letter
# at all is taken as the words' language there too, the language of the document.
_LABEL_WIDTH = 45


@dataclass(frozen=True, slots=True)
class LaidOutPdf:
    data: bytes
    """The PDF file."""
    lines: tuple[LaidLine, ...]
    """Every line of text in it, where it is and what it says in logical order."""


def to_pdf(
    timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN, words: PdfWords = ENGLISH
) -> bytes:
    """The chronology as the bytes of a PDF file (A4, portrait), its own words in ``words``'
    language."""
    return lay_out(timeline, calendar, words).data


def lay_out(
    timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN, words: PdfWords = ENGLISH
) -> LaidOutPdf:
    """The chronology's PDF together with where each of its lines went."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # A fixed date keeps two exports of one chronology byte for byte the same, and tells
    # nothing about when the file was made.
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    pdf.set_margins(15, 15, 15)
    pdf.add_font(_FAMILY, "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font(_FAMILY, "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_title(words.chronology_of.format(name=timeline.person.display_name))
    pages = Pages(pdf, _FAMILY)
    _heading(pages, timeline, words)
    _facts(pages, timeline, calendar, words)
    _table(pages, timeline, words)
    return LaidOutPdf(bytes(pdf.output()), tuple(pages.lines))


def _heading(pages: Pages, timeline: Timeline, words: PdfWords) -> None:
    person = timeline.person
    direction = Direction.of(words.right_to_left)
    pages.paragraph(
        words.chronology_of.format(name=person.display_name),
        16,
        bold=True,
        direction=direction,
    )
    for name in (person.name_fa, person.name_latin):
        if name and name != person.display_name:
            # A name stands on its own line, at the margin of its own script.
            pages.paragraph(name, 13, bold=True)
    pages.space(2)


def _facts(pages: Pages, timeline: Timeline, calendar: Calendar, words: PdfWords) -> None:
    facts = timeline.facts
    direction = Direction.of(words.right_to_left)
    pages.paragraph(
        words.facts_as_of.format(
            date=words.isolated(today_text(facts.today, calendar, words.language))
        ),
        12,
        bold=True,
        direction=direction,
    )
    for label, value in (
        (words.time_detained, describe_days(facts.detained, words)),
        (words.solitary, describe_days(facts.solitary, words)),
        (words.hunger_strike, describe_days(facts.hunger_strike, words)),
        (words.transfers, words.number(facts.transfers)),
        (words.current_place, describe_place(facts.current_place, words)),
    ):
        # The value is a sentence in the words' language even when it starts with a place
        # in the other script ("قرچک (held)"), so it is laid out in that language's
        # direction whatever its first letter.
        pages.labelled(label, value, _LABEL_WIDTH, direction=direction)
    if timeline.contradictions:
        pages.space(2)
        pages.paragraph(words.contradictions, 12, bold=True, direction=direction)
        for contradiction in timeline.contradictions:
            pages.paragraph("• " + contradiction.message, direction=Direction.LTR)
    pages.space(3)


def chronology_rows(
    timeline: Timeline, words: PdfWords = ENGLISH
) -> list[tuple[str, str, str, str]]:
    """The table's cells, row by row: date, event, place, sources."""
    rows = [_row(entry, words) for entry in timeline.entries]
    return rows + [_undated_row(document, words) for document in timeline.undated]


def _table(pages: Pages, timeline: Timeline, words: PdfWords) -> None:
    rows = chronology_rows(timeline, words)
    direction = Direction.of(words.right_to_left)
    if not rows:
        pages.paragraph(words.nothing_recorded, direction=direction)
        return
    headings = (words.date, words.event, words.place, words.sources)
    pages.table(
        headings,
        rows,
        _COLUMN_WIDTHS,
        size=9,
        defaults=(direction,) * 4,
        from_the_right=words.right_to_left,
    )


def _row(entry: TimelineEntry, words: PdfWords) -> tuple[str, str, str, str]:
    # The readable form says how precisely the date is known ("Mordad 1403", "c. 2019") and
    # what it is in the other calendar.
    when = date_text(entry, words)
    if entry.kind is EntryKind.DOCUMENT:
        relations = words.comma.join(words.relation(r) for r in entry.relations)
        what = f"{words.name(entry.type)} ({relations}): {_quoted(entry.title)}"
        if entry.in_trash:
            what += " " + words.in_the_trash
    else:
        what = words.name(entry.type)
        if entry.description:
            what += f": {_quoted(entry.description)}"
    sources = "; ".join(
        _quoted(source.title) + (" " + words.source_in_the_trash if source.in_trash else "")
        for source in entry.sources
    )
    return when, what, entry.place, sources


def _undated_row(document: UndatedDocument, words: PdfWords) -> tuple[str, str, str, str]:
    relations = words.comma.join(words.relation(r) for r in document.relations)
    what = f"{words.name(document.kind)} ({relations}): {_quoted(document.title)}"
    return words.undated, what + (" " + words.in_the_trash if document.in_trash else ""), "", ""


_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


def _quoted(text: str) -> str:
    """What someone typed, set inside an English sentence as a unit of its own direction
    (a first-strong isolate, UAX #9): a Persian title keeps its full stop at its own end and
    its neutrals do not join the English around it. A second paragraph of a description
    stands on its own, with its own direction."""
    if not text:
        return text
    first, newline, rest = text.partition("\n")
    return _FIRST_STRONG_ISOLATE + first + _POP_ISOLATE + newline + rest
