"""``amanat person edit|merge|trash|restore``: each change as text and as JSON, and each bad
input refused in one sentence with the archive exactly as it was."""

from __future__ import annotations

from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, Populated, assert_user_error

# --- person edit ---------------------------------------------------------------------------


def test_person_edit_changes_every_field_it_is_given(cli: Cli) -> None:
    person = cli.add_person("Narges", "--role", "prisoner", "--alias", "N.", "--notes", "Evin")
    edited = cli.ok(
        "person", "edit", person, "--name", "Narges M.", "--persian", "نرگس محمدی",
        "--latin", "Narges Mohammadi", "--alias", "Nargess", "--alias", "نرگس",
        "--role", "prisoner", "--role", "witness", "--status", "detained",
        "--birth-year", "1972", "--notes", "Ward 2", "--json",
    ).json()  # fmt: skip
    assert edited["id"] == person
    assert (edited["display_name"], edited["name_fa"], edited["name_latin"]) == (
        "Narges M.",
        "نرگس محمدی",
        "Narges Mohammadi",
    )
    assert edited["aliases"] == ["Nargess", "نرگس"]
    assert edited["roles"] == ["prisoner", "witness"]
    assert (edited["status"], edited["birth_year"], edited["notes"]) == ("detained", 1972, "Ward 2")
    assert cli.ok("person", "show", person, "--json").json()["person"] == edited


def test_person_edit_leaves_what_it_is_not_given_and_clears_what_it_is_told(cli: Cli) -> None:
    person = cli.add_person(
        "Reza", "--alias", "R.", "--role", "witness", "--birth-year", "1980", "--notes", "x"
    )
    said = cli.ok("person", "edit", person, "--status", "released")
    assert said.out.strip() == f"Saved Reza ({person})."
    kept = cli.ok("person", "show", person, "--json").json()["person"]
    assert (kept["aliases"], kept["roles"], kept["birth_year"]) == (["R."], ["witness"], 1980)
    assert kept["status"] == "released"

    cli.ok(
        "person", "edit", person, "--clear-aliases", "--clear-roles", "--birth-year", "",
        "--notes", "",
    )  # fmt: skip
    cleared = cli.ok("person", "show", person, "--json").json()["person"]
    assert (cleared["aliases"], cleared["roles"], cleared["birth_year"]) == ([], [], None)
    assert cleared["notes"] == ""


def test_person_edit_to_no_name_is_refused_and_nothing_changes(cli: Cli) -> None:
    person = cli.add_person("Narges")
    before = records_digest(cli.archive)
    assert_user_error(cli("person", "edit", person, "--name", "  "), "A person needs a name.")
    assert records_digest(cli.archive) == before


def test_person_edit_with_an_impossible_birth_year_is_refused(cli: Cli) -> None:
    person = cli.add_person("Narges")
    before = records_digest(cli.archive)
    assert_user_error(cli("person", "edit", person, "--birth-year", "19720"), "birth year")
    refused = cli("person", "edit", person, "--birth-year", "nineteen")
    assert refused.code == 2 and "is not a year" in refused.err
    assert records_digest(cli.archive) == before


def test_person_edit_of_an_unknown_id_is_one_sentence(cli: Cli) -> None:
    assert_user_error(
        cli("person", "edit", "no-such-id", "--name", "X"), "There is no person with the id"
    )


def test_person_edit_with_nothing_to_change_says_what_to_give(cli: Cli) -> None:
    person = cli.add_person("Narges")
    refused = cli("person", "edit", person)
    assert refused.code == 2
    assert "say what to change" in refused.err


# --- person merge --------------------------------------------------------------------------


def test_person_merge_moves_documents_and_events_and_says_how_many(
    populated_cli: Cli, populated: Populated
) -> None:
    cli = populated_cli
    twice = cli.add_person("نرگس", "--role", "relative")
    letter = cli.add_doc("--kind", "letter", "--title", "To her mother", "--person", twice)
    said = cli.ok("person", "merge", populated.narges, twice)
    assert said.out.strip() == (
        f"Merged نرگس ({twice}) into Narges Mohammadi ({populated.narges}): 1 document and "
        "0 events moved."
    )
    shown = cli.ok("person", "show", populated.narges, "--json").json()
    assert letter in shown["documents"] and populated.letter in shown["documents"]
    assert shown["person"]["roles"] == ["prisoner", "relative"]
    assert_user_error(cli("person", "show", twice), "There is no person with the id")
    entries = cli.ok("audit", "list", "--json").json()
    assert entries[-1]["action"] == "merged" and twice in entries[-1]["summary"]


def test_person_merge_as_json_names_what_moved(populated_cli: Cli, populated: Populated) -> None:
    cli = populated_cli
    other = cli.add_person("Narges M.")
    cli.ok(
        "event", "add", "--person", other, "--type", "visit", "--date", "2010", "--json"
    )  # fmt: skip
    merged = cli.ok("person", "merge", populated.narges, other, "--json").json()
    assert merged["kept"]["id"] == populated.narges
    assert "Narges M." in merged["kept"]["aliases"]
    assert merged["removed"] == other
    assert merged["documents"] == [] and len(merged["events"]) == 1


def test_merging_a_person_into_themself_is_refused(populated: Populated) -> None:
    refused = populated.cli("person", "merge", populated.narges, populated.narges)
    assert_user_error(refused, "cannot be merged into themself")
    assert records_digest(populated.folder) == populated.digest


def test_merging_an_unknown_person_is_refused(populated: Populated) -> None:
    assert_user_error(
        populated.cli("person", "merge", populated.narges, "no-such-id"),
        "There is no person with the id no-such-id",
    )
    assert records_digest(populated.folder) == populated.digest


# --- person trash and restore --------------------------------------------------------------


def test_person_trash_and_restore(cli: Cli) -> None:
    person = cli.add_person("Reza")
    moved = cli.ok("person", "trash", person)
    assert moved.out.strip() == (
        f"Moved {person} to the trash. Restore it with: amanat person restore {person}"
    )
    assert cli.ok("person", "list", "--json").json() == []
    assert [p["id"] for p in cli.ok("person", "list", "--trash", "--json").json()] == [person]
    assert "In the trash" in cli.ok("person", "show", person).out
    assert cli.ok("person", "restore", person).out.strip() == f"Restored {person} from the trash."
    assert [p["id"] for p in cli.ok("person", "list", "--json").json()] == [person]
    assert cli.ok("person", "list", "--trash", "--json").json() == []


def test_trash_empty_removes_the_people_in_the_trash_too(cli: Cli) -> None:
    person = cli.add_person("Reza")
    cli.ok("person", "trash", person)
    emptied = cli.ok("trash", "empty")
    assert emptied.out.splitlines() == [
        "Removed 0 document(s) from the trash for good.",
        "Removed 1 person from the trash for good.",
    ]
    assert_user_error(cli("person", "show", person), "There is no person with the id")


def test_trashing_a_person_documents_name_says_how_many(populated: Populated) -> None:
    assert_user_error(
        populated.cli("person", "trash", populated.reza),
        "“Reza” is named by one document (counting those in the trash)",
    )
    assert records_digest(populated.folder) == populated.digest


def test_trashing_a_person_named_by_several_documents_counts_them(populated_cli: Cli) -> None:
    cli = populated_cli
    person = cli.add_person("Sara")
    for title in ("First", "Second"):
        cli.add_doc("--kind", "letter", "--title", title, "--person", person)
    before = records_digest(cli.archive)
    assert_user_error(cli("person", "trash", person), "is named by 2 documents")
    assert records_digest(cli.archive) == before


def test_trashing_or_restoring_an_unknown_person_is_one_sentence(cli: Cli) -> None:
    for command in ("trash", "restore"):
        assert_user_error(cli("person", command, "no-such-id"), "There is no person with the id")


def test_person_add_takes_the_same_name_options_as_edit(cli: Cli) -> None:
    added = cli.ok(
        "person", "add", "--name", "Kaveh", "--persian", "کاوه", "--latin", "Kaveh A.", "--json"
    ).json()  # fmt: skip
    assert (added["name_fa"], added["name_latin"]) == ("کاوه", "Kaveh A.")


def test_merging_into_a_person_in_the_trash_is_refused(cli: Cli) -> None:
    gone = cli.add_person("Reza")
    other = cli.add_person("Reza K.")
    cli.ok("person", "trash", gone)
    before = records_digest(cli.archive)
    assert_user_error(cli("person", "merge", gone, other), "is in the trash; restore them")
    assert records_digest(cli.archive) == before
