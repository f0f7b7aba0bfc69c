"""The one thread that owns the archive, and how the GUI hands work to it.

SQLCipher connections may be used only on the thread that opened them, and key derivation
takes a second, so the archive is opened, read, written and locked on one worker thread
(Anki's task manager habit). The GUI submits *operations*, plain callables that take the
``Session``, with a success and a failure callback. Callbacks run on the GUI thread and are
bound to an owner ``QObject``: once the owner is gone they are dropped, never called on a
dead widget (KeePassXC's AsyncTask habit).

Locking bumps a *generation*: a result computed before the lock is dropped when it arrives,
so nothing read from the archive can refill a view after it was locked.

``SynchronousWorker`` runs every operation at once on the calling thread, so GUI tests are
deterministic (Picard's habit); the application uses ``ThreadWorker``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from amanat.core.background import lower_this_thread
from amanat.core.errors import AmanatError, ArchiveLocked
from amanat.core.vault import Archive

T = TypeVar("T")


class Session:
    """What the worker thread holds: the open archive, if any. Only operations touch it,
    and only on the worker thread."""

    def __init__(self) -> None:
        self.archive: Archive | None = None

    def require(self) -> Archive:
        """The open archive; ArchiveLocked when there is none (it was locked meanwhile)."""
        if self.archive is None or self.archive.is_locked:
            raise ArchiveLocked()
        return self.archive

    def close(self) -> None:
        """Lock the archive (close the database, wipe the key) if one is open."""
        if self.archive is not None:
            self.archive.lock()
            self.archive = None


Operation = Callable[[Session], T]
Done = Callable[[T], None]
Failed = Callable[[AmanatError], None]


class Worker(QObject):
    """Runs operations on the thread that owns the archive; see the module docstring."""

    unhandled_error = Signal(object)
    """An AmanatError from an operation submitted without a failure callback."""
    invalidated = Signal()
    """The archive was locked: results on their way are dropped, long jobs cancel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = Session()
        self._generation = 0

    def submit(
        self,
        operation: Operation[T],
        owner: QObject,
        done: Done[T] | None = None,
        failed: Failed | None = None,
        *,
        outlives_lock: bool = False,
    ) -> None:
        """Run ``operation`` on the archive's thread; ``done`` or ``failed`` is then called on
        the GUI thread, unless the archive was locked meanwhile. ``outlives_lock`` delivers
        the result even then: for the edits saved as the archive locks, whose failure the
        user must still hear about."""
        raise NotImplementedError

    def invalidate(self) -> None:
        """Drop every result still on its way: called when the archive is locked."""
        self._generation += 1
        self.invalidated.emit()

    def shutdown(self) -> None:
        """Lock the archive and stop; called once when the application quits."""
        raise NotImplementedError

    def _deliver(
        self,
        owner: QObject,
        generation: int | None,
        callback: Callable[[Any], None] | None,
        value: object,
    ) -> None:
        """Runs on the GUI thread."""
        if generation is not None and generation != self._generation:
            return
        if not shiboken6.isValid(owner):
            return
        if callback is not None:
            callback(value)
        elif isinstance(value, AmanatError):
            self.unhandled_error.emit(value)


class ThreadWorker(Worker):
    """Operations run one after another on a single long-lived thread."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One worker: the executor keeps that same thread for its whole life, which is what
        # SQLCipher's check_same_thread needs.
        # Below the window's priority, so that a long operation (an import's writes) never
        # makes the window wait for a core.
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="amanat-archive", initializer=lower_this_thread
        )
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        operation: Operation[T],
        owner: QObject,
        done: Done[T] | None = None,
        failed: Failed | None = None,
        *,
        outlives_lock: bool = False,
    ) -> None:
        generation = None if outlives_lock else self._generation

        def job() -> None:
            try:
                result = operation(self._session)
            except AmanatError as error:
                self._posted.emit(partial(self._deliver, owner, generation, failed, error))
            except BaseException as bug:  # A bug: crash loudly, on the GUI thread.
                self._posted.emit(partial(_reraise, bug))
            else:
                self._posted.emit(partial(self._deliver, owner, generation, done, result))

        self._executor.submit(job)

    def shutdown(self) -> None:
        self.invalidate()
        self._executor.submit(self._session.close).result()
        self._executor.shutdown(wait=True)

    def _run_posted(self, call: Callable[[], None]) -> None:
        call()


class SynchronousWorker(Worker):
    """Runs each operation at once, on the calling thread: for tests and screenshots."""

    def submit(
        self,
        operation: Operation[T],
        owner: QObject,
        done: Done[T] | None = None,
        failed: Failed | None = None,
        *,
        outlives_lock: bool = False,
    ) -> None:
        generation = None if outlives_lock else self._generation
        try:
            result = operation(self._session)
        except AmanatError as error:
            self._deliver(owner, generation, failed, error)
        else:
            self._deliver(owner, generation, done, result)

    def shutdown(self) -> None:
        self.invalidate()
        self._session.close()


def _reraise(bug: BaseException) -> None:
    raise bug
