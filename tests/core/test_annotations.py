"""Annotations in the archive: removing and putting back, finding by document, tag, author and
visibility, linking a region of a scan to a passage, outliving a deleted text, being found by
search, and an archive made before they had a document of their own."""

from __future__ import annotations

import pytest
import sqlcipher3

from amanat.core import audit, schema, search
from amanat.core.database import Database
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import (
    Annotation,
    Document,
    DocumentKind,
    Tag,
    Text,
    TextKind,
    TextRange,
    Visibility,
)
from amanat.core.storage import annotations, documents, pages, tags, texts
from amanat.core.vault import Archive
from tests.helpers.records import png_bytes

TESTIMONY = (
    "On the third day they moved me to ward 209. The interrogator came at night and asked "
    "about my brother. I was not allowed to see a doctor for eleven days."
)


def _testimony(archive: Archive, body: str = TESTIMONY) -> Text:
    document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "Testimony of A."))
    return texts.add(archive.db, Text(document.id, TextKind.TRANSCRIPTION, "en", body))


def _passage(archive: Archive, text: Text, words: str, body: str, **fields: object) -> Annotation:
    start = text.body.index(words)
    return annotations.on_text(archive.db, text.id, start, start + len(words), body, **fields)


def _found(archive: Archive, words: str) -> set[str]:
    return {
        hit.record_id for hit in search.search(archive.db, words) if hit.record_type == "annotation"
    }


def test_an_annotation_knows_its_document(archive: Archive):
    text = _testimony(archive)
    note = _passage(archive, text, "ward 209", "the ward")
    assert note.document_id == text.document_id
    assert annotations.get(archive.db, note.id).document_id == text.document_id


def test_removing_an_annotation_is_audited_and_add_puts_it_back(archive: Archive):
    text = _testimony(archive)
    tag = tags.add(archive.db, Tag("conditions"))
    note = _passage(archive, text, "ward 209", "moved to 209", tag_ids=(tag.id,))
    removed = annotations.remove(archive.db, note.id)
    assert removed == note
    assert annotations.annotations_of(archive.db) == []
    assert _found(archive, "moved") == set()
    assert [e.action for e in audit.entries(archive.db, note.id)] == ["added", "removed"]
    assert annotations.add(archive.db, removed) == note
    assert _found(archive, "moved") == {note.id}


def test_removing_an_unknown_annotation_says_so(archive: Archive):
    with pytest.raises(RecordNotFound):
        annotations.remove(archive.db, "missing")


def test_find_filters_by_document_tag_author_and_visibility(archive: Archive):
    text = _testimony(archive)
    other = _testimony(archive, "A second testimony about ward 209.")
    conditions = tags.add(archive.db, Tag("conditions"))
    solitary = tags.add(archive.db, Tag("solitary", parent_id=conditions.id))
    medical = tags.add(archive.db, Tag("medical"))
    in_solitary = _passage(
        archive, text, "ward 209", "ward", author="Lawyer A", tag_ids=(solitary.id,)
    )
    no_doctor = _passage(
        archive,
        text,
        "not allowed to see a doctor",
        "denied care",
        author="Lawyer B",
        tag_ids=(medical.id,),
        visibility=Visibility.SHAREABLE,
    )
    elsewhere = _passage(archive, other, "ward 209", "same ward", author="Lawyer A")
    db = archive.db
    assert annotations.find(db, document_id=text.document_id) == [in_solitary, no_doctor]
    # The parent tag includes its children.
    assert annotations.find(db, tag_id=conditions.id) == [in_solitary]
    assert annotations.find(db, tag_id=solitary.id) == [in_solitary]
    assert annotations.find(db, author="Lawyer A") == [in_solitary, elsewhere]
    assert annotations.find(db, visibility=Visibility.SHAREABLE) == [no_doctor]
    assert annotations.find(db, author="Lawyer A", document_id=other.document_id) == [elsewhere]
    assert annotations.find(db) == [in_solitary, no_doctor, elsewhere]


def test_update_changes_body_tags_and_visibility_and_search_follows(archive: Archive):
    text = _testimony(archive)
    tag = tags.add(archive.db, Tag("interrogation"))
    note = _passage(archive, text, "The interrogator came at night", "night interrogation")
    changed = annotations.update(
        archive.db,
        Annotation(
            target=note.target,
            body="interrogated after midnight",
            tag_ids=(tag.id,),
            visibility=Visibility.SHAREABLE,
            id=note.id,
            created=note.created,
        ),
    )
    assert annotations.get(archive.db, note.id) == changed
    assert changed.tag_ids == (tag.id,) and changed.visibility is Visibility.SHAREABLE
    assert _found(archive, "midnight") == {note.id}
    assert _found(archive, "night interrogation") == set()
    assert _found(archive, "interrogator") == {note.id}  # the quoted passage is found too


def test_placing_a_passage_again_takes_its_quote_from_the_text(archive: Archive):
    text = _testimony(archive)
    note = _passage(archive, text, "ward 209", "the ward")
    start = TESTIMONY.index("eleven days")
    target = TextRange(text.id, start, start + len("eleven days"), quote="stale quote")
    moved = annotations.update(archive.db, Annotation(target, note.body, id=note.id))
    assert isinstance(moved.target, TextRange)
    assert moved.target.quote == "eleven days"
    assert moved.target.suffix == "."
    with pytest.raises(InvalidInput):
        annotations.update(
            archive.db, Annotation(TextRange(text.id, 0, len(TESTIMONY) + 5, "x"), "x", id=note.id)
        )
    assert annotations.get(archive.db, note.id) == moved


def test_linking_a_region_of_the_scan_to_its_passage_sets_both_sides(archive: Archive):
    text = _testimony(archive)
    page = pages.add(archive.db, text.document_id, png_bytes())
    passage = _passage(archive, text, "ward 209", "the ward")
    region = annotations.on_page(archive.db, page.id, 0.1, 0.2, 0.3, 0.1, "209 in her hand")
    annotations.link(archive.db, region.id, passage.id)
    assert annotations.get(archive.db, region.id).linked_to == passage.id
    assert annotations.get(archive.db, passage.id).linked_to == region.id
    # Linking to another passage moves the link: the first passage is left unlinked.
    other = _passage(archive, text, "eleven days", "days")
    annotations.link(archive.db, region.id, other.id)
    assert annotations.get(archive.db, passage.id).linked_to is None
    assert annotations.get(archive.db, other.id).linked_to == region.id
    annotations.link(archive.db, region.id, None)
    assert annotations.get(archive.db, region.id).linked_to is None
    assert annotations.get(archive.db, other.id).linked_to is None


def test_a_link_is_cleared_when_one_side_is_removed_and_restored_by_undo(archive: Archive):
    text = _testimony(archive)
    page = pages.add(archive.db, text.document_id, png_bytes())
    passage = _passage(archive, text, "ward 209", "the ward")
    region = annotations.on_page(archive.db, page.id, 0.1, 0.2, 0.3, 0.1, "209 in her hand")
    annotations.link(archive.db, region.id, passage.id)
    removed = annotations.remove(archive.db, passage.id)
    assert annotations.get(archive.db, region.id).linked_to is None
    annotations.add(archive.db, removed)
    assert annotations.get(archive.db, region.id).linked_to == passage.id
    assert annotations.get(archive.db, passage.id).linked_to == region.id


def test_only_a_region_and_a_passage_of_one_document_can_be_linked(archive: Archive):
    text = _testimony(archive)
    other = _testimony(archive, "Another testimony.")
    page = pages.add(archive.db, text.document_id, png_bytes())
    passage = _passage(archive, text, "ward 209", "the ward")
    elsewhere = _passage(archive, other, "Another", "x")
    region = annotations.on_page(archive.db, page.id, 0.1, 0.2, 0.3, 0.1, "209")
    with pytest.raises(InvalidInput, match="same document"):
        annotations.link(archive.db, region.id, elsewhere.id)
    with pytest.raises(InvalidInput):
        annotations.link(archive.db, passage.id, region.id)
    with pytest.raises(InvalidInput):
        annotations.link(archive.db, region.id, region.id)
    assert all(note.linked_to is None for note in annotations.find(archive.db))


def test_deleting_a_text_orphans_its_annotations_which_stay_listed_and_found(archive: Archive):
    text = _testimony(archive)
    note = _passage(archive, text, "ward 209", "the ward of the security service")
    texts.delete(archive.db, text.id)
    with pytest.raises(RecordNotFound):
        texts.get(archive.db, text.id)
    [orphan] = annotations.annotations_of(archive.db, text.document_id)
    assert orphan.id == note.id and orphan.orphaned
    assert orphan.document_id == text.document_id
    assert isinstance(orphan.target, TextRange) and orphan.target.quote == "ward 209"
    assert _found(archive, "security service") == {note.id}
    assert {hit.record_type for hit in search.search(archive.db, "interrogator")} == set()
    assert "orphaned: text deleted" in [e.summary for e in audit.entries(archive.db, note.id)]


def test_an_orphan_goes_with_its_document_when_the_trash_is_emptied(archive: Archive):
    text = _testimony(archive)
    note = _passage(archive, text, "ward 209", "the ward of the security service")
    texts.delete(archive.db, text.id)
    documents.move_to_trash(archive.db, text.document_id)
    assert _found(archive, "security service") == set()  # a trashed document is not searched
    documents.restore_from_trash(archive.db, text.document_id)
    assert _found(archive, "security service") == {note.id}
    documents.move_to_trash(archive.db, text.document_id)
    documents.empty_trash(archive.db)
    assert annotations.find(archive.db) == []


def test_an_annotation_whose_text_is_missing_is_kept_orphaned(archive: Archive):
    text = _testimony(archive)
    arriving = Annotation(
        TextRange("5b0e8a55-6f4c-4bb5-9a53-1d2a0c6a43a1", 3, 11, "ward 209"),
        "from elsewhere",
        document_id=text.document_id,
    )
    kept = annotations.add(archive.db, arriving)
    assert kept.orphaned and kept.document_id == text.document_id
    assert isinstance(kept.target, TextRange) and kept.target.text_id == ""


def test_a_new_annotation_whose_text_changed_is_placed_by_its_quote(archive: Archive):
    text = _testimony(archive)
    start = TESTIMONY.index("ward 209")
    stale = Annotation(TextRange(text.id, start - 10, start - 2, "ward 209"), "from a bundle")
    placed = annotations.add(archive.db, stale)
    assert isinstance(placed.target, TextRange)
    assert (placed.target.start, placed.target.end) == (start, start + 8)
    assert not placed.orphaned
    gone = annotations.add(archive.db, Annotation(TextRange(text.id, 0, 5, "Qarch"), "gone"))
    assert gone.orphaned


def test_an_archive_at_version_3_gains_the_annotation_columns(monkeypatch: pytest.MonkeyPatch):
    db = Database(sqlcipher3.connect(":memory:", isolation_level=None), folder="")
    db.execute("PRAGMA foreign_keys = ON")
    monkeypatch.setattr(schema, "LATEST", 3)
    assert schema.migrate(db) == 3
    db.execute(
        "INSERT INTO documents (id, kind, title, consent_audience, created, modified)"
        " VALUES ('d', 'testimony', 'T', 'private', 'now', 'now')"
    )
    db.execute(
        "INSERT INTO texts (id, document_id, kind, language, body, status, created, modified)"
        " VALUES ('t', 'd', 'transcription', 'en', 'ward 209', 'draft', 'now', 'now')"
    )
    db.execute(
        "INSERT INTO annotations (id, target_kind, text_id, range_start, range_end, quote, body,"
        " visibility, created, modified) VALUES ('a', 'text', 't', 0, 4, 'ward', 'b', 'private',"
        " '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
    )
    monkeypatch.undo()
    assert schema.migrate(db) == schema.LATEST >= 4
    assert db.value("PRAGMA user_version") == schema.LATEST
    assert db.one("SELECT document_id, linked_to FROM annotations") == ("d", None)
    assert annotations.annotations_of(db, "d")[0].document_id == "d"
    db.close()
