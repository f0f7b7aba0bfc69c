"""Long jobs: how any job that takes a while reports how far it is and learns it was cancelled.

Scan import, bundle export and import, the previews pass, backups, restores and checks all take
the same two optional callables, so the window runs every one of them with one runner (progress
bar, cancel button, cancel on close and on lock) and the command line with one printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job is: ``done`` of ``total`` units (files, pages, bytes), and what it did last."""

    done: int
    total: int
    current: str = ""
    """The unit just finished (a file name, a record's label); empty before the first."""


Report = Callable[[Progress], None]
"""Called on the job's own thread after each unit; must be quick (the window relays it)."""

Cancel = Callable[[], bool]
"""Asked between units; True means stop as soon as the archive is consistent."""


def cancelled(cancel: Cancel | None) -> bool:
    """Whether the caller asked to stop; a job with no cancel check never is."""
    return cancel is not None and cancel()
