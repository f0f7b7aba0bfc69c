"""The length a recording's own header claims, read from the file without FFmpeg: FFmpeg
measures an MP4 by its index of samples and a WAV by the bytes present, so the header's
claim (ten hours, over two seconds of data) would never be seen. A claim far longer than
what the file holds means a cut copy or a file made to mislead, and is refused.

Only the fixed fields are read (an MP4's ``moov/mvhd``, a WAV's ``fmt `` and ``data``
sizes), a few bytes at a time from a seekable file, so a recording of any size is read in
bounded memory; anything unexpected means "no claim", never an error.
"""

from __future__ import annotations

import io
import os
import struct
from typing import Protocol

from amanat.core.file_types import M4A, MOV, MP4, WAV


class Seekable(Protocol):
    """A file opened for reading that can seek: an open file, a BytesIO, or the first
    bytes of a file as the decoding worker reads a recording."""

    def read(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int: ...

    def tell(self) -> int: ...


_STREAMED_SIZES = frozenset({0, 0xFFFFFFFF, 0x7FFFFFFF})
"""Data sizes a recorder writes when it streams and cannot go back to fill the size in."""
_MAX_BOXES = 10_000


def claimed_seconds(data: bytes, mime: str) -> float | None:
    """What the header of a recording held in memory says it lasts; see ``claimed_in``."""
    return claimed_in(io.BytesIO(data), mime)


def claimed_in(handle: Seekable, mime: str) -> float | None:
    """What the header says the recording lasts; None when it says nothing readable. Reads
    from ``handle`` (seekable) wherever it needs; the caller puts it back where it wants."""
    try:
        size = handle.seek(0, os.SEEK_END)
        if mime in (MP4, M4A, MOV):
            return _movie_seconds(_Reader(handle), size)
        if mime == WAV:
            return _wave_seconds(_Reader(handle), size)
    except (struct.error, ZeroDivisionError, IndexError, OSError, ValueError):
        return None
    return None


class _Reader:
    """Exactly ``length`` bytes from ``start``, or struct.error when the file has fewer."""

    def __init__(self, handle: Seekable) -> None:
        self._handle = handle

    def at(self, start: int, length: int) -> bytes:
        self._handle.seek(start)
        data = self._handle.read(length)
        if len(data) != length:
            raise struct.error("the file ends here")
        return data


def _boxes(read: _Reader, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, where its content starts, where it ends) of the boxes between start and end."""
    found: list[tuple[bytes, int, int]] = []
    position = start
    while position + 8 <= end and len(found) < _MAX_BOXES:
        size, kind = struct.unpack(">I4s", read.at(position, 8))
        header = 8
        if size == 1:
            size = struct.unpack(">Q", read.at(position + 8, 8))[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header:
            break
        found.append((kind, position + header, min(position + size, end)))
        position += size
    return found


def _movie_seconds(read: _Reader, size: int) -> float | None:
    for kind, start, end in _boxes(read, 0, size):
        if kind != b"moov":
            continue
        for inner, content, _ in _boxes(read, start, end):
            if inner != b"mvhd":
                continue
            version = read.at(content, 1)[0]
            if version == 1:
                scale, duration = struct.unpack(">IQ", read.at(content + 20, 12))
            else:
                scale, duration = struct.unpack(">II", read.at(content + 12, 8))
            if scale == 0 or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
                return None
            return float(duration) / float(scale)
    return None


def _wave_seconds(read: _Reader, size: int) -> float | None:
    head = read.at(0, 12)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    byte_rate = 0
    position = 12
    for _ in range(_MAX_BOXES):
        if position + 8 > size:
            return None
        kind, length = struct.unpack("<4sI", read.at(position, 8))
        if kind == b"fmt " and length >= 16:
            byte_rate = struct.unpack("<I", read.at(position + 16, 4))[0]
        elif kind == b"data":
            if length in _STREAMED_SIZES or byte_rate == 0:
                return None
            return float(length) / float(byte_rate)
        position += 8 + length + (length & 1)
    return None
