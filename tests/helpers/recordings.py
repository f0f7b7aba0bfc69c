"""Small real recordings made on the spot with PyAV, one per format Amanat imports: a second
of a tone (and, for video, of a moving square), so no binary fixture is needed."""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Mapping
from fractions import Fraction

import av
import numpy as np

# format name: (FFmpeg muxer, audio codec, video codec or None, sample rate)
FORMATS: dict[str, tuple[str, str, str | None, int]] = {
    "mp3": ("mp3", "libmp3lame", None, 16000),
    "m4a": ("ipod", "aac", None, 16000),
    "aac": ("adts", "aac", None, 16000),
    "ogg": ("ogg", "libopus", None, 48000),
    "amr": ("amr", "libopencore_amrnb", None, 8000),
    "mp4": ("mp4", "aac", "libx264", 16000),
    "webm": ("webm", "libopus", "libvpx", 48000),
    "mov": ("mov", "aac", "libx264", 16000),
}
AUDIO_ONLY = ("mp3", "m4a", "aac", "ogg", "amr", "wav")
VIDEO = ("mp4", "webm", "mov")


def wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A mono 16-bit WAV file written by hand: a 440 Hz tone."""
    count = int(seconds * rate)
    samples = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(count)
    )
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(samples),
        b"WAVE",
        b"fmt ",
        16,
        1,
        1,
        rate,
        rate * 2,
        2,
        16,
        b"data",
        len(samples),
    )
    return header + samples


def recording(name: str, seconds: float = 1.0, tags: Mapping[str, str] | None = None) -> bytes:
    """A recording in format ``name`` (a key of FORMATS, or ``wav``) lasting ``seconds``, with
    ``tags`` written into the container where its muxer keeps them."""
    if name == "wav":
        return wav(seconds)
    muxer, audio_codec, video_codec, rate = FORMATS[name]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=muxer) as container:
        for key, value in (tags or {}).items():
            container.metadata[key] = value
        video = None
        if video_codec is not None:
            video = container.add_stream(video_codec, rate=10)
            video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        audio = container.add_stream(audio_codec, rate=rate)
        audio.layout = "mono"
        if audio_codec == "libopencore_amrnb":
            audio.bit_rate = 12200
        _write_audio(container, audio, seconds, rate)
        if video is not None:
            _write_video(container, video, seconds)
    return buffer.getvalue()


def _write_audio(
    container: av.container.OutputContainer, stream: av.audio.AudioStream, seconds: float, rate: int
) -> None:
    step = 1024
    total = int(seconds * rate)
    for start in range(0, total, step):
        count = min(step, total - start)
        times = (np.arange(start, start + count) / rate).astype(np.float32)
        tone = (0.3 * np.sin(2 * np.pi * 440 * times)).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(tone.reshape(1, -1), format="fltp", layout="mono")
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)


def _write_video(
    container: av.container.OutputContainer, stream: av.video.VideoStream, seconds: float
) -> None:
    for index in range(int(seconds * 10)):
        picture = np.full((48, 64, 3), 40, dtype=np.uint8)
        picture[10:30, index * 4 % 44 : index * 4 % 44 + 20] = 220
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = index
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)
