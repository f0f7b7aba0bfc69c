"""``amanat doc add|show|list|edit|tag|untag|trash|restore`` and ``amanat trash empty``.

Each command calls the use case the window calls for the same change: ``doc edit`` the
details dialog's save, ``doc tag`` and ``doc untag`` the tag editor's."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import replace

from amanat.app import documents, people, tags
from amanat.app.documents import DocumentDetails, DocumentFields, NewDocument
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
from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.errors import InvalidInput
from amanat.core.records import Audience, Consent, DocumentKind, Provenance


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
    _declare_edit(doc)
    tag = doc.command("tag", tag_document, "put a tag on a document (made if it is new)")
    tag.add_argument("id", metavar="DOC_ID")
    tag.add_argument("tag", metavar="TAG", help="e.g. conditions/solitary")
    untag = doc.command("untag", untag_document, "take a tag off a document")
    untag.add_argument("id", metavar="DOC_ID")
    untag.add_argument("tag", metavar="TAG")
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


# --- Changing a document -----------------------------------------------------------------


def _declare_edit(doc: Commands) -> None:
    edit = doc.command(
        "edit", edit_document, "change a document's details; what is not named stays as it is"
    )
    edit.add_argument("id", metavar="DOC_ID")
    edit.add_argument("--title")
    edit.add_argument(
        "--date", help="e.g. 2011-03-15, 2011-03, 1389-12-24, 'March 2011'; '' for undated"
    )
    edit.add_argument(
        "--calendar",
        choices=choices(Calendar),
        help="the calendar of --date and --received-on (guessed from the year if not given)",
    )
    edit.add_argument("--kind", choices=choices(DocumentKind))
    edit.add_argument("--consent", choices=choices(Audience), help="who may see a testimony")
    edit.add_argument(
        "--anonymise",
        action=argparse.BooleanOptionalAction,
        help="whether the witness must be anonymised",
    )
    withdrawn = edit.add_mutually_exclusive_group()
    withdrawn.add_argument(
        "--withdrawn",
        dest="withdrawn",
        action="store_const",
        const=True,
        help="the witness withdrew consent: the testimony never leaves the archive",
    )
    withdrawn.add_argument("--not-withdrawn", dest="withdrawn", action="store_const", const=False)
    edit.add_argument(
        "--add-person",
        action="append",
        metavar="ID",
        help="a person the document concerns (repeatable)",
    )
    edit.add_argument(
        "--remove-person",
        action="append",
        metavar="ID",
        help="no longer concerned, nor its author or a recipient (repeatable)",
    )
    edit.add_argument("--author", metavar="ID", help="the person who wrote it ('' for nobody)")
    edit.add_argument(
        "--add-recipient", action="append", metavar="ID", help="a person it was written to"
    )
    edit.add_argument(
        "--provenance", metavar="TEXT", help="how it reached the archive, in a few words"
    )
    edit.add_argument("--received-from", metavar="NAME", help="who gave it to the archive")
    edit.add_argument("--received-on", metavar="DATE", help="when it reached the archive")


_EDIT_OPTIONS = (
    "title", "date", "kind", "consent", "anonymise", "withdrawn", "add_person", "remove_person",
    "author", "add_recipient", "provenance", "received_from", "received_on",
)  # fmt: skip


def edit_document(args: argparse.Namespace) -> int:
    if all(getattr(args, name) is None for name in _EDIT_OPTIONS):
        raise UsageError("say what to change, e.g. --title or --date")
    if args.calendar and args.date is None and args.received_on is None:
        raise UsageError("--calendar says the calendar of --date: give --date too")
    # Read before the password is asked for: an impossible date costs no unlock.
    date = _new_date(args.date, args.calendar)
    received_on = _new_date(args.received_on, args.calendar)
    if args.title is not None and not args.title.strip():
        raise InvalidInput("document-needs-title")
    with unlocked(args) as archive:
        details = documents.document_details(archive, args.id)
        fields = _edited(DocumentFields.of(details.document), args, date, received_on)
        document = documents.save_fields(archive, args.id, fields)
    if args.json:
        show(args, document, list)
    else:
        print(f"Changed {document.title} ({document.id}).")
    return 0


_UNCHANGED = "unchanged"


def _new_date(text: str | None, calendar: str | None) -> FuzzyDate | str | None:
    """The date an option asks for: None for '' (undated), ``_UNCHANGED`` when not given."""
    if text is None:
        return _UNCHANGED
    if not text.strip():
        return None
    return date_option(text, calendar)


def _edited(
    fields: DocumentFields,
    args: argparse.Namespace,
    date: FuzzyDate | str | None,
    received_on: FuzzyDate | str | None,
) -> DocumentFields:
    removed = set(args.remove_person or ())
    concerned = [p for p in fields.concerned_ids if p not in removed]
    concerned += [p for p in args.add_person or () if p not in concerned]
    recipients = [p for p in fields.recipient_ids if p not in removed]
    recipients += [p for p in args.add_recipient or () if p not in recipients]
    provenance = fields.provenance
    provenance = Provenance(
        provenance.received_from if args.received_from is None else args.received_from.strip(),
        provenance.received_on if isinstance(received_on, str) else received_on,
        provenance.how if args.provenance is None else args.provenance.strip(),
    )
    consent = fields.consent
    consent = Consent(
        consent.audience if args.consent is None else Audience(args.consent),
        consent.anonymise if args.anonymise is None else args.anonymise,
        consent.withdrawn if args.withdrawn is None else args.withdrawn,
    )
    return replace(
        fields,
        title=fields.title if args.title is None else args.title.strip(),
        kind=fields.kind if args.kind is None else DocumentKind(args.kind),
        date=fields.date if isinstance(date, str) else date,
        author_id=_author(fields.author_id, args.author, removed),
        recipient_ids=tuple(recipients),
        concerned_ids=tuple(concerned),
        provenance=provenance,
        consent=consent,
    )


def _author(current: str | None, given: str | None, removed: set[str]) -> str | None:
    if given is not None:
        return given.strip() or None
    return None if current in removed else current


def tag_document(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        documents.document_title(archive, args.id)  # an unknown document before a new tag
        change = tags.tag_document(archive, args.id, args.tag)
    if args.json:
        show(args, change, list)
    elif change.changed:
        print(f"Tagged {args.id} with {change.entry.path}.")
    else:
        print(f"{args.id} already had the tag {change.entry.path}.")
    return 0


def untag_document(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        documents.document_title(archive, args.id)
        change = tags.untag_document(archive, args.id, args.tag)
    if change is None:
        raise InvalidInput("no-such-tag", path=args.tag)
    if args.json:
        show(args, change, list)
    elif change.changed:
        print(f"Took the tag {change.entry.path} off {args.id}.")
    else:
        print(f"{args.id} did not have the tag {change.entry.path}.")
    return 0
