"""Screen-sized previews, and thumbnails, made after an import from the originals in the
archive.

A scan import gives each photo its thumbnail only, decoded at an eighth of its size, so the
letters reach the list sooner; their previews follow in a second pass made here. A bundle
import gives its pages neither (drawing them took most of its time): this pass makes their
thumbnails too, from the verified originals, never from anything the bundle carried. A page
without its pictures is a normal state: the list shows a placeholder for it, and the check
does not count it as damage. The application runs the pass in the background after an
import, and at every unlock, a few pages at a time, and makes a missing preview at once when
a page is shown before its turn; the command line runs it right after its import. Decoding
runs in the decoding workers (core/decoding), two at a time, while the database thread reads
the next original and keeps the pictures made; each page's pictures are one small
transaction, so a pass stopped half-way keeps what it made and the next pass starts where it
stopped. One decode at the preview's scale gives both pictures when a page lacks both.

A recording has a thumbnail and no preview (the window shows its player instead): a drawn
waveform for a sound, a poster frame for a video (core/recordings/posters.py), decoded in a
worker from the video's beginning and end only; a video whose frame cannot be decoded gets
a drawn film sign, so it is not tried again at every unlock.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from amanat.core import decoding
from amanat.core.background import worked_ahead
from amanat.core.database import Database
from amanat.core.errors import ScanRefused, StoredObjectDamaged
from amanat.core.file_types import is_recording
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.recordings import posters
from amanat.core.recordings.posters import Excerpt
from amanat.core.records import Page
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import PDF, ScanLimits, check_pixels, open_picture
from amanat.core.scans.metadata import picture_report
from amanat.core.storage import pages
from amanat.core.storage.pages import PageImage

WORKERS = 2


@dataclass(frozen=True, slots=True)
class _Original:
    """What drawing one page's preview needs, read on the database thread."""

    data: bytes
    mime_type: str
    source_page: int | None
    name: str
    wanted: frozenset[str]
    """The pictures it lacks: ``thumbnail``, ``preview`` or both."""
    video: Excerpt | None = None
    """A video's beginning and end, for its poster frame (``data`` is then empty)."""


def missing(db: Database, limit: int = -1, excluding: Collection[str] = ()) -> list[str]:
    """Pages that lack a preview or a thumbnail (but those in ``excluding``), those without
    a thumbnail first, then the oldest first (pages in the trash last)."""
    return pages.without_pictures(db, limit, excluding)


def still_missing(db: Database, page_ids: Sequence[str]) -> list[str]:
    """Those of ``page_ids`` still lacking a thumbnail or a preview."""
    return [p for p in page_ids if _lacking(db, p)]


def _lacking(db: Database, page_id: str) -> frozenset[str]:
    """The pictures the page should have and has not (a recording's thumbnail only)."""
    wanted = {"thumbnail"} if pages.is_recording(pages.get(db, page_id)) else PICTURES
    return frozenset(wanted - pages.image_kinds(db, page_id))


PICTURES = frozenset({"thumbnail", "preview"})


def make_preview(db: Database, page_id: str) -> PageImage | None:
    """The page's preview, made now from its original and kept (with its thumbnail, if it
    lacked one). None for a page that cannot be drawn; it then has its thumbnail, or a
    placeholder, and nothing else changes. None for a recording, which has no picture (the
    window shows its player), without reading it."""
    if pages.is_recording(pages.get(db, page_id)):
        return None
    drawn = _drawn(_original(db, page_id, {"preview"}))
    _keep(db, page_id, drawn)
    return next((p for p in drawn if p.kind == "preview"), None)


def make_previews(
    db: Database,
    page_ids: Sequence[str],
    progress: Report | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Make and keep the previews and thumbnails that ``page_ids`` lack; returns for how
    many pages some were made. ``progress`` counts pages (``current`` is the page's id);
    ``cancel`` is asked before each page is kept, and the pictures kept so far stay."""
    made = 0
    # Each original is read here, on the database thread, as the pool asks for the next.
    originals = ((page_id, _original(db, page_id)) for page_id in page_ids)
    drawn = worked_ahead(originals, lambda pair: _drawn(pair[1]), WORKERS, "amanat-preview")
    for done, ((page_id, _), made_here) in enumerate(drawn, start=1):
        if cancelled(cancel):
            break
        if made_here:
            _keep(db, page_id, made_here)
            made += 1
        if progress is not None:
            progress(Progress(done, len(page_ids), page_id))
    return made


def _keep(db: Database, page_id: str, pictures: Sequence[PageImage]) -> None:
    """A page's new pictures, kept together in one small transaction."""
    with db.transaction():
        for picture in pictures:
            pages.store_image(db, page_id, picture)


def _original(db: Database, page_id: str, also: set[str] | None = None) -> _Original:
    """What drawing the pictures the page lacks needs (and the ``also`` wanted anyway)."""
    page = pages.get(db, page_id)
    if pages.is_recording(page):
        return _recording(db, page, _lacking(db, page_id))
    wanted = (PICTURES - pages.image_kinds(db, page_id)) | (also or set())
    details = pages.scan_details(db, page_id)
    try:
        # Nothing to draw (it has both): not worth reading the original.
        data = pages.original_bytes(db, page_id) if wanted else b""
    except StoredObjectDamaged:
        data = b""  # drawn as nothing: the page keeps its thumbnail; the check names it
    return _Original(
        data,
        page.mime_type,
        details.source_page,
        page.original_name or f"page {page.number}",
        frozenset(wanted),
    )


def _recording(db: Database, page: Page, wanted: frozenset[str]) -> _Original:
    """What a recording's thumbnail needs: nothing for a sound (it is drawn the same for
    all), a video's beginning and end for its poster frame."""
    video = None
    if wanted and page.mime_type.startswith("video/"):
        try:
            sealed = pages.original(db, page.id)
            video = posters.excerpt(sealed.size, sealed.read_range)
        except StoredObjectDamaged:
            video = None  # the drawn sign; the check names the damage
    name = page.original_name or f"page {page.number}"
    return _Original(b"", page.mime_type, None, name, wanted, video)


def _drawn(original: _Original) -> tuple[PageImage, ...]:
    """Off the database thread: the pictures drawn in a decoding worker; none for a page
    that cannot be drawn."""
    if not original.wanted:
        return ()
    if is_recording(original.mime_type):
        return (_recording_thumbnail(original),)
    try:
        return decoding.run(original.name, _draw, original)
    except ScanRefused:
        return ()


def _recording_thumbnail(original: _Original) -> PageImage:
    """A sound's drawn waveform; a video's poster frame, or its drawn sign when no frame
    comes out of the worker (a damaged file, a codec not here, a crash: never an error)."""
    if not original.mime_type.startswith("video/"):
        return posters.sound_thumbnail()
    poster = None
    if original.video is not None:
        try:
            poster = decoding.run(original.name, _poster, original)
        except ScanRefused:
            poster = None
    return poster if isinstance(poster, PageImage) else posters.video_thumbnail()


def _poster(original: _Original) -> PageImage | None:
    """In a decoding worker: the video's poster frame."""
    if original.video is None:
        return None
    return posters.poster_frame(original.video, original.mime_type)


def _draw(original: _Original) -> tuple[PageImage, ...]:
    """In a decoding worker: decode once, at the scale of the largest picture wanted, and
    draw each wanted picture upright from it."""
    limits = ScanLimits(max_pages=10**9)  # the file was accepted once; draw what it holds
    try:
        if original.mime_type == PDF:
            with pdf.opened(original.data, original.name, limits) as document:
                rendering = pdf.render(
                    document, original.source_page or 0, pictures.PREVIEW_LONGEST, original.name
                )
            drawn = pictures.display_images(rendering, 1)
            return tuple(p for p in drawn if p.kind in original.wanted)
        image, _ = open_picture(original.data, original.mime_type, original.name)
        with image:
            if original.source_page:
                image.seek(original.source_page)
                check_pixels(image, original.name)  # each frame, as the import checked them
            thumbnail_only = original.wanted == {"thumbnail"}
            scale = pictures.THUMBNAIL_LONGEST if thumbnail_only else pictures.PREVIEW_LONGEST
            pictures.decode_for_display(image, scale)
            image.load()
            # Turned upright by the file's own orientation, as the scan import reads it,
            # never by what a bundle's record says about the file.
            orientation = picture_report(image).orientation
            if thumbnail_only:
                return (pictures.thumbnail_image(image, orientation),)
            if original.wanted == {"preview"}:
                return (pictures.preview_image(image, orientation),)
            return pictures.display_images(image, orientation)
    except (ScanRefused, MemoryError):
        return ()
    except Exception:  # of any type: the page keeps what it has
        return ()
