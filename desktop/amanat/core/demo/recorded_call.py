"""The sound of the demo's recorded call, made when the demo is built: no voice, real or
recorded, and no sound file in the source. Each line of the call's script becomes a run of
syllable-like tones at its speaker's pitch, with pauses between sentences and a faint line
hiss under it all, so the player has something to play and the time-coded lines fall where
the sound changes. Encoded as Ogg/Opus, as messengers send voice notes."""

from __future__ import annotations

import io
import math
import random
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from amanat.core.demo.invented import RecordedCall

RATE = 8000
"""A telephone's bandwidth: the call was recorded from a phone line."""
_TABLE = 1024
_PEAK = 9000


@dataclass(frozen=True, slots=True)
class Voice:
    pitch: float
    """The speaker's usual pitch, in hertz."""
    steady: bool = False
    """A recorded announcement: every syllable at the same pitch and length."""


@dataclass(frozen=True, slots=True)
class Spoken:
    """One line of the call as sound: who says it, from when to when (seconds)."""

    voice: Voice
    start: float
    end: float


def sound_of_call(call: RecordedCall, seed: int) -> bytes:
    """The recorded call's sound: the prison's announcement at an even pitch, the prisoner's
    voice low and his wife's higher."""
    voices = {
        "": Voice(180, steady=True),
        call.caller: Voice(118),
        call.relative: Voice(215),
    }
    spoken = [Spoken(voices[line.speaker], line.start, line.end) for line in call.lines]
    return call_sound(spoken, call.seconds, seed)


def call_sound(lines: Sequence[Spoken], seconds: float, seed: int) -> bytes:
    """An Ogg/Opus recording lasting ``seconds`` in which each line is heard where it says.
    The same ``seed`` gives the same bytes (the demo is built the same every time)."""
    rng = random.Random(seed)
    samples = _hiss(int(seconds * RATE), rng)
    vowels = [_vowel(weights) for weights in _VOWELS]
    for line in lines:
        _speak(samples, line, vowels, rng)
    return _opus(samples)


# --- Sound -----------------------------------------------------------------------------------

_VOWELS = (
    (1.0, 0.6, 0.25, 0.1),
    (1.0, 0.3, 0.5, 0.2),
    (0.8, 0.8, 0.2, 0.3),
    (1.0, 0.2, 0.1, 0.05),
)
"""Harmonic weights: a few different timbres, so syllables do not all sound alike."""


def _vowel(weights: tuple[float, ...]) -> list[float]:
    """One period of a tone with the given harmonics, scaled to a peak of 1."""
    wave = [
        sum(w * math.sin(2 * math.pi * (h + 1) * n / _TABLE) for h, w in enumerate(weights))
        for n in range(_TABLE)
    ]
    top = max(abs(x) for x in wave)
    return [x / top for x in wave]


def _hiss(count: int, rng: random.Random) -> array[int]:
    """Random bytes as samples, a line's faint noise (about -48 dB)."""
    return array("h", array("b", rng.randbytes(count)))


def _speak(
    samples: array[int], line: Spoken, vowels: list[list[float]], rng: random.Random
) -> None:
    """Syllables of 90–220 ms with short gaps, a longer one now and then between words, the
    pitch wandering around the speaker's and falling at the end of the line."""
    at = line.start
    while at < line.end - 0.1:
        length = 0.16 if line.voice.steady else rng.uniform(0.09, 0.22)
        length = min(length, line.end - at)
        fall = 1 - 0.15 * max(0.0, (at - line.end + 1.2) / 1.2)
        pitch = line.voice.pitch * fall * (1 if line.voice.steady else rng.uniform(0.88, 1.12))
        table = vowels[0] if line.voice.steady else rng.choice(vowels)
        _syllable(samples, int(at * RATE), int(length * RATE), pitch, table)
        at += length + (0.04 if line.voice.steady else rng.choice((0.03, 0.03, 0.05, 0.12)))


def _syllable(
    samples: array[int], first: int, count: int, pitch: float, table: list[float]
) -> None:
    """Adds one syllable. Lines never overlap and the hiss is faint, so the sum stays far
    inside 16 bits without clipping."""
    count = min(count, len(samples) - first)
    step = pitch * _TABLE / RATE
    tone = [_PEAK * table[int(k * step) % _TABLE] for k in range(count)]
    edge = min(count // 2, RATE // 60)  # a 16 ms rise and fall, no clicks
    for k in range(edge):
        tone[k] *= k / edge
        tone[count - 1 - k] *= k / edge
    heard = samples[first : first + count]
    mixed = (int(a + b) for a, b in zip(heard, tone, strict=True))
    samples[first : first + count] = array("h", mixed)


def _opus(samples: array[int]) -> bytes:
    """Ogg/Opus at 16 kb/s, written without the random stream serial number or the
    encoder's version, so the same samples give the same bytes."""
    import av  # the builder's only use of it; imported when a demo is built

    out = io.BytesIO()
    frame_size = 160  # 20 ms, Opus's own frame
    with av.open(out, "w", format="ogg", options={"fflags": "+bitexact"}) as container:
        stream = container.add_stream("libopus", rate=RATE)
        stream.layout = "mono"
        stream.bit_rate = 16000
        stream.codec_context.flags |= av.codec.context.Flags.bitexact
        data = samples.tobytes() + bytes(-len(samples) % frame_size * 2)
        for start in range(0, len(data) // 2, frame_size):
            chunk = data[start * 2 : (start + frame_size) * 2]
            frame = av.AudioFrame(format="s16", layout="mono", samples=frame_size)
            frame.planes[0].update(chunk)
            frame.sample_rate = RATE
            frame.pts = start
            frame.time_base = Fraction(1, RATE)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()
