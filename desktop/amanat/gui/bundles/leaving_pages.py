"""The export plan's view of what leaves as it will leave: a small picture of each page made
from the very copy the bundle will hold (redactions burned in, never drawn over), which pages
are redacted, how many passages leave as marks, and each name of an anonymised witness with
the pseudonym that replaces it.

The pictures are made on the archive's worker after the plan is shown, one page at a time, so
the plan can be read at once; the redacted pages come first. A large export shows the first
``SHOWN_PAGES`` and says how many more there are.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTextBrowser, QWidget

from amanat.core.bundle.export import ExportPlan
from amanat.core.errors import AmanatError
from amanat.core.file_types import is_recording
from amanat.core.records import Page
from amanat.gui import labels
from amanat.gui.redaction import leaving_thumbnail
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Worker

SHOWN_PAGES = 40
"""Pictures made for one plan: each is a sanitised copy made anew, a fraction of a second."""
SCHEME = "leaving"


class PlanView(QTextBrowser):
    """The plan as HTML, with the pictures of the pages as they leave (``leaving:PAGE_ID``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures: dict[str, QImage] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = QUrl(name)
        if url.scheme() == SCHEME:
            return self.pictures.get(url.path(), QImage())
        return super().loadResource(kind, name)


def pages_shown(plan: ExportPlan) -> list[Page]:
    """The pages whose pictures the plan shows: the redacted ones first. Recordings have no
    picture to show (a picture of one would fail to open, and the plan would not be drawn)."""
    pictures = [p for p in plan.pages if not is_recording(p.mime_type)]
    redacted = [p for p in pictures if p.id in plan.redacted_page_ids]
    others = [p for p in pictures if p.id not in plan.redacted_page_ids]
    return (redacted + others)[:SHOWN_PAGES]


class LeavingPages(QObject):
    """Fetches the pictures for a ``PlanView`` and writes the plan's part about them."""

    arrived = Signal()
    """A picture came: the plan is to be drawn again."""

    def __init__(self, worker: Worker, view: PlanView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._view = view
        self._plan: ExportPlan | None = None

    def fetch(self, plan: ExportPlan | None) -> None:
        """Make the pictures of ``plan``'s pages (None: forget them)."""
        self._plan = plan
        self._view.pictures.clear()
        if plan is None:
            return
        originals = plan.options.originals
        for page in pages_shown(plan):
            self._worker.submit(
                leaving_thumbnail(page.id, originals),
                self,
                self._taker(plan, page.id),
                self._failed,
            )

    def _taker(self, plan: ExportPlan, page_id: str) -> Callable[[bytes], None]:
        return lambda data: self._came(plan, page_id, data)

    def _came(self, plan: ExportPlan, page_id: str, data: bytes) -> None:
        if plan is not self._plan:
            return  # the user went back and chose again meanwhile
        image = QImage.fromData(data)
        if not image.isNull():
            self._view.pictures[page_id] = image
            self.arrived.emit()

    def _failed(self, error: AmanatError) -> None:
        # A page that cannot be read is shown without its picture; writing the bundle will
        # say what is wrong with it in its own sentence.
        del error

    def html(self, plan: ExportPlan) -> str:
        """The plan's part on how the pages and texts leave, escaped."""

        def escape(text: str) -> str:
            return html.escape(text, quote=True)

        parts: list[str] = []
        redacted = (
            [
                self.tr(
                    "%n page(s) leave with their redacted parts blacked out",
                    "",
                    len(plan.redacted_page_ids),
                )
            ]
            if plan.redacted_page_ids
            else []
        )
        if plan.redacted_passages:
            redacted.append(
                self.tr(
                    "%n redacted passage(s) leave as a mark, never the words",
                    "",
                    plan.redacted_passages,
                )
            )
        if plan.pages:
            parts.append("<h3>" + escape(self.tr("The pages as they will leave")) + "</h3>")
            if redacted:
                parts.append(_items(redacted))
            parts.append("<p>")
            titles = {d.id: d.title for d in plan.documents}
            for page in pages_shown(plan):
                caption = labels.fill(
                    self.tr("Page %1 of “%2”"),
                    str(page.number),
                    isolated(titles.get(page.document_id, "")),
                )
                if page.id in plan.redacted_page_ids:
                    caption = labels.fill(self.tr("%1 (redacted)"), caption)
                parts.append(
                    f'<img src="{SCHEME}:{escape(page.id)}" title="{escape(caption)}" '
                    f'alt="{escape(caption)}"> '
                )
            parts.append("</p>")
            more = len(plan.pages) - len(pages_shown(plan))
            if more > 0:
                parts.append("<p>" + escape(self.tr("and %n more page(s)", "", more)) + "</p>")
        elif redacted:
            parts.append(_items(redacted))
        if plan.replacements:
            parts.append("<h3>" + escape(self.tr("Names replaced in what leaves")) + "</h3>")
            parts.append(
                _items(
                    [
                        labels.fill(
                            self.tr("“%1” becomes “%2”"),
                            isolated(r.name),
                            isolated(r.pseudonym),
                        )
                        for r in plan.replacements
                    ]
                )
            )
        return "".join(parts)


def _items(lines: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(line, quote=True)}</li>" for line in lines) + "</ul>"
