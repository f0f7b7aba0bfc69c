"""An anonymised witness leaves under the same pseudonym in every bundle from one archive,
whatever else the bundle holds, and never under their name."""

from __future__ import annotations

import json
from pathlib import Path

from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportScope, plan_export
from amanat.core.dates import parse_date
from amanat.core.records import Audience, Consent, Document, DocumentKind, Person, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive
from tests.helpers.bundles import WITNESS_NAME, export_to, fill, members, new_archive

SECOND_WITNESS = "Parvin Secondcanary"


def _people_in(found: dict[str, bytes]) -> dict[str, str]:
    """id → name of every person record in a decrypted bundle."""
    named = {}
    for name, data in found.items():
        if name.startswith("records/people/"):
            record = json.loads(data)
            named[record["id"]] = record["display_name"]
    return named


def test_a_witness_keeps_one_pseudonym_across_bundles(archive: Archive, tmp_path: Path):
    sample = fill(archive)
    second = people.add(archive.db, Person(SECOND_WITNESS, roles=(Role.WITNESS,)))
    other = documents.add(
        archive.db,
        Document(
            DocumentKind.TESTIMONY,
            "Testimony of a guard",
            date=parse_date("2022-04-01"),
            author_id=second.id,
            concerned_ids=(sample.prisoner,),
            consent=Consent(Audience.ADVOCATES, anonymise=True),
        ),
    )
    # One bundle holds both anonymised witnesses, in date order the first witness first; the
    # other holds only the second. Labels by position would name the second "Witness B" in
    # one and "Witness A" in the other.
    wide = plan_export(archive.db, ExportScope(person_id=sample.prisoner))
    narrow = plan_export(archive.db, ExportScope(document_ids=(other.id,)))
    named_wide = {p.person_id: p.pseudonym for p in wide.pseudonyms}
    named_narrow = {p.person_id: p.pseudonym for p in narrow.pseudonyms}
    assert set(named_wide) == {sample.witness, second.id}
    assert named_narrow == {second.id: named_wide[second.id]}
    assert named_wide[sample.witness] != named_wide[second.id]

    with new_archive(tmp_path / "advocate.amanat") as advocate:
        key = identity.ensure(advocate.db).age_identity
        bundles = [
            export_to(archive, advocate, tmp_path / "wide.age", wide.scope),
            export_to(archive, advocate, tmp_path / "narrow.age", narrow.scope),
        ]
        opened = [members(bundle, key) for bundle in bundles]
    keys = identity.ensure(archive.db)
    pseudonym_id = keys.pseudonym_id(second.id)
    in_wide, in_narrow = (_people_in(found) for found in opened)
    # The same id and the same name in both bundles, and a different one for the other.
    assert in_wide[pseudonym_id] == in_narrow[pseudonym_id] == named_wide[second.id]
    assert in_wide[keys.pseudonym_id(sample.witness)] == named_wide[sample.witness]
    for found in opened:
        everything = b"".join(name.encode() + data for name, data in found.items())
        for secret in (WITNESS_NAME, SECOND_WITNESS, sample.witness, second.id):
            assert secret.encode() not in everything, secret


def test_another_archive_gives_the_same_witness_another_pseudonym(archive: Archive, tmp_path: Path):
    """The pseudonym comes from this archive's secret, not from the person's id alone: a
    copy of the person in another archive cannot be matched to it."""
    sample = fill(archive)
    ours = plan_export(archive.db, ExportScope(document_ids=(sample.anonymised,)))
    with new_archive(tmp_path / "other.amanat") as other:
        witness = people.get(archive.db, sample.witness)
        people.add(other.db, witness)
        document = documents.get(archive.db, sample.anonymised)
        documents.add(other.db, Document(document.kind, document.title, author_id=witness.id,
                                         consent=document.consent, id=document.id))  # fmt: skip
        theirs = plan_export(other.db, ExportScope(document_ids=(sample.anonymised,)))
    assert ours.pseudonyms[0].pseudonym != theirs.pseudonyms[0].pseudonym
    assert ours.pseudonym_ids.isdisjoint(theirs.pseudonym_ids)
