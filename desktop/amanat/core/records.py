"""The records an archive holds: people, documents and their pages and texts, tags, events
and annotations. Small frozen values; the storage modules take and return them.

Ids are UUID strings so that records from different archives can meet in one archive
when a bundle is imported.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from amanat.core.dates import FuzzyDate


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> datetime.datetime:
    """The current time in UTC, to the second: enough for the record and stable in JSON."""
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0)


class Role(StrEnum):
    PRISONER = "prisoner"
    RELATIVE = "relative"
    LAWYER = "lawyer"
    WITNESS = "witness"
    OFFICIAL = "official"


class PersonStatus(StrEnum):
    DETAINED = "detained"
    RELEASED = "released"
    ON_FURLOUGH = "on-furlough"
    IN_EXILE = "in-exile"
    EXECUTED = "executed"
    DECEASED = "deceased"
    UNKNOWN = "unknown"


class DocumentKind(StrEnum):
    LETTER = "letter"
    TESTIMONY = "testimony"
    COURT = "court"
    NOTE = "note"
    OTHER = "other"


class Audience(StrEnum):
    """Who may see a testimony, from the narrowest circle to the widest."""

    PRIVATE = "private"
    LEGAL_TEAM = "legal-team"
    ADVOCATES = "advocates"
    PUBLIC = "public"


class TextKind(StrEnum):
    TRANSCRIPTION = "transcription"
    TRANSLATION = "translation"
    SUMMARY = "summary"


class TextStatus(StrEnum):
    DRAFT = "draft"
    CHECKED = "checked"


class Visibility(StrEnum):
    PRIVATE = "private"
    SHAREABLE = "shareable"


class EventType(StrEnum):
    ARREST = "arrest"
    INTERROGATION = "interrogation"
    CHARGE = "charge"
    TRIAL = "trial"
    SENTENCE = "sentence"
    APPEAL = "appeal"
    TRANSFER = "transfer"
    SOLITARY = "solitary-confinement"
    HUNGER_STRIKE = "hunger-strike"
    MEDICAL = "medical"
    VISIT = "visit"
    FURLOUGH = "furlough"
    RELEASE = "release"
    LETTER = "letter"
    TESTIMONY = "testimony"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Person:
    display_name: str
    name_fa: str = ""
    name_latin: str = ""
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    birth_year: int | None = None
    status: PersonStatus = PersonStatus.UNKNOWN
    notes: str = ""
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Provenance:
    """How a document reached the archive: from whom, when and how."""

    received_from: str = ""
    received_on: FuzzyDate | None = None
    how: str = ""


@dataclass(frozen=True, slots=True)
class Consent:
    """The witness's wishes for a testimony; withdrawn testimony never leaves the archive."""

    audience: Audience = Audience.PRIVATE
    anonymise: bool = False
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    kind: DocumentKind
    title: str
    date: FuzzyDate | None = None
    author_id: str | None = None
    recipient_ids: tuple[str, ...] = ()
    concerned_ids: tuple[str, ...] = ()
    """People the document is about (a letter's prisoner, a testimony's subject)."""
    languages: tuple[str, ...] = ()
    provenance: Provenance = Provenance()
    consent: Consent = Consent()
    tag_ids: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)
    trashed: datetime.datetime | None = None
    """When the document was moved to the trash; None while it is in the archive."""

    @property
    def people_ids(self) -> tuple[str, ...]:
        """Everyone the document names, author first, without repeats."""
        ids = ((self.author_id,) if self.author_id else ()) + self.recipient_ids
        return tuple(dict.fromkeys(ids + self.concerned_ids))


@dataclass(frozen=True, slots=True)
class Page:
    """One scan of a document. The original file is kept byte for byte, apart from this
    record, and read with ``pages.original_bytes``."""

    document_id: str
    number: int
    sha256: str
    mime_type: str
    size: int
    width: int | None = None
    height: int | None = None
    rotation: int = 0
    """Extra rotation for display only, in degrees clockwise; the original never changes."""
    original_name: str = ""
    imported: datetime.datetime = field(default_factory=now)
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Text:
    document_id: str
    kind: TextKind
    language: str
    body: str
    made_by: str = ""
    status: TextStatus = TextStatus.DRAFT
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT_LANGUAGES


RIGHT_TO_LEFT_LANGUAGES = frozenset({"fa", "ar", "he", "ur", "ckb", "ps", "yi"})


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    colour: str = "#808080"
    parent_id: str | None = None
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Event:
    person_id: str
    type: EventType
    date: FuzzyDate
    end_date: FuzzyDate | None = None
    """For spans (solitary confinement, a hunger strike); None for a moment or an open span."""
    ongoing: bool = False
    """A span that has not ended yet ("still on hunger strike")."""
    place: str = ""
    description: str = ""
    source_ids: tuple[str, ...] = ()
    tag_ids: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class TextRange:
    """An annotated passage of a text: character offsets and the passage as it was quoted."""

    text_id: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class ImageRegion:
    """An annotated rectangle on a page, as fractions of the page's width and height."""

    page_id: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class TimeRange:
    """An annotated stretch of a recording page: from ``start`` to ``end``, in seconds from
    the recording's beginning (kept to the millisecond)."""

    page_id: str
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Annotation:
    target: TextRange | ImageRegion | TimeRange
    body: str
    author: str = ""
    visibility: Visibility = Visibility.PRIVATE
    tag_ids: tuple[str, ...] = ()
    orphaned: bool = False
    """Its passage is gone from the text; it is kept and listed, never deleted silently."""
    document_id: str = ""
    """The document of its text or page, filled when read; kept when the text is deleted, so
    an orphaned annotation is still listed under its document."""
    linked_to: str | None = None
    """An image annotation's text annotation, or a text annotation's image annotation: the
    same passage seen in the scan and in the transcription. Set on both sides by ``link``."""
    id: str = field(default_factory=new_id)
    created: datetime.datetime = field(default_factory=now)
    modified: datetime.datetime = field(default_factory=now)
