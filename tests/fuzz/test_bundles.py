"""Fuzzing bundle import: mutated age headers and stanzas, mutated encrypted payload, mutated
tar headers inside (encrypted again, as anyone with the recipient's public key can), and a
mutated manifest signed again by the sender (a malicious sender). Each bundle is imported or
refused with one sentence, and a refused one changes nothing."""

from __future__ import annotations

import hashlib
import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from amanat.core.bundle import X25519Identity, contacts, decrypt, encrypt, identity
from amanat.core.bundle.export import ExportScope
from amanat.core.bundle.importer import import_bundle
from amanat.core.check import check
from amanat.core.database import Database
from amanat.core.errors import AmanatError
from amanat.core.vault import Archive
from tests.fuzz import harness
from tests.helpers.bundles import export_to, fill, new_archive, resign

CASES = 150


@dataclass
class Setup:
    sender: Archive
    advocate: Archive
    key: X25519Identity
    bundle: bytes
    plain: bytes
    header_end: int
    folder: Path


@pytest.fixture
def setup(archive: Archive, tmp_path: Path) -> Iterator[Setup]:
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    path = export_to(archive, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner))
    key = identity.ensure(advocate.db).age_identity
    data = path.read_bytes()
    with open(path, "rb") as handle:
        plain = decrypt(handle, [key]).read()
    header_end = data.index(b"\n---") + 4 + 44  # the MAC line: "--- " and 43 characters
    try:
        yield Setup(archive, advocate, key, data, plain, header_end, tmp_path)
    finally:
        advocate.lock()


def state(db: Database) -> str:
    """A digest of every row of every table: proves a refused bundle changed nothing."""
    digest = hashlib.sha256()
    tables = db.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    for (table,) in tables:
        for row in sorted(repr(tuple(r)) for r in db.all(f'SELECT * FROM "{table}"')):
            digest.update(row.encode())
    return digest.hexdigest()


def importer(setup: Setup) -> harness.Check:
    path = setup.folder / "case.age"

    def one(bundle: bytes) -> str:
        path.write_bytes(bundle)
        before = state(setup.advocate.db)
        try:
            import_bundle(setup.advocate.db, path, [setup.key])
        except AmanatError as error:
            message = str(error)
            assert "\n" not in message and message.endswith("."), message
            assert state(setup.advocate.db) == before
            return "refused"
        return "imported"

    return one


def encrypted(setup: Setup, plain: bytes) -> bytes:
    out = io.BytesIO()
    with encrypt(out, [setup.key.recipient()]) as writer:
        writer.write(plain)
    return out.getvalue()


def checker(setup: Setup, target: str) -> harness.Check:
    """What each target's input is: the bundle itself, its plain tar, or its manifest."""
    one = importer(setup)
    if target in ("bundle-age-header", "bundle-payload"):
        return one
    if target == "bundle-tar":
        return lambda plain: one(encrypted(setup, plain))

    def with_manifest(manifest: bytes) -> str:
        with tarfile.open(fileobj=io.BytesIO(setup.plain), mode="r:") as tar:
            listed = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
            for name, data in resign(setup.sender, listed, manifest):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        return one(encrypted(setup, buffer.getvalue()))

    return with_manifest


def manifest_of(plain: bytes) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        extracted = tar.extractfile("manifest.json")
        assert extracted is not None
        return extracted.read()


TARGETS = ("bundle-age-header", "bundle-payload", "bundle-tar", "bundle-manifest")


@pytest.mark.parametrize("target", TARGETS)
def test_mutated_bundles_are_imported_or_refused_and_change_nothing(setup: Setup, target: str):
    strategies = {
        "bundle-age-header": harness.mutated(setup.bundle, (0, setup.header_end)),
        "bundle-payload": harness.mutated(setup.bundle, (setup.header_end, len(setup.bundle))),
        # The tar's headers and the manifest and signature come first; a photo follows.
        "bundle-tar": harness.mutated(setup.plain, (0, 4096)),
        "bundle-manifest": harness.mutated(manifest_of(setup.plain)),
    }
    cases = harness.examples(CASES)
    outcomes = harness.run(target, strategies[target], checker(setup, target), cases)
    assert sum(outcomes.values()) >= cases
    assert check(setup.advocate.db).healthy


@pytest.mark.parametrize("target", TARGETS)
def test_saved_bundle_cases_still_pass(setup: Setup, target: str):
    one = checker(setup, target)
    for path in harness.saved(target):
        one(path.read_bytes())
    assert check(setup.advocate.db).healthy
