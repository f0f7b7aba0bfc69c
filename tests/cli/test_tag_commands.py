"""Renaming, moving, merging, deleting and recolouring tags from the command line: each change
shown in text and JSON, and each bad input one sentence with the archive left as it was."""

from __future__ import annotations

import pytest

from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, Populated, assert_user_error


def _paths(cli: Cli) -> list[str]:
    return [tag["path"] for tag in cli.ok("tag", "list", "--json").json()]


def _doc_tags(cli: Cli, document_id: str) -> list[str]:
    return list(cli.ok("doc", "show", document_id, "--json").json()["tags"])


def test_tag_rename_takes_the_tags_inside_along(populated_cli: Cli, populated: Populated) -> None:
    result = populated_cli.ok("tag", "rename", "conditions", "شرایط")
    assert result.out == "conditions → شرایط\n"
    assert _paths(populated_cli) == ["medical", "شرایط", "شرایط/solitary"]
    assert _doc_tags(populated_cli, populated.letter) == ["شرایط/solitary"]
    shown = populated_cli.ok("tag", "rename", "شرایط/solitary", "isolation", "--json").json()
    assert (shown["was"], shown["path"]) == ("شرایط/solitary", "شرایط/isolation")
    # The whole path works too, when only its last part changes.
    populated_cli.ok("tag", "rename", "شرایط/isolation", "شرایط/solitary")
    assert _doc_tags(populated_cli, populated.letter) == ["شرایط/solitary"]


def test_tag_move_under_another_and_to_the_top(populated_cli: Cli, populated: Populated) -> None:
    assert populated_cli.ok("tag", "move", "medical", "--under", "conditions").out == (
        "medical → conditions/medical\n"
    )
    assert _doc_tags(populated_cli, populated.testimony) == ["conditions/medical"]
    shown = populated_cli.ok("tag", "move", "conditions/solitary", "--top", "--json").json()
    assert shown["path"] == "solitary"
    assert _paths(populated_cli) == ["conditions", "conditions/medical", "solitary"]


def test_tag_merge_moves_what_carried_the_first_onto_the_second(
    populated_cli: Cli, populated: Populated
) -> None:
    both = populated_cli.add_doc(
        "--kind", "note", "--title", "Both", "--tag", "medical", "--tag", "conditions/solitary"
    )
    result = populated_cli.ok("tag", "merge", "conditions/solitary", "medical", "--json").json()
    assert (result["merged"], result["path"]) == ("conditions/solitary", "medical")
    assert _paths(populated_cli) == ["conditions", "medical"]
    assert _doc_tags(populated_cli, both) == ["medical"]  # once, not twice
    assert _doc_tags(populated_cli, populated.letter) == ["medical"]
    assert _doc_tags(populated_cli, populated.testimony) == ["medical"]
    assert populated_cli.ok("tag", "merge", "conditions", "medical").out == (
        "conditions merged into medical\n"
    )
    assert _paths(populated_cli) == ["medical"]


def test_tag_delete_takes_it_off_every_document(populated_cli: Cli, populated: Populated) -> None:
    result = populated_cli.ok("tag", "delete", "medical")
    assert result.out == (
        "deleted medical (1 tag(s)); taken off 1 document(s), 0 annotation(s) and 0 event(s)\n"
    )
    assert _doc_tags(populated_cli, populated.testimony) == []
    shown = populated_cli.ok("tag", "delete", "conditions", "--with-children", "--json").json()
    assert shown == {
        "path": "conditions",
        "tags_deleted": 2,
        "documents": 1,
        "annotations": 0,
        "events": 0,
    }
    assert _paths(populated_cli) == []
    assert _doc_tags(populated_cli, populated.letter) == []


def test_tag_colour_changes_only_the_colour(populated_cli: Cli) -> None:
    assert populated_cli.ok("tag", "colour", "medical", "#D55E00").out == "#d55e00  medical\n"
    [medical] = [
        t for t in populated_cli.ok("tag", "list", "--json").json() if t["path"] == "medical"
    ]
    assert medical["colour"] == "#d55e00"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("rename", "nowhere", "x"), ("no tag named “nowhere”",)),
        (("rename", "conditions", "medical"), ("already a tag named “medical”", "merge")),
        (("rename", "conditions/solitary", "medical/solitary"), ("move it for that",)),
        (("rename", "conditions", "a/b/c"), ("“a/b/c”",)),
        (("rename", "conditions", " "), ("needs a name",)),
        (("move", "conditions", "--under", "conditions/solitary"), ("inside itself",)),
        (("move", "conditions", "--under", "nowhere"), ("no tag named “nowhere”",)),
        (("merge", "conditions", "conditions/solitary"), ("merged into itself",)),
        (("merge", "conditions", "nowhere"), ("no tag named “nowhere”",)),
        (("delete", "conditions"), ("has tags inside it (1)",)),
        (("delete", "nowhere"), ("no tag named “nowhere”",)),
        (("colour", "medical", "red"), ("“red” is not a colour",)),
    ],
)
def test_each_bad_tag_change_is_one_sentence_and_changes_nothing(
    populated: Populated, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    assert_user_error(populated.cli("tag", *args), *words)
    assert records_digest(populated.folder) == populated.digest


def test_tag_move_onto_a_taken_name_is_refused(populated_cli: Cli) -> None:
    populated_cli.ok("tag", "add", "medical/solitary")
    before = records_digest(populated_cli.archive)
    assert_user_error(
        populated_cli("tag", "move", "conditions/solitary", "--under", "medical"),
        "already a tag named “medical/solitary”",
    )
    assert records_digest(populated_cli.archive) == before


def test_tag_move_needs_a_place(populated: Populated) -> None:
    result = populated.cli("tag", "move", "medical")
    assert result.code == 2
    assert "--under" in result.err
