"""The annotation operations run on the archive's worker thread (see gui/worker.py): each
hands the unlocked archive to ``amanat.app.annotations`` and returns plain values, and each
change comes with the operation that undoes it."""

from __future__ import annotations

from amanat.app import annotations as notes
from amanat.app.annotations import (
    AnnotationFields,
    AnnotationOverview,
    AnnotationQuery,
    AnnotationRow,
)
from amanat.core.records import Annotation
from amanat.gui.worker import Operation, Session

__all__ = ["AnnotationFields", "AnnotationOverview", "AnnotationQuery", "AnnotationRow"]


def document_annotations(document_id: str) -> Operation[list[AnnotationRow]]:
    def run(session: Session) -> list[AnnotationRow]:
        return notes.document_annotations(session.require(), document_id)

    return run


def find_annotations(query: AnnotationQuery) -> Operation[AnnotationOverview]:
    def run(session: Session) -> AnnotationOverview:
        return notes.find_annotations(session.require(), query)

    return run


def annotate_text(
    annotation_id: str,
    text_id: str,
    start: int,
    end: int,
    fields: AnnotationFields,
    author: str,
) -> Operation[Annotation]:
    """The id is chosen beforehand so that undo can remove it and redo make it again under
    the same id."""

    def run(session: Session) -> Annotation:
        return notes.annotate_text(
            session.require(), text_id, start, end, fields, author, annotation_id
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
    def run(session: Session) -> Annotation:
        return notes.annotate_page(
            session.require(), page_id, rectangle, fields, author, linked_to, annotation_id
        )

    return run


def annotate_recording(
    annotation_id: str,
    page_id: str,
    start: float,
    end: float,
    fields: AnnotationFields,
    author: str,
) -> Operation[Annotation]:
    def run(session: Session) -> Annotation:
        return notes.annotate_recording(
            session.require(), page_id, start, end, fields, author, annotation_id
        )

    return run


def edit_annotation(annotation_id: str, fields: AnnotationFields) -> Operation[Annotation]:
    def run(session: Session) -> Annotation:
        return notes.edit_annotation(session.require(), annotation_id, fields)

    return run


def link_annotations(image_annotation_id: str, text_annotation_id: str | None) -> Operation[None]:
    def run(session: Session) -> None:
        notes.link_annotations(session.require(), image_annotation_id, text_annotation_id)

    return run


class RemovedAnnotation:
    """What a deletion took away, kept for its undo. Written and read only on the worker
    thread, which runs the deletion before its undo."""

    def __init__(self) -> None:
        self.annotation: Annotation | None = None


def remove_annotation(annotation_id: str, kept: RemovedAnnotation) -> Operation[None]:
    def run(session: Session) -> None:
        kept.annotation = notes.remove_annotation(session.require(), annotation_id)

    return run


def put_back_annotation(kept: RemovedAnnotation) -> Operation[None]:
    def run(session: Session) -> None:
        if kept.annotation is not None:  # its link, if any, comes back with it
            notes.put_back(session.require(), kept.annotation)

    return run


def remove_new_annotation(annotation_id: str) -> Operation[None]:
    """The undo of annotating: the annotation just made goes again."""

    def run(session: Session) -> None:
        notes.remove_annotation(session.require(), annotation_id)

    return run
