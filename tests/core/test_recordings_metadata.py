"""A recording's page report: duration, codecs, bitrate, sample rate, channels and video size
read from its content, and the tags that could lead someone to the family (where it was
recorded, the phone, a name) flagged as a photo's are, in the report the command line and
the window share."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.app import pages as app_pages
from amanat.app.scans import import_scans
from amanat.core.recordings import facts, probe
from amanat.core.scans import ImportOptions
from amanat.core.time_ranges import clock
from amanat.core.vault import Archive
from amanat.gui import page_info
from tests.helpers import recordings

TEHRAN = {"location": "+35.6892+051.3890/"}


def _import(archive: Archive, tmp_path: Path, name: str, data: bytes) -> app_pages.PageRecord:
    path = tmp_path / name
    path.write_bytes(data)
    outcome = import_scans(archive, [path], ImportOptions())
    assert not outcome.report.refused, outcome.report.refused
    [document] = outcome.report.documents
    [page_id] = document.page_ids
    return app_pages.page_record(archive, page_id)


def test_a_video_reports_its_streams(archive: Archive, tmp_path: Path) -> None:
    record = _import(archive, tmp_path, "testimony.mp4", recordings.recording("mp4", 2.0))
    found = record.recording
    assert found is not None and found.has_video
    assert 1.9 < found.duration < 2.3
    assert found.video_size == (64, 48)
    audio = next(s for s in found.streams if s.kind == "audio")
    assert (audio.codec, audio.sample_rate, audio.channels) == ("aac", 16000, 1)
    assert found.bitrate and found.bitrate > 0
    lines = dict(found.lines())
    assert lines["Duration"] == "0:02"
    assert lines["Audio"].startswith("aac, 16,000 Hz, mono")
    assert lines["Video"].startswith("h264, 64 × 48")


def test_a_wav_with_no_tags_has_nothing_flagged(archive: Archive, tmp_path: Path) -> None:
    record = _import(archive, tmp_path, "voice.wav", recordings.wav(3.0))
    assert record.recording is not None
    assert record.recording.duration == pytest.approx(3.0, abs=0.01)
    assert not record.metadata.has_location and not record.metadata.has_person_name
    assert record.metadata.blocks == ()
    assert (record.page.width, record.page.height) == (None, None)


@pytest.mark.parametrize("name", ["m4a", "mp4", "mov", "ogg", "webm", "mp3"])
def test_a_position_in_its_tags_is_flagged(archive: Archive, tmp_path: Path, name: str) -> None:
    data = recordings.recording(name, tags=TEHRAN)
    path = tmp_path / f"call.{name}"
    path.write_bytes(data)
    outcome = import_scans(archive, [path], ImportOptions())
    [flagged] = outcome.flagged
    assert flagged.has_location
    record = app_pages.page_record(archive, flagged.page_id)
    assert record.metadata.gps is not None
    assert record.metadata.gps.latitude == pytest.approx(35.6892)
    assert record.metadata.gps.longitude == pytest.approx(51.389)


def test_the_phone_and_a_name_are_reported(archive: Archive, tmp_path: Path) -> None:
    tags = {"make": "samsung", "model": "SM-A105F", "artist": "Maryam R.", "encoder": "Lavf"}
    record = _import(archive, tmp_path, "call.mov", recordings.recording("mov", tags=tags))
    report = record.metadata
    assert report.camera == "samsung SM-A105F"
    assert report.has_person_name and "Maryam R." in report.authors
    record_ogg = _import(archive, tmp_path, "note.ogg", recordings.recording("ogg", tags=tags))
    assert "Maryam R." in record_ogg.metadata.authors


def test_report_of_apple_tags() -> None:
    report = probe.report_of(
        {
            "com.apple.quicktime.location.iso6709": "+35.7000+051.4000+1200.000/",
            "com.apple.quicktime.make": "Apple",
            "com.apple.quicktime.model": "iPhone 8",
            "com.apple.quicktime.software": "16.7.2",
            "com.apple.quicktime.creationdate": "2026-03-01T09:30:00+0330",
        }
    )
    assert report.gps is not None and report.gps.altitude == pytest.approx(1200.0)
    assert report.camera == "Apple iPhone 8"
    assert report.software == ("16.7.2",)
    assert report.captured == "2026-03-01T09:30:00+0330"
    assert report.other == ()
    # A place written as words, not a position, is still a place.
    assert probe.report_of({"location": "Evin, Tehran"}).places == ("Evin, Tehran",)


def test_the_window_reports_a_recording_in_its_own_words(archive: Archive, tmp_path: Path) -> None:
    tags = {**TEHRAN, "make": "samsung", "model": "SM-A105F"}
    record = _import(archive, tmp_path, "call.mov", recordings.recording("mov", tags=tags))
    rows = dict(page_info.page_rows(record))
    assert rows["Duration"] == "0:01"
    assert rows["Sound"].startswith("aac, 16000 Hz, mono")
    assert rows["Picture"].startswith("h264, 64 × 48 pixels")
    assert "Picture size" not in rows
    metadata = dict(page_info.metadata_rows(record.metadata, recording=True))
    assert metadata["Device"] == "samsung SM-A105F"
    [warning] = page_info.warnings(record.metadata, recording=True)
    assert "where it was recorded" in warning


def test_facts_survive_their_json() -> None:
    made = facts.RecordingFacts(
        61.5, "ogg", 24000, (facts.Stream("audio", "opus", None, 48000, 2, None, None),)
    )
    report = probe.report_of({})
    assert facts.from_json(facts.to_json(made, report)) == made
    assert facts.from_json(report.to_json()) is None
    assert clock(3723.4) == "1:02:03"


def test_the_export_dialog_speaks_of_a_stripped_recording(
    archive: Archive, tmp_path: Path, qtbot: object
) -> None:
    tags = {**TEHRAN, "make": "samsung", "model": "SM-A105F"}
    record = _import(archive, tmp_path, "call.mov", recordings.recording("mov", tags=tags))
    dialog = page_info.PageExportDialog(record)
    assert dialog.sanitised.text().startswith("A stripped copy: the sound and picture only")
    warning = dialog.warning.text()
    assert "where it was recorded" in warning and "the device" in warning
    assert "the stripped copy holds the sound and picture only" in warning
    dialog.deleteLater()
