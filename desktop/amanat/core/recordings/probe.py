"""Reading a recording in a decoding worker: its streams, its real length and its tags, with
PyAV (FFmpeg). The whole file is demuxed to its end, packet by packet without decoding, so a
header that promises ten hours over two seconds of data is caught, and a truncated file too.

At import the worker opens the file itself (``probe_file``) and FFmpeg reads it through a
Python file object, a buffer at a time, so a 500 MB video never lies in memory whole, and
no file name ever reaches FFmpeg (which would read ``concat:`` or ``http:`` in one as a
protocol). Nothing here writes anywhere: a file comes in, a report goes out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

import av

from amanat.core import decoding
from amanat.core.errors import Detail, ScanDamaged
from amanat.core.file_types import AAC, AMR, AMR_WB, M4A, MOV, MP3, MP4, OGG, WAV, WEBM
from amanat.core.recordings import headers
from amanat.core.recordings.facts import RecordingFacts, Stream
from amanat.core.recordings.facts import to_json as facts_to_json
from amanat.core.recordings.headers import Seekable
from amanat.core.recordings.kinds import kind_of
from amanat.core.scans.metadata import GpsPosition, MetadataReport
from amanat.core.time_ranges import clock

_FORMATS: dict[str, frozenset[str]] = {
    MP3: frozenset({"mp3"}),
    AAC: frozenset({"aac"}),
    M4A: frozenset({"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}),
    MP4: frozenset({"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}),
    MOV: frozenset({"mov", "mp4", "m4a", "3gp", "3g2", "mj2"}),
    OGG: frozenset({"ogg"}),
    WAV: frozenset({"wav"}),
    AMR: frozenset({"amr", "amrnb"}),
    AMR_WB: frozenset({"amr", "amrwb"}),
    WEBM: frozenset({"matroska", "webm"}),
}
"""The FFmpeg demuxer each type of content may be read by, so a file is never read by a
demuxer other than the one its first bytes announced."""

SHORTER_THAN_SAID = 0.9
"""A recording whose data ends before this share of the duration its header gives is
refused as incomplete: a cut download, or a header made to mislead."""
_SLACK_SECONDS = 1.0

_LOCATION_KEYS = ("location", "com.apple.quicktime.location.iso6709", "location-eng", "©xyz")
_MAKE_KEYS = ("make", "com.apple.quicktime.make", "manufacturer")
_MODEL_KEYS = ("model", "com.apple.quicktime.model", "com.android.model")
_SOFTWARE_KEYS = ("encoder", "software", "com.apple.quicktime.software", "encoded_by")
_TIME_KEYS = ("creation_time", "date", "com.apple.quicktime.creationdate")
_PEOPLE_KEYS = ("artist", "author", "composer", "album_artist", "copyright", "performer")
_COMMENT_KEYS = ("comment", "description", "title", "album", "lyrics")
_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")


@dataclass(frozen=True, slots=True)
class Probed:
    facts: RecordingFacts
    report: MetadataReport

    @property
    def video_size(self) -> tuple[int, int] | None:
        return self.facts.video_size


def probe(name: str, data: bytes, mime: str) -> Probed:
    """What ``data`` holds; see ``probe_file``."""
    return probe_file(name, io.BytesIO(data), mime)


def probe_file(name: str, handle: Seekable, mime: str) -> Probed:
    """What the recording in ``handle`` (readable, seekable) holds; ScanDamaged naming
    ``name`` when it is not the recording its first bytes say, when it has no sound or
    picture, or when its data ends early."""
    kind = kind_of(mime)
    try:
        claimed = headers.claimed_in(handle, mime)
        handle.seek(0)
        with av.open(handle, mode="r") as container:
            demuxer = str(container.format.name)
            if not set(demuxer.split(",")) & _FORMATS[mime]:
                raise ScanDamaged(name=name, detail=Detail("not-a-valid-recording", kind=kind))
            streams = [s for s in container.streams if s.type in ("audio", "video")]
            if not streams:
                raise ScanDamaged(name=name, detail=Detail("not-a-valid-recording", kind=kind))
            said = _said_duration(container)
            if claimed is not None:
                said = claimed if said is None else max(said, claimed)
            real, packets = _demux_to_end(container, streams)
            # A stream whose codec this FFmpeg has no decoder for: kept as evidence, but
            # its packets carry no times to measure it by.
            playable = all(s.codec_context is not None for s in streams)
            tags = _tags(container)
            described = tuple(_stream(s) for s in streams)
            bitrate = int(container.bit_rate) if container.bit_rate else None
    except ScanDamaged:
        raise
    except (av.FFmpegError, ValueError, OSError, EOFError, IndexError) as error:
        raise ScanDamaged(name=name, detail=Detail("not-a-valid-recording", kind=kind)) from error
    if packets == 0 or (real <= 0 and playable):
        raise ScanDamaged(name=name, detail=Detail("not-a-valid-recording", kind=kind))
    if not playable:
        real = said or 0.0
    elif said is not None and real < said * SHORTER_THAN_SAID - _SLACK_SECONDS:
        raise ScanDamaged(
            name=name,
            detail=Detail("recording-shorter", said=clock(said), real=clock(real)),
        )
    return Probed(RecordingFacts(real, demuxer, bitrate, described, playable), report_of(tags))


def to_json(probed: Probed) -> str:
    return facts_to_json(probed.facts, probed.report)


def _said_duration(container: av.container.InputContainer) -> float | None:
    durations = [float(container.duration) / av.time_base] if container.duration else []
    for stream in container.streams:
        if stream.duration and stream.time_base:
            durations.append(float(stream.duration * stream.time_base))
    return max(durations) if durations else None


def _demux_to_end(
    container: av.container.InputContainer, streams: list[av.stream.Stream]
) -> tuple[float, int]:
    """Seconds from the first packet's start to the last packet's end, reading every
    packet (but decoding none), and how many packets hold data."""
    first: float | None = None
    last = 0.0
    count = 0
    for packet in container.demux(*streams):
        if packet.size:
            count += 1
            if count % 4096 == 0:
                decoding.alive()
        if packet.pts is None or packet.time_base is None:
            continue
        start = float(packet.pts * packet.time_base)
        end = start + float((packet.duration or 0) * packet.time_base)
        first = start if first is None else min(first, start)
        last = max(last, end)
    return (0.0 if first is None else last - first), count


def _stream(stream: av.stream.Stream) -> Stream:
    context = stream.codec_context
    # The codec's own name (``mp3``), not its decoder's (``mp3float``).
    codec = str(context.codec.canonical_name) if context is not None else "unknown"
    bitrate = _number(context, "bit_rate")
    if context is None:  # no decoder here: only its kind is known
        return Stream(str(stream.type), codec, bitrate)
    if isinstance(stream, av.audio.AudioStream):
        return Stream(
            "audio",
            codec,
            bitrate,
            sample_rate=stream.codec_context.sample_rate or None,
            channels=stream.codec_context.channels or None,
        )
    if isinstance(stream, av.video.VideoStream):
        return Stream(
            "video",
            codec,
            bitrate,
            width=stream.codec_context.width,
            height=stream.codec_context.height,
        )
    return Stream(str(stream.type), codec, bitrate)


def _number(source: object, name: str) -> int | None:
    value = getattr(source, name, None)
    return int(value) if isinstance(value, int) and value > 0 else None


def _tags(container: av.container.InputContainer) -> dict[str, str]:
    found: dict[str, str] = {}
    for source in (container.metadata, *(s.metadata for s in container.streams)):
        for key, value in dict(source).items():
            found.setdefault(str(key).lower(), str(value))
    # Stream tags that only say how the file was muxed are not about the people.
    for key in (
        "handler_name",
        "vendor_id",
        "language",
        "major_brand",
        "minor_version",
        "compatible_brands",
        "duration",
    ):
        found.pop(key, None)
    return found


def report_of(tags: Mapping[str, str]) -> MetadataReport:
    """A recording's tags as the metadata report pages already have: the device, the
    software, the time, a position, names and free text, and every other tag listed."""
    used: set[str] = set()

    def first(keys: tuple[str, ...]) -> str:
        for key in keys:
            if tags.get(key, "").strip():
                used.add(key)
                return tags[key].strip()
        return ""

    def every(keys: tuple[str, ...]) -> tuple[str, ...]:
        values = []
        for key in keys:
            if tags.get(key, "").strip():
                used.add(key)
                values.append(tags[key].strip())
        return tuple(dict.fromkeys(values))

    make, model = first(_MAKE_KEYS), first(_MODEL_KEYS)
    # Phones often repeat the make in the model ("Apple", "Apple iPhone 12"): said once.
    device = model if make and make in model else " ".join(p for p in (make, model) if p)
    position = first(_LOCATION_KEYS)
    used.update(key for key in _LOCATION_KEYS if key in tags)
    gps = _position(position)
    places = (position,) if position and gps is None else ()
    report = MetadataReport(
        camera=device,
        captured=first(_TIME_KEYS),
        software=every(_SOFTWARE_KEYS),
        gps=gps,
        places=places,
        authors=every(_PEOPLE_KEYS),
        comments=every(_COMMENT_KEYS),
        other=tuple(sorted((k, v[:500]) for k, v in tags.items() if k not in used and v)),
        blocks=("tags",) if tags else (),
    )
    return report


def _position(text: str) -> GpsPosition | None:
    """An ISO 6709 position as phones write it (``+35.6892+051.3890+1200.000/``)."""
    match = _ISO6709.match(text.strip())
    if match is None:
        return None
    latitude, longitude, altitude = match.groups()
    return GpsPosition(float(latitude), float(longitude), float(altitude) if altitude else None)
