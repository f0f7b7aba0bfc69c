"""The pictures of the pages that arrive in a bundle: each file is drawn in a decoding worker
(core/decoding), from the verified bytes, while the import reads and stores the next one."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress

from amanat.core import decoding
from amanat.core.database import Database
from amanat.core.errors import ScanRefused
from amanat.core.file_types import mime_type_of
from amanat.core.records import Page
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import (
    PDF,
    SUPPORTED_TYPES,
    ScanLimits,
    check_pixels,
    detect,
    open_picture,
)
from amanat.core.scans.metadata import picture_report
from amanat.core.storage import pages
from amanat.core.storage.pages import PageImage


class ArrivingPictures:
    """The pictures of the pages that arrive, made from the verified files as the scan import
    makes them, so an imported page shows in the document list like a scanned one: a
    picture's thumbnail (decoded at the thumbnail's scale), a PDF page's thumbnail and preview
    (from the one rendering it needs anyway). A picture's preview follows as an imported
    scan's does, from ``scans.previews`` (the viewer makes a missing one when it is shown).
    They are stored in the import's own transaction: a failed or cancelled import leaves none.

    Each file is drawn on a second thread while the next one is read and stored. What is
    drawn waits in memory for its page record to be written, up to a budget; beyond it, and
    for a file that came before its page record or that this archive had already, the
    pictures are made when the page is written (copied from a page here with the same file,
    or drawn from the stored file)."""

    BUDGET = 64 * 1024 * 1024
    IN_FLIGHT = 1
    """Files being drawn at once; each holds its file's bytes until it is done."""

    def __init__(self) -> None:
        self.wanted = True
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[str, Future[Drawn]] = {}
        self._made: dict[str, Drawn] = {}
        self._held = 0

    def __enter__(self) -> ArrivingPictures:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()
        self._made.clear()

    def start(self, sha256: str, data: bytearray, places: set[int | None]) -> None:
        """Begin drawing the pages at ``places`` (their place in the file) of ``data``, which
        is shared, not copied: neither side changes it."""
        if not (self.wanted and places) or self._held >= self.BUDGET:
            return
        if mime_type_of(bytes(data[:64])) not in SUPPORTED_TYPES:
            return  # nothing to draw, so no reason to hold on to it
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-pictures")
        while len(self._pending) >= self.IN_FLIGHT:  # bounded: each holds a file's bytes
            self._collect(next(iter(self._pending)))
        self._pending[sha256] = self._pool.submit(draw, data, sha256, frozenset(places))

    def _collect(self, sha256: str) -> None:
        made = self._pending.pop(sha256).result()
        self._held += sum(len(p.data) for images in made.values() for p in images)
        self._made[sha256] = made

    def store(self, db: Database, page: Page, place: int | None) -> None:
        if not self.wanted:
            return
        pages.add_pictures(db, page.id, self._for(db, page.sha256, place))

    def _for(self, db: Database, sha256: str, place: int | None) -> tuple[PageImage, ...]:
        if sha256 in self._pending:
            self._collect(sha256)
        if place in self._made.get(sha256, {}):
            return self._made[sha256][place]
        existing = pages.pictures_of_file(db, sha256, place)
        if existing:
            return existing
        data = pages.file_bytes(db, sha256)
        return draw(data, sha256, frozenset({place})).get(place, ()) if data else ()


Drawn = dict[int | None, tuple[PageImage, ...]]


def draw(data: bytes | bytearray, sha256: str, places: frozenset[int | None]) -> Drawn:
    """Off the database thread: the pictures of each page at ``places`` in one file, drawn
    in a decoding worker. A page that cannot be drawn gets none, and arrives all the same:
    it shows without a picture, as a page added without the scan pipeline does (its file
    passed the signed hash check). A file that crashes or hangs its worker gets none."""
    name = f"files/{sha256[:12]}"
    if mime_type_of(bytes(data[:64])) not in SUPPORTED_TYPES:
        return {}  # nothing to draw: not worth sending a worker the whole file
    try:
        # The worker gets a copy of the bytes; this side's buffer is never changed.
        return decoding.run(name, _draw, bytes(data), name, places)
    except ScanRefused:
        return {}


def _draw(data: bytes, name: str, places: frozenset[int | None]) -> Drawn:
    """In a decoding worker: what ``draw`` returns."""
    drawn: Drawn = {}
    try:
        mime = detect(data, name)
        if mime == PDF:
            with pdf.opened(data, name, ScanLimits(max_pages=10**9)) as document:
                for place in places:
                    with suppress(Exception):  # of any type: that page gets no picture
                        rendering = pdf.render(document, place or 0, pictures.PREVIEW_LONGEST, name)
                        drawn[place] = pictures.display_images(rendering, 1)
                    decoding.alive()
            return drawn
        image, _ = open_picture(data, mime, name)
        with image:
            for place in sorted(places, key=lambda p: p or 0):
                with suppress(Exception):  # of any type: that page gets no picture
                    if place:
                        image.seek(place)
                        check_pixels(image, name)
                    pictures.decode_for_display(image, pictures.THUMBNAIL_LONGEST)
                    image.load()
                    orientation = picture_report(image).orientation
                    drawn[place] = (pictures.thumbnail_image(image, orientation),)
                decoding.alive()
    except Exception:  # of any type, MemoryError included: no pictures
        pass
    return drawn
