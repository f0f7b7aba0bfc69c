"""The operations the GUI runs on the archive's worker thread (see worker.py).

Each function here returns an operation: a callable that takes the worker's ``Session``,
does its work through the core, and returns plain values (frozen dataclasses, bytes), never
cursors or live records of the database. Nothing here touches a widget.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from amanat.core.database import Database
from amanat.core.dates import FuzzyDate
from amanat.core.demo import DEMO_PASSWORD, build_demo
from amanat.core.keyslots import KdfParams
from amanat.core.records import Document, DocumentKind, Page, Person, Role, Tag, Text
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
    in_trash = len(documents.list_documents(db, DocumentFilter(in_trash=True)))
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


def document_ids(
    where: DocumentFilter, column: DocumentColumn, descending: bool
) -> Operation[list[str]]:
    """The ids of the documents ``where`` selects, in the order of ``column``.

    The core has no query for ids alone yet, so this reads the documents (without pages or
    texts) and sorts them here; the list model depends only on the ids it gets back.
    """

    def run(session: Session) -> list[str]:
        db = session.require().db
        found = documents.list_documents(db, where)
        if column is DocumentColumn.DATE:
            dated = [d for d in found if d.date is not None]
            undated = [d for d in found if d.date is None]
            dated.sort(key=lambda d: _date_key(d.date), reverse=descending)
            return [d.id for d in dated + undated]  # undated last either way
        names = _Names(db)
        # Lists of names sort as one string joined by a character below every letter.
        keys: dict[DocumentColumn, Callable[[Document], str]] = {
            DocumentColumn.TITLE: lambda d: d.title.casefold(),
            DocumentColumn.KIND: lambda d: d.kind.value,
            DocumentColumn.PEOPLE: lambda d: "\x00".join(names.people(d)).casefold(),
            DocumentColumn.TAGS: lambda d: "\x00".join(n for n, _ in names.tags(d)).casefold(),
        }
        key = keys[column]
        found.sort(key=lambda d: (key(d), d.id), reverse=descending)
        return [d.id for d in found]

    return run


def document_rows(ids: Sequence[str]) -> Operation[list[DocumentRow]]:
    def run(session: Session) -> list[DocumentRow]:
        db = session.require().db
        names = _Names(db)
        rows = []
        for document_id in ids:
            document = documents.get(db, document_id)
            first = pages.pages_of(db, document_id)[:1]
            thumbnail = pages.image(db, first[0].id, "thumbnail") if first else None
            rows.append(
                DocumentRow(
                    id=document.id,
                    title=document.title,
                    date=document.date,
                    kind=document.kind,
                    people=names.people(document),
                    tags=names.tags(document),
                    thumbnail=thumbnail.data if thumbnail else None,
                )
            )
        return rows

    return run


def _date_key(date: FuzzyDate | None) -> tuple[datetime.date, datetime.date]:
    assert date is not None  # only dated documents are sorted by date
    return date.sort_key


class _Names:
    """People's and tags' names for one operation, each looked up once."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._people: dict[str, str] = {}
        self._tags: dict[str, tuple[str, str]] = {}

    def people(self, document: Document) -> tuple[str, ...]:
        for person_id in document.people_ids:
            if person_id not in self._people:
                self._people[person_id] = people.get(self._db, person_id).display_name
        return tuple(self._people[p] for p in document.people_ids)

    def tags(self, document: Document) -> tuple[tuple[str, str], ...]:
        for tag_id in document.tag_ids:
            if tag_id not in self._tags:
                tag = tags.get(self._db, tag_id)
                self._tags[tag_id] = (tags.path_of(self._db, tag_id), tag.colour)
        return tuple(sorted(self._tags[t] for t in document.tag_ids))


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
        image = pages.image(session.require().db, page_id, "preview")
        return image.data if image else None

    return run
