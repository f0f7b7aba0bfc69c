"""Recordings imported as pages through the path scans take: every format Amanat keeps, by its
content whatever its name, stored byte for byte with its SHA-256, with no pictures, beside
the scans of the same letter; and read back in ranges, as a player streams them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from amanat.app.previews import page_preview
from amanat.app.scans import import_scans
from amanat.core import settings
from amanat.core.errors import InvalidInput
from amanat.core.file_types import RECORDING_TYPES, mime_type_of
from amanat.core.recordings import facts
from amanat.core.scans import ImportOptions, ScanLimits, import_files
from amanat.core.scans.previews import missing
from amanat.core.segments import sealing
from amanat.core.settings import ArchiveSettings
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
    # The previews pass draws a recording's thumbnail only (tests/core/test_recording_
    # thumbnails.py), never a preview.
    assert recording.id in missing(archive.db)
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


# --- Bad input: one sentence naming the file, and nothing of it kept ----------------------


def _refusal(archive: Archive, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    before = archive.db.value("SELECT count(*) FROM files")
    report = import_files(archive.db, [path])
    assert report.documents == ()
    assert archive.db.value("SELECT count(*) FROM files") == before
    [refusal] = report.refused
    assert refusal.message.startswith(f"{path} was not imported: ")
    assert "\n" not in refusal.message and refusal.message.endswith(".")
    return refusal.message


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"OggS" + b"not a voice note, only words " * 40, "Ogg"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x10" + b"\x00" * 3000, "MP3"),
        # AMR frames carry no checksum: after its signature only an empty file is told
        # from a voice note (docs/recordings.md).
        (b"#!AMR\n", "AMR"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 500, "MP4"),
    ],
)
def test_a_file_that_says_it_is_a_recording_and_is_not(
    archive: Archive, tmp_path: Path, data: bytes, kind: str
) -> None:
    message = _refusal(archive, tmp_path, "call.m4a", data)
    assert f"its content is not a valid {kind} recording" in message


def test_a_recording_cut_short(archive: Archive, tmp_path: Path) -> None:
    whole = recordings.recording("mp4", 6.0, index_first=True)
    message = _refusal(archive, tmp_path, "testimony.mp4", whole[: len(whole) // 2])
    assert "its header says it lasts 0:06, but what it holds ends after 0:0" in message
    assert "perhaps it was not copied completely" in message
    # Its index at the end, an MP4 cut short has none at all.
    late = recordings.recording("m4a", 3.0)
    assert "not a valid M4A recording" in _refusal(archive, tmp_path, "a.m4a", late[:3000])
    wave = recordings.wav(3.0)
    assert "lasts 0:03, but what it holds ends after 0:01" in _refusal(
        archive, tmp_path, "b.wav", wave[:20000]
    )


@pytest.mark.parametrize("name", ["mp4", "mov"])
def test_a_video_whose_header_says_ten_hours_over_two_seconds(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    data = recordings.claiming_hours(recordings.recording(name, 2.0), 10)
    message = _refusal(archive, tmp_path, f"hearing.{name}", data)
    assert "its header says it lasts 10:00:00, but what it holds ends after 0:02" in message


def test_a_wav_whose_header_says_ten_hours(archive: Archive, tmp_path: Path) -> None:
    message = _refusal(archive, tmp_path, "call.wav", recordings.wav_claiming(36000, 2))
    assert "lasts 10:00:00, but what it holds ends after 0:02" in message


def test_a_wav_streamed_without_its_size_is_kept(archive: Archive, tmp_path: Path) -> None:
    """A recorder that streams cannot go back to write the size: zero is no claim."""
    path = tmp_path / "stream.wav"
    path.write_bytes(recordings.wav_claiming(0, 2))
    [document] = import_files(archive.db, [path]).documents
    found = facts.from_json(pages.scan_details(archive.db, document.page_ids[0]).metadata)
    assert found is not None and found.duration == pytest.approx(2.0, abs=0.01)


def test_a_recording_larger_than_the_limit(archive: Archive, tmp_path: Path) -> None:
    data = recordings.wav(70.0)  # 1.1 MB
    limits = ScanLimits(max_file_bytes=10 * 1024 * 1024, max_recording_bytes=1024 * 1024)
    path = tmp_path / "long call.wav"
    path.write_bytes(data)
    report = import_files(archive.db, [path], ImportOptions(limits=limits))
    [refusal] = report.refused
    assert refusal.message == (
        f"{path} was not imported: it is 1.1 MB, more than the limit of 1.0 MB for one "
        "recording, which Settings… (or amanat settings set recording-limit) can raise."
    )
    assert report.documents == ()
    # A scan of the same size is measured against the scans' limit.
    scan = tmp_path / "letter.png"
    scan.write_bytes(make.png() + b"\x00" * (len(data) - len(make.png())))
    assert not import_files(archive.db, [scan], ImportOptions(limits=limits)).refused


def test_the_archive_setting_sets_the_limit(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    path.write_bytes(recordings.wav(70.0))
    settings.save(archive.db, ArchiveSettings(recording_limit_mb=1))
    outcome = import_scans(archive, [path], ImportOptions())
    [refusal] = outcome.report.refused
    assert "more than the limit of 1.0 MB for one recording" in refusal.message
    settings.save(archive.db, ArchiveSettings(recording_limit_mb=2))
    assert import_scans(archive, [path], ImportOptions()).report.refused == ()
    with pytest.raises(InvalidInput, match="between 1 and 16384 MB"):
        settings.save(archive.db, ArchiveSettings(recording_limit_mb=0))


def test_a_format_amanat_cannot_decode_is_kept_as_evidence(
    archive: Archive, tmp_path: Path
) -> None:
    data = bytearray(recordings.wav(2.0))
    data[20:22] = (0x1234).to_bytes(2, "little")  # a codec no decoder here knows
    path = tmp_path / "old recorder.wav"
    path.write_bytes(bytes(data))
    report = import_files(archive.db, [path])
    [document] = report.documents
    [note] = report.notes
    assert note == (
        f"{path} is kept as evidence, byte for byte, but it cannot be played here: its sound "
        "or picture is in a format Amanat cannot decode."
    )
    page_id = document.page_ids[0]
    assert pages.original_bytes(archive.db, page_id) == bytes(data)
    found = facts.from_json(pages.scan_details(archive.db, page_id).metadata)
    assert found is not None and not found.playable
    assert found.duration == pytest.approx(2.0, abs=0.01)
