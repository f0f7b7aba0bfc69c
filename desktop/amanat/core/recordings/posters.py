"""The thumbnail of a recording page, for the page strip and the document list: a drawn
waveform for a sound, and for a video a frame from a few seconds in (its poster frame) with
a play sign on it, or a drawn film sign when no frame can be decoded.

The poster frame is decoded by FFmpeg in a decoding worker (core/decoding), like every
picture: a hostile video that crashes or hangs the decoder costs that one thumbnail, which
then falls back to the drawn sign. The worker is given the video's beginning and its end
only (``Excerpt``), never the whole file, so a 1 GB testimony does not take 1 GB of memory
twice over for a 256-pixel picture: the beginning holds the first seconds and, in a file
made for streaming, the index; the end holds the index of a file as a phone writes it.

Everything stays in memory; the pictures are kept sealed where photos' thumbnails are.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import av
from PIL import Image, ImageDraw

from amanat.core.file_types import MOV, MP4, WEBM
from amanat.core.scans import pictures
from amanat.core.storage.pages import PageImage

HEAD_BYTES = 32 * 1024 * 1024
"""The beginning of a video given to the worker: the first seconds of a phone's 1080p video
(about 17 Mbit/s) and more of anything smaller."""
TAIL_BYTES = 8 * 1024 * 1024
"""The end of a video given to the worker: where a phone writes the index (an hour of video
indexes in a few MB)."""
POSTER_SECONDS = 3.0
"""How far in the poster frame is taken: past a first black frame or a hand over the lens,
and within a short clip (at most a third of it)."""
MOST_FRAMES = 600
"""Frames decoded at most while looking for the poster frame: a file that never reaches the
time it should is given the drawn sign, not a worker busy for its whole time limit."""
MOST_PIXELS = 100_000_000
"""A frame larger than this is a hostile header, not a camera's."""

_DEMUXERS = {MP4: "mov", MOV: "mov", WEBM: "matroska"}
"""The one FFmpeg demuxer each video type is read with, as the import reads it."""

_SIZE = (256, 192)
_SOUND_BACKGROUND = (228, 234, 240)
_SOUND_INK = (70, 98, 124)
_FILM_BACKGROUND = (58, 63, 68)
_FILM_INK = (225, 228, 232)
_WAVE = (3, 6, 10, 15, 9, 17, 12, 6, 11, 16, 8, 13, 5, 9, 4)
"""Heights of the bars of the drawn waveform (a spoken-like line: louder in the middle)."""


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A video's beginning and end: what the worker reads its poster frame from."""

    size: int
    head: bytes
    tail: bytes


def excerpt(size: int, read: Callable[[int, int], bytes]) -> Excerpt:
    """The beginning and the end of a ``size``-byte file read through ``read(start,
    length)`` (a sealed object's ``read_range``), or the whole file when it is small."""
    if size <= HEAD_BYTES + TAIL_BYTES:
        return Excerpt(size, bytes(read(0, size)), b"")
    return Excerpt(size, bytes(read(0, HEAD_BYTES)), bytes(read(size - TAIL_BYTES, TAIL_BYTES)))


def sound_thumbnail() -> PageImage:
    """A drawn waveform: the thumbnail of every sound recording."""
    picture = Image.new("RGB", _SIZE, _SOUND_BACKGROUND)
    draw = ImageDraw.Draw(picture)
    width, height = _SIZE
    bar, gap = 8, 6
    left = (width - len(_WAVE) * (bar + gap) + gap) // 2
    for n, half in enumerate(_WAVE):
        x = left + n * (bar + gap)
        top, bottom = height // 2 - half * 4, height // 2 + half * 4
        draw.rounded_rectangle((x, top, x + bar, bottom), radius=bar // 2, fill=_SOUND_INK)
    return pictures.thumbnail_image(picture, 1)


def video_thumbnail() -> PageImage:
    """A drawn film sign: the thumbnail of a video whose frames cannot be decoded here."""
    picture = Image.new("RGB", _SIZE, _FILM_BACKGROUND)
    draw = ImageDraw.Draw(picture)
    width, height = _SIZE
    for x in range(10, width, 24):  # the film's perforations, above and below
        draw.rectangle((x, 8, x + 12, 18), fill=_FILM_INK)
        draw.rectangle((x, height - 18, x + 12, height - 8), fill=_FILM_INK)
    _play_sign(draw, (width // 2, height // 2), 34, _FILM_INK, None)
    return pictures.thumbnail_image(picture, 1)


def poster_frame(video: Excerpt, mime_type: str) -> PageImage | None:
    """In a decoding worker: the frame ``POSTER_SECONDS`` in (or a third of a shorter
    video), upright, scaled like a photo's thumbnail, with a play sign on it; None when no
    frame can be decoded from what the excerpt holds."""
    demuxer = _DEMUXERS.get(mime_type)
    if demuxer is None:
        return None
    try:
        with av.open(_Holed(video), mode="r", format=demuxer) as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            if (stream.width or 0) * (stream.height or 0) > MOST_PIXELS:
                return None
            picture = _frame_at(container, stream, _within_head(video, container))
            if picture is None:  # nothing decodes there: the very first frame, then
                picture = _frame_at(container, stream, 0.0)
    except (av.FFmpegError, OSError, ValueError, MemoryError):
        return None
    if picture is None:
        return None
    return _with_play_sign(picture)


def _within_head(video: Excerpt, container: av.container.InputContainer) -> float:
    """Where the poster frame is taken: ``POSTER_SECONDS`` in, at most a third of the video,
    and no further than the excerpt's beginning reaches at the video's average bitrate (a
    video of 25 MB a second has its third second beyond the first 32 MB)."""
    duration = float(container.duration) / av.time_base if container.duration else 0.0
    if duration <= 0:
        return 0.0
    wanted = min(POSTER_SECONDS, duration / 3)
    if len(video.head) < video.size:
        wanted = min(wanted, 0.8 * len(video.head) / (video.size / duration))
    return wanted


def _frame_at(
    container: av.container.InputContainer, stream: av.video.VideoStream, wanted: float
) -> Image.Image | None:
    """The first frame at ``wanted`` seconds or after it (or the last before the data
    breaks off)."""
    base = stream.time_base or Fraction(1, 1000)
    try:
        container.seek(int(wanted / base), stream=stream, backward=True)
    except av.FFmpegError:
        return None
    found: Image.Image | None = None
    try:
        for count, frame in enumerate(container.decode(stream)):
            found = _upright(frame)
            if frame.time is None or frame.time >= wanted or count >= MOST_FRAMES:
                break
    except av.FFmpegError:
        # The data breaks off (a damaged file, the gap in an excerpt): the last frame
        # decoded before it will do.
        pass
    return found


def _upright(frame: av.VideoFrame) -> Image.Image:
    """The frame as a picture, turned as the phone said to show it (a video filmed
    upright is stored lying down, with a turn in its header)."""
    # PyAV's own conversion, typed loosely in its stubs: a Pillow picture of the frame.
    picture: Image.Image = frame.to_image()  # type: ignore[no-untyped-call]
    turn = round(getattr(frame, "rotation", 0) or 0) % 360
    # FFmpeg's rotation is counter-clockwise; Pillow's rotate is counter-clockwise too.
    return picture.rotate(turn, expand=True) if turn in (90, 180, 270) else picture


def _with_play_sign(picture: Image.Image) -> PageImage:
    picture = picture.convert("RGB")
    picture.thumbnail((pictures.THUMBNAIL_LONGEST, pictures.THUMBNAIL_LONGEST))
    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = picture.size
    radius = max(8, min(width, height) // 6)
    _play_sign(draw, (width // 2, height // 2), radius, (255, 255, 255, 235), (0, 0, 0, 110))
    picture = Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB")
    return pictures.thumbnail_image(picture, 1)


def _play_sign(
    draw: ImageDraw.ImageDraw,
    centre: tuple[int, int],
    radius: int,
    ink: tuple[int, ...],
    disc: tuple[int, ...] | None,
) -> None:
    x, y = centre
    if disc is not None:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=disc)
    side = radius * 0.9
    draw.polygon(
        [(x - side * 0.4, y - side * 0.6), (x - side * 0.4, y + side * 0.6), (x + side * 0.6, y)],
        fill=ink,
    )


class _Holed(io.RawIOBase):
    """The excerpt read as the whole file: its beginning and end where they are, and zeros
    in between (which decode as nothing: the poster frame is taken before them)."""

    def __init__(self, video: Excerpt) -> None:
        super().__init__()
        self._video = video
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        start = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._video.size}
        self._position = max(0, start[whence] + offset)
        return self._position

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        video = self._video
        position = self._position
        head = len(video.head)
        tail_start = video.size - len(video.tail)
        if position < head:
            part = video.head[position : position + len(buffer)]
        elif video.tail and tail_start <= position < video.size:
            part = video.tail[position - tail_start : position - tail_start + len(buffer)]
        else:
            # Zeros, not the end of the file: FFmpeg reads through a short gap rather than
            # seeking over it, and must then reach what lies after it.
            part = bytes(max(0, min(len(buffer), tail_start - position, video.size - position)))
        buffer[: len(part)] = part
        self._position += len(part)
        return len(part)
