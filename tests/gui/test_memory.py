"""``memory.settle``: collects the cycles already dropped, then freezes what is still alive."""

from __future__ import annotations

import gc
import weakref

from amanat.gui import memory


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_settle_collects_dropped_cycles_and_freezes_the_rest() -> None:
    dropped, kept = _Node(), _Node()
    dropped.other = dropped  # a cycle: only the collector can free it
    kept.other = kept
    gone = weakref.ref(dropped)
    del dropped
    frozen_before = gc.get_freeze_count()
    try:
        memory.settle()
        assert gone() is None  # collected, not frozen alive forever
        assert gc.get_freeze_count() > frozen_before
        assert kept.other is kept
    finally:
        memory.release()
    assert gc.get_freeze_count() == 0


def test_keep_freezes_without_collecting() -> None:
    dropped = _Node()
    dropped.other = dropped
    gone = weakref.ref(dropped)
    del dropped
    try:
        memory.keep()
        assert gone() is not None  # not collected: keep only exempts what is there
        assert gc.get_freeze_count() > 0
    finally:
        memory.release()
    gc.collect()
    assert gone() is None  # released, the collector frees it after all
