"""The index of objects in archive.db, and putting objects into segments and reading them
back. An object is an original file or a preview; its row holds where it lies (segment,
start, sealed length), its own key, its size and its SHA-256. Nothing outside archive.db
says what an object is.

Write order: ``put`` appends the sealed object to the newest segment and records it, with
the segment's new committed length, in the caller's transaction; just before that
transaction commits, the segment is synced to the disk (``Database.before_commit``). So the
commit is the only commit point: a crash before it leaves bytes past the committed length,
which the next append or unlock cuts off, and nothing points at them.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from amanat.core.atomic_file import sync_folder
from amanat.core.database import Database
from amanat.core.errors import (
    DiskFullAt,
    FileNotWritable,
    ScanChanged,
    ScanUnreadable,
    StoredObjectDamaged,
    os_reason,
)
from amanat.core.segments import sealing, segment_files


@dataclass(frozen=True, slots=True)
class Sealed:
    """Where one object lies and the key that opens it: enough to read it on any thread."""

    id: str
    path: Path
    start: int
    length: int
    size: int
    sha256: str
    key: bytes = field(repr=False)

    def chunks(self) -> Iterator[bytes]:
        """The object's plaintext, chunk by chunk, each authenticated before it is given
        out; StoredObjectDamaged where it does not open (or its segment is gone)."""
        try:
            handle = segment_files.reader(self.path, self.start)
        except FileNotFoundError:
            raise StoredObjectDamaged() from None
        with handle:
            yield from sealing.unseal(self.key, self.id, self.length, handle.read)

    def read(self) -> bytes:
        return b"".join(self.chunks())

    def read_range(self, start: int, length: int) -> bytes:
        """``length`` plaintext bytes from ``start`` (fewer past the end; none from the end
        on), opening only the chunks they lie in, each authenticated: a player seeking in
        a long recording reads what it plays, not the hour before it."""
        if start < 0 or length < 0:
            raise ValueError("a range starts and lasts at least zero bytes")
        end = min(start + length, self.size)
        if start >= end:
            return b""
        first, last = start // sealing.CHUNK, (end - 1) // sealing.CHUNK
        final = max(1, -(-self.size // sealing.CHUNK)) - 1
        parts = []
        try:
            handle = segment_files.reader(self.path, self.start + first * sealing.SEALED_CHUNK)
        except FileNotFoundError:
            raise StoredObjectDamaged() from None
        with handle:
            for index in range(first, last + 1):
                size = (
                    sealing.SEALED_CHUNK
                    if index < final
                    else self.length - final * sealing.SEALED_CHUNK
                )
                sealed = handle.read(size)
                if len(sealed) != size:
                    raise StoredObjectDamaged()
                parts.append(sealing.unseal_chunk(self.key, self.id, index, index == final, sealed))
        offset = start - first * sealing.CHUNK
        return b"".join(parts)[offset : offset + end - start]


def folder(db: Database) -> Path:
    return segment_files.folder_of(db.folder)


def put(db: Database, data: bytes | bytearray | memoryview, sha256: str | None = None) -> str:
    """Seal ``data`` into the newest segment and record it in the caller's transaction;
    returns the new object's id. ``sha256`` is the data's, when the caller has it already."""
    appended = _append(db, sealing.chunks_of(data))
    _record(db, appended, len(data), sha256 or hashlib.sha256(data).hexdigest())
    return appended.object_id


@dataclass(frozen=True, slots=True)
class FileOnDisk:
    """A file to be sealed straight from the disk, 64 KiB at a time, and what it held when
    it was read before: its size and SHA-256. A recording is kept this way, so a 500 MB
    video never lies whole in memory."""

    path: Path
    size: int
    name: str
    """The file as the user named it, for the sentence that refuses it."""


def put_file(db: Database, source: FileOnDisk, sha256: str) -> str:
    """Seal ``source`` into the newest segment, chunk by chunk, and record it in the
    caller's transaction, as ``put`` does for bytes in memory; returns the object's id.

    The bytes sealed are counted and hashed as they go. If they are not the ``source.size``
    bytes whose SHA-256 is ``sha256`` (what was read, hashed and probed before), the file
    changed since, and it is refused (ScanChanged) with nothing recorded: what is recorded
    is always the hash of what was sealed. Reading stops one chunk past the size, so a file
    that keeps growing is not followed. A file that cannot be read is ScanUnreadable."""
    reading = _Reading(source)
    appended = _append(db, reading.pieces())
    if reading.size != source.size or reading.digest.hexdigest() != sha256:
        # The sealed bytes lie past the committed length, where the next append cuts them.
        raise ScanChanged(name=source.name)
    _record(db, appended, reading.size, sha256)
    return appended.object_id


@dataclass(frozen=True, slots=True)
class _Appended:
    """An object sealed at the end of a segment, not yet recorded."""

    where: Path
    segment: str
    start: int
    end: int
    object_id: str
    key: bytes


def _append(db: Database, pieces: Iterator[bytes | memoryview]) -> _Appended:
    """Seal the plaintext ``pieces`` (whole chunks but the last) under a new object id and
    key, at the end of the newest segment."""
    if not db.in_transaction:
        raise RuntimeError("objects are put inside a transaction")
    where = folder(db)
    name, start = _newest_segment(db, where)
    object_id = sealing.new_object_id()
    key = sealing.new_key()
    try:
        end = segment_files.append(where / name, start, sealing.seal_pieces(key, object_id, pieces))
    except OSError as error:
        raise _write_error(error, where) from error
    return _Appended(where, name, start, end, object_id, key)


def _record(db: Database, appended: _Appended, size: int, sha256: str) -> None:
    """Record an appended object in the caller's transaction; its segment is synced just
    before the commit."""
    where, name = appended.where, appended.segment
    db.execute(
        "INSERT INTO objects (id, segment, start, length, key, size, sha256)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (appended.object_id, name, appended.start, appended.end - appended.start,
         appended.key, size, sha256),
    )  # fmt: skip
    db.execute("UPDATE segments SET committed = ? WHERE name = ?", (appended.end, name))
    db.before_commit(f"segment {name}", lambda: _sync(where / name, where))


class _Reading:
    """A file read once from start to end in whole chunks, counted and hashed on the way."""

    def __init__(self, source: FileOnDisk) -> None:
        self.source = source
        self.size = 0
        self.digest = hashlib.sha256()

    def pieces(self) -> Iterator[bytes]:
        try:
            with open(self.source.path, "rb") as handle:
                while piece := _whole_chunk(handle):
                    self.size += len(piece)
                    if self.size > self.source.size:
                        return  # it grew: refused by the caller, and not read further
                    self.digest.update(piece)
                    yield piece
                    if len(piece) < sealing.CHUNK:
                        # The end; a byte after it means the file grew meanwhile.
                        self.size += len(handle.read(1))
                        return
        except OSError as error:
            # Not the archive's disk: the file being read went away or could not be read.
            raise ScanUnreadable(name=self.source.name, reason=os_reason(error)) from error


def _whole_chunk(handle: BinaryIO) -> bytes:
    """The next CHUNK bytes, fewer only at the end of the file (a read may return less)."""
    piece = handle.read(sealing.CHUNK)
    while piece and len(piece) < sealing.CHUNK:
        more = handle.read(sealing.CHUNK - len(piece))
        if not more:
            break
        piece += more
    return piece


def syncing_ahead(db: Database, object_id: str) -> Callable[[], None]:
    """A function, safe to call on another thread, that pushes the segment holding
    ``object_id`` to the disk now, while a long transaction goes on appending: the sync
    before the commit then has only the rest to write. It changes nothing about durability
    (that sync still happens); its errors are raised as that sync's would be, and must be,
    since a failed write-back may be reported only once."""
    where = folder(db)
    path = where / str(db.value("SELECT segment FROM objects WHERE id = ?", (object_id,)))

    def sync() -> None:
        try:
            segment_files.sync(path)
        except OSError as error:
            raise _write_error(error, where) from error

    return sync


def copy_raw(db: Database, object_id: str) -> None:
    """Move an object's sealed bytes, as they are, to the newest segment and point its row
    there, in the caller's transaction (compaction: sealing does not depend on the place)."""
    old = locate(db, object_id)
    where = folder(db)
    name, start = _newest_segment(db, where, avoid=old.path.name)
    try:
        end = segment_files.append(
            where / name, start, segment_files.read_range(old.path, old.start, old.length)
        )
    except OSError as error:
        raise _write_error(error, where) from error
    if end - start != old.length:
        raise StoredObjectDamaged()
    db.execute("UPDATE objects SET segment = ?, start = ? WHERE id = ?", (name, start, object_id))
    db.execute("UPDATE segments SET committed = ? WHERE name = ?", (end, name))
    db.before_commit(f"segment {name}", lambda: _sync(where / name, where))


def locate(db: Database, object_id: str) -> Sealed:
    row = db.one(
        "SELECT segment, start, length, size, sha256, key FROM objects WHERE id = ?",
        (object_id,),
    )
    if row is None:
        raise StoredObjectDamaged()
    return Sealed(object_id, folder(db) / row[0], row[1], row[2], row[3], row[4], bytes(row[5]))


def read(db: Database, object_id: str) -> bytes:
    return locate(db, object_id).read()


def _newest_segment(db: Database, where: Path, avoid: str = "") -> tuple[str, int]:
    """The segment to append to and its committed length: the newest while it is under the
    limit and whole; otherwise a new one, created empty and recorded at length 0."""
    row = db.one("SELECT name, committed FROM segments ORDER BY rowid DESC LIMIT 1")
    if row is not None and row[0] != avoid and row[1] < segment_files.LIMIT:
        name, committed = str(row[0]), int(row[1])
        path = where / name
        if path.is_file() and segment_files.size(path) >= committed:
            return name, committed
    name = segment_files.new_name()
    try:
        segment_files.create(where, name)
    except OSError as error:
        raise _write_error(error, where) from error
    db.execute("INSERT INTO segments (name, committed) VALUES (?, 0)", (name,))
    return name, 0


def _sync(path: Path, where: Path) -> None:
    try:
        segment_files.sync(path)
        sync_folder(where)
    except OSError as error:
        raise _write_error(error, where) from error


def _write_error(error: OSError, where: Path) -> Exception:
    if error.errno == errno.ENOSPC:
        return DiskFullAt(path=str(where))
    return FileNotWritable(path=str(where), reason=os_reason(error))
