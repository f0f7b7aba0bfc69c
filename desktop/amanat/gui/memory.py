"""Keeping Python's cycle collector out of the frames the user watches.

The collector runs when enough objects have been made since its last run, wherever that
happens to be; a full collection walks every object the program holds, and with a timeline of
thousands of entries laid out that walk takes longer than a frame (tens of milliseconds, in
the middle of a zoom). After a large structure is built, ``settle`` collects once and then
freezes what survives: frozen objects are still freed as usual when nothing refers to them,
but later collections skip them, so they stay short whatever the size of the archive's data.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect now (a moment that is already a wait: just after loading), then exempt what
    is alive from later collections."""
    gc.collect()
    gc.freeze()


def keep() -> None:
    """Exempt what is alive now from later collections, without collecting first: cheap
    enough for an idle turn, after a part of a large structure was made."""
    gc.freeze()


def release() -> None:
    """Hand everything frozen back to the collector, once the structure it was frozen for
    is let go: a cycle among frozen objects would otherwise never be freed."""
    gc.unfreeze()
