"""Export: choose what leaves (``plan_export``), show it with what is held back and why, then
write the encrypted, signed bundle (``write_bundle``).

What never leaves: withdrawn documents, private testimony, private annotations, documents in
the trash. Testimony whose witness consented to a narrower circle than the recipients (by
default: below "advocates") is held back too. Consent is a property of testimony: other
kinds are not filtered by audience, only by withdrawal. The author of an anonymised document
(the witness) leaves under a pseudonym, "Witness KRTAX", with a name and id derived from this
archive's secret key (the same in every bundle from here, linkable to the real record by no
one else); their names, aliases, notes and birth year stay home, as do who passed the
document on and how, and their events. Pages leave as sanitised copies (pixels only) unless
originals are asked for.

The bundle is streamed: records are small, and files are read from the database one at a
time (whole, as the SQLCipher binding has no incremental blob reads), so memory holds at
most one file whatever the bundle's size. Originals stream from their segments, and a
recording's stripped copy is never held at all: measured first, then made again straight
into the bundle (core/bundle/stripped_recordings.py). It is written under a temporary name
beside the target and renamed only once complete.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from amanat.core import anchoring, audit, leaving, private_files
from amanat.core.atomic_file import sync_folder
from amanat.core.audit import AuditEntry
from amanat.core.bundle import identity, record_json, timed_lines
from amanat.core.bundle.age import Recipient, X25519Recipient
from amanat.core.bundle.age_stream import encrypt
from amanat.core.bundle.container import TarWriter
from amanat.core.bundle.manifest import (
    AUDIT_PATH,
    FONT_LICENCE_NAME,
    MANIFEST_NAME,
    PASSPHRASE_RECIPIENT,
    READER_NAME,
    README_NAME,
    SENDER_KEY_NAME,
    SIGNATURE_NAME,
    FileEntry,
    Manifest,
    bundle_id,
)
from amanat.core.bundle.manifest import signature as sign_manifest
from amanat.core.bundle.reader import SIGNATURE_COMMANDS, Language, reader_html
from amanat.core.bundle.record_json import BundledPage
from amanat.core.bundle.timed_lines import TimedLine
from amanat.core.database import Database
from amanat.core.errors import (
    Detail,
    DiskFullAt,
    ExportCancelled,
    FileProblem,
    NothingToExport,
    os_reason,
)
from amanat.core.file_types import is_recording
from amanat.core.jobs import Cancel, Report, cancelled
from amanat.core.jobs import Progress as Progress  # the shape of every long job's progress
from amanat.core.recordings import strip
from amanat.core.records import (
    Annotation,
    Audience,
    Document,
    DocumentKind,
    Event,
    Page,
    Person,
    Provenance,
    Role,
    Tag,
    Text,
    TextRange,
    Visibility,
    new_id,
    now,
)
from amanat.core.resources import resource
from amanat.core.segments.objects import Sealed
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, events, pages, people, tags, texts
from amanat.core.storage import timecodes as timecode_store
from amanat.core.storage.documents import DocumentFilter

_AUDIENCE_RANK = {audience: rank for rank, audience in enumerate(Audience)}

NAMES_A_WITNESS = "it names an anonymised witness"
"""Why an audit entry stays home: its words name a witness who leaves under a pseudonym."""


@dataclass(frozen=True, slots=True)
class ExportScope:
    """Which documents: those matching every filter given (person, tag, dates), plus the
    documents named by id."""

    person_id: str | None = None
    document_ids: tuple[str, ...] = ()
    tag_id: str | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None

    @property
    def empty(self) -> bool:
        return not (self.person_id or self.document_ids or self.tag_id or self.since or self.until)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    originals: bool = False
    """Send the original files byte for byte, with their metadata (GPS, camera, names)."""
    annotations: bool = True
    """Shareable annotations; private ones never leave."""
    events: bool = True
    audit: bool = False
    """The audit entries of what leaves."""
    audience: Audience = Audience.ADVOCATES
    """Who the recipients are: testimony consented to a narrower circle is held back.
    Private testimony never leaves, whatever this says."""
    language: Language = Language.ENGLISH
    """The sender's language: the reader inside the bundle (index.html) opens in it."""


@dataclass(frozen=True, slots=True)
class HeldBack:
    record_type: str
    record_id: str
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Pseudonym:
    person_id: str
    name: str
    pseudonym: str


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """What will leave, as it will leave, and what is held back and why."""

    scope: ExportScope
    options: ExportOptions
    documents: tuple[Document, ...]
    pages: tuple[Page, ...]
    """As stored here; the copy that leaves (core/leaving.py) is made of each when the bundle
    is written."""
    texts: tuple[Text, ...]
    """As they leave: redacted passages marked, witnesses' names replaced."""
    people: tuple[Person, ...]
    """Pseudonymised where needed."""
    tags: tuple[Tag, ...]
    events: tuple[Event, ...]
    annotations: tuple[Annotation, ...]
    audit_entries: tuple[AuditEntry, ...]
    held_back: tuple[HeldBack, ...]
    pseudonyms: tuple[Pseudonym, ...]
    warnings: tuple[str, ...] = ()
    pseudonym_ids: frozenset[str] = field(default_factory=frozenset)
    replacements: tuple[leaving.Replacement, ...] = ()
    redacted_page_ids: frozenset[str] = field(default_factory=frozenset)
    """The pages that leave with rectangles blacked out (as sanitised copies, always)."""
    redacted_passages: int = 0
    """How many redacted passages leave as marks."""
    """Each name of an anonymised witness (both scripts, aliases) and the pseudonym that
    replaces it in the titles, texts, comments and notes that leave."""
    timed_lines: Mapping[str, tuple[TimedLine, ...]] = field(default_factory=dict)
    """Per text id, the time codes of the lines of the text as it leaves (none for a text
    without any)."""


@dataclass(frozen=True, slots=True)
class WrittenBundle:
    path: Path
    bundle_id: str
    size: int
    files: int


def new_passphrase() -> str:
    """A strong passphrase for a bundle, to be passed on separately (by phone, on paper):
    eight groups of four digits, about 106 bits, read aloud alike in Persian and English."""
    digits = f"{secrets.randbelow(10**32):032d}"
    return "-".join(digits[i : i + 4] for i in range(0, 32, 4))


# --- Planning ----------------------------------------------------------------------------


def plan_export(
    db: Database, scope: ExportScope, options: ExportOptions | None = None
) -> ExportPlan:
    options = options or ExportOptions()
    if scope.empty:
        raise NothingToExport(reason=Detail("export-nothing-chosen"))
    if options.audience is Audience.PRIVATE:
        raise NothingToExport(reason=Detail("export-private"))
    keys = identity.ensure(db)
    held: list[HeldBack] = []
    chosen = [d for d in _candidates(db, scope, held) if _may_leave(d, options, held)]

    # The witnesses of anonymised documents. Each leaves under the same id and name in
    # every bundle from this archive (both derived from the person's id under the archive's
    # secret), so an advocate who receives several keeps one witness as one person, and no
    # name depends on what else happens to be in the bundle.
    pseudonyms = pseudonyms_of(
        db, [d.author_id for d in chosen if d.consent.anonymise and d.author_id]
    )
    to_pseudonym = {person_id: keys.pseudonym_id(person_id) for person_id in pseudonyms}

    replacements = leaving.replacements_for(
        db, {person_id: p.pseudonym for person_id, p in pseudonyms.items()}
    )

    def swap(ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(to_pseudonym.get(i, i) for i in ids)

    leaving_documents = []
    for document in chosen:
        provenance = document.provenance
        if document.consent.anonymise:
            # Who handed it over, and how, is usually the witness themself.
            provenance = Provenance(received_on=provenance.received_on)
        else:  # a witness may have passed on someone else's letter
            provenance = replace(
                provenance,
                received_from=leaving.replace_names(provenance.received_from, replacements),
                how=leaving.replace_names(provenance.how, replacements),
            )
        leaving_documents.append(
            replace(
                document,
                title=leaving.replace_names(document.title, replacements),
                author_id=to_pseudonym.get(document.author_id or "", document.author_id),
                recipient_ids=swap(document.recipient_ids),
                concerned_ids=swap(document.concerned_ids),
                provenance=provenance,
                trashed=None,
            )
        )
    document_ids = {d.id for d in chosen}
    # An original's file name ("Omid's letter.jpg") leaves with it when originals are sent.
    its_pages = [
        replace(p, original_name=leaving.replace_names(p.original_name, replacements))
        for d in chosen
        for p in pages.pages_of(db, d.id)
    ]
    redacted_pages = frozenset(p.id for p in its_pages if leaving.is_redacted(db, p.id))
    its_texts = []
    leaving_bodies: dict[str, leaving.LeavingText] = {}
    its_timed_lines: dict[str, tuple[TimedLine, ...]] = {}
    for document in chosen:
        for text in texts.texts_of(db, document.id):
            leaving_bodies[text.id] = leaving.leaving_text(db, text, replacements)
            its_texts.append(
                replace(
                    text,
                    body=leaving_bodies[text.id].body,
                    made_by=leaving.replace_names(text.made_by, replacements),
                )
            )
            timed = timed_lines.as_they_leave(
                timecode_store.of_text(db, text.id), leaving_bodies[text.id]
            )
            if timed:
                its_timed_lines[text.id] = timed

    leaving_annotations: list[Annotation] = []
    if options.annotations:
        text_ids = {t.id for t in its_texts}
        page_ids = {p.id for p in its_pages}
        for document in chosen:
            for note in annotation_store.annotations_of(db, document.id):
                target = note.target
                on = target.text_id if isinstance(target, TextRange) else target.page_id
                if note.visibility is not Visibility.SHAREABLE:
                    held.append(HeldBack("annotation", note.id, _short(note.body), "private"))
                elif note.orphaned or on not in text_ids | page_ids:
                    held.append(
                        HeldBack("annotation", note.id, _short(note.body), "its passage is gone")
                    )
                else:
                    leaving_annotations.append(_as_it_leaves(note, leaving_bodies, replacements))

    leaving_events: list[Event] = []
    if options.events:
        found: dict[str, Event] = {}
        if scope.person_id:
            for event in events.events_of(db, scope.person_id):
                if _in_dates(event.date.start, event.date.end, scope):
                    found[event.id] = event
        for document in chosen:
            for event in _events_citing(db, document.id):
                found.setdefault(event.id, event)
        for event in found.values():
            if event.person_id in pseudonyms:
                held.append(
                    HeldBack("event", event.id, event.type.value, "its person is anonymised")
                )
                continue
            leaving_events.append(
                replace(
                    event,
                    place=leaving.replace_names(event.place, replacements),
                    description=leaving.replace_names(event.description, replacements),
                    source_ids=tuple(s for s in event.source_ids if s in document_ids),
                )
            )

    person_ids = dict.fromkeys(
        [p for d in chosen for p in d.people_ids] + [e.person_id for e in leaving_events]
    )
    leaving_people = []
    for person_id in person_ids:
        person = people.get(db, person_id)
        if person_id in pseudonyms:
            person = Person(
                display_name=pseudonyms[person_id].pseudonym,
                roles=(Role.WITNESS,),
                id=to_pseudonym[person_id],
                created=person.created,
                modified=person.created,
            )
        else:
            person = replace(person, notes=leaving.replace_names(person.notes, replacements))
        leaving_people.append(person)

    tag_ids: dict[str, None] = {}
    used_tags = [t for d in chosen for t in d.tag_ids]
    used_tags += [t for e in leaving_events for t in e.tag_ids]
    used_tags += [t for a in leaving_annotations for t in a.tag_ids]
    for tag_id in used_tags:
        _with_ancestors(db, tag_id, tag_ids)
    leaving_tags = [
        replace(tag, name=leaving.replace_names(tag.name, replacements))
        for tag in (tags.get(db, t) for t in tag_ids)
    ]

    entries: list[AuditEntry] = []
    if options.audit:
        included = (
            document_ids
            | {t.id for t in its_texts}
            | {a.id for a in leaving_annotations}
            | {e.id for e in leaving_events}
            | {p for p in person_ids if p not in pseudonyms}
            | set(tag_ids)
        )
        if options.originals:  # a page's entry names its original's hash
            included |= {p.id for p in its_pages}
        for entry in audit.entries(db):
            if entry.record_id not in included:
                continue
            # An entry's hash covers its words, so a name in them cannot be replaced: the
            # hash would let anyone test a guess of the name. Such an entry stays home.
            said = f"{entry.summary}\n{entry.actor}"
            if leaving.replace_names(said, replacements) != said:
                summary = leaving.replace_names(entry.summary, replacements)
                held.append(HeldBack("audit", str(entry.seq), _short(summary), NAMES_A_WITNESS))
            else:
                entries.append(entry)

    warnings = []
    for pseudonym in pseudonyms.values():
        warnings.append(
            f"{pseudonym.name} leaves as “{pseudonym.pseudonym}”, their names replaced by it in "
            "the titles, texts, tags, events and notes; check that nothing else there tells "
            "who they are."
        )
    if options.originals:
        warnings.append(
            "Original files leave byte for byte, with any location, camera and names in them; "
            "a page with redactions leaves as a sanitised copy with them burned in."
        )
    recorded = sorted({p.mime_type for p in its_pages if is_recording(p.mime_type)})
    if recorded and not options.originals:
        warnings.append(
            f"{sum(is_recording(p.mime_type) for p in its_pages)} recording(s) leave as "
            "stripped copies, without their tags (place, phone, names, dates); what they "
            "still carry: "
            + "; ".join(dict.fromkeys(strip.WHAT_STAYS[mime] for mime in recorded))
            + ". Voices and what is seen can still tell who and where."
        )
    return ExportPlan(
        scope=scope,
        options=options,
        documents=tuple(leaving_documents),
        pages=tuple(its_pages),
        texts=tuple(its_texts),
        people=tuple(leaving_people),
        tags=tuple(leaving_tags),
        events=tuple(leaving_events),
        annotations=tuple(leaving_annotations),
        audit_entries=tuple(entries),
        held_back=tuple(held),
        pseudonyms=tuple(pseudonyms.values()),
        warnings=tuple(warnings),
        pseudonym_ids=frozenset(to_pseudonym.values()),
        replacements=replacements,
        redacted_page_ids=redacted_pages,
        redacted_passages=sum(body.redacted for body in leaving_bodies.values()),
        timed_lines=its_timed_lines,
    )


def pseudonyms_of(db: Database, person_ids: Sequence[str]) -> dict[str, Pseudonym]:
    """The pseudonym each of these people leaves under (a bundle, a case file, a
    chronology): the same from this archive whatever else leaves with them."""
    keys = identity.ensure(db)
    to_pseudonym = {person_id: keys.pseudonym_id(person_id) for person_id in person_ids}
    labels = _labels(to_pseudonym, _names_in_archive(db))
    return {
        person_id: Pseudonym(person_id, people.get(db, person_id).display_name, labels[person_id])
        for person_id in to_pseudonym
    }


def _as_it_leaves(
    note: Annotation,
    bodies: dict[str, leaving.LeavingText],
    replacements: Sequence[leaving.Replacement],
) -> Annotation:
    """An annotation as it leaves: its comment with the witnesses' names replaced, and a
    passage placed, quoted and given its context in the text as it leaves, so neither its
    quote nor its context carries a redacted word or a real name."""
    note = replace(
        note,
        body=leaving.replace_names(note.body, replacements),
        author=leaving.replace_names(note.author, replacements),
    )
    target = note.target
    if not isinstance(target, TextRange) or target.text_id not in bodies:
        return note
    body = bodies[target.text_id]
    start = body.position(target.start)
    end = max(start, body.position(target.end, end=True))
    return replace(note, target=anchoring.text_range(target.text_id, body.body, start, end))


def _names_in_archive(db: Database) -> set[str]:
    """Every name and alias of every person here, folded, for pseudonyms to stay clear of."""
    names = set()
    for person in people.all_people(db) + people.trashed_people(db):
        for name in (person.display_name, person.name_fa, person.name_latin, *person.aliases):
            names.add(" ".join(name.split()).casefold())
    return names


def _candidates(db: Database, scope: ExportScope, held: list[HeldBack]) -> list[Document]:
    found: dict[str, Document] = {}
    if scope.person_id or scope.tag_id or scope.since or scope.until:
        if scope.person_id:
            people.get(db, scope.person_id)  # a mistyped id is an error, not an empty bundle
        where = DocumentFilter(person_id=scope.person_id, tag_id=scope.tag_id)
        for document in documents.list_documents(db, where):
            start, end = (document.date.start, document.date.end) if document.date else (None, None)
            if _in_dates(start, end, scope):
                found[document.id] = document
    for document_id in scope.document_ids:
        document = documents.get(db, document_id)
        if document.trashed is not None:
            held.append(HeldBack("document", document.id, document.title, "it is in the trash"))
        else:
            found.setdefault(document.id, document)
    return sorted(found.values(), key=lambda d: (d.date is None, d.date and d.date.start, d.title))


def _in_dates(start: datetime.date | None, end: datetime.date | None, scope: ExportScope) -> bool:
    if scope.since is None and scope.until is None:
        return True
    if start is None or end is None:
        return False  # undated: cannot be shown to fall in the range
    return (scope.since is None or end >= scope.since) and (
        scope.until is None or start <= scope.until
    )


def _may_leave(document: Document, options: ExportOptions, held: list[HeldBack]) -> bool:
    consent = document.consent
    reason = ""
    if consent.withdrawn:
        reason = "the witness withdrew consent"
    elif document.kind is DocumentKind.TESTIMONY:
        if consent.audience is Audience.PRIVATE:
            reason = "private testimony never leaves"
        elif _AUDIENCE_RANK[consent.audience] < _AUDIENCE_RANK[options.audience]:
            reason = f"the witness consented to “{consent.audience.value}” only"
    if reason:
        held.append(HeldBack("document", document.id, document.title, reason))
    return not reason


def _events_citing(db: Database, document_id: str) -> list[Event]:
    rows = db.all("SELECT event_id FROM event_sources WHERE document_id = ?", (document_id,))
    return [events.get(db, event_id) for (event_id,) in rows]


def _with_ancestors(db: Database, tag_id: str, into: dict[str, None]) -> None:
    current: str | None = tag_id
    chain = []
    while current is not None and current not in into:
        chain.append(current)
        current = tags.get(db, current).parent_id
    for found in reversed(chain):  # parents first, so an importer can add them in order
        into[found] = None


# Letters that cannot be misread for digits or each other (no I, O), spelt alike in any
# Latin alphabet; five of them give 24^5 ≈ 8 million names.
_PSEUDONYM_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_PSEUDONYM_LENGTH = 5


def _labels(to_pseudonym: dict[str, str], taken: set[str]) -> dict[str, str]:
    """Names such as "Witness KRTAX", read from the pseudonym ids, so the same in every
    bundle. Two witnesses in one bundle whose first letters collide (about one chance in
    8 million) get more letters, so they are never shown under one name; so does a witness
    whose name would be the real name of someone in the archive (``taken``, folded), so no
    reader mistakes the one for the other."""
    if not to_pseudonym:
        return {}
    letters = {
        person_id: _spelt(uuid.UUID(pseudonym_id).int)
        for person_id, pseudonym_id in to_pseudonym.items()
    }
    length = _PSEUDONYM_LENGTH
    while True:
        shown = {person_id: f"Witness {spelt[:length]}" for person_id, spelt in letters.items()}
        apart = len(set(shown.values())) == len(shown)
        clear = not any(label.casefold() in taken for label in shown.values())
        if (apart and clear) or length >= max(len(spelt) for spelt in letters.values()):
            return shown
        length += 1


def _spelt(number: int) -> str:
    out = []
    while number:
        number, digit = divmod(number, len(_PSEUDONYM_LETTERS))
        out.append(_PSEUDONYM_LETTERS[digit])
    return "".join(out)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


# --- Writing -----------------------------------------------------------------------------


@dataclass
class _File:
    """A file that will leave: where its bytes come from, and what they hash to."""

    sha256: str
    size: int
    page_id: str
    sanitised: bool
    recording: leaving.LeavingRecording | None = None
    """A recording's stripped copy: made again into the bundle as the worker makes it."""


def _recipient_names(recipients: Sequence[Recipient]) -> list[str]:
    """What the manifest names for each recipient: the public key, or that a passphrase
    opens it (the passphrase itself, of course, never)."""
    names = []
    for recipient in recipients:
        if isinstance(recipient, X25519Recipient):
            names.append(recipient.to_string())
        else:
            names.append(PASSPHRASE_RECIPIENT)
    return names


def write_bundle(
    db: Database,
    plan: ExportPlan,
    path: Path,
    recipients: Sequence[Recipient],
    progress: Report | None = None,
    cancel: Cancel | None = None,
) -> WrittenBundle:
    """Write ``plan`` to ``path`` (which must not exist), encrypted to ``recipients``."""
    path = Path(path)
    if path.exists():
        raise FileProblem(path=str(path), reason=Detail("file-exists"))
    if not (plan.documents or plan.people or plan.events):
        raise NothingToExport(reason=Detail("export-all-held-back"))
    keys = identity.ensure(db)
    created = now()
    archive_id = str(db.value("SELECT value FROM meta WHERE key = 'archive_id'"))

    # First pass: every record as bytes and every file's hash. The manifest, which comes
    # first in the bundle, lists them all; a sanitised copy is made here only to be hashed,
    # and made again when written, so no more than one is ever held.
    records: dict[str, bytes] = {}

    def put(kind: str, record_id: str, value: dict[str, Any]) -> None:
        records[f"records/{kind}/{record_id}.json"] = record_json.encode(value)

    files: dict[str, _File] = {}
    for number, page in enumerate(plan.pages):
        _check(cancel)
        # Files are counted once hashed here and once written; the total is known once all
        # are hashed, so until then it is the number of pages twice (an upper bound).
        _report(progress, number, len(plan.pages) * 2, page.original_name)
        bundled = _bundled_page(db, page, plan.options.originals, files, cancel)
        put("pages", page.id, record_json.page_json(bundled))
    for tag in plan.tags:
        put("tags", tag.id, record_json.tag_json(tag))
    for person in plan.people:
        put("people", person.id, record_json.person_json(person, person.id in plan.pseudonym_ids))
    for document in plan.documents:
        put("documents", document.id, record_json.document_json(document))
    for text in plan.texts:
        put("texts", text.id, record_json.text_json(text, plan.timed_lines.get(text.id, ())))
    for event in plan.events:
        put("events", event.id, record_json.event_json(event))
    tag_paths = _tag_paths(plan.tags)
    for note in plan.annotations:
        put("annotations", note.id, record_json.annotation_json(note, tag_paths))
    if plan.audit_entries:
        records[AUDIT_PATH] = record_json.encode(
            [record_json.audit_json(e) for e in plan.audit_entries]
        )
    readme = _readme(created).encode()
    # The reader, the sender's key for OpenSSL and the font's licence come right after the
    # README, before the records: signed like every other file, found at once by a person.
    beside: dict[str, bytes] = {
        README_NAME: readme,
        READER_NAME: reader_html(records, plan.options.language, created, keys.fingerprint),
        SENDER_KEY_NAME: identity.public_key_pem(keys.signing_public),
        FONT_LICENCE_NAME: resource("fonts", "OFL.txt").read_bytes(),
    }
    entries = [
        FileEntry(name, hashlib.sha256(data).hexdigest(), len(data))
        for name, data in beside.items()
    ]
    entries += [
        FileEntry(name, hashlib.sha256(data).hexdigest(), len(data))
        for name, data in records.items()
    ]
    entries += [FileEntry(f"files/{f.sha256}", f.sha256, f.size) for f in files.values()]
    manifest = Manifest(
        created=created,
        sender_archive_id=archive_id,
        signing_key=keys.signing_public,
        scope=_scope_json(plan),
        redaction=_redaction_json(plan.options),
        files=tuple(entries),
        export_id=new_id(),
        recipients=tuple(_recipient_names(recipients)),
    )
    manifest_bytes = manifest.to_bytes()
    total = len(plan.pages) + len(files)

    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with private_files.create_new(temporary) as handle:
            _write(
                handle,
                recipients,
                created,
                manifest_bytes,
                sign_manifest(keys, manifest_bytes),
                beside,
                records,
                files,
                db,
                lambda done, name: _report(progress, len(plan.pages) + done, total, name),
                cancel,
            )
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            if error.errno == 28:  # ENOSPC
                raise DiskFullAt(path=str(path.parent)) from error
            raise FileProblem(path=str(path), reason=os_reason(error)) from error
        raise
    sync_folder(path.parent)
    return WrittenBundle(path, bundle_id(manifest_bytes), path.stat().st_size, len(files))


def _tag_paths(leaving_tags: Sequence[Tag]) -> dict[str, str]:
    """Each tag's full name ("conditions/solitary") made of the names as they leave (the
    plan holds every tag's parents)."""
    by_id = {tag.id: tag for tag in leaving_tags}
    found = {}
    for tag in leaving_tags:
        names = []
        current: Tag | None = tag
        while current is not None:
            names.append(current.name)
            current = by_id.get(current.parent_id or "")
        found[tag.id] = tags.SEPARATOR.join(reversed(names))
    return found


def _bundled_page(
    db: Database,
    page: Page,
    originals: bool,
    files: dict[str, _File],
    cancel: Cancel | None = None,
) -> BundledPage:
    details = pages.scan_details(db, page.id)
    # A redacted page leaves as a copy with the redactions burned in, originals or not.
    if originals and not leaving.is_redacted(db, page.id):
        files.setdefault(page.sha256, _File(page.sha256, page.size, page.id, sanitised=False))
        return BundledPage(
            page=page,
            sanitised=False,
            source_page=details.source_page,
            metadata=details.metadata or "{}",
            has_location=details.has_location,
            has_person_name=details.has_person_name,
        )
    if is_recording(page.mime_type):
        # Measured here and made again when written: a 500 MB video is never held whole.
        recording = leaving.recording_as_it_leaves(db, page.id, cancel)
        digest, size = recording.sha256, recording.size
        mime_type, suffix = recording.mime_type, recording.suffix
        width, height = recording.width, recording.height
        files.setdefault(digest, _File(digest, size, page.id, sanitised=True, recording=recording))
    else:
        copy = leaving.page_as_it_leaves(db, page.id, keep_metadata=False)
        digest, size = hashlib.sha256(copy.data).hexdigest(), len(copy.data)
        mime_type, suffix = copy.mime_type, copy.suffix
        width, height = copy.width, copy.height
        files.setdefault(digest, _File(digest, size, page.id, sanitised=True))
    # The sanitised copy is upright already and carries no name: the original's file name
    # ("IMG_2034 from Roya.jpg") is metadata too.
    as_it_leaves = replace(
        page,
        sha256=digest,
        mime_type=mime_type,
        size=size,
        width=width,
        height=height,
        rotation=0,
        original_name=f"page-{page.number}{suffix}",
    )
    return BundledPage(page=as_it_leaves, sanitised=True)


def _write(
    handle: BinaryIO,
    recipients: Sequence[Recipient],
    created: datetime.datetime,
    manifest_bytes: bytes,
    signature: bytes,
    beside: dict[str, bytes],
    records: dict[str, bytes],
    files: dict[str, _File],
    db: Database,
    report: Callable[[int, str], None],
    cancel: Cancel | None,
) -> None:
    # Files go through a pipeline of two: this thread reads the next file out of the
    # database while a second one checks the last file's hash and encrypts it (SQLCipher
    # and hashlib both let go of the GIL). Reading, hashing and encrypting one after the
    # other took half as long again. At most two files are held at once.
    with (
        encrypt(handle, recipients) as writer,
        TarWriter(writer, created.timestamp()) as tar,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-writer") as pool,
    ):
        tar.add(MANIFEST_NAME, manifest_bytes)
        tar.add(SIGNATURE_NAME, signature)
        for name, data in beside.items():
            tar.add(name, data)
        for name, data in records.items():
            _check(cancel)
            tar.add(name, data)
        writing: Future[None] | None = None
        for number, file in enumerate(files.values()):
            _check(cancel)
            report(number, f"files/{file.sha256}")
            if file.recording is not None:
                # Made again by the worker and written into the tar as it comes, on this
                # thread: the tar is free once the file before is written.
                if writing is not None:
                    writing.result()
                    writing = None
                with tar.adding(f"files/{file.sha256}", file.size) as out:
                    leaving.write_recording_as_it_leaves(db, file.recording, out, cancel)
            elif file.sanitised:
                data = leaving.page_as_it_leaves(db, file.page_id, keep_metadata=False).data
                if writing is not None:
                    writing.result()  # in order, and its failure stops the export here
                writing = pool.submit(_add_file, tar, file, data)
                del data
            else:
                # An original streams from its segment, chunk by chunk, while this thread
                # finds the next one.
                sealed = pages.original(db, file.page_id)
                if writing is not None:
                    writing.result()
                writing = pool.submit(_add_original, tar, file, sealed)
        if writing is not None:
            writing.result()


def _add_file(tar: TarWriter, file: _File, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != file.sha256:
        # An original that no longer matches its hash is damage `amanat check` will name; a
        # sanitised copy that changed between passes is a bug. Either way, the bundle must
        # not promise a hash its file does not have.
        raise FileProblem(
            path=Detail("page-named", page=file.page_id),
            reason=Detail("page-file-changed"),
        )
    tar.add(f"files/{file.sha256}", data)


def _add_original(tar: TarWriter, file: _File, sealed: Sealed) -> None:
    """An original, as sealed. It is not hashed again: each chunk is authenticated under the
    object's own key as it is read (a changed or damaged one stops the export with
    StoredObjectDamaged), and its SHA-256 was recorded from the same bytes when it was
    sealed. Hashing it again took a third of the export's time."""
    if sealed.sha256 != file.sha256 or sealed.size != file.size:
        raise FileProblem(
            path=Detail("page-named", page=file.page_id),
            reason=Detail("page-file-changed"),
        )
    tar.add_stream(f"files/{file.sha256}", sealed.size, sealed.chunks())


def _check(cancel: Cancel | None) -> None:
    if cancelled(cancel):
        raise ExportCancelled()


def _report(progress: Report | None, done: int, total: int, current: str) -> None:
    if progress is not None:
        progress(Progress(done, total, current))


def _scope_json(plan: ExportPlan) -> dict[str, Any]:
    scope = plan.scope
    pseudonyms = {p.person_id for p in plan.pseudonyms}
    person = scope.person_id
    if person in pseudonyms:  # never the real id of someone who leaves under a pseudonym
        person = None
    return {
        "person_id": person,
        "document_ids": [d.id for d in plan.documents],
        "tag_id": scope.tag_id,
        "since": scope.since.isoformat() if scope.since else None,
        "until": scope.until.isoformat() if scope.until else None,
    }


def _redaction_json(options: ExportOptions) -> dict[str, Any]:
    # The policy only: how much was held back would itself say that private material exists.
    return {
        "files": "originals" if options.originals else "sanitised",
        "annotations": "shareable" if options.annotations else "none",
        "events": options.events,
        "audit": options.audit,
        "audience": options.audience.value,
        "withdrawn": "never included",
        "anonymised_witnesses": "pseudonym",
        "redactions": "burned into the pages, marked in the texts",
    }


def _readme(created: datetime.datetime) -> str:
    return f"""Amanat bundle, made {created.date().isoformat()}
=====================================

This is an encrypted bundle of letters and testimony from an Amanat archive. The best way
to open it is Amanat itself: "Import bundle" checks who signed it and that nothing was
changed, and adds it to your archive.

Without Amanat, the free `age` tool opens it (https://age-encryption.org):

    age -d -o bundle.tar BUNDLE            (asks for the passphrase)
    age -d -i my-key.txt -o bundle.tar BUNDLE   (with your age secret key)
    tar -xf bundle.tar

Inside:
  manifest.json   who sent it (archive id, signing key and its fingerprint), what was
                  chosen, how it was redacted, and every file with its SHA-256
  manifest.sig    the sender's Ed25519 signature over manifest.json
  records/        people, documents, pages, texts, tags, events, annotations as JSON
                  (annotations in the W3C Web Annotation data model; a text's
                  "timecodes" say at which second of its recording each of those lines,
                  counted from 1, starts)
  files/          the page images, each named by its SHA-256

  index.html      a reader: open it in any web browser to read everything above, pages
                  and texts side by side (it loads nothing from the network)
  sender.pem      the sender's public signing key (Ed25519), for OpenSSL
  OFL.txt         the licence of the Persian font inside index.html

Compare the fingerprint in manifest.json with the one the sender reads you by phone.
Opening with `age` does not check the signature. Amanat does when it imports the bundle;
without Amanat, OpenSSL 3 does, run in the folder of the extracted bundle:

    {_COMMANDS}

"Signature Verified Successfully" means manifest.json is exactly what the holder of
sender.pem signed. It lists every file with its SHA-256 (`sha256sum FILE` shows a file's).
Keep the opened files as safe as the people in them.
"""


_COMMANDS = "\n    ".join(SIGNATURE_COMMANDS)
