"""Tags named by their paths, as both the window and the command line name them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from amanat.app import documents, events, tags
from amanat.core import search
from amanat.core.dates import parse_date
from amanat.core.errors import AmanatError, DuplicateName, InvalidInput, TagNameTaken
from amanat.core.records import Document, DocumentKind, Event, EventType, Person, Text, TextKind
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents as document_store
from amanat.core.storage import events as event_store
from amanat.core.storage import people as people_store
from amanat.core.storage import tags as tag_store
from amanat.core.storage import texts as text_store
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


# --- Renaming, moving, merging, deleting, recolouring, and undoing each -----------------------


@dataclass(frozen=True)
class Tagged:
    """A letter tagged "conditions/solitary" and "health", its text's annotation tagged
    "conditions/solitary", and an event tagged "health"."""

    letter: str
    annotation: str
    event: str


def _tagged(archive: Archive) -> Tagged:
    db = archive.db
    solitary, health = tags.ids_of_paths(db, ["conditions/solitary", "health"])
    letter = document_store.add(
        db, Document(kind=DocumentKind.LETTER, title="Letter", tag_ids=(solitary, health))
    )
    text = text_store.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "سلام به مادرم"))
    note = annotation_store.on_text(db, text.id, 0, 4, "greeting", tag_ids=(solitary,))
    person = people_store.add(db, Person("Narges"))
    date = parse_date("2020-01-02")
    assert date is not None
    event = event_store.add(db, Event(person.id, EventType.ARREST, date, tag_ids=(health,)))
    return Tagged(letter.id, note.id, event.id)


def _id(archive: Archive, path: str) -> str:
    found = tag_store.find(archive.db, path)
    assert found is not None, path
    return found.id


def _paths(archive: Archive) -> list[str]:
    return [entry.path for entry in tags.all_entries(archive)]


def _document_paths(archive: Archive, document_id: str) -> list[str]:
    document = document_store.get(archive.db, document_id)
    return sorted(tag_store.path_of(archive.db, t) for t in document.tag_ids)


def _everything(archive: Archive) -> list[object]:
    """Every row of the tags and of what links to them, to prove an undo puts all back."""
    db = archive.db
    return [
        db.all(f"SELECT * FROM {table} ORDER BY 1, 2")
        for table in ("tags", "document_tags", "event_tags", "annotation_tags")
    ]


def _last_audit(archive: Archive) -> str:
    return str(archive.db.value("SELECT summary FROM audit_log ORDER BY seq DESC LIMIT 1"))


def test_renaming_a_tag_takes_the_tags_inside_along_and_search_finds_the_new_path(
    archive: Archive,
) -> None:
    tagged = _tagged(archive)
    conditions = _id(archive, "conditions")
    was = _everything(archive)
    edit = tags.rename_tag(archive, conditions, "زندان")
    assert edit.path == "زندان"
    assert _paths(archive) == ["health", "زندان", "زندان/solitary"]
    assert _document_paths(archive, tagged.letter) == ["health", "زندان/solitary"]
    assert _last_audit(archive) == "renamed tag conditions to زندان"
    found = search.search(archive.db, "زندان")
    assert {hit.record_id for hit in found if hit.record_type == "tag"} == {
        conditions,
        _id(archive, "زندان/solitary"),
    }
    assert not [hit for hit in search.search(archive.db, "conditions") if hit.record_type == "tag"]

    tags.put_back(archive, edit.before)
    assert _everything(archive) == was
    assert _paths(archive) == ["conditions", "conditions/solitary", "health"]
    assert [hit.record_id for hit in search.search(archive.db, "conditions")]


def test_a_rename_may_give_the_whole_path_but_not_move_the_tag(archive: Archive) -> None:
    _tagged(archive)
    solitary = _id(archive, "conditions/solitary")
    assert tags.rename_tag(archive, solitary, "conditions/isolation").path == "conditions/isolation"
    before = _everything(archive)
    with pytest.raises(InvalidInput) as refused:
        tags.rename_tag(archive, solitary, "health/isolation")
    assert refused.value.message == (
        "“health/isolation” would put the tag under another tag; renaming changes only its "
        "name, so move it for that."
    )
    with pytest.raises(InvalidInput, match="needs a name"):
        tags.rename_tag(archive, solitary, "  ")
    assert _everything(archive) == before


def test_renaming_onto_a_sibling_says_which_tag_so_the_two_can_be_merged(
    archive: Archive,
) -> None:
    _tagged(archive)
    before = _everything(archive)
    with pytest.raises(TagNameTaken) as taken:
        tags.rename_tag(archive, _id(archive, "conditions"), "health")
    assert taken.value.message == (
        "There is already a tag named “health”; merge the two instead if they mean the same."
    )
    assert taken.value.values["existing_id"] == _id(archive, "health")
    assert isinstance(taken.value, DuplicateName)
    assert _everything(archive) == before


def test_moving_a_tag_under_another_and_back_to_the_top(archive: Archive) -> None:
    tagged = _tagged(archive)
    health, conditions = _id(archive, "health"), _id(archive, "conditions")
    was = _everything(archive)
    edit = tags.move_tag(archive, health, conditions)
    assert edit.path == "conditions/health"
    assert _document_paths(archive, tagged.letter) == ["conditions/health", "conditions/solitary"]
    assert _last_audit(archive) == "moved tag health to conditions/health"
    assert tags.move_tag(archive, health, None).path == "health"
    tags.put_back(archive, edit.before)
    assert _everything(archive) == was
    assert _paths(archive) == ["conditions", "conditions/solitary", "health"]


def test_a_tag_cannot_move_under_itself_or_a_tag_inside_it(archive: Archive) -> None:
    _tagged(archive)
    conditions = _id(archive, "conditions")
    before = _everything(archive)
    for under in (conditions, _id(archive, "conditions/solitary")):
        with pytest.raises(InvalidInput) as refused:
            tags.move_tag(archive, conditions, under)
        assert refused.value.message == "A tag cannot be placed inside itself."
    tags.new_tag(archive, "solitary", "#808080")
    with pytest.raises(TagNameTaken):
        tags.move_tag(archive, _id(archive, "conditions/solitary"), None)
    tags.delete_tag(archive, _id(archive, "solitary"))
    assert _everything(archive) == before


def test_merging_moves_every_link_once_and_the_tags_inside_and_undo_restores_it_all(
    archive: Archive,
) -> None:
    tagged = _tagged(archive)
    # "medical/solitary" meets "conditions/solitary"; "medical/dental" moves across.
    tags.tag_document(archive, tagged.letter, "medical/solitary")
    tags.new_tag(archive, "medical/dental", "#808080")
    medical, conditions = _id(archive, "medical"), _id(archive, "conditions")
    tags.tag_document(archive, tagged.letter, "conditions")
    tags.tag_document(archive, tagged.letter, "medical")
    was = _everything(archive)

    edit = tags.merge_tags(archive, medical, conditions)
    assert edit.path == "conditions"
    assert _paths(archive) == [
        "conditions", "conditions/dental", "conditions/solitary", "health",
    ]  # fmt: skip
    assert _document_paths(archive, tagged.letter) == [
        "conditions", "conditions/solitary", "health",
    ]  # fmt: skip
    note = annotation_store.get(archive.db, tagged.annotation)
    assert note.tag_ids == (_id(archive, "conditions/solitary"),)
    assert _last_audit(archive) == "merged tag medical into conditions"
    assert not [hit for hit in search.search(archive.db, "dental") if "medical" in hit.title]

    tags.put_back(archive, edit.before)
    assert _everything(archive) == was
    assert _paths(archive) == [
        "conditions", "conditions/solitary", "health", "medical", "medical/dental",
        "medical/solitary",
    ]  # fmt: skip
    # Redone, by the same ids, it does the same.
    assert tags.merge_tags(archive, medical, conditions).path == "conditions"
    assert "medical" not in _paths(archive)


def test_a_tag_cannot_merge_into_itself_or_a_tag_inside_it(archive: Archive) -> None:
    _tagged(archive)
    conditions = _id(archive, "conditions")
    before = _everything(archive)
    for into in (conditions, _id(archive, "conditions/solitary")):
        with pytest.raises(InvalidInput) as refused:
            tags.merge_tags(archive, conditions, into)
        assert refused.value.message == (
            "A tag cannot be merged into itself or into a tag inside it."
        )
    assert _everything(archive) == before


def test_merging_a_tag_into_its_parent_keeps_the_parent(archive: Archive) -> None:
    tagged = _tagged(archive)
    tags.merge_tags(archive, _id(archive, "conditions/solitary"), _id(archive, "conditions"))
    assert _paths(archive) == ["conditions", "health"]
    assert _document_paths(archive, tagged.letter) == ["conditions", "health"]


def test_a_tag_inside_the_merged_one_with_its_name_takes_its_place(archive: Archive) -> None:
    # "conditions/x/x" must not merge into "conditions/x", which is going: it becomes
    # "conditions/x", keeping its letter.
    letter = _letter(archive)
    tags.tag_document(archive, letter.id, "conditions/x/x")
    inner = _id(archive, "conditions/x/x")
    edit = tags.merge_tags(archive, _id(archive, "conditions/x"), _id(archive, "conditions"))
    assert _paths(archive) == ["conditions", "conditions/x"]
    assert _id(archive, "conditions/x") == inner
    assert _document_paths(archive, letter.id) == ["conditions/x"]
    tags.put_back(archive, edit.before)
    assert _paths(archive) == ["conditions", "conditions/x", "conditions/x/x"]
    assert _document_paths(archive, letter.id) == ["conditions/x/x"]


def test_deleting_a_tag_leaves_nothing_pointing_at_it_and_undo_puts_it_back(
    archive: Archive,
) -> None:
    tagged = _tagged(archive)
    health = _id(archive, "health")
    was = _everything(archive)
    edit = tags.delete_tag(archive, health)
    assert (edit.path, edit.removed) == ("health", 1)
    assert _document_paths(archive, tagged.letter) == ["conditions/solitary"]
    assert event_store.get(archive.db, tagged.event).tag_ids == ()
    assert _last_audit(archive) == "deleted tag health"
    assert not [hit for hit in search.search(archive.db, "health") if hit.record_type == "tag"]
    tags.put_back(archive, edit.before)
    assert _everything(archive) == was
    assert event_store.get(archive.db, tagged.event).tag_ids == (health,)
    assert _last_audit(archive) == "put back tag health as it was"
    assert [hit.record_id for hit in search.search(archive.db, "health")] == [health]


def test_a_tag_with_tags_inside_is_deleted_only_with_them(archive: Archive) -> None:
    tagged = _tagged(archive)
    conditions = _id(archive, "conditions")
    before = _everything(archive)
    with pytest.raises(InvalidInput) as refused:
        tags.delete_tag(archive, conditions)
    assert refused.value.message == (
        "The tag “conditions” has tags inside it (1); delete them with it or move them out first."
    )
    assert _everything(archive) == before
    assert tags.usage(archive, conditions) == tags.TagUsage("conditions", 1, 1, 0, 1)
    edit = tags.delete_tag(archive, conditions, with_inside=True)
    assert edit.removed == 2
    assert _paths(archive) == ["health"]
    assert _document_paths(archive, tagged.letter) == ["health"]
    assert annotation_store.get(archive.db, tagged.annotation).tag_ids == ()
    assert _last_audit(archive) == "deleted tag conditions and 1 tag(s) inside it"
    tags.put_back(archive, edit.before)
    assert _everything(archive) == before


def test_recolouring_is_undone_to_the_colour_before(archive: Archive) -> None:
    _tagged(archive)
    health = _id(archive, "health")
    edit = tags.recolour_tag(archive, health, "#D55E00")
    assert tag_store.get(archive.db, health).colour == "#d55e00"
    assert _last_audit(archive) == "changed the colour of tag health to #d55e00"
    with pytest.raises(InvalidInput, match="not a colour"):
        tags.recolour_tag(archive, health, "red")
    tags.put_back(archive, edit.before)
    assert tag_store.get(archive.db, health).colour == "#808080"
