"""Export from one archive, import into another: what arrives is what left, what must stay
home stays home, and a second import changes nothing."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from amanat.core.bundle import X25519Identity, contacts, identity
from amanat.core.bundle.export import (
    ExportOptions,
    ExportScope,
    Progress,
    plan_export,
    write_bundle,
)
from amanat.core.bundle.importer import SignerTrust, import_bundle, verify_bundle
from amanat.core.errors import ExportCancelled
from amanat.core.records import Audience
from amanat.core.storage import annotations, documents, events, pages, people, texts
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.archives import records_digest
from tests.helpers.bundles import (
    CANARIES,
    SHARED_NOTE,
    WITNESS_NAME,
    Sample,
    export_to,
    fill,
    members,
    new_archive,
)


@pytest.fixture
def sample(archive: Archive) -> Sample:
    return fill(archive)


@pytest.fixture
def advocate(tmp_path: Path, archive: Archive) -> Iterator[Archive]:
    opened = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(opened.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    yield opened
    opened.lock()


def _key(advocate: Archive) -> X25519Identity:
    return identity.ensure(advocate.db).age_identity


def test_plan_lists_what_is_held_back_and_why(archive: Archive, sample: Sample):
    plan = plan_export(archive.db, ExportScope(person_id=sample.prisoner))
    reasons = {item.label: item.reason for item in plan.held_back}
    assert reasons["Withdrawn"] == "the witness withdrew consent"
    assert reasons["Private"] == "private testimony never leaves"
    assert "legal-team" in reasons["Legal team only"]
    assert "private" in [item.reason for item in plan.held_back if item.record_type == "annotation"]
    assert [p.name for p in plan.pseudonyms] == [WITNESS_NAME]
    assert re.fullmatch(r"Witness [A-Z]{5}", plan.pseudonyms[0].pseudonym)
    titles = {d.title for d in plan.documents}
    assert titles == {"Letter from Evin", "Testimony T2", "Testimony of a cellmate"}


def test_legal_team_testimony_leaves_only_for_the_legal_team(archive: Archive, sample: Sample):
    options = ExportOptions(audience=Audience.LEGAL_TEAM)
    plan = plan_export(archive.db, ExportScope(person_id=sample.prisoner), options)
    assert "Legal team only" in {d.title for d in plan.documents}
    assert "Private" not in {d.title for d in plan.documents}


def test_round_trip_brings_the_same_records(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
    )
    report = import_bundle(advocate.db, bundle, [_key(advocate)])
    assert report.imported and not report.conflicts
    assert report.signer.trust is SignerTrust.VERIFIED_CONTACT
    assert report.signer.contact == "Family lawyer"
    for document_id in (sample.letter, sample.testimony):
        ours, theirs = (documents.get(a.db, document_id) for a in (archive, advocate))
        assert theirs == ours
        assert texts.texts_of(advocate.db, document_id) == texts.texts_of(archive.db, document_id)
    assert people.get(advocate.db, sample.prisoner) == people.get(archive.db, sample.prisoner)
    assert events.events_of(advocate.db, sample.prisoner) == events.events_of(
        archive.db, sample.prisoner
    )
    arrived = annotations.annotations_of(advocate.db, sample.letter)
    assert {a.body for a in arrived} == {SHARED_NOTE, "the stamp"}
    page = pages.get(advocate.db, sample.page)
    assert page.document_id == sample.letter and page.number == 1
    assert page.sha256 != pages.get(archive.db, sample.page).sha256  # a sanitised copy
    assert page.original_name == "page-1.jpg"
    data = pages.original_bytes(advocate.db, sample.page)
    assert Image.open(io.BytesIO(data)).size == (120, 80)


def test_importing_twice_changes_nothing(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
    )
    import_bundle(advocate.db, bundle, [_key(advocate)])
    folder = advocate.folder
    advocate.lock()
    before = records_digest(folder)
    with Archive.open(folder, "correct horse battery staple") as again:
        report = import_bundle(again.db, bundle, [identity.ensure(again.db).age_identity])
    assert report.already_imported and not report.imported
    assert records_digest(folder) == before


def test_a_new_export_of_the_same_records_is_all_unchanged(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    scope = ExportScope(document_ids=(sample.letter,))
    import_bundle(
        advocate.db, export_to(archive, advocate, tmp_path / "1.age", scope), [_key(advocate)]
    )
    report = import_bundle(
        advocate.db, export_to(archive, advocate, tmp_path / "2.age", scope), [_key(advocate)]
    )
    assert not report.already_imported
    assert report.added == 0 and not report.conflicts


def test_changed_on_both_sides_keeps_both_versions(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    scope = ExportScope(document_ids=(sample.letter,))
    import_bundle(
        advocate.db, export_to(archive, advocate, tmp_path / "1.age", scope), [_key(advocate)]
    )
    mine = documents.get(advocate.db, sample.letter)
    documents.update(advocate.db, replace(mine, title="Letter from Evin (advocate)"))
    theirs = documents.get(archive.db, sample.letter)
    documents.update(archive.db, replace(theirs, title="Letter from Evin, ward 209"))
    report = import_bundle(
        advocate.db, export_to(archive, advocate, tmp_path / "2.age", scope), [_key(advocate)]
    )
    [conflict] = [c for c in report.conflicts if c.record_type == "documents"]
    assert conflict.local_id == sample.letter
    assert documents.get(advocate.db, sample.letter).title == "Letter from Evin (advocate)"
    copy = documents.get(advocate.db, conflict.imported_id)
    assert copy.title.startswith("Letter from Evin, ward 209 (from bundle ")
    assert len(pages.pages_of(advocate.db, copy.id)) == 1
    assert texts.texts_of(advocate.db, copy.id)
    rows = advocate.db.all("SELECT local_id, imported_id FROM bundle_conflicts")
    assert (sample.letter, copy.id) in rows


def test_nothing_private_is_anywhere_in_the_bundle(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    options = ExportOptions(audit=True)
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner), options
    )
    found = members(bundle, _key(advocate))
    everything = b"".join(name.encode() + data for name, data in found.items())
    for canary in CANARIES:
        assert canary.encode() not in everything, canary
    assert sample.witness.encode() not in everything  # not even the witness's real id
    assert "records/audit.json" in found


def test_anonymised_witness_leaves_as_a_pseudonym(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(sample.anonymised,))
    )
    import_bundle(advocate.db, bundle, [_key(advocate)])
    document = documents.get(advocate.db, sample.anonymised)
    assert document.author_id is not None and document.author_id != sample.witness
    witness = people.get(advocate.db, document.author_id)
    assert re.fullmatch(r"Witness [A-Z]{5}", witness.display_name)
    assert witness.aliases == () and witness.notes == "" and witness.birth_year is None
    assert document.provenance.received_from == ""
    assert events.events_of(advocate.db, witness.id) == []


def test_pages_leave_without_gps_by_default(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(sample.letter,))
    )
    [data] = [d for n, d in members(bundle, _key(advocate)).items() if n.startswith("files/")]
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
    for secret in scan_files.SECRETS:
        assert secret.encode() not in data
    page_json = next(
        json.loads(d) for n, d in members(bundle, _key(advocate)).items() if "pages/" in n
    )
    assert "original_sha256" not in page_json and page_json["sanitised"] is True


def test_keep_metadata_sends_the_original_byte_for_byte(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive,
        advocate,
        tmp_path / "b.age",
        ExportScope(document_ids=(sample.letter,)),
        ExportOptions(originals=True),
    )
    found = members(bundle, _key(advocate))
    [data] = [d for n, d in found.items() if n.startswith("files/")]
    assert data == sample.photo
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(0x8825)  # the GPS block
    import_bundle(advocate.db, bundle, [_key(advocate)])
    assert pages.original_bytes(advocate.db, sample.page) == sample.photo


def test_verify_changes_nothing_and_says_what_import_would_do(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
    )
    key = _key(advocate)
    folder = advocate.folder
    advocate.lock()
    before = records_digest(folder)
    with Archive.open(folder, "correct horse battery staple") as opened:
        report = verify_bundle(opened.db, bundle, [key])
    assert records_digest(folder) == before
    assert not report.imported and report.added > 0 and report.counts["documents"] == 3


def test_a_cancelled_export_leaves_no_file(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    plan = plan_export(archive.db, ExportScope(person_id=sample.prisoner))
    recipient = _key(advocate).recipient()
    seen: list[Progress] = []
    with pytest.raises(ExportCancelled):
        write_bundle(
            archive.db, plan, tmp_path / "b.age", [recipient], seen.append, lambda: bool(seen)
        )
    assert list(tmp_path.glob("*.age*")) == [] and list(tmp_path.glob(".b.age*")) == []


def test_progress_is_reported_while_writing(
    archive: Archive, advocate: Archive, sample: Sample, tmp_path: Path
):
    plan = plan_export(archive.db, ExportScope(person_id=sample.prisoner))
    seen: list[Progress] = []
    write_bundle(archive.db, plan, tmp_path / "b.age", [_key(advocate).recipient()], seen.append)
    assert seen and all(p.done <= p.total for p in seen)
