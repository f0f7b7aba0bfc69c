"""The signed manifest names the bundle's intended recipients, so one made for a colleague and
encrypted again to this archive says so (security review, finding 11)."""

from __future__ import annotations

import json
from pathlib import Path

from amanat.core.bundle import ScryptIdentity, ScryptRecipient, X25519Identity, identity
from amanat.core.bundle.export import ExportScope, plan_export, write_bundle
from amanat.core.bundle.importer import verify_bundle
from amanat.core.bundle.manifest import PASSPHRASE_RECIPIENT
from amanat.core.vault import Archive
from tests.helpers.bundles import Members, export_to, fill, members, new_archive, repack


def test_the_manifest_names_each_recipient_and_a_passphrase_only_as_such(
    archive: Archive, tmp_path: Path
):
    sample = fill(archive)
    colleague = X25519Identity.generate()
    path = tmp_path / "b.age"
    plan = plan_export(archive.db, ExportScope(person_id=sample.prisoner))
    write_bundle(archive.db, plan, path, [colleague.recipient()])
    manifest = json.loads(members(path, colleague)["manifest.json"])
    assert manifest["recipients"] == [colleague.recipient().to_string()]

    secret = tmp_path / "s.age"
    write_bundle(archive.db, plan, secret, [ScryptRecipient("a shared passphrase", 10)])
    with open(secret, "rb") as handle:
        from amanat.core.bundle import decrypt

        plain = decrypt(handle, [ScryptIdentity("a shared passphrase")]).read()
    assert b'"recipients": [\n    "' + PASSPHRASE_RECIPIENT.encode() in plain
    assert b"a shared passphrase" not in plain


def test_a_bundle_encrypted_again_to_us_says_it_was_made_for_someone_else(
    archive: Archive, tmp_path: Path
):
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    our_key = identity.ensure(advocate.db).age_identity
    colleague = new_archive(tmp_path / "colleague.amanat")
    their_key = identity.ensure(colleague.db).age_identity
    scope = ExportScope(person_id=sample.prisoner)

    for_us = export_to(archive, advocate, tmp_path / "for-us.age", scope)
    assert not verify_bundle(advocate.db, for_us, [our_key]).made_for_someone_else

    for_them = export_to(archive, colleague, tmp_path / "for-them.age", scope)

    def unchanged(listed: Members) -> Members:
        return listed

    forwarded = repack(
        for_them, their_key, unchanged, tmp_path / "forwarded.age", our_key.recipient()
    )
    report = verify_bundle(advocate.db, forwarded, [our_key])
    assert report.made_for_someone_else
    advocate.lock()
    colleague.lock()
