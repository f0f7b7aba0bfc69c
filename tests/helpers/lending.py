"""Tasks for a decoding worker that use a lent file (decoding.Lent), well or badly: they are
module-level so the worker can import them by name."""

from __future__ import annotations

import os

from amanat.core import decoding


def copies_backwards(size: int) -> int:
    """Copy the lent file to the copy, its second half first, through seeks both ways."""
    source, copy = decoding.LentFile(size), decoding.LentCopy()
    half = size // 2
    source.seek(half)
    copy.seek(half)
    copy.write(source.read())
    source.seek(0)
    copy.seek(0)
    while piece := source.read(min(100_000, half - source.tell())):
        copy.write(piece)
    return source.seek(0, os.SEEK_END)


def reads_for_ever(size: int) -> None:
    """Read the start and the end of the lent file in turn, asking the parent each time."""
    source = decoding.LentFile(size)
    while True:
        for place in (0, size - 10):
            source.seek(place)
            source.read(10)


def writes_too_much(size: int) -> None:
    copy = decoding.LentCopy()
    for _ in range(10 * (size // 65536 + 1)):
        copy.write(b"\0" * 65536)
