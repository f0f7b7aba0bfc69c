"""``amanat redact``, ``redact-text``, ``redactions`` and ``unredact``: rectangles of pages and
passages of texts that never leave the archive, through the same use cases as the window's
Redact a region and Redact."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from amanat.app import redaction
from amanat.app.redaction import RedactionRow
from amanat.cli.annotations import page_rectangle
from amanat.cli.shared import Commands, show, show_added, unlocked
from amanat.core.storage.redactions import PageRedaction


def declare(commands: Commands) -> None:
    on_page = commands.command(
        "redact",
        redact_page,
        "black out a rectangle of a page in every copy that leaves (page exports, bundles); "
        "the page itself stays as it is here",
    )
    on_page.add_argument("page", metavar="PAGE_ID")
    on_page.add_argument(
        "--rect",
        required=True,
        metavar="X,Y,W,H",
        help="in percent of the page's width and height (0–100) from its top-left corner, "
        "as shown without turning, e.g. 10,20,30,15",
    )
    on_text = commands.command(
        "redact-text",
        redact_text,
        "replace a passage of a text by a mark in every copy that leaves: characters START "
        "up to END (counted from 0, END not included)",
    )
    on_text.add_argument("text", metavar="TEXT_ID")
    on_text.add_argument("--start", type=int, required=True, metavar="N")
    on_text.add_argument("--end", type=int, required=True, metavar="N")
    listed = commands.command(
        "redactions",
        list_redactions,
        "list the redactions, of one document or all; LOST marks a passage whose words were "
        "edited away (they stay blacked out wherever they come back)",
    )
    listed.add_argument("--doc", metavar="ID")
    faces = commands.command(
        "faces",
        suggest_faces,
        "find faces on a page and print a rectangle around each, to redact with amanat redact "
        "--rect (needs the optional OpenCV package)",
    )
    faces.add_argument("page", metavar="PAGE_ID")
    taken_off = commands.command(
        "unredact", unredact, "take a redaction off: what it covered leaves again"
    )
    taken_off.add_argument("id", metavar="REDACTION_ID")


def redact_page(args: argparse.Namespace) -> int:
    rectangle = page_rectangle(args.rect)
    with unlocked(args) as archive:
        made = redaction.redact_page(archive, args.page, rectangle)
    return show_added(args, made)


def redact_text(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        made = redaction.redact_text(archive, args.text, args.start, args.end)
    return show_added(args, made)


def list_redactions(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        rows = redaction.list_redactions(archive, args.doc)
    show(args, [row.redaction for row in rows], lambda: _lines(rows))
    return 0


def suggest_faces(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        found = redaction.suggest_faces(archive, args.page)
    boxes = [",".join(f"{100 * n:.1f}" for n in face.rectangle) for face in found]

    def lines() -> Iterator[str]:
        if not boxes:
            yield "No faces found; look at the page yourself: a face in profile or half hidden"
            yield "is easily missed."
        for box in boxes:
            yield f"amanat redact {args.page} --rect {box}"

    show(args, [{"rect": box} for box in boxes], lines)
    return 0


def unredact(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        taken = redaction.unredact(archive, args.id)
    show(args, taken, lambda: [f"Took the redaction {taken.id} off."])
    return 0


def _lines(rows: list[RedactionRow]) -> Iterator[str]:
    if not rows:
        yield "No redactions."
    for row in rows:
        found = row.redaction
        if isinstance(found, PageRedaction):
            corners = ",".join(f"{100 * n:g}" for n in found.rectangle)
            where = f"page {row.page_number}  {corners}%"
        else:
            target = found.target
            kind = f"{row.text_kind} ({row.text_language})" if row.text_kind else "deleted text"
            lost = "LOST  " if found.orphaned else ""
            quote = " ".join(target.quote.split())
            where = f"{lost}{kind} {target.start}–{target.end} “{quote}”"
        yield f"{found.id}  {row.document_id}  {where}"
        yield f"    {row.document_title}"
