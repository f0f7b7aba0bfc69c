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
