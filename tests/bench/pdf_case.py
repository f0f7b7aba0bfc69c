"""Benchmark: the PDF chronology of one person with a long timeline, laid out line by line by
the Unicode bidirectional algorithm (core/pdf_layout.py), against fpdf2 setting the same
cells in its own table in the same run (the way the chronology was made before, whose
right-to-left lines could come out in the wrong order).

    python -m tests.bench --only pdf [--quick]
"""

from __future__ import annotations

import datetime
import time
from pathlib import Path

from tests.bench.report import Section
from tests.bench.timeline_case import PASSWORD, build_archive

NAME = "pdf"
EVENTS, DOCUMENTS = 1_000, 400
QUICK_EVENTS, QUICK_DOCUMENTS = 150, 60
RUNS, QUICK_RUNS = 3, 1
TODAY = datetime.date(2025, 6, 1)


def _fpdf2_table(rows: list[tuple[str, str, str, str]]) -> bytes:
    """The baseline: the same cells in fpdf2's own table, Persian shaped, A4 portrait."""
    from fpdf import FPDF

    from amanat.core.resources import resource

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font("Vazirmatn", "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font("Vazirmatn", "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.set_font("Vazirmatn", "", 9)
    with pdf.table(col_widths=(30, 30, 20, 20), line_height=4.8) as table:
        for cells in rows:
            row = table.row()
            for text in cells:
                row.cell(text)
    return bytes(pdf.output())


def run(workdir: Path, quick: bool) -> Section:
    from amanat.core.dates import Calendar
    from amanat.core.timeline import build_timeline
    from amanat.core.timeline_pdf import chronology_rows, lay_out
    from amanat.core.vault import Archive

    events_count = QUICK_EVENTS if quick else EVENTS
    documents_count = QUICK_DOCUMENTS if quick else DOCUMENTS
    folder = workdir / "pdf.amanat"
    person_id = build_archive(folder, events_count, documents_count)
    with Archive.open(folder, PASSWORD) as archive:
        timeline = build_timeline(archive.db, person_id, today=TODAY)
    rows = chronology_rows(timeline)
    measured: dict[str, list[float]] = {"jalali": [], "gregorian": [], "fpdf2": []}
    pages, lines, size = 0, 0, 0
    for _ in range(QUICK_RUNS if quick else RUNS):
        for calendar in (Calendar.JALALI, Calendar.GREGORIAN):
            start = time.perf_counter()
            laid_out = lay_out(timeline, calendar)
            measured[calendar.value].append(time.perf_counter() - start)
            lines, size = len(laid_out.lines), len(laid_out.data)
            pages = 1 + max(line.page for line in laid_out.lines)
        start = time.perf_counter()
        _fpdf2_table(rows)
        measured["fpdf2"].append(time.perf_counter() - start)

    section = Section("The PDF chronology")
    section.text(
        f"The chronology of one prisoner with {events_count:,} events and {documents_count:,}"
        f" letters (two of the twelve place spellings and half the titles in Persian):"
        f" {len(rows):,} rows,"
        f" {pages} pages, {lines:,} laid lines, {size / 1024:,.0f} KiB. Best of"
        f" {len(measured['fpdf2'])} runs; the machine may be shared, so the baseline is run"
        " beside it each time."
    )
    section.table(
        ["measure", "time"],
        [
            ["lay_out, Jalali (the whole PDF)", f"{min(measured['jalali']):.2f} s"],
            ["lay_out, Gregorian (the whole PDF)", f"{min(measured['gregorian']):.2f} s"],
            ["baseline: the same rows in fpdf2's own table", f"{min(measured['fpdf2']):.2f} s"],
        ],
    )
    return section
