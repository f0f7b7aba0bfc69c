"""The streaming age writer and reader: round trips, tamper and truncation detection, and flat
memory whatever the size."""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from amanat.core.bundle import (
    CHUNK_SIZE,
    AgeError,
    AgeHeaderDamaged,
    AgeHeaderTampered,
    AgeInvalidKey,
    AgeNoMatch,
    AgeNotAgeFile,
    AgePayloadDamaged,
    AgePayloadTruncated,
    AgeWorkFactorTooHigh,
    AgeWrongPassphrase,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    decrypt,
    decrypt_bytes,
    encrypt,
    encrypt_bytes,
)

IDENTITY = X25519Identity.generate()
RECIPIENT = IDENTITY.recipient()
SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE]
SIZES += random.Random(7).sample(range(2, 5 * CHUNK_SIZE), 4)


def _payload_start(data: bytes) -> int:
    """Offset of the first STREAM chunk: after the header's MAC line and the 16-byte nonce."""
    return data.index(b"\n---") + data[data.index(b"\n---") + 1 :].index(b"\n") + 2 + 16


def _read_all(data: bytes, chunk: int = CHUNK_SIZE) -> tuple[bytes, AgeError | None]:
    """Everything the reader releases, and the error that stopped it, if any."""
    released = bytearray()
    try:
        reader = decrypt(io.BytesIO(data), [IDENTITY])
        while part := reader.read(chunk):
            released += part
    except AgeError as error:
        return bytes(released), error
    return bytes(released), None


# --- Round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
def test_round_trip(size: int, armor: bool) -> None:
    plaintext = os.urandom(size)
    sealed = encrypt_bytes(plaintext, [RECIPIENT], armor=armor)
    assert decrypt_bytes(sealed, [IDENTITY]) == plaintext
    if not armor:
        # One chunk per started 64 KiB; never an extra empty final chunk, except when the
        # whole payload is empty ("Payload").
        chunks = max(1, -(-size // CHUNK_SIZE))
        assert len(sealed) - _payload_start(sealed) == size + 16 * chunks
    else:
        assert sealed.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
        assert sealed.endswith(b"\n-----END AGE ENCRYPTED FILE-----\n")


def test_writes_of_any_size_give_the_same_stream() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE + 17)
    out = io.BytesIO()
    with encrypt(out, [RECIPIENT]) as writer:
        position = 0
        for step in [1, 7, CHUNK_SIZE - 8, CHUNK_SIZE, 3, 10**6]:
            writer.write(memoryview(plaintext)[position : position + step])
            position += step
    sealed = out.getvalue()
    assert len(sealed) - _payload_start(sealed) == len(plaintext) + 3 * 16
    reader = decrypt(io.BytesIO(sealed), [IDENTITY])
    pieces = [reader.read(n) for n in (0, 5, CHUNK_SIZE, 1, 10**7)]
    assert b"".join(pieces) == plaintext
    assert reader.read() == b""
    assert reader.complete


def test_several_recipients_and_a_passphrase() -> None:
    other = X25519Identity.generate()
    sealed = encrypt_bytes(b"letter", [RECIPIENT, other.recipient()])
    assert decrypt_bytes(sealed, [other]) == b"letter"
    assert decrypt_bytes(sealed, [X25519Identity.generate(), IDENTITY]) == b"letter"
    with pytest.raises(AgeNoMatch):
        decrypt_bytes(sealed, [X25519Identity.generate()])

    locked = encrypt_bytes(b"letter", [ScryptRecipient("hunter2", work_factor=10)])
    assert decrypt_bytes(locked, [ScryptIdentity("hunter2")]) == b"letter"
    with pytest.raises(AgeWrongPassphrase):
        decrypt_bytes(locked, [ScryptIdentity("hunter3")])
    with pytest.raises(AgeWorkFactorTooHigh):
        decrypt_bytes(locked, [ScryptIdentity("hunter2", max_work_factor=9)])
    with pytest.raises(ValueError, match="passphrase cannot be combined"):
        encrypt_bytes(b"x", [ScryptRecipient("a", work_factor=10), RECIPIENT])


def test_keys_round_trip_and_typos_are_caught() -> None:
    text = IDENTITY.to_string()
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    assert X25519Identity.parse(text).recipient() == RECIPIENT
    assert X25519Identity.parse(text.lower()).recipient() == RECIPIENT
    assert X25519Recipient.parse(str(RECIPIENT)) == RECIPIENT
    assert str(RECIPIENT).startswith("age1")
    assert text not in repr(IDENTITY)
    typo = str(RECIPIENT)[:-1] + ("q" if str(RECIPIENT)[-1] != "q" else "p")
    for bad in [typo, text, str(RECIPIENT)[:20], "age1" + str(RECIPIENT)[4:].upper()[:-1]]:
        with pytest.raises(AgeInvalidKey):
            X25519Recipient.parse(bad)
    with pytest.raises(AgeInvalidKey):
        X25519Identity.parse(str(RECIPIENT))


def test_not_an_age_file() -> None:
    with pytest.raises(AgeNotAgeFile):
        decrypt(io.BytesIO(b"PK\x03\x04 a zip file"), [IDENTITY])
    with pytest.raises(AgeNotAgeFile):
        decrypt(io.BytesIO(b""), [IDENTITY])


# --- Tampering and truncation --------------------------------------------------------------


def test_flipping_any_byte_is_detected() -> None:
    plaintext = b"A letter from Evin prison, page one." * 3
    sealed = encrypt_bytes(plaintext, [RECIPIENT])
    payload = _payload_start(sealed)
    for position in range(len(sealed)):
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        released, error = _read_all(bytes(damaged))
        assert error is not None, f"a flipped byte at {position} went unnoticed"
        assert released == b""  # a single chunk: nothing unauthenticated comes out
        if position >= payload - 16:  # the chunks, or the nonce that feeds the payload key
            assert isinstance(error, AgePayloadDamaged)
        else:
            assert isinstance(error, AgeHeaderDamaged | AgeHeaderTampered | AgeNoMatch)


def test_flipping_a_byte_in_a_later_chunk_releases_only_authentic_chunks() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 100)
    sealed = encrypt_bytes(plaintext, [RECIPIENT])
    start = _payload_start(sealed)
    sealed_chunk = CHUNK_SIZE + 16
    for index in range(4):
        for offset in (0, 1000, sealed_chunk - 1):
            position = start + index * sealed_chunk + offset
            if position >= len(sealed):
                continue
            damaged = bytearray(sealed)
            damaged[position] ^= 0x80
            released, error = _read_all(bytes(damaged))
            assert isinstance(error, AgePayloadDamaged)
            assert released == plaintext[: index * CHUNK_SIZE]


def test_truncation_at_a_chunk_boundary_raises_at_the_end() -> None:
    plaintext = os.urandom(3 * CHUNK_SIZE + 5)
    sealed = encrypt_bytes(plaintext, [RECIPIENT])
    start = _payload_start(sealed)
    for chunks in range(4):
        released, error = _read_all(sealed[: start + chunks * (CHUNK_SIZE + 16)])
        assert isinstance(error, AgePayloadTruncated)
        assert released == plaintext[: chunks * CHUNK_SIZE]


def test_truncation_inside_a_chunk_and_extra_bytes_are_detected() -> None:
    plaintext = os.urandom(2 * CHUNK_SIZE)
    sealed = encrypt_bytes(plaintext, [RECIPIENT])
    for cut in (1, 16, 17, 1000):
        assert isinstance(_read_all(sealed[:-cut])[1], AgePayloadDamaged)
    released, error = _read_all(sealed + b"\x00")
    assert isinstance(error, AgePayloadDamaged)
    assert released == plaintext  # authentic, but the stream is still refused after it
    with pytest.raises(AgeHeaderDamaged):
        decrypt(io.BytesIO(sealed[: _payload_start(sealed) - 3]), [IDENTITY])


def test_reordered_chunks_are_detected() -> None:
    sealed = encrypt_bytes(os.urandom(3 * CHUNK_SIZE + 1), [RECIPIENT])
    start, size = _payload_start(sealed), CHUNK_SIZE + 16
    first, second = sealed[start : start + size], sealed[start + size : start + 2 * size]
    swapped = sealed[:start] + second + first + sealed[start + 2 * size :]
    assert isinstance(_read_all(swapped)[1], AgePayloadDamaged)


def test_an_aborted_writer_leaves_a_file_that_is_refused() -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError), encrypt(out, [RECIPIENT]) as writer:
        writer.write(os.urandom(2 * CHUNK_SIZE + 3))
        raise RuntimeError("the disk was pulled out")
    released, error = _read_all(out.getvalue())
    assert isinstance(error, AgePayloadTruncated)
    assert len(released) == 2 * CHUNK_SIZE  # the sealed middle chunks, then the refusal


def test_a_failure_is_raised_again_on_every_later_read() -> None:
    sealed = encrypt_bytes(os.urandom(2 * CHUNK_SIZE + 1), [RECIPIENT])
    reader = decrypt(io.BytesIO(sealed[:-1]), [IDENTITY])
    assert len(reader.read()) == 2 * CHUNK_SIZE  # what was authentic, then the failure
    for _ in range(2):
        with pytest.raises(AgePayloadDamaged):
            reader.read(1)
    assert not reader.complete


# --- Memory --------------------------------------------------------------------------------


class _Generated(io.RawIOBase):
    """``size`` random bytes made as they are read, never held; hashes what it hands out."""

    def __init__(self, size: int) -> None:
        self.remaining = size
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # narrower buffer
        size = min(len(buffer), self.remaining, 1 << 16)
        block = os.urandom(size)
        buffer[:size] = block
        self.digest.update(block)
        self.remaining -= size
        return size


def test_memory_stays_flat_for_a_64_mib_stream(tmp_path: Path) -> None:
    size = 64 * 1024 * 1024
    source = _Generated(size)
    sealed_path = tmp_path / "big.age"
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with open(sealed_path, "wb") as out, encrypt(out, [RECIPIENT]) as writer:
            # An odd copy size, so writes straddle chunk boundaries.
            shutil.copyfileobj(source, writer, 50_000)
        decrypted = hashlib.sha256()
        total = 0
        with open(sealed_path, "rb") as handle:
            reader = decrypt(handle, [IDENTITY])
            while block := reader.read(100_000):
                decrypted.update(block)
                total += len(block)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert total == size and reader.complete
    assert decrypted.digest() == source.digest.digest()
    assert sealed_path.stat().st_size > size
    assert peak < 4 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"
    print(f"64 MiB through encrypt+decrypt: peak {peak / 2**20:.2f} MiB, {elapsed:.2f} s")
