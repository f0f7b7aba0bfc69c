"""What a recording is, technically, as its page keeps it: duration, container, streams. It
is kept in the page's metadata report (a JSON object) under ``recording``, beside the fields
every page has (device, software, time, position, names), so the warnings before sharing
treat a recording as they treat a photo."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from amanat.core.time_ranges import clock

if TYPE_CHECKING:  # only its type: scans imports recordings, to read them
    from amanat.core.scans.metadata import MetadataReport


@dataclass(frozen=True, slots=True)
class Stream:
    kind: str
    """``audio`` or ``video``."""
    codec: str
    bitrate: int | None = None
    sample_rate: int | None = None
    channels: int | None = None
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True, slots=True)
class RecordingFacts:
    duration: float
    """Seconds, as far as the data really goes (not what the header claims)."""
    container: str
    """FFmpeg's name for the demuxer that read it: ``mp3``, ``ogg``, ``mov,mp4,m4a,…``."""
    bitrate: int | None
    streams: tuple[Stream, ...]
    playable: bool = True
    """False when a stream's codec has no decoder here: the file is kept as evidence, but
    Amanat can neither play it nor measure it (its duration is what its header says)."""

    @property
    def video_size(self) -> tuple[int, int] | None:
        for stream in self.streams:
            if stream.kind == "video" and stream.width and stream.height:
                return stream.width, stream.height
        return None

    @property
    def has_video(self) -> bool:
        return any(stream.kind == "video" for stream in self.streams)

    def lines(self) -> list[tuple[str, str]]:
        """The facts as (label, value) lines for a report, in English (the command line's
        language; the window translates the labels)."""
        found = [("Duration", clock(self.duration))]
        if not self.playable:
            found.append(("Playable here", "no; its format cannot be decoded by Amanat"))
        if self.bitrate:
            found.append(("Bitrate", f"{round(self.bitrate / 1000):,} kbit/s"))
        for stream in self.streams:
            if stream.kind == "audio":
                parts = [stream.codec]
                if stream.sample_rate:
                    parts.append(f"{stream.sample_rate:,} Hz")
                if stream.channels:
                    parts.append(
                        {1: "mono", 2: "stereo"}.get(stream.channels, f"{stream.channels} channels")
                    )
                if stream.bitrate:
                    parts.append(f"{round(stream.bitrate / 1000):,} kbit/s")
                found.append(("Audio", ", ".join(parts)))
            else:
                parts = [stream.codec]
                if stream.width and stream.height:
                    parts.append(f"{stream.width} × {stream.height}")
                if stream.bitrate:
                    parts.append(f"{round(stream.bitrate / 1000):,} kbit/s")
                found.append(("Video", ", ".join(parts)))
        return found


def to_json(facts: RecordingFacts, report: MetadataReport) -> str:
    """The page's metadata report with the recording's facts in it."""
    values: dict[str, Any] = json.loads(report.to_json())
    values["recording"] = asdict(facts)
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> RecordingFacts | None:
    """The facts in a page's metadata report; None for a page that is not a recording."""
    values: dict[str, Any] = json.loads(text or "{}")
    found = values.get("recording")
    if not isinstance(found, dict):
        return None
    return RecordingFacts(
        duration=float(found.get("duration", 0.0)),
        container=str(found.get("container", "")),
        bitrate=_int(found.get("bitrate")),
        playable=bool(found.get("playable", True)),
        streams=tuple(
            Stream(
                kind=str(s.get("kind", "")),
                codec=str(s.get("codec", "")),
                bitrate=_int(s.get("bitrate")),
                sample_rate=_int(s.get("sample_rate")),
                channels=_int(s.get("channels")),
                width=_int(s.get("width")),
                height=_int(s.get("height")),
            )
            for s in found.get("streams", ())
            if isinstance(s, dict)
        ),
    )


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and value else None
