"""``amanat annotate``, ``annotate-page``, ``annotations`` and ``annotation edit|delete``: a
lawyer's comments on passages and on rectangles of pages, changed and deleted through the
same use cases as the window's Edit… and Delete."""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterator

from amanat.app import annotations as notes
from amanat.app import timecodes
from amanat.app.annotations import AnnotationFields, AnnotationRow
from amanat.cli.shared import Commands, UsageError, choices, show, show_added, unlocked
from amanat.core.errors import InvalidInput
from amanat.core.records import TextRange, TimeRange, Visibility
from amanat.core.time_ranges import range_clock


def declare(commands: Commands) -> None:
    annotate = commands.command(
        "annotate",
        annotate_text,
        "annotate a passage of a text: characters START up to END (counted from 0, END not "
        "included); private unless --shareable; the author is the --actor name",
    )
    annotate.add_argument("text", metavar="TEXT_ID")
    annotate.add_argument("--start", type=int, required=True, metavar="N")
    annotate.add_argument("--end", type=int, required=True, metavar="N")
    _comment_options(annotate)
    on_page = commands.command(
        "annotate-page",
        annotate_page,
        "annotate a rectangle on a page, or a time range of a recording (--from and --to); "
        "private unless --shareable",
    )
    on_page.add_argument("page", metavar="PAGE_ID")
    on_page.add_argument(
        "--rect",
        metavar="X,Y,W,H",
        help="in percent of the page's width and height (0–100) from its top-left corner, "
        "as shown without rotation, e.g. 10,20,30,15",
    )
    on_page.add_argument(
        "--from",
        dest="start",
        metavar="TIME",
        help="where the range of a recording starts, such as 1:02, 00:01:02 or 62",
    )
    on_page.add_argument("--to", dest="end", metavar="TIME", help="where it ends")
    _comment_options(on_page)
    listed = commands.command(
        "annotations",
        list_annotations,
        "list annotations, of one document or all; ORPHANED marks one whose passage is gone",
    )
    listed.add_argument("--doc", metavar="ID")
    listed.add_argument("--tag", metavar="NAME", help="includes the tags under it")
    listed.add_argument("--visibility", choices=choices(Visibility))
    one = commands.group("annotation", "change or delete one annotation")
    edited = one.command(
        "edit",
        edit_annotation,
        "change an annotation's comment, tags or who may see it; what is not given stays",
    )
    edited.add_argument("id", metavar="ANN_ID")
    edited.add_argument("--body", metavar="B", help="the new comment")
    tagged = edited.add_mutually_exclusive_group()
    tagged.add_argument(
        "--tag",
        action="append",
        metavar="NAME",
        help="its tags from now on (repeatable); a new path makes the tag",
    )
    tagged.add_argument("--no-tags", action="store_true", help="take every tag off it")
    seen = edited.add_mutually_exclusive_group()
    seen.add_argument("--shareable", action="store_true", help="may leave in bundles")
    seen.add_argument("--private", action="store_true", help="never leaves this archive")
    deleted = one.command(
        "delete", delete_annotation, "delete an annotation (the passage or page stays)"
    )
    deleted.add_argument("id", metavar="ANN_ID")


def _comment_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--body", required=True, metavar="B", help="the comment")
    command.add_argument("--tag", action="append", metavar="NAME", help="(repeatable)")
    command.add_argument(
        "--shareable", action="store_true", help="may leave in bundles (private otherwise)"
    )


def _fields(args: argparse.Namespace) -> AnnotationFields:
    # Private unless asked: a lawyer's note must never leave by accident.
    visibility = Visibility.SHAREABLE if args.shareable else Visibility.PRIVATE
    return AnnotationFields(args.body, tuple(args.tag or ()), visibility)


def annotate_text(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        note = notes.annotate_text(
            archive, args.text, args.start, args.end, _fields(args), author=args.actor
        )
    return show_added(args, note)


def page_rectangle(text: str) -> tuple[float, float, float, float]:
    """X,Y,W,H in percent of the page, as in a bundle's xywh=percent: (see --help); read
    alike for a redaction (cli/redaction.py)."""
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise InvalidInput("region-not-rectangle", text=text)
    x, y, width, height = (n / 100 for n in numbers)
    return x, y, width, height


def annotate_page(args: argparse.Namespace) -> int:
    timed = args.start is not None or args.end is not None
    if timed == (args.rect is not None):
        raise UsageError("give either --rect, or --from and --to for a recording")
    if not timed:
        rectangle = page_rectangle(args.rect)
        with unlocked(args) as archive:
            note = notes.annotate_page(
                archive, args.page, rectangle, _fields(args), author=args.actor
            )
        return show_added(args, note)
    if args.start is None or args.end is None:
        raise UsageError("a time range needs both --from and --to")
    # Read before the password: a typo costs no unlock.
    start, end = timecodes.parse(args.start), timecodes.parse(args.end)
    with unlocked(args) as archive:
        note = notes.annotate_recording(
            archive, args.page, start, end, _fields(args), author=args.actor
        )
    return show_added(args, note)


def list_annotations(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        rows = notes.list_annotations(
            archive,
            document_id=args.doc,
            tag_path=args.tag,
            visibility=Visibility(args.visibility) if args.visibility else None,
        )
    show(args, [row.annotation for row in rows], lambda: _annotation_lines(rows))
    return 0


def edit_annotation(args: argparse.Namespace) -> int:
    tag_paths = () if args.no_tags else tuple(args.tag) if args.tag else None
    visibility = (
        Visibility.SHAREABLE if args.shareable else Visibility.PRIVATE if args.private else None
    )
    if args.body is None and tag_paths is None and visibility is None:
        raise UsageError("say what to change: --body, --tag, --no-tags, --shareable or --private")
    with unlocked(args) as archive:
        note = notes.change_annotation(archive, args.id, args.body, tag_paths, visibility)
        rows = notes.document_annotations(archive, note.document_id)
    changed = [row for row in rows if row.id == note.id]
    show(args, note, lambda: ["Changed the annotation.", *_annotation_lines(changed)])
    return 0


def delete_annotation(args: argparse.Namespace) -> int:
    with unlocked(args) as archive:
        note = notes.remove_annotation(archive, args.id)
    show(args, note, lambda: [f"Deleted the annotation {note.id}."])
    return 0


def _annotation_lines(rows: list[AnnotationRow]) -> Iterator[str]:
    if not rows:
        yield "No annotations."
    for row in rows:
        note = row.annotation
        target = note.target
        if isinstance(target, TextRange):
            where = f"text {target.start}–{target.end} “{' '.join(target.quote.split())}”"
        elif isinstance(target, TimeRange):
            where = f"recording {range_clock(target)}"
        else:
            corners = (target.x, target.y, target.width, target.height)
            where = "page " + ",".join(f"{100 * n:g}" for n in corners) + "%"
        mark = "ORPHANED  " if note.orphaned else ""
        paths = {entry.tag.id: entry.path for entry in row.tags}
        labels = "".join(f"  #{paths[t]}" for t in note.tag_ids)
        yield f"{note.id}  {mark}{note.visibility:<9}  {note.document_id or '-'}  {where}"
        yield f"    {' '.join(note.body.split())}{labels}"
