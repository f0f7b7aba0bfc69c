"""``amanat import`` and ``amanat page show|export``: photographed and scanned letters in,
and a page out again, sanitised unless the original is asked for. The commands that change
a document's pages are in pages.py, in the same ``page`` group."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from amanat.cli import pages
from amanat.cli.shared import (
    Commands,
    ProgressBar,
    choices,
    interruptible,
    show,
    unlocked,
    warn,
)
from amanat.core.records import DocumentKind

if TYPE_CHECKING:  # the scan modules load Pillow: only when a command needs them
    from amanat.app.scans import ImportOutcome


def declare_import(commands: Commands) -> None:
    scan_import = commands.command(
        "import",
        import_scans,
        "import photographed or scanned letters (JPEG, PNG, TIFF, WebP, HEIC, GIF, PDF); "
        "each file becomes a document unless --one-document",
    )
    scan_import.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    scan_import.add_argument(
        "--person", action="append", metavar="ID", help="a person the documents concern"
    )
    scan_import.add_argument("--kind", choices=choices(DocumentKind), default="letter")
    scan_import.add_argument(
        "--one-document",
        action="store_true",
        help="make all the files the pages of one document, in the order given",
    )
    scan_import.add_argument("--title", help="the title (default: the file's name)")
    scan_import.add_argument(
        "--max-size-mb",
        type=int,
        default=500,
        metavar="MB",
        help="refuse files larger than this (default 500)",
    )


def declare_page(commands: Commands) -> None:
    page = commands.group(
        "page", "add, move, remove and restore pages; show a page's metadata or export it"
    )
    shown = page.command("show", show_page, "show a page, its file and its metadata report")
    shown.add_argument("id")
    export = page.command(
        "export",
        export_page,
        "write a page to a file: a sanitised copy (the default) or the original",
    )
    export.add_argument("id")
    export.add_argument("file", metavar="FILE")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--original", action="store_true", help="the original file, byte for byte")
    which.add_argument(
        "--sanitised",
        action="store_true",
        help="the pixels only, upright, with every metadata block removed (the default)",
    )
    pages.declare(page)


def import_scans(args: argparse.Namespace) -> int:
    from amanat.app import previews, scans
    from amanat.core.scans import ImportOptions, ScanLimits

    options = ImportOptions(
        kind=DocumentKind(args.kind),
        person_ids=tuple(dict.fromkeys(args.person or ())),
        one_document=args.one_document,
        title=args.title or "",
        limits=ScanLimits(max_file_bytes=args.max_size_mb * 1024 * 1024),
        previews_later=True,  # made below, once every file is safely in
    )
    bar = ProgressBar()
    with unlocked(args) as archive:
        try:
            with interruptible() as cancel:
                outcome = scans.import_scans(
                    archive, [Path(p) for p in args.paths], options, bar, cancel
                )
                previews.make_previews_of_import(archive, outcome, bar, cancel)
        finally:
            bar.close()
    report = outcome.report
    data = {
        "flagged": [
            {
                "page_id": page.page_id,
                "original_name": page.original_name,
                "has_location": page.has_location,
                "has_person_name": page.has_person_name,
            }
            for page in outcome.flagged
        ],
        "documents": report.documents,
        "refused": [{"path": r.path, "message": r.message} for r in report.refused],
        "duplicates": report.duplicates,
        "notes": report.notes,
        "files": report.files,
        "cancelled": report.cancelled,
    }
    show(args, data, lambda: _import_lines(outcome))
    for refusal in report.refused:
        warn(refusal.message)
    return 1 if report.refused else 0


def _import_lines(outcome: ImportOutcome) -> Iterator[str]:
    report = outcome.report
    for document in report.documents:
        yield f"{document.document_id}  {len(document.page_ids)} page(s)  {document.title}"
    yield from (*(d.message for d in report.duplicates), *report.notes)
    yield (
        f"Imported {report.pages_added} page(s) from {report.files} file(s) as "
        f"{len(report.documents)} document(s)"
        + (f"; {len(report.refused)} file(s) refused" if report.refused else "")
        + (f"; {len(report.duplicates)} already in the archive" if report.duplicates else "")
        + "."
    )
    if report.cancelled:
        yield "Cancelled: the files not yet imported were left out; nothing is half-imported."
    # A phone photo can carry the family's home position; say so while it is fresh.
    for page in outcome.flagged:
        holds = " and ".join(
            what
            for what, present in (
                ("a location", page.has_location),
                ("a person's name", page.has_person_name),
            )
            if present
        )
        yield (
            f"Warning: {page.original_name} (page {page.page_id}) holds {holds} in its metadata;"
            " share only its sanitised copy (amanat page export does that by default)."
        )


def show_page(args: argparse.Namespace) -> int:
    from amanat.app.pages import page_record

    with unlocked(args) as archive:
        record = page_record(archive, args.id)
    page, details, report = record.page, record.details, record.metadata
    recording = record.recording
    data = {
        "page": page,
        "recording": recording,
        "source_page": details.source_page,
        "source_path": details.source_path,
        "metadata": report,
        "has_location": report.has_location,
        "has_person_name": report.has_person_name,
    }

    def lines() -> Iterator[str]:
        size = f"{page.width}×{page.height}, " if page.width and recording is None else ""
        yield f"Page {page.number} of document {page.document_id}  ({page.id})"
        yield f"  Original: {page.original_name or '—'}  {page.mime_type}, {size}{page.size} bytes"
        yield f"  SHA-256: {page.sha256}"
        yield (
            f"  Imported: {page.imported.isoformat()}"
            + (f" from {details.source_path}" if details.source_path else "")
        )
        if details.source_page is not None:
            yield f"  Page {details.source_page + 1} of the original file"
        if page.rotation:
            yield f"  Turned for display: {page.rotation}°"
        if recording is not None:
            for label, value in recording.lines():
                yield f"  {label}: {value}"
        if report.has_location:
            yield "  Warning: its metadata holds a location; share only a sanitised copy."
        if report.has_person_name:
            yield "  Warning: its metadata names a person; share only a sanitised copy."
        # A recording's tags name a device and a time of recording, not a camera and a photo.
        relabel = _RECORDING_LABELS if recording is not None else {}
        for label, value in report.lines():
            yield f"  {relabel.get(label, label)}: {value}"

    show(args, data, lines)
    return 0


_RECORDING_LABELS = {"Camera": "Device", "Taken": "Recorded"}


def export_page(args: argparse.Namespace) -> int:
    from amanat.app.pages import export_page as write_page
    from amanat.app.redaction import page_redactions

    with unlocked(args) as archive:
        target = write_page(archive, args.id, Path(args.file), original=args.original)
        redacted = bool(page_redactions(archive, args.id))
    kind = "the original, byte for byte," if args.original else "a sanitised copy (no metadata)"
    if redacted:
        # core/leaving.py: a redacted page never leaves as its original.
        kind = "a sanitised copy with its redactions blacked out"
    print(f"Wrote {kind} to {target}.")
    return 0
