"""The age v1 file format (age-encryption.org/v1): keys, recipient stanzas and the header.

Bundles are standard age files so that an advocate abroad can open one with the ``age``
command-line tool even without Amanat. This package follows the C2SP age specification
("age: a simple, modern and secure file encryption format") and is checked against the C2SP
test vectors and against the ``age`` CLI. It is split in three:

* this module: the errors, Bech32 keys (``age1…`` / ``AGE-SECRET-KEY-1…``), the X25519 and
  scrypt recipient stanzas that wrap the 16-byte file key, and the header with its
  HMAC-SHA-256, keyed by HKDF-SHA-256(file key, info="header");
* :mod:`.age_armor`: the strict PEM-like ASCII armor (``-----BEGIN AGE ENCRYPTED FILE-----``);
* :mod:`.age_stream`: the payload (a 16-byte nonce, then STREAM: ChaCha20-Poly1305 over 64 KiB
  chunks) and the entry points :func:`~.age_stream.encrypt` and :func:`~.age_stream.decrypt`.

Parsing is strict on purpose: the format has exactly one encoding of any file, so anything
else (non-canonical base64, CR, empty arguments, a malformed work factor…) is refused rather
than guessed at.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from amanat.core.errors import QT_TRANSLATE_NOOP, AmanatError, Detail

__all__ = [
    "AgeArmorDamaged",
    "AgeError",
    "AgeHeaderDamaged",
    "AgeHeaderTampered",
    "AgeInvalidKey",
    "AgeNoMatch",
    "AgeNotAgeFile",
    "AgePayloadDamaged",
    "AgePayloadTruncated",
    "AgeUnsupportedVersion",
    "AgeWorkFactorTooHigh",
    "AgeWrongPassphrase",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
]

# --- Errors ------------------------------------------------------------------------------
# The categories match the outcomes of the C2SP test vectors: armor failure, header failure,
# HMAC failure, no match, payload failure. They are siblings, so a caller (and the vector
# tests) can tell them apart exactly.


class AgeError(AmanatError):
    """A bundle (age file) cannot be opened; the subclass says why."""

    code = "bundle-error"
    template = QT_TRANSLATE_NOOP("Messages", "The bundle cannot be opened: {detail}.")


class AgeArmorDamaged(AgeError):
    code = "bundle-armor-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The text form of the bundle is damaged or was edited ({detail}); copy it again in "
        "full, from the BEGIN line to the END line, without changing any line.",
    )


class AgeHeaderDamaged(AgeError):
    code = "bundle-header-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's header is damaged or malformed ({detail}); ask the sender to make the "
        "bundle again.",
    )


class AgeNotAgeFile(AgeHeaderDamaged):
    code = "bundle-not-age"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This file is not an Amanat bundle or age file; check that you chose the right file.",
    )


class AgeUnsupportedVersion(AgeHeaderDamaged):
    code = "bundle-version"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle uses a newer version of the age format than Amanat understands; update "
        "Amanat to open it.",
    )


class AgeWorkFactorTooHigh(AgeHeaderDamaged):
    code = "bundle-work-factor"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle's passphrase protection asks for far more work than allowed (work factor "
        "{found}, limit {limit}), which could freeze the computer; ask the sender to make it "
        "again with the default settings.",
    )


class AgeHeaderTampered(AgeError):
    code = "bundle-header-tampered"
    template = QT_TRANSLATE_NOOP(
        "Messages", "The bundle was changed or damaged after it was made; it cannot be trusted."
    )


class AgeNoMatch(AgeError):
    code = "bundle-no-match"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "None of the keys or passphrases given can open this bundle; it was made for someone "
        "else, or with a different key.",
    )


class AgeWrongPassphrase(AgeNoMatch):
    code = "bundle-wrong-passphrase"
    template = QT_TRANSLATE_NOOP(
        "Messages", "That passphrase does not open this bundle; check it and try again."
    )


class AgePayloadDamaged(AgeError):
    code = "bundle-payload-damaged"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle's contents were changed or damaged after it was made; it cannot be trusted.",
    )


class AgePayloadTruncated(AgePayloadDamaged):
    code = "bundle-truncated"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "The bundle is incomplete, probably cut off while it was copied; copy it again in full.",
    )


class AgeInvalidKey(AgeError):
    code = "bundle-invalid-key"
    template = QT_TRANSLATE_NOOP(
        "Messages",
        "That is not a valid age key ({detail}); check that it was copied completely and exactly.",
    )


# --- Constants from the specification ----------------------------------------------------

VERSION_LINE: Final = b"age-encryption.org/v1"
FILE_KEY_SIZE: Final = 16
TAG_SIZE: Final = 16  # Poly1305
_ZERO_NONCE: Final = bytes(12)
_X25519_LABEL: Final = b"age-encryption.org/v1/X25519"
_SCRYPT_LABEL: Final = b"age-encryption.org/v1/scrypt"
_BODY_COLUMNS: Final = 64  # "stanza body … wrapped at 64 columns"

# Limits the specification leaves open. They only bound memory against hostile input: a real
# header is a few hundred bytes per recipient.
_MAX_HEADER_LINE: Final = 16 * 1024
_MAX_HEADER_SIZE: Final = 1024 * 1024
MAX_STANZAS: Final = 32
"""Recipients one file may be addressed to. Each stanza costs an identity an X25519 exchange
(or worse) to try; a megabyte of them would keep the computer busy for nothing. A bundle
goes to a few people; age itself sets no limit, so writing is bounded alike."""
_READ_BLOCK: Final = 8 * 1024

_B64_UNPADDED: Final = re.compile(rb"[A-Za-z0-9+/]*")
_VCHAR_ARG: Final = re.compile(r"[\x21-\x7e]+")
# Two digits at most: scrypt's cost is 2^work_factor, so anything longer is no real work
# factor, and a thousand digits would raise in int() instead of being refused.
_WORK_FACTOR: Final = re.compile(r"[1-9][0-9]?")
_VERSION_LIKE: Final = re.compile(rb"age-encryption\.org/v[0-9]+")


# --- Streams -------------------------------------------------------------------------------


class ReadableStream(Protocol):
    """Anything with ``read(n)`` returning bytes: an open file, a pipe, a socket file."""

    def read(self, size: int, /) -> bytes: ...


class WritableStream(Protocol):
    def write(self, data: bytes, /) -> object: ...


class Source:
    """Buffered exact-length and line reads over a stream that may return short reads."""

    def __init__(self, stream: ReadableStream) -> None:
        self._stream = stream
        self._buffer = bytearray()
        self._eof = False

    def _more(self, wanted: int) -> bool:
        if self._eof:
            return False
        data = self._stream.read(max(wanted, _READ_BLOCK))
        if not data:
            self._eof = True
            return False
        self._buffer += data
        return True

    def _take(self, size: int) -> bytes:
        taken = bytes(self._buffer[:size])
        del self._buffer[:size]
        return taken

    def read(self, size: int) -> bytes:
        """Exactly ``size`` bytes, or fewer only at the end of the stream."""
        if not self._buffer and not self._eof:
            # Fast path for payload chunks: no copy through the buffer.
            data = self._stream.read(size)
            if len(data) == size:
                return data
            if not data:
                self._eof = True
                return b""
            self._buffer += data
        while len(self._buffer) < size and self._more(size - len(self._buffer)):
            pass
        return self._take(size)

    def readline(self, limit: int) -> bytes:
        """One line including its LF; without LF if ``limit`` bytes or the end came first."""
        searched = 0
        while True:
            end = self._buffer.find(b"\n", searched, limit)
            if end >= 0:
                return self._take(end + 1)
            if len(self._buffer) >= limit:
                return self._take(limit)
            searched = len(self._buffer)
            if not self._more(_READ_BLOCK):
                return self._take(len(self._buffer))

    def peek(self, size: int) -> bytes:
        while len(self._buffer) < size and self._more(size - len(self._buffer)):
            pass
        return bytes(self._buffer[:size])

    def at_end(self) -> bool:
        return not self._buffer and not self._more(1)


# --- Encodings: base64 and Bech32 ----------------------------------------------------------


def _b64encode(data: bytes) -> str:
    # Header arguments and bodies use base64 "without padding" (spec: "Conventions used").
    return base64.b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: bytes) -> bytes | None:
    """Unpadded standard base64, canonical only (no stray bits), else None."""
    if len(text) % 4 == 1 or not _B64_UNPADDED.fullmatch(text):
        return None
    data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    # Re-encoding catches non-zero trailing bits, which decoders must reject.
    return data if _b64encode(data).encode("ascii") == text else None


_BECH32_ALPHABET: Final = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GENERATOR: Final = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _bech32_polymod(values: Sequence[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_BECH32_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _bech32_hrp_values(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _regroup(values: Sequence[int], source_bits: int, target_bits: int, pad: bool) -> list[int]:
    """Regroup a bit string, e.g. bytes into 5-bit Bech32 symbols and back."""
    accumulator = 0
    bits = 0
    mask = (1 << target_bits) - 1
    out: list[int] = []
    for value in values:
        accumulator = (accumulator << source_bits) | value
        bits += source_bits
        while bits >= target_bits:
            bits -= target_bits
            out.append((accumulator >> bits) & mask)
        accumulator &= (1 << bits) - 1
    if pad:
        if bits:
            out.append((accumulator << (target_bits - bits)) & mask)
    elif bits >= source_bits or accumulator:
        raise AgeInvalidKey(detail=Detail("key-stray-bits"))
    return out


def _bech32_encode(hrp: str, data: bytes) -> str:
    """BIP 173 Bech32 (not Bech32m), as age uses, without the 90-character limit."""
    symbols = _regroup(data, 8, 5, pad=True)
    polymod = _bech32_polymod([*_bech32_hrp_values(hrp), *symbols, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32_ALPHABET[s] for s in symbols + checksum)


def _bech32_decode(text: str) -> tuple[str, bytes]:
    if text != text.lower() and text != text.upper():
        raise AgeInvalidKey(detail=Detail("key-mixed-case"))
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1 or separator + 7 > len(text):
        raise AgeInvalidKey(detail=Detail("key-no-separator"))
    hrp = text[:separator]
    if any(not 33 <= ord(c) <= 126 for c in hrp):
        raise AgeInvalidKey(detail=Detail("key-prefix-characters"))
    symbols = [_BECH32_ALPHABET.find(c) for c in text[separator + 1 :]]
    if -1 in symbols:
        raise AgeInvalidKey(detail=Detail("key-characters"))
    if _bech32_polymod([*_bech32_hrp_values(hrp), *symbols]) != 1:
        raise AgeInvalidKey(detail=Detail("key-checksum"))
    return hrp, bytes(_regroup(symbols[:-6], 5, 8, pad=False))


# --- Primitives ----------------------------------------------------------------------------


def hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def header_mac(file_key: bytes, header: bytes) -> bytes:
    # "Header MAC": HMAC-SHA-256 keyed by HKDF(file key, salt=empty, info="header").
    return hmac.digest(hkdf(file_key, b"", b"header"), header, hashlib.sha256)


def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    # "scrypt recipient stanza": salt is the label followed by the 16 random bytes; r=8, p=1.
    kdf = Scrypt(salt=_SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    try:
        return kdf.derive(passphrase)
    except MemoryError:
        # An old laptop may not spare scrypt's memory (128 × 8 × 2^work_factor bytes).
        raise AgeWorkFactorTooHigh(found=work_factor, limit=work_factor - 1) from None


# --- Recipients and identities -------------------------------------------------------------


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: ``-> type arg…`` and a body (a wrapped file key)."""

    type: str
    args: tuple[str, ...]
    body: bytes


class Recipient(Protocol):
    """Something a file key can be wrapped to (a public key, a passphrase)."""

    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    """Something that can unwrap a file key: returns it, or None if no stanza is for us."""

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None: ...


def _bad_stanza(code: str) -> AgeHeaderDamaged:
    """A stanza refused; ``code`` names its phrase in DETAILS."""
    return AgeHeaderDamaged(detail=Detail(code))


class X25519Recipient:
    """An ``age1…`` public key."""

    def __init__(self, public_key: bytes) -> None:
        if len(public_key) != 32:
            raise ValueError("an X25519 public key is 32 bytes")
        self._public_key = bytes(public_key)

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        hrp, data = _bech32_decode(text.strip())
        if hrp != "age":
            raise AgeInvalidKey(detail=Detail("key-public-prefix"))
        if len(data) != 32:
            raise AgeInvalidKey(detail=Detail("key-wrong-length"))
        return cls(data)

    @property
    def public_key(self) -> bytes:
        return self._public_key

    def to_string(self) -> str:
        return _bech32_encode("age", self._public_key)

    def __str__(self) -> str:
        return self.to_string()

    def __repr__(self) -> str:
        return f"X25519Recipient({self.to_string()!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other._public_key == self._public_key

    def __hash__(self) -> int:
        return hash(self._public_key)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        # "X25519 recipient stanza": a fresh ephemeral key per file and recipient.
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self._public_key))
        except ValueError as error:  # a low-order point: the shared secret would be zero
            raise AgeInvalidKey(detail=Detail("key-unusable")) from error
        wrap_key = hkdf(shared, share + self._public_key, _X25519_LABEL)
        body = ChaCha20Poly1305(wrap_key).encrypt(_ZERO_NONCE, file_key, None)
        return [Stanza("X25519", (_b64encode(share),), body)]


class X25519Identity:
    """An ``AGE-SECRET-KEY-1…`` private key."""

    def __init__(self, private_key: X25519PrivateKey) -> None:
        self._private_key = private_key
        self._public_key = private_key.public_key().public_bytes_raw()

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        hrp, data = _bech32_decode(text.strip())
        if hrp != "age-secret-key-":
            raise AgeInvalidKey(detail=Detail("key-secret-prefix"))
        if len(data) != 32:
            raise AgeInvalidKey(detail=Detail("key-wrong-length"))
        return cls(X25519PrivateKey.from_private_bytes(data))

    def recipient(self) -> X25519Recipient:
        return X25519Recipient(self._public_key)

    def to_string(self) -> str:
        # Secret keys are written in upper case, so they are not mistaken for recipients.
        return _bech32_encode("age-secret-key-", self._private_key.private_bytes_raw()).upper()

    def __repr__(self) -> str:  # never the secret itself
        return f"X25519Identity(recipient={self.recipient().to_string()!r})"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type != "X25519":
                continue
            # A malformed X25519 stanza is a broken header, not "not for us" (spec: decoders
            # MUST reject), so these raise rather than skip.
            if len(stanza.args) != 1:
                raise _bad_stanza("x25519-argument-count")
            share = _b64decode(stanza.args[0].encode("ascii"))
            if share is None or len(share) != 32:
                raise _bad_stanza("x25519-share")
            if len(stanza.body) != FILE_KEY_SIZE + TAG_SIZE:
                raise _bad_stanza("x25519-body-size")
            try:
                shared = self._private_key.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError as error:
                raise _bad_stanza("x25519-low-order") from error
            if shared == bytes(32):
                raise _bad_stanza("x25519-low-order")
            wrap_key = hkdf(shared, share + self._public_key, _X25519_LABEL)
            try:
                return ChaCha20Poly1305(wrap_key).decrypt(_ZERO_NONCE, stanza.body, None)
            except InvalidTag:
                continue  # wrapped for another recipient
        return None


class ScryptRecipient:
    """A passphrase. It must be the only recipient of a file (spec: "scrypt recipient")."""

    def __init__(self, passphrase: str | bytes, work_factor: int = 18) -> None:
        if not 1 <= work_factor <= 30:
            raise ValueError("the scrypt work factor must be between 1 and 30")
        if not passphrase:
            raise ValueError("the passphrase is empty")
        self._passphrase = _passphrase_bytes(passphrase)
        self.work_factor = work_factor

    def __repr__(self) -> str:
        return f"ScryptRecipient(work_factor={self.work_factor})"

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(16)
        key = _scrypt_key(self._passphrase, salt, self.work_factor)
        body = ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)
        return [Stanza("scrypt", (_b64encode(salt), str(self.work_factor)), body)]


class ScryptIdentity:
    """A passphrase to try, refusing work factors above ``max_work_factor``.

    A file's work factor is chosen by whoever made it; without a cap a hostile bundle could
    make the computer spend hours and gigabytes on one attempt (2^22 already needs 4 GiB).
    The default cap, 2^20 (1 GiB), is well above the 2^18 that age and Amanat write.
    """

    def __init__(self, passphrase: str | bytes, max_work_factor: int = 20) -> None:
        self._passphrase = _passphrase_bytes(passphrase)
        self.max_work_factor = max_work_factor

    def __repr__(self) -> str:
        return f"ScryptIdentity(max_work_factor={self.max_work_factor})"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type != "scrypt":
                continue
            if len(stanzas) != 1:
                raise _bad_stanza("scrypt-mixed")
            if len(stanza.args) != 2:
                raise _bad_stanza("scrypt-argument-count")
            salt = _b64decode(stanza.args[0].encode("ascii"))
            if salt is None or len(salt) != 16:
                raise _bad_stanza("scrypt-salt")
            # Decimal, no sign, no leading zero: one spelling per number.
            if not _WORK_FACTOR.fullmatch(stanza.args[1]):
                raise _bad_stanza("scrypt-work-factor")
            work_factor = int(stanza.args[1])
            if work_factor > self.max_work_factor:
                raise AgeWorkFactorTooHigh(found=work_factor, limit=self.max_work_factor)
            if len(stanza.body) != FILE_KEY_SIZE + TAG_SIZE:
                raise _bad_stanza("scrypt-body-size")
            key = _scrypt_key(self._passphrase, salt, work_factor)
            try:
                return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, stanza.body, None)
            except InvalidTag:
                return None
        return None


# --- Header --------------------------------------------------------------------------------


def format_header(stanzas: Sequence[Stanza], file_key: bytes) -> bytes:
    lines = [VERSION_LINE]
    for stanza in stanzas:
        for argument in (stanza.type, *stanza.args):
            if not _VCHAR_ARG.fullmatch(argument):
                raise ValueError(f"invalid stanza argument {argument!r}")
        lines.append(" ".join(("->", stanza.type, *stanza.args)).encode("ascii"))
        body = _b64encode(stanza.body).encode("ascii")
        # "wrapped at 64 columns"; the final line is always short, so an exact multiple of 64
        # (including an empty body) ends with an empty line.
        lines += [body[i : i + _BODY_COLUMNS] for i in range(0, len(body), _BODY_COLUMNS)]
        if len(body) % _BODY_COLUMNS == 0:
            lines.append(b"")
    lines.append(b"---")
    header = b"\n".join(lines)
    return header + b" " + _b64encode(header_mac(file_key, header)).encode("ascii") + b"\n"


@dataclass(frozen=True)
class Header:
    stanzas: tuple[Stanza, ...]
    mac_input: bytes  # the header up to and including "---"
    mac: bytes


def read_header(source: Source) -> Header:
    raw = bytearray()

    def next_line() -> bytes:
        line = source.readline(_MAX_HEADER_LINE)
        raw.extend(line)
        if len(raw) > _MAX_HEADER_SIZE:
            raise AgeHeaderDamaged(detail=Detail("header-far-too-long"))
        if not line.endswith(b"\n"):
            if len(line) >= _MAX_HEADER_LINE:
                raise AgeHeaderDamaged(detail=Detail("header-line-far-too-long"))
            raise AgeHeaderDamaged(detail=Detail("header-ends-early"))
        return line[:-1]

    first = source.readline(_MAX_HEADER_LINE)
    raw.extend(first)
    if first != VERSION_LINE + b"\n":
        line = first.rstrip(b"\n")
        if _VERSION_LIKE.fullmatch(line):
            raise AgeUnsupportedVersion()
        if line.startswith(b"age-encryption.org/"):
            raise AgeHeaderDamaged(detail=Detail("header-first-line"))
        raise AgeNotAgeFile()

    stanzas: list[Stanza] = []
    while True:
        line = next_line()
        if line.startswith(b"--- ") or line == b"---":
            mac = _b64decode(line[4:])
            if mac is None or len(mac) != 32:
                raise AgeHeaderDamaged(detail=Detail("header-checksum-line"))
            mac_input = bytes(raw[: len(raw) - len(line) - 1]) + b"---"
            return Header(tuple(stanzas), mac_input, mac)
        if not line.startswith(b"-> "):
            raise AgeHeaderDamaged(detail=Detail("header-no-stanza"))
        arguments = line[3:].split(b" ")
        # Each argument is one or more visible ASCII characters separated by single spaces;
        # this also rejects CR, tabs and empty arguments.
        if not all(_VCHAR_ARG.fullmatch(a.decode("latin-1")) for a in arguments):
            raise AgeHeaderDamaged(detail=Detail("stanza-argument"))
        body = bytearray()
        while True:
            body_line = next_line()
            if len(body_line) > _BODY_COLUMNS:
                raise AgeHeaderDamaged(detail=Detail("stanza-body-line-too-long"))
            decoded = _b64decode(body_line)
            if decoded is None:
                raise AgeHeaderDamaged(detail=Detail("stanza-body-base64"))
            body += decoded
            if len(body_line) < _BODY_COLUMNS:  # the short line ends the stanza
                break
        words = [a.decode("ascii") for a in arguments]
        stanzas.append(Stanza(words[0], tuple(words[1:]), bytes(body)))
        if len(stanzas) > MAX_STANZAS:
            # Refused while reading, before any identity tries a stanza.
            raise AgeHeaderDamaged(detail=Detail("header-too-many-recipients", limit=MAX_STANZAS))
