"""Annotations from the command line: a passage of a text, a rectangle on a page, and the
list, with orphaned annotations still listed and marked. Bad input gets exit status 1 and one
sentence, and changes nothing."""

from __future__ import annotations

import re

import pytest

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.cli import (
    LETTER_TEXT,
    UUID_PATTERN,
    Cli,
    Populated,
    assert_user_error,
    run_cli,
)


def _letter_text(cli: Cli, populated: Populated) -> str:
    with Archive.open(cli.archive, PASSWORD) as archive:
        return str(
            archive.db.value("SELECT id FROM texts WHERE document_id = ?", (populated.letter,))
        )


def _letter_page(cli: Cli, populated: Populated) -> str:
    with Archive.open(cli.archive, PASSWORD) as archive:
        return str(
            archive.db.value("SELECT id FROM pages WHERE document_id = ?", (populated.letter,))
        )


def test_annotate_a_passage_and_list_it(populated_cli: Cli, populated: Populated) -> None:
    text = _letter_text(populated_cli, populated)
    start = LETTER_TEXT.index("سلول انفرادی")
    end = start + len("سلول انفرادی")
    added = populated_cli.ok(
        "annotate", text, "--start", str(start), "--end", str(end),
        "--body", "solitary, in her own words", "--tag", "conditions/solitary", "--tag", "key",
    )  # fmt: skip
    note_id = added.out.strip()
    assert re.fullmatch(UUID_PATTERN, note_id)

    [listed] = populated_cli.ok("annotations", "--doc", populated.letter, "--json").json()
    assert listed["id"] == note_id
    assert listed["target"]["quote"] == "سلول انفرادی"
    assert listed["visibility"] == "private"  # private unless asked
    assert listed["orphaned"] is False and listed["document_id"] == populated.letter

    lines = populated_cli.ok("annotations", "--doc", populated.letter).out.splitlines()
    assert lines[0].startswith(note_id) and "private" in lines[0] and "سلول انفرادی" in lines[0]
    assert "solitary, in her own words" in lines[1]
    assert "#conditions/solitary" in lines[1] and "#key" in lines[1]
    # The parent tag finds it too.
    assert populated_cli.ok("annotations", "--tag", "conditions").out.startswith(note_id)


def test_annotate_shareable_with_the_actor_as_author(
    populated_cli: Cli, populated: Populated
) -> None:
    text = _letter_text(populated_cli, populated)
    note = populated_cli.ok(
        "annotate", text, "--start", "0", "--end", "2", "--body", "b", "--shareable",
        "--actor", "Lawyer A", "--json",
    ).json()  # fmt: skip
    assert note["visibility"] == "shareable" and note["author"] == "Lawyer A"
    shareable = populated_cli.ok("annotations", "--visibility", "shareable", "--json").json()
    assert [n["id"] for n in shareable] == [note["id"]]
    assert populated_cli.ok("annotations", "--visibility", "private", "--json").json() == []


def test_annotate_a_rectangle_on_a_page_in_percent(populated_cli: Cli, populated: Populated):
    page = _letter_page(populated_cli, populated)
    note = populated_cli.ok(
        "annotate-page", page, "--rect", "10,20,30,15", "--body", "the ward number", "--json"
    ).json()
    assert note["target"] == {
        "page_id": page,
        "x": pytest.approx(0.1),
        "y": pytest.approx(0.2),
        "width": pytest.approx(0.3),
        "height": pytest.approx(0.15),
    }
    [line, body] = populated_cli.ok("annotations").out.splitlines()
    assert "page 10,20,30,15%" in line and populated.letter in line
    assert "the ward number" in body


def test_the_help_says_rectangles_are_in_percent() -> None:
    shown = run_cli("annotate-page", "--help")
    assert shown.code == 0
    assert "percent" in shown.out and "0–100" in shown.out


def test_an_orphaned_annotation_is_still_listed_and_marked(
    populated_cli: Cli, populated: Populated
) -> None:
    text = _letter_text(populated_cli, populated)
    note_id = populated_cli.ok(
        "annotate", text, "--start", "0", "--end", "7", "--body", "first words"
    ).out.strip()
    from amanat.core.storage import texts

    with Archive.open(populated_cli.archive, PASSWORD) as archive:
        texts.delete(archive.db, text)
    [line, body] = populated_cli.ok("annotations", "--doc", populated.letter).out.splitlines()
    assert line.startswith(note_id) and "ORPHANED" in line
    assert "first words" in body
    [listed] = populated_cli.ok("annotations", "--json").json()
    assert listed["orphaned"] is True


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("0", "0", ("passage", "empty")),
        ("5", "3", ("passage",)),
        ("0", "100000", ("not inside the text",)),
        ("-1", "3", ("passage",)),
    ],
)
def test_a_passage_outside_the_text_or_empty_is_refused(
    populated: Populated, start: str, end: str, words: tuple[str, ...]
) -> None:
    cli = populated.cli
    text = _letter_text(cli, populated)
    result = cli("annotate", text, "--start", start, "--end", end, "--body", "b", "--tag", "new")
    assert_user_error(result, *words)
    assert records_digest(populated.folder) == populated.digest  # not even the tag was made


@pytest.mark.parametrize(
    ("rect", "words"),
    [
        ("80,10,30,10", ("not inside the page",)),
        ("10,10,0,10", ("not inside the page", "empty")),
        ("-5,10,20,10", ("not inside the page",)),
        ("10,10,20", ("not a rectangle", "percent")),
        ("a,b,c,d", ("not a rectangle",)),
        ("10,10,nan,10", ("not a rectangle",)),
    ],
)
def test_a_rectangle_outside_the_page_is_refused(
    populated: Populated, rect: str, words: tuple[str, ...]
) -> None:
    cli = populated.cli
    page = _letter_page(cli, populated)
    # --rect=… so that a leading minus is not taken for an option.
    assert_user_error(cli("annotate-page", page, f"--rect={rect}", "--body", "b"), *words)
    assert records_digest(populated.folder) == populated.digest


def test_an_unknown_text_page_or_document_is_named(populated: Populated) -> None:
    cli = populated.cli
    missing = "00000000-0000-4000-8000-000000000000"
    args = ("--start", "0", "--end", "1", "--body", "b")
    assert_user_error(cli("annotate", missing, *args), "no text", missing)
    assert_user_error(
        cli("annotate-page", missing, "--rect", "1,1,1,1", "--body", "b"), "no page", missing
    )
    assert_user_error(cli("annotations", "--doc", missing), "no document", missing)
    assert_user_error(cli("annotations", "--tag", "no/such/tag"), "no tag")
    assert records_digest(populated.folder) == populated.digest


def test_no_annotations_says_so(populated: Populated) -> None:
    assert populated.cli.ok("annotations").out == "No annotations.\n"
