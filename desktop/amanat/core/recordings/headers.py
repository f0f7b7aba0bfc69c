"""The length a recording's own header claims, read from the bytes without FFmpeg: FFmpeg
measures an MP4 by its index of samples and a WAV by the bytes present, so the header's
claim (ten hours, over two seconds of data) would never be seen. A claim far longer than
what the file holds means a cut copy or a file made to mislead, and is refused.

Only the fixed fields are read (an MP4's ``moov/mvhd``, a WAV's ``fmt `` and ``data``
sizes), within the bytes given; anything unexpected means "no claim", never an error.
"""

from __future__ import annotations

import struct

from amanat.core.file_types import M4A, MOV, MP4, WAV

_STREAMED_SIZES = frozenset({0, 0xFFFFFFFF, 0x7FFFFFFF})
"""Data sizes a recorder writes when it streams and cannot go back to fill the size in."""
_MAX_BOXES = 10_000


def claimed_seconds(data: bytes, mime: str) -> float | None:
    """What the header says the recording lasts; None when it says nothing readable."""
    try:
        if mime in (MP4, M4A, MOV):
            return _movie_seconds(data)
        if mime == WAV:
            return _wave_seconds(data)
    except (struct.error, ZeroDivisionError, IndexError):
        return None
    return None


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, where its content starts, where it ends) of the boxes between start and end."""
    found: list[tuple[bytes, int, int]] = []
    position = start
    while position + 8 <= end and len(found) < _MAX_BOXES:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[position + 8 : position + 16])[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header:
            break
        found.append((kind, position + header, min(position + size, end)))
        position += size
    return found


def _movie_seconds(data: bytes) -> float | None:
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for inner, content, _ in _boxes(data, start, end):
            if inner != b"mvhd":
                continue
            version = data[content]
            if version == 1:
                scale, duration = struct.unpack(">IQ", data[content + 20 : content + 32])
            else:
                scale, duration = struct.unpack(">II", data[content + 12 : content + 20])
            if scale == 0 or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
                return None
            return float(duration) / float(scale)
    return None


def _wave_seconds(data: bytes) -> float | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    byte_rate = 0
    position = 12
    for _ in range(_MAX_BOXES):
        if position + 8 > len(data):
            return None
        kind, size = struct.unpack("<4sI", data[position : position + 8])
        if kind == b"fmt " and size >= 16:
            byte_rate = struct.unpack("<I", data[position + 16 : position + 20])[0]
        elif kind == b"data":
            if size in _STREAMED_SIZES or byte_rate == 0:
                return None
            return float(size) / float(byte_rate)
        position += 8 + size + (size & 1)
    return None
