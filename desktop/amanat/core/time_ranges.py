"""A time range of a recording as people read it: ``1:02–1:30``, the way the player shows
its position, with tenths of a second only where whole seconds would hide what was marked.
Shared by the lists, the command line, the bundle's reader and the case file."""

from __future__ import annotations

from amanat.core.records import TimeRange


def clock(seconds: float) -> str:
    """A time or a length as the player shows it: ``1:23`` or ``1:02:03``, in whole seconds
    (the second under way is not yet counted, as a player's does not). The one clock of the
    player, the page report, the lists, the command line, the reader and the case file."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, second = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{second:02d}" if hours else f"{minutes}:{second:02d}"


def moment_clock(seconds: float) -> str:
    """``1:02``, ``1:02:03``, or ``0:01.2`` when the tenths matter."""
    tenths_in_all = round(seconds * 10)
    whole, tenths = divmod(tenths_in_all, 10)
    hours, rest = divmod(whole, 3600)
    minutes, second = divmod(rest, 60)
    shown = f"{hours}:{minutes:02d}:{second:02d}" if hours else f"{minutes}:{second:02d}"
    return f"{shown}.{tenths}" if tenths else shown


def range_clock(target: TimeRange) -> str:
    return f"{moment_clock(target.start)}–{moment_clock(target.end)}"
