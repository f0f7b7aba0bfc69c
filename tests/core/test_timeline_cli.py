"""``amanat timeline PERSON_ID`` as a user types it: text, CSV, PDF, a file that must be new;
and ``amanat place`` for one prison spelled two ways."""

from __future__ import annotations

import csv
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from amanat.cli import main
from amanat.core.dates import parse_date
from amanat.core.records import Document, DocumentKind, Event, EventType, Person, Role
from amanat.core.storage import documents, events, people
from amanat.core.vault import Archive
from tests.core.test_timeline_pdf import pdf_text
from tests.helpers.archives import PASSWORD


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def amanat(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Case:
    folder: Path
    password_file: Path
    sara: str
    empty: str

    def timeline(self, *args: str | Path) -> Run:
        return amanat(
            "timeline", *args, "--archive", self.folder, "--password-file", self.password_file
        )


@pytest.fixture
def case(archive_folder: Path, password_file: Path) -> Case:
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        sara = people.add(db, Person(display_name="Sara Example", roles=(Role.PRISONER,)))
        empty = people.add(db, Person(display_name="Omid Example"))
        letter = documents.add(
            db,
            Document(DocumentKind.LETTER, "Letter from Evin", parse_date("March 2011"), sara.id),
        )
        events.add(
            db,
            Event(
                sara.id,
                EventType.ARREST,
                parse_date("2011-02-28"),
                place="Evin",
                source_ids=(letter.id,),
            ),
        )
        events.add(db, Event(sara.id, EventType.TRANSFER, parse_date("2012-01-10"), place="قرچک"))
        events.add(
            db,
            Event(sara.id, EventType.HUNGER_STRIKE, parse_date("1403/03/01"), ongoing=True),
        )
    return Case(archive_folder, password_file, sara.id, empty.id)


def test_timeline_prints_the_facts_and_the_chronology_as_text(case: Case):
    run = case.timeline(case.sara, "--as-of", "2024-06-15")
    assert run.code == 0, run.err
    assert run.out.startswith("Chronology of Sara Example\n")
    assert "  Hunger strike:        26 days, still going on" in run.out
    assert "  Transfers:            1" in run.out
    assert "  Current place:        قرچک (held)" in run.out
    rows = run.out[run.out.index("Id  ") :].splitlines()
    assert [row.split("  ")[1] for row in rows[2:]] == [
        "28 February 2011 · 9 Esfand 1389",
        "March 2011 · Esfand 1389 – Farvardin 1390",
        "10 January 2012 · 20 Dey 1390",
        "from 1 Khordad 1403 · 21 May 2024, ongoing",
    ]


def test_timeline_shows_today_in_the_jalali_calendar_when_asked(case: Case):
    run = case.timeline(case.sara, "--calendar", "jalali", "--as-of", "1403/03/26")
    assert run.code == 0, run.err
    assert "Facts as of 26 Khordad 1403 · 15 Jun 2024" in run.out
    assert "28 February 2011 · 9 Esfand 1389" in run.out


def test_timeline_as_csv_on_the_screen_has_a_header_and_no_byte_order_mark(case: Case):
    run = case.timeline(case.sara, "--format", "csv", "--as-of", "2024-06-15")
    assert run.code == 0, run.err
    assert run.out.startswith("kind,id,type,date_iso,")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [(r["type"], r["date_iso"]) for r in rows] == [
        ("arrest", "2011-02-28"),
        ("letter", "2011-03"),
        ("transfer", "2012-01-10"),
        ("hunger-strike", "2024-05-21"),
    ]


def test_timeline_csv_written_to_a_new_file_and_never_over_an_existing_one(
    case: Case, tmp_path: Path
):
    target = tmp_path / "sara.csv"
    run = case.timeline(case.sara, "--format", "csv", "-o", target)
    assert run.code == 0, run.err
    assert run.out == (
        f"Wrote the chronology of Sara Example to {target}. "
        "The file is not encrypted: keep it safe.\n"
    )
    written = target.read_bytes()
    assert written.startswith(b"\xef\xbb\xbfkind,id,type,")  # a BOM, so Excel reads Persian
    assert "قرچک" in written.decode("utf-8-sig")

    again = case.timeline(case.sara, "-o", target)
    assert again.code == 1
    assert again.err == f"amanat: Cannot write {target}: it already exists; choose a new name.\n"
    assert target.read_bytes() == written


def test_timeline_as_text_to_a_file(case: Case, tmp_path: Path):
    target = tmp_path / "sara.txt"
    assert case.timeline(case.sara, "--output", target, "--as-of", "2024-06-15").code == 0
    assert target.read_text(encoding="utf-8").startswith("Chronology of Sara Example\n")


def test_timeline_as_pdf_is_written_to_a_new_file(case: Case, tmp_path: Path):
    target = tmp_path / "sara.pdf"
    run = case.timeline(case.sara, "--format", "pdf", "--calendar", "jalali", "-o", target)
    assert run.code == 0, run.err
    assert "Wrote the chronology of Sara Example" in run.out
    text = pdf_text(target.read_bytes())
    assert "Chronology of Sara Example" in text
    assert "9 Esfand 1389" in text


def test_timeline_as_pdf_without_a_file_is_refused_and_nothing_printed(case: Case):
    run = case.timeline(case.sara, "--format", "pdf")
    assert run.code == 1 and run.out == ""
    assert run.err == "amanat: A PDF is written to a file: give one with -o FILE.\n"


def place(case: Case, *args: str | Path) -> Run:
    return amanat("place", *args, "--archive", case.folder, "--password-file", case.password_file)


def test_place_list_offers_to_merge_evin_spelled_in_persian(case: Case):
    with Archive.open(case.folder, PASSWORD) as archive:
        events.add(
            archive.db, Event(case.sara, EventType.TRANSFER, parse_date("2013-05-01"), place="اوین")
        )
    run = place(case, "list")
    assert run.code == 0, run.err
    assert "    1  Evin\n" in run.out
    assert "“Evin” and “اوین” look like one place" in run.out
    assert "amanat place merge 'اوین' --into Evin" in run.out


def test_place_merge_writes_one_spelling_and_the_list_no_longer_offers_it(case: Case):
    with Archive.open(case.folder, PASSWORD) as archive:
        moved = events.add(
            archive.db, Event(case.sara, EventType.TRANSFER, parse_date("2013-05-01"), place="اوین")
        )
    run = place(case, "merge", "اوین", "--into", "Evin")
    assert run.code == 0, run.err
    assert run.out == "“Evin” is now the place of 1 event(s).\n"
    with Archive.open(case.folder, PASSWORD) as archive:
        assert events.get(archive.db, moved.id).place == "Evin"
    assert "look like one place" not in place(case, "list").out


def test_place_merge_of_a_name_no_event_uses_changes_nothing(case: Case):
    run = place(case, "merge", "Nowhere", "--into", "Evin")
    assert run.code == 0, run.err
    assert run.out == "No event names those places, so nothing was changed.\n"


def test_timeline_of_a_person_with_no_events_says_what_to_add(case: Case):
    run = case.timeline(case.empty)
    assert run.code == 0, run.err
    assert "There are no events for Omid Example yet: add the arrest" in run.out
    assert "Nothing is recorded for this person yet." in run.out


def test_timeline_of_an_unknown_person_exits_1_with_one_line(case: Case):
    run = case.timeline("no-such-id")
    assert (run.code, run.err) == (1, "amanat: There is no person with the id no-such-id.\n")


def test_timeline_as_of_a_whole_month_is_refused(case: Case):
    run = case.timeline(case.sara, "--as-of", "2024-06")
    assert run.code == 1
    assert run.err.startswith("amanat: --as-of needs a single day")


def test_timeline_as_json_carries_the_facts_with_their_event_ids(case: Case):
    run = case.timeline(case.sara, "--json", "--as-of", "2024-06-15")
    assert run.code == 0, run.err
    facts = json.loads(run.out)["facts"]
    assert facts["hunger_strike"]["at_least"] == 26
    assert len(facts["transfer_ids"]) == 1
