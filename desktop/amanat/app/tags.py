"""Tags by their paths ("conditions/solitary"): made when named, put on and taken off a
document, listed with their full paths; renamed, moved, merged, deleted and recoloured.

Each change to a tag itself is one transaction with its audit entry, and returns a
``TagEdit`` holding the tags as they were before it; ``put_back`` with that undoes the change
(the window's Ctrl+Z), ids and links included."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from amanat.core.database import Database
from amanat.core.errors import DuplicateName, InvalidInput
from amanat.core.records import Tag
from amanat.core.storage import documents, tags
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class TagEntry:
    tag: Tag
    path: str


@dataclass(frozen=True, slots=True)
class TagChange:
    entry: TagEntry
    changed: bool
    """False when the document already had (or already lacked) the tag: nothing to undo."""


def ids_of_paths(db: Database, paths: Iterable[str] | None) -> tuple[str, ...]:
    """The ids of the tags ``paths`` name, making any tag (and parent) that does not exist yet,
    each once, in the order named. Call inside the transaction that uses them, so a refused
    change leaves no stray tag behind."""
    return tuple(dict.fromkeys(tags.ensure(db, path).id for path in paths or ()))


def existing(db: Database, path: str | None) -> Tag | None:
    """The tag a filter names (None when none is named); one that does not exist is an error,
    not an empty result, since it is most often a typing mistake."""
    if path is None:
        return None
    tag = tags.find(db, path)
    if tag is None:
        raise InvalidInput("no-such-tag", path=path)
    return tag


def entry(db: Database, tag_id: str) -> TagEntry:
    return TagEntry(tags.get(db, tag_id), tags.path_of(db, tag_id))


def entries_of(db: Database, tag_ids: Iterable[str]) -> tuple[TagEntry, ...]:
    """These tags with their paths, by path as people read it (case ignored)."""
    return tuple(sorted((entry(db, t) for t in tag_ids), key=lambda e: e.path.casefold()))


def all_entries(archive: Archive) -> list[TagEntry]:
    """Every tag with its full path, by path: for listing and for completing what is typed."""
    db = archive.db
    return list(entries_of(db, (tag.id for tag in tags.all_tags(db))))


def new_tag(archive: Archive, path: str, colour: str) -> Tag:
    """Make the tag ``path`` (and any missing parent); refused if it exists already."""
    db = archive.db
    with db.transaction():
        if tags.find(db, path) is not None:
            raise DuplicateName(kind="tag", name=path)
        return tags.ensure(db, path, colour=colour)


def tag_document(
    archive: Archive, document_id: str, path: str, colour: str | None = None
) -> TagChange:
    """Put the tag ``path`` on a document, making the tag and any missing parents first, in
    ``colour`` when given (an existing tag keeps its own)."""
    db = archive.db
    with db.transaction():
        tag = tags.ensure(db, path, colour)
        found = TagEntry(tag, tags.path_of(db, tag.id))
        document = documents.get(db, document_id)
        if tag.id in document.tag_ids:
            return TagChange(found, False)
        documents.update(db, replace(document, tag_ids=(*document.tag_ids, tag.id)))
    return TagChange(found, True)


def untag_document(archive: Archive, document_id: str, path: str) -> TagChange | None:
    """Take the tag ``path`` off a document (the tag itself stays); None when there is no such
    tag. By path, not id, so undoing an add that made the tag needs nothing from it."""
    db = archive.db
    with db.transaction():
        tag = tags.find(db, path)
        if tag is None:
            return None
        found = TagEntry(tag, tags.path_of(db, tag.id))
        document = documents.get(db, document_id)
        if tag.id not in document.tag_ids:
            return TagChange(found, False)
        kept = tuple(t for t in document.tag_ids if t != tag.id)
        documents.update(db, replace(document, tag_ids=kept))
    return TagChange(found, True)


@dataclass(frozen=True, slots=True)
class TagEdit:
    path: str
    """The tag's path after the change: for a merge, the tag kept; for a delete, the path
    it had."""
    before: tags.Snapshot
    """The tags the change touched, as they were: what ``put_back`` restores."""
    removed: int = 0
    """Tags deleted (the tag and those inside it); 0 for every other change."""


@dataclass(frozen=True, slots=True)
class TagUsage:
    path: str
    documents: int
    """Documents carrying the tag or a tag inside it."""
    annotations: int
    events: int
    inside: int
    """Tags inside it, at any depth."""


def tag_named(archive: Archive, path: str) -> Tag:
    """The tag with this path; one that does not exist is refused in one sentence."""
    found = existing(archive.db, path)
    assert found is not None
    return found


def usage(archive: Archive, tag_id: str) -> TagUsage:
    """What carries a tag, for the question before deleting it."""
    db = archive.db
    counted = tags.usage(db, tag_id)
    return TagUsage(
        tags.path_of(db, tag_id),
        counted.documents,
        counted.annotations,
        counted.events,
        counted.inside,
    )


def rename_tag(archive: Archive, tag_id: str, new_name: str) -> TagEdit:
    """Give a tag a new name where it is; the tags inside it follow. ``new_name`` may also be
    the whole new path if only its last part changes ("conditions/isolation" for
    "conditions/solitary"). Onto the name of a sibling: TagNameTaken, so the window can
    offer to merge the two instead."""
    db = archive.db
    with db.transaction():
        tag = tags.get(db, tag_id)
        name = _name_in_place(db, tag, new_name)
        before = tags.snapshot(db, [tag_id])
        tags.rename(db, tag_id, name)
        return TagEdit(tags.path_of(db, tag_id), before)


def _name_in_place(db: Database, tag: Tag, new_name: str) -> str:
    parts = [part.strip() for part in new_name.split(tags.SEPARATOR) if part.strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""  # no name at all: refused as such
    here = tags.path_of(db, tag.parent_id).split(tags.SEPARATOR) if tag.parent_id else []
    if parts[:-1] != here:
        raise InvalidInput("tag-rename-moves", path=new_name.strip())
    return parts[-1]


def move_tag(archive: Archive, tag_id: str, parent_id: str | None) -> TagEdit:
    """Put a tag, with the tags inside it, under ``parent_id`` (or at the top with None).
    Under itself or a tag inside it is refused; onto a sibling's name, TagNameTaken."""
    db = archive.db
    with db.transaction():
        before = tags.snapshot(db, [tag_id])
        tags.move(db, tag_id, parent_id)
        return TagEdit(tags.path_of(db, tag_id), before)


def merge_tags(archive: Archive, from_id: str, into_id: str) -> TagEdit:
    """Make two tags one: documents, events and annotations tagged ``from_id`` are tagged
    ``into_id`` instead (once, if they had both), and the tags inside the first move inside
    the second, joining any of the same name."""
    db = archive.db
    with db.transaction():
        tags.get(db, into_id)
        before = tags.snapshot(db, [from_id, into_id])
        tags.merge(db, from_id, into_id)
        return TagEdit(tags.path_of(db, into_id), before)


def delete_tag(archive: Archive, tag_id: str, with_inside: bool = False) -> TagEdit:
    """Delete a tag and take it off everything that carried it. A tag with tags inside it is
    refused unless ``with_inside`` says to delete those too."""
    db = archive.db
    with db.transaction():
        path = tags.path_of(db, tag_id)
        inside = len(tags.subtree(db, tag_id)) - 1
        if inside and not with_inside:
            raise InvalidInput("tag-has-children", path=path, count=inside)
        before = tags.snapshot(db, [tag_id])
        removed = tags.delete(db, tag_id)
        return TagEdit(path, before, removed)


def recolour_tag(archive: Archive, tag_id: str, colour: str) -> TagEdit:
    db = archive.db
    with db.transaction():
        before = tags.snapshot(db, [tag_id])
        tags.recolour(db, tag_id, colour)
        return TagEdit(tags.path_of(db, tag_id), before)


def put_back(archive: Archive, before: tags.Snapshot) -> None:
    """Undo a change to tags: make them as ``before`` holds them."""
    db = archive.db
    if not before.tags:
        return
    with db.transaction():
        tags.put_back(db, before)
