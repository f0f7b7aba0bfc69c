"""The archive's own keys: an Ed25519 key that signs the bundles it sends, and an X25519 (age)
key that opens the bundles sent to it. Both are kept only inside the encrypted database, and
made the first time they are needed (archives made before bundles existed have none).

The fingerprint people compare over the phone is SHA-256 of the Ed25519 public key, its first
80 bits written as six groups of four decimal digits (the 80-bit number modulo 10^24, so
about 79.7 bits): digits read aloud the same way in Persian and English, unlike the letters
of hex or base32, and 2^79 tries to forge a matching key is far beyond any adversary.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import uuid
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from amanat.core import audit
from amanat.core.bundle.age import (
    AgeInvalidKey,
    X25519Identity,
    _bech32_decode,
    _bech32_encode,
)
from amanat.core.database import Database
from amanat.core.errors import Detail, InvalidSigningKey
from amanat.core.records import now
from amanat.core.storage.columns import time_from, time_text

SIGNING_KEY_PREFIX = "amanatsign"
"""Signing keys are written like age keys (Bech32, so a mistyped character is caught), with
this prefix: ``amanatsign1…``."""

_FINGERPRINT_GROUPS = 6


@dataclass(frozen=True, slots=True)
class ArchiveIdentity:
    signing_secret: bytes = field(repr=False)
    age_secret: bytes = field(repr=False)
    created: datetime.datetime

    @property
    def signing_public(self) -> bytes:
        return (
            Ed25519PrivateKey.from_private_bytes(self.signing_secret)
            .public_key()
            .public_bytes_raw()
        )

    @property
    def signing_key(self) -> str:
        """The public signing key as text, for a contact's --signing-key."""
        return format_signing_key(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)

    @property
    def age_identity(self) -> X25519Identity:
        return X25519Identity(X25519PrivateKey.from_private_bytes(self.age_secret))

    @property
    def age_recipient(self) -> str:
        """The ``age1…`` public key others encrypt bundles to."""
        return self.age_identity.recipient().to_string()

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.signing_secret).sign(message)

    def pseudonym_id(self, person_id: str) -> str:
        """A stable id for a person who leaves under a pseudonym: the same in every bundle
        from this archive, so an advocate's records stay together, yet unlinkable to the real
        id (which may leave unredacted in another bundle) without this archive's secret."""
        digest = hmac.new(self.signing_secret, b"pseudonym:" + person_id.encode(), "sha256")
        return str(uuid.UUID(bytes=digest.digest()[:16], version=4))


def existing(db: Database) -> ArchiveIdentity | None:
    """The archive's keys if it has made them; reading never makes them."""
    row = db.one("SELECT signing_key, age_key, created FROM identity WHERE id = 1")
    if row is None:
        return None
    return ArchiveIdentity(bytes(row[0]), bytes(row[1]), time_from(row[2]))


def ensure(db: Database) -> ArchiveIdentity:
    """The archive's keys, made now (with an audit entry) if it has none yet."""
    with db.transaction():
        found = existing(db)
        if found is not None:
            return found
        made = ArchiveIdentity(
            Ed25519PrivateKey.generate().private_bytes_raw(),
            X25519PrivateKey.generate().private_bytes_raw(),
            now(),
        )
        db.execute(
            "INSERT INTO identity (id, signing_key, age_key, created) VALUES (1, ?, ?, ?)",
            (made.signing_secret, made.age_secret, time_text(made.created)),
        )
        archive_id = str(db.value("SELECT value FROM meta WHERE key = 'archive_id'"))
        audit.append(
            db,
            "keys-made",
            "archive",
            archive_id,
            f"made the archive's bundle keys (fingerprint {made.fingerprint})",
        )
        return made


def fingerprint(public_key: bytes) -> str:
    number = int.from_bytes(hashlib.sha256(public_key).digest()[:10], "big")
    digits = f"{number % 10 ** (4 * _FINGERPRINT_GROUPS):0{4 * _FINGERPRINT_GROUPS}d}"
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def format_signing_key(public_key: bytes) -> str:
    return _bech32_encode(SIGNING_KEY_PREFIX, public_key)


def public_key_pem(public_key: bytes) -> bytes:
    """The public signing key as PEM (SubjectPublicKeyInfo), the form OpenSSL reads, so that
    a bundle's signature can be checked without Amanat."""
    return Ed25519PublicKey.from_public_bytes(public_key).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _key_detail(error: AgeInvalidKey) -> Detail:
    """Why the bech32 text was refused, as age's key check phrased it."""
    detail = error.values.get("detail")
    return detail if isinstance(detail, Detail) else Detail("key-malformed")


def parse_signing_key(text: str) -> bytes:
    try:
        prefix, data = _bech32_decode(text.strip())
    except AgeInvalidKey as error:
        raise InvalidSigningKey(detail=_key_detail(error)) from None
    if prefix != SIGNING_KEY_PREFIX:
        raise InvalidSigningKey(detail=Detail("key-starts-with", prefix=prefix))
    if len(data) != 32:
        raise InvalidSigningKey(detail=Detail("key-wrong-length"))
    return data


def signature_valid(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
