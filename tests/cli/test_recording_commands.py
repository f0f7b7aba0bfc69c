"""Recordings on the command line: ``amanat import`` takes them, ``page show`` reports their
duration, streams and the tags that could lead to the family, ``page export`` writes the
original or a stripped copy; each bad recording one sentence and the archive as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.helpers import recordings
from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, assert_user_error


def _import(cli: Cli, path: Path) -> str:
    imported = cli.ok("import", path, "--json").json()
    [document] = imported["documents"]
    [page_id] = document["page_ids"]
    return str(page_id)


def test_import_and_show_a_call(cli: Cli, tmp_path: Path) -> None:
    data = recordings.recording(
        "mov", 2.0, tags={"location": "+35.6892+051.3890/", "make": "samsung", "model": "A10"}
    )
    path = tmp_path / "call from Evin.mov"
    path.write_bytes(data)
    result = cli.ok("import", path)
    assert "Warning: call from Evin.mov" in result.out
    assert "holds a location" in result.out
    page_id = _import_again_as_json(cli, path)
    shown = cli.ok("page", "show", page_id).out
    assert "video/quicktime" in shown
    assert f"SHA-256: {hashlib.sha256(data).hexdigest()}" in shown
    assert "  Duration: 0:02" in shown
    assert "  Audio: aac, 16,000 Hz, mono" in shown
    assert "  Video: h264, 64 × 48" in shown
    assert "  Device: samsung A10" in shown
    assert "Warning: its metadata holds a location" in shown
    assert "GPS position" in shown
    as_json = cli.ok("page", "show", page_id, "--json").json()
    assert as_json["recording"]["streams"][0]["width"] == 64
    assert as_json["has_location"] is True


def _import_again_as_json(cli: Cli, path: Path) -> str:
    """The page of a file imported before: the duplicate names it."""
    imported = cli.ok("import", path, "--json").json()
    [duplicate] = imported["duplicates"]
    return str(duplicate["page_id"])


def test_a_voice_note_in_a_letter(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "voice.amr"
    path.write_bytes(recordings.recording("amr", 1.0))
    page_id = _import(cli, path)
    shown = cli.ok("page", "show", page_id).out
    assert "audio/amr" in shown
    assert "  Audio: amr_nb, 8,000 Hz, mono" in shown
    assert "Warning" not in shown


def test_a_file_named_as_audio_that_is_not(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "call.mp3"
    path.write_text("this is a text file, whatever its name says\n" * 30, encoding="utf-8")
    before = records_digest(cli.archive)
    result = cli("import", path)
    assert_user_error(result, str(path), "not a picture", "recording")
    assert records_digest(cli.archive) == before
