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
from dataclasses import dataclass, replace

from fpdf import FPDF

from amanat.core.bundle import timed_lines
from amanat.core.bundle.export import ExportOptions, ExportPlan, ExportScope, plan_export
from amanat.core.database import Database
from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date
from amanat.core.errors import ExportCancelled
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.leaving import page_as_it_leaves, replace_names
from amanat.core.pdf_layout import Direction, LaidLine, Pages
from amanat.core.pdf_words import ENGLISH, PdfWords
from amanat.core.recordings import facts
from amanat.core.records import Audience, Document, Page, Text, TextRange, TimeRange
from amanat.core.resources import resource
from amanat.core.storage import people
from amanat.core.storage.pages import is_recording, pixel_size, scan_details
from amanat.core.time_ranges import clock, range_clock
from amanat.core.timeline import CurrentPlace, build_timeline
from amanat.core.timeline_export import describe_days, describe_place

_FAMILY = "Vazirmatn"
_LABEL_WIDTH = 45
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
    words: PdfWords = ENGLISH,
) -> CaseFile:
    """The case file of ``plan`` (from ``plan_case``) as the bytes of a PDF (A4), its own
    headings and labels in ``words``' language."""
    person_id = plan.scope.person_id
    assert person_id is not None, "a case file is about one person"
    today = today or datetime.date.today()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    # A fixed date: the file says nothing of when it was made beyond what its cover says.
    pdf.set_creation_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    pdf.set_margins(15, 15, 15)
    pdf.add_font(_FAMILY, "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font(_FAMILY, "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    pdf.set_title(words.case_file)
    pages = Pages(pdf, _FAMILY)
    case = _Case(db, plan, person_id, calendar, today, pages, words)
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
    words: PdfWords

    def __post_init__(self) -> None:
        self.direction = Direction.of(self.words.right_to_left)
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
        pages, words, direction = self.pages, self.words, self.direction
        pages.space(20)
        pages.paragraph(words.case_file, 22, bold=True, direction=direction)
        pages.paragraph(_isolated(self.person_name), 18, bold=True, direction=direction)
        for name in self.other_names:
            pages.paragraph(name, 15, bold=True)
        pages.space(4)
        made = words.isolated(format_date(_day(self.today), self.calendar, words.language))
        pages.labelled(words.made_on, made, _LABEL_WIDTH, direction=direction)
        plan = self.plan
        for label, count in (
            (words.documents_count, len(plan.documents)),
            (words.pictures_count, len(plan.pages)),
            (words.texts_count, len(plan.texts)),
            (words.events_count, len(plan.events)),
            (words.annotations_count, len(plan.annotations)),
        ):
            pages.labelled(label, words.number(count), _LABEL_WIDTH, direction=direction)
        pages.space(4)
        pages.paragraph(words.what_is_included, 12, bold=True, direction=direction)
        pages.paragraph(
            words.included.format(audience=words.name(plan.options.audience)),
            direction=direction,
        )
        pages.space(3)
        pages.paragraph(words.documents, 12, bold=True, direction=direction)
        if not plan.documents:
            pages.paragraph(words.no_documents, direction=direction)
        for document in plan.documents:
            count = len(self.pages_of.get(document.id, []))
            cited = words.isolated(
                words.cited.format(number=words.number(self.numbers[document.id]))
            )
            about = words.comma.join(
                (words.name(document.kind), self._date(document.date), words.page_count(count))
            )
            pages.paragraph(
                f"{cited}  {_isolated(document.title)} ({words.isolated(about)})",
                direction=direction,
            )

    # --- Chronology ----------------------------------------------------------------------

    def chronology(self) -> None:
        pages, words, direction = self.pages, self.words, self.direction
        pages.new_page()
        heading = words.chronology_of.format(name=_isolated(self.person_name))
        pages.paragraph(heading, 16, bold=True, direction=direction)
        pages.space(2)
        if not self.anonymised:
            facts = build_timeline(self.db, self.person_id, self.today).facts
            pages.paragraph(
                words.facts_as_of.format(
                    date=words.isolated(
                        format_date(_day(facts.today), self.calendar, words.language)
                    )
                ),
                12,
                bold=True,
                direction=direction,
            )
            current = self._current_place(facts.current_place)
            for label, value in (
                (words.time_detained, describe_days(facts.detained, words)),
                (words.solitary, describe_days(facts.solitary, words)),
                (words.hunger_strike, describe_days(facts.hunger_strike, words)),
                (words.transfers, words.number(facts.transfers)),
                (words.current_place, describe_place(current, words)),
            ):
                pages.labelled(label, value, _LABEL_WIDTH, direction=direction)
            pages.space(3)
        rows = []
        for event in sorted(self.plan.events, key=lambda e: (e.date.start, e.date.end)):
            when = self._date(event.date)
            if event.end_date is not None:
                when = words.until.format(start=when, end=self._date(event.end_date))
            elif event.ongoing:
                when = words.ongoing.format(start=when)
            what = words.name(event.type)
            if event.person_id != self.person_id:
                what = f"{_isolated(self.names.get(event.person_id, ''))}: {what}"
            if event.description:
                what += f": {_isolated(event.description)}"
            sources = "; ".join(self._cited(s) for s in event.source_ids if s in self.numbers)
            rows.append((when, what, event.place, sources))
        if not rows:
            pages.paragraph(words.no_events, direction=direction)
            return
        headings = (words.date, words.event, words.place, words.sources)
        pages.table(
            headings,
            rows,
            _CHRONOLOGY_WIDTHS,
            size=9,
            defaults=(direction,) * 4,
            from_the_right=words.right_to_left,
        )

    def _current_place(self, place: CurrentPlace) -> CurrentPlace:
        """Where the person is held, as it leaves: an event's place may name a witness."""
        return replace(place, place=replace_names(place.place, self.plan.replacements))

    def _cited(self, document_id: str) -> str:
        """A source as a reader of the printed file finds it: "D3, pages 1–2"."""
        number = self.words.number(self.numbers[document_id])
        count = len(self.pages_of.get(document_id, []))
        if count == 0:
            return self.words.cited.format(number=number)
        if count == 1:
            return self.words.cited_page.format(number=number)
        return self.words.cited_pages.format(number=number, count=self.words.number(count))

    # --- Documents -----------------------------------------------------------------------

    def documents(self, progress: Report | None, cancel: Cancel | None) -> None:
        done, total = 0, len(self.plan.pages)
        notes_on: dict[str, list[str]] = {}
        for note in self.plan.annotations:
            target = note.target
            if isinstance(target, TextRange):
                notes_on.setdefault(target.text_id, []).append(
                    self.words.on_passage.format(
                        quote=_isolated(target.quote), note=_isolated(note.body)
                    )
                )
            elif isinstance(target, TimeRange):
                notes_on.setdefault(target.page_id, []).append(
                    self.words.on_moment.format(
                        moment=self.words.isolated(self.words.digits(range_clock(target))),
                        note=_isolated(note.body),
                    )
                )
            else:
                notes_on.setdefault(target.page_id, []).append(
                    self.words.on_region.format(note=_isolated(note.body))
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
                if is_recording(page):
                    self._recording(page, number, len(its_pages), notes_on.get(page.id, []))
                else:
                    self._picture(page, number, len(its_pages), notes_on.get(page.id, []))
                done += 1
            for text in self.texts_of.get(document.id, []):
                self._text(text, number, notes_on.get(text.id, []))
        if progress is not None:
            progress(Progress(total, total, ""))

    def _heading(self, document: Document, number: int) -> None:
        pages, words = self.pages, self.words
        pages.new_page()
        cited = words.cited.format(number=words.number(number))
        pages.paragraph(f"{cited}  {_isolated(document.title)}", 15, bold=True)
        kind = words.name(document.kind)
        about = words.isolated(
            words.comma.join((kind[:1].upper() + kind[1:], self._date(document.date)))
        )
        if document.author_id:
            author = _isolated(self.names.get(document.author_id, ""))
            about = words.by.format(about=about, name=author)
        pages.paragraph(about, direction=self.direction)
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
        words = self.words
        caption = words.caption.format(
            number=words.number(number), page=words.number(page.number), count=words.number(count)
        )
        pages.paragraph(caption, 9, direction=self.direction)
        for note in notes:
            pages.paragraph("• " + note, 9, direction=self.direction)
        pages.space(3)

    def _recording(self, page: Page, number: int, count: int, notes: list[str]) -> None:
        """A recording has no picture to print: it is named, with its length, as the page
        of the document that it is, and the reader finds it in the bundle."""
        found = facts.from_json(scan_details(self.db, page.id).metadata)
        words = self.words
        length = (
            words.comma + words.digits(clock(found.duration)) if found and found.duration else ""
        )
        caption = words.recording_caption.format(
            number=words.number(number),
            page=words.number(page.number),
            count=words.number(count),
            kind=words.isolated(page.mime_type),
            length=length,
        )
        self.pages.paragraph(caption, 9, direction=self.direction)
        for note in notes:
            self.pages.paragraph("• " + note, 9, direction=self.direction)
        self.pages.space(3)

    def _text(self, text: Text, number: int, notes: list[str]) -> None:
        pages = self.pages
        pages.space(2)
        heading = self.words.text_heading.format(
            number=self.words.number(number),
            kind=self.words.name(text.kind),
            language=text.language or self.words.language_not_given,
        )
        pages.paragraph(heading, 12, bold=True, direction=self.direction)
        default = Direction.RTL if text.language in ("fa", "ar", "ku") else Direction.LTR
        # A recording's transcription: each timed line with its time in front, as in a bundle.
        body = timed_lines.with_times(text.body, self.plan.timed_lines.get(text.id, ()))
        pages.paragraph(body, 10, default=default)
        for note in notes:
            pages.paragraph("• " + note, 9, direction=self.direction)

    def _date(self, date: FuzzyDate | None) -> str:
        if date is None:
            return self.words.undated
        return format_date(date, self.calendar, self.words.language)


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
