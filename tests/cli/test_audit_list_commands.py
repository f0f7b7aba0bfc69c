"""``amanat audit list`` of the whole log, of one record, or of one document with its pages,
texts and annotations: the same use case as the window's Audit Log… and its "only the
document shown"."""

from __future__ import annotations

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import Cli, Populated, assert_user_error


def test_audit_list_of_a_document_has_its_pages_texts_and_annotations_and_no_other(
    populated_cli: Cli, populated: Populated
) -> None:
    with Archive.open(populated_cli.archive, PASSWORD) as archive:
        page = archive.db.value("SELECT id FROM pages WHERE document_id = ?", (populated.letter,))
        text = archive.db.value("SELECT id FROM texts WHERE document_id = ?", (populated.letter,))
    note = populated_cli.ok(
        "annotate-page", str(page), "--rect", "10,10,20,20", "--body", "signature"
    ).out.strip()

    listed = populated_cli.ok("audit", "list", "--document", populated.letter, "--json").json()

    records = {entry["record_id"] for entry in listed}
    assert records == {populated.letter, page, text, note}
    own = populated_cli.ok("audit", "list", "--record", populated.letter, "--json").json()
    assert {entry["record_id"] for entry in own} == {populated.letter}
    everything = populated_cli.ok("audit", "list", "--json").json()
    assert [e for e in everything if e["record_id"] in records] == listed  # in the log's order


def test_audit_list_of_an_unknown_document_is_refused(populated_cli: Cli) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    assert_user_error(populated_cli("audit", "list", "--document", unknown), unknown)


def test_record_and_document_are_one_or_the_other(populated_cli: Cli, populated: Populated) -> None:
    result = populated_cli(
        "audit", "list", "--record", populated.letter, "--document", populated.letter
    )
    assert result.code == 2
