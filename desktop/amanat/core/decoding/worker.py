"""The worker's side: a process that decodes one file at a time and sends back the result, in
frames (a length, then a pickle) over its stdin and stdout.

It starts with nothing of the archive (a new interpreter, not a fork of one holding the key),
sends its C libraries' output and Python's warnings nowhere, limits its own memory, and keeps
no core file. This module imports little at the top: the decoders themselves are imported
when the first task names them, after the output is silenced.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from amanat.core import process_hardening
from amanat.core.errors import AmanatError, Detail

NICENESS = 10
"""As the background threads: the window's thread goes first on a busy two-core laptop."""

FLAG = "--amanat-decoder"
"""The argument that makes the frozen program a worker (see main)."""

_replies: IO[bytes] | None = None
"""The pipe to the parent, in a worker only."""
_tasks: IO[bytes] | None = None
"""The pipe from the parent, in a worker only: tasks, and the pieces of a lent file."""

LARGEST_READ = 4 * 1024 * 1024
"""The most a worker asks of a lent file at once (pool.Lent)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A Detail on its way to the parent: its code and values, since a Detail (a filled
    string) cannot be rebuilt from its text."""

    code: str
    values: dict[str, object]


def alive() -> None:
    """Tell the parent this worker is still making progress (a decoder calls it after each
    page), so a long PDF is not mistaken for a hang. Does nothing outside a worker."""
    if _replies is not None:
        write_frame(_replies, pickle.dumps(("alive",)))


class LentFile:
    """In a worker: the file the parent lent for this task (pool.Lent), read by ranges a
    megabyte at a time, as a file object FFmpeg can read and seek in. The parent holds it
    (a sealed original, which only it can open); no more than a megabyte of it is here."""

    _BLOCK = 1024 * 1024

    def __init__(self, size: int) -> None:
        self.size = size
        self._position = 0
        self._block_start = 0
        self._block = b""

    def read(self, size: int = -1, /) -> bytes:
        end = self.size if size < 0 else min(self.size, self._position + size)
        pieces = []
        while self._position < end:
            offset = self._position - self._block_start
            if not 0 <= offset < len(self._block):
                self._block_start = self._position
                self._block = _ask(self._position, min(self._BLOCK, self.size - self._position))
                offset = 0
                if not self._block:
                    raise OSError("the lent file ended early")
            piece = self._block[offset : offset + end - self._position]
            self._position += len(piece)
            pieces.append(piece)
        return b"".join(pieces)

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise OSError("a seek before the start")
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True


class LentCopy:
    """In a worker: the copy it makes for the parent, written there piece by piece at the
    places a muxer writes (an MP4's muxer goes back to its start to fill sizes in)."""

    def __init__(self) -> None:
        self._position = 0
        self._end = 0

    def write(self, data: bytes, /) -> int:
        if _replies is not None and data:
            write_frame(_replies, pickle.dumps(("write", self._position, bytes(data))))
        self._position += len(data)
        self._end = max(self._end, self._position)
        return len(data)

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self._end}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True


def _ask(start: int, length: int) -> bytes:
    """``length`` bytes of the lent file from ``start``, from the parent."""
    if _replies is None or _tasks is None:
        raise RuntimeError("a lent file is read in a worker only")
    write_frame(_replies, pickle.dumps(("read", start, length)))
    data = read_frame(_tasks, LARGEST_READ)
    if data is None:
        raise OSError("the parent ended")
    return data


def main() -> None:
    """The worker's life: silence, limits, then one task after another from stdin, each
    answered on stdout, until the parent closes the pipe. Started by the pool as
    ``python -m amanat.core.decoding``, or the frozen program with FLAG."""
    global _replies, _tasks
    tasks = _tasks = os.fdopen(os.dup(0), "rb")
    _replies = os.fdopen(os.dup(1), "wb")
    _silence()
    process_hardening.harden()  # no core file: it would hold the file being decoded
    _lower_priority()
    settings = pickle.loads(read_frame(tasks) or b"")
    if not getattr(sys, "frozen", False):
        sys.path[:] = settings["path"]  # the parent's, so its tasks import from the same place
    _limit_memory(settings["memory"])
    write_frame(_replies, pickle.dumps(("ready",)))
    while (frame := read_frame(tasks)) is not None:
        task, args = pickle.loads(frame)
        write_frame(_replies, _reply(task, args))


def write_frame(stream: IO[bytes], data: bytes) -> None:
    # Two writes, not one of the two joined: a scan's frame is megabytes, and joining
    # would copy it once more.
    stream.write(len(data).to_bytes(8, "big"))
    stream.write(data)
    stream.flush()


def read_frame(stream: IO[bytes], largest: int | None = None) -> bytes | None:
    """The next frame, or None at the end of the stream (or in the middle of a frame: the
    other side ended), or when it claims to be larger than ``largest``."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    if largest is not None and size > largest:
        return None
    data = stream.read(size)
    return data if len(data) == size else None


def _reply(task: Callable[..., Any], args: tuple[Any, ...]) -> bytes:
    # Warnings are caught into a list that is dropped: a library's UserWarning about a
    # damaged file says nothing Amanat's own sentence does not.
    with warnings.catch_warnings(record=True):
        try:
            outcome: tuple[Any, ...] = ("done", task(*args))
        except AmanatError as error:
            outcome = ("refused", type(error), _portable(error.values))
        except MemoryError:
            outcome = ("memory",)
        except Exception:  # any type at all: the file is refused, not the import
            outcome = ("failed",)
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a result that cannot travel is a failed decoding
        return pickle.dumps(("failed",))


def _portable(values: dict[str, object]) -> dict[str, object]:
    return {
        key: Phrase(value.code, _portable(value.values)) if isinstance(value, Detail) else value
        for key, value in values.items()
    }


def rebuilt(values: dict[str, object]) -> dict[str, object]:
    """The parent's side of ``_portable``."""
    return {
        key: Detail(value.code, **rebuilt(value.values)) if isinstance(value, Phrase) else value
        for key, value in values.items()
    }


def _silence() -> None:
    """Point the C-level stdin, stdout and stderr at the null device (the parent already
    sends stderr there; the tasks and replies go through copies of the pipes): libtiff,
    libjpeg and PDFium write their complaints to stderr directly, past Python, and a
    library writing to stdout would otherwise break a reply. What they say is never shown
    to the user nor kept: the user reads Amanat's sentence about the file instead."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for descriptor in (0, 1, 2):
            os.dup2(null, descriptor)
        os.close(null)
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the process's life


def _limit_memory(memory_bytes: int) -> None:
    """A file that makes a decoder allocate without end meets MemoryError (refused: not
    enough memory) or dies (refused: crashed), instead of swapping the laptop to a halt.
    Address space is what Linux can limit; elsewhere the time limit still holds."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
