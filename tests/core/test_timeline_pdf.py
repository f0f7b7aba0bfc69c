"""The chronology as a PDF: what a reader finds in it, checked by extracting its text (shaped
Persian comes out as presentation forms, so text is compared after NFKC normalisation)."""

from __future__ import annotations

import datetime
import unicodedata

import pypdfium2

from amanat.core.dates import Calendar, parse_date
from amanat.core.records import Document, DocumentKind, Event, EventType, Person, Role
from amanat.core.storage import documents, events, people
from amanat.core.timeline import build_timeline
from amanat.core.timeline_pdf import to_pdf
from amanat.core.vault import Archive

TODAY = datetime.date(2024, 6, 15)


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        pages = [document[n].get_textpage().get_text_range() for n in range(len(document))]
    finally:
        document.close()
    # Cells wrap, so words are compared with the line breaks between them taken as spaces.
    # Invisible direction marks (the isolates around what was typed) are no part of the words.
    text = unicodedata.normalize("NFKC", "\n".join(pages))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Cf").split())


def letters_only(text: str) -> str:
    """Persian letters in their logical order, whatever spaces or joiners extraction left."""
    return "".join(c for c in text if c.isalpha())


def sara_with_events(archive: Archive) -> str:
    db = archive.db
    sara = people.add(db, Person("Sara Example", name_fa="سارا نمونه", roles=(Role.PRISONER,)))
    letter = documents.add(
        db, Document(DocumentKind.LETTER, "Letter from Evin", parse_date("March 2011"), sara.id)
    )
    events.add(
        db,
        Event(
            sara.id,
            EventType.ARREST,
            parse_date("2011-02-28"),
            place="Evin",
            source_ids=(letter.id,),
        ),
    )
    events.add(db, Event(sara.id, EventType.TRANSFER, parse_date("2012-01-10"), place="قرچک"))
    events.add(db, Event(sara.id, EventType.HUNGER_STRIKE, parse_date("1403/03/01"), ongoing=True))
    return sara.id


def test_pdf_holds_the_person_the_facts_the_dates_and_a_persian_place(archive: Archive):
    chronology = build_timeline(archive.db, sara_with_events(archive), today=TODAY)
    data = to_pdf(chronology)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Chronology of Sara Example" in text
    assert "Time detained" in text and "Transfers" in text and "Current place" in text
    assert "28 February 2011 · 9 Esfand 1389" in text
    assert "10 January 2012 · 20 Dey 1390" in text
    # The letter is dated only by its month, and its date says so in both calendars.
    assert "March 2011 · Esfand 1389 – Farvardin 1390" in text
    assert "Letter from Evin" in text  # as a timeline entry and as the arrest's source
    assert letters_only("قرچک") in letters_only(text)
    assert letters_only("سارا نمونه") in letters_only(text)


def test_pdf_dates_keep_the_calendar_they_were_entered_in(archive: Archive):
    chronology = build_timeline(archive.db, sara_with_events(archive), today=TODAY)
    text = pdf_text(to_pdf(chronology, Calendar.JALALI))
    assert "Facts as of 26 Khordad 1403 · 15 Jun 2024" in text  # the chosen calendar first
    assert "28 February 2011 · 9 Esfand 1389" in text  # typed in Gregorian
    assert "from 1 Khordad 1403 · 21 May 2024, ongoing" in text  # typed in Jalali
    assert "between" not in text and "only the" not in text


def test_pdf_of_a_person_without_events_says_nothing_is_recorded(archive: Archive):
    omid = people.add(archive.db, Person("Omid Example"))
    text = pdf_text(to_pdf(build_timeline(archive.db, omid.id, today=TODAY)))
    assert "Chronology of Omid Example" in text
    assert "Nothing is recorded for this person yet." in text


def test_two_exports_of_one_chronology_are_the_same_bytes(archive: Archive):
    chronology = build_timeline(archive.db, sara_with_events(archive), today=TODAY)
    assert to_pdf(chronology) == to_pdf(chronology)
