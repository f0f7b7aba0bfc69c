"""A stripped copy of a recording: its sound and picture remuxed, packet for packet and
without re-encoding, into a new file of the same format with none of the original's tags.
Run in a decoding worker, like everything that reads a recording.

What goes: the container's tags and every stream's (title, artist, comments, the phone's
make, model and software, an MP4's ``©xyz`` or Apple location, creation dates), chapters,
cover pictures, and any stream that is neither sound nor picture (a camera's GPS track,
subtitles, timecode). What cannot go, because it is the recording itself: the voices and
sounds heard and the pictures seen, and whatever an encoder put inside the coded stream
(an H.264 encoder's settings in its SEI message, an Opus or Vorbis encoder's name in its
header). docs/recordings.md says this per format.
"""

from __future__ import annotations

import io

import av

from amanat.core import decoding
from amanat.core.errors import ScanDamaged
from amanat.core.file_types import AAC, AMR, AMR_WB, M4A, MOV, MP3, MP4, OGG, WAV, WEBM
from amanat.core.recordings.kinds import damaged

_MUXERS = {
    MP3: ("mp3", {"id3v2_version": "0", "write_xing": "1"}),
    AAC: ("adts", {}),
    M4A: ("ipod", {}),
    MP4: ("mp4", {}),
    MOV: ("mov", {}),
    OGG: ("ogg", {}),
    WAV: ("wav", {"write_bext": "0"}),
    AMR: ("amr", {}),
    AMR_WB: ("amr", {}),
    WEBM: ("webm", {}),
}
"""The muxer that writes each type again, and its options that keep tags out: no ID3 tag on
an MP3, no broadcast-wave chunk on a WAV."""

WHAT_STAYS: dict[str, str] = {
    MP3: "MP3: the sound; the encoder's own header in the first frame (its name and settings)",
    AAC: "AAC: the sound; the encoder's name, if it wrote one into the stream",
    M4A: "M4A: the sound; the encoder's name, if it wrote one into the AAC stream",
    MP4: (
        "MP4: the sound and picture; the video encoder's settings inside the H.264 stream "
        "(often the phone's encoder name)"
    ),
    MOV: (
        "MOV: the sound and picture; the video encoder's settings inside the H.264 or HEVC "
        "stream (often the phone's encoder name)"
    ),
    OGG: "Ogg: the sound only",
    WAV: "WAV: the sound only",
    AMR: "AMR: the sound only (the format holds no tags)",
    AMR_WB: "AMR: the sound only (the format holds no tags)",
    WEBM: "WebM: the sound and picture only",
}
"""What a stripped copy still carries, by type, for the export plan and docs/recordings.md:
always the voices, sounds and pictures themselves, which can tell who and where."""

_FLAGS = "+bitexact"
"""FFmpeg then writes no "encoder" tag of its own and no time of writing."""


def stripped(data: bytes, mime: str, name: str) -> bytes:
    """In a decoding worker: ``data`` remuxed without tags; ScanDamaged naming ``name`` when
    it cannot be read (it was read at import, so only damage since could do that)."""
    out = io.BytesIO()
    _remux(io.BytesIO(data), out, mime, name)
    return out.getvalue()


def stripped_lent(size: int, mime: str, name: str) -> None:
    """In a decoding worker: the file the parent lent (``size`` bytes, decoding.Lent)
    remuxed without tags into the copy the parent keeps; neither lies whole here."""
    _remux(decoding.LentFile(size), decoding.LentCopy(), mime, name)


def _remux(source_file: object, target_file: object, mime: str, name: str) -> None:
    muxer, options = _MUXERS[mime]
    try:
        with av.open(source_file, mode="r") as source:
            kept = [s for s in source.streams if s.type in ("audio", "video")]
            with av.open(
                target_file,
                mode="w",
                format=muxer,
                options=options,
                container_options={"fflags": _FLAGS},
            ) as target:
                target.metadata.clear()
                copies = {}
                for stream in kept:
                    copy = target.add_stream_from_template(stream)
                    copy.metadata.clear()
                    copies[stream.index] = copy
                count = 0
                for packet in source.demux(*kept):
                    if packet.dts is None and packet.pts is None:
                        continue  # the demuxer's empty packet at the end of a stream
                    packet.stream = copies[packet.stream_index]
                    target.mux(packet)
                    count += 1
                    if count % 4096 == 0:
                        decoding.alive()
    except MemoryError:
        raise
    except Exception as error:  # whatever FFmpeg or PyAV raise on a damaged file
        raise ScanDamaged(name=name, detail=damaged(mime)) from error
