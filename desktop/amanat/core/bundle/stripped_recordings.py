"""A recording's stripped copy written into a bundle as the decoding worker makes it, never
held whole here.

A bundle's manifest comes first and names every file's size and SHA-256, and a tar member's
size goes before its bytes, so both must be known before the copy is written. The copy
(core/recordings/strip.py) comes back from the worker in pieces, at the places its muxer
writes them: nearly all in order, one after the other, but at the end the muxer goes back
to fill in a few sizes near the start (an MP4's or MOV's ``mdat`` size, a WAV's RIFF and
data sizes, a WebM's segment size and index, an MP3's Xing frame): a few hundred bytes,
which no hash taken in order can see coming.

So the copy is made again for each thing it must give, and each pass holds only the piece
in hand and the bytes written back:

1. **measured**: its size and the writes that went back (and, when there are none, its
   SHA-256, which is then that of the bytes in order);
2. only when some went back, **hashed**: made again, each write that went back put in place
   as the bytes it covers first go by, to hash the copy as it will be;
3. **written** into the tar member as it is made, the same writes put in place, and hashed
   again.

FFmpeg's muxers, with the bitexact flags strip.py sets, write the same bytes for the same
recording every time (tests/bundle/test_bundle_recordings_streamed.py checks every format).
Every pass is compared with the first (the same size, the same writes back, the same hash);
a copy that comes out differently is refused in one sentence (RecordingCopyUnsteady) and
write_bundle removes the bundle it had begun.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, cast

from amanat.core.database import Database
from amanat.core.errors import Detail, ExportCancelled, PageDamaged, RecordingCopyUnsteady
from amanat.core.jobs import Cancel, cancelled
from amanat.core.scans.export import strip_into
from amanat.core.storage import pages

MOST_WRITTEN_BACK = 1024 * 1024
"""The muxers of the formats Amanat keeps go back for a few hundred bytes at most (a WebM's
header, 481 bytes for a short call); a worker going back for more is a decoder gone wrong,
and its page is refused as damaged rather than have its writes held here without end."""

_ZEROS = bytes(64 * 1024)


@dataclass(frozen=True, slots=True)
class Measured:
    """A stripped copy, as its passes found it."""

    size: int
    sha256: str
    """Of the copy as it leaves, with the writes that went back in place."""
    written_back: tuple[tuple[int, bytes], ...]
    """Each write at a place already written, in order: (offset, bytes)."""


class _Pass:
    """Where the worker's muxer writes during one pass (``seek``, ``tell``, ``write``, as on
    a file): the bytes in order are hashed and passed on, with the writes that went back in
    the first pass already in place; the writes that go back are kept."""

    def __init__(
        self,
        name: str,
        cancel: Cancel | None,
        first: Measured | None = None,
        out: Callable[[bytes], None] | None = None,
    ) -> None:
        self._name = name
        self._cancel = cancel
        self._first = first
        self._regions = _regions(first.written_back) if first else []
        self._out = out
        self._position = 0
        self.end = 0
        self.hash = hashlib.sha256()
        self.written_back: list[tuple[int, bytes]] = []
        self._back = 0

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self.end}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def write(self, data: bytes, /) -> int:
        # Cancelling here stops the worker too (decoding.pool stops a worker whose lent
        # file failed), so a long recording is not made to its end for nothing.
        if cancelled(self._cancel):
            raise ExportCancelled()
        position = self._position
        while self.end < position:  # a hole the muxer skipped: zeros, as a file reads it
            self._append(_ZEROS[: min(len(_ZEROS), position - self.end)])
        back = max(0, min(len(data), self.end - position))
        if back:
            self._back += back
            if self._back > MOST_WRITTEN_BACK:
                raise PageDamaged(name=self._name, detail=Detail("decoder-failed"))
            self.written_back.append((position, bytes(data[:back])))
        if back < len(data):
            self._append(data[back:] if back else data)
        self._position = position + len(data)
        return len(data)

    def _append(self, piece: bytes) -> None:
        start = self.end
        self.end += len(piece)
        if self._first is not None:
            if self.end > self._first.size:  # longer than the first time: stop at once
                raise RecordingCopyUnsteady(name=self._name)
            piece = _overlaid(piece, start, self._regions)
        self.hash.update(piece)
        if self._out is not None:
            self._out(piece)

    def check_same_as(self, first: Measured, sha256: str | None) -> None:
        """This pass made what the first did; ``sha256`` too, when it is known."""
        same = self.end == first.size and tuple(self.written_back) == first.written_back
        if not same or (sha256 is not None and self.hash.hexdigest() != sha256):
            raise RecordingCopyUnsteady(name=self._name)


def measure(db: Database, page_id: str, cancel: Cancel | None = None) -> Measured:
    """The size and SHA-256 of the page's stripped copy, made once or twice and held by
    neither pass."""
    name = _name(db, page_id)
    measuring = _Pass(name, cancel)
    strip_into(db, page_id, cast(IO[bytes], measuring))
    if not measuring.written_back:
        return Measured(measuring.end, measuring.hash.hexdigest(), ())
    first = Measured(measuring.end, "", tuple(measuring.written_back))
    hashing = _Pass(name, cancel, first)
    strip_into(db, page_id, cast(IO[bytes], hashing))
    hashing.check_same_as(first, None)
    return Measured(first.size, hashing.hash.hexdigest(), first.written_back)


def write(
    db: Database,
    page_id: str,
    measured: Measured,
    out: Callable[[bytes], None],
    cancel: Cancel | None = None,
) -> None:
    """The page's stripped copy made once more and passed to ``out`` piece by piece, in
    order, exactly ``measured.size`` bytes hashing to ``measured.sha256``; a copy that comes
    out otherwise raises RecordingCopyUnsteady (``out`` has been given part of it by then)."""
    writing = _Pass(_name(db, page_id), cancel, measured, out)
    strip_into(db, page_id, cast(IO[bytes], writing))
    writing.check_same_as(measured, measured.sha256)


def _name(db: Database, page_id: str) -> str:
    page = pages.get(db, page_id)
    return page.original_name or f"page {page.number}"


def _regions(written_back: tuple[tuple[int, bytes], ...]) -> list[tuple[int, bytearray]]:
    """The bytes as the writes that went back left them: apart, in order of place."""
    regions: list[tuple[int, bytearray]] = []
    for offset, data in written_back:
        end = offset + len(data)
        touching = [r for r in regions if r[0] <= end and r[0] + len(r[1]) >= offset]
        apart = [r for r in regions if not (r[0] <= end and r[0] + len(r[1]) >= offset)]
        start = min([offset] + [r[0] for r in touching])
        stop = max([end] + [r[0] + len(r[1]) for r in touching])
        joined = bytearray(stop - start)
        for at, region in touching:
            joined[at - start : at - start + len(region)] = region
        joined[offset - start : end - start] = data
        regions = sorted([*apart, (start, joined)], key=lambda r: r[0])
    return regions


def _overlaid(piece: bytes, start: int, regions: list[tuple[int, bytearray]]) -> bytes:
    """``piece`` (the bytes from ``start``) with the regions' bytes in place."""
    stop = start + len(piece)
    changed: bytearray | None = None
    for at, region in regions:
        low, high = max(at, start), min(at + len(region), stop)
        if low < high:
            if changed is None:
                changed = bytearray(piece)
            changed[low - start : high - start] = region[low - at : high - at]
    return piece if changed is None else bytes(changed)
