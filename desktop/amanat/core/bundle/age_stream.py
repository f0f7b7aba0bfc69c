"""The age payload (C2SP age, "Payload") and the entry points: streaming encrypt and decrypt.

The payload is a 16-byte nonce, then the STREAM construction: ChaCha20-Poly1305 over 64 KiB
plaintext chunks, keyed by HKDF-SHA-256(file key, salt=nonce, info="payload"), each chunk's
nonce an 11-byte big-endian counter and a byte that is 1 for the final chunk only.

Memory stays flat whatever the size: :func:`encrypt` returns a writer and :func:`decrypt` a
reader, both holding at most a couple of chunks. A reader never hands out plaintext that failed
authentication, and a file that was cut short raises when the end is reached instead of ending
quietly. Authentic chunks *are* released before the end of the file is known, so a caller must
not act on a bundle's contents until :meth:`AgeReader.read` has returned ``b""`` (the bundle
importer stages everything, then commits).
"""

from __future__ import annotations

import hmac
import io
import os
from collections.abc import Sequence
from types import TracebackType
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from amanat.core.bundle.age import (
    FILE_KEY_SIZE,
    MAX_STANZAS,
    TAG_SIZE,
    AgeError,
    AgeHeaderDamaged,
    AgeHeaderTampered,
    AgeNoMatch,
    AgePayloadDamaged,
    AgePayloadTruncated,
    AgeWrongPassphrase,
    Identity,
    ReadableStream,
    Recipient,
    ScryptIdentity,
    Source,
    WritableStream,
    format_header,
    header_mac,
    hkdf,
    read_header,
)
from amanat.core.bundle.age_armor import ArmorDecoder, ArmorEncoder, looks_armored
from amanat.core.errors import Detail

__all__ = [
    "CHUNK_SIZE",
    "AgeReader",
    "AgeWriter",
    "decrypt",
    "decrypt_bytes",
    "encrypt",
    "encrypt_bytes",
]

PAYLOAD_NONCE_SIZE: Final = 16
CHUNK_SIZE: Final = 64 * 1024  # "STREAM": plaintext chunks of 64 KiB
_SEALED_CHUNK: Final = CHUNK_SIZE + TAG_SIZE
_COUNTER_LIMIT: Final = 1 << 88  # the STREAM counter is 11 bytes


def _chunk_nonce(counter: int, last: bool) -> bytes:
    # "Payload": 11-byte big-endian chunk counter, then 0x01 for the final chunk, else 0x00.
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# --- Payload: writer -----------------------------------------------------------------------


class AgeWriter:
    """Encrypts what is written to it into ``out``, one 64 KiB chunk at a time.

    Use as a context manager. Leaving the block normally writes the final chunk; leaving it
    through an exception does not, so the partial output can never pass for a whole bundle.
    ``out`` itself is neither flushed nor closed.
    """

    def __init__(
        self, out: WritableStream, recipients: Sequence[Recipient], *, armor: bool = False
    ) -> None:
        if not recipients:
            raise ValueError("a bundle needs at least one recipient")
        file_key = os.urandom(FILE_KEY_SIZE)
        stanzas = [stanza for recipient in recipients for stanza in recipient.wrap(file_key)]
        if len(stanzas) > MAX_STANZAS:
            raise ValueError(f"a bundle can go to at most {MAX_STANZAS} recipients")
        if any(s.type == "scrypt" for s in stanzas) and len(stanzas) != 1:
            # "scrypt recipient stanza": it MUST be the only stanza in the header.
            raise ValueError("a passphrase cannot be combined with other recipients")
        self._armor = ArmorEncoder(out) if armor else None
        self._sink: WritableStream = out if self._armor is None else self._armor
        nonce = os.urandom(PAYLOAD_NONCE_SIZE)
        self._sink.write(format_header(stanzas, file_key) + nonce)
        self._aead = ChaCha20Poly1305(hkdf(file_key, nonce, b"payload"))
        self._buffer = bytearray()
        self._counter = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self._closed:
            raise ValueError("write to a closed bundle writer")
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            # A full buffer is sealed only once more data arrives: the final chunk may be full,
            # but must not be empty unless the whole payload is ("Payload").
            if len(self._buffer) == CHUNK_SIZE:
                self._seal(last=False)
            if not self._buffer and len(view) > CHUNK_SIZE:
                # A whole chunk with more to follow: sealed straight from the caller's
                # bytes, without copying it into the buffer first.
                self._seal_chunk(view[:CHUNK_SIZE], last=False)
                view = view[CHUNK_SIZE:]
                continue
            take = min(CHUNK_SIZE - len(self._buffer), len(view))
            self._buffer += view[:take]
            view = view[take:]
        return size

    def _seal(self, last: bool) -> None:
        self._seal_chunk(self._buffer, last)
        self._buffer.clear()

    def _seal_chunk(self, chunk: bytes | bytearray | memoryview, last: bool) -> None:
        if self._counter >= _COUNTER_LIMIT:
            raise ValueError("the payload is too large for the age format")
        nonce = _chunk_nonce(self._counter, last)
        self._sink.write(self._aead.encrypt(nonce, chunk, None))
        self._counter += 1

    def close(self) -> None:
        """Write the final chunk (and the armor's END line). Idempotent."""
        if self._closed:
            return
        self._seal(last=True)
        if self._armor is not None:
            self._armor.close()
        self._closed = True

    def abort(self) -> None:
        """Stop without a final chunk: what was written will be refused as incomplete."""
        self._closed = True
        self._buffer.clear()

    def __enter__(self) -> AgeWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


# --- Payload: reader -----------------------------------------------------------------------


class AgeReader(io.BufferedIOBase):
    """The decrypted payload, read chunk by chunk; every chunk is authenticated first.

    ``read()`` raises :class:`AgePayloadDamaged` (or :class:`AgePayloadTruncated`) when it
    reaches a chunk that fails authentication or an end that is not the real end; bytes that
    were authenticated before the failure are returned first, by the previous call.
    """

    def __init__(self, source: Source, payload_key: bytes) -> None:
        super().__init__()
        self._source = source
        self._aead = ChaCha20Poly1305(payload_key)
        self._counter = 0
        self._plain = b""
        self._position = 0
        self._complete = False
        self._failure: AgeError | None = None

    @property
    def complete(self) -> bool:
        """True once the final chunk was authenticated: the payload is whole and unchanged."""
        return self._complete

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        sealed = self._source.read(_SEALED_CHUNK)
        if not sealed:
            # Nothing after the nonce, or after a chunk that authenticated as a middle one:
            # the final chunk is missing, so the file was cut short.
            raise AgePayloadTruncated()
        if len(sealed) < TAG_SIZE or self._counter >= _COUNTER_LIMIT:
            raise AgePayloadDamaged()
        plain: bytes | None = None
        last = len(sealed) < _SEALED_CHUNK  # a short chunk can only be the final one
        if not last:
            # A full chunk is normally a middle one, but the final chunk may be full too
            # ("Payload"); the flag in the nonce, which authentication covers, decides.
            plain = self._open(sealed, last=False)
            last = plain is None
        if plain is None:
            plain = self._open(sealed, last=True)
        if plain is None:
            raise AgePayloadDamaged()
        if last and not plain and self._counter > 0:
            # "Payload": the final chunk may be empty only if it is the only chunk.
            raise AgePayloadDamaged()
        self._counter += 1
        self._plain, self._position = plain, 0
        if last and not self._source.at_end():
            # Bytes after the final chunk. The chunk itself is authentic and is handed out,
            # as the reference implementation does; the stream fails right after it.
            self._failure = AgePayloadDamaged()
        else:
            self._complete = last

    def _open(self, sealed: bytes, last: bool) -> bytes | None:
        try:
            return self._aead.decrypt(_chunk_nonce(self._counter, last), sealed, None)
        except InvalidTag:
            return None

    def _fill(self) -> bool:
        """Make sure unread plaintext is available; False at the (authenticated) end."""
        if self._position < len(self._plain):
            return True
        if self._complete:
            return False
        if self._failure is not None:
            raise self._failure
        try:
            self._next_chunk()
        except AgeError as error:
            self._failure = error
            raise
        return self._position < len(self._plain)

    def read(self, size: int | None = -1, /) -> bytes:
        if self.closed:
            raise ValueError("read from a closed bundle reader")
        parts: list[bytes] = []
        wanted = -1 if size is None or size < 0 else size
        got = 0
        while wanted < 0 or got < wanted:
            try:
                if not self._fill():
                    break
            except AgeError:
                if parts:  # hand out what was authenticated; the failure comes next call
                    break
                raise
            available = len(self._plain) - self._position
            take = available if wanted < 0 else min(available, wanted - got)
            if self._position == 0 and take == len(self._plain):
                parts.append(self._plain)
            else:
                parts.append(self._plain[self._position : self._position + take])
            self._position += take
            got += take
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def read1(self, size: int = -1, /) -> bytes:
        if self.closed:
            raise ValueError("read from a closed bundle reader")
        if not self._fill():
            return b""
        available = len(self._plain) - self._position
        take = available if size < 0 else min(available, size)
        data = self._plain[self._position : self._position + take]
        self._position += take
        return data


# --- Entry points --------------------------------------------------------------------------


def encrypt(
    out: WritableStream, recipients: Sequence[Recipient], *, armor: bool = False
) -> AgeWriter:
    """Start an age file in ``out``; write the plaintext to the returned writer, then close it.

    For example ``with encrypt(handle, [X25519Recipient.parse(key)]) as writer:`` and then
    ``writer.write(data)`` as often as needed; the final chunk is written when the block ends.
    """
    return AgeWriter(out, recipients, armor=armor)


def decrypt(
    source: ReadableStream, identities: Sequence[Identity], *, armored: bool | None = None
) -> AgeReader:
    """Open the age file in ``source``: the header is checked now, the payload as it is read.

    ``armored`` None detects the ASCII armor. Raises :class:`AgeNoMatch` (or
    :class:`AgeWrongPassphrase`) when no identity opens it, :class:`AgeHeaderTampered` when
    the header's MAC does not match, and other :class:`AgeError` subclasses when it is
    malformed.
    """
    outer = Source(source)
    if armored is None:
        armored = looks_armored(outer)
    inner = Source(ArmorDecoder(outer)) if armored else outer
    header = read_header(inner)
    if any(s.type == "scrypt" for s in header.stanzas) and len(header.stanzas) != 1:
        # "scrypt recipient stanza": it MUST be alone, whichever identities the reader holds,
        # so a passphrase-protected file never also opens some other way.
        raise AgeHeaderDamaged(detail=Detail("scrypt-mixed"))
    file_key: bytes | None = None
    for identity in identities:
        file_key = identity.unwrap(header.stanzas)
        if file_key is not None:
            break
    if file_key is None:
        passphrase_file = any(s.type == "scrypt" for s in header.stanzas)
        if (
            passphrase_file
            and identities
            and all(isinstance(i, ScryptIdentity) for i in identities)
        ):
            raise AgeWrongPassphrase()
        raise AgeNoMatch()
    if len(file_key) != FILE_KEY_SIZE:
        raise AgeHeaderDamaged(detail=Detail("file-key-size"))
    if not hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac):
        raise AgeHeaderTampered()
    nonce = inner.read(PAYLOAD_NONCE_SIZE)
    if len(nonce) != PAYLOAD_NONCE_SIZE:
        raise AgeHeaderDamaged(detail=Detail("header-only"))
    return AgeReader(inner, hkdf(file_key, nonce, b"payload"))


def encrypt_bytes(
    plaintext: bytes, recipients: Sequence[Recipient], *, armor: bool = False
) -> bytes:
    out = io.BytesIO()
    with encrypt(out, recipients, armor=armor) as writer:
        writer.write(plaintext)
    return out.getvalue()


def decrypt_bytes(data: bytes, identities: Sequence[Identity]) -> bytes:
    reader = decrypt(io.BytesIO(data), identities)
    plaintext = reader.read()
    if not reader.complete:
        # read() returned what was authenticated before a failure; the next call raises it.
        reader.read()
        raise AgePayloadTruncated()  # unreachable unless the reader broke its contract
    return plaintext
