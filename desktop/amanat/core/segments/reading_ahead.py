"""Reading an object ahead of its consumer: a thread opens (and hashes) its chunks while the
caller writes the ones before, at most a few chunks apart, so memory stays flat."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Any

_DEPTH = 16
"""Chunks waiting at most (16 × 64 KiB = 1 MiB)."""
_END = object()


def read_ahead(chunks: Iterator[bytes], digest: Any | None = None) -> Iterator[bytes]:
    """``chunks``, produced on a thread of their own, with ``digest`` (a hashlib object)
    updated there as they pass. An error there is raised here, in order."""
    waiting: queue.Queue[object] = queue.Queue(_DEPTH)
    stop = threading.Event()

    def produce() -> None:
        try:
            for chunk in chunks:
                if digest is not None:
                    digest.update(chunk)
                while not stop.is_set():
                    try:
                        waiting.put(chunk, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            waiting.put(_END)
        except BaseException as error:  # handed to the consumer, raised there
            waiting.put(error)

    thread = threading.Thread(target=produce, name="amanat-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item = waiting.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            assert isinstance(item, bytes)
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # let a blocked producer see the stop
            try:
                waiting.get_nowait()
            except queue.Empty:
                thread.join(0.05)
