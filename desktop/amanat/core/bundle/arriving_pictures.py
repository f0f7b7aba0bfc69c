"""The pictures of the pages that arrive in a bundle: none are drawn during the import.

Drawing a thumbnail for each arriving photo took about four fifths of a bundle import's time
(about 50 ms per 12 MP photo, against about 11 ms to verify, seal and store it), so the import
stores the pages alone and commits, and the pass that makes previews (``scans.previews``)
draws their thumbnails and previews afterwards, from the verified originals in the archive.
Nothing a bundle carries is ever shown as a page's picture: it could show something else.
Until the pass reaches it, a page is shown with a placeholder; that is a normal state of a
complete archive, which the check accepts and the next unlock's pass finishes."""

from __future__ import annotations

from amanat.core.database import Database
from amanat.core.records import Page
from amanat.core.storage import pages


class ArrivingPictures:
    """Gives an arriving page the pictures of a page here that shows the same place of the
    same file, made here from that file, when there is one: a copy costs nothing, while
    drawing is left to the previews pass. Stored in the import's own transaction, so a failed
    or cancelled import leaves none."""

    def __init__(self) -> None:
        self.wanted = True
        """False for a verification, which keeps nothing."""

    def store(self, db: Database, page: Page, place: int | None) -> None:
        if self.wanted:
            pages.add_pictures(db, page.id, pages.pictures_of_file(db, page.sha256, place))
