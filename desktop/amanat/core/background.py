"""Threads that do long work in the background (reading scans, making previews) run at a
lower priority than the window's thread.

On a two-core laptop an import keeps both cores busy with decoding and encrypting; at equal
priority the window's thread then waits its turn with them and the window stutters. A lower
priority lets it go first whenever it has something to do, and costs the import nothing when
it has not. Linux gives each thread its own priority; elsewhere this does nothing.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

NICENESS = 10
"""How much lower: the usual step for background work (0 is normal, 19 the lowest)."""


def lower_this_thread() -> None:
    """Lower the priority of the calling thread only (a pool's initializer)."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + NICENESS))
    except OSError:
        pass  # not allowed here (a sandbox): the work is just as correct at the same priority


def worked_ahead(
    items: Iterable[T], work: Callable[[T], R], workers: int, name: str
) -> Iterator[tuple[T, R]]:
    """``(item, work(item))`` in the order of ``items``, the work done on a pool of
    ``workers`` lower-priority threads while the caller handles the results before it.

    Items are taken from ``items`` on the calling thread, a few ahead (enough to keep the
    pool busy, few enough that memory stays flat), so a generator may read them from the
    database the caller owns. Leaving the loop early cancels what has not started and waits
    for what has."""
    pool = ThreadPoolExecutor(
        max_workers=workers, thread_name_prefix=name, initializer=lower_this_thread
    )
    pending: deque[tuple[T, Future[R]]] = deque()
    queue = iter(items)
    try:
        for item in queue:
            pending.append((item, pool.submit(work, item)))
            if len(pending) > workers:
                break
        while pending:
            item, future = pending.popleft()
            result = future.result()
            # The next item goes to the pool before this result is handed over, so the pool
            # works while the caller does.
            for following in queue:
                pending.append((following, pool.submit(work, following)))
                break
            yield item, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
