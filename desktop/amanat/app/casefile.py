"""A person's case file: a PDF for a submission holding what a bundle of that person would
(consent and visibility exactly as bundles honour them), for the window and the command line."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from amanat.core.dates import Calendar
from amanat.core.jobs import Cancel, Report
from amanat.core.pdf_words import ENGLISH, PdfWords
from amanat.core.records import Audience
from amanat.core.timeline_export import write_new_file
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class WrittenCaseFile:
    path: Path
    person: str
    """Who it is about, as named in it (an anonymised witness by their pseudonym)."""
    documents: int
    pages: int
    held_back: int
    """Records that stayed home (consent, private notes, the trash), for the one who made it;
    the file itself does not say how many."""


def write_case_file(
    archive: Archive,
    person_id: str,
    path: Path,
    calendar: Calendar = Calendar.GREGORIAN,
    audience: Audience = Audience.ADVOCATES,
    today: datetime.date | None = None,
    report: Report | None = None,
    cancel: Cancel | None = None,
    words: PdfWords = ENGLISH,
) -> WrittenCaseFile:
    """Write the case file of ``person_id`` to ``path``, a file that must not exist yet, its
    headings and labels in ``words``' language."""
    from amanat.core import casefile  # fpdf2 is loaded only for a PDF

    plan = casefile.plan_case(archive.db, person_id, audience)
    laid = casefile.lay_out(archive.db, plan, calendar, today, report, cancel, words)
    write_new_file(path, laid.data)
    return WrittenCaseFile(path, laid.person, laid.documents, laid.pages, len(plan.held_back))
