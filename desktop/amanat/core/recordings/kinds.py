"""Each type of recording by the name people know it by, for the sentences that refuse one.
Apart from probe.py so that what strips a recording needs nothing that reads one."""

from __future__ import annotations

from amanat.core.errors import Detail
from amanat.core.file_types import AAC, AMR, AMR_WB, M4A, MOV, MP3, MP4, OGG, WAV, WEBM

_NAMES = {
    MP3: "MP3",
    AAC: "AAC",
    M4A: "M4A",
    MP4: "MP4",
    MOV: "QuickTime",
    OGG: "Ogg",
    WAV: "WAV",
    AMR: "AMR",
    AMR_WB: "AMR",
    WEBM: "WebM",
}


def kind_of(mime: str) -> str:
    return _NAMES[mime]


def damaged(mime: str) -> Detail:
    """Why a recording that made the demuxer fail in an unforeseen way was refused."""
    return Detail("not-a-valid-recording", kind=kind_of(mime))
