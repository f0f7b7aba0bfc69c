"""Documents: adding one with its texts and pages, listing and reading them, changing their
details and texts, the trash."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from amanat.app import tags as tag_paths
from amanat.app.tags import TagEntry
from amanat.core.database import Database
from amanat.core.dates import FuzzyDate
from amanat.core.records import (
    Consent,
    Document,
    DocumentKind,
    Page,
    Person,
    Provenance,
    Text,
    TextKind,
    TextStatus,
)
from amanat.core.storage import documents, page_order, pages, people, texts
from amanat.core.storage.documents import DocumentFilter, DocumentSummary
from amanat.core.vault import Archive

# --- Adding ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document as the user describes it: its texts and scans already read into memory."""

    kind: DocumentKind
    title: str
    date: FuzzyDate | None = None
    author_id: str | None = None
    concerned_ids: tuple[str, ...] = ()
    tag_paths: tuple[str, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    """(body, language) of each text: the first language's are transcriptions, the others
    translations."""
    pages: tuple[tuple[str, bytes], ...] = ()
    """(file name, content) of each scan, in page order."""


def add_document(archive: Archive, new: NewDocument) -> Document:
    """Add a document, its texts and pages in one transaction: all of it or none."""
    from amanat.core.scans.importer import add_pages  # Pillow is loaded only when needed

    db = archive.db
    languages = tuple(dict.fromkeys(language for _, language in new.texts))
    with db.transaction():
        for person_id in (*new.concerned_ids, *((new.author_id,) if new.author_id else ())):
            people.get(db, person_id)  # an unknown id is refused before anything is written
        document = documents.add(
            db,
            Document(
                kind=new.kind,
                title=new.title,
                date=new.date,
                author_id=new.author_id,
                concerned_ids=tuple(dict.fromkeys(new.concerned_ids)),
                languages=languages,
                tag_ids=tag_paths.ids_of_paths(db, new.tag_paths),
            ),
        )
        for body, language in new.texts:
            kind = TextKind.TRANSCRIPTION if language == languages[0] else TextKind.TRANSLATION
            texts.add(db, Text(document_id=document.id, kind=kind, language=language, body=body))
        for name, data in new.pages:
            add_pages(db, document.id, data, Path(name).name)
    return document


# --- Listing -----------------------------------------------------------------------------


def list_documents(
    archive: Archive,
    person_id: str | None = None,
    tag_path: str | None = None,
    kind: DocumentKind | None = None,
    in_trash: bool = False,
) -> list[Document]:
    """The documents these filters select, newest first; a tag that does not exist is an
    error, not an empty list."""
    db = archive.db
    tag = tag_paths.existing(db, tag_path)
    return documents.list_documents(
        db,
        DocumentFilter(
            person_id=person_id, tag_id=tag.id if tag else None, kind=kind, in_trash=in_trash
        ),
    )


def document_ids(
    archive: Archive, where: DocumentFilter, order: str, descending: bool
) -> list[str]:
    """The ids of the documents ``where`` selects, in ``order`` (title, date, kind, people or
    tags): one query, however many documents there are."""
    return documents.ids(archive.db, where, order, descending)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of the document list: what storage reads for it, and its thumbnail."""

    summary: DocumentSummary
    thumbnail: bytes | None


def document_rows(archive: Archive, ids: Sequence[str]) -> list[DocumentRow]:
    """The rows of a page of the list: a few queries for the lot, then one small lookup per
    thumbnail."""
    db = archive.db
    rows = []
    for summary in documents.summaries(db, ids):
        thumbnail = (
            pages.image(db, summary.first_page_id, "thumbnail") if summary.first_page_id else None
        )
        rows.append(DocumentRow(summary, thumbnail.data if thumbnail else None))
    return rows


# --- One document ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentDetails:
    document: Document
    people: dict[str, Person]
    """Everyone the document names, by id."""
    tags: tuple[TagEntry, ...]
    """Its tags, by path."""
    texts: tuple[Text, ...]
    pages: tuple[Page, ...]


def document_details(archive: Archive, document_id: str) -> DocumentDetails:
    db = archive.db
    document = documents.get(db, document_id)
    return DocumentDetails(
        document=document,
        people={p: people.get(db, p) for p in document.people_ids},
        tags=tuple(
            sorted((tag_paths.entry(db, t) for t in document.tag_ids), key=lambda entry: entry.path)
        ),
        texts=tuple(texts.texts_of(db, document_id)),
        pages=tuple(pages.pages_of(db, document_id)),
    )


def document_title(archive: Archive, document_id: str) -> str:
    return documents.get(archive.db, document_id).title


# --- Changing it -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextContent:
    """What the text editor changes: the rest of a text (its kind, who made it) stays."""

    body: str
    language: str
    status: TextStatus

    @classmethod
    def of(cls, text: Text) -> TextContent:
        return cls(text.body, text.language, text.status)


def save_text(archive: Archive, text_id: str, content: TextContent) -> Text:
    """Give a text ``content``. Undoing a save runs this again with the content before it,
    so each direction reads the text afresh and touches nothing else of it."""
    db = archive.db
    with db.transaction():
        current = texts.get(db, text_id)
        return texts.update(
            db,
            replace(current, body=content.body, language=content.language, status=content.status),
        )


def add_text(archive: Archive, text: Text) -> Text:
    """Add a text to its document (a document that is not there is refused)."""
    return texts.add(archive.db, text)


def get_text(archive: Archive, text_id: str) -> Text:
    return texts.get(archive.db, text_id)


def texts_of(archive: Archive, document_id: str) -> list[Text]:
    """A document's texts in the order they were added; an unknown document is an error."""
    db = archive.db
    documents.get(db, document_id)
    return texts.texts_of(db, document_id)


def delete_text(archive: Archive, text_id: str) -> Text:
    """Take a text out again (the undo of adding it)."""
    return texts.delete(archive.db, text_id)


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


def save_fields(archive: Archive, document_id: str, fields: DocumentFields) -> Document:
    """Give a document ``fields``: the details dialog's save and its undo, and ``amanat doc
    edit``. A person named who is not in the archive is refused, and nothing changes."""
    db = archive.db
    with db.transaction():
        current = documents.get(db, document_id)
        _check_people(db, fields)
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


def _check_people(db: Database, fields: DocumentFields) -> None:
    named = (fields.author_id,) if fields.author_id else ()
    for person_id in dict.fromkeys((*named, *fields.recipient_ids, *fields.concerned_ids)):
        people.get(db, person_id)  # an unknown id is refused before anything is written


# --- A document typed in the window --------------------------------------------------------


def first_text_kind(kind: DocumentKind) -> TextKind:
    """The text a document made without scans starts with. A letter's or a witness's words
    written down are a transcription; a note is the writer's own account of something, which
    the archive calls a summary (as the demo's notes are)."""
    return TextKind.SUMMARY if kind is DocumentKind.NOTE else TextKind.TRANSCRIPTION


@dataclass(frozen=True, slots=True)
class CreatedDocument:
    document: Document
    text: Text
    """Its first text, empty, for the user to type or paste into."""


def create_document(archive: Archive, fields: DocumentFields, language: str) -> CreatedDocument:
    """A document with no scans (a letter typed from a photo elsewhere, a testimony a lawyer
    takes down, a note) and its first text, empty, in ``language``: both or neither. The
    text is stored empty so that what is typed into it is an ordinary save, kept at a lock
    like any other edit."""
    db = archive.db
    with db.transaction():
        _check_people(db, fields)
        document = documents.add(
            db,
            Document(
                kind=fields.kind,
                title=fields.title,
                date=fields.date,
                author_id=fields.author_id,
                recipient_ids=tuple(dict.fromkeys(fields.recipient_ids)),
                concerned_ids=tuple(dict.fromkeys(fields.concerned_ids)),
                languages=(language,),
                provenance=fields.provenance,
                consent=fields.consent,
            ),
        )
        text = texts.add(
            db,
            Text(
                document_id=document.id,
                kind=first_text_kind(fields.kind),
                language=language,
                body="",
            ),
        )
    return CreatedDocument(document, text)


# --- The trash ---------------------------------------------------------------------------


def move_to_trash(archive: Archive, document_id: str) -> None:
    documents.move_to_trash(archive.db, document_id)


def restore_from_trash(archive: Archive, document_id: str) -> None:
    documents.restore_from_trash(archive.db, document_id)


def empty_trash(archive: Archive) -> int:
    """Remove what is in the trash for good (removed pages too); returns how many documents
    went."""
    page_order.forget_removed(archive.db)
    return documents.empty_trash(archive.db)
