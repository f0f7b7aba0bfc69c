"""Background threads run below the window's priority (Linux), and the rest is untouched."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator

import pytest

from amanat.core.background import NICENESS, lower_this_thread, worked_ahead


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority is Linux's")
def test_only_the_calling_thread_is_lowered() -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen: list[int] = []

    def background() -> None:
        lower_this_thread()
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=background)
    thread.start()
    thread.join()
    assert seen == [min(19, before + NICENESS)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before


def test_work_ahead_keeps_the_order_and_takes_only_a_few_items_ahead() -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for n in range(10):
            taken.append(n)
            yield n

    results = worked_ahead(items(), lambda n: n * n, 2, "test")
    first = next(results)
    assert first == (0, 0)
    assert len(taken) == 4  # three in flight at the start, the next taken as one is handed over
    assert list(results) == [(n, n * n) for n in range(1, 10)]
