"""People, documents, tags, events and the trash from the command line: what is added can be
listed and shown again, as text for people and as JSON for scripts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import (
    UUID_PATTERN,
    Cli,
    Populated,
    WriteFile,
    assert_user_error,
    make_png,
)

# --- People ------------------------------------------------------------------------------


def test_person_add_prints_the_id_and_person_list_shows_the_person(cli: Cli) -> None:
    added = cli.ok(
        "person", "add", "--name", "Narges", "--name-fa", "نرگس",
        "--role", "prisoner", "--status", "detained",
    )  # fmt: skip
    person_id = added.out.strip()
    assert re.fullmatch(UUID_PATTERN, person_id)

    listed = cli.ok("person", "list", "--json").json()
    assert [p["id"] for p in listed] == [person_id]
    person = listed[0]
    assert person["display_name"] == "Narges"
    assert person["name_fa"] == "نرگس"
    assert person["roles"] == ["prisoner"]
    assert person["status"] == "detained"

    [line] = cli.ok("person", "list").out.splitlines()
    assert line.startswith(person_id)
    for shown in ("Narges", "نرگس", "prisoner", "detained"):
        assert shown in line


def test_person_add_json_and_person_list_puts_prisoners_first_and_filters_by_role(
    cli: Cli,
) -> None:
    lawyer = cli.ok("person", "add", "--name", "Anna", "--role", "lawyer", "--json").json()
    assert re.fullmatch(UUID_PATTERN, lawyer["id"])
    assert lawyer["display_name"] == "Anna"
    assert lawyer["status"] == "unknown"
    prisoner = cli.add_person("Zahra", "--role", "prisoner")

    everyone = [p["id"] for p in cli.ok("person", "list", "--json").json()]
    assert everyone == [prisoner, lawyer["id"]]
    lawyers = [p["id"] for p in cli.ok("person", "list", "--role", "lawyer", "--json").json()]
    assert lawyers == [lawyer["id"]]


def test_person_add_without_a_real_name_exits_1(cli: Cli) -> None:
    assert_user_error(cli("person", "add", "--name", "   "), "name")


def test_person_show_lists_documents_and_events(populated: Populated) -> None:
    shown = populated.cli.ok("person", "show", populated.narges, "--json").json()
    assert shown["person"]["id"] == populated.narges
    assert shown["person"]["name_fa"] == "نرگس محمدی"
    assert shown["documents"] == [populated.letter]
    assert [e["id"] for e in shown["events"]] == [populated.event]

    text = populated.cli.ok("person", "show", populated.narges).out
    assert "Narges Mohammadi" in text
    assert "نرگس محمدی" in text
    assert "Documents: 1" in text
    assert "arrest" in text and "Evin" in text


def test_person_show_of_an_unknown_id_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("person", "show", "no-such-person"), "no-such-person")


# --- Documents ---------------------------------------------------------------------------


def test_doc_add_keeps_persian_text_page_tag_and_jalali_date(
    cli: Cli, tmp_path: Path, write_file: WriteFile
) -> None:
    person = cli.add_person("Narges")
    body = "سلام مادر عزیزم،\nاز سلول انفرادی برایت می‌نویسم.\n"
    text = write_file("letter.txt", body)
    page = make_png(tmp_path / "scan.png", size=(3, 2))
    added = cli.ok(
        "doc", "add", "--kind", "letter", "--title", "نامه به مادر",
        "--date", "1389-12-24", "--calendar", "jalali", "--person", person,
        "--text-file", text, "--language", "fa", "--page", page, "--tag", "conditions/solitary",
    )  # fmt: skip
    doc_id = added.out.strip()
    assert re.fullmatch(UUID_PATTERN, doc_id)

    shown = cli.ok("doc", "show", doc_id, "--json").json()
    document = shown["document"]
    assert document["id"] == doc_id
    assert document["kind"] == "letter"
    assert document["title"] == "نامه به مادر"
    assert document["concerned_ids"] == [person]
    assert document["languages"] == ["fa"]
    # 24 Esfand 1389 is 15 March 2011; it is stored as that Gregorian day.
    date = document["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2011-03-15", "2011-03-15", "day")
    assert date["calendar"] == "jalali"
    assert date["text"] == "2011-03-15"
    assert shown["tags"] == ["conditions/solitary"]
    [stored_text] = shown["texts"]
    assert stored_text["body"] == body
    assert (stored_text["language"], stored_text["kind"]) == ("fa", "transcription")
    [stored_page] = shown["pages"]
    assert stored_page["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert stored_page["size"] == page.stat().st_size
    assert stored_page["mime_type"] == "image/png"
    assert (stored_page["width"], stored_page["height"]) == (3, 2)
    assert stored_page["number"] == 1

    human = cli.ok("doc", "show", doc_id).out
    assert doc_id in human
    assert "نامه به مادر" in human
    assert "24 Esfand 1389" in human
    assert "Narges" in human
    assert "conditions/solitary" in human
    assert stored_page["sha256"] in human
    assert "از سلول انفرادی برایت می‌نویسم." in human


def test_doc_add_month_date_is_kept_with_month_precision(cli: Cli) -> None:
    document = cli.ok(
        "doc", "add", "--kind", "note", "--title", "Visit", "--date", "2011-03", "--json"
    ).json()
    date = document["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2011-03-01", "2011-03-31", "month")
    assert date["text"] == "2011-03"

    [line] = cli.ok("doc", "list").out.splitlines()
    assert line.startswith(document["id"])
    assert "March 2011" in line
    assert "Visit" in line


def test_doc_add_second_text_file_is_a_translation(cli: Cli, write_file: WriteFile) -> None:
    persian = write_file("fa.txt", "نامه")
    english = write_file("en.txt", "Letter")
    doc_id = cli.add_doc(
        "--kind", "letter", "--title", "Two languages",
        "--text-file", persian, "--language", "fa", "--text-file", english, "--language", "en",
    )  # fmt: skip
    shown = cli.ok("doc", "show", doc_id, "--json").json()
    assert shown["document"]["languages"] == ["fa", "en"]
    texts = {t["language"]: (t["kind"], t["body"]) for t in shown["texts"]}
    assert texts == {"fa": ("transcription", "نامه"), "en": ("translation", "Letter")}


def test_doc_list_is_newest_first_and_filters_by_kind_person_and_tag(
    populated: Populated,
) -> None:
    cli = populated.cli
    everything = cli.ok("doc", "list", "--json").json()
    # 2012-05, then 15 March 2011, then the undated court ruling.
    assert [d["id"] for d in everything] == [populated.testimony, populated.letter, populated.court]

    def ids(*options: str) -> list[str]:
        return [d["id"] for d in cli.ok("doc", "list", *options, "--json").json()]

    assert ids("--kind", "testimony") == [populated.testimony]
    assert ids("--person", populated.narges) == [populated.letter]
    # A parent tag finds what is tagged with its children.
    assert ids("--tag", "conditions") == [populated.letter]

    text = cli.ok("doc", "list").out.splitlines()
    assert [line.split()[0] for line in text] == [d["id"] for d in everything]
    assert "Letter from Evin" in text[1]


def test_doc_list_with_an_unknown_tag_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("doc", "list", "--tag", "no-such-tag"), "no-such-tag")


def test_doc_show_of_an_unknown_id_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("doc", "show", "no-such-document"), "no-such-document")


def test_page_is_kept_byte_for_byte(populated: Populated) -> None:
    from amanat.core.storage import pages

    with Archive.open(populated.folder, PASSWORD) as archive:
        [page] = pages.pages_of(archive.db, populated.letter)
        assert pages.original_bytes(archive.db, page.id) == populated.page_file.read_bytes()
        assert page.original_name == populated.page_file.name


# --- The trash ---------------------------------------------------------------------------


def test_trash_restore_and_empty_trash(populated_cli: Cli, populated: Populated) -> None:
    cli = populated_cli

    def listed(*options: str) -> list[str]:
        return [d["id"] for d in cli.ok("doc", "list", *options, "--json").json()]

    trashed = cli.ok("doc", "trash", populated.court)
    assert populated.court in trashed.out
    assert populated.court not in listed()
    assert listed("--trash") == [populated.court]

    cli.ok("doc", "restore", populated.court)
    assert populated.court in listed()
    assert listed("--trash") == []

    cli.ok("doc", "trash", populated.court)
    emptied = cli.ok("trash", "empty")
    assert "Removed 1 document" in emptied.out
    assert listed("--trash") == []
    assert populated.court not in listed()
    assert_user_error(cli("doc", "show", populated.court), populated.court)
    # Its text is gone from the search index too.
    assert cli.ok("search", "sentenced", "--json").json() == []


def test_trash_of_an_unknown_document_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("doc", "trash", "no-such-document"), "no-such-document")


# --- Tags --------------------------------------------------------------------------------


def test_tag_add_nested_makes_the_parent_and_tag_list_shows_both(cli: Cli) -> None:
    added = cli.ok("tag", "add", "conditions/solitary", "--colour", "#aa3355", "--json").json()
    assert re.fullmatch(UUID_PATTERN, added["id"])
    assert added["name"] == "solitary"

    tags = cli.ok("tag", "list", "--json").json()
    by_path = {t["path"]: t for t in tags}
    assert set(by_path) == {"conditions", "conditions/solitary"}
    assert by_path["conditions/solitary"]["id"] == added["id"]
    assert by_path["conditions/solitary"]["parent_id"] == by_path["conditions"]["id"]
    assert by_path["conditions/solitary"]["colour"] == "#aa3355"

    lines = cli.ok("tag", "list").out.splitlines()
    assert [line.split()[-1] for line in lines] == ["conditions", "conditions/solitary"]
    assert lines[1].startswith(added["id"])


def test_tag_add_of_an_existing_tag_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("tag", "add", "medical"), "medical", "already exists")


def test_tag_add_with_a_bad_colour_exits_1(cli: Cli) -> None:
    assert_user_error(cli("tag", "add", "medical", "--colour", "red"), "red")
    assert cli.ok("tag", "list", "--json").json() == []


# --- Events ------------------------------------------------------------------------------


def test_event_add_and_event_list(cli: Cli) -> None:
    person = cli.add_person("Narges")
    source = cli.add_doc("--kind", "letter", "--title", "Letter")
    event = cli.ok(
        "event", "add", "--person", person, "--type", "hunger-strike", "--date", "2011-03-01",
        "--end", "2011-03-20", "--place", "Evin", "--source", source, "--json",
    ).json()  # fmt: skip
    assert re.fullmatch(UUID_PATTERN, event["id"])
    assert event["person_id"] == person
    assert event["type"] == "hunger-strike"
    assert event["date"]["start"] == "2011-03-01"
    assert event["end_date"]["end"] == "2011-03-20"
    assert event["source_ids"] == [source]

    plain = cli.ok("event", "add", "--person", person, "--type", "arrest", "--date", "2010")
    arrest = plain.out.strip()
    assert re.fullmatch(UUID_PATTERN, arrest)

    listed = cli.ok("event", "list", "--person", person, "--json").json()
    assert [e["id"] for e in listed] == [arrest, event["id"]]  # oldest first
    assert listed[1]["place"] == "Evin"

    lines = cli.ok("event", "list", "--person", person).out.splitlines()
    assert lines[0].startswith(arrest)
    assert lines[1].startswith(event["id"])
    assert "hunger-strike" in lines[1] and "Evin" in lines[1] and " – " in lines[1]


def test_event_add_with_the_end_before_the_date_exits_1(populated: Populated) -> None:
    result = populated.cli(
        "event", "add", "--person", populated.narges, "--type", "solitary-confinement",
        "--date", "2011-03-20", "--end", "2011-03-01",
    )  # fmt: skip
    assert_user_error(result, "end date")


# --- Audit log and integrity -------------------------------------------------------------


def test_audit_list_has_an_entry_for_each_added_record(populated: Populated) -> None:
    entries = populated.cli.ok("audit", "list", "--json").json()
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1))
    added = {(e["record_type"], e["record_id"]) for e in entries if e["action"] == "added"}
    for record in (
        ("person", populated.narges),
        ("person", populated.reza),
        ("document", populated.letter),
        ("document", populated.testimony),
        ("document", populated.court),
        ("event", populated.event),
    ):
        assert record in added

    only_letter = populated.cli.ok("audit", "list", "--record", populated.letter, "--json").json()
    assert {e["record_id"] for e in only_letter} == {populated.letter}

    lines = populated.cli.ok("audit", "list").out.splitlines()
    assert len(lines) == len(entries)
    assert any(populated.letter in line and "Letter from Evin" in line for line in lines)


def test_actor_is_written_in_the_audit_log(cli: Cli) -> None:
    person = cli.add_person("Narges", "--actor", "lawyer-anna")
    [entry] = cli.ok("audit", "list", "--record", person, "--json").json()
    assert entry["actor"] == "lawyer-anna"
    assert entry["action"] == "added"


def test_audit_verify_and_check_pass_on_a_healthy_archive(populated: Populated) -> None:
    entries = len(populated.cli.ok("audit", "list", "--json").json())
    verified = populated.cli.ok("audit", "verify")
    assert f"{entries} entries chain correctly" in verified.out

    checked = populated.cli.ok("check")
    assert "intact" in checked.out
    assert "every stored file is in its place" in checked.out
    report = populated.cli.ok("check", "--json").json()
    assert report["problems"] == []
    assert report["files_checked"] == 0  # a quick check opens none
    assert report["audit"]["entries"] == entries
    full = populated.cli.ok("check", "--full", "--json").json()
    assert full["problems"] == []
    assert full["files_checked"] == 2  # the one page's original and its preview
    assert "2 stored file(s) open and match" in populated.cli.ok("check", "--full").out
