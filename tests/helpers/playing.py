"""Recordings for the player's tests, made here: a spoken-like WAV of any length, and a
source of bytes in memory shaped like a sealed object (its size and ``read_range``)."""

from __future__ import annotations

import hashlib
import io
import math
import os
import struct
import wave

import pytest

from amanat.core.database import Database
from amanat.core.records import Page
from amanat.core.storage import pages
from amanat.core.storage.pages import ScannedPage

NO_DEVICE = (
    r"PulseAudioService:.*",
    r"No audio device detected",
    r".*pa_context_connect.*",
    "does not support propagateSizeHints",  # the offscreen platform's (tests/gui/conftest.py)
    r".*No RHI backend.*",  # no graphics driver for video: Qt converts frames on the CPU
)
"""What Qt says on a machine without sound (the tests' offscreen one): playback goes on."""

quiet_without_sound = pytest.mark.qt_log_ignore(*NO_DEVICE)


def wav(seconds: float, rate: int = 8000) -> bytes:
    """A mono 16-bit tone whose pitch changes every second (so each second differs)."""
    samples = bytearray()
    for n in range(int(seconds * rate)):
        pitch = 200 + 40 * (n // rate % 10)
        samples += struct.pack("<h", int(6000 * math.sin(2 * math.pi * pitch * n / rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(samples))
    return out.getvalue()


class InMemory:
    """Bytes read in ranges, counting what was asked for."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.reads: list[tuple[int, int]] = []

    @property
    def size(self) -> int:
        return len(self.data)

    def read_range(self, start: int, length: int) -> bytes:
        self.reads.append((start, length))
        return self.data[start : start + length]


def with_noise(data: bytes, seconds_in: float = 1.0, rate: int = 8000) -> bytes:
    """``data`` (a WAV from ``wav``) with a second of random samples from ``seconds_in``:
    bytes found nowhere else, to look for on the disk afterwards."""
    start = 44 + int(seconds_in * rate) * 2
    return data[:start] + os.urandom(rate * 2) + data[start + rate * 2 :]


def store_recording(db: Database, document_id: str, data: bytes, name: str = "call.wav") -> Page:
    """``data`` kept as the next page of the document, sealed in a segment as a recording
    import keeps it (no pictures; its type given, not guessed)."""
    bare = ScannedPage(None, None, None, "{}", has_location=False, has_person_name=False,
                       images=())  # fmt: skip
    [page] = pages.add_scanned(
        db, document_id, data, hashlib.sha256(data).hexdigest(), "audio/wav", [bare],
        original_name=name,
    )  # fmt: skip
    return page
