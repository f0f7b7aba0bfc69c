"""An anonymised witness's names are replaced wherever text about the archive leaves: not
only in titles and texts but in tag names, event places and descriptions, annotations' tags
and authors, and in the bundle's reader, the case file and a chronology written to a file.
The names are typed in both scripts, and the Persian one with the Arabic keyboard's ي and ك
where the record has ی and ک."""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass
from pathlib import Path

from amanat.app import timeline as app_timeline
from amanat.core import casefile
from amanat.core.bundle import identity
from amanat.core.bundle.export import NAMES_A_WITNESS, ExportOptions, ExportScope, plan_export
from amanat.core.dates import Calendar, parse_date
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    Role,
    Text,
    TextKind,
    Visibility,
)
from amanat.core.storage import annotations, documents, events, people, tags, texts
from amanat.core.vault import Archive
from tests.core.test_timeline_pdf import letters_only, pdf_text
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import export_to, members, new_archive
from tests.helpers.cli import Cli

LATIN = "Keyvan Yektacanary"
PERSIAN = "کیوان یکتا"  # as the record has it: Persian ی and ک
ARABIC_KEYS = "كيوان يكتا"  # as typed elsewhere on an Arabic keyboard: ي and ك
TODAY = datetime.date(2024, 6, 15)


@dataclass(frozen=True)
class Archived:
    prisoner: str
    witness: str


def _fill(archive: Archive) -> Archived:
    db = archive.db
    prisoner = people.add(db, Person("Mahtab Rezvani", roles=(Role.PRISONER,)))
    witness = people.add(
        db, Person(LATIN, name_fa=PERSIAN, name_latin=LATIN, roles=(Role.WITNESS,))
    )
    # A tag whose parent and child both name the witness, in the other keyboard's letters.
    about = tags.ensure(db, f"{LATIN}/سخن {ARABIC_KEYS}")
    letter = documents.add(
        db,
        Document(
            DocumentKind.LETTER,
            f"Letter about {ARABIC_KEYS}'s visit",
            date=parse_date("2020-03-01"),
            author_id=prisoner.id,
            concerned_ids=(prisoner.id,),
            tag_ids=(about.id,),
        ),
    )
    letter_text = texts.add(
        db,
        Text(
            letter.id,
            TextKind.TRANSCRIPTION,
            "en",
            "They keep me alone in a cell.",
            made_by=f"typed by {ARABIC_KEYS}",
        ),
    )
    annotations.on_text(
        db,
        letter_text.id,
        0,
        4,
        "Corroborated",
        visibility=Visibility.SHAREABLE,
        tag_ids=(about.id,),
        author=LATIN,
    )
    documents.add(
        db,
        Document(
            DocumentKind.TESTIMONY,
            "Testimony of a cellmate",
            date=parse_date("2022-03-02"),
            author_id=witness.id,
            concerned_ids=(prisoner.id,),
            consent=Consent(Audience.ADVOCATES, anonymise=True),
            tag_ids=(about.id,),
        ),
    )
    # The arrest, at the witness's house: the chronology's current place too.
    events.add(
        db,
        Event(
            prisoner.id,
            EventType.ARREST,
            parse_date("2019-11-03"),
            place=f"خانه {ARABIC_KEYS}",
            description=f"Taken from {LATIN.upper()}'s house at night",
            source_ids=(letter.id,),
            tag_ids=(about.id,),
        ),
    )
    return Archived(prisoner.id, witness.id)


def _normalised(text: str) -> str:
    """Persian letters as one keyboard types them, so either spelling is found."""
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def _assert_nameless(text: str) -> None:
    folded = text.casefold()
    for part in LATIN.split():
        assert part.casefold() not in folded, part
    letters = _normalised(letters_only(text))
    for part in PERSIAN.split():
        assert part not in _normalised(text), part
        assert part not in letters, part


def _pseudonym(archive: Archive, witness: str) -> str:
    plan = plan_export(archive.db, ExportScope(person_id=witness))
    return {p.person_id: p.pseudonym for p in plan.pseudonyms}[witness]


def test_bundle_and_its_reader_carry_no_name_of_the_witness(archive: Archive, tmp_path: Path):
    filled = _fill(archive)
    pseudonym = _pseudonym(archive, filled.witness)
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        key = identity.ensure(advocate.db).age_identity
        scope = ExportScope(person_id=filled.prisoner)
        # With the audit log's entries: those whose words name the witness stay home (their
        # hash covers the words, so a replaced name could be tested against it).
        with_log = ExportOptions(audit=True)
        plan = plan_export(archive.db, scope, with_log)
        held = [item for item in plan.held_back if item.record_type == "audit"]
        assert held and all(item.reason == NAMES_A_WITNESS for item in held)
        assert plan.audit_entries  # the rest of the log leaves
        bundle = export_to(archive, advocate, tmp_path / "case.age", scope, with_log)
        found = members(bundle, key)
    assert "records/audit.json" in found
    assert "index.html" in found
    everything = "\n".join(
        name + "\n" + data.decode("utf-8", errors="replace") for name, data in found.items()
    )
    _assert_nameless(everything)
    # What the names became: the pseudonym, in the tag, the event and the annotation's tags.
    records = {name: json.loads(data) for name, data in found.items() if name.endswith(".json")}
    tag_names = {r["name"] for name, r in records.items() if name.startswith("records/tags/")}
    assert tag_names == {pseudonym, f"سخن {pseudonym}"}
    (event,) = [r for name, r in records.items() if name.startswith("records/events/")]
    assert pseudonym in event["place"] and pseudonym in event["description"]
    reader = found["index.html"].decode()
    assert f"خانه {pseudonym}" in reader and "Mahtab Rezvani" in reader


def test_case_file_carries_no_name_of_the_witness(archive: Archive):
    filled = _fill(archive)
    pseudonym = _pseudonym(archive, filled.witness)
    for person in (filled.prisoner, filled.witness):
        plan = casefile.plan_case(archive.db, person)
        text = pdf_text(casefile.lay_out(archive.db, plan, Calendar.GREGORIAN, TODAY).data)
        _assert_nameless(text)
        assert pseudonym in text
    # The prisoner's: the chronology's place and the current place, under the pseudonym.
    plan = casefile.plan_case(archive.db, filled.prisoner)
    text = pdf_text(casefile.lay_out(archive.db, plan, Calendar.GREGORIAN, TODAY).data)
    assert "Current place" in text and "Mahtab Rezvani" in text
    assert letters_only(pseudonym) in letters_only(text.split("Current place")[1])


def test_chronology_files_carry_no_name_of_the_witness(archive: Archive, tmp_path: Path):
    filled = _fill(archive)
    pseudonym = _pseudonym(archive, filled.witness)
    for person in (filled.prisoner, filled.witness):
        target = tmp_path / f"{person}.csv"
        app_timeline.export_timeline(archive, person, target, "csv", Calendar.GREGORIAN, TODAY)
        written = target.read_text(encoding="utf-8-sig")
        _assert_nameless(written)
        assert pseudonym in written or person == filled.witness  # their CSV names no one
        target = tmp_path / f"{person}.pdf"
        app_timeline.export_timeline(archive, person, target, "pdf", Calendar.JALALI, TODAY)
        text = pdf_text(target.read_bytes())
        _assert_nameless(text)
        assert pseudonym in text
    rows = list(csv.DictReader(io.StringIO(tmp_path.joinpath(f"{filled.prisoner}.csv").read_text(
        encoding="utf-8-sig"))))  # fmt: skip
    (arrest,) = [row for row in rows if row["type"] == "arrest"]
    assert arrest["place"] == f"خانه {pseudonym}"
    # The window's own chronology still shows the names: only what leaves is changed.
    shown = app_timeline.load_timeline(archive, filled.prisoner, TODAY)
    assert shown.events[0].place == f"خانه {ARABIC_KEYS}"


def test_command_line_chronology_files_carry_no_name_of_the_witness(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    opened = Archive.open(archive_folder, PASSWORD, actor="tester")
    try:
        filled = _fill(opened)
        pseudonym = _pseudonym(opened, filled.witness)
    finally:
        opened.lock()
    cli = Cli(archive_folder, password_file)
    shown = cli.ok("timeline", filled.prisoner, "--format", "csv").out
    _assert_nameless(shown)
    assert pseudonym in shown
    target = tmp_path / "chronology.txt"
    said = cli.ok("timeline", filled.witness, "--format", "text", "-o", target).out
    _assert_nameless(said + target.read_text(encoding="utf-8"))
    assert pseudonym in said
