"""``amanat timecode``, ``timecodes`` and ``untimecode``: the moment of a recording at which a
line of its transcription starts, through the same use cases as the window's Mark time key."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import timecodes
from amanat.app.timecodes import Timecode
from amanat.cli.shared import Commands, show, show_added, unlocked


def declare(commands: Commands) -> None:
    marked = commands.command(
        "timecode",
        mark,
        "say when a line of a recording's text is spoken: the line holding character OFFSET "
        "(counted from 0) starts at TIME; a line marked again takes the new time",
    )
    marked.add_argument("text", metavar="TEXT_ID")
    marked.add_argument("--at", type=int, required=True, metavar="OFFSET")
    marked.add_argument(
        "--time", required=True, metavar="TIME", help="such as 00:01:23, 1:23 or 83"
    )
    listed = commands.command(
        "timecodes",
        list_timecodes,
        "list a text's time codes in the order of its lines; LOST marks one whose line was "
        "edited away (it comes back with the words)",
    )
    listed.add_argument("text", metavar="TEXT_ID")
    taken_off = commands.command("untimecode", unmark, "take a time code off its line")
    taken_off.add_argument("id", metavar="TIMECODE_ID")


def mark(args: argparse.Namespace) -> int:
    seconds = timecodes.parse(args.time)  # before the password: a typo costs no unlock
    with unlocked(args) as archive:
        made = timecodes.mark(archive, args.text, args.at, seconds)
    return show_added(args, made)


def list_timecodes(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        found = timecodes.of_text(archive, args.text)
    show(args, found, lambda: _lines(found))
    return 0


def unmark(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        taken = timecodes.remove(archive, args.id)
    show(args, taken, lambda: [f"Took the time code {taken.id} off."])
    return 0


def _lines(found: list[Timecode]) -> Iterator[str]:
    if not found:
        yield "No time codes."
    for timecode in found:
        lost = "LOST  " if timecode.orphaned else ""
        quote = " ".join(timecode.target.quote.split())
        yield (
            f"{timecode.id}  {timecodes.clock(timecode.seconds):>8}  {lost}"
            f"{timecode.offset}  “{quote}”"
        )
