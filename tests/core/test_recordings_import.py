"""Recordings imported as pages through the path scans take: every format Amanat keeps, by its
content whatever its name, stored byte for byte with its SHA-256, with no pictures, beside
the scans of the same letter; and read back in ranges, as a player streams them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from amanat.app.previews import page_preview
from amanat.core.file_types import RECORDING_TYPES, mime_type_of
from amanat.core.recordings import facts
from amanat.core.scans import ImportOptions, import_files
from amanat.core.scans.previews import missing
from amanat.core.segments import sealing
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers import recordings
from tests.helpers import scan_files as make

EXPECTED = {
    "mp3": ("audio/mpeg", "mp3", None),
    "m4a": ("audio/mp4", "aac", None),
    "aac": ("audio/aac", "aac", None),
    "ogg": ("audio/ogg", "opus", None),
    "wav": ("audio/wav", "pcm_s16le", None),
    "amr": ("audio/amr", "amr_nb", None),
    "mp4": ("video/mp4", "aac", "h264"),
    "webm": ("video/webm", "opus", "vp8"),
    "mov": ("video/quicktime", "aac", "h264"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_becomes_one_page_kept_byte_for_byte(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    data = recordings.recording(name, seconds=1.0)
    # The name lies: the type comes from the content.
    path = tmp_path / f"call from Evin.{'jpg' if name != 'mp3' else 'pdf'}"
    path.write_bytes(data)
    report = import_files(archive.db, [path])
    assert not report.refused, report.refused
    [document] = report.documents
    [page] = pages.pages_of(archive.db, document.document_id)
    mime, audio_codec, video_codec = EXPECTED[name]
    assert page.mime_type == mime and pages.is_recording(page)
    assert page.sha256 == hashlib.sha256(data).hexdigest()
    assert page.size == len(data)
    assert pages.original_bytes(archive.db, page.id) == data
    assert pages.image_kinds(archive.db, page.id) == frozenset()
    found = facts.from_json(pages.scan_details(archive.db, page.id).metadata)
    assert found is not None
    assert 0.9 < found.duration < 1.2
    assert [s.codec for s in found.streams if s.kind == "audio"] == [audio_codec]
    assert [s.codec for s in found.streams if s.kind == "video"] == (
        [video_codec] if video_codec else []
    )
    if video_codec:
        assert (page.width, page.height) == (64, 48)
    else:
        assert (page.width, page.height) == (None, None)


def test_every_type_detected_is_one_amanat_keeps() -> None:
    found = {mime_type_of(recordings.recording(name)) for name in EXPECTED}
    assert found == set(RECORDING_TYPES) - {"audio/amr-wb"}


def test_a_letter_and_the_call_about_it_are_one_document(archive: Archive, tmp_path: Path) -> None:
    scan = tmp_path / "letter.jpg"
    scan.write_bytes(make.jpeg())
    call = tmp_path / "call.m4a"
    call.write_bytes(recordings.recording("m4a"))
    report = import_files(archive.db, [scan, call], ImportOptions(one_document=True))
    [document] = report.documents
    letter, recording = pages.pages_of(archive.db, document.document_id)
    assert (letter.mime_type, recording.mime_type) == ("image/jpeg", "audio/mp4")
    assert pages.image_kinds(archive.db, letter.id) == {"thumbnail", "preview"}
    # The previews pass, which draws what pages lack, leaves the recording alone.
    assert recording.id not in missing(archive.db)
    assert recording.id not in pages.without_image(archive.db, "preview")


def test_the_same_recording_twice_is_kept_once(archive: Archive, tmp_path: Path) -> None:
    data = recordings.recording("ogg")
    first, second = tmp_path / "a.ogg", tmp_path / "b.opus"
    first.write_bytes(data)
    second.write_bytes(data)
    report = import_files(archive.db, [first, second])
    assert len(report.documents) == 1
    assert len(report.duplicates) == 1


def test_original_range_reads_any_part_across_chunks(archive: Archive, tmp_path: Path) -> None:
    data = recordings.wav(seconds=9.0)  # 144 kB: three sealed chunks, the last one short
    assert len(data) > 2 * sealing.CHUNK
    path = tmp_path / "voice.wav"
    path.write_bytes(data)
    [document] = import_files(archive.db, [path]).documents
    [page_id] = document.page_ids
    db = archive.db
    chunk = sealing.CHUNK
    for start, length in [
        (0, 44),
        (chunk - 10, 20),  # across a chunk's end
        (chunk, chunk),  # one whole chunk
        (5, 2 * chunk + 100),  # three chunks
        (len(data) - 7, 100),  # past the end: what there is
        (len(data), 10),  # at the end: nothing
        (len(data) + 5, 10),
        (100, 0),
    ]:
        assert pages.original_range(db, page_id, start, length) == data[start : start + length]
    sealed = pages.original(db, page_id)
    assert sealed.read_range(0, len(data)) == data
    with pytest.raises(ValueError):
        sealed.read_range(-1, 10)


def test_a_recording_asks_for_no_preview(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "voice.amr"
    path.write_bytes(recordings.recording("amr"))
    [document] = import_files(archive.db, [path]).documents
    [page_id] = document.page_ids
    assert page_preview(archive, page_id) is None
    assert pages.image_kinds(archive.db, page_id) == frozenset()
