"""How the window runs a long job: the scan import, a bundle's export, verification and
import, the previews pass (and the backups and checks to come).

The core's long jobs all take a progress callback and a cancel check (core/jobs.py). A
``Job`` gives them both: the progress the job reports on the archive's thread reaches the
window as the ``progressed`` signal (queued onto the GUI thread), and ``cancel()`` sets a flag
the core reads between units, so the archive keeps only whole units. Locking the archive
cancels every job (the worker announces the lock), and a dialog closed while its job runs
asks it to stop instead of vanishing (``stop_if_running``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from amanat.core.errors import AmanatError
from amanat.core.jobs import Cancel, Progress, Report
from amanat.gui.worker import Operation, Worker

T = TypeVar("T")

Start = Callable[[Report, Cancel], Operation[T]]
"""Makes the job's operation from the two things every long job takes."""


class Job(QObject):
    """One long job at a time on the archive's worker thread, with its progress and cancel."""

    progressed = Signal(object)
    """A core.jobs.Progress, on the GUI thread, while the job runs."""
    cancelling = Signal()
    """Cancel was asked (by the user, a closing dialog or the lock); the job stops soon."""

    _relay = Signal(object)
    """Emitted on the worker thread; Qt queues it to this object's (the GUI) thread."""

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._cancel = threading.Event()
        self._running = False
        self._relay.connect(self._relayed)
        worker.invalidated.connect(self._archive_locked)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancelled(self) -> bool:
        """Whether cancel was asked since the job started."""
        return self._cancel.is_set()

    def start(
        self,
        start: Start[T],
        done: Callable[[T], None],
        failed: Callable[[AmanatError], None],
    ) -> bool:
        """Run the operation ``start`` makes; ``done`` or ``failed`` follows on the GUI thread.
        False (and nothing runs) while another job of this runner is still running."""
        if self._running:
            return False
        self._running = True
        # A flag of its own for each run: a run the lock left finishing on the worker thread
        # keeps reading its own, set, flag.
        self._cancel = threading.Event()

        def finished(result: T) -> None:
            self._running = False
            done(result)

        def broke(error: AmanatError) -> None:
            self._running = False
            failed(error)

        self._worker.submit(start(self._relay.emit, self._cancel.is_set), self, finished, broke)
        return True

    def cancel(self) -> None:
        """Ask the job to stop after the unit it is on; what it finished stays consistent."""
        if self._running and not self._cancel.is_set():
            self._cancel.set()
            self.cancelling.emit()

    def stop_if_running(self) -> bool:
        """For a dialog being closed: cancel the job and say True (stay open until it has
        stopped), or say False when nothing runs (close)."""
        if not self._running:
            return False
        self.cancel()
        return True

    def _relayed(self, progress: Progress) -> None:
        if self._running:
            self.progressed.emit(progress)

    def _archive_locked(self) -> None:
        # The job's result will be dropped on arrival (Worker.invalidate), so it is over for
        # the window now; the flag makes the core stop at the next unit instead of working on
        # for nobody.
        self.cancel()
        self._running = False
