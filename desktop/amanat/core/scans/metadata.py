"""The metadata report of a page: what the file says about the camera, the time, the software,
the place and the people, found in EXIF, XMP, IPTC, PNG text chunks, comments and a PDF's
information dictionary.

A phone photo can carry the GPS position of the family's home, and an author field can carry a
name; such pages are flagged so the application can warn before anything is shared. Free text
(comments, descriptions) is listed in full but cannot be searched for names reliably, so it does
not raise the name flag on its own.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from PIL import Image, ImageFile, IptcImagePlugin

_MAX_TEXT = 500
"""Longer values are cut: a report is for reading, the original keeps everything."""

# EXIF tags (TIFF 6 / EXIF 2.32 numbering).
_MAKE, _MODEL, _SOFTWARE, _DATETIME = 0x010F, 0x0110, 0x0131, 0x0132
_DESCRIPTION, _ARTIST, _COPYRIGHT, _ORIENTATION = 0x010E, 0x013B, 0x8298, 0x0112
_HOST_COMPUTER = 0x013C
_XP_COMMENT, _XP_AUTHOR, _XP_TITLE, _XP_SUBJECT = 0x9C9C, 0x9C9D, 0x9C9B, 0x9C9F
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _OFFSET_ORIGINAL, _USER_COMMENT = 0x9003, 0x9011, 0x9286
_OWNER, _BODY_SERIAL, _LENS_MAKE, _LENS_MODEL, _UNIQUE_ID = 0xA430, 0xA431, 0xA433, 0xA434, 0xA420
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON, _GPS_ALT_REF, _GPS_ALT = 1, 2, 3, 4, 5, 6

_DESCRIPTIVE_TAGS = frozenset(
    {_MAKE, _MODEL, _SOFTWARE, _DATETIME, _DESCRIPTION, _ARTIST, _COPYRIGHT, _HOST_COMPUTER}
    | {_XP_COMMENT, _XP_AUTHOR, _XP_TITLE, _XP_SUBJECT, _EXIF_IFD, _GPS_IFD}
)

# IPTC IIM datasets (record 2).
_IPTC_PEOPLE = {(2, 80): "By-line", (2, 122): "Writer", (2, 116): "Copyright notice"}
_IPTC_PLACES = {
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province",
    (2, 101): "Country",
}
_IPTC_OTHER = {(2, 120): "Caption", (2, 105): "Headline", (2, 5): "Object name"}

# PNG text keywords (PNG specification, 11.3.4.2) and the PDF information dictionary.
_PEOPLE_KEYS = {"author", "artist", "copyright", "creator", "owner", "by-line"}
_SOFTWARE_KEYS = {"software", "producer", "creator tool"}
_TIME_KEYS = {"creation time", "creationdate", "date"}
_CAMERA_KEYS = {"source"}


@dataclass(frozen=True, slots=True)
class GpsPosition:
    latitude: float | None
    longitude: float | None
    altitude: float | None = None


@dataclass(frozen=True, slots=True)
class MetadataReport:
    """Everything a page's file says about itself, for the person deciding what to share."""

    camera: str = ""
    captured: str = ""
    software: tuple[str, ...] = ()
    gps: GpsPosition | None = None
    places: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    """Names in author-like fields: Artist, XPAuthor, Copyright, camera owner, XMP dc:creator
    and dc:rights, IPTC by-line, PNG Author, PDF /Author."""
    comments: tuple[str, ...] = ()
    other: tuple[tuple[str, str], ...] = ()
    """Every further field found, as (label, value): serial numbers, titles, PNG text…"""
    blocks: tuple[str, ...] = ()
    """The metadata blocks present in the file: EXIF, XMP, IPTC, ICC profile, comment…"""
    orientation: int = 1
    animated: bool = False
    """An animation (GIF, WebP, APNG): only its first picture is shown as the page."""

    @property
    def has_location(self) -> bool:
        """A GPS position or a place name: either can lead someone to the family."""
        return self.gps is not None or bool(self.places)

    @property
    def has_person_name(self) -> bool:
        return bool(self.authors)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MetadataReport:
        values: dict[str, Any] = json.loads(text or "{}")
        gps = values.get("gps")

        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(v) for v in values.get(key, ()))

        return cls(
            camera=str(values.get("camera", "")),
            captured=str(values.get("captured", "")),
            software=strings("software"),
            gps=GpsPosition(**gps) if gps else None,
            places=strings("places"),
            authors=strings("authors"),
            comments=strings("comments"),
            other=tuple((str(k), str(v)) for k, v in values.get("other", ())),
            blocks=strings("blocks"),
            orientation=int(values.get("orientation", 1)),
            animated=bool(values.get("animated", False)),
        )

    def lines(self) -> list[tuple[str, str]]:
        """The report as (label, value) lines, in the order a person reads them."""
        rows: list[tuple[str, str]] = []
        if self.gps is not None:
            rows.append(("GPS position", _position_text(self.gps)))
        rows += [("Place", place) for place in self.places]
        rows += [("Person named", author) for author in self.authors]
        if self.camera:
            rows.append(("Camera", self.camera))
        if self.captured:
            rows.append(("Taken", self.captured))
        rows += [("Software", name) for name in self.software]
        rows += [("Comment", comment) for comment in self.comments]
        rows += list(self.other)
        if self.orientation != 1:
            rows.append(("Orientation", str(self.orientation)))
        if self.animated:
            rows.append(("Animation", "yes; the page shows its first picture"))
        rows.append(("Metadata blocks", ", ".join(self.blocks) or "none"))
        return rows


@dataclass
class _Collector:
    """Gathers fields from each source in turn; the report is made at the end."""

    camera: list[str] = field(default_factory=list)
    captured: list[str] = field(default_factory=list)
    software: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    other: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    gps: GpsPosition | None = None
    orientation: int = 1
    animated: bool = False

    def report(self) -> MetadataReport:
        return MetadataReport(
            camera=" ".join(_unique(self.camera)),
            captured=next(iter(self.captured), ""),
            software=_unique(self.software),
            gps=self.gps,
            places=_unique(self.places),
            authors=_unique(self.authors),
            comments=_unique(self.comments),
            other=tuple(dict.fromkeys(self.other)),
            blocks=_unique(self.blocks),
            orientation=self.orientation,
            animated=self.animated,
        )


def picture_report(image: Image.Image) -> MetadataReport:
    """The report of an opened picture (the current frame, for a TIFF)."""
    found = _Collector()
    _read_exif(image, found)
    xmp = _xmp_bytes(image)
    if xmp:
        found.blocks.append("XMP")
        _read_xmp(xmp, found)
    _read_iptc(image, found)
    if image.info.get("icc_profile"):
        found.blocks.append("ICC profile")
    comment = image.info.get("comment")
    if comment:
        found.blocks.append("comment")
        found.comments.append(_text(comment))
    text_chunks = getattr(image, "text", None) if image.format == "PNG" else None
    if text_chunks:
        found.blocks.append("PNG text")
        _read_text_fields(text_chunks, found)
    # A TIFF's frames are pages and an MPO's second picture is a depth map: not animations.
    animation_formats = ("GIF", "PNG", "WEBP")
    found.animated = image.format in animation_formats and bool(
        getattr(image, "is_animated", False)
    )
    return found.report()


def pdf_report(information: Mapping[str, str]) -> MetadataReport:
    """The report of a PDF from its information dictionary (/Author, /Creator, /Producer…)."""
    found = _Collector()
    values = {k: v for k, v in information.items() if v and v.strip()}
    if values:
        found.blocks.append("PDF information")
        _read_text_fields(values, found)
    return found.report()


def _read_exif(image: Image.Image, found: _Collector) -> None:
    try:
        exif = image.getexif()
    except (OSError, SyntaxError, ValueError, IndexError, KeyError):
        found.other.append(("EXIF", "present but damaged"))
        found.blocks.append("EXIF")
        return
    if not len(exif) and not image.info.get("exif"):
        return
    # A TIFF's own tags (width, compression…) come through getexif() too; they are the
    # file's structure, not metadata about anyone.
    if image.format != "TIFF" or _DESCRIPTIVE_TAGS.intersection(exif):
        found.blocks.append("EXIF")
    found.orientation = _orientation(exif.get(_ORIENTATION))
    found.camera += [_text(exif[t]) for t in (_MAKE, _MODEL) if exif.get(t)]
    if exif.get(_SOFTWARE):
        found.software.append(_text(exif[_SOFTWARE]))
    for tag in (_ARTIST, _COPYRIGHT, _XP_AUTHOR):
        if exif.get(tag):
            found.authors.append(_text(exif[tag]))
    for tag, label in (
        (_DESCRIPTION, "Description"),
        (_XP_TITLE, "Title"),
        (_XP_SUBJECT, "Subject"),
        (_HOST_COMPUTER, "Computer"),
    ):
        if exif.get(tag):
            found.other.append((label, _text(exif[tag])))
    if exif.get(_XP_COMMENT):
        found.comments.append(_text(exif[_XP_COMMENT]))
    details = _ifd(exif, _EXIF_IFD)
    original = details.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if original:
        offset = details.get(_OFFSET_ORIGINAL)
        found.captured.append(_text(original) + (f" {_text(offset)}" if offset else ""))
    if details.get(_OWNER):
        found.authors.append(_text(details[_OWNER]))
    if details.get(_USER_COMMENT):
        comment = _user_comment(details[_USER_COMMENT])
        if comment:
            found.comments.append(comment)
    for tag, label in (
        (_BODY_SERIAL, "Camera serial number"),
        (_LENS_MAKE, "Lens make"),
        (_LENS_MODEL, "Lens"),
        (_UNIQUE_ID, "Image id"),
    ):
        if details.get(tag):
            found.other.append((label, _text(details[tag])))
    gps = _ifd(exif, _GPS_IFD)
    if gps.get(_GPS_LAT) is not None or gps.get(_GPS_LON) is not None:
        found.gps = GpsPosition(
            latitude=_degrees(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "S"),
            longitude=_degrees(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "W"),
            altitude=_altitude(gps.get(_GPS_ALT), gps.get(_GPS_ALT_REF)),
        )


def _ifd(exif: Image.Exif, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except (OSError, SyntaxError, ValueError, IndexError, KeyError, TypeError):
        return {}


def _xmp_bytes(image: Image.Image) -> bytes:
    value = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if not value and image.format == "TIFF":
        value = getattr(image, "tag_v2", {}).get(700)
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value) if isinstance(value, bytes | bytearray | tuple) else b""


_XMP_ELEMENT = r"<{tag}\b[^>]*>(.*?)</{tag}>"
_XMP_ATTRIBUTE = r"\b{tag}\s*=\s*[\"']([^\"']*)[\"']"


def _xmp_values(xmp: str, tag: str) -> list[str]:
    """Values of an XMP property, whether written as an element (with or without an rdf
    list inside) or as an attribute. A pattern match, not a parser: hostile XML cannot make
    it expand entities or fetch anything."""
    values: list[str] = []
    for body in re.findall(_XMP_ELEMENT.format(tag=re.escape(tag)), xmp, re.S):
        items = re.findall(r"<rdf:li\b[^>]*>(.*?)</rdf:li>", body, re.S) or [body]
        values += [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]
    values += [html.unescape(v).strip() for v in re.findall(_XMP_ATTRIBUTE.format(tag=tag), xmp)]
    return [_cut(v) for v in values if v]


def _read_xmp(data: bytes, found: _Collector) -> None:
    xmp = data.decode("utf-8", "replace")
    for tag in ("dc:creator", "dc:rights", "photoshop:Credit", "xmpRights:Owner"):
        found.authors += _xmp_values(xmp, tag)
    for tag in ("photoshop:City", "photoshop:State", "photoshop:Country", "Iptc4xmpCore:Location"):
        found.places += _xmp_values(xmp, tag)
    found.software += _xmp_values(xmp, "xmp:CreatorTool")
    found.camera += _xmp_values(xmp, "tiff:Make") + _xmp_values(xmp, "tiff:Model")
    found.captured += _xmp_values(xmp, "exif:DateTimeOriginal") + _xmp_values(xmp, "xmp:CreateDate")
    found.comments += _xmp_values(xmp, "dc:description")
    latitude = _xmp_values(xmp, "exif:GPSLatitude")
    longitude = _xmp_values(xmp, "exif:GPSLongitude")
    if found.gps is None and (latitude or longitude):
        found.gps = GpsPosition(
            latitude=_xmp_degrees(latitude[0]) if latitude else None,
            longitude=_xmp_degrees(longitude[0]) if longitude else None,
        )


def _read_iptc(image: Image.Image, found: _Collector) -> None:
    if not isinstance(image, ImageFile.ImageFile):
        return
    try:
        iptc = IptcImagePlugin.getiptcinfo(image)
    except (OSError, SyntaxError, ValueError, IndexError, KeyError, TypeError):
        iptc = None
    if not iptc:
        return
    found.blocks.append("IPTC")
    for key, value in iptc.items():
        texts = [_text(v) for v in (value if isinstance(value, list) else [value])]
        texts = [t for t in texts if t]
        if key in _IPTC_PEOPLE:
            found.authors += texts
        elif key in _IPTC_PLACES:
            found.places += texts
        elif key in _IPTC_OTHER:
            found.other += [(_IPTC_OTHER[key], t) for t in texts]


def _read_text_fields(fields: Mapping[str, Any], found: _Collector) -> None:
    for key, value in fields.items():
        label, text = str(key), _text(value)
        if not text or label == "XML:com.adobe.xmp":
            continue
        lowered = label.casefold()
        if lowered in _PEOPLE_KEYS:
            found.authors.append(text)
        elif lowered in _SOFTWARE_KEYS:
            found.software.append(text)
        elif lowered in _TIME_KEYS:
            found.captured.append(text)
        elif lowered in _CAMERA_KEYS:
            found.camera.append(text)
        elif lowered == "comment":
            found.comments.append(text)
        else:
            found.other.append((label, text))


def _text(value: object) -> str:
    if isinstance(value, bytes):
        # Windows' XP* tags are UTF-16; everything else is ASCII or UTF-8 by custom.
        encoding = "utf-16-le" if len(value) > 1 and value[1:2] == b"\x00" else "utf-8"
        value = value.decode(encoding, "replace")
    elif isinstance(value, tuple) and all(isinstance(v, int) for v in value):
        value = bytes(value).decode("utf-16-le", "replace")  # XP* tags read from TIFF
    return _cut(str(value).replace("\x00", "").strip())


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _user_comment(value: object) -> str:
    """EXIF UserComment starts with an 8-byte character code."""
    if isinstance(value, bytes) and len(value) >= 8:
        code, body = value[:8], value[8:]
        if code.startswith(b"UNICODE"):
            return _cut(body.decode("utf-16-be" if body[:1] == b"\x00" else "utf-16-le", "replace"))
        return _text(body)
    return _text(value)


def _orientation(value: object) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 8 else 1


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _degrees(value: object, reference: object, negative: str) -> float | None:
    parts = value if isinstance(value, tuple) else (value,)
    numbers = [_number(part) for part in parts[:3]]
    if not numbers or any(n is None for n in numbers):
        return None
    degrees = sum(n / 60.0**i for i, n in enumerate(numbers) if n is not None)
    return round(-degrees if _text(reference).upper() == negative else degrees, 6)


def _altitude(value: object, reference: object) -> float | None:
    number = _number(value)
    if number is None:
        return None
    below = reference in (1, b"\x01")
    return round(-number if below else number, 1)


def _xmp_degrees(text: str) -> float | None:
    """XMP writes GPS as "41,24.123N" or "41,24,7.4N"."""
    match = re.fullmatch(
        r"\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?([NSEW])", text
    )
    if not match:
        return None
    parts = [float(p) for p in match.groups()[:3] if p is not None]
    degrees = sum(p / 60.0**i for i, p in enumerate(parts))
    return round(-degrees if match.group(4) in "SW" else degrees, 6)


def _position_text(gps: GpsPosition) -> str:
    if gps.latitude is None or gps.longitude is None:
        return "present, but incomplete or damaged"
    text = f"{gps.latitude:.6f}, {gps.longitude:.6f}"
    return text + (f" (altitude {gps.altitude:g} m)" if gps.altitude is not None else "")


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
