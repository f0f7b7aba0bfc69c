"""``amanat timeline``: a person's chronology with the facts computed from it, shown or
written to a file (text, CSV, PDF, or JSON with --json)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from amanat.cli.shared import Commands, choices, date_option, json_text, unlocked
from amanat.core.dates import Calendar
from amanat.core.errors import InvalidInput


def declare(commands: Commands) -> None:
    chronology = commands.command(
        "timeline",
        show_timeline,
        "show or export a person's chronology, with the facts computed from it",
    )
    chronology.add_argument("person", metavar="PERSON_ID")
    chronology.add_argument("--format", choices=("text", "csv", "pdf"), default="text")
    chronology.add_argument(
        "--calendar",
        choices=choices(Calendar),
        help="the calendar of --as-of and of today's date (gregorian); every other date is "
        "shown as it was entered, with the other calendar's reading beside it",
    )
    chronology.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, which must not exist yet"
    )
    chronology.add_argument(
        "--as-of", metavar="DATE", help="count what is still going on up to this day (today)"
    )
    chronology.add_argument(
        "--include-trash", action="store_true", help="also list documents in the trash"
    )


def show_timeline(args: argparse.Namespace) -> int:
    # Loaded here, not for every command: the chronology's modules take a while to import.
    from amanat.app import timeline
    from amanat.core.timeline_export import refuse_existing, to_csv, to_text, write_new_file

    if args.format == "pdf" and not args.output and not args.json:
        raise InvalidInput("pdf-needs-file")
    calendar = Calendar(args.calendar or Calendar.GREGORIAN)
    as_of = date_option(args.as_of, args.calendar)
    if as_of is not None and as_of.start != as_of.end:
        raise InvalidInput("as-of-needs-day")
    output = Path(args.output) if args.output else None
    if output is not None:
        refuse_existing(output)  # before the password is asked for
    with unlocked(args) as archive:
        chronology = timeline.load_timeline(
            archive,
            args.person,
            today=as_of.start if as_of else None,
            include_trash=args.include_trash,
        )
        if output is not None or args.format == "csv":
            # What goes to a file (a CSV on the terminal is usually on its way to one) leaves
            # the archive: anonymised witnesses under their pseudonyms.
            chronology = timeline.as_it_leaves(archive, chronology)
    if args.json:
        text = json_text(chronology)
        data = text.encode("utf-8")
    elif args.format == "text":
        text = to_text(chronology, calendar)
        data = text.encode("utf-8")
    else:
        # On the terminal a CSV is plain text; its file starts with the mark that tells a
        # spreadsheet it is UTF-8.
        text = to_csv(chronology, calendar) if args.format == "csv" else ""
        data = timeline.chronology_file(chronology, args.format, calendar)
    if output is None:
        sys.stdout.write(text)
        return 0
    write_new_file(output, data)
    print(
        f"Wrote the chronology of {chronology.person.display_name} to {output}. "
        "The file is not encrypted: keep it safe."
    )
    return 0
