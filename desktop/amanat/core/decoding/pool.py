"""The parent's side: a few worker processes, each lent to one caller at a time.

The callers are the import's reading threads (and the previews' and a bundle's drawing
thread): each hands a file's bytes to a worker and waits, without holding the interpreter,
for its answer. A worker that dies (a crash in a C decoder, the memory limit) or stays
silent longer than the time limit is replaced and the file refused by name; the other
workers and files go on. Workers start when first needed and stay for the next file.

The answer is read with an unpickler that builds only plain values and Amanat's own data
classes and errors, never an arbitrary object: a decoder taken over by a hostile file can
lie about that one file, not run code in the program that holds the archive.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import enum
import io
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any, TypeVar

from amanat.core.decoding.worker import (
    FLAG,
    LARGEST_READ,
    Phrase,
    read_frame,
    rebuilt,
    write_frame,
)
from amanat.core.errors import AmanatError, Detail, ScanDamaged

R = TypeVar("R")
MB = 1024 * 1024

WORKERS = 2
"""As many as the reading threads: both cores of the old laptops families use."""
LARGEST_REPLY = 1024 * MB
"""A reply claiming more is a worker gone wrong (the pictures of a 500-page PDF are about a
tenth of this); reading it would exhaust this process's memory, so the worker is dropped."""
MOST_PAGES_REPORTED = 100_000
"""A worker that reports progress more often than any file has pages is gone wrong too: it
would otherwise hold its caller for ever, one time limit at a time."""
STARTING_SECONDS = 60.0
"""How long a new worker may take to start (an old laptop, a cold disk): it imports Pillow,
libheif and PDFium before it says it is ready."""


@dataclass(slots=True)
class Lent:
    """A file lent to a worker for one task, so neither it nor what the worker makes of it
    crosses the pipe whole: the worker reads ``size`` bytes of it by ranges through
    ``read(start, length)`` (a sealed original, opened chunk by chunk) and writes its copy
    into ``out`` at the places it says, at most ``most_written`` bytes long."""

    read: Callable[[int, int], bytes]
    size: int
    out: IO[bytes]
    most_written: int
    read_so_far: int = 0

    @property
    def most_read(self) -> int:
        """A demuxer seeks back and forth, but one reading more than this many times the
        file is a worker gone wrong, which would otherwise hold its caller for ever."""
        return 16 * self.size + 64 * MB


@dataclass(frozen=True, slots=True)
class DecodingLimits:
    memory_mb: int = 3072
    """The address space of one worker. Its libraries take about 160 MB of it before any
    file (measured on Linux); the largest picture opened (200 million pixels, see
    scans.formats) needs 600 MB decoded and a copy or two while it is drawn."""
    seconds: float = 60.0
    """The longest a worker may stay silent: it reports after each page, so this bounds one
    page, not a 500-page PDF. A hung decoder costs its file this long, once."""


class Decoders:
    """A pool of ``workers`` decoding processes. Safe to use from several threads: each
    call takes a free worker, or waits for one."""

    def __init__(self, workers: int = WORKERS, limits: DecodingLimits | None = None) -> None:
        self.limits = limits or DecodingLimits()
        self._free: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        for _ in range(workers):
            self._free.put(None)  # None: not started yet, or replaced after a failure
        self._started: set[_Worker] = set()
        self._lock = threading.Lock()

    def run(self, name: str, task: Callable[..., R], *args: Any, lent: Lent | None = None) -> R:
        """``task(*args)`` in a worker, and its result. An AmanatError it raises is raised
        here; anything else that goes wrong in the worker is a ScanDamaged naming ``name``.
        With ``lent``, the task reads that file and writes its copy there (worker.lent)."""
        worker = self._free.get()
        try:
            if worker is None:
                worker = self._start()
            try:
                worker.send(task, args)
            except OSError:  # it ended since its last file (killed from outside): once more
                self._stop(worker)
                worker = self._start()
                worker.send(task, args)
            try:
                result: R = self._answer(worker, name, lent)
            except AmanatError:
                raise  # a whole answer (or a worker already replaced): ready for the next
            except BaseException:
                # Interrupted half-way (KeyboardInterrupt): its answer would reach the next
                # caller, so it goes.
                self._stop(worker)
                raise
            return result
        finally:
            self._free.put(worker if worker is not None and worker.usable else None)

    def process_ids(self) -> list[int]:
        """The workers running now (for measuring them: the benchmark reads their memory)."""
        with self._lock:
            return [worker.process.pid for worker in self._started]

    def close(self) -> None:
        """Stop every worker. The pool can still be used; it starts new ones."""
        with self._lock:
            started = list(self._started)
        for worker in started:
            self._stop(worker, at_once=False)

    def _answer(self, worker: _Worker, name: str, lent: Lent | None = None) -> Any:
        reported = 0
        while reported < MOST_PAGES_REPORTED:
            try:
                frame = worker.reply(self.limits.seconds)
            except queue.Empty:
                self._stop(worker)
                seconds = f"{self.limits.seconds:g}"
                raise ScanDamaged(
                    name=name, detail=Detail("decoder-too-slow", seconds=seconds)
                ) from None
            if frame is None:
                self._stop(worker)
                raise ScanDamaged(name=name, detail=Detail("decoder-crashed"))
            try:
                message = _restricted_loads(frame)
            except Exception:
                # Only a decoder gone wrong sends what does not unpickle as expected.
                self._stop(worker)
                raise ScanDamaged(name=name, detail=Detail("decoder-failed")) from None
            if not (isinstance(message, tuple) and message):
                self._stop(worker)
                raise ScanDamaged(name=name, detail=Detail("decoder-failed"))
            kind = message[0]
            if kind in ("read", "write"):
                try:
                    lent_well = lent is not None and _lend(worker, lent, message)
                except BaseException:
                    # The lent file failed here (a damaged sealed chunk, a full disk): the
                    # worker waits for a piece that will not come, so it goes.
                    self._stop(worker)
                    raise
                if not lent_well:
                    break
                continue
            reported += 1
            if kind == "alive":
                continue
            if kind == "done":
                return message[1]
            if kind == "refused":
                raise _refusal(message, name)
            if kind == "memory":
                raise ScanDamaged(name=name, detail=Detail("out-of-memory"))
            break
        self._stop(worker)
        raise ScanDamaged(name=name, detail=Detail("decoder-failed"))

    def _start(self) -> _Worker:
        worker = _Worker(self.limits)
        with self._lock:
            self._started.add(worker)
        return worker

    def _stop(self, worker: _Worker, at_once: bool = True) -> None:
        worker.stop(at_once)
        with self._lock:
            self._started.discard(worker)


def _lend(worker: _Worker, lent: Lent, message: tuple[Any, ...]) -> bool:
    """Answer a worker's read of the lent file, or take a piece of its copy; False when the
    request is not one a decoder that is well would make."""
    if len(message) != 3 or not isinstance(message[1], int) or message[1] < 0:
        return False
    if message[0] == "read":
        start, length = message[1], message[2]
        if not isinstance(length, int) or not 0 <= length <= LARGEST_READ:
            return False
        lent.read_so_far += length
        if lent.read_so_far > lent.most_read:
            return False
        try:
            write_frame(worker.tasks, lent.read(start, length))
        except OSError:
            return False  # the worker ended: its answer says how
        return True
    offset, data = message[1], message[2]
    if not isinstance(data, bytes) or offset + len(data) > lent.most_written:
        return False
    lent.out.seek(offset)
    lent.out.write(data)
    return True


def _refusal(message: tuple[Any, ...], name: str) -> AmanatError:
    """The error the worker raised, made again here; a message that does not make one
    (only a decoder gone wrong sends such a thing) is a failed decoding."""
    error_class, values = message[1], message[2]
    if isinstance(error_class, type) and issubclass(error_class, AmanatError):
        try:
            return error_class(**rebuilt(values))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            pass
    return ScanDamaged(name=name, detail=Detail("decoder-failed"))


class _Worker:
    """One worker process and the thread that reads its replies, so that waiting for one
    can have a time limit on every system (pipes cannot be polled on Windows)."""

    def __init__(self, limits: DecodingLimits) -> None:
        # A new program, not a fork: a fork would copy this process's memory, archive key
        # included, and its open files. Its stderr goes nowhere from its first instruction.
        try:
            self.process = subprocess.Popen(
                _command(),
                env=_environment(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as error:
            raise DecoderUnavailable(f"cannot start {_command()}: {error}") from error
        assert self.process.stdin is not None and self.process.stdout is not None
        self.tasks: IO[bytes] = self.process.stdin
        self.replies: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(
            target=self._read, args=(self.process.stdout,), name="amanat-decoder", daemon=True
        )
        self._reader.start()
        self.usable = True
        settings = {"path": list(sys.path), "memory": limits.memory_mb * MB}
        try:
            write_frame(self.tasks, pickle.dumps(settings))
            frame = self.reply(STARTING_SECONDS)
            ready = frame is not None and _restricted_loads(frame) == ("ready",)
        except Exception:  # a pipe closed, silence, or a reply that does not unpickle
            ready = False
        if not ready:
            # Not the file's fault: refusing every file as "crashed the decoder" would be a
            # lie, so this is the bug or broken installation it is, and it says so loudly.
            self.stop(at_once=True)
            raise DecoderUnavailable("the decoding worker did not start: " + " ".join(_command()))

    def _read(self, replies: IO[bytes]) -> None:
        while (frame := read_frame(replies, LARGEST_REPLY)) is not None:
            self.replies.put(frame)
        self.replies.put(None)  # the worker ended

    def send(self, task: Callable[..., Any], args: tuple[Any, ...]) -> None:
        write_frame(self.tasks, pickle.dumps((task, args), protocol=pickle.HIGHEST_PROTOCOL))

    def reply(self, seconds: float) -> bytes | None:
        """The next frame from the worker; None if it ended. Raises queue.Empty when it
        has said nothing for ``seconds``."""
        return self.replies.get(timeout=seconds)

    def stop(self, at_once: bool = False) -> None:
        """End the worker: a worker that is well ends when its pipe closes; a hung or
        misbehaving one (``at_once``) is killed."""
        self.usable = False
        with contextlib.suppress(OSError):
            self.tasks.close()
        if at_once:
            self.process.kill()
        try:
            self.process.wait(1)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(1)
        if self.process.stdout is not None:
            self.process.stdout.close()


class DecoderUnavailable(RuntimeError):
    """A worker could not be started at all (a broken installation): a bug, not a file."""


def _environment() -> dict[str, str]:
    """This process's environment, with its module path when not frozen: the worker must
    find ``amanat`` where this process found it, even on a path added after it started."""
    environment = dict(os.environ)
    if not getattr(sys, "frozen", False):
        environment["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return environment


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, FLAG]  # the frozen program's entry point starts a worker
    return [sys.executable, "-m", "amanat.core.decoding"]


_ALLOWED_BUILTINS = frozenset({"frozenset", "set", "complex", "bytearray"})


class _Restricted(pickle.Unpickler):
    """Builds plain values (numbers, strings, bytes, tuples, lists, dicts, sets) and, of
    classes, only Amanat's core data classes, enums and errors."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _ALLOWED_BUILTINS:
            return super().find_class(module, name)
        if module.startswith("amanat.core."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (
                dataclasses.is_dataclass(found)
                or issubclass(found, (AmanatError, enum.Enum))
                or found is Phrase
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not expected from a decoder")


def _restricted_loads(data: bytes) -> Any:
    return _Restricted(io.BytesIO(data)).load()


_shared: Decoders | None = None
_shared_lock = threading.Lock()


def decoders() -> Decoders:
    """The program's pool, made on first use and stopped when the program ends."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Decoders()
            atexit.register(_shared.close)
        return _shared


def run(name: str, task: Callable[..., R], *args: Any, lent: Lent | None = None) -> R:
    """``task(*args)`` in one of the program's decoding workers; see ``Decoders.run``."""
    return decoders().run(name, task, *args, lent=lent)


def close() -> None:
    """Stop the program's workers (they start again when next needed)."""
    with _shared_lock:
        shared = _shared
    if shared is not None:
        shared.close()
