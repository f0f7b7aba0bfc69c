"""The time codes of a text as they leave the archive, and as they arrive in another.

In the archive a time code is anchored to a line by its position and quote (see
storage/timecodes.py); neither may leave as it is, since the quote and the position belong to
the text as stored, before redaction and pseudonyms changed its characters. A time code leaves
as the number of its line in the text *as it leaves* (line 1 is the first) and its second in
the recording. Line numbers survive what leaving does to a text: a redaction mark or a
pseudonym never holds a line break, so a line stays one line, and a redaction across a line
break joins two lines into one, which keeps the earlier line's time.

Read from a bundle, the list is checked strictly, since a bundle comes from outside: each entry
holds exactly a line and a time, the lines are in order with one time each, every line exists
and is not blank, every time is a finite number of seconds from 0 up to MAX_SECONDS, and a
text carries at most MAX_TIMED_LINES of them. Anything else is a damaged record.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from amanat.core.leaving import LeavingText
from amanat.core.storage.timecodes import Timecode
from amanat.core.time_ranges import clock

MAX_TIMED_LINES: Final = 100_000
"""Time codes one text may carry: a 10-hour call marked every second is a third of that."""
MAX_SECONDS: Final = 1_000_000.0
"""About 11 days: longer than any recording the archive's size limit lets in."""
_KEYS: Final = frozenset({"line", "seconds"})


@dataclass(frozen=True, slots=True)
class TimedLine:
    """Line ``line`` (1 for the first) of a text starts ``seconds`` into its recording."""

    line: int
    seconds: float


def as_they_leave(timecodes: Sequence[Timecode], leaving: LeavingText) -> tuple[TimedLine, ...]:
    """The time codes of a text placed on the lines of its body as it leaves. Orphaned ones
    (their words were edited away) stay home: their line is not in the text."""
    body = leaving.body
    starts = line_offsets(body)
    timed: dict[int, float] = {}
    for timecode in sorted(timecodes, key=lambda t: t.offset):
        if timecode.orphaned:
            continue
        position = min(leaving.position(timecode.offset), len(body))
        line = body.count("\n", 0, position)
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(body)
        # Two lines joined by a redaction across the break keep the first one's time.
        if line not in timed and body[starts[line] : end].strip():
            timed[line] = timecode.seconds
    return tuple(TimedLine(line + 1, seconds) for line, seconds in sorted(timed.items()))


def to_json(lines: Sequence[TimedLine]) -> list[dict[str, Any]]:
    return [{"line": timed.line, "seconds": timed.seconds} for timed in lines]


def parse(value: object, body: str) -> tuple[TimedLine, ...]:
    """The ``timecodes`` of a text record whose body is ``body``; ValueError if it is
    anything but what an exporter writes."""
    if not isinstance(value, list):
        raise ValueError("a text's time codes must be a list")
    if len(value) > MAX_TIMED_LINES:
        raise ValueError(f"a text carries more than {MAX_TIMED_LINES:,} time codes")
    lines = body.split("\n")
    parsed: list[TimedLine] = []
    for item in value:
        if not isinstance(item, dict) or set(item) != _KEYS:
            raise ValueError("a time code must hold a line and a time, and nothing else")
        line, seconds = item["line"], item["seconds"]
        if not isinstance(line, int) or isinstance(line, bool):
            raise ValueError("a time code's line must be a whole number")
        if not isinstance(seconds, int | float) or isinstance(seconds, bool):
            raise ValueError("a time code's time must be a number of seconds")
        # Compared before anything converts it: an integer of 400 digits is no float.
        if not 0 <= seconds <= MAX_SECONDS or not math.isfinite(seconds):
            raise ValueError("a time code's time is negative, endless or far too long")
        if not 1 <= line <= len(lines):
            raise ValueError(f"a time code names line {line} of a text of {len(lines)} lines")
        if not lines[line - 1].strip():
            raise ValueError(f"a time code names line {line}, which is blank")
        if parsed and line <= parsed[-1].line:
            raise ValueError("a text's time codes are not in the order of its lines")
        parsed.append(TimedLine(line, float(seconds)))
    return tuple(parsed)


def with_times(body: str, lines: Sequence[TimedLine]) -> str:
    """``body`` with each timed line's time in front of it, as "[1:23] " (the case file)."""
    if not lines:
        return body
    split = body.split("\n")
    for timed in lines:
        split[timed.line - 1] = f"[{clock(timed.seconds)}] {split[timed.line - 1]}"
    return "\n".join(split)


def line_offsets(body: str) -> list[int]:
    """Where each line of ``body`` starts (index 0 is line 1)."""
    offsets = [0]
    position = body.find("\n")
    while position != -1:
        offsets.append(position + 1)
        position = body.find("\n", position + 1)
    return offsets
