"""A person's chronology with the facts computed from it, and the chronology written to a
file as a PDF or a spreadsheet (CSV)."""

from __future__ import annotations

import datetime
from pathlib import Path

from amanat.core import leaving
from amanat.core.dates import Calendar
from amanat.core.pdf_words import ENGLISH, PdfWords
from amanat.core.timeline import Timeline, build_timeline
from amanat.core.timeline_export import to_csv_file_bytes, write_new_file
from amanat.core.vault import Archive


def load_timeline(
    archive: Archive,
    person_id: str,
    today: datetime.date | None = None,
    include_trash: bool = False,
) -> Timeline:
    """The person's chronology and its facts, counting what still goes on up to ``today``."""
    return build_timeline(archive.db, person_id, today=today, include_trash=include_trash)


def chronology_file(
    timeline: Timeline, file_format: str, calendar: Calendar, words: PdfWords = ENGLISH
) -> bytes:
    """The chronology as a "pdf" or a "csv" file's bytes, dates in ``calendar``, a PDF's
    own headings and labels in ``words``' language."""
    if file_format == "pdf":
        from amanat.core.timeline_pdf import to_pdf  # fpdf2 is loaded only for a PDF

        return to_pdf(timeline, calendar, words)
    return to_csv_file_bytes(timeline, calendar)


def as_it_leaves(archive: Archive, timeline: Timeline) -> Timeline:
    """The chronology as it is written to a file: every anonymised witness's names replaced
    by their pseudonym (the one their bundles give them) in every text in it."""
    from amanat.core.bundle.export import pseudonyms_of  # loaded only for an export

    anonymised = leaving.anonymised_witnesses(archive.db)
    if not anonymised:
        return timeline
    pseudonyms = {p.person_id: p.pseudonym for p in pseudonyms_of(archive.db, anonymised).values()}
    replacements = leaving.replacements_for(archive.db, pseudonyms)
    return leaving.timeline_as_it_leaves(timeline, replacements, pseudonyms)


def export_timeline(
    archive: Archive,
    person_id: str,
    path: Path,
    file_format: str,
    calendar: Calendar,
    today: datetime.date | None = None,
    include_trash: bool = False,
    words: PdfWords = ENGLISH,
) -> Timeline:
    """Write the person's chronology to ``path``, a file that must not exist yet; returns what
    was written."""
    timeline = as_it_leaves(archive, load_timeline(archive, person_id, today, include_trash))
    write_new_file(path, chronology_file(timeline, file_format, calendar, words))
    return timeline
