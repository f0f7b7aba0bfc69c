"""Recordings for the player's tests, made here: a spoken-like WAV of any length, and a
source of bytes in memory shaped like a sealed object (its size and ``read_range``)."""

from __future__ import annotations

import io
import math
import struct
import wave

import pytest

NO_DEVICE = (
    r"PulseAudioService:.*",
    r"No audio device detected",
    r".*pa_context_connect.*",
    "does not support propagateSizeHints",  # the offscreen platform's (tests/gui/conftest.py)
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
