"""Time codes in the core: a line of a recording's text carries the second it starts, follows
the text's edits, is orphaned and comes back with its words; bad input changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from amanat.app import timecodes
from amanat.core import schema
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.storage import timecodes as store
from amanat.core.vault import Archive

BODY = "Mother: Are you eating?\nNasrin: They give us bread.\n\nMother: We miss you.\n"


def _call(archive: Archive, body: str = BODY) -> Text:
    document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "Call from Evin"))
    return texts.add(archive.db, Text(document.id, TextKind.TRANSCRIPTION, "en", body))


def test_a_mark_anywhere_in_a_line_times_the_whole_line_and_marking_again_sets_the_new_time(
    archive: Archive,
) -> None:
    text = _call(archive)
    second_line = BODY.index("Nasrin")
    made = store.mark(archive.db, text.id, second_line + 10, 12.5)
    assert made.offset == second_line
    assert made.target.quote == "Nasrin: They give us bread."
    again = store.mark(archive.db, text.id, second_line + 3, 14.0)
    assert again.id == made.id
    (only,) = store.of_text(archive.db, text.id)
    assert (only.offset, only.seconds) == (second_line, 14.0)


def test_time_codes_follow_an_edit_are_orphaned_with_their_words_and_come_back_on_undo(
    archive: Archive,
) -> None:
    text = _call(archive)
    store.mark(archive.db, text.id, 0, 0.0)
    store.mark(archive.db, text.id, BODY.index("Mother: We"), 31.0)
    inserted = "[crackling]\n" + BODY
    texts.update(archive.db, replace(text, body=inserted))
    first, last = store.of_text(archive.db, text.id)
    assert first.offset == len("[crackling]\n") and last.offset == inserted.index("Mother: We")
    cut = inserted.replace("Mother: We miss you.\n", "")
    texts.update(archive.db, replace(text, body=cut))
    kept, lost = store.of_text(archive.db, text.id)
    assert not kept.orphaned and lost.orphaned and lost.seconds == 31.0
    texts.update(archive.db, replace(text, body=inserted))
    assert [t.orphaned for t in store.of_text(archive.db, text.id)] == [False, False]


def test_the_line_being_spoken_is_the_last_one_started(archive: Archive) -> None:
    text = _call(archive)
    early = store.mark(archive.db, text.id, 0, 2.0)
    late = store.mark(archive.db, text.id, BODY.index("Nasrin"), 9.0)
    found = store.of_text(archive.db, text.id)
    assert timecodes.spoken_at(found, 1.0) is None
    assert timecodes.spoken_at(found, 2.0) == early
    assert timecodes.spoken_at(found, 8.9) == early
    assert timecodes.spoken_at(found, 60.0) == late


def test_bad_time_codes_are_refused_and_change_nothing(archive: Archive) -> None:
    text = _call(archive)
    before = _state(archive)
    with pytest.raises(InvalidInput) as outside:
        store.mark(archive.db, text.id, len(BODY) + 1, 1.0)
    assert outside.value.rule == "timecode-outside-text"
    with pytest.raises(InvalidInput) as empty:
        store.mark(archive.db, text.id, BODY.index("\n\n") + 1, 1.0)
    assert empty.value.rule == "timecode-empty-line"
    for seconds in (-1.0, float("nan"), float("inf")):
        with pytest.raises(InvalidInput):
            store.mark(archive.db, text.id, 0, seconds)
    with pytest.raises(RecordNotFound):
        store.mark(archive.db, "no-such-text", 0, 1.0)
    with pytest.raises(RecordNotFound):
        store.remove(archive.db, "no-such-timecode")
    assert _state(archive) == before


def test_a_text_put_back_by_undo_has_its_times_and_a_deleted_document_takes_them(
    archive: Archive,
) -> None:
    text = _call(archive)
    store.mark(archive.db, text.id, 0, 1.0)
    texts.delete(archive.db, text.id)
    texts.add(archive.db, text)  # undo
    assert [t.seconds for t in store.of_text(archive.db, text.id)] == [1.0]
    documents.move_to_trash(archive.db, text.document_id)
    documents.empty_trash(archive.db)
    assert archive.db.value("SELECT count(*) FROM timecodes") == 0


def test_the_time_code_table_is_made_by_its_migration(archive: Archive) -> None:
    db = archive.db
    number = schema.MIGRATIONS.index(schema._TIMECODES) + 1
    db.execute("DROP TABLE timecodes")
    db.execute(f"PRAGMA user_version = {number - 1:d}")
    assert schema.migrate(db) == schema.LATEST
    assert db.value("SELECT count(*) FROM timecodes") == 0


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("00:01:23", 83.0), ("1:23", 83.0), ("83", 83.0), ("1:02:03.5", 3723.5), ("۰۱:۲۳", 83.0)],
)
def test_times_are_read_as_people_write_them(written: str, seconds: float) -> None:
    assert timecodes.parse(written) == seconds


@pytest.mark.parametrize("written", ["", "1:75", "ten", "1::2", "-3", "1:2:3:4"])
def test_a_time_not_understood_is_one_sentence(written: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        timecodes.parse(written)
    assert refused.value.rule == "time-not-understood"


def test_times_are_shown_as_a_clock() -> None:
    assert timecodes.clock(83.9) == "1:23"
    assert timecodes.clock(3723) == "1:02:03"


def _state(archive: Archive) -> tuple[object, ...]:
    """The time codes and the length of the audit log: what a refused mark must leave as is."""
    return (
        tuple(tuple(row) for row in archive.db.all("SELECT * FROM timecodes ORDER BY id")),
        archive.db.value("SELECT count(*) FROM audit_log"),
    )
