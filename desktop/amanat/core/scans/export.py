"""What leaves a page for the user: its metadata report, its original bytes exactly as
imported, and a sanitised copy made on demand that holds the pixels and nothing else. The
original is decoded in a decoding worker (core/decoding), as at import: a file that got in
cannot take the window or a bundle's export down with it later."""

from __future__ import annotations

import contextlib
import errno
import io
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from amanat.core import decoding, private_files
from amanat.core.database import Database
from amanat.core.errors import (
    Detail,
    DiskFullAt,
    FileNotWritable,
    PageDamaged,
    ScanDamaged,
    ScanRefused,
    os_reason,
)
from amanat.core.file_types import RECORDING_SUFFIXES, is_recording
from amanat.core.recordings import strip
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
        if self.mime_type in RECORDING_SUFFIXES:
            return RECORDING_SUFFIXES[self.mime_type]
        return ".png" if self.mime_type == "image/png" else ".jpg"


def sanitised_suffix(mime_type: str) -> str:
    """The file suffix of the sanitised copy of a page of this type (lossless stays PNG; a
    recording's stripped copy is of its own format)."""
    if mime_type in RECORDING_SUFFIXES:
        return RECORDING_SUFFIXES[mime_type]
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
    data = pages.original_bytes(db, page_id)
    try:
        return decoding.run(page_id, _report, data, page.mime_type, page_id)
    except ScanRefused:
        return MetadataReport()


def _report(data: bytes, mime_type: str, name: str) -> MetadataReport:
    """In a decoding worker: the metadata report of a picture, or an empty one."""
    try:
        image, _ = open_picture(data, mime_type, name)
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
    name = page.original_name or f"page {page.number}"
    try:
        if is_recording(page.mime_type):
            return _stripped(db, page_id, page.mime_type)
        data = pages.original_bytes(db, page_id)
        return decoding.run(
            name,
            _sanitised,
            data,
            page.mime_type,
            details.source_page,
            page.rotation,
            name,
            blacked_out,
        )
    except ScanDamaged as error:
        # The decoder's sentence speaks of an import; this page is already in the archive.
        raise PageDamaged(name=name, detail=_why(error)) from error


def _stripped(db: Database, page_id: str, mime_type: str) -> SanitisedCopy:
    """A recording's copy is its stripped remux (core/recordings/strip.py). The worker reads
    the original from here by ranges, opened chunk by chunk, and writes the copy back piece
    by piece: a 500 MB video is never sent whole, and only the copy lies here whole."""
    out = io.BytesIO()
    strip_into(db, page_id, out)
    return SanitisedCopy(out.getvalue(), mime_type)


def strip_into(db: Database, page_id: str, out: IO[bytes]) -> None:
    """A recording's stripped copy, written into ``out`` piece by piece as the decoding
    worker makes it, each piece where the muxer says (``out.seek``, then ``out.write``).
    A bundle passes something that hashes the pieces or writes them on, never the whole
    copy (core/bundle/stripped_recordings.py). PageDamaged when it cannot be made."""
    page = pages.get(db, page_id)
    name = page.original_name or f"page {page.number}"
    sealed = pages.original(db, page_id)
    lent = decoding.Lent(sealed.read_range, sealed.size, out, _largest_copy(sealed.size))
    try:
        decoding.run(name, strip.stripped_lent, sealed.size, page.mime_type, name, lent=lent)
    except ScanDamaged as error:
        if isinstance(error, PageDamaged):
            raise
        raise PageDamaged(name=name, detail=_why(error)) from error


def write_recording(db: Database, page_id: str, target: Path, original: bool) -> None:
    """Write a recording's page to ``target``, a file that must not exist yet: its stripped
    copy, or with ``original`` its original byte for byte. Streamed: the original is opened
    chunk by chunk and the worker writes the copy into the file where the muxer says, so a
    500 MB video is never whole in memory. On any failure no partial file is left."""
    page = pages.get(db, page_id)
    name = page.original_name or f"page {page.number}"
    sealed = pages.original(db, page_id)
    try:
        handle = private_files.create_new(target)  # refuses an existing file; 0600
    except FileExistsError as error:
        raise FileNotWritable(path=str(target), reason=Detail("file-exists")) from error
    except OSError as error:
        raise FileNotWritable(path=str(target), reason=os_reason(error)) from error
    try:
        with handle:
            if original:
                for chunk in sealed.chunks():
                    handle.write(chunk)
            else:
                size = sealed.size
                lent = decoding.Lent(sealed.read_range, size, handle, _largest_copy(size))
                decoding.run(name, strip.stripped_lent, size, page.mime_type, name, lent=lent)
    except BaseException as error:
        with contextlib.suppress(OSError):
            target.unlink()
        if isinstance(error, ScanDamaged) and not isinstance(error, PageDamaged):
            raise PageDamaged(name=name, detail=_why(error)) from error
        if isinstance(error, OSError):
            if error.errno == errno.ENOSPC:
                raise DiskFullAt(path=str(target.parent)) from error
            raise FileNotWritable(path=str(target), reason=os_reason(error)) from error
        raise


def _largest_copy(size: int) -> int:
    """A remux without tags is never much larger than its original: a copy growing past
    this is a worker gone wrong."""
    return 2 * size + 16 * 1024 * 1024


def _why(error: ScanDamaged) -> Detail:
    """The coded phrase saying why a page's file is damaged, taken from the decoder's error."""
    detail = error.values.get("detail")
    return detail if isinstance(detail, Detail) else Detail("decoder-failed")


def _sanitised(
    data: bytes,
    mime_type: str,
    source_page: int | None,
    rotation: int,
    name: str,
    blacked_out: list[tuple[float, float, float, float]],
) -> SanitisedCopy:
    """In a decoding worker: what ``sanitised_copy`` returns. Any exception a decoder
    raises, of whatever type, is the page's file being damaged."""
    try:
        return _sanitise(data, mime_type, source_page, rotation, name, blacked_out)
    except (ScanRefused, MemoryError):
        raise
    except Exception as error:
        raise ScanDamaged(name=name, detail=describe(error, mime_type)) from error


def _sanitise(
    data: bytes,
    mime_type: str,
    source_page: int | None,
    rotation: int,
    name: str,
    blacked_out: list[tuple[float, float, float, float]],
) -> SanitisedCopy:
    lossless = mime_type in _LOSSLESS
    if mime_type == PDF:
        with pdf.opened(data, name, ScanLimits(max_pages=10**9)) as document:
            rendering = pdf.render(document, source_page or 0, SANITISED_PDF_LONGEST, name)
        out, mime = pictures.sanitised(rendering, 1, rotation, lossless, blacked_out)
        return SanitisedCopy(out, mime)
    image, _ = open_picture(data, mime_type, name)
    with image:
        if source_page:
            image.seek(source_page)
        image.load()
        orientation = picture_report(image).orientation
        out, mime = pictures.sanitised(image, orientation, rotation, lossless, blacked_out)
    return SanitisedCopy(out, mime)
