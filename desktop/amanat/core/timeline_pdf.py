"""A chronology as a PDF a lawyer can print or attach: the person, the facts computed from
their timeline and its contradictions, then a table of dates (in the chosen calendar, with
their uncertainty), events, places and sources.

Persian is shaped by HarfBuzz (fpdf2's text shaping) and laid out right to left by fpdf2's
bidirectional algorithm, paragraph by paragraph; the font, Vazirmatn, covers Persian and Latin
script alike, so a Persian place name in an English table needs no font switching. The PDF is
built in memory and written with ``timeline_export.write_new_file``, like the other exports.
"""

from __future__ import annotations

import datetime

from fpdf import FPDF
from fpdf.enums import Align, TableCellFillMode, XPos, YPos

from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date
from amanat.core.resources import resource
from amanat.core.timeline import EntryKind, Timeline, TimelineEntry, UndatedDocument
from amanat.core.timeline_export import date_text, describe_days, describe_place

_FAMILY = "Vazirmatn"
_LRM = "\u200e"
_COLUMN_WIDTHS = (30, 30, 20, 20)  # date, event, place, sources: parts of the page width
_HEADINGS = ("Date", "Event", "Place", "Sources")


def to_pdf(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> bytes:
    """The chronology as the bytes of a PDF file (A4, portrait)."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # A fixed date keeps two exports of one chronology byte for byte the same, and tells
    # nothing about when the file was made.
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font(_FAMILY, "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font(_FAMILY, "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_text_shaping(True)
    pdf.set_title(f"Chronology of {timeline.person.display_name}")
    pdf.add_page()
    _heading(pdf, timeline)
    _facts(pdf, timeline, calendar)
    _table(pdf, timeline, calendar)
    return bytes(pdf.output())


def _line(pdf: FPDF, text: str, size: float = 10, bold: bool = False) -> None:
    pdf.set_font(_FAMILY, "B" if bold else "", size)
    # Text in Persian starts at the right margin, as a Persian reader expects.
    align = Align.R if _is_persian(text) else Align.L
    pdf.multi_cell(0, size * 0.55, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(pdf: FPDF, timeline: Timeline) -> None:
    person = timeline.person
    _line(pdf, f"Chronology of {person.display_name}", 16, bold=True)
    for name in (person.name_fa, person.name_latin):
        if name and name != person.display_name:
            _line(pdf, name, 13, bold=True)
    pdf.ln(2)


def _facts(pdf: FPDF, timeline: Timeline, calendar: Calendar) -> None:
    facts = timeline.facts
    today = format_date(FuzzyDate(facts.today, facts.today, Precision.DAY), calendar)
    _line(pdf, f"Facts as of {today}", 12, bold=True)
    for label, value in (
        ("Time detained", describe_days(facts.detained)),
        ("Solitary confinement", describe_days(facts.solitary)),
        ("Hunger strike", describe_days(facts.hunger_strike)),
        ("Transfers", str(facts.transfers)),
        ("Current place", describe_place(facts.current_place)),
    ):
        pdf.set_font(_FAMILY, "B", 10)
        pdf.cell(45, 5.5, label + ":")
        pdf.set_font(_FAMILY, "", 10)
        # An English sentence that starts with a Persian place name stays a left-to-right
        # paragraph ("قرچک (held)"), as the left-to-right mark makes it.
        pdf.multi_cell(0, 5.5, _LRM + value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if timeline.contradictions:
        pdf.ln(2)
        _line(pdf, "Contradictions", 12, bold=True)
        for contradiction in timeline.contradictions:
            _line(pdf, "• " + contradiction.message)
    pdf.ln(3)


def _table(pdf: FPDF, timeline: Timeline, calendar: Calendar) -> None:
    rows = [_row(entry, calendar) for entry in timeline.entries]
    rows += [_undated_row(document) for document in timeline.undated]
    if not rows:
        _line(pdf, "Nothing is recorded for this person yet.")
        return
    pdf.set_font(_FAMILY, "", 9)
    with pdf.table(
        col_widths=_COLUMN_WIDTHS,
        text_align="LEFT",
        line_height=4.8,
        cell_fill_color=(242, 242, 242),
        cell_fill_mode=TableCellFillMode.ROWS,
        repeat_headings=1,
    ) as table:
        header = table.row()
        for heading in _HEADINGS:
            header.cell(heading)
        for cells in rows:
            row = table.row()
            for text in cells:
                row.cell(text, align=Align.R if _is_persian(text) else Align.L)


def _row(entry: TimelineEntry, calendar: Calendar) -> tuple[str, str, str, str]:
    when = date_text(entry, calendar)
    if entry.uncertain:
        # Said in words as well as in the date itself, so a reader skimming the column
        # does not take "March 2011" for a precise day.
        when += f" ({_uncertainty(entry)})"
    if entry.kind is EntryKind.DOCUMENT:
        what = f"{entry.type.value} ({', '.join(entry.relations)}): {entry.title}"
        if entry.in_trash:
            what += " [in the trash]"
    else:
        what = entry.type.value.replace("-", " ")
        if entry.description:
            what += f": {entry.description}"
    sources = "; ".join(
        source.title + (" (in the trash)" if source.in_trash else "") for source in entry.sources
    )
    return when, what, entry.place, sources


def _undated_row(document: UndatedDocument) -> tuple[str, str, str, str]:
    what = f"{document.kind.value} ({', '.join(document.relations)}): {document.title}"
    return "undated", what + (" [in the trash]" if document.in_trash else ""), "", ""


def _uncertainty(entry: TimelineEntry) -> str:
    dates = [d for d in (entry.start, entry.end) if d is not None]
    words = []
    coarsest = max(dates, key=lambda d: _PRECISION_RANK[d.precision]).precision
    if coarsest is not Precision.DAY:
        words.append(f"only the {coarsest.value} is known")
    if any(d.circa for d in dates):
        words.append("approximate")
    return ", ".join(words)


_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.SEASON: 2, Precision.YEAR: 3}


def _is_persian(text: str) -> bool:
    """True if the first letter with a direction is right-to-left (Arabic script)."""
    for character in text:
        if "\u0600" <= character <= "\u06ff" or "\ufb50" <= character <= "\ufeff":
            return True
        if character.isalpha():
            return False
    return False
