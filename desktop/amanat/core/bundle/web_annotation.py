"""Annotations in a bundle, written in the W3C Web Annotation data model
(https://www.w3.org/TR/annotation-model/), so tools other than Amanat can read them.

- The comment is a ``TextualBody`` with purpose ``commenting``; each tag is a ``TextualBody``
  with purpose ``tagging``, its ``id`` the tag record's ``urn:uuid:`` and its value the tag's
  path ("conditions/solitary") for people and other tools.
- The target's ``source`` is the ``urn:uuid:`` of the bundled text or page record.
- A passage has a ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector``
  (start, end, in characters); the importer trusts the quote first and the position second.
- A region of a page has a ``FragmentSelector`` conforming to Media Fragments, with the value
  ``xywh=percent:x,y,w,h`` (percent of the page's width and height, as displayed unrotated).
- A time range of a recording page has a ``FragmentSelector`` conforming to Media Fragments
  too, with the temporal value ``t=npt:start,end`` (seconds, to the millisecond).

Only shareable annotations are ever written, so visibility is not a field: whatever arrives is
shareable. Links between an image annotation and a passage stay in the archive that made them.
Reading is strict (a bundle comes from outside): anything unexpected raises ValueError with a
short reason, which the importer turns into one sentence.
"""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Mapping
from typing import Any

from amanat.core.records import Annotation, ImageRegion, TextRange, TimeRange, Visibility

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"
_PERCENT_DIGITS = 4
"""Decimals of a percent written for a region: a millionth of the page, and the same region
always gives the same text."""

JsonObject = dict[str, Any]


def urn(record_id: str) -> str:
    return f"urn:uuid:{record_id}"


def annotation_json(annotation: Annotation, tag_paths: Mapping[str, str]) -> JsonObject:
    """The annotation as a Web Annotation; ``tag_paths`` names its tags."""
    bodies: list[JsonObject] = [
        {"type": "TextualBody", "value": annotation.body, "purpose": "commenting"}
    ]
    bodies += [
        {
            "type": "TextualBody",
            "id": urn(tag_id),
            "value": tag_paths.get(tag_id, ""),
            "purpose": "tagging",
        }
        for tag_id in annotation.tag_ids
    ]
    target = annotation.target
    selector: JsonObject | list[JsonObject]
    if isinstance(target, TextRange):
        source = target.text_id
        selector = [
            {
                "type": "TextQuoteSelector",
                "exact": target.quote,
                "prefix": target.prefix,
                "suffix": target.suffix,
            },
            {"type": "TextPositionSelector", "start": target.start, "end": target.end},
        ]
    elif isinstance(target, TimeRange):
        source = target.page_id
        selector = {
            "type": "FragmentSelector",
            "conformsTo": MEDIA_FRAGMENTS,
            "value": f"t=npt:{_seconds(target.start)},{_seconds(target.end)}",
        }
    else:
        source = target.page_id
        numbers = ",".join(
            _percent(value) for value in (target.x, target.y, target.width, target.height)
        )
        selector = {
            "type": "FragmentSelector",
            "conformsTo": MEDIA_FRAGMENTS,
            "value": f"xywh=percent:{numbers}",
        }
    value: JsonObject = {
        "@context": CONTEXT,
        "type": "Annotation",
        "id": urn(annotation.id),
        "motivation": "commenting",
        "body": bodies,
        "target": {"source": urn(source), "selector": selector},
        "created": _time(annotation.created),
        "modified": _time(annotation.modified),
    }
    if annotation.author:
        value["creator"] = {"type": "Person", "name": annotation.author}
    return value


def parse_annotation(value: object) -> Annotation:
    """An annotation from a bundle; ValueError on anything the model does not allow."""
    note = _object(value, "an annotation")
    if note.get("@context") != CONTEXT:
        raise ValueError(f"an annotation's @context must be {CONTEXT}")
    if note.get("type") != "Annotation":
        raise ValueError("an annotation's type must be Annotation")
    comment: str | None = None
    tag_ids: list[str] = []
    bodies = note.get("body")
    for body in bodies if isinstance(bodies, list) else [bodies]:
        item = _object(body, "an annotation's body")
        if item.get("type") != "TextualBody":
            raise ValueError("an annotation's body must be a TextualBody")
        text = _text(item, "value", "an annotation's body")
        purpose = item.get("purpose")
        if purpose == "commenting":
            if comment is not None:
                raise ValueError("an annotation has two comments")
            comment = text
        elif purpose == "tagging":
            tag_ids.append(_record_id(item.get("id"), "an annotation's tag"))
        else:
            raise ValueError("an annotation's body must be for commenting or tagging")
    if comment is None:
        raise ValueError("an annotation has no comment")
    target = _target(_object(note.get("target"), "an annotation's target"))
    author = ""
    if "creator" in note:
        author = _text(_object(note["creator"], "an annotation's creator"), "name", "its creator")
    return Annotation(
        id=_record_id(note.get("id"), "an annotation"),
        target=target,
        body=comment,
        author=author,
        visibility=Visibility.SHAREABLE,
        tag_ids=tuple(dict.fromkeys(tag_ids)),
        created=_moment(note.get("created")),
        modified=_moment(note.get("modified")),
    )


def _target(target: Mapping[str, object]) -> TextRange | ImageRegion | TimeRange:
    source = _record_id(target.get("source"), "an annotation's target")
    found = target.get("selector")
    selectors = [_object(s, "a selector") for s in (found if isinstance(found, list) else [found])]
    kinds = {s.get("type"): s for s in selectors}
    if len(kinds) != len(selectors):
        raise ValueError("an annotation's target has two selectors of one type")
    if "FragmentSelector" in kinds:
        if len(kinds) != 1:
            raise ValueError("a region of a page must have only a FragmentSelector")
        fragment = kinds["FragmentSelector"]
        if str(fragment.get("value", "")).startswith("t="):
            return _time_range(source, fragment)
        return _region(source, fragment)
    if set(kinds) != {"TextQuoteSelector", "TextPositionSelector"}:
        raise ValueError("a passage must have a TextQuoteSelector and a TextPositionSelector")
    quote, position = kinds["TextQuoteSelector"], kinds["TextPositionSelector"]
    exact = _text(quote, "exact", "a TextQuoteSelector")
    start = _whole(position, "start")
    end = _whole(position, "end")
    if not 0 <= start < end:
        raise ValueError("a TextPositionSelector must have 0 ≤ start < end")
    if end - start != len(exact):
        raise ValueError("a passage's quote and position are of different lengths")
    return TextRange(
        text_id=source,
        start=start,
        end=end,
        quote=exact,
        prefix=_text(quote, "prefix", "a TextQuoteSelector", default=""),
        suffix=_text(quote, "suffix", "a TextQuoteSelector", default=""),
    )


def _region(page_id: str, selector: Mapping[str, object]) -> ImageRegion:
    if selector.get("conformsTo") != MEDIA_FRAGMENTS:
        raise ValueError(f"a FragmentSelector must conform to {MEDIA_FRAGMENTS}")
    value = _text(selector, "value", "a FragmentSelector")
    prefix = "xywh=percent:"
    if not value.startswith(prefix):
        raise ValueError("a region of a page must be given as xywh=percent:x,y,w,h")
    parts = value[len(prefix) :].split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise ValueError("a region's xywh must be four numbers") from None
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ValueError("a region's xywh must be four numbers")
    x, y, width, height = numbers
    if not (0 <= x < 100 and 0 <= y < 100 and width > 0 and height > 0):
        raise ValueError("a region must start inside the page and have a size")
    # Written with a few decimals, a region that reaches the edge may pass it by a hair.
    slack = 10.0**-_PERCENT_DIGITS
    if x + width > 100 + slack or y + height > 100 + slack:
        raise ValueError("a region must lie within 0–100 percent of the page")
    return ImageRegion(
        page_id=page_id,
        x=x / 100,
        y=y / 100,
        width=min(width, 100 - x) / 100,
        height=min(height, 100 - y) / 100,
    )


def _time_range(page_id: str, selector: Mapping[str, object]) -> TimeRange:
    if selector.get("conformsTo") != MEDIA_FRAGMENTS:
        raise ValueError(f"a FragmentSelector must conform to {MEDIA_FRAGMENTS}")
    value = _text(selector, "value", "a FragmentSelector")
    prefix = "t=npt:"
    if not value.startswith(prefix):
        raise ValueError("a time range must be given as t=npt:start,end in seconds")
    parts = value[len(prefix) :].split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise ValueError("a time range must be two numbers of seconds") from None
    if len(numbers) != 2 or not all(math.isfinite(n) for n in numbers):
        raise ValueError("a time range must be two numbers of seconds")
    start, end = numbers
    if not 0 <= start < end:
        raise ValueError("a time range must have 0 ≤ start < end")
    return TimeRange(page_id=page_id, start=round(start, 3), end=round(end, 3))


def _seconds(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _percent(fraction: float) -> str:
    text = f"{fraction * 100:.{_PERCENT_DIGITS}f}".rstrip("0").rstrip(".")
    return text or "0"


def _time(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def _moment(value: object) -> datetime.datetime:
    if not isinstance(value, str):
        raise ValueError("an annotation's created and modified must be times")
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("an annotation's created and modified must be times") from None
    if moment.tzinfo is None:
        raise ValueError("an annotation's times must have their time zone")
    return moment


def _object(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object")
    return value


def _text(item: Mapping[str, object], key: str, what: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{what}'s {key} must be text")
    return value


def _whole(item: Mapping[str, object], key: str) -> int:
    value = item.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"a TextPositionSelector's {key} must be a whole number")
    return value


def _record_id(value: object, what: str) -> str:
    """The record id in a ``urn:uuid:`` reference, in canonical form."""
    if not isinstance(value, str) or not value.startswith("urn:uuid:"):
        raise ValueError(f"{what} must be identified by a urn:uuid:")
    text = value[len("urn:uuid:") :]
    try:
        canonical = str(uuid.UUID(text))
    except ValueError:
        raise ValueError(f"{what} must be identified by a urn:uuid:") from None
    if canonical != text:
        raise ValueError(f"{what}'s urn:uuid: is not in canonical form")
    return text
