"""Bundles: encrypted, signed exports an advocate abroad can open (see DESIGN.md, "Bundles").

The encryption layer is a standard age v1 file: :mod:`.age` (keys, stanzas, header),
:mod:`.age_armor` (ASCII armor) and :mod:`.age_stream` (payload, ``encrypt``/``decrypt``).
"""

from __future__ import annotations

from amanat.core.bundle.age import (
    AgeArmorDamaged,
    AgeError,
    AgeHeaderDamaged,
    AgeHeaderTampered,
    AgeInvalidKey,
    AgeNoMatch,
    AgeNotAgeFile,
    AgePayloadDamaged,
    AgePayloadTruncated,
    AgeUnsupportedVersion,
    AgeWorkFactorTooHigh,
    AgeWrongPassphrase,
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    Stanza,
    X25519Identity,
    X25519Recipient,
)
from amanat.core.bundle.age_stream import (
    CHUNK_SIZE,
    AgeReader,
    AgeWriter,
    decrypt,
    decrypt_bytes,
    encrypt,
    encrypt_bytes,
)

__all__ = [
    "CHUNK_SIZE",
    "AgeArmorDamaged",
    "AgeError",
    "AgeHeaderDamaged",
    "AgeHeaderTampered",
    "AgeInvalidKey",
    "AgeNoMatch",
    "AgeNotAgeFile",
    "AgePayloadDamaged",
    "AgePayloadTruncated",
    "AgeReader",
    "AgeUnsupportedVersion",
    "AgeWorkFactorTooHigh",
    "AgeWriter",
    "AgeWrongPassphrase",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_bytes",
    "encrypt",
    "encrypt_bytes",
]
