"""The key file ``keys.json``: the archive's random data key, wrapped once per way of
opening the archive (the password, and optionally a recovery code).

Each slot wraps the data key with AES-256-GCM under a key derived from the secret with
Argon2id. The slot's own fields (and the archive it belongs to) are the associated data, so
an edited parameter makes the slot fail instead of silently weakening it. A checksum over the
whole file tells a damaged or hand-edited file apart from a wrong password.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from amanat.core import bounded_json
from amanat.core.atomic_file import sync_folder, write_atomically
from amanat.core.digits import to_ascii_digits
from amanat.core.errors import (
    FileProblem,
    KeysDamaged,
    KeysMissing,
    NoRecoveryCode,
    RecoveryCodeTypo,
    WrongPassword,
    WrongRecoveryCode,
    os_reason,
)

KEY_FILE = "keys.json"
FORMAT = "amanat-keys"
VERSION = 1
DATA_KEY_BYTES = 32
_TAG_BYTES = 16
_SALT_BYTES = 16
_NONCE_BYTES = 12
# A key file holds a handful of slots of a few hundred bytes each.
_MAX_SLOTS = 16
_MAX_KEY_FILE_BYTES = 64 * 1024


class SlotKind(StrEnum):
    PASSWORD = "password"
    RECOVERY = "recovery"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost. Never below RFC 9106's second recommendation (64 MiB, t=3, p=4)."""

    memory_kib: int
    iterations: int
    lanes: int

    def derive(self, secret: bytes, salt: bytes) -> bytearray:
        """The wrapping key, in a buffer the caller wipes once the slot is (un)wrapped."""
        key = bytearray(32)
        Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive_into(secret, key)
        return key

    @property
    def at_least_the_floor(self) -> bool:
        return (
            self.memory_kib >= FLOOR.memory_kib
            and self.iterations >= FLOOR.iterations
            and self.lanes >= FLOOR.lanes
        )

    @property
    def within_the_ceiling(self) -> bool:
        return (
            self.memory_kib <= CEILING.memory_kib
            and self.iterations <= CEILING.iterations
            and self.lanes <= CEILING.lanes
        )


FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
# What a key file may ask for at most (calibration stays far below): 4 GiB, 64 passes,
# 16 lanes. Beyond this a keys.json is hostile, not careful.
CEILING = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=16)
# Old laptops must still open the archive without swapping; past this we add passes instead.
MEMORY_CEILING_KIB = 256 * 1024


def calibrate(target_seconds: float = 1.0) -> KdfParams:
    """The costliest parameters that derive a key in about ``target_seconds`` here: memory
    first (it is what makes guessing expensive on graphics cards), then passes."""
    params = FLOOR
    seconds = _time_one_derivation(params)
    while params.memory_kib < MEMORY_CEILING_KIB and seconds * 2 <= target_seconds * 1.15:
        params = replace(params, memory_kib=params.memory_kib * 2)
        seconds = _time_one_derivation(params)
    per_pass = seconds / params.iterations
    iterations = max(FLOOR.iterations, round(target_seconds / per_pass))
    return replace(params, iterations=min(iterations, 64))


def _time_one_derivation(params: KdfParams) -> float:
    """The faster of two timings: a busy moment on the machine (an update, another program)
    must not talk the calibration down to weaker parameters."""
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        params.derive(b"calibration", os.urandom(16))
        timings.append(time.perf_counter() - started)
    return min(timings)


@dataclass(frozen=True, slots=True)
class KeySlot:
    id: str
    kind: SlotKind
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    created: str


@dataclass(frozen=True, slots=True)
class KeyFile:
    archive_id: str
    database_salt: str
    """The first 16 bytes of archive.db (SQLCipher's salt, never secret), as hex: they tell
    a key file that belongs to another archive apart from a wrong password."""
    slots: tuple[KeySlot, ...]

    def slots_of(self, kind: SlotKind) -> tuple[KeySlot, ...]:
        return tuple(slot for slot in self.slots if slot.kind == kind)

    def without(self, kind: SlotKind) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.kind != kind))

    def with_slot(self, slot: KeySlot) -> KeyFile:
        return replace(self, slots=(*self.slots, slot))


# --- Secrets ---------------------------------------------------------------------------

# Two keyboards can type the same Persian password differently: older Windows layouts give
# Arabic yeh and kaf, and digits arrive as Persian or ASCII. Folding these costs almost no
# strength and saves a family from being locked out by a keyboard change.
_PASSWORD_FOLDING = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def password_secret(password: str) -> bytes:
    folded = to_ascii_digits(unicodedata.normalize("NFC", password)).translate(_PASSWORD_FOLDING)
    return folded.encode("utf-8")


# Crockford's base32: no I, L, O or U, so a code written by hand reads back unambiguously.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_RANDOM_CHARACTERS = 28  # 140 bits
_CHECK_CHARACTERS = 4


def new_recovery_code() -> str:
    """A random code, in groups of four, with a check so a typo is told apart from a
    wrong code. Shown to the user once; only its derived key is kept."""
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_RANDOM_CHARACTERS))
    code = body + _check_characters(body)
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def recovery_secret(code: str) -> bytes:
    """The canonical form of a typed recovery code; raises RecoveryCodeTypo when the
    characters do not add up."""
    cleaned = "".join(ch for ch in to_ascii_digits(code).upper() if ch.isalnum())
    cleaned = cleaned.translate(_READ_AS)
    if len(cleaned) != _RANDOM_CHARACTERS + _CHECK_CHARACTERS or any(
        ch not in _ALPHABET for ch in cleaned
    ):
        raise RecoveryCodeTypo()
    body, check = cleaned[:_RANDOM_CHARACTERS], cleaned[_RANDOM_CHARACTERS:]
    if not hmac.compare_digest(check, _check_characters(body)):
        raise RecoveryCodeTypo()
    return body.encode("ascii")


def _check_characters(body: str) -> str:
    digest = hashlib.sha256(b"amanat-recovery-check:" + body.encode("ascii")).digest()
    value = int.from_bytes(digest[:4], "big")
    return "".join(_ALPHABET[(value >> (5 * i)) & 31] for i in range(_CHECK_CHARACTERS))


# --- Wrapping --------------------------------------------------------------------------


def new_slot(
    kind: SlotKind,
    secret: bytes,
    data_key: bytes | bytearray,
    params: KdfParams,
    archive_id: str,
    created: str,
) -> KeySlot:
    slot = KeySlot(
        id=secrets.token_hex(8),
        kind=kind,
        kdf=params,
        salt=os.urandom(_SALT_BYTES),
        nonce=os.urandom(_NONCE_BYTES),
        wrapped_key=b"",
        created=created,
    )
    wrapping_key = params.derive(secret, slot.salt)
    try:
        # encrypt_into reads the data key where it is: no immutable copy of it is made.
        wrapped = bytearray(len(data_key) + _TAG_BYTES)
        AESGCM(wrapping_key).encrypt_into(
            slot.nonce, data_key, _associated_data(slot, archive_id), wrapped
        )
    finally:
        wipe(wrapping_key)
    return replace(slot, wrapped_key=bytes(wrapped))


def unwrap(key_file: KeyFile, kind: SlotKind, secret: bytes) -> bytearray:
    """The data key, from the first slot of ``kind`` that ``secret`` opens."""
    slots = key_file.slots_of(kind)
    if not slots:
        raise NoRecoveryCode() if kind == SlotKind.RECOVERY else WrongPassword()
    for slot in slots:
        wrapping_key = slot.kdf.derive(secret, slot.salt)
        # decrypt_into writes the data key straight into a buffer that lock() can wipe; a
        # bytes object would stay in memory, unreachable but readable, until overwritten.
        data_key = bytearray(max(len(slot.wrapped_key) - _TAG_BYTES, 0))
        try:
            AESGCM(wrapping_key).decrypt_into(
                slot.nonce,
                slot.wrapped_key,
                _associated_data(slot, key_file.archive_id),
                data_key,
            )
        except (InvalidTag, ValueError):
            wipe(data_key)
            continue
        finally:
            wipe(wrapping_key)
        if len(data_key) != DATA_KEY_BYTES:
            wipe(data_key)
            continue
        return data_key
    raise WrongRecoveryCode() if kind == SlotKind.RECOVERY else WrongPassword()


def new_data_key() -> bytearray:
    """A random data key made in place, a byte at a time: ``bytearray(token_bytes(32))``
    would leave the 32 bytes object behind, unwiped, once it was copied."""
    key = bytearray(DATA_KEY_BYTES)
    for index in range(DATA_KEY_BYTES):
        key[index] = secrets.randbits(8)
    return key


def wipe(buffer: bytearray) -> None:
    """Overwrite a key in place (a bytearray is the one buffer Python lets us zero)."""
    buffer[:] = bytes(len(buffer))


def _associated_data(slot: KeySlot, archive_id: str) -> bytes:
    fields = {
        "format": FORMAT,
        "version": VERSION,
        "archive_id": archive_id,
        "slot": slot.id,
        "kind": slot.kind.value,
        "kdf": _kdf_json(slot.kdf),
        "salt": _b64(slot.salt),
        "created": slot.created,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


# --- The file --------------------------------------------------------------------------


def write(folder: Path, key_file: KeyFile) -> None:
    write_atomically(folder / KEY_FILE, _serialise(key_file))


# --- Re-encryption: the key file of the new data key, waiting beside the current one ------

PENDING_FILE = "keys.json.next"
"""Written, complete, before archive.db is re-encrypted; it replaces keys.json right after.
If the process dies in between, the next open finds which of the two opens archive.db and
finishes (or forgets) the change, so the archive is never left without a key that opens it."""


def write_pending(folder: Path, key_file: KeyFile) -> None:
    write_atomically(folder / PENDING_FILE, _serialise(key_file))


def read_pending(folder: Path) -> KeyFile | None:
    if not (folder / PENDING_FILE).is_file():
        return None
    try:
        return _parse(folder, (folder / PENDING_FILE).read_bytes())
    except KeysDamaged:
        # Written atomically, so a damaged one was never complete: the database was not
        # re-encrypted to it.
        return None


def promote_pending(folder: Path) -> None:
    try:
        os.replace(folder / PENDING_FILE, folder / KEY_FILE)
    except OSError as error:
        raise FileProblem(path=str(folder / KEY_FILE), reason=os_reason(error)) from error
    sync_folder(folder)


def discard_pending(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / PENDING_FILE).unlink()


def read(folder: Path) -> KeyFile:
    path = folder / KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeysMissing(path=str(folder)) from None
    return _parse(folder, raw)


def _parse(folder: Path, raw: bytes) -> KeyFile:
    try:
        document = bounded_json.loads(raw, _MAX_KEY_FILE_BYTES)
        if not isinstance(document, dict) or not isinstance(document.get("slots"), list):
            raise ValueError("layout")
        if len(document["slots"]) > _MAX_SLOTS:
            raise ValueError("slots")
        checksum = document.pop("checksum")
        if not hmac.compare_digest(checksum, _checksum(document)):
            raise ValueError("checksum")
        if document["format"] != FORMAT or document["version"] != VERSION:
            raise ValueError("format")
        database_salt = _text(document["database_salt"])
        if len(bytes.fromhex(database_salt)) != _SALT_BYTES:
            raise ValueError("database salt")
        key_file = KeyFile(
            archive_id=_text(document["archive_id"]),
            database_salt=database_salt,
            slots=tuple(_slot_from_json(item) for item in document["slots"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise KeysDamaged(path=str(folder)) from error
    # A slot cheaper than the floor can only come from tampering: refuse it rather than
    # let an edited file weaken the archive. One dearer than the ceiling would hang the
    # open or exhaust memory before the wrong password could even be told.
    if not key_file.slots or not all(
        slot.kdf.at_least_the_floor and slot.kdf.within_the_ceiling for slot in key_file.slots
    ):
        raise KeysDamaged(path=str(folder))
    return key_file


def _serialise(key_file: KeyFile) -> bytes:
    document: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "archive_id": key_file.archive_id,
        "database_salt": key_file.database_salt,
        "slots": [_slot_json(slot) for slot in key_file.slots],
    }
    document["checksum"] = _checksum(document)
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _checksum(document: dict[str, object]) -> str:
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


def _slot_json(slot: KeySlot) -> dict[str, object]:
    return {
        "id": slot.id,
        "kind": slot.kind.value,
        "kdf": _kdf_json(slot.kdf),
        "salt": _b64(slot.salt),
        "cipher": "aes-256-gcm",
        "nonce": _b64(slot.nonce),
        "wrapped_key": _b64(slot.wrapped_key),
        "created": slot.created,
    }


def _slot_from_json(item: object) -> KeySlot:
    """Every field of exactly the type and length Amanat writes; anything else is damage."""
    if not isinstance(item, dict):
        raise ValueError("slot")
    kdf = item["kdf"]
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("kdf")
    if item["cipher"] != "aes-256-gcm":
        raise ValueError("cipher")
    return KeySlot(
        id=_text(item["id"]),
        kind=SlotKind(_text(item["kind"])),
        kdf=KdfParams(
            memory_kib=_whole_number(kdf["memory_kib"]),
            iterations=_whole_number(kdf["iterations"]),
            lanes=_whole_number(kdf["lanes"]),
        ),
        salt=_unb64(item["salt"], _SALT_BYTES),
        nonce=_unb64(item["nonce"], _NONCE_BYTES),
        wrapped_key=_unb64(item["wrapped_key"], DATA_KEY_BYTES + _TAG_BYTES),
        created=_text(item["created"]),
    )


def _text(value: object) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 100:
        raise ValueError("expected a short text")
    return value


def _whole_number(value: object) -> int:
    # bool is an int to Python, and a float would pass int(); neither is what Amanat writes.
    if type(value) is not int:
        raise ValueError("expected a whole number")
    return value


def _kdf_json(params: KdfParams) -> dict[str, object]:
    return {
        "name": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
    }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * length:
        raise ValueError("expected base64 text")
    decoded = base64.b64decode(value, validate=True)
    if len(decoded) != length:
        raise ValueError("wrong length")
    return decoded
