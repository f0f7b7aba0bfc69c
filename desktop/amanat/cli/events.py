"""``amanat event add|list`` and ``amanat place list|merge``: a person's chronology as events,
and the places named in them."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterator
from typing import TYPE_CHECKING

from amanat.app import events
from amanat.cli.shared import (
    Commands,
    choices,
    date_option,
    date_text,
    show,
    show_added,
    unlocked,
)
from amanat.core.dates import Calendar
from amanat.core.records import Event, EventType

if TYPE_CHECKING:  # core.timeline is loaded only by the commands on places
    from amanat.app.places import Places


def declare(commands: Commands) -> None:
    event = commands.group("event", "add and list events")
    add = event.command("add", add_event, "add an event to a person's chronology")
    add.add_argument("--person", required=True, metavar="ID")
    add.add_argument("--type", required=True, choices=choices(EventType))
    add.add_argument("--date", required=True)
    add.add_argument("--end", help="the end date of a span")
    add.add_argument("--ongoing", action="store_true", help="a span that has not ended")
    add.add_argument("--calendar", choices=choices(Calendar))
    add.add_argument("--place")
    add.add_argument("--description")
    add.add_argument("--source", action="append", metavar="DOC_ID", help="(repeatable)")
    add.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    listing = event.command("list", list_events, "list a person's events")
    listing.add_argument("--person", required=True, metavar="ID")

    place = commands.group("place", "list places and merge two spellings of one")
    listing = place.command("list", list_places, "list the places of events, and likely duplicates")
    listing.add_argument("--person", metavar="ID", help="only this person's events")
    merge = place.command(
        "merge",
        merge_places,
        "write one spelling of a place in every event that uses another, e.g. Evin and اوین",
    )
    merge.add_argument("names", nargs="+", metavar="NAME", help="the spellings to replace")
    merge.add_argument("--into", required=True, metavar="NAME", help="the spelling to keep")
    merge.add_argument("--person", metavar="ID", help="only this person's events")


def add_event(args: argparse.Namespace) -> int:
    event = Event(
        person_id=args.person,
        type=EventType(args.type),
        date=date_option(args.date, args.calendar),  # type: ignore[arg-type]
        end_date=date_option(args.end, args.calendar),
        ongoing=args.ongoing,
        place=args.place or "",
        description=args.description or "",
        source_ids=tuple(args.source or ()),
    )
    with unlocked(args) as archive:
        event = events.save_event(archive, event, tuple(args.tag or ()), new=True)
    return show_added(args, event)


def list_events(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        found = events.list_events(archive, args.person)

    def lines() -> Iterator[str]:
        for event in found:
            span = date_text(event.date)
            if event.end_date:
                span += f" – {date_text(event.end_date)}"
            elif event.ongoing:
                span += " – (ongoing)"
            yield f"{event.id}  {span}  {event.type}  {event.place}".rstrip()

    show(args, found, lines)
    return 0


def list_places(args: argparse.Namespace) -> int:
    from amanat.app import places

    with unlocked(args) as archive:
        found = places.places(archive, args.person)
    data = {
        "places": [{"place": p, "events": n} for p, n in found.uses],
        "likely_same": found.likely_same,
    }
    show(args, data, lambda: _place_lines(found))
    return 0


def _place_lines(found: Places) -> Iterator[str]:
    for place, count in found.uses:
        yield f"{count:>5}  {place}"
    for group in found.likely_same:
        names = " and ".join(f"“{s}”" for s in group.spellings)
        yield (
            f"{names} look like one place; merge them with: amanat place merge "
            + " ".join(shlex.quote(s) for s in group.spellings[1:])
            + f" --into {shlex.quote(group.suggested)}"
        )


def merge_places(args: argparse.Namespace) -> int:
    from amanat.app import places

    with unlocked(args) as archive:
        changed = places.merge_place_spellings(
            archive, tuple(args.names), args.into, person_id=args.person
        )
    if not changed:
        print("No event names those places, so nothing was changed.")
    else:
        print(f"“{args.into.strip()}” is now the place of {len(changed)} event(s).")
    return 0
