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
from amanat.core.resources import resource
from amanat.core.timeline import EntryKind, Timeline, TimelineEntry, UndatedDocument
from amanat.core.timeline_export import date_text, describe_days, describe_place, today_text

_FAMILY = "Vazirmatn"
_COLUMN_WIDTHS = (30, 30, 20, 20)  # date, event, place, sources: parts of the page width
_HEADINGS = ("Date", "Event", "Place", "Sources")
# The date and event columns are English sentences (which may quote Persian); the place and
# the sources' titles are whatever was typed, so a cell with no letter at all is taken as
# English there too, the language of the document.
_COLUMN_LANGUAGES = (Direction.LTR,) * 4
_LABEL_WIDTH = 45


@dataclass(frozen=True, slots=True)
class LaidOutPdf:
    data: bytes
    """The PDF file."""
    lines: tuple[LaidLine, ...]
    """Every line of text in it, where it is and what it says in logical order."""


def to_pdf(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> bytes:
    """The chronology as the bytes of a PDF file (A4, portrait)."""
    return lay_out(timeline, calendar).data


def lay_out(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> LaidOutPdf:
    """The chronology's PDF together with where each of its lines went."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # A fixed date keeps two exports of one chronology byte for byte the same, and tells
    # nothing about when the file was made.
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    pdf.set_margins(15, 15, 15)
    pdf.add_font(_FAMILY, "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font(_FAMILY, "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_title(f"Chronology of {timeline.person.display_name}")
    pages = Pages(pdf, _FAMILY)
    _heading(pages, timeline)
    _facts(pages, timeline, calendar)
    _table(pages, timeline)
    return LaidOutPdf(bytes(pdf.output()), tuple(pages.lines))


def _heading(pages: Pages, timeline: Timeline) -> None:
    person = timeline.person
    pages.paragraph(f"Chronology of {person.display_name}", 16, bold=True)
    for name in (person.name_fa, person.name_latin):
        if name and name != person.display_name:
            # A name stands on its own line, at the margin of its own script.
            pages.paragraph(name, 13, bold=True)
    pages.space(2)


def _facts(pages: Pages, timeline: Timeline, calendar: Calendar) -> None:
    facts = timeline.facts
    pages.paragraph(f"Facts as of {today_text(facts.today, calendar)}", 12, bold=True)
    for label, value in (
        ("Time detained", describe_days(facts.detained)),
        ("Solitary confinement", describe_days(facts.solitary)),
        ("Hunger strike", describe_days(facts.hunger_strike)),
        ("Transfers", str(facts.transfers)),
        ("Current place", describe_place(facts.current_place)),
    ):
        # The value is an English sentence even when it starts with a Persian place name
        # ("قرچک (held)"), so it is laid out left to right whatever its first letter.
        pages.labelled(label + ":", value, _LABEL_WIDTH)
    if timeline.contradictions:
        pages.space(2)
        pages.paragraph("Contradictions", 12, bold=True)
        for contradiction in timeline.contradictions:
            pages.paragraph("• " + contradiction.message, direction=Direction.LTR)
    pages.space(3)


def chronology_rows(timeline: Timeline) -> list[tuple[str, str, str, str]]:
    """The table's cells, row by row: date, event, place, sources."""
    rows = [_row(entry) for entry in timeline.entries]
    return rows + [_undated_row(document) for document in timeline.undated]


def _table(pages: Pages, timeline: Timeline) -> None:
    rows = chronology_rows(timeline)
    if not rows:
        pages.paragraph("Nothing is recorded for this person yet.")
        return
    pages.table(_HEADINGS, rows, _COLUMN_WIDTHS, size=9, defaults=_COLUMN_LANGUAGES)


def _row(entry: TimelineEntry) -> tuple[str, str, str, str]:
    # The readable form says how precisely the date is known ("Mordad 1403", "c. 2019") and
    # what it is in the other calendar.
    when = date_text(entry)
    if entry.kind is EntryKind.DOCUMENT:
        what = f"{entry.type.value} ({', '.join(entry.relations)}): {_quoted(entry.title)}"
        if entry.in_trash:
            what += " [in the trash]"
    else:
        what = entry.type.value.replace("-", " ")
        if entry.description:
            what += f": {_quoted(entry.description)}"
    sources = "; ".join(
        _quoted(source.title) + (" (in the trash)" if source.in_trash else "")
        for source in entry.sources
    )
    return when, what, entry.place, sources


def _undated_row(document: UndatedDocument) -> tuple[str, str, str, str]:
    what = f"{document.kind.value} ({', '.join(document.relations)}): {_quoted(document.title)}"
    return "undated", what + (" [in the trash]" if document.in_trash else ""), "", ""


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
