"""Time-coded lines leaving in bundles: each time placed on its line of the text as it leaves
(after pseudonyms and redaction changed the line's characters), restored on the same lines by
the import, and every hostile list of times refused as a damaged record with the archive
unchanged."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amanat.core.bundle import contacts, identity, timed_lines
from amanat.core.bundle.export import ExportScope, plan_export
from amanat.core.bundle.importer import import_bundle
from amanat.core.bundle.timed_lines import MAX_TIMED_LINES, TimedLine
from amanat.core.errors import BundleDamaged
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.storage import redactions as redaction_store
from amanat.core.storage import timecodes as timecode_store
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import (
    WITNESS_NAME,
    Members,
    export_to,
    fill,
    members,
    new_archive,
    repack,
    resign,
)
from tests.helpers.cli import OUR_VARIABLES, Cli

CALL = "Mother: Are you eating?\nNasrin: They give us bread.\n\nMother: We miss you.\n"
SECRET = "ward 2A, cell 14"


def _line(body: str, number: int) -> str:
    return body.split("\n")[number - 1]


# --- Leaving: each time on its line of the text as it leaves ------------------------------


def test_times_follow_their_lines_through_pseudonyms_and_a_redaction_across_lines(
    archive: Archive,
) -> None:
    sample = fill(archive)
    db = archive.db
    body = (
        "Lawyer: Tell us what you saw.\n"
        f"{WITNESS_NAME}: They held her in {SECRET}\n"
        "on the second floor. Then they took her away.\n"
        f"{WITNESS_NAME} again: She fell in the yard.\n"
        "Lawyer: Thank you.\n"
    )
    text = texts.add(db, Text(sample.anonymised, TextKind.TRANSCRIPTION, "en", body))
    for line, seconds in ((1, 1.0), (2, 5.5), (3, 9.0), (4, 14.25), (5, 20.0)):
        timecode_store.mark(db, text.id, timed_lines.line_offsets(body)[line - 1], seconds)
    # The place, and the start of the next line with it: lines 2 and 3 leave as one.
    start = body.index(SECRET)
    redaction_store.on_text(db, text.id, start, body.index("floor.") + len("floor."))
    # A line edited away takes its time nowhere: it stays home, orphaned.
    edited = body.replace("Lawyer: Thank you.\n", "")
    texts.update(db, Text(**{**_fields(texts.get(db, text.id)), "body": edited}))

    plan = plan_export(db, ExportScope(document_ids=(sample.anonymised,)))
    [leaving] = [t for t in plan.texts if t.id == text.id]
    assert WITNESS_NAME not in leaving.body and SECRET not in leaving.body
    timed = plan.timed_lines[text.id]
    assert timed == (TimedLine(1, 1.0), TimedLine(2, 5.5), TimedLine(3, 14.25))
    assert _line(leaving.body, 1) == "Lawyer: Tell us what you saw."
    assert _line(leaving.body, 2).endswith("Then they took her away.")
    assert _line(leaving.body, 3).endswith(" again: She fell in the yard.")
    assert _line(leaving.body, 3).startswith("Witness ")


def _fields(record: object) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}  # type: ignore[attr-defined]


def test_a_text_without_times_leaves_as_before(archive: Archive, tmp_path: Path) -> None:
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        path = export_to(archive, advocate, tmp_path / "b.age", ExportScope(sample.prisoner))
        sent = members(path, identity.ensure(advocate.db).age_identity)
    finally:
        advocate.lock()
    records = [json.loads(d) for n, d in sent.items() if n.startswith("records/texts/")]
    assert records and all("timecodes" not in record for record in records)


# --- The round trip, on the command line ----------------------------------------------


@pytest.fixture
def cli(archive_folder: Path, password_file: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    for name in OUR_VARIABLES:  # the developer's shell must not choose the archive
        monkeypatch.delenv(name, raising=False)
    return Cli(archive_folder, password_file)


def test_export_import_and_the_same_times_on_the_other_side(
    cli: Cli, password_file: Path, tmp_path: Path
) -> None:
    document = cli.add_doc("--kind", "letter", "--title", "Call from Evin")
    source = tmp_path / "call.txt"
    source.write_text(CALL, encoding="utf-8")
    text = cli.ok("text", "add", document, "--language", "en", "--file", source, "--json")
    text_id = text.json()["id"]
    cli.ok("timecode", text_id, "--at", str(CALL.index("Nasrin")), "--time", "0:41")
    cli.ok("timecode", text_id, "--at", str(CALL.index("Mother: We")), "--time", "1:23.5")
    cli.ok("timecode", text_id, "--at", "3", "--time", "2")
    sent = cli.ok("timecodes", text_id, "--json").json()

    new_archive(tmp_path / "advocate.amanat").lock()
    advocate = Cli(tmp_path / "advocate.amanat", password_file)
    theirs = advocate.ok("identity", "show", "--json").json()
    ours = cli.ok("identity", "show", "--json").json()
    advocate.ok(
        "contact", "add", "Family", ours["age_recipient"], "--signing-key", ours["signing_key"],
        "--verified",
    )  # fmt: skip
    bundle = tmp_path / "b.age"
    cli.ok("export", "--doc", document, "--recipient", theirs["age_recipient"], "-o", bundle)
    advocate.ok("import-bundle", bundle)

    arrived = advocate.ok("timecodes", text_id, "--json").json()
    assert [t["seconds"] for t in arrived] == [2.0, 41.0, 83.5]
    assert [(t["target"]["start"], t["target"]["quote"]) for t in arrived] == [
        (t["target"]["start"], t["target"]["quote"]) for t in sent
    ]
    shown = advocate.ok("timecodes", text_id).out.splitlines()
    assert [line.split()[1] for line in shown] == ["0:02", "0:41", "1:23"]


def test_a_text_arriving_beside_ours_gets_the_times_and_ours_keeps_its_own(
    archive: Archive, tmp_path: Path
) -> None:
    """A conflict: the bundle's version of a text differs from ours; theirs arrives under a
    new id with its times, and ours keeps the times it had."""
    db = archive.db
    document = documents.add(db, Document(DocumentKind.LETTER, "Call from Evin"))
    text = texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, "en", CALL))
    timecode_store.mark(db, text.id, CALL.index("Nasrin"), 41.0)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(db)
    contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    try:
        path = export_to(
            archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(document.id,))
        )
        import_bundle(advocate.db, path, [identity.ensure(advocate.db).age_identity])
        ours = texts.get(advocate.db, text.id)
        texts.update(advocate.db, Text(**{**_fields(ours), "body": "Mother: hello?\n" + CALL}))
        timecode_store.mark(advocate.db, text.id, 0, 0.5)
        again = export_to(
            archive, advocate, tmp_path / "again.age", ExportScope(document_ids=(document.id,))
        )
        import_bundle(advocate.db, again, [identity.ensure(advocate.db).age_identity])
        theirs = [t for t in texts.texts_of(advocate.db, document.id) if t.id != text.id]
        assert [t.body for t in theirs] == [CALL]
        arrived = timecode_store.of_text(advocate.db, theirs[0].id)
        assert [(t.offset, t.seconds) for t in arrived] == [(CALL.index("Nasrin"), 41.0)]
        kept = timecode_store.of_text(advocate.db, text.id)
        assert [t.seconds for t in kept] == [0.5, 41.0]
    finally:
        advocate.lock()


# --- Hostile lists of times --------------------------------------------------------------

BODY = "one\ntwo\n\nfour"


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ({"line": 1, "seconds": 1}, "must be a list"),
        ([{"line": 1, "seconds": 1, "quote": "one"}], "nothing else"),
        ([{"line": 1}], "a line and a time"),
        (["1"], "a line and a time"),
        ([{"line": "1", "seconds": 1}], "whole number"),
        ([{"line": 1.0, "seconds": 1}], "whole number"),
        ([{"line": True, "seconds": 1}], "whole number"),
        ([{"line": 1, "seconds": "1:00"}], "number of seconds"),
        ([{"line": 1, "seconds": False}], "number of seconds"),
        ([{"line": 1, "seconds": -0.5}], "negative"),
        ([{"line": 1, "seconds": float("nan")}], "negative"),
        ([{"line": 1, "seconds": float("inf")}], "negative"),
        ([{"line": 1, "seconds": 10**400}], "negative"),
        ([{"line": 1, "seconds": 1e12}], "far too long"),
        ([{"line": 0, "seconds": 1}], "line 0 of a text of 4 lines"),
        ([{"line": 5, "seconds": 1}], "line 5 of a text of 4 lines"),
        ([{"line": -1, "seconds": 1}], "line -1"),
        ([{"line": 3, "seconds": 1}], "blank"),
        ([{"line": 2, "seconds": 1}, {"line": 1, "seconds": 2}], "order of its lines"),
        ([{"line": 2, "seconds": 1}, {"line": 2, "seconds": 2}], "order of its lines"),
        ([{"line": 1, "seconds": 1}] * (MAX_TIMED_LINES + 1), "more than 100,000"),
    ],
)
def test_a_hostile_list_of_times_is_refused(value: object, problem: str) -> None:
    with pytest.raises(ValueError) as raised:
        timed_lines.parse(value, BODY)
    assert problem in str(raised.value)


def test_a_list_of_times_in_the_order_of_the_lines_is_read() -> None:
    value = [{"line": 1, "seconds": 0}, {"line": 2, "seconds": 0.25}, {"line": 4, "seconds": 3}]
    assert timed_lines.parse(value, BODY) == (
        TimedLine(1, 0.0),
        TimedLine(2, 0.25),
        TimedLine(4, 3.0),
    )
    # Times need not rise with the lines: a transcriber may mark them out of order.
    assert timed_lines.parse([{"line": 1, "seconds": 9}, {"line": 2, "seconds": 3}], BODY)


@dataclass
class Sent:
    sender: Archive
    advocate: Path
    bundle: Path
    tmp: Path


@pytest.fixture
def sent(archive: Archive, tmp_path: Path) -> Sent:
    db = archive.db
    document = documents.add(db, Document(DocumentKind.LETTER, "Call from Evin"))
    text = texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, "en", CALL))
    timecode_store.mark(db, text.id, CALL.index("Nasrin"), 41.0)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(db)
    contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    scope = ExportScope(document_ids=(document.id,))
    bundle = export_to(archive, advocate, tmp_path / "b.age", scope)
    advocate.lock()
    return Sent(archive, tmp_path / "advocate.amanat", bundle, tmp_path)


def _with_times(sent: Sent, change: Callable[[list[Any]], object]) -> Path:
    """The bundle with its text's times changed, and signed again by the sender (as a
    sender's own broken or hostile Amanat would)."""
    with Archive.open(sent.advocate, PASSWORD) as opened:
        key = identity.ensure(opened.db).age_identity

    def altered(listed: Members) -> Members:
        out = []
        manifest = json.loads(dict(listed)["manifest.json"])
        for name, data in listed:
            if name.startswith("records/texts/"):
                record = json.loads(data)
                record["timecodes"] = change(record["timecodes"])
                data = json.dumps(record).encode()
                for entry in manifest["files"]:
                    if entry["path"] == name:
                        entry["sha256"] = hashlib.sha256(data).hexdigest()
                        entry["size"] = len(data)
            out.append((name, data))
        return resign(sent.sender, out, json.dumps(manifest).encode())

    return repack(sent.bundle, key, altered, sent.tmp / "tampered.age")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda times: [{**times[0], "seconds": -3}], "negative"),
        (lambda times: [{**times[0], "line": 99}], "line 99"),
        (lambda times: [*times, times[0]], "order of its lines"),
        (lambda times: [{**times[0], "speaker": "Nasrin"}], "nothing else"),
        (lambda times: "all of them", "must be a list"),
    ],
)
def test_a_bundle_with_hostile_times_is_refused_and_nothing_imported(
    sent: Sent, change: Callable[[list[Any]], object], said: str
) -> None:
    tampered = _with_times(sent, change)
    before = records_digest(sent.advocate)
    with Archive.open(sent.advocate, PASSWORD) as opened, pytest.raises(BundleDamaged) as raised:
        import_bundle(opened.db, tampered, [identity.ensure(opened.db).age_identity])
    assert records_digest(sent.advocate) == before
    message = str(raised.value)
    assert "\n" not in message and said in message


def test_the_untampered_bundle_imports_with_its_time(sent: Sent) -> None:
    """The control for the test above: only the change is refused."""
    tampered = _with_times(sent, lambda times: times)
    with Archive.open(sent.advocate, PASSWORD) as opened:
        import_bundle(opened.db, tampered, [identity.ensure(opened.db).age_identity])
        [text_id] = [row[0] for row in opened.db.all("SELECT id FROM texts")]
        [arrived] = timecode_store.of_text(opened.db, text_id)
    assert (arrived.offset, arrived.seconds) == (CALL.index("Nasrin"), 41.0)


_ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_ENTRY = st.fixed_dictionaries(
    {
        "line": st.integers(min_value=-2, max_value=6) | _ANY_JSON,
        "seconds": st.floats(min_value=-1, max_value=2e6) | _ANY_JSON,
    },
    optional={"quote": _ANY_JSON},
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ENTRY, max_size=6) | _ANY_JSON)
def test_any_list_of_times_is_read_whole_or_refused_as_damage(value: object) -> None:
    """Whatever a bundle holds there: a ValueError (a damaged record, one sentence), never
    another error; and what is read names lines that exist, in order, at sane times."""
    try:
        read = timed_lines.parse(value, BODY)
    except ValueError:
        return
    lines = BODY.split("\n")
    assert [t.line for t in read] == sorted({t.line for t in read})
    for timed in read:
        assert lines[timed.line - 1].strip()
        assert 0 <= timed.seconds <= timed_lines.MAX_SECONDS
