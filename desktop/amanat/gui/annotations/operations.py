"""The annotation operations run on the archive's worker thread (see gui/worker.py): each
returns plain values, and each change comes with the operation that undoes it."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

from amanat.core.database import Database
from amanat.core.errors import RecordNotFound
from amanat.core.records import Annotation, ImageRegion, TextKind, TextRange, Visibility
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, pages, tags, texts
from amanat.gui.operations import TagEntry
from amanat.gui.worker import Operation, Session


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


@dataclass(frozen=True, slots=True)
class AnnotationFields:
    """What the annotation dialog chooses; the target and the author stay as they are."""

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
    entries = tuple(
        sorted(
            (TagEntry(tags.get(db, t), tags.path_of(db, t)) for t in annotation.tag_ids),
            key=lambda entry: entry.path.casefold(),
        )
    )
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
        # Its page may never have arrived (an imported annotation): listed all the same.
        with contextlib.suppress(RecordNotFound):
            number = pages.get(db, target.page_id).number
    return AnnotationRow(
        annotation, document_id, titles[document_id], entries, kind, language, number
    )


def document_annotations(document_id: str) -> Operation[list[AnnotationRow]]:
    def run(session: Session) -> list[AnnotationRow]:
        db = session.require().db
        titles: dict[str, str] = {}
        found = annotation_store.find(db, document_id=document_id)
        return [_row(db, annotation, titles) for annotation in found]

    return run


def find_annotations(query: AnnotationQuery) -> Operation[AnnotationOverview]:
    """The annotations ``query`` lets through, and the choices its filters offer (taken
    from every annotation, so a filter never offers something that finds nothing)."""

    def run(session: Session) -> AnnotationOverview:
        db = session.require().db
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
        tag_ids = {t for a in everything for t in a.tag_ids}
        tag_choices = sorted(
            (TagEntry(tags.get(db, t), tags.path_of(db, t)) for t in tag_ids),
            key=lambda entry: entry.path.casefold(),
        )
        return AnnotationOverview(rows, tuple(authors), tuple(document_choices), tuple(tag_choices))

    return run


def _tag_ids(db: Database, paths: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tags.ensure(db, path).id for path in paths))


def annotate_text(
    annotation_id: str,
    text_id: str,
    start: int,
    end: int,
    fields: AnnotationFields,
    author: str,
) -> Operation[Annotation]:
    """Annotate text[start:end] (Python string offsets of the saved text). The id is chosen
    beforehand so that undo can remove it and redo make it again under the same id."""

    def run(session: Session) -> Annotation:
        db = session.require().db
        with db.transaction():
            return annotation_store.on_text(
                db,
                text_id,
                start,
                end,
                fields.body,
                id=annotation_id,
                author=author,
                visibility=fields.visibility,
                tag_ids=_tag_ids(db, fields.tag_paths),
            )

    return run


def annotate_page(
    annotation_id: str,
    page_id: str,
    rectangle: tuple[float, float, float, float],
    fields: AnnotationFields,
    author: str,
    linked_to: str | None = None,
) -> Operation[Annotation]:
    """Annotate a rectangle of a page, as fractions (x, y, width, height) of the upright
    page; ``linked_to``: a text annotation of the same document shown with it."""

    def run(session: Session) -> Annotation:
        db = session.require().db
        x, y, width, height = rectangle
        with db.transaction():
            return annotation_store.add(
                db,
                Annotation(
                    target=ImageRegion(page_id, x, y, width, height),
                    body=fields.body,
                    author=author,
                    visibility=fields.visibility,
                    tag_ids=_tag_ids(db, fields.tag_paths),
                    linked_to=linked_to,
                    id=annotation_id,
                ),
            )

    return run


def edit_annotation(annotation_id: str, fields: AnnotationFields) -> Operation[Annotation]:
    """Give an annotation ``fields``, reading it afresh: its passage may have moved since."""

    def run(session: Session) -> Annotation:
        db = session.require().db
        with db.transaction():
            current = annotation_store.get(db, annotation_id)
            return annotation_store.update(
                db,
                replace(
                    current,
                    body=fields.body,
                    tag_ids=_tag_ids(db, fields.tag_paths),
                    visibility=fields.visibility,
                ),
            )

    return run


def link_annotations(image_annotation_id: str, text_annotation_id: str | None) -> Operation[None]:
    def run(session: Session) -> None:
        annotation_store.link(session.require().db, image_annotation_id, text_annotation_id)

    return run


class RemovedAnnotation:
    """What a deletion took away, kept for its undo. Written and read only on the worker
    thread, which runs the deletion before its undo."""

    def __init__(self) -> None:
        self.annotation: Annotation | None = None


def remove_annotation(annotation_id: str, kept: RemovedAnnotation) -> Operation[None]:
    def run(session: Session) -> None:
        kept.annotation = annotation_store.remove(session.require().db, annotation_id)

    return run


def put_back_annotation(kept: RemovedAnnotation) -> Operation[None]:
    def run(session: Session) -> None:
        if kept.annotation is not None:  # its link, if any, comes back with it
            annotation_store.add(session.require().db, kept.annotation)

    return run


def remove_new_annotation(annotation_id: str) -> Operation[None]:
    """The undo of annotating: the annotation just made goes again."""

    def run(session: Session) -> None:
        annotation_store.remove(session.require().db, annotation_id)

    return run
