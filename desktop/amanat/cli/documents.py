"""``amanat doc add|show|list|trash|restore`` and ``amanat trash empty``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import documents, people
from amanat.app.documents import DocumentDetails, NewDocument
from amanat.cli.shared import (
    Commands,
    UsageError,
    choices,
    date_option,
    date_text,
    read_file,
    read_text_file,
    show,
    show_added,
    unlocked,
)
from amanat.core.dates import Calendar
from amanat.core.records import DocumentKind


def declare(commands: Commands) -> None:
    doc = commands.group("doc", "add, list, show and trash documents")
    add = doc.command("add", add_document, "add a document")
    add.add_argument("--kind", required=True, choices=choices(DocumentKind))
    add.add_argument("--title", required=True)
    add.add_argument("--date", help="e.g. 2011-03-15, 2011-03, 1389-12-24, 'March 2011'")
    add.add_argument(
        "--calendar",
        choices=choices(Calendar),
        help="the calendar of --date (guessed from the year if not given)",
    )
    add.add_argument(
        "--person",
        action="append",
        metavar="ID",
        help="a person the document concerns (repeatable)",
    )
    add.add_argument("--author", metavar="ID", help="the person who wrote it")
    add.add_argument(
        "--text-file",
        action="append",
        metavar="FILE",
        help="a UTF-8 file with the transcription; more files are translations",
    )
    add.add_argument(
        "--language",
        action="append",
        metavar="LANG",
        help="the language of each --text-file, e.g. fa or en",
    )
    add.add_argument("--page", action="append", metavar="FILE", help="a scan (repeatable)")
    add.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    shown = doc.command("show", show_document, "show a document, its pages and texts")
    shown.add_argument("id")
    listing = doc.command("list", list_documents, "list documents, newest first")
    listing.add_argument("--person", metavar="ID")
    listing.add_argument("--tag", metavar="NAME")
    listing.add_argument("--kind", choices=choices(DocumentKind))
    listing.add_argument("--trash", action="store_true", help="list the trash instead")
    trash = doc.command("trash", move_to_trash, "move a document to the trash")
    trash.add_argument("id")
    restore = doc.command("restore", restore_from_trash, "take a document out of the trash")
    restore.add_argument("id")

    trash_commands = commands.group("trash", "the trash")
    trash_commands.command("empty", empty_trash, "remove what is in the trash for good")


def add_document(args: argparse.Namespace) -> int:
    text_files = args.text_file or []
    languages = args.language or []
    if len(languages) not in (0, 1, len(text_files)):
        raise UsageError("give one --language for each --text-file (or one for all)")
    if text_files and not languages:
        raise UsageError("say the language of the text: --language fa (or en, …)")
    if len(languages) == 1:
        languages = languages * len(text_files)
    # Everything is read before the password is asked for: a missing file costs no unlock.
    new = NewDocument(
        kind=DocumentKind(args.kind),
        title=args.title,
        date=date_option(args.date, args.calendar),
        author_id=args.author,
        concerned_ids=tuple(args.person or ()),
        tag_paths=tuple(args.tag or ()),
        texts=tuple(
            (read_text_file(path), language)
            for path, language in zip(text_files, languages, strict=True)
        ),
        pages=tuple((path, read_file(path)) for path in args.page or []),
    )
    with unlocked(args) as archive:
        document = documents.add_document(archive, new)
    return show_added(args, document)


def show_document(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        details = documents.document_details(archive, args.id)
    # The tags in the order they were given, as they were always listed here.
    order = {tag_id: n for n, tag_id in enumerate(details.document.tag_ids)}
    tag_paths = [e.path for e in sorted(details.tags, key=lambda e: order[e.tag.id])]
    data = {
        "document": details.document,
        "pages": details.pages,
        "texts": details.texts,
        "tags": tag_paths,
    }
    show(args, data, lambda: _document_lines(details, tag_paths))
    return 0


def _document_lines(details: DocumentDetails, tag_paths: list[str]) -> Iterator[str]:
    document = details.document
    names = {person_id: person.display_name for person_id, person in details.people.items()}
    yield f"{document.title}  ({document.id})"
    yield f"  Kind: {document.kind}"
    yield f"  Date: {date_text(document.date)}"
    if document.trashed:
        yield "  In the trash"
    if document.author_id:
        yield f"  Author: {names.get(document.author_id, document.author_id)}"
    if document.concerned_ids:
        yield f"  Concerns: {', '.join(names.get(p, p) for p in document.concerned_ids)}"
    if tag_paths:
        yield f"  Tags: {', '.join(tag_paths)}"
    if document.kind == DocumentKind.TESTIMONY:
        consent = document.consent
        yield (
            f"  Consent: {consent.audience}"
            + (", anonymise" if consent.anonymise else "")
            + (", withdrawn" if consent.withdrawn else "")
        )
    for page in details.pages:
        size = f"{page.width}×{page.height}, " if page.width else ""
        yield (
            f"  Page {page.number}: {page.id}  {page.mime_type}, {size}{page.size} bytes,"
            f" sha256 {page.sha256}"
        )
    for text in details.texts:
        yield f"  {text.kind.capitalize()} ({text.language}, {text.status}): {text.id}"
        for line in text.body.splitlines():
            yield f"    {line}"


def list_documents(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        found = documents.list_documents(
            archive,
            person_id=args.person,
            tag_path=args.tag,
            kind=DocumentKind(args.kind) if args.kind else None,
            in_trash=args.trash,
        )
    show(
        args,
        found,
        lambda: (f"{d.id}  {date_text(d.date):<22}  {d.kind:<9}  {d.title}" for d in found),
    )
    return 0


def move_to_trash(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        documents.move_to_trash(archive, args.id)
    print(f"Moved {args.id} to the trash. Restore it with: amanat doc restore {args.id}")
    return 0


def restore_from_trash(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        documents.restore_from_trash(archive, args.id)
    print(f"Restored {args.id} from the trash.")
    return 0


def empty_trash(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        removed = documents.empty_trash(archive)
        removed_people = people.empty_trash(archive)
    print(f"Removed {removed} document(s) from the trash for good.")
    if removed_people:
        who = "person" if removed_people == 1 else "people"
        print(f"Removed {removed_people} {who} from the trash for good.")
    return 0
