"""``amanat timecode``, ``timecodes`` and ``untimecode``: a transcriber's times set, listed,
followed through ``text edit`` and taken off; each bad input one sentence on stderr and the
archive exactly as it was."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, assert_user_error

BODY = "Mother: Are you eating?\nNasrin: They give us bread.\nMother: We miss you.\n"


def _call(cli: Cli, tmp_path: Path, body: str = BODY) -> str:
    document = cli.add_doc("--kind", "testimony", "--title", "Call from Evin")
    source = tmp_path / "call.txt"
    source.write_text(body, encoding="utf-8")
    return cli.ok("text", "add", document, "--language", "en", "--file", source,
                  "--json").json()["id"]  # fmt: skip


def test_times_are_set_listed_in_line_order_and_taken_off(cli: Cli, tmp_path: Path) -> None:
    text = _call(cli, tmp_path)
    late = cli.ok("timecode", text, "--at", str(BODY.index("Mother: We")), "--time", "00:01:23")
    cli.ok("timecode", text, "--at", str(BODY.index("Nasrin") + 4), "--time", "0:41")
    listed = cli.ok("timecodes", text).out.splitlines()
    assert "0:41" in listed[0] and "“Nasrin: They give us bread.”" in listed[0]
    assert listed[1].startswith(late.out.strip()) and "1:23" in listed[1]
    found = cli.ok("timecodes", text, "--json").json()
    assert [item["seconds"] for item in found] == [41.0, 83.0]
    assert found[0]["target"]["start"] == BODY.index("Nasrin")
    said = cli.ok("untimecode", late.out.strip()).out
    assert said == f"Took the time code {late.out.strip()} off.\n"
    assert len(cli.ok("timecodes", text, "--json").json()) == 1


def test_a_time_follows_its_line_through_text_edit(cli: Cli, tmp_path: Path) -> None:
    text = _call(cli, tmp_path)
    cli.ok("timecode", text, "--at", str(BODY.index("Nasrin")), "--time", "41")
    edited = tmp_path / "edited.txt"
    edited.write_text("(the line crackles)\n" + BODY, encoding="utf-8")
    cli.ok("text", "edit", text, "--file", edited)
    (moved,) = cli.ok("timecodes", text, "--json").json()
    assert moved["target"]["start"] == len("(the line crackles)\n") + BODY.index("Nasrin")
    edited.write_text(BODY.replace("Nasrin: They give us bread.\n", ""), encoding="utf-8")
    cli.ok("text", "edit", text, "--file", edited)
    assert "LOST" in cli.ok("timecodes", text).out


def test_bad_times_are_one_sentence_and_change_nothing(
    cli: Cli, tmp_path: Path, archive_folder: Path
) -> None:
    text = _call(cli, tmp_path)
    before = records_digest(archive_folder)
    assert_user_error(cli("timecode", text, "--at", "0", "--time", "1:75"), "is not a time")
    assert_user_error(cli("timecode", text, "--at", "999", "--time", "1"), "not inside the text")
    assert_user_error(cli("timecode", "no-such-text", "--at", "0", "--time", "1"), "no text")
    assert_user_error(cli("untimecode", "no-such-id"), "no time code")
    assert records_digest(archive_folder) == before
