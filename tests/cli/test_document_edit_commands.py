"""``amanat doc edit``, ``doc tag`` and ``doc untag``: a document made on the command line
can be changed there, through the same use cases as the window; every refusal is one
sentence and leaves the archive exactly as it was."""

from __future__ import annotations

import pytest

from tests.helpers.archives import records_digest
from tests.helpers.cli import Cli, Populated, assert_user_error


def _shown(cli: Cli, document_id: str) -> dict[str, object]:
    document = cli.ok("doc", "show", document_id, "--json").json()["document"]
    assert isinstance(document, dict)
    return document


def test_doc_edit_changes_only_what_is_named(populated_cli: Cli, populated: Populated) -> None:
    before = _shown(populated_cli, populated.letter)
    result = populated_cli.ok(
        "doc", "edit", populated.letter, "--title", "Letter from Evin, Ward 209",
        "--date", "1390-01-05", "--calendar", "jalali",
    )  # fmt: skip
    assert result.out == f"Changed Letter from Evin, Ward 209 ({populated.letter}).\n"
    after = _shown(populated_cli, populated.letter)
    assert after["title"] == "Letter from Evin, Ward 209"
    date = after["date"]
    assert isinstance(date, dict)
    # 5 Farvardin 1390 is 25 March 2011, kept as entered in the Jalali calendar.
    assert (date["start"], date["precision"], date["calendar"]) == ("2011-03-25", "day", "jalali")
    for unchanged in ("kind", "concerned_ids", "author_id", "provenance", "consent", "tag_ids"):
        assert after[unchanged] == before[unchanged], unchanged


def test_doc_edit_sets_a_testimonys_consent_and_anonymity_and_show_says_so(
    populated_cli: Cli, populated: Populated
) -> None:
    edited = populated_cli.ok(
        "doc", "edit", populated.testimony, "--consent", "advocates", "--anonymise", "--json"
    ).json()
    assert edited["consent"] == {"audience": "advocates", "anonymise": True, "withdrawn": False}
    populated_cli.ok("doc", "edit", populated.testimony, "--withdrawn")
    assert (
        "Consent: advocates, anonymise, withdrawn"
        in populated_cli.ok("doc", "show", populated.testimony).out
    )
    populated_cli.ok("doc", "edit", populated.testimony, "--not-withdrawn", "--no-anonymise")
    consent = _shown(populated_cli, populated.testimony)["consent"]
    assert consent == {"audience": "advocates", "anonymise": False, "withdrawn": False}


def test_doc_edit_adds_and_removes_people_kind_and_provenance(
    populated_cli: Cli, populated: Populated
) -> None:
    populated_cli.ok(
        "doc", "edit", populated.letter, "--add-person", populated.reza,
        "--remove-person", populated.narges, "--kind", "note",
        "--provenance", "photographed at a visit", "--received-from", "her mother",
        "--received-on", "2011-04",
    )  # fmt: skip
    after = _shown(populated_cli, populated.letter)
    assert after["concerned_ids"] == [populated.reza]
    assert after["kind"] == "note"
    provenance = after["provenance"]
    assert isinstance(provenance, dict)
    assert (provenance["received_from"], provenance["how"]) == (
        "her mother",
        "photographed at a visit",
    )
    assert provenance["received_on"]["precision"] == "month"
    # Listed under the person added, no longer under the one removed.
    assert populated.letter in populated_cli.ok("doc", "list", "--person", populated.reza).out
    assert populated.letter not in populated_cli.ok("doc", "list", "--person", populated.narges).out


def test_doc_edit_names_the_author_and_a_recipient_and_removing_them_forgets_them(
    populated_cli: Cli, populated: Populated
) -> None:
    populated_cli.ok(
        "doc", "edit", populated.letter, "--author", populated.narges,
        "--add-recipient", populated.reza,
    )  # fmt: skip
    after = _shown(populated_cli, populated.letter)
    assert (after["author_id"], after["recipient_ids"]) == (populated.narges, [populated.reza])
    populated_cli.ok("doc", "edit", populated.letter, "--remove-person", populated.reza)
    populated_cli.ok("doc", "edit", populated.letter, "--author", "")
    after = _shown(populated_cli, populated.letter)
    assert (after["author_id"], after["recipient_ids"]) == (None, [])


def test_doc_edit_with_an_empty_date_makes_the_document_undated(
    populated_cli: Cli, populated: Populated
) -> None:
    populated_cli.ok("doc", "edit", populated.letter, "--date", "")
    assert _shown(populated_cli, populated.letter)["date"] is None


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--date", "1400-12-31", "--calendar", "jalali"), ("1400-12-31",)),
        (("--date", "2011-02-30"), ("2011-02-30",)),
        (("--received-on", "next tuesday"), ("next tuesday",)),
        (("--add-person", "no-such-person"), ("no-such-person",)),
        (("--author", "no-such-author"), ("no-such-author",)),
        (("--title", "  "), ("title",)),
    ],
    ids=[
        "jalali-leap-day",
        "30-february",
        "unreadable-received-on",
        "unknown-person",
        "unknown-author",
        "no-title",
    ],
)
def test_doc_edit_refuses_bad_input_in_one_sentence_and_changes_nothing(
    populated_cli: Cli, populated: Populated, options: tuple[str, ...], words: tuple[str, ...]
) -> None:
    assert_user_error(populated_cli("doc", "edit", populated.letter, *options), *words)
    assert records_digest(populated_cli.archive) == populated.digest


def test_doc_edit_of_an_unknown_document_is_refused(
    populated_cli: Cli, populated: Populated
) -> None:
    assert_user_error(populated_cli("doc", "edit", "no-such-doc", "--title", "T"), "no-such-doc")
    assert records_digest(populated_cli.archive) == populated.digest


def test_doc_edit_with_nothing_to_change_is_wrong_usage(populated: Populated) -> None:
    result = populated.cli("doc", "edit", populated.letter)
    assert result.code == 2
    assert "say what to change" in result.err


def test_doc_tag_makes_the_tag_and_untag_takes_it_off(
    populated_cli: Cli, populated: Populated
) -> None:
    tagged = populated_cli.ok("doc", "tag", populated.court, "sentences/six-years")
    assert tagged.out == f"Tagged {populated.court} with sentences/six-years.\n"
    assert populated.court in populated_cli.ok("doc", "list", "--tag", "sentences/six-years").out
    again = populated_cli.ok("doc", "tag", populated.court, "sentences/six-years")
    assert again.out == f"{populated.court} already had the tag sentences/six-years.\n"

    untagged = populated_cli.ok("doc", "untag", populated.court, "sentences/six-years", "--json")
    assert untagged.json()["changed"] is True
    assert untagged.json()["entry"]["path"] == "sentences/six-years"
    assert (
        populated.court not in populated_cli.ok("doc", "list", "--tag", "sentences/six-years").out
    )
    # The tag itself stays, as it does when a tag is taken off in the window.
    assert "sentences/six-years" in populated_cli.ok("tag", "list").out


def test_doc_untag_of_a_tag_that_does_not_exist_is_refused(
    populated_cli: Cli, populated: Populated
) -> None:
    assert_user_error(populated_cli("doc", "untag", populated.letter, "no/such/tag"), "no/such/tag")
    assert records_digest(populated_cli.archive) == populated.digest


def test_doc_tag_of_an_unknown_document_makes_no_tag(
    populated_cli: Cli, populated: Populated
) -> None:
    assert_user_error(populated_cli("doc", "tag", "no-such-doc", "brand-new"), "no-such-doc")
    assert records_digest(populated_cli.archive) == populated.digest
