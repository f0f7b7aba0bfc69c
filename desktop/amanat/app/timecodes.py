"""Time-coded transcription: the moment of a recording at which each line of its text starts.
Set while listening (play, pause, mark), listed, taken off; and the times as people write
them. The window and the command line both call these."""

from __future__ import annotations

import re

from amanat.core.errors import InvalidInput
from amanat.core.storage import timecodes as store
from amanat.core.storage.timecodes import Timecode, line_start
from amanat.core.time_ranges import clock
from amanat.core.vault import Archive

__all__ = ["Timecode", "clock", "line_start", "mark", "of_text", "parse", "remove", "spoken_at"]

_TIME = re.compile(r"^(?:(?:(\d+):)?([0-5]?\d):)?(\d+(?:[.,]\d+)?)$")


def mark(archive: Archive, text_id: str, offset: int, seconds: float) -> Timecode:
    """The line holding character ``offset`` of the text starts ``seconds`` into its
    recording (replacing the time that line had)."""
    return store.mark(archive.db, text_id, offset, seconds)


def of_text(archive: Archive, text_id: str) -> list[Timecode]:
    """The text's time codes in the order of its lines; orphaned ones (their line was edited
    away) last."""
    return store.of_text(archive.db, text_id)


def remove(archive: Archive, timecode_id: str) -> Timecode:
    return store.remove(archive.db, timecode_id)


def spoken_at(timecodes: list[Timecode], seconds: float) -> Timecode | None:
    """The time-coded line being spoken at ``seconds``: the last one started by then."""
    best: Timecode | None = None
    for timecode in timecodes:
        if timecode.orphaned or timecode.seconds > seconds:
            continue
        if best is None or (timecode.seconds, timecode.offset) >= (best.seconds, best.offset):
            best = timecode
    return best


def parse(text: str) -> float:
    """Seconds from a time as people write it: 00:01:23, 1:23, 83 or 1:23.5 (Persian and
    Arabic digits too)."""
    cleaned = text.strip().translate(_DIGITS)
    found = _TIME.match(cleaned)
    if found is None:
        raise InvalidInput("time-not-understood", text=text)
    hours, minutes, seconds = found.groups()
    if (hours or minutes) and float(seconds.replace(",", ".")) >= 60:
        raise InvalidInput("time-not-understood", text=text)
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds.replace(",", "."))


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
