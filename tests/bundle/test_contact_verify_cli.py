"""`amanat contact verify ID`: a contact is marked verified only once there is a fingerprint
to compare."""

from __future__ import annotations

from pathlib import Path

from amanat.core.bundle import contacts, identity
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import new_archive
from tests.helpers.cli import Cli, assert_user_error


def test_contact_verify_marks_the_contact_and_leaves_an_audit_entry(
    archive_folder: Path, password_file: Path, tmp_path: Path
) -> None:
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        keys = identity.ensure(advocate.db)
    family = Cli(archive_folder, password_file)
    added = family.ok(
        "contact", "add", "Advocate", keys.age_recipient, "--signing-key", keys.signing_key
    )
    contact_id = added.out.splitlines()[0]
    assert f"amanat contact verify {contact_id}" in added.out
    assert not family.ok("contact", "list", "--json").json()[0]["verified"]

    shown = family.ok("contact", "verify", contact_id)
    assert keys.fingerprint in shown.out
    listed = family.ok("contact", "list", "--json").json()
    assert listed[0]["verified"] and listed[0]["fingerprint"] == keys.fingerprint
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert contacts.get(archive.db, contact_id).verified


def test_a_contact_without_signing_key_cannot_be_verified(
    archive_folder: Path, password_file: Path, tmp_path: Path
) -> None:
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        keys = identity.ensure(advocate.db)
    family = Cli(archive_folder, password_file)
    contact_id = family.ok("contact", "add", "Advocate", keys.age_recipient).out.splitlines()[0]
    before = records_digest(archive_folder)
    assert_user_error(family("contact", "verify", contact_id), "no signing key")
    assert_user_error(family("contact", "verify", "no-such-id"), "contact")
    assert records_digest(archive_folder) == before
