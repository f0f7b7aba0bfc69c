"""Annotations on a time range of a recording from the command line: ``annotate-page
--from --to`` on a recording page, listed as a clock, edited and deleted as others are. A
range on a picture, reversed, past the end, or a time not understood: one sentence, and the
archive exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import recordings
from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, assert_user_error, make_png


def _page_of(cli: Cli, path: Path) -> str:
    imported = cli.ok("import", path, "--json").json()
    [document] = imported["documents"]
    [page_id] = document["page_ids"]
    return str(page_id)


@pytest.fixture
def call(cli: Cli, tmp_path: Path) -> str:
    """The page of a 3-second call (an Ogg voice note)."""
    path = tmp_path / "call.ogg"
    path.write_bytes(recordings.recording("ogg", 3.0))
    return _page_of(cli, path)


def test_annotate_a_moment_of_a_call_list_edit_and_delete_it(cli: Cli, call: str) -> None:
    added = cli.ok(
        "annotate-page", call, "--from", "0:01", "--to", "2.5", "--body", "she names the guard",
        "--tag", "threats",
    )  # fmt: skip
    note_id = added.out.strip()
    [listed] = cli.ok("annotations", "--json").json()
    assert listed["id"] == note_id and listed["visibility"] == "private"
    assert listed["target"] == {"page_id": call, "start": 1.0, "end": 2.5}
    first, second = cli.ok("annotations").out.splitlines()
    assert first.startswith(note_id) and "recording 0:01–0:02.5" in first
    assert "she names the guard" in second and "#threats" in second
    cli.ok("annotation", "edit", note_id, "--body", "the guard's name", "--shareable")
    [edited] = cli.ok("annotations", "--json").json()
    assert edited["body"] == "the guard's name" and edited["visibility"] == "shareable"
    assert edited["target"]["start"] == 1.0
    cli.ok("annotation", "delete", note_id)
    assert cli.ok("annotations").out.strip() == "No annotations."


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("0:02", "0:01", "does not go forward"),
        ("1", "1", "does not go forward"),
        ("0:01", "0:09", "goes past the end of the recording, which lasts 0:03"),
        ("1:xx", "0:02", "is not a time"),
    ],
)
def test_a_bad_range_is_one_sentence_and_changes_nothing(
    cli: Cli, call: str, start: str, end: str, words: str
) -> None:
    before = records_digest(cli.archive)
    result = cli("annotate-page", call, "--from", start, "--to", end, "--body", "x")
    assert_user_error(result, words)
    assert records_digest(cli.archive) == before


def test_a_range_on_a_picture_is_one_sentence_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    page = _page_of(cli, make_png(tmp_path / "letter.png"))
    before = records_digest(cli.archive)
    result = cli("annotate-page", page, "--from", "0:01", "--to", "0:02", "--body", "x")
    assert_user_error(result, "not a recording", "Nothing was added")
    assert records_digest(cli.archive) == before


def test_a_rectangle_and_a_range_together_or_half_a_range_are_refused(cli: Cli, call: str) -> None:
    before = records_digest(cli.archive)
    both = cli(
        "annotate-page", call, "--rect", "1,1,5,5", "--from", "1", "--to", "2", "--body", "x"
    )
    assert both.code == 2 and "either --rect" in both.err
    half = cli("annotate-page", call, "--from", "1", "--body", "x")
    assert half.code == 2 and "both --from and --to" in half.err
    assert records_digest(cli.archive) == before
