"""The demo archive: what new users and reviewers see first, so it must open, hold the
promised variety of records, and be the same every time it is built."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import av
import pytest

from amanat.core import search
from amanat.core.demo import SEED, build_demo
from amanat.core.demo.invented import RECORDED_CALL
from amanat.core.demo.recorded_call import sound_of_call
from amanat.core.errors import ArchiveExists
from amanat.core.file_types import is_recording
from amanat.core.jobs import Progress
from amanat.core.keyslots import FLOOR
from amanat.core.records import (
    Audience,
    DocumentKind,
    EventType,
    ImageRegion,
    Role,
    TextRange,
    Visibility,
)
from amanat.core.storage import (
    annotations,
    documents,
    events,
    pages,
    people,
    tags,
    texts,
    timecodes,
)
from amanat.core.vault import Archive


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "demo.amanat"
    build_demo(folder, kdf=FLOOR)
    return folder


@pytest.fixture(scope="module")
def demo(demo_folder: Path) -> Iterator[Archive]:
    archive = Archive.open(demo_folder, "demo")
    yield archive
    archive.lock()


def test_the_demo_is_locked_after_building_and_opens_with_its_password(
    demo_folder: Path, demo: Archive
) -> None:
    # The module's fixture opened it with "demo"; before that it was closed and checkpointed.
    assert {"archive.db", "keys.json"} <= {p.name for p in demo_folder.iterdir()}
    assert documents.count(demo.db) > 0


def test_it_has_prisoners_relatives_a_lawyer_and_witnesses(demo: Archive) -> None:
    prisoners = people.all_people(demo.db, Role.PRISONER)
    assert len(prisoners) >= 3
    assert len({p.status for p in prisoners}) >= 3
    assert len(people.all_people(demo.db, Role.RELATIVE)) >= 3
    assert people.all_people(demo.db, Role.LAWYER)
    assert people.all_people(demo.db, Role.WITNESS)
    for person in people.all_people(demo.db):
        assert person.display_name and person.name_fa and person.name_latin
        assert any("\u0600" <= c <= "\u06ff" for c in person.name_fa)


def test_it_has_many_documents_of_every_kind(demo: Archive) -> None:
    listed = documents.list_documents(demo.db)
    assert len(listed) >= 40
    kinds = {d.kind for d in listed}
    assert kinds >= {DocumentKind.LETTER, DocumentKind.TESTIMONY, DocumentKind.COURT,
                     DocumentKind.NOTE}  # fmt: skip


def test_texts_are_in_persian_and_english_and_all_different(demo: Archive) -> None:
    all_texts = [
        t for d in documents.list_documents(demo.db) for t in texts.texts_of(demo.db, d.id)
    ]
    languages = {t.language for t in all_texts}
    assert {"fa", "en"} <= languages
    assert len({t.body for t in all_texts}) == len(all_texts) >= 40
    persian = [t for t in all_texts if t.language == "fa"]
    assert all(t.right_to_left for t in persian)
    assert all(any("\u0600" <= c <= "\u06ff" for c in t.body) for t in persian)


def test_letters_have_scanned_pages_that_are_jpegs(demo: Archive) -> None:
    letters = documents.list_documents(demo.db, documents.DocumentFilter(kind=DocumentKind.LETTER))
    page_counts = [len(pages.pages_of(demo.db, d.id)) for d in letters]
    assert all(page_counts)
    assert max(page_counts) >= 2
    for letter in letters[:3]:
        for page in pages.pages_of(demo.db, letter.id):
            data = pages.original_bytes(demo.db, page.id)
            assert data.startswith(b"\xff\xd8\xff")
            assert page.mime_type == "image/jpeg"
            assert page.width and page.height and page.height > page.width


def test_testimony_consent_varies_and_one_is_withdrawn(demo: Archive) -> None:
    testimony = documents.list_documents(
        demo.db, documents.DocumentFilter(kind=DocumentKind.TESTIMONY)
    )
    consents = [d.consent for d in testimony]
    assert sum(c.withdrawn for c in consents) == 1
    assert any(c.anonymise for c in consents)
    assert any(c.audience is Audience.LEGAL_TEAM for c in consents)


def test_events_span_several_years_with_spans_and_an_ongoing_one(demo: Archive) -> None:
    timeline = [
        e
        for p in people.all_people(demo.db, Role.PRISONER)
        for e in events.events_of(demo.db, p.id)
    ]
    years = {e.date.start.year for e in timeline}
    assert min(years) <= 2019 and max(years) >= 2024
    types = {e.type for e in timeline}
    assert types >= {EventType.ARREST, EventType.TRIAL, EventType.SENTENCE, EventType.TRANSFER,
                     EventType.SOLITARY, EventType.HUNGER_STRIKE, EventType.VISIT,
                     EventType.FURLOUGH}  # fmt: skip
    assert any(e.end_date is not None for e in timeline if e.type is EventType.SOLITARY)
    assert any(e.ongoing for e in timeline)
    assert any(e.source_ids for e in timeline)
    assert any(e.place.startswith("Evin Prison") for e in timeline)
    assert {e.date.calendar.value for e in timeline} == {"gregorian", "jalali"}
    assert {e.date.precision.value for e in timeline} >= {"day", "month", "season", "year"}
    assert any(e.date.circa for e in timeline)


def test_tags_nest_and_have_colours(demo: Archive) -> None:
    all_tags = tags.all_tags(demo.db)
    assert any(t.parent_id is not None for t in all_tags)
    assert len({t.colour for t in all_tags}) > 5
    solitary = tags.find(demo.db, "conditions/solitary")
    assert solitary is not None
    tagged = documents.list_documents(demo.db, documents.DocumentFilter(tag_id=solitary.id))
    assert tagged


def test_annotations_are_private_and_shareable_on_texts_and_a_page(demo: Archive) -> None:
    notes = annotations.annotations_of(demo.db)
    assert {a.visibility for a in notes} == {Visibility.PRIVATE, Visibility.SHAREABLE}
    assert any(isinstance(a.target, ImageRegion) for a in notes)
    for note in notes:
        if isinstance(note.target, TextRange):
            text = texts.get(demo.db, note.target.text_id)
            assert text.body[note.target.start : note.target.end] == note.target.quote
    assert not any(a.orphaned for a in notes)


def test_search_finds_places_in_both_scripts(demo: Archive) -> None:
    assert search.search(demo.db, "Evin")
    assert search.search(demo.db, "قرچک")


def test_building_twice_gives_the_same_demo_and_reports_progress(
    demo: Archive, tmp_path: Path
) -> None:
    again = tmp_path / "again.amanat"
    reported: list[tuple[int, int]] = []
    build_demo(again, kdf=FLOOR, progress=lambda p: reported.append((p.done, p.total)))
    assert reported[0][0] == 0 and reported[-1][0] == reported[-1][1] > 10
    assert [done for done, _ in reported] == sorted(done for done, _ in reported)
    with Archive.open(again, "demo") as other:
        first, second = documents.list_documents(demo.db), documents.list_documents(other.db)
        assert [d.title for d in first] == [d.title for d in second]
        bodies = [[t.body for t in texts.texts_of(a.db, d.id)] for a, docs in
                  ((demo, first), (other, second)) for d in docs]  # fmt: skip
        assert bodies[: len(first)] == bodies[len(first) :]
        hashes = [[p.sha256 for d in docs for p in pages.pages_of(a.db, d.id)]
                  for a, docs in ((demo, first), (other, second))]  # fmt: skip
        assert hashes[0] == hashes[1]


def test_it_will_not_overwrite_an_existing_archive(demo_folder: Path) -> None:
    with pytest.raises(ArchiveExists):
        build_demo(demo_folder, kdf=FLOOR)
    assert (demo_folder / "keys.json").is_file()


def test_a_failed_build_leaves_nothing_behind(tmp_path: Path) -> None:
    def fail(progress: Progress) -> None:
        if progress.done == 1:
            raise RuntimeError("interrupted")

    folder = tmp_path / "broken.amanat"
    with pytest.raises(RuntimeError):
        build_demo(folder, kdf=FLOOR, progress=fail)
    assert not folder.exists()


def test_every_demo_picture_has_a_thumbnail_a_preview_and_a_metadata_report(
    demo: Archive,
) -> None:
    pictures = [
        page
        for d in documents.list_documents(demo.db)
        for page in pages.pages_of(demo.db, d.id)
        if not is_recording(page.mime_type)
    ]
    assert pictures
    for page in pictures:
        thumbnail = pages.image(demo.db, page.id, "thumbnail")
        preview = pages.image(demo.db, page.id, "preview")
        assert thumbnail is not None and preview is not None
        assert max(thumbnail.width, thumbnail.height) <= 256 < max(preview.width, preview.height)
        assert pages.scan_details(demo.db, page.id).metadata not in ("", "{}")


def test_a_recorded_call_is_the_first_page_of_a_document_and_every_line_has_its_time(
    demo: Archive,
) -> None:
    recorded = [
        (d, page)
        for d in documents.list_documents(demo.db)
        for page in pages.pages_of(demo.db, d.id)
        if is_recording(page.mime_type)
    ]
    [(call, page)] = recorded
    # The first page, so the player shows as soon as the document is opened.
    assert pages.pages_of(demo.db, call.id)[0] == page
    assert page.mime_type == "audio/ogg" and page.original_name.endswith(".ogg")
    report = json.loads(pages.scan_details(demo.db, page.id).metadata)["recording"]
    assert report["playable"] and 20 <= report["duration"] <= 40
    assert [s["codec"] for s in report["streams"]] == ["opus"]
    # Made from the demo's seed, not copied from a file: sound, not silence, whatever it is.
    data = pages.original_bytes(demo.db, page.id)
    assert data.startswith(b"OggS") and len(data) > 20_000

    by_language = {t.language: t for t in texts.texts_of(demo.db, call.id)}
    assert set(by_language) == {"fa", "en"}
    persian, english = by_language["fa"], by_language["en"]
    assert any("\u0600" <= c <= "\u06ff" for c in persian.body)
    line_count = len(persian.body.splitlines())
    assert line_count == len(english.body.splitlines()) >= 5
    for text in (persian, english):
        times = timecodes.of_text(demo.db, text.id)
        # One time for each line, at its start, rising through the recording.
        starts = [0] + [i + 1 for i, c in enumerate(text.body) if c == "\n"]
        assert [t.offset for t in times] == starts
        seconds = [t.seconds for t in times]
        assert seconds == sorted(seconds) and len(set(seconds)) == line_count
        assert seconds[0] >= 0 and seconds[-1] < report["duration"]
        assert not any(t.orphaned for t in times)
    assert [t.seconds for t in timecodes.of_text(demo.db, persian.id)] == [
        t.seconds for t in timecodes.of_text(demo.db, english.id)
    ]


def test_the_call_is_heard_where_its_lines_are_and_quiet_between_them() -> None:
    """The sound follows the script: loud inside each line, only the faint hiss in the
    pauses between lines, so a click on a line plays someone speaking."""
    data = sound_of_call(RECORDED_CALL, SEED)
    assert data == sound_of_call(RECORDED_CALL, SEED)  # the same demo every time
    loudness: list[tuple[float, float]] = []
    with av.open(io.BytesIO(data)) as container:
        for frame in container.decode(audio=0):
            samples = frame.to_ndarray()
            assert frame.time is not None
            loudness.append((frame.time, float(abs(samples).mean())))

    def level(start: float, end: float) -> float:
        inside = [value for time, value in loudness if start <= time < end]
        return sum(inside) / len(inside)

    lines = RECORDED_CALL.lines
    for line, following in itertools.pairwise(lines):
        spoken = level(line.start + 0.1, line.end - 0.2)
        pause = level(line.end + 0.15, following.start - 0.1)
        assert spoken > 20 * pause, (line.words[1], spoken, pause)
