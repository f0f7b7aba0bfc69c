"""Tags named by their paths, as both the window and the command line name them."""

from __future__ import annotations

import pytest

from amanat.app import documents, events, tags
from amanat.core.dates import parse_date
from amanat.core.errors import AmanatError, DuplicateName, InvalidInput
from amanat.core.records import Document, DocumentKind, Event, EventType
from amanat.core.storage import documents as document_store
from amanat.core.storage import tags as tag_store
from amanat.core.vault import Archive


def _letter(archive: Archive) -> Document:
    return document_store.add(archive.db, Document(kind=DocumentKind.LETTER, title="Letter"))


def test_paths_make_each_tag_once_with_its_parents(archive: Archive) -> None:
    ids = tags.ids_of_paths(archive.db, ["conditions/solitary", "conditions/solitary", "medical"])
    assert len(ids) == 2
    assert [tag_store.path_of(archive.db, t) for t in ids] == ["conditions/solitary", "medical"]
    assert tag_store.find(archive.db, "conditions") is not None


def test_an_unknown_tag_in_a_filter_is_one_sentence_not_an_empty_list(archive: Archive) -> None:
    with pytest.raises(InvalidInput) as refused:
        documents.list_documents(archive, tag_path="nowhere")
    assert refused.value.message == "There is no tag named “nowhere”."
    assert tag_store.all_tags(archive.db) == []


def test_tagging_twice_changes_nothing_the_second_time(archive: Archive) -> None:
    letter = _letter(archive)
    first = tags.tag_document(archive, letter.id, "conditions/solitary", "#aa3355")
    again = tags.tag_document(archive, letter.id, "conditions/solitary")
    assert (first.changed, again.changed) == (True, False)
    assert first.entry.tag.colour == "#aa3355"
    assert document_store.get(archive.db, letter.id).tag_ids == (first.entry.tag.id,)

    removed = tags.untag_document(archive, letter.id, "conditions/solitary")
    assert removed is not None and removed.changed
    assert document_store.get(archive.db, letter.id).tag_ids == ()
    assert tags.untag_document(archive, letter.id, "never/made") is None


def test_a_new_tag_with_a_taken_path_is_refused(archive: Archive) -> None:
    tags.new_tag(archive, "medical", "#808080")
    with pytest.raises(DuplicateName):
        tags.new_tag(archive, "medical", "#000000")
    [only] = tag_store.all_tags(archive.db)
    assert only.colour == "#808080"


def test_entries_are_listed_by_path_whatever_the_case(archive: Archive) -> None:
    for path in ("medical", "Conditions/solitary", "arrest"):
        tags.new_tag(archive, path, "#808080")
    paths = [entry.path for entry in tags.all_entries(archive)]
    assert paths == ["arrest", "Conditions", "Conditions/solitary", "medical"]


def test_a_refused_event_leaves_no_stray_tag(archive: Archive) -> None:
    date = parse_date("2020-01-02")
    assert date is not None
    event = Event(person_id="no-such-person", type=EventType.ARREST, date=date)
    with pytest.raises(AmanatError):
        events.save_event(archive, event, ("conditions/solitary",), new=True)
    assert tag_store.all_tags(archive.db) == []
