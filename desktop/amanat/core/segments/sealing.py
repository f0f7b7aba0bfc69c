"""Sealing one object (an original file or a preview) under its own key: AES-256-GCM in
chunks of 64 KiB, so an object of any size streams in and out in bounded memory.

Chunk ``i`` (from 0) is sealed with the nonce ``i`` as 11 big-endian bytes followed by one
byte, 1 for the object's last chunk and 0 for the others, and with the object's id (16
bytes) and the format version (one byte) as associated data. So a chunk moved to another
place, a chunk cut off the end, an object put in another's place or one sealed elsewhere all
fail to open. An empty object is one empty last chunk (its tag alone); an object whose size
is a multiple of 64 KiB ends with a full chunk flagged last, not with an empty one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from amanat.core.errors import StoredObjectDamaged

CHUNK = 64 * 1024
"""Plaintext bytes in every chunk but the last."""
TAG = 16
SEALED_CHUNK = CHUNK + TAG
FORMAT_VERSION = 1
KEY_BYTES = 32
ID_BYTES = 16
_COUNTER_BYTES = 11


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_object_id() -> str:
    """A random id, as 32 hex digits; its 16 bytes go into every chunk's associated data."""
    return os.urandom(ID_BYTES).hex()


def sealed_length(size: int) -> int:
    """How many bytes an object of ``size`` plaintext bytes takes once sealed."""
    chunks = max(1, -(-size // CHUNK))
    return size + TAG * chunks


def plain_size(length: int) -> int:
    """The plaintext size of a sealed object of ``length`` bytes (the inverse of
    ``sealed_length``); raises StoredObjectDamaged for a length no object can have."""
    full, rest = divmod(length, SEALED_CHUNK)
    if rest == 0 and full:
        return full * CHUNK
    if rest < TAG:
        raise StoredObjectDamaged()
    return full * CHUNK + rest - TAG


def seal(key: bytes, object_id: str, data: bytes | bytearray | memoryview) -> Iterator[bytes]:
    """The sealed chunks of ``data``, in order."""
    return seal_pieces(key, object_id, chunks_of(data))


def chunks_of(data: bytes | bytearray | memoryview) -> Iterator[memoryview]:
    """``data`` in whole chunks but the last (one empty chunk for no data), without copies."""
    view = memoryview(data)
    for start in range(0, max(len(view), 1), CHUNK):
        yield view[start : start + CHUNK]


def seal_pieces(
    key: bytes, object_id: str, pieces: Iterator[bytes | memoryview]
) -> Iterator[bytes]:
    """The sealed chunks of the plaintext given in ``pieces``: each a whole chunk (CHUNK
    bytes) but the last, which may be shorter, and empty only when it is the only one. A
    chunk is known to be the last when no other follows it, so a file of any size streams
    through with one chunk read ahead."""
    aead = AESGCM(key)
    extra = _associated_data(object_id)
    current: bytes | memoryview = next(pieces, b"")
    index = 0
    for following in pieces:
        if len(current) != CHUNK:
            raise ValueError("every chunk but the last is whole")
        yield aead.encrypt(_nonce(index, False), current, extra)
        current = following
        index += 1
    yield aead.encrypt(_nonce(index, True), current, extra)


def unseal(
    key: bytes, object_id: str, length: int, read: Callable[[int], bytes]
) -> Iterator[bytes]:
    """The plaintext chunks of a sealed object of ``length`` bytes, each authenticated before
    it is given out; ``read(n)`` gives the next ``n`` sealed bytes (fewer at the end of a cut
    file). Raises StoredObjectDamaged at the first chunk that does not open, or when the
    bytes end early."""
    plain_size(length)  # refuses a length no object can have
    aead = AESGCM(key)
    extra = _associated_data(object_id)
    index = 0
    left = length
    while True:
        size = min(SEALED_CHUNK, left)
        sealed = read(size)
        if len(sealed) != size:
            raise StoredObjectDamaged()
        left -= size
        try:
            yield aead.decrypt(_nonce(index, left == 0), sealed, extra)
        except InvalidTag:
            raise StoredObjectDamaged() from None
        if left == 0:
            return
        index += 1


def unseal_chunk(key: bytes, object_id: str, index: int, last: bool, sealed: bytes) -> bytes:
    """The plaintext of chunk ``index`` alone (``last`` if it is the object's last), for
    reading a part of an object without the chunks before it; StoredObjectDamaged when it
    does not open."""
    try:
        return AESGCM(key).decrypt(_nonce(index, last), sealed, _associated_data(object_id))
    except InvalidTag:
        raise StoredObjectDamaged() from None


def unseal_all(key: bytes, object_id: str, sealed: bytes) -> bytes:
    """The plaintext of a whole sealed object held in memory."""
    position = 0

    def read(size: int) -> bytes:
        nonlocal position
        part = sealed[position : position + size]
        position += size
        return part

    return b"".join(unseal(key, object_id, len(sealed), read))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(_COUNTER_BYTES, "big") + (b"\x01" if last else b"\x00")


def _associated_data(object_id: str) -> bytes:
    raw = bytes.fromhex(object_id)
    if len(raw) != ID_BYTES:
        raise ValueError("an object id is 16 bytes as 32 hex digits")
    return raw + bytes([FORMAT_VERSION])
