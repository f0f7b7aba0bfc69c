"""A bundle's list of contents, ``manifest.json``, and its signature, ``manifest.sig``.

The manifest names the sender (archive id and Ed25519 public key), the scope and redaction
settings, and every other file in the bundle with its size and SHA-256. The signature is the
sender's Ed25519 signature over the manifest's exact bytes, base64 on one line. So the
signature covers every file through its hash, and the age encryption around the whole
detects any change in transit; the signature adds *who* made it, which age alone cannot
tell (anyone can encrypt to a public key, and anyone with the passphrase can re-encrypt).
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Final

from amanat.core import bounded_json
from amanat.core.bundle import identity
from amanat.core.bundle.identity import ArchiveIdentity
from amanat.core.errors import (
    AmanatError,
    BundleBadSignature,
    BundleDamaged,
    BundleTooNew,
    Detail,
)

FORMAT: Final = "amanat-bundle"
VERSION: Final = 2
"""2 added the reader and the files beside it (READER_NAME, SENDER_KEY_NAME,
FONT_LICENCE_NAME): an Amanat that knows only 1 says the bundle is from a newer Amanat rather
than calling it damaged."""
MANIFEST_NAME: Final = "manifest.json"
SIGNATURE_NAME: Final = "manifest.sig"
README_NAME: Final = "README.txt"
READER_NAME: Final = "index.html"
SENDER_KEY_NAME: Final = "sender.pem"
FONT_LICENCE_NAME: Final = "OFL.txt"
BESIDE_RECORDS: Final = (README_NAME, READER_NAME, SENDER_KEY_NAME, FONT_LICENCE_NAME)
"""Files for the people who open a bundle without Amanat; the importer checks their hashes
and keeps nothing of them."""

# Limits on what a bundle may declare, so a hostile one cannot make us hold gigabytes:
# files are read whole into memory before going into the database (SQLCipher's Python
# binding has no incremental blob I/O), records and the manifest are parsed whole.
MAX_SIGNATURE_BYTES: Final = 1024
MAX_RECORD_BYTES: Final = 16 * 1024 * 1024
MAX_FILE_BYTES: Final = 1024 * 1024 * 1024
MAX_README_BYTES: Final = 64 * 1024
MAX_READER_BYTES: Final = 128 * 1024 * 1024
"""The reader holds every text of the bundle besides its font, so it may be larger than any
one record; it still counts towards the importer's bound on all records together."""
MAX_ENTRIES: Final = 100_000
"""Files one bundle may hold: a case is a few thousand records and pages. More is a wrong or
hostile bundle, refused before any of them is read (each would cost a row, a hash and a
check, inside one transaction)."""
MAX_MANIFEST_BYTES: Final = MAX_ENTRIES * 256 + 1024 * 1024
"""About 25 MiB. The manifest is parsed before its signature can be checked (the key is in
it), so it is held to what the exporter writes for MAX_ENTRIES files: an entry, indented, is
at most 201 bytes (a 61-character record path, a 64-digit hash, a 10-digit size and the JSON
around them), rounded up to 256; scope, redaction and sender fit well in the extra MiB.
Parsed, that is about 60 MB of Python objects, where 64 MiB of manifest was 1.5 GB."""

PASSPHRASE_RECIPIENT: Final = "passphrase"
MAX_RECIPIENTS: Final = 32
"""As many as an age header may hold (age.MAX_STANZAS)."""

_RECORD_PATH = re.compile(
    r"records/(tags|people|documents|pages|texts|events|annotations)/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json"
)
AUDIT_PATH: Final = "records/audit.json"
_FILE_PATH = re.compile(r"files/[0-9a-f]{64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class FileEntry:
    path: str
    sha256: str
    size: int

    @property
    def limit(self) -> int:
        if self.path.startswith("files/"):
            return MAX_FILE_BYTES
        if self.path == READER_NAME:
            return MAX_READER_BYTES
        return MAX_README_BYTES if self.path in BESIDE_RECORDS else MAX_RECORD_BYTES


@dataclass(frozen=True, slots=True)
class Manifest:
    created: datetime.datetime
    sender_archive_id: str
    signing_key: bytes
    """The sender's Ed25519 public key."""
    scope: dict[str, Any]
    redaction: dict[str, Any]
    files: tuple[FileEntry, ...]
    export_id: str = ""
    """A fresh id per export, so two exports of the same records are two bundles."""
    recipients: tuple[str, ...] | None = None
    """Whom the sender encrypted it to, signed with the rest: each ``age1…`` public key, or
    PASSPHRASE_RECIPIENT. Anyone who can open a bundle can encrypt it again to someone else,
    and the signature would still hold; this list tells the new reader it was not made for
    them. None in bundles from before it was added."""

    @property
    def fingerprint(self) -> str:
        return identity.fingerprint(self.signing_key)

    def to_bytes(self) -> bytes:
        value = {
            "format": FORMAT,
            "version": VERSION,
            "created": self.created.isoformat(),
            "export_id": self.export_id,
            "sender": {
                "archive_id": self.sender_archive_id,
                "signing_key": identity.format_signing_key(self.signing_key),
                "fingerprint": self.fingerprint,
            },
            "scope": self.scope,
            "redaction": self.redaction,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }
        if self.recipients is not None:
            value["recipients"] = list(self.recipients)
        return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def bundle_id(manifest_bytes: bytes) -> str:
    """What names a bundle for "already imported": the hash of its signed manifest."""
    return hashlib.sha256(manifest_bytes).hexdigest()


def signature(signer: ArchiveIdentity, manifest_bytes: bytes) -> bytes:
    return base64.b64encode(signer.sign(manifest_bytes)) + b"\n"


def check_signature(manifest: Manifest, manifest_bytes: bytes, signature_file: bytes) -> None:
    try:
        raw = base64.b64decode(signature_file.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise BundleBadSignature() from None
    if len(raw) != 64 or not identity.signature_valid(manifest.signing_key, raw, manifest_bytes):
        raise BundleBadSignature()


def parse(data: bytes) -> Manifest:
    """The manifest, checked for shape, allowed paths and sizes before anything trusts it."""
    try:
        value = bounded_json.loads(data, MAX_MANIFEST_BYTES)
        if not isinstance(value, dict) or value.get("format") != FORMAT:
            raise ValueError("it is not an Amanat bundle manifest")
        version = value.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("it has no format version")
        if version > VERSION:
            raise BundleTooNew(found=version)
        sender = _object(value["sender"], "sender")
        created = datetime.datetime.fromisoformat(_text(value["created"], "created"))
        manifest = Manifest(
            created=created,
            sender_archive_id=_text(sender["archive_id"], "archive_id"),
            signing_key=identity.parse_signing_key(_text(sender["signing_key"], "signing_key")),
            scope=_object(value["scope"], "scope"),
            redaction=_object(value["redaction"], "redaction"),
            files=tuple(_entry(item) for item in _entries(value["files"])),
            export_id=_text(value.get("export_id", ""), "export_id"),
            recipients=_recipients(value.get("recipients")),
        )
    except BundleTooNew:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AmanatError) as error:
        # An AmanatError is a malformed signing key: still a malformed manifest.
        raise BundleDamaged(detail=Detail("manifest-malformed", problem=error)) from None
    paths = [entry.path for entry in manifest.files]
    if len(set(paths)) != len(paths):
        raise BundleDamaged(detail=Detail("manifest-names-twice"))
    return manifest


# The manifest is read strictly: a number where text belongs is a malformed manifest, not
# something to convert (str(20240101) would even read as a date).
def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text")
    return value


def _object(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{name} is not an object")
    return value


def _list(value: object, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{name} is not a list")
    return value


def _recipients(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    listed = _list(value, "recipients")
    if not listed or len(listed) > MAX_RECIPIENTS:
        raise ValueError("it names no recipients, or too many")
    for item in listed:
        is_key = isinstance(item, str) and item.startswith("age1") and len(item) < 100
        if not (is_key or item == PASSPHRASE_RECIPIENT):
            raise ValueError("one of its recipients is neither an age key nor a passphrase")
    return tuple(listed)


def _entries(value: object) -> list[Any]:
    listed = _list(value, "files")
    if len(listed) > MAX_ENTRIES:
        raise ValueError(f"it lists more than {MAX_ENTRIES:,} files, more than Amanat accepts")
    return listed


def _entry(item: object) -> FileEntry:
    if not isinstance(item, dict):
        raise ValueError("a file entry is not an object")
    path, sha256, size = item["path"], item["sha256"], item["size"]
    if not isinstance(path, str) or not allowed_path(path):
        raise ValueError(f"it names a file that cannot be in a bundle: {str(path)[:80]!r}")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise ValueError(f"{path} has no valid SHA-256")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"{path} has no valid size")
    entry = FileEntry(path, sha256, size)
    if size > entry.limit:
        raise ValueError(f"{path} declares {size} bytes, more than Amanat accepts")
    if path.startswith("files/") and path != f"files/{sha256}":
        raise ValueError(f"{path} is not named by its SHA-256")
    return entry


def allowed_path(path: str) -> bool:
    """Only the names our exporter writes; nothing that could climb out of a folder."""
    return bool(
        path in (*BESIDE_RECORDS, AUDIT_PATH)
        or _RECORD_PATH.fullmatch(path)
        or _FILE_PATH.fullmatch(path)
    )
