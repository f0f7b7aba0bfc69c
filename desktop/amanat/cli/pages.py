"""``amanat page add|move|remove|restore|removed``: the pages of a document that exists.

A removed page goes to the trash: it leaves its document at once, ``page removed`` lists it,
``page restore`` puts it back where it was, and ``amanat trash empty`` deletes it for good. A
letter's only page cannot be removed (the letter itself goes to the trash instead).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from amanat.cli.shared import Commands, ProgressBar, interruptible, show, unlocked, warn

TRASH_NOTE = (
    "A removed page waits in the trash: 'page removed' lists it, 'page restore' puts it back "
    "where it was, and 'amanat trash empty' deletes it for good. A letter's only page stays; "
    "move the letter to the trash instead."
)


def declare(page: Commands) -> None:
    """Add these commands to the ``page`` group (declared with ``page show|export``)."""
    added = page.command(
        "add",
        add_pages,
        "add files or folders as pages after the document's last page (JPEG, PNG, TIFF, WebP,"
        " HEIC, GIF, PDF); a file that cannot be read is named and the others are added",
    )
    added.add_argument("document", metavar="DOC_ID")
    added.add_argument("paths", nargs="+", metavar="FILE", help="files or folders")
    added.add_argument(
        "--max-size-mb",
        type=int,
        default=500,
        metavar="MB",
        help="refuse files larger than this (default 500)",
    )
    moved = page.command("move", move_page, "put a page at another place in its document")
    moved.add_argument("id", metavar="PAGE_ID")
    moved.add_argument(
        "--to", type=int, required=True, metavar="N", help="its new place, 1 for the first"
    )
    removed = page.command("remove", remove_page, "move a page to the trash. " + TRASH_NOTE)
    removed.add_argument("id", metavar="PAGE_ID")
    restored = page.command(
        "restore", restore_page, "put a removed page back at the place it had in its document"
    )
    restored.add_argument("id", metavar="PAGE_ID")
    listing = page.command("removed", list_removed, "list the pages in the trash")
    listing.add_argument("--document", metavar="DOC_ID", help="only this document's pages")


def add_pages(args: argparse.Namespace) -> int:
    from amanat.app import pages, previews
    from amanat.core.storage import pages as stored_pages

    bar = ProgressBar()
    with unlocked(args) as archive:
        try:
            with interruptible() as cancel:
                outcome = pages.add_pages(
                    archive,
                    args.document,
                    [Path(p) for p in args.paths],
                    bar,
                    cancel,
                    previews_later=True,  # made below, once every file is safely in
                )
                previews.make_previews_of_import(archive, outcome, bar, cancel)
        finally:
            bar.close()
        count = len(stored_pages.pages_of(archive.db, args.document))
    report = outcome.report
    page_ids = [page_id for d in report.documents for page_id in d.page_ids]
    data = {
        "document_id": args.document,
        "page_ids": page_ids,
        "pages": count,
        "refused": [{"path": r.path, "message": r.message} for r in report.refused],
        "duplicates": report.duplicates,
        "notes": report.notes,
        "flagged": [
            {
                "page_id": page.page_id,
                "original_name": page.original_name,
                "has_location": page.has_location,
                "has_person_name": page.has_person_name,
            }
            for page in outcome.flagged
        ],
        "files": report.files,
        "cancelled": report.cancelled,
    }

    def lines() -> Iterator[str]:
        yield from page_ids
        yield from (*(d.message for d in report.duplicates), *report.notes)
        yield (
            f"Added {len(page_ids)} page(s) from {report.files} file(s); the document now has"
            f" {count} page(s)."
        )
        if report.cancelled:
            yield "Cancelled: the files not yet added were left out; nothing is half-added."
        for page in outcome.flagged:
            yield (
                f"Warning: {page.original_name} (page {page.page_id}) holds a location or a"
                " person's name in its metadata; share only its sanitised copy."
            )

    show(args, data, lines)
    for refusal in report.refused:
        warn(refusal.message)
    return 1 if report.refused else 0


def move_page(args: argparse.Namespace) -> int:
    from amanat.app import pages

    with unlocked(args) as archive:
        page = pages.move_page(archive, args.id, args.to)
    show(args, page, lambda: [f"Page {page.id} is now page {page.number} of its document."])
    return 0


def remove_page(args: argparse.Namespace) -> int:
    from amanat.app import pages

    with unlocked(args) as archive:
        removed = pages.remove_page(archive, args.id)
    show(
        args,
        removed,
        lambda: [
            f"Moved page {removed.removed_from} of “{removed.document_title}” to the trash."
            f" Restore it with: amanat page restore {args.id}"
        ],
    )
    return 0


def restore_page(args: argparse.Namespace) -> int:
    from amanat.app import pages

    with unlocked(args) as archive:
        page = pages.restore_page(archive, args.id)
    show(args, page, lambda: [f"Restored page {page.id} as page {page.number} of its document."])
    return 0


def list_removed(args: argparse.Namespace) -> int:
    from amanat.app import pages

    with unlocked(args) as archive:
        if args.document:
            from amanat.core.storage import documents

            documents.get(archive.db, args.document)  # an unknown id is said, not an empty list
        removed = pages.removed_pages(archive, args.document)

    def lines() -> Iterator[str]:
        for item in removed:
            yield (
                f"{item.page.id}  page {item.removed_from} of “{item.document_title}”"
                f"  {item.page.original_name or '—'}  removed {item.removed.isoformat()}"
            )

    show(args, removed, lines)
    return 0
