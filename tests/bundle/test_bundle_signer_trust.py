"""Trust in a signer is bound to what the user compared, and a signer who is not a verified
contact cannot quietly add to records that were already here (security review, findings 4
and 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from amanat.core.bundle import X25519Identity, contacts, identity
from amanat.core.bundle.export import ExportScope
from amanat.core.bundle.importer import SignerTrust, import_bundle, verify_bundle
from amanat.core.errors import BundleAddsToExisting, BundleSignerChanged
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import export_to, fill, new_archive


def _stranger_bundle(tmp_path: Path, name: str, to: Archive) -> tuple[Path, str]:
    with new_archive(tmp_path / f"{name}.amanat") as stranger:
        sample = fill(stranger)
        bundle = export_to(stranger, to, tmp_path / f"{name}.age", ExportScope(sample.prisoner))
        return bundle, identity.ensure(stranger.db).fingerprint


def test_a_bundle_swapped_between_verify_and_import_is_refused_and_nothing_imported(
    tmp_path: Path,
):
    advocate = new_archive(tmp_path / "advocate.amanat")
    key = identity.ensure(advocate.db).age_identity
    first, first_fingerprint = _stranger_bundle(tmp_path, "first", advocate)
    second, _ = _stranger_bundle(tmp_path, "second", advocate)
    delivered = tmp_path / "delivered.age"
    shutil.copy(first, delivered)
    report = verify_bundle(advocate.db, delivered, [key])
    assert report.signer.fingerprint == first_fingerprint
    shutil.copy(second, delivered)  # swapped on the memory stick after it was verified
    advocate.lock()
    before = records_digest(tmp_path / "advocate.amanat")
    with Archive.open(tmp_path / "advocate.amanat", PASSWORD) as opened:
        with pytest.raises(BundleSignerChanged, match="may have been swapped") as refused:
            import_bundle(opened.db, delivered, [key], accepted_signer=first_fingerprint)
        assert "\n" not in str(refused.value)
    assert records_digest(tmp_path / "advocate.amanat") == before
    # The fingerprint as a person types it (no spaces, Persian digits) is the same one.
    shutil.copy(first, delivered)
    typed = first_fingerprint.replace(" ", "").translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    with Archive.open(tmp_path / "advocate.amanat", PASSWORD) as opened:
        assert import_bundle(opened.db, delivered, [key], accepted_signer=typed).imported


def _round_trip(tmp_path: Path, verified: bool) -> tuple[Path, X25519Identity, Path, str, str]:
    """The advocate sends a letter to a colleague; the colleague adds a text to it and sends
    it back. Returns the advocate's folder and key, the bundle back, and the ids."""
    advocate = new_archive(tmp_path / "advocate.amanat")
    colleague = new_archive(tmp_path / "colleague.amanat")
    ours, theirs = identity.ensure(advocate.db), identity.ensure(colleague.db)
    contacts.add(colleague.db, "Advocate", ours.age_recipient, ours.signing_key, verified=True)
    contacts.add(
        advocate.db, "Colleague", theirs.age_recipient, theirs.signing_key, verified=verified
    )
    letter = documents.add(advocate.db, Document(kind=DocumentKind.LETTER, title="Our letter"))
    texts.add(advocate.db, Text(letter.id, TextKind.TRANSCRIPTION, "en", "our transcription"))
    scope = ExportScope(document_ids=(letter.id,))
    out = export_to(advocate, colleague, tmp_path / "out.age", scope)
    assert import_bundle(colleague.db, out, [theirs.age_identity]).imported
    added = texts.add(
        colleague.db, Text(letter.id, TextKind.TRANSLATION, "fa", "a translation added later")
    )
    back = export_to(colleague, advocate, tmp_path / "back.age", scope)
    advocate.lock()
    colleague.lock()
    return tmp_path / "advocate.amanat", ours.age_identity, back, letter.id, added.id


def test_an_unverified_signer_adding_to_a_record_here_is_shown_and_refused_until_confirmed(
    tmp_path: Path,
):
    folder, key, back, letter_id, text_id = _round_trip(tmp_path, verified=False)
    before = records_digest(folder)
    with Archive.open(folder, PASSWORD) as opened:
        report = verify_bundle(opened.db, back, [key])
        assert report.signer.trust is SignerTrust.UNVERIFIED_CONTACT
        assert report.additions_need_confirming
        [addition] = report.additions_to_existing
        assert (addition.record_type, addition.record_id) == ("texts", text_id)
        assert (addition.existing_type, addition.existing_id) == ("documents", letter_id)
        assert addition.existing_label == "Our letter"
        with pytest.raises(BundleAddsToExisting, match="adds 1 item"):
            import_bundle(opened.db, back, [key])
    assert records_digest(folder) == before
    with Archive.open(folder, PASSWORD) as opened:
        assert import_bundle(opened.db, back, [key], confirmed_additions=True).imported
        assert texts.get(opened.db, text_id).document_id == letter_id


def test_a_verified_contact_may_add_to_records_here_without_confirming(tmp_path: Path):
    folder, key, back, letter_id, text_id = _round_trip(tmp_path, verified=True)
    with Archive.open(folder, PASSWORD) as opened:
        report = verify_bundle(opened.db, back, [key])
        assert len(report.additions_to_existing) == 1
        assert not report.additions_need_confirming
        assert import_bundle(opened.db, back, [key]).imported
        assert texts.get(opened.db, text_id).document_id == letter_id


def test_the_command_line_lists_additions_and_imports_them_only_with_confirm_additions(
    tmp_path: Path,
):
    from tests.helpers.cli import assert_user_error, run_cli

    folder, _key, back, _letter_id, text_id = _round_trip(tmp_path, verified=False)
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD + "\n")
    common = ("--archive", folder, "--password-file", password_file)
    verified = run_cli("verify-bundle", back, *common)
    assert verified.code == 1
    assert "Adds to a record already here: texts" in verified.out and "Our letter" in verified.out
    assert "--confirm-additions" in verified.err
    assert_user_error(run_cli("import-bundle", back, *common), "adds 1 item(s)")
    imported = run_cli("import-bundle", back, "--confirm-additions", *common)
    assert imported.code == 0, imported.err
    with Archive.open(folder, PASSWORD) as opened:
        assert texts.get(opened.db, text_id).body == "a translation added later"
