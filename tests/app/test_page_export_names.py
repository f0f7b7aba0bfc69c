"""The name offered for a page's copy: the page's place and the type of what is written,
nothing of the letter or of the file it came from."""

from __future__ import annotations

import pytest

from amanat.app.pages import export_file_name
from amanat.core.records import Page


@pytest.mark.parametrize(
    ("mime_type", "original", "name"),
    [
        ("image/jpeg", False, "page-3.jpg"),
        ("image/jpeg", True, "page-3.jpg"),
        ("image/heic", False, "page-3.jpg"),  # the sanitised copy of a photo is a JPEG
        ("image/heic", True, "page-3.heic"),
        ("image/png", False, "page-3.png"),  # lossless stays lossless
        ("image/tiff", False, "page-3.png"),
        ("image/tiff", True, "page-3.tif"),
        ("application/pdf", False, "page-3.png"),
        ("application/pdf", True, "page-3.pdf"),
    ],
)
def test_the_name_says_the_place_and_the_type(mime_type: str, original: bool, name: str) -> None:
    page = Page("doc", 3, "0" * 64, mime_type, 10, original_name="Narges letter from Evin.jpg")
    assert export_file_name(page, original) == name
