"""Key derivation remembered for the whole test session.

Argon2id at the floor (64 MiB, three passes, four lanes) takes about a third of a second on
two cores, and nearly every test opens an archive copied from the same template with the same
password: the same derivation, thousands of times. A passphrase bundle's scrypt (2^18, 256 MiB)
costs more still, and the bundle tests open each one several times. Derivation is a pure
function of its parameters, secret and salt, so remembering its results changes no outcome: a
wrong password or a new salt is still derived afresh and still fails or succeeds as it would.
Tests marked ``real_kdf`` (calibration, unlocking that must take its time, memory) derive
every time, and subprocesses always do. This is test-only code: the product never keeps a
derived key.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from amanat.core.bundle import age
from amanat.core.keyslots import KdfParams

MARKER = "real_kdf"

real_derive = KdfParams.derive
real_scrypt = age._scrypt_key
_remembered: dict[tuple[object, bytes, bytes], bytes] = {}


def _remembered_derive(params: KdfParams, secret: bytes, salt: bytes) -> bytearray:
    key = (params, bytes(secret), bytes(salt))
    derived = _remembered.get(key)
    if derived is None:
        derived = _remembered[key] = bytes(real_derive(params, secret, salt))
    # A copy each time, of the type the product gets: the caller wipes what it is given.
    return bytearray(derived)


def _remembered_scrypt(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    key = (("scrypt", work_factor), bytes(passphrase), bytes(salt))
    derived = _remembered.get(key)
    if derived is None:
        derived = _remembered[key] = real_scrypt(passphrase, salt, work_factor)
    return derived


@contextmanager
def remembering() -> Iterator[None]:
    """Every derivation in this process is remembered until the block ends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(KdfParams, "derive", _remembered_derive)
        patch.setattr(age, "_scrypt_key", _remembered_scrypt)
        try:
            yield
        finally:
            _remembered.clear()


def derive_for_real(monkeypatch: pytest.MonkeyPatch) -> None:
    """For one test: every derivation runs Argon2id, as the product does."""
    monkeypatch.setattr(KdfParams, "derive", real_derive)
    monkeypatch.setattr(age, "_scrypt_key", real_scrypt)
