"""Changing and deleting one annotation from the command line (`amanat annotation edit|
delete`), through the use cases the window's Edit… and Delete call: what is not given
stays, an empty comment, an unknown id or nothing to change are refused in one sentence and
change nothing."""

from __future__ import annotations

import pytest

from amanat.app import annotations as notes
from amanat.app.annotations import AnnotationFields
from amanat.core.records import Visibility
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.cli import LETTER_TEXT, Cli, Populated, assert_user_error


@pytest.fixture
def note(populated_cli: Cli, populated: Populated) -> str:
    """A private annotation on the letter's passage, tagged, made through the command line."""
    with Archive.open(populated_cli.archive, PASSWORD) as archive:
        text = archive.db.value("SELECT id FROM texts WHERE document_id = ?", (populated.letter,))
    start = LETTER_TEXT.index("سلول انفرادی")
    return populated_cli.ok(
        "annotate", str(text), "--start", str(start), "--end", str(start + 12),
        "--body", "solitary", "--tag", "conditions/solitary",
    ).out.strip()  # fmt: skip


def _listed(cli: Cli, note_id: str) -> dict[str, object]:
    found = cli.ok("annotations", "--json").json()
    return next(item for item in found if item["id"] == note_id)


def _tag_paths(cli: Cli, note_id: str) -> list[str]:
    with Archive.open(cli.archive, PASSWORD) as archive:
        [row] = [r for r in notes.list_annotations(archive) if r.id == note_id]
        return [entry.path for entry in row.tags]


def test_edit_changes_the_comment_and_keeps_the_rest(populated_cli: Cli, note: str) -> None:
    result = populated_cli.ok("annotation", "edit", note, "--body", "  solitary for 40 days ")
    assert result.out.splitlines()[0] == "Changed the annotation."
    assert note in result.out and "solitary for 40 days" in result.out
    listed = _listed(populated_cli, note)
    assert listed["body"] == "solitary for 40 days"
    assert listed["visibility"] == "private"
    assert _tag_paths(populated_cli, note) == ["conditions/solitary"]


def test_edit_replaces_the_tags_and_makes_a_new_one(populated_cli: Cli, note: str) -> None:
    populated_cli.ok("annotation", "edit", note, "--tag", "key", "--tag", "medical/denied")
    assert _tag_paths(populated_cli, note) == ["key", "medical/denied"]
    assert "medical/denied" in populated_cli.ok("tag", "list").out
    populated_cli.ok("annotation", "edit", note, "--no-tags")
    assert _tag_paths(populated_cli, note) == []
    assert _listed(populated_cli, note)["body"] == "solitary"


def test_edit_makes_it_shareable_and_private_again(populated_cli: Cli, note: str) -> None:
    populated_cli.ok("annotation", "edit", note, "--shareable", "--json")
    assert _listed(populated_cli, note)["visibility"] == "shareable"
    populated_cli.ok("annotation", "edit", note, "--private")
    assert _listed(populated_cli, note)["visibility"] == "private"


def test_edit_is_the_windows_edit(populated_cli: Cli, note: str) -> None:
    """The command's change is what the window's Edit… (edit_annotation) gives."""
    populated_cli.ok("annotation", "edit", note, "--body", "in the window's words", "--shareable")
    with Archive.open(populated_cli.archive, PASSWORD) as archive:
        by_window = notes.edit_annotation(
            archive,
            note,
            AnnotationFields(
                "in the window's words", ("conditions/solitary",), Visibility.SHAREABLE
            ),
        )
    listed = _listed(populated_cli, note)
    assert listed["body"] == by_window.body and listed["tag_ids"] == list(by_window.tag_ids)


def test_an_empty_comment_is_refused_and_changes_nothing(populated_cli: Cli, note: str) -> None:
    before = records_digest(populated_cli.archive)
    for empty in ("", "   "):
        result = populated_cli("annotation", "edit", note, "--body", empty)
        assert_user_error(result, "comment", "empty")
    assert records_digest(populated_cli.archive) == before


def test_an_unknown_id_is_refused_in_one_sentence(populated_cli: Cli, note: str) -> None:
    before = records_digest(populated_cli.archive)
    unknown = "00000000-0000-4000-8000-000000000000"
    assert_user_error(populated_cli("annotation", "edit", unknown, "--body", "x"), unknown)
    assert_user_error(populated_cli("annotation", "delete", unknown), unknown)
    assert records_digest(populated_cli.archive) == before


def test_edit_with_nothing_to_change_is_a_usage_error(populated_cli: Cli, note: str) -> None:
    result = populated_cli("annotation", "edit", note)
    assert result.code == 2 and "say what to change" in result.err
    result = populated_cli("annotation", "edit", note, "--shareable", "--private")
    assert result.code == 2


def test_delete_removes_it_and_leaves_the_passage(
    populated_cli: Cli, populated: Populated, note: str
) -> None:
    result = populated_cli.ok("annotation", "delete", note)
    assert result.out.strip() == f"Deleted the annotation {note}."
    assert populated_cli.ok("annotations", "--json").json() == []
    shown = populated_cli.ok("doc", "show", populated.letter).out
    assert "سلول انفرادی" in shown  # the text is untouched
    assert_user_error(populated_cli("annotation", "delete", note), note)
