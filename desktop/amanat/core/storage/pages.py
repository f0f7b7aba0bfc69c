"""Storage of pages: each scan's original file, kept byte for byte with its SHA-256 and
stored once however many pages share it; and, for imported scans, the page's place in its
original, its metadata report, and its thumbnail and preview. Originals and previews are
sealed objects in the archive's segments (core/segments); thumbnails, small and read by the
hundred for the document list, stay in the database."""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from PIL import Image

from amanat.core import audit, file_types
from amanat.core.database import Database, Row
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.file_types import mime_type_of
from amanat.core.records import Page, now
from amanat.core.segments import objects
from amanat.core.storage import documents
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = (
    "id, document_id, number, sha256, mime_type, size, width, height, rotation,"
    " original_name, imported, created, modified"
)
_IS_RECORDING = (
    "p.mime_type IN (" + ", ".join(f"'{mime}'" for mime in sorted(file_types.RECORDING_TYPES)) + ")"
)
_HAS_PICTURES = f"NOT {_IS_RECORDING}"
"""Recordings have a thumbnail (a drawn waveform, a video's poster frame) but no preview:
the window shows a player, and the previews pass must not keep trying to draw one."""
_PICTURES_WANTED = f"CASE WHEN {_IS_RECORDING} THEN 1 ELSE 2 END"
"""How many pictures a page should have: a thumbnail and a preview, or a thumbnail alone."""


def add(db: Database, document_id: str, data: bytes, original_name: str = "") -> Page:
    """Keep ``data`` as the next page of the document, exactly as given: no pictures and no
    metadata report (the scan pipeline's ``add_scanned`` makes those)."""
    width, height = pixel_size(data)
    bare = ScannedPage(
        None, width, height, "{}", has_location=False, has_person_name=False, images=()
    )
    [page] = add_scanned(
        db,
        document_id,
        data,
        hashlib.sha256(data).hexdigest(),
        mime_type_of(data),
        [bare],
        original_name=original_name,
    )
    return page


@dataclass(frozen=True, slots=True)
class PageImage:
    """A picture made from a page for the screen: its thumbnail or its preview."""

    kind: str
    """``thumbnail`` or ``preview``."""
    mime_type: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True, slots=True)
class ScannedPage:
    """What the scan pipeline learnt about one page of an original file."""

    source_page: int | None
    """Which frame of a TIFF or page of a PDF this is (from 0); None for one-page files."""
    width: int | None
    height: int | None
    metadata: str
    """The metadata report as JSON (see scans/metadata.py)."""
    has_location: bool
    has_person_name: bool
    images: tuple[PageImage, ...]


@dataclass(frozen=True, slots=True)
class ScanDetails:
    """The import details of a page beyond the Page record."""

    source_page: int | None
    source_path: str
    metadata: str
    has_location: bool
    has_person_name: bool


def add_scanned(
    db: Database,
    document_id: str,
    data: bytes | objects.FileOnDisk,
    sha256: str,
    mime_type: str,
    scanned: Sequence[ScannedPage],
    original_name: str = "",
    source_path: str = "",
) -> list[Page]:
    """Keep ``data`` once and add each of ``scanned`` as the next page of the document, with
    its details and pictures, all in one transaction. ``sha256`` was computed off the database
    thread; it is checked here again only by its length, as hashing twice would cost time.
    A recording comes as a FileOnDisk, sealed from the disk (see ``store_file``)."""
    if len(sha256) != 64:
        raise ValueError("sha256 must be a hex digest")
    added: list[Page] = []
    with db.transaction():
        documents.get(db, document_id)
        first = int(
            db.value(
                "SELECT coalesce(max(number), 0) + 1 FROM pages WHERE document_id = ?",
                (document_id,),
            )
        )
        store_file(db, sha256, data)
        for offset, scan in enumerate(scanned):
            page = Page(
                document_id=document_id,
                number=first + offset,
                sha256=sha256,
                mime_type=mime_type,
                size=data.size if isinstance(data, objects.FileOnDisk) else len(data),
                width=scan.width,
                height=scan.height,
                original_name=original_name,
            )
            db.execute(
                f"INSERT INTO pages ({_COLUMNS}, source_page, source_path, metadata,"
                f" has_location, has_person_name) VALUES ({', '.join('?' * 18)})",
                (
                    *_row(page),
                    scan.source_page,
                    source_path,
                    scan.metadata,
                    int(scan.has_location),
                    int(scan.has_person_name),
                ),
            )
            add_pictures(db, page.id, scan.images)
            audit.append(db, "added", "page", page.id, f"added page {page.number} ({sha256[:12]})")
            added.append(page)
    return added


def add_received(db: Database, page: Page, details: ScanDetails) -> Page:
    """Add a page that arrived from another archive (in a bundle), keeping its id, which the
    annotations that came with it point at. Its file is stored already. It takes its number
    in its document, or the next one after the last when another page is there (theirs joins
    a document that already has pages). Runs in the caller's transaction; returns the page
    as stored."""
    taken = db.value(
        "SELECT 1 FROM pages WHERE document_id = ? AND number = ?", (page.document_id, page.number)
    )
    if taken is not None:
        page = replace(
            page,
            number=int(
                db.value(
                    "SELECT coalesce(max(number), 0) + 1 FROM pages WHERE document_id = ?",
                    (page.document_id,),
                )
            ),
        )
    db.execute(
        f"INSERT INTO pages ({_COLUMNS}, source_page, source_path, metadata,"
        f" has_location, has_person_name) VALUES ({', '.join('?' * 18)})",
        (
            *_row(page),
            details.source_page,
            details.source_path,
            details.metadata,
            int(details.has_location),
            int(details.has_person_name),
        ),
    )
    audit.append(
        db, "imported", "page", page.id, f"imported page {page.number} ({page.sha256[:12]})"
    )
    return page


def store_file(db: Database, sha256: str, data: bytes | bytearray | objects.FileOnDisk) -> None:
    """Keep an original file, sealed in a segment, unless it is here already; in the
    caller's transaction. ``sha256`` is the caller's, computed (and checked) before. A
    FileOnDisk is sealed straight from the disk and refused (ScanChanged) when it no longer
    holds what was hashed, before anything is recorded."""
    if db.value("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)) is not None:
        return
    if isinstance(data, objects.FileOnDisk):
        object_id, size = objects.put_file(db, data, sha256), data.size
    else:
        object_id, size = objects.put(db, data, sha256), len(data)
    db.execute(
        "INSERT INTO files (sha256, size, object_id) VALUES (?, ?, ?)",
        (sha256, size, object_id),
    )


def file_bytes(db: Database, sha256: str) -> bytes | None:
    """An original file by its SHA-256; None when there is none (or only a dry run's
    stand-in)."""
    object_id = db.value("SELECT object_id FROM files WHERE sha256 = ?", (sha256,))
    return None if object_id is None else objects.read(db, object_id)


def add_pictures(db: Database, page_id: str, pictures: Sequence[PageImage]) -> None:
    """Keep the pictures made for a page as it is added, in the caller's transaction: the
    thumbnail in the database, the preview sealed in a segment."""
    for picture in pictures:
        object_id = None
        data: bytes = picture.data
        if picture.kind == "preview":
            object_id = objects.put(db, picture.data)
            data = b""
        db.execute(
            "INSERT INTO page_images (page_id, kind, mime_type, width, height, bytes, object_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                page_id,
                picture.kind,
                picture.mime_type,
                picture.width,
                picture.height,
                data,
                object_id,
            ),
        )


def pictures_of_file(db: Database, sha256: str, source_page: int | None) -> tuple[PageImage, ...]:
    """The pictures of a page here that shows the same place (``source_page``) of the same
    file, to copy instead of drawing them again; empty when there is none."""
    rows = db.all(
        "SELECT kind, mime_type, width, height, bytes, object_id FROM page_images"
        " WHERE page_id = (SELECT id FROM pages WHERE sha256 = ? AND source_page IS ?"
        "  AND EXISTS (SELECT 1 FROM page_images WHERE page_id = pages.id) LIMIT 1)",
        (sha256, source_page),
    )
    return tuple(_picture(db, r) for r in rows)


def scan_details(db: Database, page_id: str) -> ScanDetails:
    row = db.one(
        "SELECT source_page, source_path, metadata, has_location, has_person_name"
        " FROM pages WHERE id = ?",
        (page_id,),
    )
    if row is None:
        raise RecordNotFound(kind="page", record_id=page_id)
    return ScanDetails(row[0], row[1], row[2], bool(row[3]), bool(row[4]))


def image(db: Database, page_id: str, kind: str) -> PageImage | None:
    """The page's thumbnail or preview; None for a page that has none (added without the
    scan pipeline, or a file that could not be drawn)."""
    row = db.one(
        "SELECT kind, mime_type, width, height, bytes, object_id FROM page_images"
        " WHERE page_id = ? AND kind = ?",
        (page_id, kind),
    )
    return None if row is None else _picture(db, row)


def store_image(db: Database, page_id: str, picture: PageImage) -> None:
    """Keep a picture made for the page after it was added (a preview made later), in place
    of any it had of that kind."""
    with db.transaction():
        get(db, page_id)
        # Deleted first, not replaced: REPLACE would not fire the trigger that deletes the
        # old picture's sealed object.
        db.execute(
            "DELETE FROM page_images WHERE page_id = ? AND kind = ?", (page_id, picture.kind)
        )
        add_pictures(db, page_id, (picture,))


def without_image(db: Database, kind: str, limit: int = -1) -> list[str]:
    """Ids of pages with no picture of ``kind``, in the order they were added; pages of
    documents in the trash come last."""
    return [
        str(page_id)
        for (page_id,) in db.all(
            "SELECT p.id FROM pages AS p JOIN documents AS d ON d.id = p.document_id"
            " WHERE NOT EXISTS (SELECT 1 FROM page_images AS i"
            "                   WHERE i.page_id = p.id AND i.kind = ?)"
            f" AND (? = 'thumbnail' OR {_HAS_PICTURES})"
            " ORDER BY d.trashed IS NOT NULL, p.rowid LIMIT ?",
            (kind, kind, limit),
        )
    ]


def without_pictures(db: Database, limit: int = -1, excluding: Collection[str] = ()) -> list[str]:
    """Ids of pages lacking their thumbnail or their preview, but those in ``excluding``:
    those without a thumbnail first (the document list shows a placeholder for them), then
    in the order they were added, pages of documents in the trash last."""
    found = [
        str(page_id)
        for (page_id,) in db.all(
            "SELECT p.id FROM pages AS p JOIN documents AS d ON d.id = p.document_id"
            " WHERE (SELECT count(*) FROM page_images AS i WHERE i.page_id = p.id)"
            f" < {_PICTURES_WANTED}"
            " ORDER BY d.trashed IS NOT NULL,"
            "  EXISTS (SELECT 1 FROM page_images AS i"
            "          WHERE i.page_id = p.id AND i.kind = 'thumbnail'), p.rowid LIMIT ?",
            (limit if limit < 0 else limit + len(excluding),),
        )
    ]
    kept = [page_id for page_id in found if page_id not in excluding]
    return kept if limit < 0 else kept[:limit]


def image_kinds(db: Database, page_id: str) -> frozenset[str]:
    """Which pictures the page has: ``thumbnail``, ``preview``, both or neither."""
    rows = db.all("SELECT kind FROM page_images WHERE page_id = ?", (page_id,))
    return frozenset(str(kind) for (kind,) in rows)


def first_page_with_file(db: Database, sha256: str) -> Page | None:
    """A page already holding this original, to recognise a file imported before."""
    row = db.one(
        f"SELECT {_COLUMNS} FROM pages WHERE sha256 = ?"
        " ORDER BY removed IS NOT NULL, imported, number LIMIT 1",
        (sha256,),
    )
    return None if row is None else _page(row)


def flagged_pages(db: Database, document_id: str) -> list[Page]:
    """Pages whose metadata holds a position or a person's name, to warn before sharing."""
    rows = db.all(
        f"SELECT {_COLUMNS} FROM pages WHERE document_id = ?"
        " AND (has_location OR has_person_name) AND removed IS NULL ORDER BY number",
        (document_id,),
    )
    return [_page(row) for row in rows]


def get(db: Database, page_id: str) -> Page:
    row = db.one(f"SELECT {_COLUMNS} FROM pages WHERE id = ?", (page_id,))
    if row is None:
        raise RecordNotFound(kind="page", record_id=page_id)
    return _page(row)


def pages_of(db: Database, document_id: str) -> list[Page]:
    rows = db.all(
        f"SELECT {_COLUMNS} FROM pages WHERE document_id = ? AND removed IS NULL ORDER BY number",
        (document_id,),
    )
    return [_page(row) for row in rows]


def original_bytes(db: Database, page_id: str) -> bytes:
    return original(db, page_id).read()


def original(db: Database, page_id: str) -> objects.Sealed:
    """Where the page's original file lies, to be read chunk by chunk (on any thread)."""
    row = db.one(
        "SELECT f.object_id FROM pages p JOIN files f ON f.sha256 = p.sha256 WHERE p.id = ?",
        (page_id,),
    )
    if row is None:
        raise RecordNotFound(kind="page", record_id=page_id)
    return objects.locate(db, row[0])


def original_range(db: Database, page_id: str, start: int, length: int) -> bytes:
    """``length`` bytes of the page's original from byte ``start`` (fewer at its end, none
    past it), decrypted in memory from the sealed chunks they lie in: how a player streams a
    recording without the whole file in memory or on disk. For many reads on another
    thread, take ``original(db, page_id)`` once and call its ``read_range``."""
    return original(db, page_id).read_range(start, length)


def is_recording(page: Page) -> bool:
    """A page whose original is audio or video (see core/file_types.py)."""
    return file_types.is_recording(page.mime_type)


def set_rotation(db: Database, page_id: str, degrees: int) -> Page:
    """Turn the page for display only; the original file is never changed."""
    if degrees % 90:
        raise InvalidInput("page-quarter-turns")
    with db.transaction():
        page = replace(get(db, page_id), rotation=degrees % 360, modified=now())
        db.execute(
            "UPDATE pages SET rotation = ?, modified = ? WHERE id = ?",
            (page.rotation, time_text(page.modified), page.id),
        )
        audit.append(db, "changed", "page", page.id, f"turned page to {page.rotation}°")
    return page


def pixel_size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height from the image's header, without decoding it; None for files that
    are not images Pillow knows (PDFs, or anything damaged)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                return int(width), int(height)
    except (
        OSError,
        ValueError,
        SyntaxError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ):
        return None, None


def _picture(db: Database, row: Row) -> PageImage:
    """A page_images row (kind, mime_type, width, height, bytes, object_id) as a picture,
    its bytes read from its segment when it has an object."""
    data = bytes(row[4]) if row[5] is None else objects.read(db, row[5])
    return PageImage(row[0], row[1], row[2], row[3], data)


def _row(page: Page) -> tuple[object, ...]:
    return (
        page.id,
        page.document_id,
        page.number,
        page.sha256,
        page.mime_type,
        page.size,
        page.width,
        page.height,
        page.rotation,
        page.original_name,
        time_text(page.imported),
        time_text(page.created),
        time_text(page.modified),
    )


def _page(row: Row) -> Page:
    return Page(
        id=row[0],
        document_id=row[1],
        number=row[2],
        sha256=row[3],
        mime_type=row[4],
        size=row[5],
        width=row[6],
        height=row[7],
        rotation=row[8],
        original_name=row[9],
        imported=time_from(row[10]),
        created=time_from(row[11]),
        modified=time_from(row[12]),
    )
