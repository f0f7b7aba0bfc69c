"""The pages of the shown document, changed from the window: the operations that run on the
archive's worker (each hands the archive to amanat.app.pages, where the rules live), and the
undoable changes the page strip asks for.

Moving a page is undone by moving it back; removing a page (to the trash) is undone by
restoring it, which puts it back at the place it had. Adding pages is a long job with its
progress (the strip runs it); the pages added can be removed again like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from amanat.app import pages
from amanat.app.scans import ImportOutcome
from amanat.core.jobs import Cancel, Report
from amanat.core.records import Page
from amanat.core.storage.page_order import RemovedPage
from amanat.gui import labels
from amanat.gui.undo import Change, Runner
from amanat.gui.worker import Operation, Session

# --- Operations ----------------------------------------------------------------------------


def add_pages(
    document_id: str, paths: Sequence[Path], progress: Report, cancel: Cancel
) -> Operation[ImportOutcome]:
    """Add files after the document's last page on the worker thread; ``progress`` is called
    there (the GUI passes a queued signal's emit) and ``cancel`` is read between files."""

    def run(session: Session) -> ImportOutcome:
        return pages.add_pages(session.require(), document_id, list(paths), progress, cancel)

    return run


def move_page(page_id: str, position: int) -> Operation[Page]:
    def run(session: Session) -> Page:
        return pages.move_page(session.require(), page_id, position)

    return run


def remove_page(page_id: str) -> Operation[RemovedPage]:
    def run(session: Session) -> RemovedPage:
        return pages.remove_page(session.require(), page_id)

    return run


def check_page_removal(page_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        pages.check_page_removal(session.require(), page_id)

    return run


def restore_page(page_id: str) -> Operation[Page]:
    def run(session: Session) -> Page:
        return pages.restore_page(session.require(), page_id)

    return run


def removed_pages(document_id: str) -> Operation[list[RemovedPage]]:
    def run(session: Session) -> list[RemovedPage]:
        return pages.removed_pages(session.require(), document_id)

    return run


def page_thumbnails(page_ids: Sequence[str]) -> Operation[dict[str, bytes | None]]:
    def run(session: Session) -> dict[str, bytes | None]:
        return pages.page_thumbnails(session.require(), list(page_ids))

    return run


# --- Undoable changes ----------------------------------------------------------------------


class PageEdits(QObject):
    """Puts the strip's requests on the view's undo stack, named as the Edit menu shows them
    ("Undo Move page 3 to place 1")."""

    def __init__(self, undo_stack: QUndoStack, run: Runner, parent: QObject | None = None):
        super().__init__(parent)
        self._stack = undo_stack
        self._run = run

    def _push(self, name: str, do: Operation[Any], undo: Operation[Any]) -> None:
        self._stack.push(Change(name, self._run, do, undo))

    def move_page(self, page_id: str, number: int, position: int) -> None:
        """``number``: the place it has now; ``position``: the place asked for."""
        if number == position:
            return
        self._push(
            labels.fill(self.tr("Move page %1 to place %2"), str(number), str(position)),
            move_page(page_id, position),
            move_page(page_id, number),
        )

    def remove_page(self, page_id: str, number: int) -> None:
        self._push(
            labels.fill(self.tr("Remove page %1"), str(number)),
            remove_page(page_id),
            restore_page(page_id),
        )

    def restore_page(self, page_id: str, number: int) -> None:
        """``number``: the place it had, where it goes back."""
        self._push(
            labels.fill(self.tr("Restore page %1"), str(number)),
            restore_page(page_id),
            remove_page(page_id),
        )
