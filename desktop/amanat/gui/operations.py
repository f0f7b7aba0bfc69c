"""The operations the GUI runs on the archive's worker thread (see worker.py).

Each function here returns an operation: a callable that takes the worker's ``Session`` and
hands its unlocked archive to the use case in ``amanat.app`` that does the work, returning
plain values (frozen dataclasses, bytes), never cursors or live records of the database. No
rule lives here: the command line calls the same use cases. Nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from amanat.app import (
    archives,
    documents,
    overview,
    people,
    previews,
    scans,
    search,
    settings,
    tags,
)
from amanat.app.documents import (
    CreatedDocument,
    DocumentDetails,
    DocumentFields,
    DocumentRow,
    TextContent,
)
from amanat.app.overview import SidebarContent
from amanat.app.people import PersonDetails
from amanat.app.previews import PREVIEWS_AT_A_TIME
from amanat.app.scans import FlaggedPage, ImportOutcome
from amanat.app.tags import TagChange, TagEntry
from amanat.core.jobs import Cancel, Report
from amanat.core.keyslots import KdfParams
from amanat.core.records import Document, Text
from amanat.core.scans import ImportOptions
from amanat.core.search import SearchFilters, SearchHit
from amanat.core.settings import ArchiveSettings
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive
from amanat.gui import labels
from amanat.gui.worker import Operation, Session

__all__ = [
    "PREVIEWS_AT_A_TIME",
    "CreatedDocument",
    "DocumentDetails",
    "DocumentFields",
    "DocumentRow",
    "FlaggedPage",
    "ImportOutcome",
    "PersonDetails",
    "SidebarContent",
    "TagChange",
    "TagEntry",
    "TextContent",
]

# --- Opening and locking -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opened:
    folder: Path
    recovery_code: str | None = None
    """Only just after creating an archive with one: shown once, then forgotten."""


def open_archive(
    folder: Path, password: str, actor: str = "", progress: Report | None = None
) -> Operation[Opened]:
    """Unlock the archive at ``folder``; ``progress`` hears how far the migration of an
    archive an older Amanat made is (nothing, for an archive already up to date)."""

    def run(session: Session) -> Opened:
        session.close()
        session.archive = Archive.open(folder, password, actor=actor, report=progress)
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
        # Made first: a password refused as too weak leaves the open archive as it was.
        created = archives.create_archive(folder, password, with_recovery_code, kdf, actor)
        session.close()
        session.archive = created.archive
        return Opened(folder, created.recovery_code)

    return run


def open_demo(
    folder: Path, kdf: KdfParams | None = None, progress: Report | None = None
) -> Operation[Opened]:
    """Open the demo archive at ``folder``, building it first if it is not there yet."""

    def run(session: Session) -> Opened:
        session.close()
        session.archive = archives.open_demo(folder, kdf, progress)
        return Opened(folder)

    return run


def close_archive(session: Session) -> None:
    session.close()


# --- The sidebar ---------------------------------------------------------------------------


def load_sidebar(session: Session) -> SidebarContent:
    return overview.overview(session.require())


# --- The document list ---------------------------------------------------------------------


class DocumentColumn(IntEnum):
    TITLE = 0
    DATE = 1
    KIND = 2
    PEOPLE = 3
    TAGS = 4


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
    order = _ORDERS[column]
    if column is DocumentColumn.PEOPLE and labels.interface_language() == "fa":
        order = "people-fa"  # by the names the reader sees

    def run(session: Session) -> list[str]:
        return documents.document_ids(session.require(), where, order, descending)

    return run


def document_rows(ids: Sequence[str]) -> Operation[list[DocumentRow]]:
    def run(session: Session) -> list[DocumentRow]:
        return documents.document_rows(session.require(), ids)

    return run


# --- One document ------------------------------------------------------------------------


def document_details(document_id: str) -> Operation[DocumentDetails]:
    def run(session: Session) -> DocumentDetails:
        return documents.document_details(session.require(), document_id)

    return run


def page_preview(page_id: str) -> Operation[bytes | None]:
    def run(session: Session) -> bytes | None:
        return previews.page_preview(session.require(), page_id)

    return run


def make_some_previews(
    session: Session,
    progress: Report | None = None,
    cancel: Cancel | None = None,
    passed_over: set[str] | None = None,
) -> int:
    return previews.make_some_previews(session.require(), progress, cancel, passed_over)


# --- Search --------------------------------------------------------------------------------

SEARCH_LIMIT = 200
"""Results shown for one query: more than anyone reads; a narrower query finds the rest."""


def search_archive(
    query: str, filters: SearchFilters, cancel: Cancel | None = None
) -> Operation[list[SearchHit]]:
    def run(session: Session) -> list[SearchHit]:
        return search.search_archive(session.require(), query, filters, SEARCH_LIMIT, cancel)

    return run


# --- Importing scans -----------------------------------------------------------------------


def import_scans(
    paths: Sequence[Path], options: ImportOptions, progress: Report, cancel: Cancel
) -> Operation[ImportOutcome]:
    """Import files on the worker thread. ``progress`` is called on that thread, so the GUI
    passes a queued signal's emit; ``cancel`` is read there between files."""

    def run(session: Session) -> ImportOutcome:
        return scans.import_scans(session.require(), paths, options, progress, cancel)

    return run


# --- Tags on a document --------------------------------------------------------------------


def tag_entries(session: Session) -> list[TagEntry]:
    return tags.all_entries(session.require())


def add_tag(document_id: str, path: str, colour: str | None = None) -> Operation[TagChange]:
    def run(session: Session) -> TagChange:
        return tags.tag_document(session.require(), document_id, path, colour)

    return run


def remove_tag(document_id: str, path: str) -> Operation[TagChange | None]:
    def run(session: Session) -> TagChange | None:
        return tags.untag_document(session.require(), document_id, path)

    return run


# --- Texts of a document -------------------------------------------------------------------


def save_text(text_id: str, content: TextContent) -> Operation[Text]:
    def run(session: Session) -> Text:
        return documents.save_text(session.require(), text_id, content)

    return run


def add_text(text: Text) -> Operation[Text]:
    def run(session: Session) -> Text:
        return documents.add_text(session.require(), text)

    return run


def delete_text(text_id: str) -> Operation[Text]:
    def run(session: Session) -> Text:
        return documents.delete_text(session.require(), text_id)

    return run


# --- A document's details ------------------------------------------------------------------


def save_document_fields(document_id: str, fields: DocumentFields) -> Operation[Document]:
    def run(session: Session) -> Document:
        return documents.save_fields(session.require(), document_id, fields)

    return run


def create_document(fields: DocumentFields, language: str) -> Operation[CreatedDocument]:
    """A document without scans and its first text, empty, in ``language``."""

    def run(session: Session) -> CreatedDocument:
        return documents.create_document(session.require(), fields, language)

    return run


# --- The trash -----------------------------------------------------------------------------


def move_to_trash(document_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        documents.move_to_trash(session.require(), document_id)

    return run


def restore_from_trash(document_id: str) -> Operation[None]:
    def run(session: Session) -> None:
        documents.restore_from_trash(session.require(), document_id)

    return run


def empty_trash(session: Session) -> int:
    people.empty_trash(session.require())  # the people in the trash go with the documents
    return documents.empty_trash(session.require())


def document_title(document_id: str) -> Operation[str]:
    def run(session: Session) -> str:
        return documents.document_title(session.require(), document_id)

    return run


# --- A person ------------------------------------------------------------------------------


def person_details(person_id: str) -> Operation[PersonDetails]:
    def run(session: Session) -> PersonDetails:
        return people.person_details(session.require(), person_id)

    return run


# --- Settings kept in the archive ----------------------------------------------------------


def load_settings(session: Session) -> ArchiveSettings:
    return settings.load_settings(session.require())


def save_settings(chosen: ArchiveSettings) -> Operation[ArchiveSettings]:
    def run(session: Session) -> ArchiveSettings:
        return settings.save_settings(session.require(), chosen)

    return run
