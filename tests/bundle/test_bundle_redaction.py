"""Redactions and pseudonyms in a bundle: the decrypted tar holds no redacted pixel, no
redacted word and no name of an anonymised witness, in either script, whether sanitised copies
or originals were asked for; the plan lists each replacement."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from amanat.core import leaving
from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export
from amanat.core.records import Person, Provenance, Role, Text, TextKind, Visibility
from amanat.core.storage import annotations, documents, pages, people, texts
from amanat.core.storage import redactions as store
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.bundles import WITNESS_ALIAS, WITNESS_NAME, export_to, fill, members, new_archive

SECRET_ADDRESS = "17 Quokkarud Alley"
WITNESS_FA = "امید قناری‌زاده"
GREEN = (30, 200, 60)


def _prepared(archive: Archive) -> tuple[str, str]:
    """The sample archive, with a green page whose right half is redacted added to the
    anonymised testimony, a redacted address in its text, and the witness named in both
    scripts and by alias in its title, text and a shareable comment."""
    sample = fill(archive)
    db = archive.db
    witness = people.get(db, sample.witness)
    people.update(db, Person(**{**_fields(witness), "name_fa": WITNESS_FA}))
    document = documents.get(db, sample.anonymised)
    documents.update(db, type(document)(**{**_fields(document), "title": f"{WITNESS_NAME} speaks"}))
    page = pages.add(db, sample.anonymised, scan_files.png(Image.new("RGB", (100, 60), GREEN)))
    store.on_page(db, page.id, 0.5, 0.0, 0.5, 1.0)
    body = (
        f"I, {WITNESS_NAME} ({WITNESS_FA}, known as {WITNESS_ALIAS}), lived at {SECRET_ADDRESS} "
        "and saw her fall."
    )
    text = texts.add(db, Text(sample.anonymised, TextKind.TRANSCRIPTION, "en", body))
    store.on_text(db, text.id, body.index(SECRET_ADDRESS), body.index(SECRET_ADDRESS) + 18)
    start = body.index("lived")
    annotations.on_text(
        db,
        text.id,
        start,
        start + len("lived at " + SECRET_ADDRESS),
        f"{WITNESS_ALIAS} told us this",
        visibility=Visibility.SHAREABLE,
    )
    return sample.anonymised, page.id


@pytest.mark.parametrize("originals", [False, True])
def test_nothing_redacted_and_no_witness_name_is_in_the_decrypted_tar(
    archive: Archive, tmp_path: Path, originals: bool
):
    document_id, page_id = _prepared(archive)
    scope = ExportScope(document_ids=(document_id,))
    options = ExportOptions(originals=originals)
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        key = identity.ensure(advocate.db).age_identity
        found = members(export_to(archive, advocate, tmp_path / "b.age", scope, options), key)
    everything = b"".join(name.encode() + data for name, data in found.items())
    for secret in (WITNESS_NAME, WITNESS_FA, WITNESS_ALIAS, "Quokkarud", "قناری"):
        assert secret.encode() not in everything, secret
    # The words are marked, and the names are the pseudonym's.
    leaving_texts = [
        json.loads(data)["body"] for name, data in found.items() if name.startswith("records/t")
    ]
    (told,) = [body for body in leaving_texts if "saw her fall" in body]
    assert leaving.MARK * 12 in told and told.count("Witness ") == 3
    # The redacted page leaves black on its right half, even when originals were asked for.
    (record,) = [
        json.loads(data)
        for name, data in found.items()
        if name.startswith("records/pages/") and page_id in name
    ]
    assert record["sanitised"] is True
    with Image.open(io.BytesIO(found[f"files/{record['sha256']}"])) as image:
        picture = image.convert("RGB")
    assert picture.size == (100, 60)
    assert all(high < 40 for _low, high in picture.crop((50, 0, 100, 60)).getextrema())  # type: ignore[misc]
    assert picture.crop((0, 0, 48, 60)).getextrema()[1][0] > 150  # type: ignore[index]
    # The annotation's quote and context come from the text as it leaves.
    notes = [json.loads(d) for n, d in found.items() if n.startswith("records/annotations/")]
    assert any(leaving.MARK in json.dumps(note, ensure_ascii=False) for note in notes)


def test_the_plan_lists_each_replacement_and_the_texts_as_they_leave(archive: Archive):
    document_id, _page = _prepared(archive)
    plan = plan_export(archive.db, ExportScope(document_ids=(document_id,)))
    (pseudonym,) = plan.pseudonyms
    replaced = {r.name: r.pseudonym for r in plan.replacements}
    assert replaced == {
        WITNESS_NAME: pseudonym.pseudonym,
        WITNESS_FA: pseudonym.pseudonym,
        WITNESS_ALIAS: pseudonym.pseudonym,
    }
    assert plan.documents[0].title == f"{pseudonym.pseudonym} speaks"
    assert not any(SECRET_ADDRESS in text.body for text in plan.texts)


def test_a_pseudonym_that_would_be_a_real_name_in_the_archive_is_made_longer(archive: Archive):
    sample = fill(archive)
    scope = ExportScope(document_ids=(sample.anonymised,))
    (first,) = plan_export(archive.db, scope).pseudonyms
    # Someone in the archive is really called that (or an alias says so).
    namesake = Person("Someone", aliases=(first.pseudonym.upper(),), roles=(Role.RELATIVE,))
    people.add(archive.db, namesake)
    (second,) = plan_export(archive.db, scope).pseudonyms
    assert second.pseudonym != first.pseudonym
    assert second.pseudonym.startswith(first.pseudonym)
    # The same again next time: still one witness, one name, in every bundle from here.
    assert plan_export(archive.db, scope).pseudonyms == (second,)


def _fields(record: object) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}  # type: ignore[attr-defined]


def test_a_witness_who_passed_on_another_letter_is_not_named_as_its_giver(archive: Archive):
    sample = fill(archive)
    letter = documents.get(archive.db, sample.letter)
    given = Provenance(received_from=f"{WITNESS_NAME}, at the prison gate", how="by hand")
    documents.update(archive.db, replace(letter, provenance=given))
    plan = plan_export(archive.db, ExportScope(document_ids=(sample.anonymised, sample.letter)))
    (pseudonym,) = plan.pseudonyms
    (leaving_letter,) = [d for d in plan.documents if d.id == sample.letter]
    assert leaving_letter.provenance.received_from == f"{pseudonym.pseudonym}, at the prison gate"
