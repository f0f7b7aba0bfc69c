"""What leaves a page for the user: its metadata report, its original bytes exactly as
imported, and a sanitised copy made on demand that holds the pixels and nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.database import Database
from amanat.core.errors import ScanDamaged, ScanRefused
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import (
    DECODING_ERRORS,
    GIF,
    PDF,
    PNG,
    TIFF,
    ScanLimits,
    describe,
    open_picture,
)
from amanat.core.scans.metadata import MetadataReport, picture_report
from amanat.core.storage import pages, redactions

SANITISED_PDF_LONGEST = 2400
"""A PDF page's sanitised copy is a rendering: 2400 px is about 200 dpi on A4, enough to read
small handwriting."""

_LOSSLESS = frozenset({PNG, TIFF, GIF, PDF})


@dataclass(frozen=True, slots=True)
class SanitisedCopy:
    data: bytes
    mime_type: str

    @property
    def suffix(self) -> str:
        return ".png" if self.mime_type == "image/png" else ".jpg"


def sanitised_suffix(mime_type: str) -> str:
    """The file suffix of the sanitised copy of a page of this type (lossless stays PNG)."""
    return ".png" if mime_type in _LOSSLESS else ".jpg"


def metadata_report(db: Database, page_id: str) -> MetadataReport:
    """The page's metadata report as read at import. Pages added before the scan pipeline
    existed have none stored; theirs is read from the original now."""
    details = pages.scan_details(db, page_id)
    if details.metadata not in ("", "{}"):
        return MetadataReport.from_json(details.metadata)
    page = pages.get(db, page_id)
    if page.mime_type == PDF:
        return MetadataReport()
    try:
        image, _ = open_picture(pages.original_bytes(db, page_id), page.mime_type, page_id)
        with image:
            image.load()
            return picture_report(image)
    except ScanRefused:
        return MetadataReport()
    except DECODING_ERRORS:
        return MetadataReport()


def sanitised_copy(db: Database, page_id: str) -> SanitisedCopy:
    """A new picture file of the page: upright (EXIF orientation, then the user's rotation),
    with no EXIF, XMP, IPTC, comments, text chunks or ICC profile, and the page's redacted
    rectangles filled with black (read here, so no caller can forget them)."""
    page = pages.get(db, page_id)
    details = pages.scan_details(db, page_id)
    blacked_out = [r.rectangle for r in redactions.of_page(db, page_id)]
    data = pages.original_bytes(db, page_id)
    name = page.original_name or f"page {page.number}"
    lossless = page.mime_type in _LOSSLESS
    if page.mime_type == PDF:
        with pdf.opened(data, name, ScanLimits(max_pages=10**9)) as document:
            rendering = pdf.render(document, details.source_page or 0, SANITISED_PDF_LONGEST, name)
        out, mime = pictures.sanitised(rendering, 1, page.rotation, lossless, blacked_out)
        return SanitisedCopy(out, mime)
    image, _ = open_picture(data, page.mime_type, name)
    try:
        with image:
            if details.source_page:
                image.seek(details.source_page)
            image.load()
            orientation = picture_report(image).orientation
            out, mime = pictures.sanitised(image, orientation, page.rotation, lossless, blacked_out)
    except DECODING_ERRORS as error:
        raise ScanDamaged(name=name, detail=describe(error, page.mime_type)) from error
    return SanitisedCopy(out, mime)
