"""Verify and import a bundle: who signed it, what is in it, what it would change.

The age layer hands out each authenticated chunk before it knows the file is whole, so
nothing here acts on a bundle until all of it was read. Everything happens inside one
transaction of the encrypted database: files are checked against the signed manifest as they
stream in and staged straight into the ``files`` table, records are parsed and held in memory
(each is bounded, and so is their total), and only when the last chunk was authenticated, the
signature and every hash checked and every record validated, are the records written and the
transaction committed. Any failure rolls all of it back: the archive is exactly as before.
No plaintext ever touches the disk outside the encrypted database.

This module reads and checks the bundle (the streaming verification) and runs the import;
merging.py puts the checked records into the archive, keeping both sides of a conflict
(records keep their ids; one whose content differs here is added beside ours under a new id,
marked "(from bundle DATE)"). The pages arrive without thumbnails or previews, which the
previews pass draws after the commit from the verified originals (see arriving_pictures.py).
Files are deduplicated by their SHA-256. A bundle already imported (same signed manifest)
changes nothing.

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
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from amanat.core import audit, bounded_json
from amanat.core.bundle import contacts, identity, record_json
from amanat.core.bundle import manifest as manifests
from amanat.core.bundle.age import (
    AgePayloadTruncated,
    Identity,
    ScryptIdentity,
    X25519Identity,
)
from amanat.core.bundle.age_stream import decrypt
from amanat.core.bundle.arriving_pictures import ArrivingPictures
from amanat.core.bundle.container import TarReader
from amanat.core.bundle.manifest import (
    AUDIT_PATH,
    BESIDE_RECORDS,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURE_BYTES,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
)
from amanat.core.bundle.merging import Addition, Conflict, Merge, Staged
from amanat.core.bundle.record_json import BundledPage
from amanat.core.database import Database
from amanat.core.digits import to_ascii_digits
from amanat.core.errors import (
    AmanatError,
    BundleAddsToExisting,
    BundleDamaged,
    BundleSignerChanged,
    BundleUnknownSigner,
    Detail,
    DuplicateName,
    FileProblem,
    ImportCancelled,
    InvalidInput,
    RecordNotFound,
    os_reason,
)
from amanat.core.jobs import Cancel, Report, cancelled
from amanat.core.jobs import Progress as Progress  # the shape of every long job's progress
from amanat.core.records import (
    now,
)
from amanat.core.segments import objects
from amanat.core.storage import pages
from amanat.core.storage.columns import time_text

MAX_RECORDS_BYTES = 256 * 1024 * 1024
"""All the records of one bundle together, held in memory until they are validated."""
SYNC_AHEAD_BYTES = 64 * 1024 * 1024
"""Files stored between two syncs of their segment made while the import goes on."""


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


def verify_bundle(
    db: Database,
    path: Path,
    identities: Sequence[Identity],
    progress: Report | None = None,
    cancel: Cancel | None = None,
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
    progress: Report | None = None,
    cancel: Cancel | None = None,
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
class _Run:
    db: Database
    dry_run: bool
    any_signer: bool
    """Verification reports whoever signed; only an import refuses."""
    progress: Report | None
    cancel: Cancel | None
    accepted_signer: str | None = None
    confirmed_additions: bool = False
    already_imported: bool = False
    made_for_someone_else: bool = False

    pictures: ArrivingPictures = field(default_factory=lambda: ArrivingPictures())
    _read_file: tuple[FileEntry, bytearray] | None = None
    _syncer: ThreadPoolExecutor | None = None
    _syncing: Future[None] | None = None
    _unsynced = 0

    def go(self, path: Path, identities: Sequence[Identity]) -> BundleReport:
        self.pictures.wanted = not self.dry_run  # verifying keeps nothing
        with (
            _opened(path) as handle,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-reader") as reader,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-sync") as syncer,
        ):
            self._syncer = syncer
            try:
                staged, signer = self._read(handle, identities, reader)
            except BaseException:
                with suppress(Exception):  # the import's own error is the one to tell
                    self._synced()
                raise
            self._synced()
            return self._apply(staged, signer)

    def _apply(self, staged: Staged, signer: Signer) -> BundleReport:
        counts = {kind: len(staged.records.get(kind, ())) for kind in record_json.KINDS}
        counts["files"] = len(staged.files)
        titles = tuple(d.title for d in staged.records.get("documents", ()))
        manifest = staged.manifest
        additions: list[Addition] = []
        if self.already_imported:
            added, unchanged, conflicts = 0, sum(counts.values()), list[Conflict]()
        else:
            applying = Merge(self.db, staged, self.pictures)
            try:
                added, unchanged, conflicts = applying.run()
            except (InvalidInput, RecordNotFound, DuplicateName, ValueError) as error:
                raise BundleDamaged(detail=Detail("record-does-not-fit", problem=error)) from None
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
    ) -> tuple[Staged, Signer]:
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
            raise BundleDamaged(detail=Detail("records-too-large"))
        staged = Staged(manifest, manifests.bundle_id(manifest_bytes))
        self.already_imported = (
            self.db.value("SELECT 1 FROM bundle_imports WHERE bundle_id = ?", (staged.bundle_id,))
            is not None
        )
        expected = {entry.path: entry for entry in manifest.files}
        seen: set[str] = set()
        while (member := tar.next()) is not None:
            if cancelled(self.cancel):
                raise ImportCancelled()
            if member.name in seen or member.name in (MANIFEST_NAME, SIGNATURE_NAME):
                raise BundleDamaged(detail=Detail("file-twice", name=_shown(member.name)))
            entry = expected.get(member.name)
            if entry is None:
                raise BundleDamaged(detail=Detail("file-not-listed", name=_shown(member.name)))
            if member.size != entry.size:
                raise BundleDamaged(detail=Detail("file-wrong-size", path=entry.path))
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
                detail=Detail("files-missing", count=len(missing), name=_shown(min(missing)))
            )
        if not reader.complete:  # the tar ended where the age payload did; belt and braces
            raise AgePayloadTruncated()
        return staged, signer

    def _store_file(
        self, tar: TarReader, entry: FileEntry, staged: Staged, reader: ThreadPoolExecutor
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
                    "INSERT INTO files (sha256, size, object_id) VALUES (?, ?, NULL)",
                    (entry.sha256, entry.size),
                )
            return
        # A pipeline of two: the reader thread decrypts and hashes this file into its buffer
        # (filled in place: no second copy) while this thread stores the one before it
        # (SQLCipher lets go of the GIL while it encrypts and writes). Doing one after the
        # other took a third longer. At most two files are held for this.
        buffer = bytearray(entry.size)
        reading = reader.submit(_fill, tar, buffer)
        try:
            self._keep_read_file(staged)
        finally:
            actual = reading.result()  # the stream is this thread's again only after this
        _check_hash(entry, actual)
        self._read_file = (entry, buffer)

    def _keep_read_file(self, staged: Staged) -> None:
        """Store the file read last, whose hash was checked."""
        if self._read_file is None:
            return
        entry, buffer = self._read_file
        self._read_file = None
        # Sealed and appended to a segment; the segment is synced just before the import's
        # one transaction commits.
        pages.store_file(self.db, entry.sha256, buffer)
        self._sync_ahead(entry)

    def _sync_ahead(self, entry: FileEntry) -> None:
        """Every SYNC_AHEAD_BYTES, the segment is synced on another thread while the import
        goes on, so that the disk writes as the files arrive and the sync before the commit
        (which still makes it all durable) is short: that sync alone was a fifth of a 1 GB
        import. One at a time; a sync that failed fails the import."""
        self._unsynced += entry.size
        if self._unsynced < SYNC_AHEAD_BYTES or self._syncer is None:
            return
        if self._syncing is not None:
            if not self._syncing.done():
                return
            self._synced()
        object_id = self.db.value("SELECT object_id FROM files WHERE sha256 = ?", (entry.sha256,))
        if object_id is None:
            return
        self._unsynced = 0
        self._syncing = self._syncer.submit(objects.syncing_ahead(self.db, str(object_id)))

    def _synced(self) -> None:
        """Wait for the sync on its way, if any; its error is the import's."""
        syncing, self._syncing = self._syncing, None
        if syncing is not None:
            syncing.result()

    def _record(
        self, staged: Staged, signer: Signer, added: int, unchanged: int, conflicts: list[Conflict]
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
        raise FileProblem(path=str(path), reason=os_reason(error)) from error
    with handle:
        yield handle


def _first(tar: TarReader, name: str, limit: int) -> bytes:
    member = tar.next()
    if member is None or member.name != name:
        raise BundleDamaged(detail=Detail("part-not-first", name=name))
    if member.size > limit:
        raise BundleDamaged(detail=Detail("part-too-large", name=name))
    return tar.read_all()


def _fill(tar: TarReader, buffer: bytearray) -> str:
    """On the reader thread: the pending member's data into ``buffer``; its SHA-256."""
    digest = hashlib.sha256()
    for piece in tar.read_into(buffer):
        digest.update(piece)
    return digest.hexdigest()


def _check_hash(entry: FileEntry, actual: str) -> None:
    if actual != entry.sha256:
        raise BundleDamaged(detail=Detail("file-hash-mismatch", path=entry.path))


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


def _stage_record(staged: Staged, entry: FileEntry, data: bytes) -> None:
    _check_hash(entry, hashlib.sha256(data).hexdigest())
    if entry.path in BESIDE_RECORDS:
        return
    try:
        if entry.path == AUDIT_PATH:
            staged.audit_entries = record_json.parse_audit(bounded_json.loads(data, len(data)))
            return
        _, kind, name = entry.path.split("/")
        value = record_json.decode(data)
        parsed = _PARSERS[kind](value)
        timed = record_json.parse_text_times(value, parsed) if kind == "texts" else ()
    except (ValueError, KeyError, TypeError, AmanatError) as error:
        raise BundleDamaged(
            detail=Detail("record-invalid", path=entry.path, problem=error)
        ) from None
    record = parsed[0] if isinstance(parsed, tuple) else parsed
    record_id = record.page.id if isinstance(record, BundledPage) else record.id
    if f"{record_id}.json" != name:
        raise BundleDamaged(detail=Detail("record-other-id", path=entry.path))
    staged.records.setdefault(kind, []).append(parsed)
    if timed:
        staged.timed_lines[record_id] = timed
    if isinstance(record, BundledPage):
        staged.places.setdefault(record.page.sha256, set()).add(record.source_page)
