"""The operations the GUI runs on the archive's worker thread (see worker.py).

Each function here returns an operation: a callable that takes the worker's ``Session``,
does its work through the core, and returns plain values (frozen dataclasses, bytes), never
cursors or live records of the database. Nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path

from amanat.core import search, settings
from amanat.core.dates import FuzzyDate
from amanat.core.demo import DEMO_PASSWORD, build_demo
from amanat.core.jobs import Cancel
from amanat.core.keyslots import KdfParams
from amanat.core.records import (
    Consent,
    Document,
    DocumentKind,
    Page,
    Person,
    Provenance,
    Role,
    Tag,
    Text,
    TextStatus,
)
from amanat.core.scans import ImportOptions, ImportProgress, ImportReport, import_files, previews
from amanat.core.search import SearchFilters, SearchHit
from amanat.core.settings import ArchiveSettings
from amanat.core.storage import documents, pages, people, tags, texts
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive, check_new_password
from amanat.gui.worker import Operation, Session

# --- Opening and locking -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opened:
    folder: Path
    recovery_code: str | None = None
    """Only just after creating an archive with one: shown once, then forgotten."""


def open_archive(folder: Path, password: str, actor: str = "") -> Operation[Opened]:
    def run(session: Session) -> Opened:
        session.close()
        session.archive = Archive.open(folder, password, actor=actor)
        return Opened(folder)

    return run


def create_archive(
    folder: Path,
    password: str,
    with_recovery_code: bool,
    kdf: KdfParams | None = None,
    actor: str = "",
) -> Operation[Opened]:
    def run(session: Session) -> Opened:
        check_new_password(password)
        session.close()
        session.archive = Archive.create(folder, password, kdf=kdf, actor=actor)
        code = session.archive.add_recovery_code(kdf) if with_recovery_code else None
        return Opened(folder, code)

    return run


def open_demo(
    folder: Path, kdf: KdfParams | None = None, progress: Callable[[int, int], None] | None = None
) -> Operation[Opened]:
    """Open the demo archive at ``folder``, building it first if it is not there yet."""

    def run(session: Session) -> Opened:
        session.close()
        if not folder.exists():
            folder.parent.mkdir(parents=True, exist_ok=True)
            build_demo(folder, kdf=kdf, progress=progress)
        session.archive = Archive.open(folder, DEMO_PASSWORD, actor="demo")
        return Opened(folder)

    return run


def close_archive(session: Session) -> None:
    session.close()


# --- The sidebar ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TagEntry:
    tag: Tag
    path: str


@dataclass(frozen=True, slots=True)
class SidebarContent:
    prisoners: tuple[Person, ...]
    others: tuple[Person, ...]
    tags: tuple[Tag, ...]
    trash_count: int


def load_sidebar(session: Session) -> SidebarContent:
    db = session.require().db
    everyone = people.all_people(db)  # prisoners first, then by name
    in_trash = documents.count_matching(db, DocumentFilter(in_trash=True))
    return SidebarContent(
        prisoners=tuple(p for p in everyone if Role.PRISONER in p.roles),
        others=tuple(p for p in everyone if Role.PRISONER not in p.roles),
        tags=tuple(tags.all_tags(db)),
        trash_count=in_trash,
    )


# --- The document list ---------------------------------------------------------------------


class DocumentColumn(IntEnum):
    TITLE = 0
    DATE = 1
    KIND = 2
    PEOPLE = 3
    TAGS = 4


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of the document list, as the list shows it."""

    id: str
    title: str
    date: FuzzyDate | None
    kind: DocumentKind
    people: tuple[str, ...]
    tags: tuple[tuple[str, str], ...]
    """(full name, colour) of each tag."""
    thumbnail: bytes | None


_ORDERS = {
    DocumentColumn.TITLE: "title",
    DocumentColumn.DATE: "date",
    DocumentColumn.KIND: "kind",
    DocumentColumn.PEOPLE: "people",
    DocumentColumn.TAGS: "tags",
}


def document_ids(
    where: DocumentFilter, column: DocumentColumn, descending: bool
) -> Operation[list[str]]:
    """The ids of the documents ``where`` selects, in the order of ``column``: one query,
    however many documents there are."""

    def run(session: Session) -> list[str]:
        return documents.ids(session.require().db, where, _ORDERS[column], descending)

    return run


def document_rows(ids: Sequence[str]) -> Operation[list[DocumentRow]]:
    """The rows of a page of the list: a few queries for the lot, then one small lookup per
    thumbnail."""

    def run(session: Session) -> list[DocumentRow]:
        db = session.require().db
        rows = []
        for summary in documents.summaries(db, ids):
            thumbnail = (
                pages.image(db, summary.first_page_id, "thumbnail")
                if summary.first_page_id
                else None
            )
            rows.append(
                DocumentRow(
                    id=summary.id,
                    title=summary.title,
                    date=summary.date,
                    kind=summary.kind,
                    people=summary.people,
                    tags=summary.tags,
                    thumbnail=thumbnail.data if thumbnail else None,
                )
            )
        return rows

    return run


# --- One document ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentDetails:
    document: Document
    people: dict[str, Person]
    tags: tuple[TagEntry, ...]
    texts: tuple[Text, ...]
    pages: tuple[Page, ...]


def document_details(document_id: str) -> Operation[DocumentDetails]:
    def run(session: Session) -> DocumentDetails:
        db = session.require().db
        document = documents.get(db, document_id)
        return DocumentDetails(
            document=document,
            people={p: people.get(db, p) for p in document.people_ids},
            tags=tuple(
                sorted(
                    (TagEntry(tags.get(db, t), tags.path_of(db, t)) for t in document.tag_ids),
                    key=lambda entry: entry.path,
                )
            ),
            texts=tuple(texts.texts_of(db, document_id)),
            pages=tuple(pages.pages_of(db, document_id)),
        )

    return run


def page_preview(page_id: str) -> Operation[bytes | None]:
    """The page's preview image, kept in memory only: never a file on disk."""

    def run(session: Session) -> bytes | None:
        db = session.require().db
        # A page shown before the background pass reached it gets its preview now.
        image = pages.image(db, page_id, "preview") or previews.make_preview(db, page_id)
        return image.data if image else None

    return run


PREVIEWS_AT_A_TIME = 4
"""Pages given a preview per turn of the background pass: about a third of a second of work
on an old laptop, so whatever the user asks for next waits no longer than that."""


def make_some_previews(session: Session) -> int:
    """One turn of the background pass: previews for a few pages that have none. Returns how
    many were made: 0 when none is left, or only pages that cannot be drawn (which keep their
    thumbnail), so the pass then stops instead of trying them again and again."""
    db = session.require().db
    return previews.make_previews(db, previews.missing(db, PREVIEWS_AT_A_TIME))


# --- Search --------------------------------------------------------------------------------

SEARCH_LIMIT = 200
"""Results shown for one query: more than anyone reads; a narrower query finds the rest."""


def search_archive(
    query: str, filters: SearchFilters, cancel: Cancel | None = None
) -> Operation[list[SearchHit]]:
    def run(session: Session) -> list[SearchHit]:
        return search.search(session.require().db, query, filters, SEARCH_LIMIT, cancel)

    return run


# --- Importing scans -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlaggedPage:
    """A page just imported whose metadata could lead someone to the family."""

    document_title: str
    number: int
    original_name: str
    has_location: bool
    has_person_name: bool


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    report: ImportReport
    flagged: tuple[FlaggedPage, ...]


def import_scans(
    paths: Sequence[Path],
    options: ImportOptions,
    progress: Callable[[ImportProgress], None],
    cancel: Callable[[], bool],
) -> Operation[ImportOutcome]:
    """Import files on the worker thread. ``progress`` is called on that thread, so the GUI
    passes a queued signal's emit; ``cancel`` is read there between files."""

    def run(session: Session) -> ImportOutcome:
        db = session.require().db
        report = import_files(db, list(paths), options, progress, cancel)
        flagged = []
        for document in report.documents:
            for page in pages.flagged_pages(db, document.document_id):
                details = pages.scan_details(db, page.id)
                flagged.append(
                    FlaggedPage(
                        document.title,
                        page.number,
                        page.original_name,
                        details.has_location,
                        details.has_person_name,
                    )
                )
        return ImportOutcome(report, tuple(flagged))

    return run


# --- Tags on a document --------------------------------------------------------------------


def tag_entries(session: Session) -> list[TagEntry]:
    """Every tag with its full path, for completing what the user types."""
    db = session.require().db
    return sorted(
        (TagEntry(tag, tags.path_of(db, tag.id)) for tag in tags.all_tags(db)),
        key=lambda entry: entry.path.casefold(),
    )


@dataclass(frozen=True, slots=True)
class TagChange:
    entry: TagEntry
    changed: bool
    """False when the document already had (or already lacked) the tag: nothing to undo."""


def add_tag(document_id: str, path: str, colour: str | None = None) -> Operation[TagChange]:
    """Put the tag ``path`` ("conditions/solitary") on a document, making the tag and any
    missing parents first, in ``colour`` when given (an existing tag keeps its own)."""

    def run(session: Session) -> TagChange:
        db = session.require().db
        with db.transaction():
            tag = tags.ensure(db, path, colour)
            entry = TagEntry(tag, tags.path_of(db, tag.id))
            document = documents.get(db, document_id)
            if tag.id in document.tag_ids:
                return TagChange(entry, False)
            documents.update(db, replace(document, tag_ids=(*document.tag_ids, tag.id)))
        return TagChange(entry, True)

    return run


def remove_tag(document_id: str, path: str) -> Operation[TagChange | None]:
    """Take the tag ``path`` off a document (the tag itself stays); None when there is no
    such tag. By path, not id, so undoing an add that made the tag needs nothing from it."""

    def run(session: Session) -> TagChange | None:
        db = session.require().db
        with db.transaction():
            tag = tags.find(db, path)
            if tag is None:
                return None
            entry = TagEntry(tag, tags.path_of(db, tag.id))
            document = documents.get(db, document_id)
            if tag.id not in document.tag_ids:
                return TagChange(entry, False)
            kept = tuple(t for t in document.tag_ids if t != tag.id)
            documents.update(db, replace(document, tag_ids=kept))
        return TagChange(entry, True)

    return run


def set_tag_colour(tag_id: str, colour: str) -> Operation[Tag]:
    def run(session: Session) -> Tag:
        db = session.require().db
        with db.transaction():
            return tags.update(db, replace(tags.get(db, tag_id), colour=colour))

    return run


# --- Texts of a document -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextContent:
    """What the text editor changes: the rest of a text (its kind, who made it) stays."""

    body: str
    language: str
    status: TextStatus

    @classmethod
    def of(cls, text: Text) -> TextContent:
        return cls(text.body, text.language, text.status)


def save_text(text_id: str, content: TextContent) -> Operation[Text]:
    """Give a text ``content``. Undoing a save runs this again with the content before it,
    so each direction reads the text afresh and touches nothing else of it."""

    def run(session: Session) -> Text:
        db = session.require().db
        with db.transaction():
            current = texts.get(db, text_id)
            return texts.update(
                db,
                replace(
                    current, body=content.body, language=content.language, status=content.status
                ),
            )

    return run


def add_text(text: Text) -> Operation[Text]:
    def run(session: Session) -> Text:
        return texts.add(session.require().db, text)

    return run


def delete_text(text_id: str) -> Operation[Text]:
    """Take a text out again (the undo of adding it)."""

    def run(session: Session) -> Text:
        return texts.delete(session.require().db, text_id)

    return run


# --- A document's details ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentFields:
    """What the details dialog changes. Tags and the trash are not among them, so undoing an
    edit of the details never takes back a tag added since."""

    title: str
    kind: DocumentKind
    date: FuzzyDate | None
    author_id: str | None
    concerned_ids: tuple[str, ...]
    provenance: Provenance
    consent: Consent
    recipient_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, document: Document) -> DocumentFields:
        return cls(
            document.title,
            document.kind,
            document.date,
            document.author_id,
            document.concerned_ids,
            document.provenance,
            document.consent,
            document.recipient_ids,
        )


def save_document_fields(document_id: str, fields: DocumentFields) -> Operation[Document]:
    def run(session: Session) -> Document:
        db = session.require().db
        with db.transaction():
            current = documents.get(db, document_id)
            return documents.update(
                db,
                replace(
                    current,
                    title=fields.title,
                    kind=fields.kind,
                    date=fields.date,
                    author_id=fields.author_id,
                    concerned_ids=fields.concerned_ids,
                    recipient_ids=fields.recipient_ids,
                    provenance=fields.provenance,
                    consent=fields.consent,
                ),
            )

    return run


# --- The trash -----------------------------------------------------------------------------


def move_to_trash(document_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        documents.move_to_trash(session.require().db, document_id)

    return run


def restore_from_trash(document_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        documents.restore_from_trash(session.require().db, document_id)

    return run


def empty_trash(session: Session) -> int:
    return documents.empty_trash(session.require().db)


def document_title(document_id: str) -> Operation[str]:
    def run(session: Session) -> str:
        return documents.get(session.require().db, document_id).title

    return run


# --- A person ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonDetails:
    person: Person
    document_count: int


def person_details(person_id: str) -> Operation[PersonDetails]:
    def run(session: Session) -> PersonDetails:
        db = session.require().db
        return PersonDetails(
            people.get(db, person_id),
            documents.count_matching(db, DocumentFilter(person_id=person_id)),
        )

    return run


# --- Settings kept in the archive ----------------------------------------------------------


def load_settings(session: Session) -> ArchiveSettings:
    """The archive's settings; its annotator name becomes the actor of the audit log."""
    db = session.require().db
    stored = settings.load(db)
    if stored.annotator_name:
        db.actor = stored.annotator_name
    return stored


def save_settings(chosen: ArchiveSettings) -> Operation[ArchiveSettings]:
    def run(session: Session) -> ArchiveSettings:
        db = session.require().db
        saved = settings.save(db, chosen)
        if saved.annotator_name is not None:
            db.actor = saved.annotator_name
        return saved

    return run
