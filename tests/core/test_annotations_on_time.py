"""Annotations on a time range of a recording: made, checked against the recording, kept
private, audited, undone, sent to the trash and emptied with their page as regions are; and
the migration that makes room for them in an archive left at the previous version."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from amanat.core import audit, schema, search
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import (
    Document,
    DocumentKind,
    ImageRegion,
    Page,
    Tag,
    TimeRange,
    Visibility,
)
from amanat.core.storage import annotations, documents, page_order, pages, tags
from amanat.core.storage.pages import ScannedPage
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.playing import wav
from tests.helpers.records import png_bytes

CALL = wav(2.0)


def _call(archive: Archive, duration: float | None = 120.0) -> Page:
    """A recording page whose report says it lasts ``duration`` (None: not measured)."""
    document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "Call from Evin"))
    report = {"recording": {"duration": duration or 0.0, "container": "wav", "streams": []}}
    bare = ScannedPage(None, None, None, json.dumps(report), False, False, ())
    [page] = pages.add_scanned(
        archive.db, document.id, CALL, hashlib.sha256(CALL).hexdigest(), "audio/wav", [bare]
    )
    return page


def test_a_time_range_on_a_recording_is_private_audited_and_found(archive: Archive) -> None:
    page = _call(archive)
    note = annotations.on_recording(archive.db, page.id, 62.0, 90.5, "she names the guard")
    assert note.target == TimeRange(page_id=page.id, start=62.0, end=90.5)
    assert note.visibility is Visibility.PRIVATE
    assert note.document_id == page.document_id
    assert annotations.get(archive.db, note.id) == note
    assert [e.action for e in audit.entries(archive.db, note.id)] == ["added"]
    hits = {
        h.record_id for h in search.search(archive.db, "guard") if h.record_type == "annotation"
    }
    assert hits == {note.id}


def test_a_time_range_is_kept_to_the_millisecond(archive: Archive) -> None:
    page = _call(archive)
    note = annotations.on_recording(archive.db, page.id, 1.23456, 1.98765, "a word")
    assert (note.target.start, note.target.end) == (1.235, 1.988)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("start", "end", "rule"),
    [
        (30.0, 20.0, "time-range-reversed"),
        (20.0, 20.0, "time-range-reversed"),
        (-1.0, 5.0, "time-range-reversed"),
        (float("nan"), 5.0, "time-range-reversed"),
        (50.0, 121.0, "time-range-past-end"),
    ],
)
def test_a_bad_time_range_is_refused_and_changes_nothing(
    archive: Archive, start: float, end: float, rule: str
) -> None:
    page = _call(archive)
    before = audit.entries(archive.db)
    with pytest.raises(InvalidInput) as refused:
        annotations.on_recording(archive.db, page.id, start, end, "x")
    assert refused.value.rule == rule
    assert annotations.annotations_of(archive.db) == []
    assert audit.entries(archive.db) == before


def test_a_recording_not_measured_takes_any_forward_range(archive: Archive) -> None:
    page = _call(archive, duration=None)
    note = annotations.on_recording(archive.db, page.id, 3600.0, 3700.0, "late in the call")
    assert note.target.end == 3700.0  # type: ignore[union-attr]


def test_a_time_range_on_a_picture_or_a_missing_page_is_refused(archive: Archive) -> None:
    document = documents.add(archive.db, Document(DocumentKind.LETTER, "Letter"))
    scan = pages.add(archive.db, document.id, png_bytes())
    with pytest.raises(InvalidInput) as refused:
        annotations.on_recording(archive.db, scan.id, 1.0, 2.0, "x")
    assert refused.value.rule == "time-range-not-recording"
    with pytest.raises(RecordNotFound):
        annotations.on_recording(archive.db, "no-such-page", 1.0, 2.0, "x")
    assert annotations.annotations_of(archive.db) == []


def test_editing_keeps_the_range_and_a_moved_range_is_checked(archive: Archive) -> None:
    page = _call(archive)
    note = annotations.on_recording(archive.db, page.id, 5.0, 9.0, "first")
    changed = annotations.update(
        archive.db, replace(note, body="second", visibility=Visibility.SHAREABLE)
    )
    assert (changed.body, changed.target) == ("second", note.target)
    past = TimeRange(page.id, 5.0, 130.0)
    with pytest.raises(InvalidInput):
        annotations.update(archive.db, replace(changed, target=past))
    assert annotations.get(archive.db, note.id).target == note.target


def test_removing_and_putting_back_a_time_range_is_undo(archive: Archive) -> None:
    page = _call(archive)
    tag = tags.add(archive.db, Tag("threats"))
    note = annotations.on_recording(archive.db, page.id, 5.0, 9.0, "threat", tag_ids=(tag.id,))
    removed = annotations.remove(archive.db, note.id)
    assert annotations.annotations_of(archive.db) == []
    assert annotations.add(archive.db, removed) == note


def test_a_time_range_follows_its_page_to_the_trash_and_goes_when_emptied(
    archive: Archive,
) -> None:
    page = _call(archive)
    region = annotations.on_page(archive.db, page.id, 0.1, 0.1, 0.2, 0.2, "on the card")
    moment = annotations.on_recording(archive.db, page.id, 5.0, 9.0, "the threat")
    page_order.remove(archive.db, page.id)
    assert {a.id for a in annotations.annotations_of(archive.db, page.document_id)} == {
        region.id,
        moment.id,
    }
    page_order.restore(archive.db, page.id)
    assert annotations.get(archive.db, moment.id).target.page_id == page.id  # type: ignore[union-attr]
    documents.move_to_trash(archive.db, page.document_id)
    documents.empty_trash(archive.db)
    assert annotations.annotations_of(archive.db) == []


def test_the_annotations_table_is_made_again_from_the_previous_version_keeping_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive left at version 11 (before time ranges), with a passage and a region linked
    together, tagged and found by search: the migration keeps every row, link, tag and search
    entry, and the table then takes time ranges and still refuses an unknown kind."""
    number = schema.MIGRATIONS.index(schema._annotations_on_time) + 1
    folder = tmp_path / "old.amanat"
    with monkeypatch.context() as older:
        older.setattr(schema, "LATEST", number - 1)
        archive = Archive.create(folder, PASSWORD)
        db = archive.db
        assert db.value("PRAGMA user_version") == number - 1
        document = documents.add(db, Document(DocumentKind.LETTER, "Letter"))
        scan = pages.add(db, document.id, png_bytes())
        call = pages.add_scanned(
            db, document.id, CALL, hashlib.sha256(CALL).hexdigest(), "audio/wav",
            [ScannedPage(None, None, None, "{}", False, False, ())],
        )[0]  # fmt: skip
        tag = tags.add(db, Tag("medical"))
        with db.transaction():
            db.execute(
                "INSERT INTO texts (id, document_id, kind, language, body, status, created,"
                " modified) VALUES ('t', ?, 'transcription', 'en', 'no doctor for days',"
                " 'draft', 'now', 'now')",
                (document.id,),
            )
            for row in (
                ("p", "text", "t", 0, 9, "no doctor", None, None, None, None, None, "b", "r"),
                ("r", "image", None, None, None, "", scan.id, 0.1, 0.2, 0.3, 0.4, "r", "p"),
            ):
                db.execute(
                    "INSERT INTO annotations (id, target_kind, text_id, range_start, range_end,"
                    " quote, page_id, x, y, width, height, body, linked_to, visibility,"
                    " created, modified, document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    " ?, ?, NULL, 'shareable', '2026-01-01T00:00:00+00:00',"
                    " '2026-01-01T00:00:00+00:00', ?)",
                    (*row[:-1], document.id),
                )
            db.execute("UPDATE annotations SET linked_to = 'r' WHERE id = 'p'")
            db.execute("UPDATE annotations SET linked_to = 'p' WHERE id = 'r'")
            db.execute("INSERT INTO annotation_tags VALUES ('p', ?), ('r', ?)", (tag.id, tag.id))
            search.index_annotation(db, "p", "no doctor", "doctor refused", document.id)
        columns = ", ".join(str(c[1]) for c in db.all("PRAGMA table_info(annotations)"))
        before = db.all(f"SELECT {columns} FROM annotations ORDER BY id")
        tagged = db.all("SELECT * FROM annotation_tags ORDER BY annotation_id")
        archive.lock()
    archive = Archive.open(folder, PASSWORD)
    db = archive.db
    assert db.value("PRAGMA user_version") == schema.LATEST
    assert db.all(f"SELECT {columns} FROM annotations ORDER BY id") == before
    assert db.all("SELECT * FROM annotation_tags ORDER BY annotation_id") == tagged
    after = annotations.annotations_of(db, document.id)
    assert [a.linked_to for a in after] == ["r", "p"]
    assert isinstance(after[1].target, ImageRegion) and after[1].tag_ids == (tag.id,)
    assert [h.record_id for h in search.search(db, "doctor") if h.record_type == "annotation"] == [
        "p"
    ]
    assert db.all("PRAGMA foreign_key_check") == []
    assert db.value("SELECT count(*) FROM sqlite_temp_master") == 0
    moment = annotations.on_recording(db, call.id, 1.0, 2.0, "a moment")
    assert annotations.get(db, moment.id).target == TimeRange(call.id, 1.0, 2.0)
    with pytest.raises(Exception, match="CHECK"):
        db.execute("UPDATE annotations SET target_kind = 'sound' WHERE id = 'p'")
    with pytest.raises(Exception, match="CHECK"):
        db.execute(f"UPDATE annotations SET time_end = 0 WHERE id = '{moment.id}'")
    # The table is removed with its tags when a region is deleted, as before.
    annotations.remove(db, "r")
    assert db.value("SELECT count(*) FROM annotation_tags WHERE annotation_id = 'r'") == 0
    assert annotations.get(db, "p").linked_to is None
    archive.lock()


def test_the_migration_run_again_keeps_time_ranges(archive: Archive) -> None:
    page = _call(archive)
    moment = annotations.on_recording(archive.db, page.id, 1.0, 2.0, "kept")
    number = schema.MIGRATIONS.index(schema._annotations_on_time) + 1
    archive.db.execute(f"PRAGMA user_version = {number - 1:d}")
    assert schema.migrate(archive.db) == schema.LATEST
    assert annotations.get(archive.db, moment.id) == moment
