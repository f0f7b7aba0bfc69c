"""``amanat person add|list|show``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import people
from amanat.app.people import PersonRecord
from amanat.cli.shared import Commands, choices, date_text, show, show_added, unlocked
from amanat.core.records import Person, PersonStatus, Role


def declare(commands: Commands) -> None:
    person = commands.group("person", "add, list and show people")
    add = person.command("add", add_person, "add a person")
    add.add_argument("--name", required=True, help="the name shown in the archive")
    add.add_argument("--name-fa", help="the name in Persian script")
    add.add_argument("--name-latin", help="the name in Latin script")
    add.add_argument("--alias", action="append", help="another name (repeatable)")
    add.add_argument("--role", action="append", choices=choices(Role), help="(repeatable)")
    add.add_argument("--status", choices=choices(PersonStatus), default="unknown")
    add.add_argument("--birth-year", type=int)
    add.add_argument("--notes")
    listing = person.command("list", list_people, "list people, prisoners first")
    listing.add_argument("--role", choices=choices(Role))
    shown = person.command("show", show_person, "show a person")
    shown.add_argument("id")


def add_person(args: argparse.Namespace) -> int:
    person = Person(
        display_name=args.name,
        name_fa=args.name_fa or "",
        name_latin=args.name_latin or "",
        aliases=tuple(args.alias or ()),
        roles=tuple(Role(r) for r in dict.fromkeys(args.role or ())),
        birth_year=args.birth_year,
        status=PersonStatus(args.status),
        notes=args.notes or "",
    )
    with unlocked(args) as archive:
        people.add_person(archive, person)
    return show_added(args, person)


def list_people(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        everyone = people.list_people(archive, Role(args.role) if args.role else None)

    def lines() -> Iterator[str]:
        for person in everyone:
            roles = ", ".join(person.roles) or "—"
            names = " / ".join(n for n in (person.name_fa, person.name_latin) if n)
            line = f"{person.id}  {person.display_name}  [{roles}; {person.status}]  {names}"
            yield line.rstrip()

    show(args, everyone, lines)
    return 0


def show_person(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        record = people.person_record(archive, args.id)
    data = {
        "person": record.person,
        "documents": [d.id for d in record.documents],
        "events": record.events,
    }
    show(args, data, lambda: _person_lines(record))
    return 0


def _person_lines(record: PersonRecord) -> Iterator[str]:
    person = record.person
    yield f"{person.display_name}  ({person.id})"
    for label, value in (
        ("Persian", person.name_fa),
        ("Latin", person.name_latin),
        ("Aliases", ", ".join(person.aliases)),
        ("Roles", ", ".join(person.roles)),
        ("Status", person.status),
        ("Born", person.birth_year or ""),
        ("Notes", person.notes),
    ):
        if value:
            yield f"  {label}: {value}"
    yield f"  Documents: {len(record.documents)}"
    for event in record.events:
        yield f"  {date_text(event.date)}  {event.type}  {event.place}".rstrip()
