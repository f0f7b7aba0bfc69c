"""``amanat casefile``: a person's case file, a PDF for a submission holding what a bundle of
that person would."""

from __future__ import annotations

import argparse
from pathlib import Path

from amanat.cli.shared import Commands, choices, show, unlocked
from amanat.core.dates import Calendar
from amanat.core.records import Audience


def declare(commands: Commands) -> None:
    case = commands.command(
        "casefile",
        write_case_file,
        "write a person's case file (PDF): cover, chronology with its sources, each document "
        "with its pages and texts; consent honoured as in bundles",
    )
    case.add_argument("person", metavar="PERSON_ID")
    case.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the PDF, which must not exist yet"
    )
    case.add_argument(
        "--calendar",
        choices=choices(Calendar),
        default=Calendar.GREGORIAN.value,
        help="the calendar of its dates (gregorian)",
    )
    case.add_argument(
        "--audience",
        choices=[a.value for a in Audience if a is not Audience.PRIVATE],
        default=Audience.ADVOCATES.value,
        help="who will read it: testimony consented to a narrower circle stays out (advocates)",
    )


def write_case_file(args: argparse.Namespace) -> int:
    from amanat.app import casefile
    from amanat.core.timeline_export import refuse_existing

    output = Path(args.output)
    refuse_existing(output)  # before the password is asked for
    with unlocked(args) as archive:
        written = casefile.write_case_file(
            archive,
            args.person,
            output,
            calendar=Calendar(args.calendar),
            audience=Audience(args.audience),
        )
    show(
        args,
        written,
        lambda: [
            f"Wrote the case file of {written.person} to {output}: {written.documents} "
            f"documents, {written.pages} page pictures; {written.held_back} records held back "
            "(consent, private notes, the trash). The file is not encrypted: keep it safe."
        ],
    )
    return 0
