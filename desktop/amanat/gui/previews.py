"""The background pass that makes the screen-sized previews an import left for later, and
the thumbnails a bundle import left (the list shows a placeholder until then).

It runs on the archive's worker thread a few pages per turn, and each turn is queued behind
whatever the user asked for meanwhile, so opening a letter never waits for the whole pass.
Each turn is a long job (gui/jobs.py), so locking cancels the turn between two pages and
drops its result, and the pass simply stops; the next unlock starts it again for what is left.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal

from amanat.gui.jobs import Job
from amanat.gui.operations import make_some_previews
from amanat.gui.worker import Worker


class PreviewPass(QObject):
    finished = Signal()
    made = Signal(int)
    """A turn drew the pictures of (or tried) this many pages: the views read them again."""

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = Job(worker, self)
        self._running = False
        self._passed_over: set[str] = set()
        """Pages this pass found it cannot draw: not tried again until the next pass."""
        self._chain = 0
        """Which start the turns on their way belong to: a turn of a pass stopped and
        started again since is ignored, so two passes never run side by side."""

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the pass, or let the one running pick up the new pages on its next turn."""
        if not self._running:
            self._running = True
            self._passed_over = set()
            self._chain += 1
            self._turn(self._chain)

    def stop(self) -> None:
        self._running = False
        self._chain += 1
        self.job.cancel()

    def _turn(self, chain: int) -> None:
        # While a turn of a pass stopped since is still finishing, the new pass takes over
        # when it ends (see _made).
        passed_over = self._passed_over
        self.job.start(
            lambda report, cancel: partial(
                make_some_previews, progress=report, cancel=cancel, passed_over=passed_over
            ),
            lambda count: self._made(chain, count),
            lambda _error: self._made(chain, 0),
        )

    def _made(self, chain: int, count: int) -> None:
        if chain != self._chain:
            if self._running:
                self._turn(self._chain)  # the turn of the pass started meanwhile
            return
        if count:
            self.made.emit(count)
            self._turn(chain)
        else:
            self._end()

    def _end(self) -> None:
        self._running = False
        self.finished.emit()
