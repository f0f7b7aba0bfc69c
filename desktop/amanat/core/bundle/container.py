"""The tar stream inside a bundle: written with the standard library in stream mode, read
back with a small strict reader of our own.

Our bundles hold only plain ustar regular files with short names. Python's tarfile accepts
far more (PAX headers it reads whole into memory, links, long-name extensions, lenient
checksums), and every extra is room for a hostile bundle, so reading accepts exactly what we
write and nothing else, a header at a time, in bounded memory.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final, Protocol

from amanat.core.errors import BundleDamaged

BLOCK: Final = 512
CHUNK: Final = 64 * 1024
_REGULAR = (b"0", b"\x00")
_MAGICS = (b"ustar\x0000", b"ustar  \x00")


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


# --- Writing -----------------------------------------------------------------------------


class _Sink:
    """Where tarfile writes: the AgeWriter until ``cut()``, then nowhere. tarfile flushes its
    buffer when it is closed or collected, and after a failure that must not reach an age
    writer that was aborted on purpose."""

    def __init__(self, out: Any) -> None:
        self._out: Any = out

    def write(self, data: bytes) -> int:
        if self._out is not None:
            self._out.write(data)
        return len(data)

    def cut(self) -> None:
        self._out = None


class TarWriter:
    """Plain ustar members into ``out``; names and times are the only metadata written
    (no user or group names: they would say who made the bundle on which computer).
    Use as a context manager: leaving through an exception writes nothing more."""

    def __init__(self, out: Any, mtime: float) -> None:
        # ``out`` is any writable stream (the AgeWriter): tarfile only calls write() on it.
        self._sink = _Sink(out)
        sink: Any = self._sink  # tarfile's stubs want a file object; write() is all it uses
        self._tar = tarfile.open(  # noqa: SIM115  (closed by __exit__, after the last member)
            fileobj=sink, mode="w|", format=tarfile.USTAR_FORMAT
        )
        self._mtime = mtime

    def add(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(self._mtime)
        info.mode = 0o644
        info.uname = info.gname = ""
        # BytesIO over bytes shares the buffer: no second copy of a large file.
        self._tar.addfile(info, io.BytesIO(data))

    def __enter__(self) -> TarWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is not None:
            self._sink.cut()
        self._tar.close()


# --- Reading -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    size: int


class TarReader:
    """Members one at a time: ``next()`` gives the next header (None at the end), then
    ``chunks()`` or ``read_all()`` gives its data. The end is only reported once the stream
    itself has ended, so the age layer has authenticated its final chunk."""

    def __init__(self, stream: _Readable) -> None:
        self._stream = stream
        self._pending: Member | None = None

    def _exact(self, size: int) -> bytes:
        parts: list[bytes] = []
        got = 0
        while got < size:
            data = self._stream.read(size - got)
            if not data:
                raise BundleDamaged(detail="it ends in the middle of a file")
            parts.append(data)
            got += len(data)
        return b"".join(parts)

    def next(self) -> Member | None:
        if self._pending is not None:
            raise RuntimeError("read the member's data before the next header")
        header = self._exact(BLOCK)
        if header == bytes(BLOCK):
            self._finish()
            return None
        member = _parse_header(header)
        self._pending = member
        return member

    def _finish(self) -> None:
        # After the end marker tar pads with zeros; anything else was added afterwards.
        while True:
            data = self._stream.read(CHUNK)
            if not data:
                return
            if data.count(0) != len(data):
                raise BundleDamaged(detail="something was added after its last file")

    def chunks(self) -> Iterator[bytes]:
        """The pending member's data in pieces of at most 64 KiB, then its padding."""
        member = self._pending
        if member is None:
            raise RuntimeError("no member to read")
        left = member.size
        while left:
            data = self._exact(min(CHUNK, left))
            left -= len(data)
            yield data
        self._exact(-member.size % BLOCK)
        self._pending = None

    def read_all(self) -> bytes:
        return b"".join(self.chunks())

    def read_into(self, buffer: bytearray) -> Iterator[memoryview]:
        """Fill ``buffer`` (exactly the member's size) with its data, yielding each piece as
        it lands, so the caller can hash it without a second copy."""
        view = memoryview(buffer)
        position = 0
        for data in self.chunks():
            view[position : position + len(data)] = data
            yield view[position : position + len(data)]
            position += len(data)


def _parse_header(header: bytes) -> Member:
    stored = header[148:156].replace(b"\x00", b" ").strip()
    computed = sum(header[:148]) + 8 * ord(" ") + sum(header[156:])
    try:
        checksum = int(stored, 8)
    except ValueError:
        raise BundleDamaged(detail="a file header inside it is malformed") from None
    if checksum != computed:
        raise BundleDamaged(detail="a file header inside it is damaged")
    if header[257:265] not in _MAGICS:
        raise BundleDamaged(detail="it holds a kind of archive Amanat does not write")
    if header[156:157] not in _REGULAR:
        raise BundleDamaged(detail="it holds something other than plain files (a link or folder)")
    size_field = header[124:136]
    if size_field[0] & 0x80:  # base-256 sizes: only needed beyond 8 GiB, never by us
        raise BundleDamaged(detail="a file inside it declares an impossible size")
    try:
        size = int(size_field.replace(b"\x00", b" ").strip() or b"0", 8)
    except ValueError:
        raise BundleDamaged(detail="a file header inside it is malformed") from None
    name = _field(header[0:100])
    prefix = _field(header[345:500]) if header[257:263] == b"ustar\x00" else ""
    full = f"{prefix}/{name}" if prefix else name
    return Member(full, size)


def _field(raw: bytes) -> str:
    try:
        return raw.split(b"\x00", 1)[0].decode("utf-8")
    except UnicodeDecodeError:
        raise BundleDamaged(detail="a file name inside it is not readable text") from None
