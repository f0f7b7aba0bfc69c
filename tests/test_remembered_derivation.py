"""The suite's memory of derived keys (tests/helpers/kdf.py) gives exactly the keys Argon2id
and scrypt derive, derives anew for any other secret or salt, and stands aside for tests
marked ``real_kdf``."""

from __future__ import annotations

import os

import pytest

from amanat.core.bundle import age
from amanat.core.keyslots import FLOOR
from tests.helpers import kdf


def test_a_remembered_key_is_the_key_argon2id_derives(monkeypatch: pytest.MonkeyPatch) -> None:
    derived: list[bytes] = []
    real = kdf.real_derive

    def counting(params: object, secret: bytes, salt: bytes) -> bytearray:
        derived.append(secret)
        return real(FLOOR, secret, salt)

    monkeypatch.setattr(kdf, "real_derive", counting)
    salt = os.urandom(16)
    first = FLOOR.derive(b"secret", salt)
    again = FLOOR.derive(b"secret", salt)
    assert derived == [b"secret"]  # from memory, not derived again
    assert again == first and again is not first  # a copy: the product wipes what it gets
    first[:] = bytes(len(first))
    assert FLOOR.derive(b"secret", salt) == again
    assert again == real(FLOOR, b"secret", salt)
    assert FLOOR.derive(b"another secret", salt) != first
    assert FLOOR.derive(b"secret", os.urandom(16)) != first


def test_a_remembered_scrypt_key_is_the_key_scrypt_derives() -> None:
    salt = os.urandom(16)
    first = age._scrypt_key(b"passphrase", salt, 10)
    assert age._scrypt_key(b"passphrase", salt, 10) is first
    assert first == kdf.real_scrypt(b"passphrase", salt, 10)
    assert age._scrypt_key(b"another passphrase", salt, 10) != first
    assert age._scrypt_key(b"passphrase", salt, 11) != first


@pytest.mark.real_kdf
def test_a_test_marked_real_kdf_derives_every_time() -> None:
    salt = os.urandom(16)
    assert FLOOR.derive(b"secret", salt) is not FLOOR.derive(b"secret", salt)
    assert age._scrypt_key(b"passphrase", salt, 10) is not age._scrypt_key(b"passphrase", salt, 10)
