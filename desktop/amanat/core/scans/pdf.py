"""PDF originals: every page becomes a page of the archive, shown from a rendering made by
PDFium; the PDF itself is kept as the original.

PDFium is not thread-safe, so every call into it holds one lock; pages are rendered one at a
time and handed back one at a time, so a long PDF never has all its renderings in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from PIL import Image

from amanat.core.errors import Detail, ScanDamaged, ScanPasswordProtected, ScanTooManyPages
from amanat.core.scans.formats import ScanLimits

_PDFIUM = threading.Lock()
_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
_MAX_RENDER_SCALE = 8.0
"""A page of a few points would otherwise be blown up enormously; 8× (576 dpi) is plenty."""

T = TypeVar("T")


@contextmanager
def opened(data: bytes, name: str, limits: ScanLimits) -> Iterator[pdfium.PdfDocument]:
    """The PDF, open, with its page count checked. Password-protected and damaged files
    are refused with a sentence naming them."""
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if error.err_code in _PASSWORD_ERRORS:
                raise ScanPasswordProtected(name=name) from error
            raise ScanDamaged(name=name, detail=Detail("pdf-unreadable")) from error
        count = len(document)
    try:
        if count == 0:
            raise ScanDamaged(name=name, detail=Detail("pdf-no-pages"))
        if count > limits.max_pages:
            raise ScanTooManyPages(name=name, limit=limits.max_pages)
        yield document
    finally:
        with _PDFIUM:
            document.close()


def information(document: pdfium.PdfDocument) -> dict[str, str]:
    with _PDFIUM:
        return {str(k): str(v) for k, v in document.get_metadata_dict(skip_empty=True).items()}


def page_count(document: pdfium.PdfDocument) -> int:
    with _PDFIUM:
        return len(document)


def render(document: pdfium.PdfDocument, index: int, longest: int, name: str) -> Image.Image:
    """Page ``index`` drawn on white so that its longer side is ``longest`` pixels."""
    with _PDFIUM:
        try:
            page = document[index]
            try:
                width, height = page.get_size()
                if not (width > 0 and height > 0):
                    raise ScanDamaged(name=name, detail=Detail("pdf-page-no-size", page=index + 1))
                scale = min(longest / max(width, height), _MAX_RENDER_SCALE)
                bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                try:
                    # A copy: the PIL image would otherwise share PDFium's buffer.
                    picture: Image.Image = bitmap.to_pil().convert("RGB")
                    return picture
                finally:
                    bitmap.close()
            finally:
                page.close()
        except pdfium.PdfiumError as error:
            raise ScanDamaged(
                name=name, detail=Detail("pdf-page-not-drawn", page=index + 1)
            ) from error


def each_page(
    data: bytes,
    name: str,
    limits: ScanLimits,
    longest: int,
    make: Callable[[int, Image.Image, dict[str, str]], T],
) -> list[T]:
    """``make(index, rendering, information)`` for every page, one rendering at a time."""
    with opened(data, name, limits) as document:
        info = information(document)
        return [
            make(index, render(document, index, longest, name), info)
            for index in range(page_count(document))
        ]
