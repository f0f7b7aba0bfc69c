"""The C2SP age test vectors (../shared/testdata/age/): every outcome class, exactly.

Each vector says what a conforming decryptor must do: succeed with a given plaintext, or fail
in one precise way (armor, header, HMAC, no matching identity, payload). For payload
failures, the plaintext released before the failure must still match the vector's hash.

Only the post-quantum hybrid vectors (ML-KEM-768 + X25519 identities, which Amanat does not
implement) are skipped, and a test pins that set so nothing else can be skipped silently.
"""

from __future__ import annotations

import hashlib
import io
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from amanat.core.bundle import (
    AgeArmorDamaged,
    AgeError,
    AgeHeaderDamaged,
    AgeHeaderTampered,
    AgeNoMatch,
    AgePayloadDamaged,
    Identity,
    ScryptIdentity,
    X25519Identity,
    decrypt,
)

VECTORS = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "age"

OUTCOMES: dict[str, type[AgeError] | None] = {
    "success": None,
    "armor failure": AgeArmorDamaged,
    "header failure": AgeHeaderDamaged,
    "HMAC failure": AgeHeaderTampered,
    "no match": AgeNoMatch,
    "payload failure": AgePayloadDamaged,
}
KNOWN_KEYS = {"expect", "payload", "file key", "identity", "passphrase", "armored", "compressed"}
KNOWN_KEYS |= {"comment"}


@dataclass
class Vector:
    name: str
    expect: str
    payload: str | None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    unknown_keys: list[str] = field(default_factory=list)
    age_file: bytes = b""

    @property
    def hybrid(self) -> bool:
        # Post-quantum identities are AGE-SECRET-KEY-PQ-1…; plain X25519 ones AGE-SECRET-KEY-1….
        return any(not i.startswith("AGE-SECRET-KEY-1") for i in self.identities)


def load(path: Path) -> Vector:
    text, _, body = path.read_bytes().partition(b"\n\n")
    vector = Vector(name=path.name, expect="", payload=None)
    compressed = False
    for line in text.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "expect":
            vector.expect = value
        elif key == "payload":
            vector.payload = value
        elif key == "identity":
            vector.identities.append(value)
        elif key == "passphrase":
            vector.passphrases.append(value)
        elif key == "armored":
            vector.armored = value == "yes"
        elif key == "compressed":
            assert value == "zlib", f"{path.name}: unknown compression {value!r}"
            compressed = True
        elif key not in KNOWN_KEYS:
            vector.unknown_keys.append(key)
    vector.age_file = zlib.decompress(body) if compressed else body
    return vector


def vector_paths() -> list[Path]:
    if not VECTORS.is_dir():
        return []
    return sorted(p for p in VECTORS.iterdir() if p.is_file() and p.name != "README.md")


PATHS = vector_paths()


def test_vectors_are_present() -> None:
    if not PATHS:
        message = f"the age test vectors are missing from {VECTORS}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert len(PATHS) > 100


def test_only_the_hybrid_vectors_are_skipped() -> None:
    if not PATHS:
        pytest.skip("no vectors")
    vectors = [load(p) for p in PATHS]
    skipped = {v.name for v in vectors if v.hybrid or v.unknown_keys}
    hybrid_by_name = {p.name for p in PATHS if "hybrid" in p.name}
    assert skipped == hybrid_by_name
    assert len(skipped) == 19  # C2SP CCTV commit 1e3d286: 18 hybrid_* and armor_hybrid
    assert all(v.expect in OUTCOMES for v in vectors)


def _identities(vector: Vector) -> list[Identity]:
    found: list[Identity] = [X25519Identity.parse(i) for i in vector.identities]
    # The vectors' highest work factor that must succeed is small; 22 is the default cap and
    # scrypt_work_factor_23 must be refused by it.
    found += [ScryptIdentity(p) for p in vector.passphrases]
    return found


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_vector(path: Path) -> None:
    vector = load(path)
    if vector.hybrid:
        pytest.skip("post-quantum hybrid (ML-KEM-768 + X25519) identities are not implemented")
    if vector.unknown_keys:
        pytest.skip(f"unknown vector keys {vector.unknown_keys}")
    expected = OUTCOMES[vector.expect]
    released = hashlib.sha256()
    outcome: AgeError | None = None
    try:
        reader = decrypt(io.BytesIO(vector.age_file), _identities(vector), armored=vector.armored)
        while chunk := reader.read(64 * 1024):
            released.update(chunk)
        assert reader.complete
    except AgeError as error:
        outcome = error

    if expected is None:
        assert outcome is None, f"expected success, got {outcome!r}"
    else:
        assert isinstance(outcome, expected), f"expected {expected.__name__}, got {outcome!r}"
        others = [c for c in OUTCOMES.values() if c is not None and c is not expected]
        assert not isinstance(outcome, tuple(others))
    if vector.payload is not None and expected in (None, AgePayloadDamaged):
        assert released.hexdigest() == vector.payload
