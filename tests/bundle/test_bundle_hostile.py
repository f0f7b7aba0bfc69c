"""Hostile and damaged bundles: each gets one clear sentence, and the archive is exactly as
it was before (every row of every table, by tests.helpers.archives.records_digest)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from amanat.core.bundle import (
    AgeError,
    AgeHeaderDamaged,
    AgeNoMatch,
    AgeWorkFactorTooHigh,
    AgeWrongPassphrase,
    Identity,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    contacts,
    encrypt,
    identity,
)
from amanat.core.bundle.age import MAX_STANZAS
from amanat.core.bundle.container import TarWriter
from amanat.core.bundle.export import ExportScope, plan_export, write_bundle
from amanat.core.bundle.importer import SignerTrust, import_bundle, verify_bundle
from amanat.core.bundle.manifest import VERSION
from amanat.core.errors import (
    AmanatError,
    BundleBadSignature,
    BundleDamaged,
    BundleTooNew,
    BundleUnknownSigner,
)
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import Members, export_to, fill, new_archive, repack, resign

MB = 1024 * 1024


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


def _refused(
    setup: Setup,
    bundle: Path,
    error: type[AmanatError] = AmanatError,
    identities: Sequence[Identity] | None = None,
) -> str:
    """Import must fail with ``error``, in one sentence, and change nothing."""
    before = records_digest(setup.advocate)
    with Archive.open(setup.advocate, PASSWORD) as opened, pytest.raises(error) as raised:
        import_bundle(opened.db, bundle, identities or [setup.key])
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
        # Accepting the signer explicitly, by the fingerprint compared, imports it.
        assert import_bundle(opened.db, path, [setup.key], accepted_signer=fingerprint).imported


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


# --- The rest of the list of bad input ----------------------------------------------


def test_a_wrong_passphrase_gets_one_sentence(setup: Setup):
    path = setup.tmp / "pass.age"
    plan = plan_export(setup.sender.db, _scope_of(setup.sender))
    write_bundle(setup.sender.db, plan, path, [ScryptRecipient("right one", work_factor=10)])
    message = _refused(setup, path, AgeWrongPassphrase, [ScryptIdentity("wrong one")])
    assert "passphrase" in message


def test_data_appended_after_the_bundle_is_refused(setup: Setup):
    data = setup.bundle.read_bytes() + b"appended by someone"
    message = _refused(setup, _write(setup, "longer.age", data), AgeError)
    assert "damaged" in message or "changed" in message


def _passphrase_bundle(setup: Setup, work_factor: str) -> Path:
    """A passphrase bundle whose header claims ``work_factor``: the header's checksum no
    longer matches, but the claim must be refused before anything is derived from it."""
    path = setup.tmp / "pass.age"
    plan = plan_export(setup.sender.db, _scope_of(setup.sender))
    write_bundle(setup.sender.db, plan, path, [ScryptRecipient("right one", work_factor=10)])
    data = path.read_bytes()
    first, rest = data.split(b"\n", 1)
    stanza, rest = rest.split(b"\n", 1)
    assert stanza.startswith(b"-> scrypt ") and stanza.endswith(b" 10")
    return _write(setup, "heavy.age", b"\n".join([first, stanza[:-2] + work_factor.encode(), rest]))


@pytest.mark.parametrize("work_factor", ["21", "23", "30"])
def test_a_work_factor_above_the_limit_is_refused_before_any_work(setup: Setup, work_factor: str):
    path = _passphrase_bundle(setup, work_factor)
    started = time.perf_counter()
    message = _refused(setup, path, AgeWorkFactorTooHigh, [ScryptIdentity("right one")])
    assert time.perf_counter() - started < 5  # 2^23 alone would take 8 GiB and many seconds
    assert f"work factor {work_factor}" in message


def test_too_many_recipients_are_refused_before_any_is_tried(setup: Setup):
    data = setup.bundle.read_bytes()
    first, rest = data.split(b"\n", 1)
    stanza_end = rest.index(b"\n---")
    stanzas = rest[: stanza_end + 1]  # our one X25519 stanza, with its body line
    many = first + b"\n" + stanzas * (MAX_STANZAS + 1) + rest[stanza_end + 1 :]
    message = _refused(setup, _write(setup, "crowd.age", many), AgeHeaderDamaged)
    assert f"more than {MAX_STANZAS} recipients" in message
    # Writing is bounded alike, so Amanat never makes a bundle it would refuse.
    plan = plan_export(setup.sender.db, _scope_of(setup.sender))
    crowd = [X25519Identity.generate().recipient() for _ in range(MAX_STANZAS + 1)]
    with pytest.raises(ValueError):
        write_bundle(setup.sender.db, plan, setup.tmp / "crowd-out.age", crowd)
    assert not (setup.tmp / "crowd-out.age").exists()


def test_a_missing_signature_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [(n, d) for n, d in listed if n != "manifest.sig"]

    assert "manifest.sig" in _refused(setup, _tampered(setup, change), BundleDamaged)


def test_a_signature_by_another_key_is_refused(setup: Setup):
    stranger = Ed25519PrivateKey.generate()

    def change(listed: Members) -> Members:
        manifest = dict(listed)["manifest.json"]
        forged = base64.b64encode(stranger.sign(manifest)) + b"\n"
        return [(n, forged if n == "manifest.sig" else d) for n, d in listed]

    assert "signature" in _refused(setup, _tampered(setup, change), BundleBadSignature)


def _resigned(setup: Setup, edit: Callable[[dict[str, Any]], object]) -> Path:
    """The bundle with its manifest changed by ``edit`` and signed again with the sender's
    real key: what a sender's bug, or someone holding the sender's key, could make."""

    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        edit(manifest)
        return resign(setup.sender, listed, json.dumps(manifest).encode())

    return _tampered(setup, change)


def test_a_manifest_that_lists_a_file_twice_is_refused(setup: Setup):
    path = _resigned(setup, lambda m: m["files"].append(dict(m["files"][-1])))
    assert "names a file twice" in _refused(setup, path, BundleDamaged)


def test_a_signed_manifest_missing_a_file_that_is_there_is_refused(setup: Setup):
    def edit(manifest: dict[str, Any]) -> None:
        manifest["files"] = [e for e in manifest["files"] if not e["path"].startswith("files/")]

    assert "does not name" in _refused(setup, _resigned(setup, edit), BundleDamaged)


def test_a_wrong_hash_for_a_page_file_is_refused(setup: Setup):
    def change(listed: Members) -> Members:
        return [
            (n, d[:-1] + bytes([d[-1] ^ 1]) if n.startswith("files/") else d) for n, d in listed
        ]

    assert "SHA-256" in _refused(setup, _tampered(setup, change), BundleDamaged)


@pytest.mark.parametrize("name", ["/etc/passwd", "/records/people/x.json", "files/../../x"])
def test_absolute_and_climbing_names_are_refused(setup: Setup, name: str):
    def change(listed: Members) -> Members:
        return [*listed, (name, b"{}")]

    assert "does not name" in _refused(setup, _tampered(setup, change), BundleDamaged)
    signed = _resigned(setup, lambda m: m["files"].append({"path": name, "sha256": "0" * 64,
                                                            "size": 2}))  # fmt: skip
    assert "cannot be in a bundle" in _refused(setup, signed, BundleDamaged)


@pytest.mark.parametrize(
    "kind",
    [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE, tarfile.BLKTYPE, tarfile.FIFOTYPE,
     tarfile.DIRTYPE, tarfile.XHDTYPE, tarfile.GNUTYPE_LONGNAME],
)  # fmt: skip
def test_links_devices_and_other_entries_are_refused(setup: Setup, kind: bytes):
    info = tarfile.TarInfo("files/" + "b" * 64)
    info.type = kind
    info.linkname = "/etc/passwd" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
    info.devmajor = info.devminor = 1
    header = info.tobuf(format=tarfile.USTAR_FORMAT)
    path = _tampered(setup, lambda listed: listed, raw_tail=header + bytes(1024))
    assert "other than plain files" in _refused(setup, path, BundleDamaged)


def test_a_manifest_of_100_mb_is_refused_unread(setup: Setup):
    path = setup.tmp / "huge-manifest.age"
    with (
        open(path, "wb") as handle,
        encrypt(handle, [setup.key.recipient()]) as writer,
        TarWriter(writer, 0) as tar,
    ):
        tar.add("manifest.json", b'{"format": "amanat-bundle", ' + bytes(100 * MB))
    message = _refused(setup, path, BundleDamaged)
    assert "manifest.json is larger than Amanat accepts" in message


def test_an_unknown_format_version_is_refused(setup: Setup):
    def edit(manifest: dict[str, Any]) -> None:
        manifest["version"] = VERSION + 1

    message = _refused(setup, _resigned(setup, edit), BundleTooNew)
    assert "newer version of Amanat" in message


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m.update(files={"README.txt": 1}),
        lambda m: m["files"][0].update(size="12"),
        lambda m: m["files"][0].update(size=True),
        lambda m: m["files"][0].update(sha256=12),
        lambda m: m.update(sender=["an", "array"]),
        lambda m: m.update(created=20240101),
        lambda m: m.update(scope="everything"),
        lambda m: m.update(version="1"),
    ],
)
def test_a_manifest_with_wrong_types_is_refused(setup: Setup, edit: Callable[[Any], object]):
    assert "malformed" in _refused(setup, _resigned(setup, edit), BundleDamaged)


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.update(title=["a", "list"]),
        lambda r: r.update(date="yesterday"),
        lambda r: r.update(concerned_ids="not-a-list"),
        lambda r: r.update(kind=7),
    ],
)
def test_records_with_wrong_types_are_refused(setup: Setup, change: Callable[[Any], object]):
    def altered(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        name = next(n for n, _ in listed if n.startswith("records/documents/"))
        record = json.loads(dict(listed)[name])
        change(record)
        bad = json.dumps(record).encode()
        for entry in manifest["files"]:
            if entry["path"] == name:
                entry["sha256"], entry["size"] = hashlib.sha256(bad).hexdigest(), len(bad)
        out = [(n, bad if n == name else d) for n, d in listed]
        return resign(setup.sender, out, json.dumps(manifest).encode())

    assert "not a valid record" in _refused(setup, _tampered(setup, altered), BundleDamaged)


TINY_ENTRIES = 100_000


def test_100000_tiny_entries_after_the_manifest_are_refused_at_the_first(setup: Setup):
    tail = bytearray()
    for number in range(TINY_ENTRIES):
        info = tarfile.TarInfo(f"files/{number:064x}")
        info.size = 1
        tail += info.tobuf(format=tarfile.USTAR_FORMAT) + b"x" + bytes(511)
    path = _tampered(setup, lambda listed: listed, raw_tail=bytes(tail) + bytes(1024))
    started = time.perf_counter()
    assert "does not name" in _refused(setup, path, BundleDamaged)
    assert time.perf_counter() - started < 30


def test_100000_tiny_entries_in_a_signed_manifest_are_refused_unread(setup: Setup):
    """Signed and listed, so each would be read, checked and stored: the list of contents is
    refused for its length before any of them is."""
    tiny = [f"{number}".encode() for number in range(TINY_ENTRIES)]
    named = [(f"files/{hashlib.sha256(d).hexdigest()}", d) for d in tiny]

    def change(listed: Members) -> Members:
        manifest = json.loads(dict(listed)["manifest.json"])
        manifest["files"] += [{"path": n, "sha256": n[6:], "size": len(d)} for n, d in named]
        return resign(setup.sender, listed, json.dumps(manifest).encode()) + named

    path = _tampered(setup, change)
    started = time.perf_counter()
    message = _refused(setup, path, BundleDamaged)
    assert "more than 100,000 files" in message
    assert time.perf_counter() - started < 30


# --- Parse limits (security review, finding 8) ---------------------------------------------


def test_the_manifest_cap_is_what_the_most_entries_need_and_no_more():
    from amanat.core.bundle import manifest as manifests

    longest = "records/annotations/" + "0" * 8 + "-0000" * 3 + "-" + "0" * 12 + ".json"
    assert manifests.allowed_path(longest)
    largest = manifests.Manifest(
        created=datetime.datetime.now(datetime.UTC),
        sender_archive_id="0" * 36,
        signing_key=bytes(32),
        scope={"person_id": "0" * 36, "since": "2020-01-01", "until": "2024-12-31"},
        redaction={"hold_back_tags": ["0" * 36] * 100},
        files=tuple(
            manifests.FileEntry(longest, "0" * 64, manifests.MAX_RECORD_BYTES)
            for _ in range(manifests.MAX_ENTRIES)
        ),
    ).to_bytes()
    assert len(largest) <= manifests.MAX_MANIFEST_BYTES <= 27 * MB


def _nested_manifest(setup: Setup, nested: bytes) -> Path:
    def change(listed: Members) -> Members:
        manifest = dict(listed)["manifest.json"]
        hostile = manifest.replace(b'"redaction": {', b'"redaction": {"x": ' + nested + b", ", 1)
        assert hostile != manifest
        return resign(setup.sender, listed, hostile)

    return _tampered(setup, change)


@pytest.mark.parametrize("depth", [200_000, 2_000])
def test_a_manifest_nested_deep_is_damaged_not_a_crash(setup: Setup, depth: int):
    bundle = _nested_manifest(setup, b"[" * depth + b"]" * depth)
    assert "list of contents" in _refused(setup, bundle, BundleDamaged)


def test_a_record_nested_deep_is_damaged_not_a_crash():
    from amanat.core.bundle import record_json

    with pytest.raises(ValueError):
        record_json.decode(b'{"a": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")


@pytest.mark.parametrize("work_factor", ["9" * 5000, "100", "0018"])
def test_a_work_factor_of_many_digits_is_damage_not_a_raw_error(setup: Setup, work_factor: str):
    path = _passphrase_bundle(setup, work_factor)
    message = _refused(setup, path, AgeHeaderDamaged, [ScryptIdentity("right one")])
    assert "work factor" in message and len(message) < 300
