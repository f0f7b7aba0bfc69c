"""Records go in as frozen values and come back equal; links, trash and validation hold."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from amanat.core.dates import parse_date
from amanat.core.errors import DuplicateName, InvalidDate, InvalidInput, RecordNotFound
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Event,
    EventType,
    ImageRegion,
    Person,
    PersonStatus,
    Role,
    Tag,
    Text,
    TextKind,
    Visibility,
)
from amanat.core.storage import annotations, documents, events, pages, people, tags, texts
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive
from tests.helpers.records import a_letter, a_prisoner, png_bytes


def test_person_comes_back_exactly_as_stored(archive: Archive):
    person = a_prisoner(archive)
    assert people.get(archive.db, person.id) == person


def test_prisoners_are_listed_before_other_people(archive: Archive):
    people.add(archive.db, Person(display_name="Aaron Lawyer", roles=(Role.LAWYER,)))
    prisoner = a_prisoner(archive, "Zahra Example")
    assert people.all_people(archive.db)[0].id == prisoner.id


def test_updating_a_person_keeps_the_id_and_changes_the_modified_time(archive: Archive):
    person = a_prisoner(archive)
    changed = people.update(archive.db, dataclasses.replace(person, status=PersonStatus.RELEASED))
    stored = people.get(archive.db, person.id)
    assert stored.status == PersonStatus.RELEASED
    assert stored.modified == changed.modified >= person.modified


def test_document_with_consent_provenance_and_people_round_trips(archive: Archive):
    person = a_prisoner(archive)
    relative = people.add(archive.db, Person(display_name="Mother", roles=(Role.RELATIVE,)))
    tag = tags.ensure(archive.db, "conditions/solitary")
    document = documents.add(
        archive.db,
        Document(
            kind=DocumentKind.TESTIMONY,
            title="Testimony of a cellmate",
            date=parse_date("c. 2019"),
            recipient_ids=(relative.id,),
            concerned_ids=(person.id,),
            consent=Consent(audience=Audience.LEGAL_TEAM, anonymise=True),
            tag_ids=(tag.id,),
        ),
    )
    stored = documents.get(archive.db, document.id)
    assert stored == document
    assert stored.date is not None and stored.date.circa
    assert stored.people_ids == (relative.id, person.id)


def test_jalali_date_is_stored_as_its_gregorian_interval(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    row = archive.db.one("SELECT date_start, date_end FROM documents WHERE id = ?", (letter.id,))
    assert row == ("2011-03-15", "2011-03-15")


def test_a_date_that_does_not_exist_is_refused_before_anything_is_saved():
    with pytest.raises(InvalidDate, match="2011-13-40"):
        parse_date("2011-13-40")
    with pytest.raises(InvalidDate, match="1401/13/01"):
        parse_date("1401/13/01")


def test_documents_need_a_title(archive: Archive):
    with pytest.raises(InvalidInput, match="title"):
        documents.add(archive.db, Document(kind=DocumentKind.NOTE, title="  "))
    assert documents.count(archive.db) == 0


def test_unknown_document_id_is_a_clear_error(archive: Archive):
    with pytest.raises(RecordNotFound, match="no document with the id nope"):
        documents.get(archive.db, "nope")


def test_documents_filter_by_person_kind_and_tag_including_child_tags(archive: Archive):
    reza, sara = a_prisoner(archive), a_prisoner(archive, "Sara Example")
    solitary = tags.ensure(archive.db, "conditions/solitary")
    conditions = tags.find(archive.db, "conditions")
    assert conditions is not None
    first = a_letter(archive, reza)
    documents.update(archive.db, dataclasses.replace(first, tag_ids=(solitary.id,)))
    a_letter(archive, sara, "Sara's letter")
    court = documents.add(
        archive.db, Document(kind=DocumentKind.COURT, title="Verdict", concerned_ids=(reza.id,))
    )

    def ids(where: DocumentFilter) -> set[str]:
        return {d.id for d in documents.list_documents(archive.db, where)}

    assert ids(DocumentFilter(person_id=reza.id)) == {first.id, court.id}
    assert ids(DocumentFilter(kind=DocumentKind.COURT)) == {court.id}
    assert ids(DocumentFilter(tag_id=conditions.id)) == {first.id}


def test_trash_hides_a_document_until_restored(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    documents.move_to_trash(archive.db, letter.id)
    assert documents.list_documents(archive.db) == []
    assert [d.id for d in documents.list_documents(archive.db, DocumentFilter(in_trash=True))] == [
        letter.id
    ]
    documents.restore_from_trash(archive.db, letter.id)
    assert [d.id for d in documents.list_documents(archive.db)] == [letter.id]


def test_emptying_the_trash_removes_the_document_its_pages_texts_and_unshared_files(
    archive: Archive,
):
    person = a_prisoner(archive)
    kept, gone = a_letter(archive, person, "Kept"), a_letter(archive, person, "Gone")
    shared = png_bytes(10, 10)
    pages.add(archive.db, kept.id, shared)
    pages.add(archive.db, gone.id, shared)
    pages.add(archive.db, gone.id, png_bytes(20, 20))
    text = texts.add(archive.db, Text(gone.id, TextKind.TRANSCRIPTION, "fa", "متن نامه"))
    annotations.on_text(archive.db, text.id, 0, 3, "note")
    documents.move_to_trash(archive.db, gone.id)
    assert documents.empty_trash(archive.db) == 1
    with pytest.raises(RecordNotFound):
        documents.get(archive.db, gone.id)
    assert archive.db.value("SELECT count(*) FROM texts") == 0
    assert archive.db.value("SELECT count(*) FROM annotations") == 0
    assert archive.db.value("SELECT count(*) FROM files") == 1  # the shared file stays
    assert len(pages.pages_of(archive.db, kept.id)) == 1


def test_page_keeps_the_original_bytes_and_their_hash(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    data = png_bytes(40, 30)
    page = pages.add(archive.db, letter.id, data, "scan.png")
    assert pages.original_bytes(archive.db, page.id) == data
    assert page.sha256 == hashlib.sha256(data).hexdigest()
    assert (page.mime_type, page.size, page.width, page.height) == ("image/png", len(data), 40, 30)
    assert pages.get(archive.db, page.id) == page


def test_page_type_comes_from_content_not_name(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    page = pages.add(archive.db, letter.id, b"%PDF-1.4 not really", "letter.jpg")
    assert page.mime_type == "application/pdf"
    assert (page.width, page.height) == (None, None)


def test_pages_are_numbered_in_order_and_a_file_is_stored_once(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    data = png_bytes()
    first = pages.add(archive.db, letter.id, data)
    second = pages.add(archive.db, letter.id, data)
    assert (first.number, second.number) == (1, 2)
    assert archive.db.value("SELECT count(*) FROM files") == 1


def test_rotating_a_page_never_changes_the_original(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    data = png_bytes()
    page = pages.add(archive.db, letter.id, data)
    assert pages.set_rotation(archive.db, page.id, 270).rotation == 270
    assert pages.set_rotation(archive.db, page.id, 180).rotation == 180
    assert pages.original_bytes(archive.db, page.id) == data
    with pytest.raises(InvalidInput):
        pages.set_rotation(archive.db, page.id, 45)


def test_texts_keep_language_direction_and_status(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    persian = texts.add(archive.db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "سلام"))
    english = texts.add(archive.db, Text(letter.id, TextKind.TRANSLATION, "en", "Hello"))
    assert texts.texts_of(archive.db, letter.id) == [persian, english]
    assert persian.right_to_left and not english.right_to_left


def test_nested_tags_have_paths_and_unique_names_among_siblings(archive: Archive):
    solitary = tags.ensure(archive.db, "conditions/solitary", colour="#aa3355")
    assert tags.path_of(archive.db, solitary.id) == "conditions/solitary"
    assert tags.ensure(archive.db, "conditions/solitary").id == solitary.id
    parent = tags.find(archive.db, "conditions")
    assert parent is not None and solitary.parent_id == parent.id
    with pytest.raises(DuplicateName):
        tags.add(archive.db, Tag(name="solitary", parent_id=parent.id))
    tags.add(archive.db, Tag(name="solitary"))  # the same name at the top is another tag


def test_a_tag_cannot_be_moved_inside_itself(archive: Archive):
    child = tags.ensure(archive.db, "a/b")
    parent = tags.find(archive.db, "a")
    assert parent is not None
    with pytest.raises(InvalidInput, match="inside itself"):
        tags.update(archive.db, dataclasses.replace(parent, parent_id=child.id))


def test_bad_tag_colour_is_refused(archive: Archive):
    with pytest.raises(InvalidInput, match="not a colour"):
        tags.add(archive.db, Tag(name="x", colour="red"))


def test_event_with_span_sources_and_tags_round_trips(archive: Archive):
    person = a_prisoner(archive)
    letter = a_letter(archive, person)
    tag = tags.ensure(archive.db, "conditions/solitary")
    event = events.add(
        archive.db,
        Event(
            person_id=person.id,
            type=EventType.SOLITARY,
            date=parse_date("1399-08-01"),
            end_date=parse_date("1399-09-15"),
            place="Evin Prison, Ward 209",
            source_ids=(letter.id,),
            tag_ids=(tag.id,),
        ),
    )
    assert events.get(archive.db, event.id) == event
    assert events.events_of(archive.db, person.id) == [event]
    assert events.places(archive.db) == ["Evin Prison, Ward 209"]


def test_event_ending_before_it_starts_is_refused_and_nothing_saved(archive: Archive):
    person = a_prisoner(archive)
    with pytest.raises(InvalidInput, match="before the start"):
        events.add(
            archive.db,
            Event(person.id, EventType.HUNGER_STRIKE, parse_date("2020-05"), parse_date("2020-04")),
        )
    assert events.events_of(archive.db, person.id) == []


def test_event_with_unknown_source_saves_nothing(archive: Archive):
    person = a_prisoner(archive)
    with pytest.raises(RecordNotFound):
        events.add(
            archive.db,
            Event(person.id, EventType.TRIAL, parse_date("2020"), source_ids=("missing",)),
        )
    assert events.events_of(archive.db, person.id) == []


def test_text_annotation_quotes_its_passage_with_context(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    text = texts.add(
        archive.db, Text(letter.id, TextKind.TRANSLATION, "en", "They kept me in solitary.")
    )
    note = annotations.on_text(archive.db, text.id, 16, 24, "solitary confinement")
    assert note.target.quote == "solitary"  # type: ignore[union-attr]
    assert note.target.prefix == "They kept me in "  # type: ignore[union-attr]
    assert note.visibility == Visibility.PRIVATE  # private unless the author says otherwise
    assert annotations.annotations_of(archive.db, letter.id) == [note]


@pytest.mark.parametrize(("start", "end"), [(0, 0), (5, 3), (-1, 2), (0, 1000)])
def test_annotation_outside_the_text_or_empty_is_refused(archive: Archive, start: int, end: int):
    letter = a_letter(archive, a_prisoner(archive))
    text = texts.add(archive.db, Text(letter.id, TextKind.TRANSLATION, "en", "short"))
    with pytest.raises(InvalidInput):
        annotations.on_text(archive.db, text.id, start, end, "x")
    assert annotations.annotations_of(archive.db) == []


def test_image_annotation_must_lie_on_the_page(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    page = pages.add(archive.db, letter.id, png_bytes())
    inside = annotations.add(
        archive.db,
        annotations.Annotation(
            target=ImageRegion(page.id, 0.1, 0.2, 0.5, 0.3),
            body="the ward number",
            visibility=Visibility.SHAREABLE,
        ),
    )
    assert annotations.get(archive.db, inside.id) == inside
    with pytest.raises(InvalidInput, match="not inside the page"):
        annotations.add(
            archive.db,
            annotations.Annotation(target=ImageRegion(page.id, 0.8, 0.2, 0.5, 0.3), body="x"),
        )


def test_a_failed_change_inside_a_transaction_leaves_nothing_behind(archive: Archive):
    with pytest.raises(RecordNotFound), archive.db.transaction():
        a_prisoner(archive)
        documents.get(archive.db, "missing")
    assert people.all_people(archive.db) == []
