"""Records as the JSON files inside a bundle, and back.

Writing is canonical (sorted keys, UTF-8, two-space indent, so an advocate can read them and
the same record always gives the same bytes). Reading is strict: a bundle comes from outside,
so every field is checked for its type and allowed values, and anything else raises
``ValueError`` (or ``KeyError``/``TypeError``), which the importer turns into one sentence.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from amanat.core import bounded_json, dates
from amanat.core.audit import AuditEntry
from amanat.core.bundle import timed_lines, web_annotation
from amanat.core.bundle.timed_lines import TimedLine
from amanat.core.dates import FuzzyDate
from amanat.core.records import (
    Annotation,
    Audience,
    Consent,
    Document,
    DocumentKind,
    Event,
    EventType,
    Page,
    Person,
    PersonStatus,
    Provenance,
    Role,
    Tag,
    Text,
    TextKind,
    TextStatus,
)

JsonObject = dict[str, Any]
E = TypeVar("E", bound=StrEnum)

# The folders of records/ in a bundle, in the order the importer applies them: a record only
# refers to kinds before it.
KINDS = ("tags", "people", "documents", "pages", "texts", "events", "annotations")


def encode(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def decode(data: bytes) -> JsonObject:
    # Bounded like the manifest: 100,000 nested brackets must be damage, not RecursionError.
    value = bounded_json.loads(data, len(data))
    if not isinstance(value, dict):
        raise ValueError("a record must be a JSON object")
    return value


# --- Writing -----------------------------------------------------------------------------


def _time(moment: datetime.datetime) -> str:
    return moment.isoformat()


def _date(date: FuzzyDate | None) -> object:
    return None if date is None else dates.to_dict(date)


def person_json(person: Person, pseudonym: bool = False) -> JsonObject:
    return {
        "id": person.id,
        "display_name": person.display_name,
        "name_fa": person.name_fa,
        "name_latin": person.name_latin,
        "aliases": list(person.aliases),
        "roles": [role.value for role in person.roles],
        "birth_year": person.birth_year,
        "status": person.status.value,
        "notes": person.notes,
        "pseudonym": pseudonym,
        "created": _time(person.created),
        "modified": _time(person.modified),
    }


def document_json(document: Document) -> JsonObject:
    return {
        "id": document.id,
        "kind": document.kind.value,
        "title": document.title,
        "date": _date(document.date),
        "author_id": document.author_id,
        "recipient_ids": list(document.recipient_ids),
        "concerned_ids": list(document.concerned_ids),
        "languages": list(document.languages),
        "provenance": {
            "received_from": document.provenance.received_from,
            "received_on": _date(document.provenance.received_on),
            "how": document.provenance.how,
        },
        "consent": {
            "audience": document.consent.audience.value,
            "anonymise": document.consent.anonymise,
            "withdrawn": document.consent.withdrawn,
        },
        "tag_ids": list(document.tag_ids),
        "created": _time(document.created),
        "modified": _time(document.modified),
    }


@dataclass(frozen=True, slots=True)
class BundledPage:
    """A page as it travels: the Page record describes the file that leaves (for a sanitised
    copy: its hash, type, size and pixel size), plus what only an original carries."""

    page: Page
    sanitised: bool
    source_page: int | None = None
    """Which frame of a multi-page original this page is; None for a sanitised copy."""
    metadata: str = "{}"
    """The metadata report (JSON) of an original; "{}" for a sanitised copy, which has none."""
    has_location: bool = False
    has_person_name: bool = False


def page_json(bundled: BundledPage) -> JsonObject:
    page = bundled.page
    value: JsonObject = {
        "id": page.id,
        "document_id": page.document_id,
        "number": page.number,
        "sha256": page.sha256,
        "mime_type": page.mime_type,
        "size": page.size,
        "width": page.width,
        "height": page.height,
        "rotation": page.rotation,
        "original_name": page.original_name,
        "imported": _time(page.imported),
        "created": _time(page.created),
        "modified": _time(page.modified),
        "sanitised": bundled.sanitised,
        "source_page": bundled.source_page,
        "metadata": json.loads(bundled.metadata),
        "has_location": bundled.has_location,
        "has_person_name": bundled.has_person_name,
    }
    if not bundled.sanitised:
        # Evidence that this is the very file the family gave. Only for originals: the hash
        # of an original that stayed home could match a copy found on a seized phone.
        value["original_sha256"] = page.sha256
    return value


def text_json(text: Text, timed: Sequence[TimedLine] = ()) -> JsonObject:
    """A text; with ``timed``, the times at which its lines are spoken in the recording
    (absent when it has none, as in bundles made before time codes could leave)."""
    value: JsonObject = {
        "id": text.id,
        "document_id": text.document_id,
        "kind": text.kind.value,
        "language": text.language,
        "body": text.body,
        "made_by": text.made_by,
        "status": text.status.value,
        "created": _time(text.created),
        "modified": _time(text.modified),
    }
    if timed:
        value["timecodes"] = timed_lines.to_json(timed)
    return value


def tag_json(tag: Tag) -> JsonObject:
    return {
        "id": tag.id,
        "name": tag.name,
        "colour": tag.colour,
        "parent_id": tag.parent_id,
        "created": _time(tag.created),
        "modified": _time(tag.modified),
    }


def event_json(event: Event) -> JsonObject:
    return {
        "id": event.id,
        "person_id": event.person_id,
        "type": event.type.value,
        "date": _date(event.date),
        "end_date": _date(event.end_date),
        "ongoing": event.ongoing,
        "place": event.place,
        "description": event.description,
        "source_ids": list(event.source_ids),
        "tag_ids": list(event.tag_ids),
        "created": _time(event.created),
        "modified": _time(event.modified),
    }


def annotation_json(
    annotation: Annotation, tag_paths: Mapping[str, str] | None = None
) -> JsonObject:
    """An annotation as a W3C Web Annotation (see web_annotation.py); ``tag_paths`` names its
    tags for readers other than Amanat."""
    return web_annotation.annotation_json(annotation, tag_paths or {})


def audit_json(entry: AuditEntry) -> JsonObject:
    return {
        "seq": entry.seq,
        "time": entry.time,
        "actor": entry.actor,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "summary": entry.summary,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


# --- Reading -----------------------------------------------------------------------------


class _Fields:
    """Typed access to a JSON object from outside; every getter raises ValueError."""

    def __init__(self, value: object, what: str) -> None:
        if not isinstance(value, dict):
            raise ValueError(f"{what} must be a JSON object")
        self._value: Mapping[str, object] = value
        self._what = what

    def _get(self, key: str) -> object:
        if key not in self._value:
            raise ValueError(f"{self._what} has no “{key}”")
        return self._value[key]

    def _wrong(self, key: str, kind: str) -> ValueError:
        return ValueError(f"{self._what}: “{key}” must be {kind}")

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._wrong(key, "text")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self._get(key) is None else self.text(key)

    def id(self, key: str = "id") -> str:
        return _checked_id(self.text(key), self._what)

    def optional_id(self, key: str) -> str | None:
        return None if self._get(key) is None else self.id(key)

    def ids(self, key: str) -> tuple[str, ...]:
        return tuple(_checked_id(value, self._what) for value in self.texts(key))

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._wrong(key, "a list of texts")
        return tuple(value)

    def whole(self, key: str) -> int:
        value = self._get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._wrong(key, "a whole number")
        return value

    def optional_whole(self, key: str) -> int | None:
        return None if self._get(key) is None else self.whole(key)

    def number(self, key: str) -> float:
        value = self._get(key)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._wrong(key, "a number")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._wrong(key, "true or false")
        return value

    def moment(self, key: str) -> datetime.datetime:
        moment = datetime.datetime.fromisoformat(self.text(key))
        if moment.tzinfo is None:
            raise self._wrong(key, "a time with its time zone")
        return moment

    def fuzzy_date(self, key: str) -> FuzzyDate | None:
        value = self._get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self._wrong(key, "a date")
        return dates.from_dict(value)

    def choice(self, key: str, kind: type[E]) -> E:
        return kind(self.text(key))

    def choices(self, key: str, kind: type[E]) -> tuple[E, ...]:
        return tuple(kind(value) for value in self.texts(key))

    def nested(self, key: str) -> _Fields:
        return _Fields(self._get(key), f"{self._what} ({key})")

    def raw(self, key: str) -> object:
        return self._get(key)


def _checked_id(text: str, what: str) -> str:
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        raise ValueError(f"{what}: “{text[:40]}” is not a record id") from None
    if str(parsed) != text:
        raise ValueError(f"{what}: “{text[:40]}” is not a record id in canonical form")
    return text


def parse_person(value: object) -> tuple[Person, bool]:
    """The person, and whether the name is a pseudonym."""
    f = _Fields(value, "a person")
    person = Person(
        id=f.id(),
        display_name=f.text("display_name"),
        name_fa=f.text("name_fa"),
        name_latin=f.text("name_latin"),
        aliases=f.texts("aliases"),
        roles=f.choices("roles", Role),
        birth_year=f.optional_whole("birth_year"),
        status=f.choice("status", PersonStatus),
        notes=f.text("notes"),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )
    if not person.display_name.strip():
        raise ValueError("a person has no name")
    return person, f.flag("pseudonym")


def parse_document(value: object) -> Document:
    f = _Fields(value, "a document")
    provenance = f.nested("provenance")
    consent = f.nested("consent")
    document = Document(
        id=f.id(),
        kind=f.choice("kind", DocumentKind),
        title=f.text("title"),
        date=f.fuzzy_date("date"),
        author_id=f.optional_id("author_id"),
        recipient_ids=ids_in(f.ids("recipient_ids")),
        concerned_ids=ids_in(f.ids("concerned_ids")),
        languages=f.texts("languages"),
        provenance=Provenance(
            received_from=provenance.text("received_from"),
            received_on=provenance.fuzzy_date("received_on"),
            how=provenance.text("how"),
        ),
        consent=Consent(
            audience=consent.choice("audience", Audience),
            anonymise=consent.flag("anonymise"),
            withdrawn=consent.flag("withdrawn"),
        ),
        tag_ids=f.ids("tag_ids"),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )
    if not document.title.strip():
        raise ValueError("a document has no title")
    return document


def parse_page(value: object) -> BundledPage:
    f = _Fields(value, "a page")
    sha256 = f.text("sha256")
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("a page's sha256 is not a SHA-256 in hex")
    page = Page(
        id=f.id(),
        document_id=f.id("document_id"),
        number=f.whole("number"),
        sha256=sha256,
        mime_type=f.text("mime_type"),
        size=f.whole("size"),
        width=f.optional_whole("width"),
        height=f.optional_whole("height"),
        rotation=f.whole("rotation"),
        original_name=f.text("original_name"),
        imported=f.moment("imported"),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )
    if page.rotation % 90 or page.number < 1 or page.size < 0:
        raise ValueError("a page has an impossible number, size or rotation")
    metadata = f.raw("metadata")
    if not isinstance(metadata, dict):
        raise ValueError("a page's metadata must be a JSON object")
    return BundledPage(
        page=page,
        sanitised=f.flag("sanitised"),
        source_page=f.optional_whole("source_page"),
        metadata=json.dumps(metadata, ensure_ascii=False),
        has_location=f.flag("has_location"),
        has_person_name=f.flag("has_person_name"),
    )


def parse_text(value: object) -> Text:
    f = _Fields(value, "a text")
    text = Text(
        id=f.id(),
        document_id=f.id("document_id"),
        kind=f.choice("kind", TextKind),
        language=f.text("language"),
        body=f.text("body"),
        made_by=f.text("made_by"),
        status=f.choice("status", TextStatus),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )
    if not text.language.strip():
        raise ValueError("a text has no language")
    return text


def parse_text_times(value: object, text: Text) -> tuple[TimedLine, ...]:
    """The time codes of a text record (``parse_text`` gave ``text``): none when the record
    has no ``timecodes``."""
    if not isinstance(value, dict) or "timecodes" not in value:
        return ()
    return timed_lines.parse(value["timecodes"], text.body)


def parse_tag(value: object) -> Tag:
    f = _Fields(value, "a tag")
    return Tag(
        id=f.id(),
        name=f.text("name"),
        colour=f.text("colour"),
        parent_id=f.optional_id("parent_id"),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )


def parse_event(value: object) -> Event:
    f = _Fields(value, "an event")
    date = f.fuzzy_date("date")
    if date is None:
        raise ValueError("an event has no date")
    event = Event(
        id=f.id(),
        person_id=f.id("person_id"),
        type=f.choice("type", EventType),
        date=date,
        end_date=f.fuzzy_date("end_date"),
        ongoing=f.flag("ongoing"),
        place=f.text("place"),
        description=f.text("description"),
        source_ids=f.ids("source_ids"),
        tag_ids=f.ids("tag_ids"),
        created=f.moment("created"),
        modified=f.moment("modified"),
    )
    dates.validate_span(event.date, event.end_date)
    return event


def parse_annotation(value: object) -> Annotation:
    """Always shareable: only shareable annotations are ever written (see web_annotation.py)."""
    return web_annotation.parse_annotation(value)


def parse_audit(value: object) -> list[AuditEntry]:
    if not isinstance(value, list):
        raise ValueError("the audit entries must be a JSON list")
    entries = []
    for item in value:
        f = _Fields(item, "an audit entry")
        entries.append(
            AuditEntry(
                seq=f.whole("seq"),
                time=f.text("time"),
                actor=f.text("actor"),
                action=f.text("action"),
                record_type=f.text("record_type"),
                record_id=f.text("record_id"),
                summary=f.text("summary"),
                prev_hash=f.text("prev_hash"),
                hash=f.text("hash"),
            )
        )
    if len({entry.seq for entry in entries}) != len(entries):
        raise ValueError("two audit entries have the same number")
    return entries


def ids_in(values: Sequence[str]) -> tuple[str, ...]:
    """Without repeats, in order."""
    return tuple(dict.fromkeys(values))
