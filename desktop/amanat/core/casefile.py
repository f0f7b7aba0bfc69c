"""A case file: one person's case as a PDF for a submission (to a UN rapporteur, a court, a
newsroom). A cover with the person and what is included, the chronology with the facts
computed from it and each event's sources, then each document with its pages, its
transcription and translation, and its shareable annotations.

It holds exactly what a bundle of that person would: the plan comes from ``plan_export``
(withdrawn and private testimony, testimony consented to a narrower circle, private
annotations and documents in the trash stay out; an anonymised witness appears under their
pseudonym), and the page pictures are made by the same function as a bundle's. Documents are
numbered D1, D2… and every source is cited by that number and its pages, so a reader of a
printed copy finds "D3, page 2" without the archive.

Lines are laid out by ``pdf_layout`` (the Unicode bidirectional algorithm, Persian shaped by
HarfBuzz) in the Vazirmatn font, which covers Persian and Latin alike.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from fpdf import FPDF

from amanat.core.bundle.export import ExportOptions, ExportPlan, ExportScope, plan_export
from amanat.core.database import Database
from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date
from amanat.core.errors import ExportCancelled
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.leaving import page_as_it_leaves
from amanat.core.pdf_layout import Direction, LaidLine, Pages
from amanat.core.records import Audience, Document, Page, Text, TextRange, TimeRange
from amanat.core.resources import resource
from amanat.core.storage import people
from amanat.core.storage.pages import pixel_size
from amanat.core.time_ranges import range_clock
from amanat.core.timeline import build_timeline
from amanat.core.timeline_export import describe_days, describe_place

_FAMILY = "Vazirmatn"
_LABEL_WIDTH = 45
_CHRONOLOGY_HEADINGS = ("Date", "Event", "Place", "Sources")
_CHRONOLOGY_WIDTHS = (24, 36, 18, 22)
_CAPTION = 6.0
"""Millimetres under a page picture for its caption."""
_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


@dataclass(frozen=True, slots=True)
class CaseFile:
    data: bytes
    """The PDF file."""
    person: str
    """Who it is about, as it names them."""
    lines: tuple[LaidLine, ...]
    """Every line of text in it, where it is and what it says in logical order."""
    documents: int
    pages: int


def plan_case(db: Database, person_id: str, audience: Audience = Audience.ADVOCATES) -> ExportPlan:
    """What a case file of ``person_id`` holds: what a bundle of that person would."""
    return plan_export(db, ExportScope(person_id=person_id), ExportOptions(audience=audience))


def lay_out(
    db: Database,
    plan: ExportPlan,
    calendar: Calendar = Calendar.GREGORIAN,
    today: datetime.date | None = None,
    progress: Report | None = None,
    cancel: Cancel | None = None,
) -> CaseFile:
    """The case file of ``plan`` (from ``plan_case``) as the bytes of a PDF (A4)."""
    person_id = plan.scope.person_id
    assert person_id is not None, "a case file is about one person"
    today = today or datetime.date.today()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # A fixed date: the file says nothing of when it was made beyond what its cover says.
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    pdf.set_margins(15, 15, 15)
    pdf.add_font(_FAMILY, "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font(_FAMILY, "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_title("Case file")
    pages = Pages(pdf, _FAMILY)
    case = _Case(db, plan, person_id, calendar, today, pages)
    try:
        case.cover()
        case.chronology()
        case.documents(progress, cancel)
    except BaseException:
        # fpdf2 reads its fonts lazily and closes their files only when the PDF is output;
        # a case file given up half-way (cancelled) closes them here.
        for font in pdf.fonts.values():
            close = getattr(font, "close", None)
            if close is not None:
                close()
        raise
    return CaseFile(
        bytes(pdf.output()),
        case.person_name,
        tuple(pages.lines),
        len(plan.documents),
        len(plan.pages),
    )


@dataclass
class _Case:
    db: Database
    plan: ExportPlan
    person_id: str
    calendar: Calendar
    today: datetime.date
    pages: Pages

    def __post_init__(self) -> None:
        self.numbers = {d.id: n for n, d in enumerate(self.plan.documents, start=1)}
        self.pages_of: dict[str, list[Page]] = {}
        for page in self.plan.pages:
            self.pages_of.setdefault(page.document_id, []).append(page)
        self.texts_of: dict[str, list[Text]] = {}
        for text in self.plan.texts:
            self.texts_of.setdefault(text.document_id, []).append(text)
        self.names = {p.id: p.display_name for p in self.plan.people}
        pseudonyms = {p.person_id: p.pseudonym for p in self.plan.pseudonyms}
        self.anonymised = self.person_id in pseudonyms
        if self.anonymised:  # the case of an anonymised witness names only the pseudonym
            self.person_name = pseudonyms[self.person_id]
            self.other_names: tuple[str, ...] = ()
        else:
            # The record itself: a person with no document and no event is in no plan.
            found = people.get(self.db, self.person_id)
            self.person_name = found.display_name
            self.other_names = tuple(
                n for n in (found.name_fa, found.name_latin) if n and n != found.display_name
            )

    # --- Cover -------------------------------------------------------------------------

    def cover(self) -> None:
        pages = self.pages
        pages.space(20)
        pages.paragraph("Case file", 22, bold=True)
        pages.paragraph(_isolated(self.person_name), 18, bold=True, direction=Direction.LTR)
        for name in self.other_names:
            pages.paragraph(name, 15, bold=True)
        pages.space(4)
        pages.labelled("Made on:", format_date(_day(self.today), self.calendar), _LABEL_WIDTH)
        plan = self.plan
        for label, count in (
            ("Documents:", len(plan.documents)),
            ("Page pictures:", len(plan.pages)),
            ("Texts:", len(plan.texts)),
            ("Events:", len(plan.events)),
            ("Annotations:", len(plan.annotations)),
        ):
            pages.labelled(label, str(count), _LABEL_WIDTH)
        pages.space(4)
        pages.paragraph("What is included", 12, bold=True)
        pages.paragraph(
            "Exactly what a bundle of this person would hold: withdrawn testimony, private "
            "testimony, testimony whose witness consented only to a narrower circle than "
            f"“{plan.options.audience.value}”, private annotations and documents in the trash "
            "are not in it. Anonymised witnesses appear under a pseudonym. Page pictures are "
            "sanitised copies (pixels only, no location or camera data).",
            direction=Direction.LTR,
        )
        pages.space(3)
        pages.paragraph("Documents", 12, bold=True)
        if not plan.documents:
            pages.paragraph("None.")
        for document in plan.documents:
            count = len(self.pages_of.get(document.id, []))
            pages.paragraph(
                f"D{self.numbers[document.id]}  {_isolated(document.title)} "
                f"({document.kind.value}, {self._date(document.date)}, "
                f"{count} page{'s' if count != 1 else ''})",
                direction=Direction.LTR,
            )

    # --- Chronology ----------------------------------------------------------------------

    def chronology(self) -> None:
        pages = self.pages
        pages.new_page()
        pages.paragraph(f"Chronology of {_isolated(self.person_name)}", 16, bold=True)
        pages.space(2)
        if not self.anonymised:
            facts = build_timeline(self.db, self.person_id, self.today).facts
            pages.paragraph(
                f"Facts as of {format_date(_day(facts.today), self.calendar)}", 12, bold=True
            )
            for label, value in (
                ("Time detained", describe_days(facts.detained)),
                ("Solitary confinement", describe_days(facts.solitary)),
                ("Hunger strike", describe_days(facts.hunger_strike)),
                ("Transfers", str(facts.transfers)),
                ("Current place", describe_place(facts.current_place)),
            ):
                pages.labelled(label + ":", value, _LABEL_WIDTH)
            pages.space(3)
        rows = []
        for event in sorted(self.plan.events, key=lambda e: (e.date.start, e.date.end)):
            when = self._date(event.date)
            if event.end_date is not None:
                when += " – " + self._date(event.end_date)
            elif event.ongoing:
                when += " – ongoing"
            what = event.type.value.replace("-", " ")
            if event.person_id != self.person_id:
                what = f"{_isolated(self.names.get(event.person_id, ''))}: {what}"
            if event.description:
                what += f": {_isolated(event.description)}"
            sources = "; ".join(self._cited(s) for s in event.source_ids if s in self.numbers)
            rows.append((when, what, event.place, sources))
        if not rows:
            pages.paragraph("No events are recorded for this person.")
            return
        pages.table(
            _CHRONOLOGY_HEADINGS,
            rows,
            _CHRONOLOGY_WIDTHS,
            size=9,
            defaults=(Direction.LTR,) * 4,
        )

    def _cited(self, document_id: str) -> str:
        """A source as a reader of the printed file finds it: "D3, pages 1–2"."""
        number = self.numbers[document_id]
        count = len(self.pages_of.get(document_id, []))
        if count == 0:
            return f"D{number}"
        return f"D{number}, page 1" if count == 1 else f"D{number}, pages 1–{count}"

    # --- Documents -----------------------------------------------------------------------

    def documents(self, progress: Report | None, cancel: Cancel | None) -> None:
        done, total = 0, len(self.plan.pages)
        notes_on: dict[str, list[str]] = {}
        for note in self.plan.annotations:
            target = note.target
            if isinstance(target, TextRange):
                notes_on.setdefault(target.text_id, []).append(
                    f"On “{_isolated(target.quote)}”: {_isolated(note.body)}"
                )
            elif isinstance(target, TimeRange):
                notes_on.setdefault(target.page_id, []).append(
                    f"From {range_clock(target)} of the recording: {_isolated(note.body)}"
                )
            else:
                notes_on.setdefault(target.page_id, []).append(
                    f"On a region of the page: {_isolated(note.body)}"
                )
        for document in self.plan.documents:
            number = self.numbers[document.id]
            self._heading(document, number)
            its_pages = self.pages_of.get(document.id, [])
            for page in its_pages:
                if cancelled(cancel):
                    raise ExportCancelled()
                if progress is not None:
                    progress(Progress(done, total, f"D{number}, page {page.number}"))
                self._picture(page, number, len(its_pages), notes_on.get(page.id, []))
                done += 1
            for text in self.texts_of.get(document.id, []):
                self._text(text, number, notes_on.get(text.id, []))
        if progress is not None:
            progress(Progress(total, total, ""))

    def _heading(self, document: Document, number: int) -> None:
        pages = self.pages
        pages.new_page()
        pages.paragraph(f"D{number}  {_isolated(document.title)}", 15, bold=True)
        about = f"{document.kind.value.capitalize()}, {self._date(document.date)}"
        if document.author_id:
            about += f", by {_isolated(self.names.get(document.author_id, ''))}"
        pages.paragraph(about, direction=Direction.LTR)
        pages.space(3)

    def _picture(self, page: Page, number: int, count: int, notes: list[str]) -> None:
        pages = self.pages
        # The copy a bundle carries: sanitised, upright, redactions burned in.
        copy = page_as_it_leaves(self.db, page.id, keep_metadata=False)
        pdf = pages.pdf
        width_px, height_px = _pixel_size(copy.data)
        room_width = pages.width
        room_height = pages.bottom - pages.y - _CAPTION
        if room_height < 60:  # less than a quarter of a page left: start a new one
            pages.new_page()
            room_height = pages.bottom - pages.y - _CAPTION
        scale = min(room_width / width_px, room_height / height_px)
        width, height = width_px * scale, height_px * scale
        x = pages.left + (room_width - width) / 2
        pdf.image(io.BytesIO(copy.data), x=x, y=pages.y, w=width, h=height)
        pages.y += height + 1
        pages.paragraph(f"D{number}, page {page.number} of {count}", 9, direction=Direction.LTR)
        for note in notes:
            pages.paragraph("• " + note, 9, direction=Direction.LTR)
        pages.space(3)

    def _text(self, text: Text, number: int, notes: list[str]) -> None:
        pages = self.pages
        pages.space(2)
        pages.paragraph(
            f"D{number}: {text.kind.value} ({text.language or 'language not given'})",
            12,
            bold=True,
        )
        default = Direction.RTL if text.language in ("fa", "ar", "ku") else Direction.LTR
        pages.paragraph(text.body, 10, default=default)
        for note in notes:
            pages.paragraph("• " + note, 9, direction=Direction.LTR)

    def _date(self, date: FuzzyDate | None) -> str:
        return "undated" if date is None else format_date(date, self.calendar)


def _day(day: datetime.date) -> FuzzyDate:
    return FuzzyDate(day, day, Precision.DAY)


def _isolated(text: str) -> str:
    """What someone typed, set in an English sentence as a unit of its own direction."""
    if not text:
        return text
    return _FIRST_STRONG_ISOLATE + " ".join(text.split()) + _POP_ISOLATE


def _pixel_size(data: bytes) -> tuple[int, int]:
    width, height = pixel_size(data)
    return max(1, width or 1), max(1, height or 1)
