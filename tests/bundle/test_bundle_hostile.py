"""Hostile and damaged bundles: each gets one clear sentence, and the archive is exactly as
it was before (every row of every table, by tests.conftest.records_digest)."""

from __future__ import annotations

import hashlib
import json
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from amanat.core.bundle import (
    AgeError,
    AgeNoMatch,
    AgeWrongPassphrase,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    contacts,
    identity,
)
from amanat.core.bundle.export import ExportScope, plan_export, write_bundle
from amanat.core.bundle.importer import SignerTrust, import_bundle, verify_bundle
from amanat.core.errors import AmanatError, BundleDamaged, BundleUnknownSigner
from amanat.core.vault import Archive
from tests.bundle.bundle_helpers import Members, export_to, fill, new_archive, repack, resign
from tests.conftest import PASSWORD, records_digest


@dataclass
class Setup:
    sender: Archive
    advocate: Path
    key: X25519Identity
    bundle: Path
    tmp: Path


@pytest.fixture
def setup(archive: Archive, tmp_path: Path) -> Setup:
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
    )
    key = identity.ensure(advocate.db).age_identity
    advocate.lock()
    return Setup(archive, tmp_path / "advocate.amanat", key, bundle, tmp_path)


def _refused(setup: Setup, bundle: Path, error: type[AmanatError] = AmanatError) -> str:
    """Import must fail with ``error``, in one sentence, and change nothing."""
    before = records_digest(setup.advocate)
    with Archive.open(setup.advocate, PASSWORD) as opened, pytest.raises(error) as raised:
        import_bundle(opened.db, bundle, [setup.key])
    assert records_digest(setup.advocate) == before
    message = str(raised.value)
    assert "\n" not in message and message.endswith(".")
    return message


def _write(setup: Setup, name: str, data: bytes) -> Path:
    path = setup.tmp / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("where", [10, 200, 5000, -20, -1])
def test_a_flipped_byte_anywhere_is_refused_and_nothing_imported(setup: Setup, where: int):
    data = bytearray(setup.bundle.read_bytes())
    data[where] ^= 0x01
    _refused(setup, _write(setup, "flipped.age", bytes(data)), AgeError)


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_a_truncated_bundle_is_refused_and_nothing_imported(setup: Setup, keep: float):
    data = setup.bundle.read_bytes()
    message = _refused(setup, _write(setup, "cut.age", data[: int(len(data) * keep)]), AgeError)
    assert "incomplete" in message or "damaged" in message


def test_a_wrong_passphrase_is_refused(setup: Setup):
    path = setup.tmp / "pass.age"
    plan = plan_export(setup.sender.db, _scope_of(setup.sender))
    write_bundle(setup.sender.db, plan, path, [ScryptRecipient("right one", work_factor=10)])
    before = records_digest(setup.advocate)
    with Archive.open(setup.advocate, PASSWORD) as opened, pytest.raises(AgeWrongPassphrase):
        import_bundle(opened.db, path, [ScryptIdentity("wrong one")])
    assert records_digest(setup.advocate) == before


def test_a_bundle_for_someone_else_is_refused(setup: Setup):
    stranger = X25519Identity.generate()
    path = setup.tmp / "other.age"
    plan = plan_export(setup.sender.db, _scope_of(setup.sender))
    write_bundle(setup.sender.db, plan, path, [stranger.recipient()])
    _refused(setup, path, AgeNoMatch)


def test_a_bundle_signed_by_an_unknown_key_is_reported_and_refused(setup: Setup, tmp_path: Path):
    with new_archive(tmp_path / "stranger.amanat") as stranger:
        fill(stranger)
        plan = plan_export(stranger.db, _scope_of(stranger))
        path = tmp_path / "stranger.age"
        write_bundle(stranger.db, plan, path, [setup.key.recipient()])
        fingerprint = identity.ensure(stranger.db).fingerprint
    message = _refused(setup, path, BundleUnknownSigner)
    assert fingerprint in message
    with Archive.open(setup.advocate, PASSWORD) as opened:
        report = verify_bundle(opened.db, path, [setup.key])
        assert report.signer.trust is SignerTrust.UNKNOWN
        assert report.signer.fingerprint == fingerprint
        # Accepting the signer explicitly imports it.
        assert import_bundle(opened.db, path, [setup.key], accept_unknown_signer=True).imported


def _scope_of(archive: Archive) -> ExportScope:
    row = archive.db.one("SELECT id FROM documents WHERE kind = 'letter'")
    assert row is not None
    return ExportScope(document_ids=(row[0],))


def _tampered(setup: Setup, change: Callable[[Members], Members], **options: object) -> Path:
    return repack(setup.bundle, setup.key, change, setup.tmp / "tampered.age", **options)  # type: ignore[arg-type]


def test_a_record_changed_after_signing_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [
            (n, d.replace(b"hunger strike", b"hunger strikE") if "texts/" in n else d)
            for n, d in listed
        ]

    message = _refused(setup, _tampered(setup, change), BundleDamaged)
    assert "SHA-256" in message


def test_a_manifest_changed_after_signing_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [(n, d.replace(b'"audit": false', b'"audit": true ')) for n, d in listed]

    assert "signature" in _refused(setup, _tampered(setup, change))


def test_a_path_traversal_name_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [*listed, ("../../records/evil.json", b"{}")]

    assert "does not name" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_signed_manifest_naming_a_path_traversal_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        manifest["files"].append({"path": "../evil.json", "sha256": "0" * 64, "size": 2})
        data = json.dumps(manifest).encode()
        return [*resign(setup.sender, listed, data), ("../evil.json", b"{}")]

    assert "cannot be in a bundle" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_record_named_after_another_id_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        texts = [e for e in manifest["files"] if e["path"].startswith("records/texts/")]
        texts[0]["path"], texts[1]["path"] = texts[1]["path"], texts[0]["path"]
        swap = {texts[0]["path"]: texts[1]["path"], texts[1]["path"]: texts[0]["path"]}
        renamed = [(swap.get(n, n), d) for n, d in listed]
        return resign(setup.sender, renamed, json.dumps(manifest).encode())

    assert "another id" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_huge_declared_size_in_the_manifest_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        entry = next(e for e in manifest["files"] if e["path"].startswith("files/"))
        entry["size"] = 10**15
        return resign(setup.sender, listed, json.dumps(manifest).encode())

    assert "more than Amanat accepts" in _refused(setup, _tampered(setup, change))


def test_a_huge_declared_size_in_a_tar_header_is_refused(setup: Setup):
    info = tarfile.TarInfo("README.txt")
    info.size = 8 * 1024**3 - 1  # the largest ustar size; no data follows
    header = info.tobuf(format=tarfile.USTAR_FORMAT)

    def change(listed: Members) -> Members:
        return [(n, d) for n, d in listed if n != "README.txt"]

    path = _tampered(setup, change, raw_tail=header)
    assert "size" in _refused(setup, path, BundleDamaged)


def test_duplicate_members_are_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [*listed, next((n, d) for n, d in listed if "records/people/" in n)]

    assert "twice" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_member_not_in_the_manifest_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [*listed, ("files/" + "a" * 64, b"surprise")]

    assert "does not name" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_missing_member_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [(n, d) for n, d in listed if not n.startswith("records/documents/")]

    assert "missing" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_member_before_the_manifest_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return list(reversed(listed))

    assert "manifest.json" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_record_that_points_nowhere_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        listed = [(n, d) for n, d in listed if not n.startswith("records/people/")]
        manifest = json.loads(dict(listed)["manifest.json"])
        manifest["files"] = [e for e in manifest["files"] if "records/people/" not in e["path"]]
        return resign(setup.sender, listed, json.dumps(manifest).encode())

    assert "neither in the bundle" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_malformed_record_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        name = next(n for n, _ in listed if n.startswith("records/documents/"))
        bad = json.dumps({"id": name[-41:-5], "title": 5}).encode()
        for entry in manifest["files"]:
            if entry["path"] == name:
                entry["sha256"], entry["size"] = hashlib.sha256(bad).hexdigest(), len(bad)
        changed = [(n, bad if n == name else d) for n, d in listed]
        return resign(setup.sender, changed, json.dumps(manifest).encode())

    assert "not a valid record" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_junk_after_the_end_of_the_tar_is_refused(setup: Setup):
    path = _tampered(setup, lambda listed: listed, raw_tail=bytes(1024) + b"junk" + bytes(508))
    _refused(setup, path, BundleDamaged)


def test_an_untouched_repack_still_imports(setup: Setup):
    """The tampering helper itself changes nothing that matters: the tests above fail for
    their one change, not for the repacking."""
    path = _tampered(setup, lambda listed: listed)
    with Archive.open(setup.advocate, PASSWORD) as opened:
        assert import_bundle(opened.db, path, [setup.key]).imported


def test_not_a_bundle_at_all_is_refused(setup: Setup):
    _refused(setup, _write(setup, "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(100)), AgeError)
