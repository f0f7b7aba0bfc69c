"""Importing scans: many files or whole folders in one go, each file a document, or all of
them the pages of one letter in the order given.

Files are read, hashed and drawn on a pool of two threads (Pillow and hashlib release the GIL
while they work); the database is written only on the calling thread, which owns it. Each file
is one transaction, or in one-document mode the whole letter is, so a cancel, a crash or a full
disk leaves only whole documents. A file that cannot be imported is reported with a sentence
naming it, and the other files go in all the same.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from amanat.core.background import worked_ahead
from amanat.core.database import Database
from amanat.core.errors import InvalidInput, ScanRefused
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.records import Document, DocumentKind, Page
from amanat.core.scans.formats import ScanLimits
from amanat.core.scans.reading import (
    KnownFile,
    Outcome,
    ReadFile,
    RefusedFile,
    read_data,
    read_scan,
)
from amanat.core.storage import documents, pages, people

WORKERS = 2
"""Both cores of the old laptops families use; more threads would only add memory."""
_CHECKPOINT_PAGES = 16384
"""During an import, SQLite folds its write-ahead log into the database every 64 MB instead of
every 4 MB (its default): with one 4 MB photo per transaction, the default would checkpoint, and
sync the whole database file, after nearly every file. Committed files are as safe either way."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    kind: DocumentKind = DocumentKind.LETTER
    person_ids: tuple[str, ...] = ()
    """People the documents concern (the prisoner whose letters these are)."""
    one_document: bool = False
    """All files become the pages of one document, in the order given."""
    title: str = ""
    """The documents' title; by default each file's name (the first file's, for one document)."""
    limits: ScanLimits = field(default_factory=ScanLimits)
    document_id: str | None = None
    """Add the pages to this document, after its last page, instead of making documents; each
    file is one transaction, so a cancel keeps the files added before it."""
    previews_later: bool = False
    """Give photos their thumbnails only, so the import ends sooner; the caller then makes
    the previews with ``scans.previews`` (see there)."""


ImportProgress = Progress
"""An import's progress counts files finished (imported, refused or skipped); ``current`` is
the file just finished, empty before the first."""


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    document_id: str
    title: str
    page_ids: tuple[str, ...]
    files: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Refusal:
    path: str
    error: ScanRefused

    @property
    def message(self) -> str:
        return self.error.message


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A file already in the archive (or given twice): recognised by its SHA-256, not stored
    again."""

    path: str
    page_id: str
    """A page that already holds it."""
    message: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    documents: tuple[ImportedDocument, ...]
    refused: tuple[Refusal, ...]
    duplicates: tuple[Duplicate, ...]
    notes: tuple[str, ...]
    files: int
    """Files found (after folders were opened), whether imported or not."""
    cancelled: bool

    @property
    def pages_added(self) -> int:
        return sum(len(d.page_ids) for d in self.documents)


class _Cancelled(Exception):
    """Unwinds the one-document transaction so a cancelled letter leaves nothing."""


def files_to_import(paths: Sequence[Path]) -> list[Path]:
    """The files to import, in the order given; a folder gives its files sorted by name,
    subfolders included, hidden files (a system's thumbnails, .DS_Store) left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                ),
                key=lambda p: [part.casefold() for part in p.relative_to(path).parts],
            )
        else:
            found.append(path)  # a missing file is refused by name when its turn comes
    return found


def import_files(
    db: Database,
    paths: Sequence[Path],
    options: ImportOptions = ImportOptions(),
    progress: Report | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Import ``paths`` (files and folders). Call on the thread that owns ``db``. ``cancel``
    is asked before each file; once it answers True the import stops after the file being
    written, and in one-document mode the letter is not kept at all."""
    for person_id in options.person_ids:
        people.get(db, person_id)  # an unknown person is refused before anything is read
    if options.document_id is not None and documents.get(db, options.document_id).trashed:
        raise InvalidInput("document-in-trash")
    files = files_to_import(paths)
    run = _Run(db, options, len(files))
    if progress:
        progress(Progress(0, len(files)))
    letter = db.transaction() if options.one_document else contextlib.nullcontext()
    try:
        with _rare_checkpoints(db), letter:
            known = _known_files(db)
            for outcome in _read_in_pool(files, options, known):
                if cancelled(cancel):
                    run.cancelled = True
                    break
                run.take(outcome)
                if progress:
                    progress(Progress(run.done, len(files), str(outcome.path)))
            if run.cancelled and options.one_document:
                raise _Cancelled
    except _Cancelled:
        run.letter = None
        run.notes.clear()  # they were about the letter that was not kept
    return run.report()


def add_pages(
    db: Database, document_id: str, data: bytes, name: str, limits: ScanLimits | None = None
) -> list[Page]:
    """Read one file already in memory and add its pages to a document, as ``import_files``
    would: thumbnails, previews and metadata report included. Raises ScanRefused."""
    read = read_data(data, name, limits or ScanLimits())
    return pages.add_scanned(
        db, document_id, read.data, read.sha256, read.mime_type, read.pages, original_name=name
    )


@contextlib.contextmanager
def _rare_checkpoints(db: Database) -> Iterator[None]:
    previous = int(db.value("PRAGMA wal_autocheckpoint"))
    db.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES:d}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {previous:d}")


def _known_files(db: Database) -> frozenset[str]:
    """Hashes already in the archive, so the workers can skip decoding a file imported
    before; the database thread still confirms each one."""
    return frozenset(str(sha) for (sha,) in db.all("SELECT sha256 FROM files"))


def _read_in_pool(
    files: Sequence[Path], options: ImportOptions, known: frozenset[str]
) -> Iterator[Outcome]:
    """Outcomes in the order of ``files``, read ahead on the pool while the database thread
    writes the ones before."""
    limits, previews = options.limits, not options.previews_later
    for _path, outcome in worked_ahead(
        files, lambda path: read_scan(path, limits, known, previews), WORKERS, "amanat-scan"
    ):
        yield outcome


@dataclass
class _Run:
    """The state of one import on the database thread."""

    db: Database
    options: ImportOptions
    total: int
    done: int = 0
    cancelled: bool = False
    imported: list[ImportedDocument] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)
    letter: ImportedDocument | None = None
    """The one document being built in one-document mode."""

    def take(self, outcome: Outcome) -> None:
        self.done += 1
        if isinstance(outcome, RefusedFile):
            self.refused.append(Refusal(str(outcome.path), outcome.error))
        elif isinstance(outcome, KnownFile) or outcome.sha256 in self.seen:
            self._skip(outcome.path, outcome.sha256)
        else:
            try:
                self._write(outcome)
            except ScanRefused as error:
                # A recording sealed from the disk that changed since it was read: its
                # original is kept first, so nothing of it was recorded.
                self.refused.append(Refusal(str(outcome.path), error))

    def _skip(self, path: Path, sha256: str) -> None:
        existing = pages.first_page_with_file(self.db, sha256)
        if existing is not None:
            title = documents.get(self.db, existing.document_id).title
            where = (
                f"page {existing.number} of “{title}”"
                if existing.number
                else f"a page of “{title}” in the trash"  # removed: restore it instead
            )
            page_id = existing.id
        else:  # given twice in this import, in a document that was not kept
            where, page_id = f"{self.seen.get(sha256, 'another file')}, earlier in this import", ""
        self.duplicates.append(
            Duplicate(
                str(path), page_id, f"{path} is already in the archive as {where}; not added again."
            )
        )

    def _write(self, read: ReadFile) -> None:
        if self.options.one_document or self.options.document_id is not None:
            self._add_to_letter(read)
            return
        with self.db.transaction():
            pages.store_file(self.db, read.sha256, read.data)
            document = self._new_document(read.path)
            added = self._add_pages(document.id, read)
        self.imported.append(
            ImportedDocument(
                document.id, document.title, tuple(p.id for p in added), (str(read.path),)
            )
        )

    def _add_to_letter(self, read: ReadFile) -> None:
        # Inside the transaction import_files holds open for the whole letter; adding to a
        # document that exists, in one of its own for this file.
        with self.db.transaction():
            pages.store_file(self.db, read.sha256, read.data)  # first: it may be refused
            if self.letter is None:
                document = (
                    documents.get(self.db, self.options.document_id)
                    if self.options.document_id is not None
                    else self._new_document(read.path)
                )
                self.letter = ImportedDocument(document.id, document.title, (), ())
            added = self._add_pages(self.letter.document_id, read)
        self.letter = ImportedDocument(
            self.letter.document_id,
            self.letter.title,
            self.letter.page_ids + tuple(p.id for p in added),
            (*self.letter.files, str(read.path)),
        )

    def _new_document(self, path: Path) -> Document:
        return documents.add(
            self.db,
            Document(
                kind=self.options.kind,
                title=self.options.title.strip() or path.stem or path.name,
                concerned_ids=tuple(dict.fromkeys(self.options.person_ids)),
            ),
        )

    def _add_pages(self, document_id: str, read: ReadFile) -> list[Page]:
        added = pages.add_scanned(
            self.db,
            document_id,
            read.data,
            read.sha256,
            read.mime_type,
            read.pages,
            original_name=read.path.name,
            source_path=str(read.path.absolute()),
        )
        self.seen[read.sha256] = str(read.path)
        self.notes += read.notes
        return added

    def report(self) -> ImportReport:
        documents_ = list(self.imported)
        if self.letter is not None:
            documents_.append(self.letter)
        return ImportReport(
            documents=tuple(documents_),
            refused=tuple(self.refused),
            duplicates=tuple(self.duplicates),
            notes=tuple(self.notes),
            files=self.total,
            cancelled=self.cancelled,
        )
