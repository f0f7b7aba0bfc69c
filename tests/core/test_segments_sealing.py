"""Sealing one object: AES-256-GCM in 64 KiB chunks, the chunk's number and a last-chunk
flag in the nonce, the object's id and the format version as associated data. Whatever is
changed, cut, reordered, swapped or brought from elsewhere fails to open, with the archive's
own sentence."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from amanat.core.errors import AmanatError, StoredObjectDamaged
from amanat.core.segments import sealing
from amanat.core.segments.sealing import CHUNK, SEALED_CHUNK, TAG

KEY = bytes(range(32))
OBJECT = "00112233445566778899aabbccddeeff"


def sealed(data: bytes, key: bytes = KEY, object_id: str = OBJECT) -> bytes:
    return b"".join(sealing.seal(key, object_id, data))


@pytest.mark.parametrize(
    "size",
    [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17],
    ids=[
        "empty",
        "one byte",
        "just under a chunk",
        "one chunk",
        "a chunk and a byte",
        "two chunks exactly",
        "three chunks and a bit",
    ],
)
def test_round_trip_of_every_size(size: int):
    data = os.urandom(size)
    out = sealed(data)
    assert len(out) == sealing.sealed_length(size)
    assert sealing.plain_size(len(out)) == size
    assert sealing.unseal_all(KEY, OBJECT, out) == data


def test_an_empty_object_is_one_tag_and_a_multiple_of_the_chunk_ends_on_a_full_chunk():
    assert len(sealed(b"")) == TAG
    assert len(sealed(bytes(2 * CHUNK))) == 2 * SEALED_CHUNK


def test_the_format_is_what_the_documentation_says():
    """An independent reader, written from docs/segments.md with the bare AEAD, opens it."""
    data = os.urandom(CHUNK + 5)
    out = sealed(data)
    aead = AESGCM(KEY)
    extra = bytes.fromhex(OBJECT) + b"\x01"
    first = aead.decrypt((0).to_bytes(11, "big") + b"\x00", out[:SEALED_CHUNK], extra)
    last = aead.decrypt((1).to_bytes(11, "big") + b"\x01", out[SEALED_CHUNK:], extra)
    assert first + last == data


def test_nothing_of_the_plaintext_shows_in_the_sealed_bytes():
    data = b"Letter from Evin, ward 209 " * 5000
    assert b"Evin" not in sealed(data)


def _fails(out: bytes, key: bytes = KEY, object_id: str = OBJECT) -> None:
    with pytest.raises(StoredObjectDamaged) as raised:
        sealing.unseal_all(key, object_id, out)
    assert isinstance(raised.value, AmanatError)
    assert "damaged or missing" in str(raised.value)


def test_a_flipped_byte_fails():
    out = bytearray(sealed(os.urandom(3 * CHUNK)))
    out[CHUNK + 100] ^= 1
    _fails(bytes(out))


def test_a_flipped_tag_byte_fails():
    out = bytearray(sealed(b"short"))
    out[-1] ^= 0x80
    _fails(bytes(out))


def test_cut_at_a_chunk_boundary_fails():
    """The chunk now last was sealed as not last: the flag in its nonce gives it away."""
    out = sealed(os.urandom(3 * CHUNK))
    _fails(out[: 2 * SEALED_CHUNK])


def test_cut_inside_a_chunk_fails():
    out = sealed(os.urandom(2 * CHUNK))
    _fails(out[:-1])
    _fails(out[: SEALED_CHUNK + TAG - 1])


def test_cut_to_nothing_fails():
    _fails(b"")


def test_a_chunk_added_at_the_end_fails():
    out = sealed(os.urandom(CHUNK))
    _fails(out + sealed(os.urandom(CHUNK)))


def test_reordered_chunks_fail():
    out = sealed(os.urandom(3 * CHUNK))
    a, b, c = out[:SEALED_CHUNK], out[SEALED_CHUNK : 2 * SEALED_CHUNK], out[2 * SEALED_CHUNK :]
    _fails(b + a + c)


def test_an_object_opened_as_another_fails():
    """Same key, another id: one object cannot be passed off in another's place."""
    out = sealed(b"a page")
    _fails(out, object_id="ffeeddccbbaa99887766554433221100")


def test_a_chunk_swapped_in_from_another_object_under_the_same_key_fails():
    one = sealed(os.urandom(2 * CHUNK), object_id=OBJECT)
    other = sealed(os.urandom(2 * CHUNK), object_id="ffeeddccbbaa99887766554433221100")
    _fails(other[:SEALED_CHUNK] + one[SEALED_CHUNK:])


def test_a_foreign_object_under_another_key_fails():
    _fails(sealed(b"from elsewhere", key=os.urandom(32)))


def test_another_format_version_fails(monkeypatch: pytest.MonkeyPatch):
    out = sealed(b"a page")
    monkeypatch.setattr(sealing, "FORMAT_VERSION", 2)
    _fails(out)


def test_reading_stops_at_the_first_bad_chunk_having_given_only_authentic_chunks():
    data = os.urandom(3 * CHUNK)
    out = bytearray(sealed(data))
    out[2 * SEALED_CHUNK + 5] ^= 1
    position = 0

    def read(size: int) -> bytes:
        nonlocal position
        part = bytes(out[position : position + size])
        position += size
        return part

    given: list[bytes] = []
    with pytest.raises(StoredObjectDamaged):
        for chunk in sealing.unseal(KEY, OBJECT, len(out), read):
            given.append(chunk)
    assert b"".join(given) == data[: 2 * CHUNK]


def test_a_length_no_object_can_have_is_refused():
    with pytest.raises(StoredObjectDamaged):
        sealing.plain_size(TAG - 1)
