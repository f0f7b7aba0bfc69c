"""``amanat person add|list|show|edit|merge|trash|restore``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import replace

from amanat.app import people
from amanat.app.people import PersonRecord
from amanat.cli.shared import (
    Commands,
    UsageError,
    choices,
    date_text,
    show,
    show_added,
    unlocked,
)
from amanat.core.records import Person, PersonStatus, Role
from amanat.core.storage.people import Merged


def declare(commands: Commands) -> None:
    person = commands.group("person", "add, list, show, edit, merge and trash people")
    add = person.command("add", add_person, "add a person")
    add.add_argument("--name", required=True, help="the name shown in the archive")
    add.add_argument("--name-fa", "--persian", dest="name_fa", help="the name in Persian script")
    add.add_argument("--name-latin", "--latin", dest="name_latin", help="the name in Latin script")
    add.add_argument("--alias", action="append", help="another name (repeatable)")
    add.add_argument("--role", action="append", choices=choices(Role), help="(repeatable)")
    add.add_argument("--status", choices=choices(PersonStatus), default="unknown")
    add.add_argument("--birth-year", type=int)
    add.add_argument("--notes")
    listing = person.command("list", list_people, "list people, prisoners first")
    listing.add_argument("--role", choices=choices(Role))
    listing.add_argument("--trash", action="store_true", help="list the trash instead")
    shown = person.command("show", show_person, "show a person")
    shown.add_argument("id")
    _declare_edit(person)
    merge = person.command(
        "merge",
        merge_people,
        "merge two records of one person: everything naming OTHER_ID moves to KEEP_ID",
    )
    merge.add_argument("keep_id", metavar="KEEP_ID", help="the record that stays")
    merge.add_argument("other_id", metavar="OTHER_ID", help="the record folded into it")
    trash = person.command("trash", move_to_trash, "move a person no document names to the trash")
    trash.add_argument("id")
    restore = person.command("restore", restore_from_trash, "take a person out of the trash")
    restore.add_argument("id")


def _declare_edit(person: Commands) -> None:
    edit = person.command(
        "edit", edit_person, "change a person's names, roles, status, birth year or notes"
    )
    edit.add_argument("id", metavar="PERSON_ID")
    edit.add_argument("--name", help="the name shown in the archive")
    edit.add_argument("--name-fa", "--persian", dest="name_fa", help="the name in Persian script")
    edit.add_argument("--name-latin", "--latin", dest="name_latin", help="the name in Latin script")
    aliases = edit.add_mutually_exclusive_group()
    aliases.add_argument(
        "--alias", action="append", help="another name (repeatable); replaces the aliases"
    )
    aliases.add_argument("--clear-aliases", action="store_true", help="remove every alias")
    roles = edit.add_mutually_exclusive_group()
    roles.add_argument(
        "--role", action="append", choices=choices(Role), help="(repeatable) replaces the roles"
    )
    roles.add_argument("--clear-roles", action="store_true", help="remove every role")
    edit.add_argument("--status", choices=choices(PersonStatus))
    edit.add_argument("--birth-year", type=_year, help="a year, or '' to forget it")
    edit.add_argument("--notes", help="replaces the notes ('' removes them)")


_NO_YEAR = 0
"""--birth-year '': forget the birth year (no year 0 is a birth year)."""


def _year(text: str) -> int:
    if not text.strip():
        return _NO_YEAR
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a year, such as 1985") from None


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
        added = people.add_person(archive, person)
    return show_added(args, added)


def list_people(args: argparse.Namespace) -> int:
    role = Role(args.role) if args.role else None
    with unlocked(args) as archive:
        if args.trash:
            everyone = [p for p in people.trashed_people(archive) if not role or role in p.roles]
        else:
            everyone = people.list_people(archive, role)

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
        "in_trash": record.in_trash,
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
    if record.in_trash:
        yield "  In the trash"
    yield f"  Documents: {len(record.documents)}"
    for event in record.events:
        yield f"  {date_text(event.date)}  {event.type}  {event.place}".rstrip()


def edit_person(args: argparse.Namespace) -> int:
    changes: dict[str, object] = {}
    for option, field in (
        ("name", "display_name"),
        ("name_fa", "name_fa"),
        ("name_latin", "name_latin"),
        ("notes", "notes"),
    ):
        if getattr(args, option) is not None:
            changes[field] = getattr(args, option)
    if args.alias is not None or args.clear_aliases:
        changes["aliases"] = tuple(args.alias or ())
    if args.role is not None or args.clear_roles:
        changes["roles"] = tuple(Role(r) for r in dict.fromkeys(args.role or ()))
    if args.status is not None:
        changes["status"] = PersonStatus(args.status)
    if args.birth_year is not None:
        changes["birth_year"] = None if args.birth_year == _NO_YEAR else args.birth_year
    if not changes:
        raise UsageError("say what to change, such as --name, --persian or --status")
    with unlocked(args) as archive:
        person = people.get_person(archive, args.id)
        edited = people.edit_person(archive, replace(person, **changes))  # type: ignore[arg-type]
    show(args, edited, lambda: [f"Saved {edited.display_name} ({edited.id})."])
    return 0


def merge_people(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        merged = people.merge_people(archive, args.keep_id, args.other_id)
    data = {
        "kept": merged.kept,
        "removed": merged.other.id,
        "documents": sorted(_moved_documents(merged)),
        "events": list(merged.events),
    }
    show(args, data, lambda: _merge_lines(merged))
    return 0


def _moved_documents(merged: Merged) -> set[str]:
    return set(merged.authored) | {document_id for document_id, _, _ in merged.links}


def _merge_lines(merged: Merged) -> Iterator[str]:
    documents, events = len(_moved_documents(merged)), len(merged.events)
    yield (
        f"Merged {merged.other.display_name} ({merged.other.id}) into"
        f" {merged.kept.display_name} ({merged.kept.id}):"
        f" {_count(documents, 'document', 'documents')} and"
        f" {_count(events, 'event', 'events')} moved."
    )


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def move_to_trash(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        people.move_to_trash(archive, args.id)
    print(f"Moved {args.id} to the trash. Restore it with: amanat person restore {args.id}")
    return 0


def restore_from_trash(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        people.restore_from_trash(archive, args.id)
    print(f"Restored {args.id} from the trash.")
    return 0
