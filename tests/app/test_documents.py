"""Documents made without scans, and the checks of a document's details, as the window and
the command line both reach them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from amanat.app import documents
from amanat.app.documents import DocumentFields
from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Person,
    Provenance,
    TextKind,
)
from amanat.core.storage import documents as document_store
from amanat.core.storage import people, texts
from amanat.core.vault import Archive


def _fields(kind: DocumentKind, **changes: Any) -> DocumentFields:
    blank = Document(kind=kind, title="Testimony of a cellmate")
    return replace(DocumentFields.of(blank), **changes)


@pytest.mark.parametrize(
    ("kind", "text_kind"),
    [
        (DocumentKind.LETTER, TextKind.TRANSCRIPTION),
        (DocumentKind.TESTIMONY, TextKind.TRANSCRIPTION),
        (DocumentKind.NOTE, TextKind.SUMMARY),
    ],
)
def test_a_new_document_comes_with_an_empty_first_text_of_the_kind_that_fits(
    archive: Archive, kind: DocumentKind, text_kind: TextKind
) -> None:
    created = documents.create_document(archive, _fields(kind), "fa")
    assert document_store.get(archive.db, created.document.id) == created.document
    assert created.document.languages == ("fa",)
    assert texts.texts_of(archive.db, created.document.id) == [created.text]
    assert (created.text.kind, created.text.language, created.text.body) == (text_kind, "fa", "")


def test_a_new_testimony_keeps_its_consent_people_date_and_provenance(archive: Archive) -> None:
    witness = people.add(archive.db, Person("Reza"))
    prisoner = people.add(archive.db, Person("Narges"))
    fields = _fields(
        DocumentKind.TESTIMONY,
        date=FuzzyDate.of_day(1403, 5, 14, Calendar.JALALI),
        author_id=witness.id,
        concerned_ids=(prisoner.id,),
        provenance=Provenance("the lawyer", None, "typed during the interview"),
        consent=Consent(Audience.ADVOCATES, anonymise=True),
    )
    document = documents.create_document(archive, fields, "en").document
    assert DocumentFields.of(document_store.get(archive.db, document.id)) == fields


def test_a_new_document_naming_an_unknown_person_is_refused_and_nothing_is_made(
    archive: Archive,
) -> None:
    with pytest.raises(RecordNotFound) as refused:
        documents.create_document(
            archive, _fields(DocumentKind.LETTER, concerned_ids=("no-such-person",)), "fa"
        )
    assert "no-such-person" in refused.value.message
    assert document_store.count(archive.db) == 0


def test_a_new_document_without_a_title_is_refused_and_nothing_is_made(archive: Archive) -> None:
    with pytest.raises(InvalidInput):
        documents.create_document(archive, _fields(DocumentKind.NOTE, title=" "), "fa")
    assert document_store.count(archive.db) == 0


def test_saving_details_that_name_an_unknown_person_changes_nothing(archive: Archive) -> None:
    created = documents.create_document(archive, _fields(DocumentKind.LETTER), "fa")
    before = document_store.get(archive.db, created.document.id)
    changed = _fields(DocumentKind.LETTER, title="Renamed", recipient_ids=("no-such-person",))
    with pytest.raises(RecordNotFound):
        documents.save_fields(archive, created.document.id, changed)
    assert document_store.get(archive.db, created.document.id) == before


def test_the_texts_of_an_unknown_document_are_an_error_not_an_empty_list(
    archive: Archive,
) -> None:
    with pytest.raises(RecordNotFound):
        documents.texts_of(archive, "no-such-document")
