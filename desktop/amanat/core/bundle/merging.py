"""Merging a verified bundle into the archive: records keep their ids; one here already with
the same content is left as it is, one that differs is kept beside ours (a conflict, theirs
under a new id); and what the bundle adds to records that were here before is noted, for the
import to show and, unless the signer is trusted, to ask about."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from amanat.core.audit import AuditEntry
from amanat.core.bundle import record_json, timed_lines
from amanat.core.bundle.arriving_pictures import ArrivingPictures
from amanat.core.bundle.manifest import Manifest
from amanat.core.bundle.record_json import BundledPage
from amanat.core.bundle.timed_lines import TimedLine
from amanat.core.database import Database
from amanat.core.errors import BundleDamaged, Detail, RecordNotFound
from amanat.core.records import (
    Annotation,
    Document,
    Event,
    ImageRegion,
    Page,
    Person,
    Tag,
    TextRange,
    TimeRange,
    new_id,
)
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, events, pages, people, tags, texts
from amanat.core.storage import timecodes as timecode_store

R = TypeVar("R")


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


@dataclass
class Staged:
    """A bundle's contents once read and checked: the manifest, the parsed records, and
    which files were stored."""

    manifest: Manifest
    bundle_id: str
    records: dict[str, list[Any]] = field(default_factory=dict)
    audit_entries: list[AuditEntry] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    places: dict[str, set[int | None]] = field(default_factory=dict)
    """For each file, the places in it of the pages staged so far (to draw them)."""
    timed_lines: dict[str, tuple[TimedLine, ...]] = field(default_factory=dict)
    """For each text of the bundle that has them, the time codes of its lines."""


class Merge:
    def __init__(self, db: Database, staged: Staged, pictures: ArrivingPictures) -> None:
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
            added_before = self.added
            if self._settle("texts", text, texts.get, texts.add, lambda t: replace(t, id=new_id())):
                self._note_addition("texts", text, [("documents", text.document_id)])
            if self.added > added_before:  # new here, under its own id or beside ours
                self._timed_lines(self.ids["texts"][text.id], text.body, text.id)
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

    def _timed_lines(self, local_id: str, body: str, bundle_id: str) -> None:
        """The time codes the text had in the bundle, on the same lines of the text that
        arrived. A text that was here already keeps its own."""
        starts = timed_lines.line_offsets(body)
        for timed in self.staged.timed_lines.get(bundle_id, ()):
            timecode_store.mark(self.db, local_id, starts[timed.line - 1], timed.seconds)

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
            raise BundleDamaged(detail=Detail("record-reference-missing", kind=kind))
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
            raise BundleDamaged(detail=Detail("tags-nested-in-themselves"))
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
        target: TextRange | ImageRegion | TimeRange = note.target
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
            raise BundleDamaged(detail=Detail("page-without-file", page=page.id))
        bundled = replace(bundled, page=page)

        def add(db: Database, page: Page) -> Page:
            details = pages.ScanDetails(
                source_page=bundled.source_page,
                source_path="",
                metadata=bundled.metadata,
                has_location=bundled.has_location,
                has_person_name=bundled.has_person_name,
            )
            page = pages.add_received(db, page, details)
            self.pictures.store(db, page, bundled.source_page)
            return page

        if self._settle("pages", page, pages.get, add, lambda p: replace(p, id=new_id())):
            self._note_addition("pages", page, [("documents", page.document_id)])

    def _unused_files(self) -> None:
        used = {bundled.page.sha256 for bundled in self.staged.records.get("pages", [])}
        if self.staged.files - used:
            raise BundleDamaged(detail=Detail("files-unused"))


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
    if isinstance(ours, TimeRange) and isinstance(theirs, TimeRange):
        ends = ((ours.start, theirs.start), (ours.end, theirs.end))
        return ours.page_id == theirs.page_id and all(abs(a - b) < 1e-3 for a, b in ends)
    return False


def _label(record: object) -> str:
    for name in ("title", "display_name", "description", "body", "name"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value if len(value) <= 60 else value[:59] + "…"
    return str(getattr(record, "id", ""))
