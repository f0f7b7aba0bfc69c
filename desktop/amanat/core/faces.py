"""Faces on a page, offered as rectangles to redact: OpenCV's frontal-face detector, whose
trained cascade ships inside its wheel, run over the page's preview (the picture the window
shows, upright by its EXIF orientation: the frame redactions are kept in).

Optional: OpenCV and numpy add about 240 MB to an installation, four times the rest of
Amanat, so the installers leave them out; without them ``suggest`` says so in one sentence and
the user draws the boxes by hand. The suggestions are only suggestions: each is confirmed by
the user before it becomes a redaction, and a face the detector misses (in profile, small,
half hidden) must still be marked by hand.
"""

from __future__ import annotations

import functools
import importlib
import io
from dataclasses import dataclass
from typing import Any

from PIL import Image

from amanat.core.database import Database
from amanat.core.errors import FacesUnavailable
from amanat.core.scans import previews
from amanat.core.storage import pages
from amanat.core.storage import redactions as redaction_store

Fractions = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class FaceSuggestion:
    rectangle: Fractions
    """Fractions of the upright page, the face and a margin around it."""
    picture: bytes
    """A PNG of that part of the page, for the user to confirm it is a face; in memory only."""


MARGIN = 0.2
"""Added around a face found, each side, as a share of its size: the detector frames the
eyes, nose and mouth, and hair, ears and chin tell who someone is too."""
_SEARCHED = 1000
"""Pixels: the longest side of the picture searched."""
_SMALLEST = 20
"""Pixels: a face smaller than this on the preview cannot be recognised anyway."""


def available() -> bool:
    try:
        _detector()
    except FacesUnavailable:
        return False
    return True


def suggest(db: Database, page_id: str) -> list[FaceSuggestion]:
    """Rectangles around the faces found on the page, largest first, in fractions of the
    upright page; those already redacted (mostly inside a redaction) are left out."""
    detector, numpy = _detector()
    pages.get(db, page_id)
    picture = pages.image(db, page_id, "preview") or previews.make_preview(db, page_id)
    if picture is None:
        return []
    with Image.open(io.BytesIO(picture.data)) as image:
        colour = image.convert("RGB")
    grey = colour.convert("L")
    # A face a reader could recognise is still 20 pixels across at this size, and the search
    # takes a tenth of the time it takes on a whole 1600-pixel preview (0.3 s, not 4.7 s, for
    # a 12 MP photo on the benchmark's machine).
    grey.thumbnail((_SEARCHED, _SEARCHED))
    width, height = grey.size
    found = detector.detectMultiScale(
        numpy.asarray(grey), scaleFactor=1.1, minNeighbors=5, minSize=(_SMALLEST, _SMALLEST)
    )
    done = [r.rectangle for r in redaction_store.of_page(db, page_id)]
    boxes: list[Fractions] = []
    for x, y, w, h in sorted((tuple(int(v) for v in f) for f in found), key=lambda f: -f[2] * f[3]):
        box = _widened(x / width, y / height, w / width, h / height)
        if not any(_covered(box, other) for other in done + boxes):
            boxes.append(box)
    return [FaceSuggestion(box, _cut(colour, box)) for box in boxes]


def _cut(image: Image.Image, box: Fractions) -> bytes:
    width, height = image.size
    x, y, w, h = box
    part = image.crop(
        (round(x * width), round(y * height), round((x + w) * width), round((y + h) * height))
    )
    part.thumbnail((240, 240))
    out = io.BytesIO()
    part.save(out, "PNG")
    return out.getvalue()


@functools.cache
def _detector() -> tuple[Any, Any]:
    """The detector, read once: its cascade is a 900 KB XML file that takes longer to read
    than a page takes to search."""
    try:
        # Through importlib: OpenCV's own type stubs leave out what is used here.
        cv2: Any = importlib.import_module("cv2")
        numpy: Any = importlib.import_module("numpy")
    except ImportError as missing:
        raise FacesUnavailable() from missing
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    if cascade.empty():
        raise FacesUnavailable()
    return cascade, numpy


def _widened(x: float, y: float, w: float, h: float) -> Fractions:
    left, top = max(0.0, x - MARGIN * w), max(0.0, y - MARGIN * h)
    right, bottom = min(1.0, x + w + MARGIN * w), min(1.0, y + h + MARGIN * h)
    return left, top, right - left, bottom - top


def _covered(box: Fractions, other: Fractions) -> bool:
    """Whether most of ``box`` (four fifths) is inside ``other``."""
    x, y, w, h = box
    ox, oy, ow, oh = other
    across = max(0.0, min(x + w, ox + ow) - max(x, ox))
    down = max(0.0, min(y + h, oy + oh) - max(y, oy))
    return across * down >= 0.8 * w * h
