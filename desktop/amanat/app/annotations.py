"""Annotations: a lawyer's comments on a passage of a text, a rectangle of a page or a time
range of a recording, tagged, private unless made shareable; listed per document or across
the archive."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

from amanat.app import tags as tag_paths
from amanat.app.tags import TagEntry
from amanat.core.database import Database
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.records import (
    Annotation,
    ImageRegion,
    TextKind,
    TextRange,
    TimeRange,
    Visibility,
)
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, pages, texts
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    """One annotation as the lists show it, with what it points at in the users' words."""

    annotation: Annotation
    document_id: str
    document_title: str
    tags: tuple[TagEntry, ...]
    text_kind: TextKind | None = None
    """The kind of text it marks; None for a region of a page, or a text deleted since."""
    text_language: str = ""
    page_number: int | None = None

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def on_page(self) -> bool:
        return isinstance(self.annotation.target, ImageRegion)

    @property
    def on_recording(self) -> bool:
        return isinstance(self.annotation.target, TimeRange)


@dataclass(frozen=True, slots=True)
class AnnotationFields:
    """What the user chooses for an annotation; its target and author stay as they are."""

    body: str
    tag_paths: tuple[str, ...]
    visibility: Visibility


@dataclass(frozen=True, slots=True)
class AnnotationQuery:
    """The filters of the archive-wide list; None lets everything through."""

    document_id: str | None = None
    tag_id: str | None = None
    author: str | None = None
    visibility: Visibility | None = None


@dataclass(frozen=True, slots=True)
class AnnotationOverview:
    rows: tuple[AnnotationRow, ...]
    authors: tuple[str, ...]
    documents: tuple[tuple[str, str], ...]
    """(id, title) of every document with an annotation."""
    tags: tuple[TagEntry, ...]


def _row(db: Database, annotation: Annotation, titles: dict[str, str]) -> AnnotationRow:
    document_id = annotation.document_id
    if document_id not in titles:
        try:
            titles[document_id] = documents.get(db, document_id).title
        except RecordNotFound:
            titles[document_id] = ""
    target = annotation.target
    kind: TextKind | None = None
    language = ""
    number: int | None = None
    if isinstance(target, TextRange):
        try:
            text = texts.get(db, target.text_id)
        except RecordNotFound:
            pass  # the text was deleted: the annotation is listed, orphaned
        else:
            kind, language = text.kind, text.language
    else:
        # Its page may never have arrived (an imported annotation), or be in the trash
        # (number 0, no place in the document): listed all the same, with no page number.
        with contextlib.suppress(RecordNotFound):
            number = pages.get(db, target.page_id).number or None
    return AnnotationRow(
        annotation,
        document_id,
        titles[document_id],
        tag_paths.entries_of(db, annotation.tag_ids),
        kind,
        language,
        number,
    )


def document_annotations(archive: Archive, document_id: str) -> list[AnnotationRow]:
    db = archive.db
    titles: dict[str, str] = {}
    return [_row(db, a, titles) for a in annotation_store.find(db, document_id=document_id)]


def find_annotations(archive: Archive, query: AnnotationQuery) -> AnnotationOverview:
    """The annotations ``query`` lets through, and the choices its filters offer (taken from
    every annotation, so a filter never offers something that finds nothing)."""
    db = archive.db
    titles: dict[str, str] = {}
    found = annotation_store.find(
        db,
        document_id=query.document_id,
        tag_id=query.tag_id,
        author=query.author,
        visibility=query.visibility,
    )
    rows = tuple(_row(db, annotation, titles) for annotation in found)
    everything = annotation_store.annotations_of(db)
    authors = sorted({a.author for a in everything if a.author}, key=str.casefold)
    for annotation in everything:
        if annotation.document_id not in titles:
            _row(db, annotation, titles)
    document_choices = sorted(
        ((d, t) for d, t in titles.items() if d), key=lambda pair: pair[1].casefold()
    )
    tag_choices = tag_paths.entries_of(db, {t for a in everything for t in a.tag_ids})
    return AnnotationOverview(rows, tuple(authors), tuple(document_choices), tag_choices)


def list_annotations(
    archive: Archive,
    document_id: str | None = None,
    tag_path: str | None = None,
    visibility: Visibility | None = None,
) -> list[AnnotationRow]:
    """Annotations of one document or all, with a tag (or one under it) or a visibility; an
    unknown document or tag is an error, not an empty list."""
    db = archive.db
    if document_id:
        documents.get(db, document_id)
    tag = tag_paths.existing(db, tag_path)
    titles: dict[str, str] = {}
    found = annotation_store.find(
        db, document_id=document_id, tag_id=tag.id if tag else None, visibility=visibility
    )
    return [_row(db, annotation, titles) for annotation in found]


def annotate_text(
    archive: Archive,
    text_id: str,
    start: int,
    end: int,
    fields: AnnotationFields,
    author: str,
    annotation_id: str | None = None,
) -> Annotation:
    """Annotate text[start:end] (Python string offsets of the saved text). The window chooses
    the id beforehand, so that undo can remove it and redo make it again under the same id."""
    db = archive.db
    chosen = {"id": annotation_id} if annotation_id else {}
    with db.transaction():
        return annotation_store.on_text(
            db,
            text_id,
            start,
            end,
            fields.body,
            author=author,
            visibility=fields.visibility,
            tag_ids=tag_paths.ids_of_paths(db, fields.tag_paths),
            **chosen,
        )


def annotate_page(
    archive: Archive,
    page_id: str,
    rectangle: tuple[float, float, float, float],
    fields: AnnotationFields,
    author: str,
    linked_to: str | None = None,
    annotation_id: str | None = None,
) -> Annotation:
    """Annotate a rectangle of a page, as fractions (x, y, width, height) of the upright page;
    ``linked_to``: a text annotation of the same document shown with it."""
    db = archive.db
    x, y, width, height = rectangle
    chosen = {"id": annotation_id} if annotation_id else {}
    with db.transaction():
        return annotation_store.on_page(
            db,
            page_id,
            x,
            y,
            width,
            height,
            fields.body,
            author=author,
            visibility=fields.visibility,
            tag_ids=tag_paths.ids_of_paths(db, fields.tag_paths),
            linked_to=linked_to,
            **chosen,
        )


def annotate_recording(
    archive: Archive,
    page_id: str,
    start: float,
    end: float,
    fields: AnnotationFields,
    author: str,
    annotation_id: str | None = None,
) -> Annotation:
    """Annotate a recording page from ``start`` to ``end`` seconds: a moment of a call or a
    testimony the transcriber wants to come back to. The window chooses the id beforehand,
    as for a passage, so that undo and redo keep it."""
    db = archive.db
    chosen = {"id": annotation_id} if annotation_id else {}
    with db.transaction():
        return annotation_store.on_recording(
            db,
            page_id,
            start,
            end,
            fields.body,
            author=author,
            visibility=fields.visibility,
            tag_ids=tag_paths.ids_of_paths(db, fields.tag_paths),
            **chosen,
        )


def edit_annotation(archive: Archive, annotation_id: str, fields: AnnotationFields) -> Annotation:
    """Give an annotation ``fields``, reading it afresh: its passage may have moved since."""
    db = archive.db
    with db.transaction():
        current = annotation_store.get(db, annotation_id)
        return annotation_store.update(
            db,
            replace(
                current,
                body=fields.body,
                tag_ids=tag_paths.ids_of_paths(db, fields.tag_paths),
                visibility=fields.visibility,
            ),
        )


def change_annotation(
    archive: Archive,
    annotation_id: str,
    body: str | None = None,
    tag_paths: tuple[str, ...] | None = None,
    visibility: Visibility | None = None,
) -> Annotation:
    """Change only what is given (None keeps it), through ``edit_annotation`` as the window's
    Edit… does. A comment given empty is refused: typed on a command line it is most often a
    variable that was not set, and it would erase a lawyer's note without a word."""
    if body is not None and not body.strip():
        raise InvalidInput("annotation-comment-empty")
    db = archive.db
    current = annotation_store.get(db, annotation_id)
    kept_paths = tuple(entry.path for entry in tag_paths_of(db, current.tag_ids))
    fields = AnnotationFields(
        body.strip() if body is not None else current.body,
        tuple(dict.fromkeys(tag_paths)) if tag_paths is not None else kept_paths,
        visibility if visibility is not None else current.visibility,
    )
    return edit_annotation(archive, annotation_id, fields)


def tag_paths_of(db: Database, tag_ids: tuple[str, ...]) -> tuple[TagEntry, ...]:
    """The tags of an annotation, in the order it holds them."""
    found = {entry.tag.id: entry for entry in tag_paths.entries_of(db, tag_ids)}
    return tuple(found[tag_id] for tag_id in tag_ids if tag_id in found)


def link_annotations(
    archive: Archive, image_annotation_id: str, text_annotation_id: str | None
) -> None:
    annotation_store.link(archive.db, image_annotation_id, text_annotation_id)


def remove_annotation(archive: Archive, annotation_id: str) -> Annotation:
    """Take an annotation out; what is returned puts it back (with its link) in ``put_back``."""
    return annotation_store.remove(archive.db, annotation_id)


def put_back(archive: Archive, annotation: Annotation) -> Annotation:
    return annotation_store.add(archive.db, annotation)
