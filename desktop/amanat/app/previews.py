"""The screen-sized previews of pages, made after an import (or a bundle's) or a few at a
time while the window is idle; a page keeps its thumbnail until then. A bundle's pages
arrive without thumbnails too: the same pass draws them, and until then the window shows a
placeholder."""

from __future__ import annotations

from amanat.app.scans import ImportOutcome
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.scans import previews
from amanat.core.storage import pages
from amanat.core.vault import Archive

PREVIEWS_AT_A_TIME = 4
"""Pages given a preview per turn of the background pass: about a third of a second of work
on an old laptop, so whatever the user asks for next waits no longer than that."""


def page_preview(archive: Archive, page_id: str) -> bytes | None:
    """The page's preview image, kept in memory only: never a file on disk."""
    db = archive.db
    # A page shown before the background pass reached it gets its preview now.
    image = pages.image(db, page_id, "preview") or previews.make_preview(db, page_id)
    return image.data if image else None


def make_some_previews(
    archive: Archive,
    report: Report | None = None,
    cancel: Cancel | None = None,
    passed_over: set[str] | None = None,
) -> int:
    """One turn of the background pass: the missing previews and thumbnails of a few pages.
    Returns how many pages it tried; 0 when none is left. A page that cannot be drawn keeps
    what it has (or its placeholder) and is added to ``passed_over``, which the turns of one
    pass share, so that it is not tried again and again and the pages after it are reached."""
    db = archive.db
    skipped = passed_over if passed_over is not None else set()
    wanted = previews.missing(db, PREVIEWS_AT_A_TIME, skipped)
    previews.make_previews(db, wanted, report, cancel)
    if not cancelled(cancel):
        skipped.update(previews.still_missing(db, wanted))
    return len(wanted)


def make_previews_of_import(
    archive: Archive,
    outcome: ImportOutcome,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> int:
    """The previews of the pages an import just added. Stopped early, the window makes the
    rest when it next opens the archive."""
    db = archive.db
    imported = {page_id for document in outcome.report.documents for page_id in document.page_ids}
    wanted = [page_id for page_id in previews.missing(db) if page_id in imported]
    # The command line's bar names the pass, not each page's id.
    named = None if report is None else lambda p: report(Progress(p.done, p.total, "previews"))
    return previews.make_previews(db, wanted, named, cancel)


def make_missing_previews(
    archive: Archive, report: Report | None = None, cancel: Cancel | None = None
) -> int:
    """Every page's missing preview and thumbnail (after a bundle import, which leaves them
    to this pass). Stopped early, the window makes the rest when it next opens the archive."""
    db = archive.db
    named = None if report is None else lambda p: report(Progress(p.done, p.total, "pictures"))
    return previews.make_previews(db, previews.missing(db), named, cancel)


def pictures_left(archive: Archive) -> int:
    """How many pages still lack a thumbnail or a preview."""
    return len(previews.missing(archive.db))
