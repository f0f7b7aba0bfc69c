"""A person's case file (PDF): what a bundle of that person would hold, and nothing that
stays home, read back from the PDF's own text; Persian shaped; sources cited by page."""

from __future__ import annotations

import datetime
from pathlib import Path

import pypdfium2
import pytest

from amanat.app.casefile import write_case_file
from amanat.core import casefile
from amanat.core.dates import Calendar, parse_date
from amanat.core.errors import AmanatError, ExportCancelled
from amanat.core.leaving import page_as_it_leaves
from amanat.core.pdf_layout import Direction
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    Role,
    Text,
    TextKind,
)
from amanat.core.storage import documents, events, people, texts
from amanat.core.vault import Archive
from tests.core.test_timeline_pdf import letters_only, pdf_text
from tests.helpers.bundles import CANARIES, SHARED_NOTE, WITNESS_NAME, fill

TODAY = datetime.date(2024, 6, 15)


def _case(archive: Archive, person_id: str, calendar: Calendar = Calendar.GREGORIAN):
    plan = casefile.plan_case(archive.db, person_id)
    return casefile.lay_out(archive.db, plan, calendar, TODAY)


def test_case_file_holds_what_leaves_and_nothing_that_stays_home(archive: Archive) -> None:
    sample = fill(archive)
    laid = _case(archive, sample.prisoner)
    text = pdf_text(laid.data)
    for canary in CANARIES:
        assert canary not in text, canary
    assert "Case file" in text and "Mahtab Rezvani" in text
    assert "Letter from Evin" in text and "They keep me alone in a cell." in text
    assert "She was on hunger strike." in text  # testimony consented to advocates
    assert SHARED_NOTE in text  # a shareable annotation, with the passage it is on
    assert "Witness " in text  # the anonymised witness, under their pseudonym
    assert "Time detained" in text  # the facts of the chronology
    assert laid.documents == 3 and laid.pages == 1


def test_sources_are_cited_by_document_and_page(archive: Archive) -> None:
    sample = fill(archive)
    text = pdf_text(_case(archive, sample.prisoner).data)
    # The arrest cites the letter, D1, whose one page is captioned so a reader finds it.
    assert "arrest" in text and "D1, page 1" in text
    assert "D1, page 1 of 1" in text
    assert "D1 Letter from Evin" in text


def test_page_pictures_are_the_copies_that_leave_not_the_originals(archive: Archive) -> None:
    sample = fill(archive)
    data = _case(archive, sample.prisoner).data
    leaving = page_as_it_leaves(archive.db, sample.page, keep_metadata=False).data
    assert leaving in data  # the sanitised JPEG, embedded as it is
    assert sample.photo not in data  # never the original with its GPS and names
    document = pypdfium2.PdfDocument(data)
    try:
        images = sum(
            1
            for n in range(len(document))
            for item in document[n].get_objects()
            if item.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        document.close()
    assert images == 1


def test_case_file_of_an_anonymised_witness_names_only_the_pseudonym(archive: Archive) -> None:
    sample = fill(archive)
    laid = _case(archive, sample.witness)
    text = pdf_text(laid.data)
    assert WITNESS_NAME not in text and "CanaryAlias" not in text
    assert laid.person.startswith("Witness ")
    assert "He fainted in the yard." in text


def test_persian_is_shaped_right_to_left_and_dates_follow_the_calendar(archive: Archive) -> None:
    db = archive.db
    sara = people.add(db, Person("Sara Example", name_fa="سارا نمونه", roles=(Role.PRISONER,)))
    letter = documents.add(
        db,
        Document(
            DocumentKind.LETTER,
            "نامه از اوین",
            parse_date("2011-03-05"),
            sara.id,
            concerned_ids=(sara.id,),
        ),
    )
    body = "مرا در سلول انفرادی نگه داشته‌اند."
    texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", body))
    events.add(
        db, Event(sara.id, EventType.ARREST, parse_date("2011-02-28"), source_ids=(letter.id,))
    )
    laid = _case(archive, sara.id, Calendar.JALALI)
    text = pdf_text(laid.data)
    # Text extracted from shaped right-to-left runs comes out in visual order, so the words
    # are looked for one by one; the layout's own record has the whole paragraph in order.
    for word in ("مرا", "نگه", "داشته‌اند"):
        assert letters_only(word) in letters_only(text)
    assert letters_only("سارا نمونه") in letters_only(text)
    assert "9 Esfand 1389" in text  # the arrest, in the Jalali calendar asked for
    laid_body = [line for line in laid.lines if line.paragraph == body]
    assert laid_body and all(line.direction is Direction.RTL for line in laid_body)


def test_cancelling_writes_no_file(archive: Archive, tmp_path: Path) -> None:
    sample = fill(archive)
    target = tmp_path / "case.pdf"
    with pytest.raises(ExportCancelled):
        write_case_file(archive, sample.prisoner, target, cancel=lambda: True)
    assert not target.exists()


def test_an_unknown_person_is_one_clear_sentence(archive: Archive, tmp_path: Path) -> None:
    target = tmp_path / "case.pdf"
    with pytest.raises(AmanatError):
        write_case_file(archive, "00000000-0000-4000-8000-000000000000", target)
    assert not target.exists()


def test_case_file_holds_no_redacted_word_no_witness_name_and_the_pixels_burned_in(
    archive: Archive,
) -> None:
    # The bundle redaction test's archive: a page half redacted, an address redacted in the
    # witness's testimony, the witness named in both scripts and by an alias.
    from tests.bundle.test_bundle_redaction import SECRET_ADDRESS, WITNESS_FA, _prepared
    from tests.helpers.bundles import WITNESS_ALIAS

    document_id, _page = _prepared(archive)
    about = documents.get(archive.db, document_id).people_ids[0]
    laid = _case(archive, about)
    text = pdf_text(laid.data)
    assert "saw her fall" in text  # the testimony is in the case file...
    for secret in (WITNESS_NAME, WITNESS_FA, WITNESS_ALIAS, SECRET_ADDRESS, "Quokkarud"):
        assert secret not in text, secret  # ...without what was redacted or replaced
    # The page's picture in the PDF is black on its redacted right half, green on the left.
    document = pypdfium2.PdfDocument(laid.data)
    try:
        (picture,) = [
            item.get_bitmap().to_pil().convert("RGB")
            for n in range(len(document))
            for item in document[n].get_objects()
            if item.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
        ]
    finally:
        document.close()
    width, height = picture.size
    assert all(
        high < 40 for _low, high in picture.crop((width // 2 + 1, 0, width, height)).getextrema()
    )
    assert picture.crop((0, 0, width // 2 - 2, height)).getextrema()[1][0] > 150
