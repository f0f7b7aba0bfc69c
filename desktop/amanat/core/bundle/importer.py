"""Verify and import a bundle: who signed it, what is in it, what it would change.

The age layer hands out each authenticated chunk before it knows the file is whole, so
nothing here acts on a bundle until all of it was read. Everything happens inside one
transaction of the encrypted database: files are checked against the signed manifest as they
stream in and staged straight into the ``files`` table, records are parsed and held in memory
(each is bounded, and so is their total), and only when the last chunk was authenticated, the
signature and every hash checked and every record validated, are the records written and the
transaction committed. Any failure rolls all of it back: the archive is exactly as before.
No plaintext ever touches the disk outside the encrypted database.

Records keep their ids. One that is here already with the same content is skipped; one whose
content differs here is a conflict, and both versions are kept: theirs is added under a new
id, its title marked "(from bundle DATE)", and listed in the report and in
``bundle_conflicts``. Tags are matched by id, then by name under the same parent, and never
duplicated. Files are deduplicated by their SHA-256. A bundle already imported (same signed
manifest) changes nothing.

A bundle signed by a key that is neither this archive's nor a contact's is refused unless the
caller accepts that signer explicitly, by the fingerprint the user compared with the sender:
verification still shows what it holds and whose key it is. The import reads the file again,
so acceptance is bound to that fingerprint, and a bundle swapped in between (on a memory
stick, in a synced folder) is refused whoever signed it.

Ids leak through any earlier export, so a bundle can name records that are here already and
add to them: a text or page to a local document, an event to a local person, an annotation to
a local text. Unless the signer is this archive or a verified contact, such additions are
listed in the report (``additions_to_existing``) and the import is refused until the user has
looked at them and confirms them.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from amanat.core import audit, bounded_json
from amanat.core.audit import AuditEntry
from amanat.core.bundle import contacts, identity, record_json
from amanat.core.bundle import manifest as manifests
from amanat.core.bundle.age import (
    AgePayloadTruncated,
    Identity,
    ScryptIdentity,
    X25519Identity,
)
from amanat.core.bundle.age_stream import decrypt
from amanat.core.bundle.container import TarReader
from amanat.core.bundle.manifest import (
    AUDIT_PATH,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURE_BYTES,
    README_NAME,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
)
from amanat.core.bundle.record_json import BundledPage
from amanat.core.database import Database
from amanat.core.digits import to_ascii_digits
from amanat.core.errors import (
    AmanatError,
    BundleAddsToExisting,
    BundleDamaged,
    BundleSignerChanged,
    BundleUnknownSigner,
    DuplicateName,
    FileProblem,
    ImportCancelled,
    InvalidInput,
    RecordNotFound,
    ScanRefused,
)
from amanat.core.file_types import mime_type_of
from amanat.core.records import (
    Annotation,
    Document,
    Event,
    ImageRegion,
    Page,
    Person,
    Tag,
    TextRange,
    new_id,
    now,
)
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import (
    DECODING_ERRORS,
    PDF,
    SUPPORTED_TYPES,
    ScanLimits,
    check_pixels,
    detect,
    open_picture,
)
from amanat.core.scans.metadata import picture_report
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, events, pages, people, tags, texts
from amanat.core.storage.columns import time_text
from amanat.core.storage.pages import PageImage

MAX_RECORDS_BYTES = 256 * 1024 * 1024
"""All the records of one bundle together, held in memory until they are validated."""

R = TypeVar("R")


class SignerTrust(StrEnum):
    THIS_ARCHIVE = "this-archive"
    VERIFIED_CONTACT = "verified-contact"
    UNVERIFIED_CONTACT = "unverified-contact"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Signer:
    fingerprint: str
    signing_key: str
    trust: SignerTrust
    contact: str | None = None
    """The contact's name, if the key is a contact's."""


@dataclass(frozen=True, slots=True)
class Conflict:
    record_type: str
    local_id: str
    imported_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Addition:
    """A record of the bundle that attaches to a record that was here before it."""

    record_type: str
    record_id: str
    label: str
    existing_type: str
    existing_id: str
    existing_label: str


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    current: str


@dataclass(frozen=True, slots=True)
class BundleReport:
    bundle_id: str
    created: datetime.datetime
    sender_archive_id: str
    signer: Signer
    scope: dict[str, Any]
    redaction: dict[str, Any]
    counts: dict[str, int]
    """Records of each kind in the bundle, and ``files``."""
    titles: tuple[str, ...]
    added: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    already_imported: bool
    imported: bool
    """False after ``verify_bundle``, or when nothing needed importing."""
    additions_to_existing: tuple[Addition, ...] = ()
    made_for_someone_else: bool = False
    """The signed manifest names recipients, and none of them is how it was opened here: it
    was encrypted again, by someone who could open it, to this archive."""

    @property
    def additions_need_confirming(self) -> bool:
        return bool(self.additions_to_existing) and self.signer.trust not in _TRUSTED


_TRUSTED = (SignerTrust.THIS_ARCHIVE, SignerTrust.VERIFIED_CONTACT)


Progressing = Callable[[Progress], None] | None
Cancelling = Callable[[], bool] | None


def verify_bundle(
    db: Database,
    path: Path,
    identities: Sequence[Identity],
    progress: Progressing = None,
    cancel: Cancelling = None,
) -> BundleReport:
    """Check a bundle completely and say what importing it would do, changing nothing.

    It runs the whole import and rolls it back, so the answer (new, unchanged, conflicts) is
    exactly what an import would do, and a bundle that verifies also imports. An unknown
    signer is reported, not refused."""
    run = _Run(db, dry_run=True, any_signer=True, progress=progress, cancel=cancel)
    try:
        with db.transaction():
            report = run.go(path, identities)
            raise _RollBack(report)
    except _RollBack as done:
        return done.report


def import_bundle(
    db: Database,
    path: Path,
    identities: Sequence[Identity],
    accepted_signer: str | None = None,
    confirmed_additions: bool = False,
    progress: Progressing = None,
    cancel: Cancelling = None,
) -> BundleReport:
    """Import a bundle in one transaction, or nothing at all.

    ``accepted_signer`` is the fingerprint the user compared (from ``verify_bundle``): it
    admits a signer who is not a contact, and refuses a bundle signed by any other key.
    ``confirmed_additions`` says the user saw and accepts the report's additions to records
    already here; without it a signer who is not a verified contact cannot make any."""
    run = _Run(
        db,
        dry_run=False,
        any_signer=False,
        progress=progress,
        cancel=cancel,
        accepted_signer=accepted_signer,
        confirmed_additions=confirmed_additions,
    )
    with db.transaction():
        return run.go(path, identities)


class _RollBack(Exception):
    def __init__(self, report: BundleReport) -> None:
        super().__init__()
        self.report = report


@dataclass
class _Staged:
    manifest: Manifest
    bundle_id: str
    records: dict[str, list[Any]] = field(default_factory=dict)
    audit_entries: list[AuditEntry] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    places: dict[str, set[int | None]] = field(default_factory=dict)
    """For each file, the places in it of the pages staged so far (to draw them)."""


@dataclass
class _Run:
    db: Database
    dry_run: bool
    any_signer: bool
    """Verification reports whoever signed; only an import refuses."""
    progress: Progressing
    cancel: Cancelling
    accepted_signer: str | None = None
    confirmed_additions: bool = False
    already_imported: bool = False
    made_for_someone_else: bool = False

    pictures: _Pictures = field(default_factory=lambda: _Pictures())
    _read_file: tuple[FileEntry, bytearray] | None = None

    def go(self, path: Path, identities: Sequence[Identity]) -> BundleReport:
        self.pictures.wanted = not self.dry_run  # verifying draws nothing: it keeps nothing
        with (
            self.pictures,
            _opened(path) as handle,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-reader") as reader,
        ):
            staged, signer = self._read(handle, identities, reader)
            return self._apply(staged, signer)

    def _apply(self, staged: _Staged, signer: Signer) -> BundleReport:
        counts = {kind: len(staged.records.get(kind, ())) for kind in record_json.KINDS}
        counts["files"] = len(staged.files)
        titles = tuple(d.title for d in staged.records.get("documents", ()))
        manifest = staged.manifest
        additions: list[Addition] = []
        if self.already_imported:
            added, unchanged, conflicts = 0, sum(counts.values()), list[Conflict]()
        else:
            applying = _Apply(self.db, staged, self.pictures)
            try:
                added, unchanged, conflicts = applying.run()
            except (InvalidInput, RecordNotFound, DuplicateName, ValueError) as error:
                raise BundleDamaged(detail=f"one of its records does not fit ({error})") from None
            additions = applying.additions
            unconfirmed = additions and signer.trust not in _TRUSTED
            if not self.dry_run and unconfirmed and not self.confirmed_additions:
                raise BundleAddsToExisting(found=len(additions))
            if not self.dry_run:
                self._record(staged, signer, added, unchanged, conflicts)
        return BundleReport(
            bundle_id=staged.bundle_id,
            created=manifest.created,
            sender_archive_id=manifest.sender_archive_id,
            signer=signer,
            scope=manifest.scope,
            redaction=manifest.redaction,
            counts=counts,
            titles=titles,
            added=added,
            unchanged=unchanged,
            conflicts=tuple(conflicts),
            already_imported=self.already_imported,
            imported=not self.dry_run and not self.already_imported,
            additions_to_existing=tuple(additions),
            made_for_someone_else=self.made_for_someone_else,
        )

    # --- Reading: the whole bundle, checked against the signed manifest ------------------

    def _read(
        self, handle: Any, identities: Sequence[Identity], reader_thread: ThreadPoolExecutor
    ) -> tuple[_Staged, Signer]:
        reader = decrypt(handle, identities)
        tar = TarReader(reader)
        manifest_bytes = _first(tar, MANIFEST_NAME, MAX_MANIFEST_BYTES)
        signature = _first(tar, SIGNATURE_NAME, MAX_SIGNATURE_BYTES)
        manifest = manifests.parse(manifest_bytes)
        manifests.check_signature(manifest, manifest_bytes, signature)
        signer = _signer(self.db, manifest)
        self.made_for_someone_else = _made_for_someone_else(manifest, identities)
        if not self.any_signer:
            _check_signer(signer, self.accepted_signer)
        record_bytes = sum(e.size for e in manifest.files if not e.path.startswith("files/"))
        if record_bytes > MAX_RECORDS_BYTES:
            raise BundleDamaged(detail="its records are larger than Amanat accepts")
        staged = _Staged(manifest, manifests.bundle_id(manifest_bytes))
        self.already_imported = (
            self.db.value("SELECT 1 FROM bundle_imports WHERE bundle_id = ?", (staged.bundle_id,))
            is not None
        )
        expected = {entry.path: entry for entry in manifest.files}
        seen: set[str] = set()
        while (member := tar.next()) is not None:
            if self.cancel is not None and self.cancel():
                raise ImportCancelled()
            if member.name in seen or member.name in (MANIFEST_NAME, SIGNATURE_NAME):
                raise BundleDamaged(detail=f"it holds {_shown(member.name)} twice")
            entry = expected.get(member.name)
            if entry is None:
                raise BundleDamaged(
                    detail=f"it holds a file its list of contents does not name, "
                    f"{_shown(member.name)}"
                )
            if member.size != entry.size:
                raise BundleDamaged(
                    detail=f"{entry.path} is not the size its list of contents says"
                )
            seen.add(member.name)
            if entry.path.startswith("files/"):
                self._store_file(tar, entry, staged, reader_thread)
                staged.files.add(entry.sha256)
            else:
                _stage_record(staged, entry, tar.read_all())
            if self.progress is not None:
                self.progress(Progress(len(seen), len(expected), entry.path))
        self._keep_read_file(staged)
        missing = expected.keys() - seen
        if missing:
            raise BundleDamaged(
                detail=f"{len(missing)} file(s) its list of contents names are missing, "
                f"such as {_shown(min(missing))}"
            )
        if not reader.complete:  # the tar ended where the age payload did; belt and braces
            raise AgePayloadTruncated()
        return staged, signer

    def _store_file(
        self, tar: TarReader, entry: FileEntry, staged: _Staged, reader: ThreadPoolExecutor
    ) -> None:
        here = self.db.value("SELECT 1 FROM files WHERE sha256 = ?", (entry.sha256,)) is not None
        if here or self.dry_run or self.already_imported:
            digest = hashlib.sha256()
            for chunk in tar.chunks():
                digest.update(chunk)
            _check_hash(entry, digest.hexdigest())
            if self.dry_run and not here and not self.already_imported:
                # A stand-in so the dry run's pages can refer to it; rolled back with it.
                self.db.execute(
                    "INSERT INTO files (sha256, size, bytes) VALUES (?, ?, zeroblob(0))",
                    (entry.sha256, entry.size),
                )
            return
        # A pipeline of two: the reader thread decrypts and hashes this file into its buffer
        # (filled in place: no second copy) while this thread stores the one before it
        # (SQLCipher lets go of the GIL while it encrypts and writes). Doing one after the
        # other took a third longer. At most two files are held for this, and a third while
        # the thumbnail of a picture is drawn from it.
        buffer = bytearray(entry.size)
        reading = reader.submit(_fill, tar, buffer)
        try:
            self._keep_read_file(staged)
        finally:
            actual = reading.result()  # the stream is this thread's again only after this
        _check_hash(entry, actual)
        self._read_file = (entry, buffer)

    def _keep_read_file(self, staged: _Staged) -> None:
        """Store the file read last, whose hash was checked."""
        if self._read_file is None:
            return
        entry, buffer = self._read_file
        self._read_file = None
        # Its thumbnail is drawn on another thread while it is stored.
        self.pictures.start(entry.sha256, buffer, staged.places.get(entry.sha256, set()))
        self.db.execute(
            "INSERT INTO files (sha256, size, bytes) VALUES (?, ?, ?)",
            (entry.sha256, entry.size, buffer),
        )

    def _record(
        self, staged: _Staged, signer: Signer, added: int, unchanged: int, conflicts: list[Conflict]
    ) -> None:
        db, manifest = self.db, staged.manifest
        summary = (
            f"imported a bundle from {signer.contact or 'an unknown signer'} (fingerprint "
            f"{signer.fingerprint}), made {manifest.created.date().isoformat()}: {added} added, "
            f"{unchanged} already here, {len(conflicts)} kept beside a different version"
        )
        db.execute(
            "INSERT INTO bundle_imports (bundle_id, imported_at, signer, sender_archive_id,"
            " created, summary) VALUES (?, ?, ?, ?, ?, ?)",
            (
                staged.bundle_id,
                time_text(now()),
                signer.signing_key,
                manifest.sender_archive_id,
                manifest.created.isoformat(),
                summary,
            ),
        )
        db.executemany(
            "INSERT INTO bundle_audit (bundle_id, seq, time, actor, action, record_type,"
            " record_id, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    staged.bundle_id,
                    e.seq,
                    e.time,
                    e.actor,
                    e.action,
                    e.record_type,
                    e.record_id,
                    e.summary,
                    e.prev_hash,
                    e.hash,
                )
                for e in staged.audit_entries
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO bundle_conflicts (bundle_id, record_type, local_id,"
            " imported_id) VALUES (?, ?, ?, ?)",
            [(staged.bundle_id, c.record_type, c.local_id, c.imported_id) for c in conflicts],
        )
        audit.append(db, "imported", "bundle", staged.bundle_id, summary)


@contextmanager
def _opened(path: Path) -> Iterator[Any]:
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below, after the whole read)
    except OSError as error:
        raise FileProblem(path=str(path), reason=error.strerror or str(error)) from error
    with handle:
        yield handle


def _first(tar: TarReader, name: str, limit: int) -> bytes:
    member = tar.next()
    if member is None or member.name != name:
        raise BundleDamaged(detail=f"it does not start with {name}")
    if member.size > limit:
        raise BundleDamaged(detail=f"its {name} is larger than Amanat accepts")
    return tar.read_all()


def _fill(tar: TarReader, buffer: bytearray) -> str:
    """On the reader thread: the pending member's data into ``buffer``; its SHA-256."""
    digest = hashlib.sha256()
    for piece in tar.read_into(buffer):
        digest.update(piece)
    return digest.hexdigest()


def _check_hash(entry: FileEntry, actual: str) -> None:
    if actual != entry.sha256:
        raise BundleDamaged(detail=f"{entry.path} does not match its SHA-256 in the signed list")


def _shown(name: str) -> str:
    """A name from the bundle, safe to print: short, and with no control characters."""
    clean = "".join(c if c.isprintable() else "?" for c in name[:80])
    return f"“{clean}”"


def _made_for_someone_else(manifest: Manifest, identities: Sequence[Identity]) -> bool:
    if manifest.recipients is None:
        return False  # a bundle from before recipients were signed into it: nothing to say
    ours = {i.recipient().to_string() for i in identities if isinstance(i, X25519Identity)}
    if any(isinstance(i, ScryptIdentity) for i in identities):
        ours.add(manifests.PASSPHRASE_RECIPIENT)
    return not ours.intersection(manifest.recipients)


def _check_signer(signer: Signer, accepted: str | None) -> None:
    if accepted is not None and _fingerprint_digits(accepted) != _fingerprint_digits(
        signer.fingerprint
    ):
        raise BundleSignerChanged(fingerprint=signer.fingerprint, key=accepted.strip()[:40])
    if signer.trust is SignerTrust.UNKNOWN and accepted is None:
        raise BundleUnknownSigner(fingerprint=signer.fingerprint)


def _fingerprint_digits(fingerprint: str) -> str:
    """A fingerprint as typed or pasted: spaces, dashes and Persian digits do not matter."""
    return "".join(c for c in to_ascii_digits(fingerprint) if c.isascii() and c.isdigit())


def _signer(db: Database, manifest: Manifest) -> Signer:
    key = identity.format_signing_key(manifest.signing_key)
    own = identity.existing(db)
    if own is not None and own.signing_public == manifest.signing_key:
        return Signer(manifest.fingerprint, key, SignerTrust.THIS_ARCHIVE, "this archive")
    contact = contacts.by_signing_key(db, manifest.signing_key)
    if contact is None:
        return Signer(manifest.fingerprint, key, SignerTrust.UNKNOWN)
    trust = SignerTrust.VERIFIED_CONTACT if contact.verified else SignerTrust.UNVERIFIED_CONTACT
    return Signer(manifest.fingerprint, key, trust, contact.name)


_PARSERS: dict[str, Callable[[object], Any]] = {
    "tags": record_json.parse_tag,
    "people": record_json.parse_person,
    "documents": record_json.parse_document,
    "pages": record_json.parse_page,
    "texts": record_json.parse_text,
    "events": record_json.parse_event,
    "annotations": record_json.parse_annotation,
}


def _stage_record(staged: _Staged, entry: FileEntry, data: bytes) -> None:
    _check_hash(entry, hashlib.sha256(data).hexdigest())
    if entry.path == README_NAME:
        return
    try:
        if entry.path == AUDIT_PATH:
            staged.audit_entries = record_json.parse_audit(bounded_json.loads(data, len(data)))
            return
        _, kind, name = entry.path.split("/")
        parsed = _PARSERS[kind](record_json.decode(data))
    except (ValueError, KeyError, TypeError, AmanatError) as error:
        raise BundleDamaged(detail=f"{entry.path} is not a valid record ({error})") from None
    record = parsed[0] if isinstance(parsed, tuple) else parsed
    record_id = record.page.id if isinstance(record, BundledPage) else record.id
    if f"{record_id}.json" != name:
        raise BundleDamaged(detail=f"{entry.path} holds a record with another id")
    staged.records.setdefault(kind, []).append(parsed)
    if isinstance(record, BundledPage):
        staged.places.setdefault(record.page.sha256, set()).add(record.source_page)


# --- Applying: records into the archive, keeping both sides of every conflict -------------


class _Apply:
    def __init__(self, db: Database, staged: _Staged, pictures: _Pictures) -> None:
        self.db = db
        self.staged = staged
        self.pictures = pictures
        self.ids: dict[str, dict[str, str]] = {kind: {} for kind in record_json.KINDS}
        self.added = 0
        self.unchanged = 0
        self.conflicts: list[Conflict] = []
        self.existing: set[tuple[str, str]] = set()
        """Records that were here before the import and that the bundle names."""
        self.additions: list[Addition] = []
        self.suffix = f" (from bundle {staged.manifest.created.date().isoformat()})"

    def run(self) -> tuple[int, int, list[Conflict]]:
        records = self.staged.records
        bundle_tags = {tag.id: tag for tag in records.get("tags", [])}
        for tag in bundle_tags.values():
            self._tag(tag, bundle_tags, set())
        for person, _pseudonym in records.get("people", []):
            self._settle("people", person, people.get, people.add, self._person_copy)
        for document in records.get("documents", []):
            document = self._document(document)
            if self._settle(
                "documents", document, documents.get, documents.add,
                lambda d: replace(d, id=new_id(), title=d.title + self.suffix),
                compare=lambda local: replace(local, trashed=None),
            ):  # fmt: skip
                people_named = (
                    document.author_id,
                    *document.recipient_ids,
                    *document.concerned_ids,
                )
                self._note_addition("documents", document, [("people", p) for p in people_named])
        for bundled in records.get("pages", []):
            self._page(bundled)
        for text in records.get("texts", []):
            text = replace(text, document_id=self._ref("documents", text.document_id))
            if self._settle("texts", text, texts.get, texts.add, lambda t: replace(t, id=new_id())):
                self._note_addition("texts", text, [("documents", text.document_id)])
        for event in records.get("events", []):
            event = self._event(event)
            if self._settle(
                "events", event, events.get, events.add,
                lambda e: replace(e, id=new_id(), description=e.description + self.suffix),
            ):  # fmt: skip
                sources = [("documents", d) for d in event.source_ids]
                self._note_addition("events", event, [("people", event.person_id), *sources])
        for note in records.get("annotations", []):
            note = self._annotation(note)
            if self._settle_annotation(note):
                target = note.target
                on = (
                    ("texts", target.text_id)
                    if isinstance(target, TextRange)
                    else ("pages", target.page_id)
                )
                self._note_addition("annotations", note, [on])
        self._unused_files()
        return self.added, self.unchanged, self.conflicts

    def _note_addition(
        self, kind: str, record: object, parents: Sequence[tuple[str, str | None]]
    ) -> None:
        """A new record of the bundle that hangs on a record that was here before."""
        for parent_kind, parent_id in parents:
            if parent_id and (parent_kind, parent_id) in self.existing:
                self.additions.append(
                    Addition(
                        kind,
                        str(getattr(record, "id", "")),
                        _label(record),
                        parent_kind,
                        parent_id,
                        self._existing_label(parent_kind, parent_id),
                    )
                )
                return

    def _existing_label(self, kind: str, record_id: str) -> str:
        getters: dict[str, Callable[[Database, str], object]] = {
            "people": people.get,
            "documents": documents.get,
            "texts": texts.get,
            "pages": pages.get,
        }
        try:
            return _label(getters[kind](self.db, record_id))
        except (RecordNotFound, KeyError):
            return record_id

    def _ref(self, kind: str, record_id: str) -> str:
        """The local id of a record the bundle refers to: one from the bundle (as placed),
        or one already here; anything else means the bundle is incomplete."""
        if record_id in self.ids[kind]:
            return self.ids[kind][record_id]
        table = {"people": "people", "documents": "documents", "tags": "tags", "texts": "texts"}
        table.update(pages="pages", events="events", annotations="annotations")
        if self.db.value(f"SELECT 1 FROM {table[kind]} WHERE id = ?", (record_id,)) is None:
            raise BundleDamaged(
                detail=f"one of its records refers to a record of kind “{kind}” that is "
                "neither in the bundle nor in this archive"
            )
        self.existing.add((kind, record_id))
        return record_id

    def _settle(
        self,
        kind: str,
        incoming: R,
        get: Callable[[Database, str], R],
        add: Callable[[Database, R], R],
        copy: Callable[[R], R],
        compare: Callable[[R], R] | None = None,
    ) -> bool:
        """Whether ``incoming`` was added under its own id (new here)."""
        record_id: str = incoming.id  # type: ignore[attr-defined]
        try:
            local: R | None = get(self.db, record_id)
        except RecordNotFound:
            local = None
        if local is None:
            add(self.db, incoming)
            self.ids[kind][record_id] = record_id
            self.added += 1
            return True
        if (compare(local) if compare else local) == incoming:
            self.ids[kind][record_id] = record_id
            self.existing.add((kind, record_id))
            self.unchanged += 1
            return False
        theirs = copy(incoming)
        add(self.db, theirs)
        their_id: str = theirs.id  # type: ignore[attr-defined]
        self.ids[kind][record_id] = their_id
        self.added += 1
        self.conflicts.append(Conflict(kind, record_id, their_id, _label(local)))
        return False

    def _tag(self, tag: Tag, bundle_tags: dict[str, Tag], climbing: set[str]) -> str:
        if tag.id in self.ids["tags"]:
            return self.ids["tags"][tag.id]
        if tag.id in climbing:
            raise BundleDamaged(detail="its tags are nested inside themselves")
        climbing.add(tag.id)
        parent: str | None = None
        if tag.parent_id is not None:
            above = bundle_tags.get(tag.parent_id)
            parent = (
                self._tag(above, bundle_tags, climbing)
                if above is not None
                else self._ref("tags", tag.parent_id)
            )
        if self.db.value("SELECT 1 FROM tags WHERE id = ?", (tag.id,)) is not None:
            placed = tag.id  # ours is kept as it is; a tag is a label, not testimony
            self.unchanged += 1
        else:
            sibling = self.db.value(
                "SELECT id FROM tags WHERE coalesce(parent_id, '') = ? AND name = ?",
                (parent or "", tag.name),
            )
            if sibling is not None:
                placed = str(sibling)
                self.unchanged += 1
            else:
                placed = tags.add(self.db, replace(tag, parent_id=parent)).id
                self.added += 1
        self.ids["tags"][tag.id] = placed
        return placed

    def _tags(self, tag_ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(sorted({self._ref("tags", t) for t in tag_ids}))

    def _people(self, person_ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._ref("people", p) for p in person_ids))

    def _person_copy(self, person: Person) -> Person:
        return replace(person, id=new_id(), display_name=person.display_name + self.suffix)

    def _document(self, document: Document) -> Document:
        return replace(
            document,
            author_id=self._ref("people", document.author_id) if document.author_id else None,
            recipient_ids=self._people(document.recipient_ids),
            concerned_ids=self._people(document.concerned_ids),
            tag_ids=self._tags(document.tag_ids),
        )

    def _event(self, event: Event) -> Event:
        return replace(
            event,
            person_id=self._ref("people", event.person_id),
            source_ids=tuple(dict.fromkeys(self._ref("documents", d) for d in event.source_ids)),
            tag_ids=self._tags(event.tag_ids),
        )

    def _annotation(self, note: Annotation) -> Annotation:
        """The annotation with local ids. One whose text or page is neither in the bundle nor
        here is kept, orphaned (``annotations.add`` flags it), rather than refusing the bundle;
        a passage whose text differs from the sender's is placed again by its quote."""
        target: TextRange | ImageRegion = note.target
        if isinstance(target, TextRange):
            target = replace(target, text_id=self._target_id("texts", target.text_id))
        else:
            target = replace(target, page_id=self._target_id("pages", target.page_id))
        return replace(note, target=target, tag_ids=self._tags(note.tag_ids))

    def _target_id(self, kind: str, record_id: str) -> str:
        if record_id in self.ids[kind]:
            return self.ids[kind][record_id]
        found = self.db.value(f"SELECT 1 FROM {kind} WHERE id = ?", (record_id,))
        if found is None:
            return ""
        self.existing.add((kind, record_id))
        return record_id

    def _settle_annotation(self, incoming: Annotation) -> bool:
        """Like ``_settle``, but an annotation already here is the same one when what the
        sender wrote agrees: where it sits may differ, as this archive places it by its quote."""
        try:
            local: Annotation | None = annotation_store.get(self.db, incoming.id)
        except RecordNotFound:
            local = None
        if local is None:
            annotation_store.add(self.db, incoming)
            self.ids["annotations"][incoming.id] = incoming.id
            self.added += 1
            return True
        if _same_annotation(local, incoming):
            self.ids["annotations"][incoming.id] = incoming.id
            self.unchanged += 1
            return False
        theirs = annotation_store.add(self.db, replace(incoming, id=new_id()))
        self.ids["annotations"][incoming.id] = theirs.id
        self.added += 1
        self.conflicts.append(Conflict("annotations", incoming.id, theirs.id, _label(local)))
        return False

    def _page(self, bundled: BundledPage) -> None:
        page = replace(bundled.page, document_id=self._ref("documents", bundled.page.document_id))
        if page.sha256 not in self.staged.files and (
            self.db.value("SELECT 1 FROM files WHERE sha256 = ?", (page.sha256,)) is None
        ):
            raise BundleDamaged(detail=f"page {page.id} has no file in the bundle")
        bundled = replace(bundled, page=page)

        def add(db: Database, page: Page) -> Page:
            _insert_page(db, replace(bundled, page=page))
            self.pictures.store(db, page, bundled.source_page)
            return page

        if self._settle("pages", page, pages.get, add, lambda p: replace(p, id=new_id())):
            self._note_addition("pages", page, [("documents", page.document_id)])

    def _unused_files(self) -> None:
        used = {bundled.page.sha256 for bundled in self.staged.records.get("pages", [])}
        if self.staged.files - used:
            raise BundleDamaged(detail="it holds files that no page uses")


def _same_annotation(local: Annotation, incoming: Annotation) -> bool:
    def written(note: Annotation) -> tuple[object, ...]:
        return (note.body, note.author, note.visibility, note.tag_ids, note.created, note.modified)

    if written(local) != written(incoming):
        return False
    ours, theirs = local.target, incoming.target
    if isinstance(ours, TextRange) and isinstance(theirs, TextRange):
        return (ours.text_id, ours.quote) == (theirs.text_id, theirs.quote)
    if isinstance(ours, ImageRegion) and isinstance(theirs, ImageRegion):
        corners = zip(
            (ours.x, ours.y, ours.width, ours.height),
            (theirs.x, theirs.y, theirs.width, theirs.height),
            strict=True,
        )
        return ours.page_id == theirs.page_id and all(abs(a - b) < 1e-6 for a, b in corners)
    return False


def _label(record: object) -> str:
    for name in ("title", "display_name", "description", "body", "name"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value if len(value) <= 60 else value[:59] + "…"
    return str(getattr(record, "id", ""))


def _insert_page(db: Database, bundled: BundledPage) -> None:
    """A page with its id from the bundle: the pages storage module mints new ids, and
    annotations in the bundle point at these."""
    page = bundled.page
    number = page.number
    taken = db.value(
        "SELECT 1 FROM pages WHERE document_id = ? AND number = ?", (page.document_id, number)
    )
    if taken is not None:  # theirs joins a document that already has a page at that place
        number = int(
            db.value(
                "SELECT coalesce(max(number), 0) + 1 FROM pages WHERE document_id = ?",
                (page.document_id,),
            )
        )
    db.execute(
        "INSERT INTO pages (id, document_id, number, sha256, mime_type, size, width, height,"
        " rotation, original_name, imported, created, modified, source_page, source_path,"
        " metadata, has_location, has_person_name)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
        (
            page.id,
            page.document_id,
            number,
            page.sha256,
            page.mime_type,
            page.size,
            page.width,
            page.height,
            page.rotation,
            page.original_name,
            time_text(page.imported),
            time_text(page.created),
            time_text(page.modified),
            bundled.source_page,
            bundled.metadata,
            int(bundled.has_location),
            int(bundled.has_person_name),
        ),
    )
    audit.append(db, "imported", "page", page.id, f"imported page {number} ({page.sha256[:12]})")


# --- Pictures: the thumbnail (and for PDFs the preview) of each page that arrives ------


class _Pictures:
    """The pictures of the pages that arrive, made from the verified files as the scan import
    makes them, so an imported page shows in the document list like a scanned one: a
    picture's thumbnail (decoded at the thumbnail's scale), a PDF page's thumbnail and preview
    (from the one rendering it needs anyway). A picture's preview follows as an imported
    scan's does, from ``scans.previews`` (the viewer makes a missing one when it is shown).
    They are stored in the import's own transaction: a failed or cancelled import leaves none.

    Each file is drawn on a second thread while the next one is read and stored. What is
    drawn waits in memory for its page record to be written, up to a budget; beyond it, and
    for a file that came before its page record or that this archive had already, the
    pictures are made when the page is written (copied from a page here with the same file,
    or drawn from the stored file)."""

    BUDGET = 64 * 1024 * 1024
    IN_FLIGHT = 1
    """Files being drawn at once; each holds its file's bytes until it is done."""

    def __init__(self) -> None:
        self.wanted = True
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[str, Future[_Drawn]] = {}
        self._made: dict[str, _Drawn] = {}
        self._held = 0

    def __enter__(self) -> _Pictures:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()
        self._made.clear()

    def start(self, sha256: str, data: bytearray, places: set[int | None]) -> None:
        """Begin drawing the pages at ``places`` (their place in the file) of ``data``, which
        is shared, not copied: neither side changes it."""
        if not (self.wanted and places) or self._held >= self.BUDGET:
            return
        if mime_type_of(bytes(data[:64])) not in SUPPORTED_TYPES:
            return  # nothing to draw, so no reason to hold on to it
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-pictures")
        while len(self._pending) >= self.IN_FLIGHT:  # bounded: each holds a file's bytes
            self._collect(next(iter(self._pending)))
        self._pending[sha256] = self._pool.submit(_draw, data, sha256, frozenset(places))

    def _collect(self, sha256: str) -> None:
        made = self._pending.pop(sha256).result()
        self._held += sum(len(p.data) for images in made.values() for p in images)
        self._made[sha256] = made

    def store(self, db: Database, page: Page, place: int | None) -> None:
        if not self.wanted:
            return
        db.executemany(
            "INSERT INTO page_images (page_id, kind, mime_type, width, height, bytes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (page.id, i.kind, i.mime_type, i.width, i.height, i.data)
                for i in self._for(db, page.sha256, place)
            ],
        )

    def _for(self, db: Database, sha256: str, place: int | None) -> tuple[PageImage, ...]:
        if sha256 in self._pending:
            self._collect(sha256)
        if place in self._made.get(sha256, {}):
            return self._made[sha256][place]
        rows = db.all(
            "SELECT kind, mime_type, width, height, bytes FROM page_images WHERE page_id ="
            " (SELECT id FROM pages WHERE sha256 = ? AND source_page IS ?"
            "  AND EXISTS (SELECT 1 FROM page_images WHERE page_id = pages.id) LIMIT 1)",
            (sha256, place),
        )
        if rows:
            return tuple(PageImage(r[0], r[1], r[2], r[3], bytes(r[4])) for r in rows)
        data = db.value("SELECT bytes FROM files WHERE sha256 = ?", (sha256,))
        return _draw(bytes(data), sha256, frozenset({place})).get(place, ()) if data else ()


_Drawn = dict[int | None, tuple[PageImage, ...]]


def _draw(data: bytes | bytearray, sha256: str, places: frozenset[int | None]) -> _Drawn:
    """Off the database thread: the pictures of each page at ``places`` in one file. A page
    that cannot be drawn gets none, and arrives all the same: it shows without a picture, as
    a page added without the scan pipeline does (its file passed the signed hash check)."""
    name = f"files/{sha256[:12]}"
    data = bytes(data)  # the decoders read bytes; this copy lives only while drawing
    drawn: _Drawn = {}
    try:
        mime = detect(data, name)
        if mime == PDF:
            with pdf.opened(data, name, ScanLimits(max_pages=10**9)) as document:
                for place in places:
                    with suppress(ScanRefused, *DECODING_ERRORS):
                        rendering = pdf.render(document, place or 0, pictures.PREVIEW_LONGEST, name)
                        drawn[place] = pictures.display_images(rendering, 1)
            return drawn
        image, _ = open_picture(data, mime, name)
        with image:
            for place in sorted(places, key=lambda p: p or 0):
                with suppress(ScanRefused, *DECODING_ERRORS):
                    if place:
                        image.seek(place)
                        check_pixels(image, name)
                    pictures.decode_for_display(image, pictures.THUMBNAIL_LONGEST)
                    image.load()
                    orientation = picture_report(image).orientation
                    drawn[place] = (pictures.thumbnail_image(image, orientation),)
    except (ScanRefused, MemoryError):
        pass
    except DECODING_ERRORS:
        pass
    return drawn
