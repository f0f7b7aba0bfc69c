"""``amanat text add|edit|list``: a document's transcriptions, translations and summaries,
read from UTF-8 files. Adding and saving go through the use cases the window's text editor
uses, so a text changed here is indexed for search and its annotations follow the edit."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import documents
from amanat.app.documents import TextContent
from amanat.cli.shared import Commands, choices, read_text_file, show, show_added, unlocked
from amanat.core.errors import InvalidInput
from amanat.core.records import Text, TextKind, TextStatus


def declare(commands: Commands) -> None:
    text = commands.group("text", "add, change and list the texts of a document")
    add = text.command("add", add_text, "add a text to a document from a UTF-8 file")
    add.add_argument("document_id", metavar="DOC_ID")
    add.add_argument("--file", required=True, metavar="FILE", help="the text, in UTF-8")
    add.add_argument("--language", required=True, metavar="LANG", help="e.g. fa or en")
    add.add_argument(
        "--kind",
        choices=choices(TextKind),
        default=TextKind.TRANSCRIPTION.value,
        help="(default: transcription)",
    )
    add.add_argument("--status", choices=choices(TextStatus), default=TextStatus.DRAFT.value)
    edit = text.command("edit", edit_text, "replace a text's body with a UTF-8 file")
    edit.add_argument("text_id", metavar="TEXT_ID")
    edit.add_argument("--file", required=True, metavar="FILE", help="the new text, in UTF-8")
    edit.add_argument("--language", metavar="LANG", help="change its language too")
    edit.add_argument(
        "--status", choices=choices(TextStatus), help="checked: compared word for word"
    )
    listing = text.command("list", list_texts, "list a document's texts")
    listing.add_argument("document_id", metavar="DOC_ID")


def _language(value: str) -> str:
    language = value.strip().casefold()
    if not language:
        raise InvalidInput("text-needs-language")
    return language


def add_text(args: argparse.Namespace) -> int:
    # Read before the password is asked for: a file that cannot be read costs no unlock.
    body = read_text_file(args.file)
    language = _language(args.language)
    with unlocked(args) as archive:
        text = documents.add_text(
            archive,
            Text(
                document_id=args.document_id,
                kind=TextKind(args.kind),
                language=language,
                body=body,
                status=TextStatus(args.status),
            ),
        )
    return show_added(args, text)


def edit_text(args: argparse.Namespace) -> int:
    body = read_text_file(args.file)
    language = _language(args.language) if args.language is not None else None
    with unlocked(args) as archive:
        current = documents.get_text(archive, args.text_id)
        saved = documents.save_text(
            archive,
            args.text_id,
            TextContent(
                body,
                language or current.language,
                TextStatus(args.status) if args.status else current.status,
            ),
        )
    if args.json:
        show(args, saved, list)
    else:
        print(f"Saved the {saved.kind} ({saved.language}) {saved.id}.")
    return 0


def list_texts(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        found = documents.texts_of(archive, args.document_id)
    show(args, found, lambda: _text_lines(found))
    return 0


def _text_lines(found: list[Text]) -> Iterator[str]:
    for text in found:
        first = next((line.strip() for line in text.body.splitlines() if line.strip()), "")
        if len(first) > 60:
            first = first[:59] + "…"
        yield (
            f"{text.id}  {text.kind:<13}  {text.language:<3}  {text.status:<7}"
            f"  {len(text.body):>6} chars  {first}"
        )
