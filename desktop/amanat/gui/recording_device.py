"""A recording given to the player from memory: a QIODevice that reads the sealed original
chunk by chunk as the player asks, never the whole file and never a temporary file.

The player (Qt's FFmpeg back end) reads and seeks this device from a thread of its own, so
the source must be readable on any thread: a sealed object's place and key (``Sealed``), not
the database. Each 64 KiB chunk is opened (decrypted and authenticated) when first read and
kept in a small cache of the last few, so the memory a recording takes is flat whatever its
length. ``drop`` (at the lock) empties the cache and forgets the key; reads after it end.

Qt's player reads this device on threads of its own (one opens the recording, another reads
it as it plays), each read calling ``readData`` here, in Python. The window has the player
let go of the device first (``setSource``, which waits for those threads with Python's lock
released; gui/player_bar.py); then ``drop`` puts the device at its end, so anything still
asking gets the end at once rather than nothing again and again (a first version of this
fix, which dropped the device before the player let go of it, hung the window so: FFmpeg,
opening the recording, kept asking and ``setSource`` kept waiting); ``settle`` waits,
Python's lock released, until no read is under way and none has begun for a moment; only
then is the device closed and deleted, so no thread is ever inside a deleted device
(docs/playback.md).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Protocol

from PySide6.QtCore import QIODevice, Signal

from amanat.core.errors import StoredObjectDamaged

CHUNK = 64 * 1024
"""Bytes opened at a time: the sealed objects' own chunk, so one read opens one chunk."""

KEPT = 16
"""Chunks kept (1 MiB): enough for the player's look-ahead and a short step back."""

READ_WAIT = 10.0
"""Seconds ``settle`` waits at most: one chunk from the slowest USB stick."""

QUIET = 0.1
"""Seconds with no read that show the player has stopped asking."""


class Ranged(Protocol):
    """Where a recording's bytes come from: its size and any range of them (a sealed
    object's ``read_range``, which opens only the chunks the range lies in)."""

    @property
    def size(self) -> int: ...

    def read_range(self, start: int, length: int) -> bytes: ...


class RecordingDevice(QIODevice):
    """A seekable, read-only device over a recording's sealed bytes."""

    damaged = Signal()
    """A chunk did not open (the archive's copy is damaged): the reading stopped there."""

    def __init__(self, source: Ranged) -> None:
        super().__init__()
        self._source: Ranged | None = source
        self._size = source.size
        self._chunks: OrderedDict[int, bytes] = OrderedDict()
        # The player reads on its own thread; the lock drops on the window's.
        self._guard = threading.Lock()
        self._reading = 0
        """Reads under way, on the player's threads."""
        self._last_read = 0.0
        """When the last read began (time.monotonic)."""
        self._read_done = threading.Condition(self._guard)

    # --- QIODevice -------------------------------------------------------------------------

    def isSequential(self) -> bool:  # Qt's names, in Qt's case
        return False

    def size(self) -> int:
        return self._size

    def bytesAvailable(self) -> int:
        if self._source is None:
            # Asked on the player's threads too (is it at its end?): a call into Python
            # like a read, so ``settle`` waits for these to stop as well.
            self._last_read = time.monotonic()
            return 0  # dropped: at the end, so the player's reading stops (not retries)
        return max(0, self._size - self.pos()) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:
        with self._guard:
            self._last_read = time.monotonic()
            if self._source is None:
                return b""  # dropped: the end, at once
            self._reading += 1
        try:
            return self._read(maxlen)
        finally:
            with self._guard:
                self._reading -= 1
                self._read_done.notify_all()

    def _read(self, maxlen: int) -> bytes:
        position = self.pos()
        wanted = max(0, min(maxlen, self._size - position))
        parts: list[bytes] = []
        while wanted > 0:
            index, offset = divmod(position, CHUNK)
            chunk = self._chunk(index)
            if chunk is None:
                break
            part = chunk[offset : offset + wanted]
            if not part:
                break
            parts.append(part)
            position += len(part)
            wanted -= len(part)
        return b"".join(parts)

    def writeData(self, data: bytes | bytearray | memoryview, length: int, /) -> int:
        del data, length
        return -1  # read-only: a recording is evidence

    # --- Ours ------------------------------------------------------------------------------

    def drop(self) -> None:
        """Forget the source and every opened chunk; the device is then at its end and reads
        nothing. Returns once the chunk being opened, if any, is (it holds the lock)."""
        with self._guard:
            self._source = None
            self._chunks.clear()

    def settle(self, timeout: float = READ_WAIT) -> bool:
        """After ``drop``: wait until no read is under way and none has begun for QUIET
        seconds, so that stopping the player cannot meet a read (see the module's
        docstring). False if reads went on for ``timeout``: the device must then be kept,
        not deleted."""
        deadline = time.monotonic() + timeout
        with self._guard:
            while True:
                now = time.monotonic()
                quiet_until = self._last_read + QUIET
                if self._reading == 0 and now >= quiet_until:
                    return True
                if now >= deadline:
                    return False
                # Waiting releases this lock and the interpreter's, so the reads can end.
                self._read_done.wait(min(deadline, max(quiet_until, now + 0.01)) - now)

    @property
    def kept_bytes(self) -> int:
        """Plaintext bytes held right now (the tests check it stays bounded)."""
        with self._guard:
            return sum(len(chunk) for chunk in self._chunks.values())

    def _chunk(self, index: int) -> bytes | None:
        with self._guard:
            if self._source is None:
                return None
            found = self._chunks.get(index)
            if found is not None:
                self._chunks.move_to_end(index)
                return found
            try:
                found = self._source.read_range(index * CHUNK, CHUNK)
            except StoredObjectDamaged:
                self._source = None
                self._chunks.clear()
                damaged = True
            else:
                damaged = False
                self._chunks[index] = found
                while len(self._chunks) > KEPT:
                    self._chunks.popitem(last=False)
        if damaged:
            self.damaged.emit()
            return None
        return found
