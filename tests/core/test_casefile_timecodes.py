"""A recording's transcription in the case file: each timed line with its time beside it, as
the bundle carries them (after pseudonyms and redaction); the recording itself, which paper
cannot hold, named where its picture would be (a recording in a case file was a crash)."""

from __future__ import annotations

import datetime
from pathlib import Path

from amanat.core import casefile
from amanat.core.bundle import timed_lines
from amanat.core.pdf_layout import Direction
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Person,
    Role,
    Text,
    TextKind,
    Visibility,
)
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, people, texts
from amanat.core.storage import redactions as redaction_store
from amanat.core.storage import timecodes as timecode_store
from amanat.core.vault import Archive
from tests.core.test_timeline_pdf import pdf_text
from tests.helpers import recordings

TODAY = datetime.date(2024, 6, 15)
SECRET = "cell 14"


def _call(archive: Archive, tmp_path: Path, body: str, language: str) -> tuple[str, str]:
    db = archive.db
    nasrin = people.add(db, Person("Nasrin Example", roles=(Role.PRISONER,)))
    document = documents.add(
        db,
        Document(
            DocumentKind.TESTIMONY,
            "Call from Evin",
            concerned_ids=(nasrin.id,),
            consent=Consent(Audience.ADVOCATES),
        ),
    )
    call = tmp_path / "call.ogg"
    call.write_bytes(recordings.recording("ogg", 2.0))
    import_files(db, [call], ImportOptions(document_id=document.id))
    text = texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, language, body))
    return nasrin.id, text.id


def test_a_recordings_transcription_shows_the_times_beside_its_lines(
    archive: Archive, tmp_path: Path
) -> None:
    body = (
        "Mother: Are you eating?\n"
        f"Nasrin: They moved me to {SECRET}.\n"
        "(noise on the line)\n"
        "Mother: We miss you.\n"
    )
    person, text_id = _call(archive, tmp_path, body, "en")
    starts = timed_lines.line_offsets(body)
    for line, seconds in ((1, 0.0), (2, 41.0), (4, 3723.0)):
        timecode_store.mark(archive.db, text_id, starts[line - 1], seconds)
    redaction_store.on_text(archive.db, text_id, body.index(SECRET), body.index(SECRET) + 7)
    plan = casefile.plan_case(archive.db, person)
    laid = casefile.lay_out(archive.db, plan, today=TODAY)
    text = pdf_text(laid.data)
    assert SECRET not in text
    shown = [line.paragraph for line in laid.lines]
    assert "[0:00] Mother: Are you eating?" in shown
    assert "[0:41] Nasrin: They moved me to █████." in shown
    assert "(noise on the line)" in shown  # a line without a time, as it is
    assert "[1:02:03] Mother: We miss you." in shown
    assert "[1:02:03] Mother: We miss you." in text
    # The recording is named where a page picture would be.
    assert "D1, page 1 of 1: a recording (audio/ogg, 0:02), which paper cannot hold" in text
    assert laid.pages == 1


def test_a_persian_transcription_keeps_the_time_at_the_start_of_its_line(
    archive: Archive, tmp_path: Path
) -> None:
    body = "مادر: غذا می‌خوری؟\nنسرین: نان و چای می‌دهند.\n"
    person, text_id = _call(archive, tmp_path, body, "fa")
    timecode_store.mark(archive.db, text_id, body.index("نسرین"), 65.0)
    laid = casefile.lay_out(archive.db, casefile.plan_case(archive.db, person), today=TODAY)
    [line] = [line for line in laid.lines if "نسرین" in line.paragraph]
    assert line.paragraph == "[1:05] نسرین: نان و چای می‌دهند."
    assert line.direction is Direction.RTL  # the time stands at its right, where it starts


def test_a_shared_moment_of_the_recording_is_named_with_its_range_and_a_private_one_stays(
    archive: Archive, tmp_path: Path
) -> None:
    from amanat.core.storage import annotations, pages

    person, _text = _call(archive, tmp_path, "Mother: Are you eating?\n", "en")
    [document] = documents.list_documents(archive.db)
    [page] = pages.pages_of(archive.db, document.id)
    annotations.on_recording(
        archive.db, page.id, 0.5, 1.5, "The guard speaks over her", visibility=Visibility.SHAREABLE
    )
    annotations.on_recording(archive.db, page.id, 1.0, 1.9, "Our own guess: cell 14")
    laid = casefile.lay_out(archive.db, casefile.plan_case(archive.db, person), today=TODAY)
    text = pdf_text(laid.data)
    assert "From 0:00.5–0:01.5 of the recording: The guard speaks over her" in text
    assert "Our own guess" not in text  # an annotation is private unless shared
