"""Long jobs of the core that count in a progress type of their own (scan import, bundles,
previews) are reported here as one ``core.jobs.Progress``, so each client shows them alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from amanat.core.jobs import Progress, Report


class Counted(Protocol):
    """Any job's own progress value: so many of so many units, and the unit just done."""

    @property
    def done(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def current(self) -> str: ...


def relay(report: Report | None) -> Callable[[Counted], None] | None:
    """A callback for a core job that hands each of its updates to ``report``."""
    if report is None:
        return None

    def forward(update: Counted) -> None:
        report(Progress(update.done, update.total, update.current))

    return forward


def relay_counts(report: Report | None, current: str = "") -> Callable[[int, int], None] | None:
    """The same for a job that counts only (done, total); ``current`` names what it makes."""
    if report is None:
        return None

    def forward(done: int, total: int) -> None:
        report(Progress(done, total, current))

    return forward
