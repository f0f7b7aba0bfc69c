"""Which files become pages, decided by their content, and opening them within limits that a
damaged or hostile file cannot get past: file size, pixels, pages per file.

Pillow's own guard against decompression bombs is set here explicitly (not left at its
default) and its warning is made an error, so a file that claims a huge picture is refused
before a single pixel is decoded.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import pillow_heif
from PIL import Image, UnidentifiedImageError

from amanat.core.errors import (
    Detail,
    ScanDamaged,
    ScanNotSupported,
    ScanTooManyPages,
    ScanTooManyPixels,
)
from amanat.core.file_types import RECORDING_TYPES, mime_type_of

MB = 1024 * 1024

MAX_PIXELS = 200_000_000
"""The largest picture opened: the 200-megapixel photos of the largest phone sensors, and an
A4 page scanned at 1200 dpi (140 MP), still fit; a header claiming more is a damaged or hostile
file. Decoded, 200 MP is 600 MB of RGB, so this also caps the memory one page can take."""

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# Process-wide and set once, not in a catch_warnings block: that context manager is not
# thread-safe, and pictures are opened on worker threads.
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
pillow_heif.register_heif_opener()

JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"
WEBP = "image/webp"
GIF = "image/gif"
HEIC = "image/heic"
AVIF = "image/avif"
PDF = "application/pdf"

# Pillow is told which plugin may read each type, so a file is never read by a decoder
# other than the one its content announced (a "JPEG" that some other plugin accepts).
_PILLOW_FORMATS: dict[str, tuple[str, ...]] = {
    JPEG: ("JPEG", "MPO"),
    PNG: ("PNG",),
    TIFF: ("TIFF",),
    WEBP: ("WEBP",),
    GIF: ("GIF",),
    HEIC: ("HEIF", "AVIF"),
    AVIF: ("AVIF", "HEIF"),
}
_MIME_OF_PILLOW_FORMAT = {
    "JPEG": JPEG,
    "MPO": JPEG,
    "PNG": PNG,
    "TIFF": TIFF,
    "WEBP": WEBP,
    "GIF": GIF,
    "HEIF": HEIC,
    "AVIF": AVIF,
}
PICTURE_TYPES = frozenset(_PILLOW_FORMATS)
SUPPORTED_TYPES = PICTURE_TYPES | {PDF} | RECORDING_TYPES

# The exceptions Pillow raises for malformed data. Anything else is a bug and crashes.
DECODING_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    IndexError,
    KeyError,
    ZeroDivisionError,
    OverflowError,
)


@dataclass(frozen=True, slots=True)
class ScanLimits:
    max_file_bytes: int = 500 * MB
    """Larger files are refused before they are read: the whole file is held in memory
    (it is never written to disk in plaintext)."""
    max_pages: int = 500
    """Frames of a TIFF or pages of a PDF. A letter is a few pages and a court file a few
    hundred; each page costs a preview in the archive, so more is a wrong or hostile file."""


def detect(data: bytes, name: str) -> str:
    """The MIME type of ``data`` by its first bytes; refuses anything Amanat does not import."""
    mime = mime_type_of(data)
    if mime not in SUPPORTED_TYPES:
        raise ScanNotSupported(name=name)
    return mime


def open_picture(data: bytes, mime: str, name: str) -> tuple[Image.Image, str]:
    """Open (without decoding) a picture and its precise MIME type. The pixel limit is
    checked on the header, before any decoding."""
    try:
        image = Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS[mime])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ScanTooManyPixels(
            name=name, size=_claimed_size(str(error)), limit_mp=MAX_PIXELS // 1_000_000
        ) from error
    except DECODING_ERRORS as error:
        raise ScanDamaged(name=name, detail=describe(error, mime)) from error
    check_pixels(image, name)
    return image, _MIME_OF_PILLOW_FORMAT.get(image.format or "", mime)


def check_pixels(image: Image.Image, name: str) -> None:
    """Refuse a frame whose header claims too many pixels. Pillow checks only the first
    frame of a file when opening it; a TIFF's later frames come here on seeking."""
    width, height = image.size
    if width <= 0 or height <= 0:
        raise ScanDamaged(name=name, detail=Detail("no-width-or-height"))
    if width * height > MAX_PIXELS:
        raise ScanTooManyPixels(
            name=name, size=f"{width:,} × {height:,} pixels", limit_mp=MAX_PIXELS // 1_000_000
        )


def frames(image: Image.Image, name: str, limits: ScanLimits) -> Iterator[int]:
    """Seek to each frame of a multi-page TIFF in turn, yielding its index. The count is
    checked first, so a file with too many pages is refused before any page is decoded."""
    count = 0
    try:
        while True:
            if count > limits.max_pages:
                raise ScanTooManyPages(name=name, limit=limits.max_pages)
            try:
                image.seek(count)
            except EOFError:
                break
            count += 1
        if count > limits.max_pages:
            raise ScanTooManyPages(name=name, limit=limits.max_pages)
        for index in range(count):
            image.seek(index)
            check_pixels(image, name)
            yield index
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ScanTooManyPixels(
            name=name, size=_claimed_size(str(error)), limit_mp=MAX_PIXELS // 1_000_000
        ) from error
    except ScanTooManyPages:
        raise
    except DECODING_ERRORS as error:
        raise ScanDamaged(name=name, detail=describe(error, TIFF)) from error


def describe(error: BaseException, mime: str) -> Detail:
    """A plain-language reason for a decoding failure; the library's words stay in the
    exception chain for whoever debugs it."""
    text = str(error).lower()
    kind = {PDF: "PDF", HEIC: "HEIC"}.get(mime, mime.removeprefix("image/").upper())
    if "truncated" in text or isinstance(error, EOFError):
        return Detail("ends-too-early")
    if isinstance(error, UnidentifiedImageError) or "cannot identify" in text:
        return Detail("not-a-valid-picture", kind=kind)
    return Detail("cannot-be-decoded", kind=kind)


def _claimed_size(message: str) -> str:
    match = re.search(r"\((\d+) pixels\)", message)
    return f"{int(match.group(1)):,} pixels" if match else "an enormous picture"
