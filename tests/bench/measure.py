"""Timing and statistics shared by the benchmark cases."""

from __future__ import annotations

import contextlib
import functools
import math
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar
from unittest import mock

T = TypeVar("T")


def timed(function: Callable[[], T]) -> tuple[float, T]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default), so a p95 of a few
    dozen samples is not simply the largest one."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass
class Clock:
    """Seconds spent inside a function, summed over its calls."""

    seconds: float = 0.0
    calls: int = 0


@contextlib.contextmanager
def clocked(module: ModuleType, name: str) -> Iterator[Clock]:
    """Time every call of ``module.name`` while the block runs. The product's modules call
    each other through module attributes (``search.index(...)``), so the wrapper sees calls
    from inside the product, which is what lets us split a measurement into its parts
    without changing product code."""
    clock = Clock()
    original = getattr(module, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            clock.seconds += time.perf_counter() - started
            clock.calls += 1

    with mock.patch.object(module, name, wrapper):
        yield clock


def progress(message: str) -> None:
    """A line on standard error, so a run of several minutes shows it is alive."""
    print(f"  {time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    """The process's peak resident memory so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def ms(seconds: float) -> str:
    """Milliseconds with precision suited to the magnitude."""
    value = seconds * 1000
    if value >= 100:
        return f"{value:,.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:,.1f} s" if seconds >= 10 else f"{seconds:.2f} s"


def ratio(measured: float, baseline: float) -> str:
    return f"{measured / baseline:.2f}×" if baseline > 0 else "–"


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MiB"
