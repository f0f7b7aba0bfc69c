"""Tags by their paths ("conditions/solitary"): made when named, put on and taken off a
document, listed with their full paths."""

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


def set_colour(archive: Archive, tag_id: str, colour: str) -> Tag:
    db = archive.db
    with db.transaction():
        return tags.update(db, replace(tags.get(db, tag_id), colour=colour))
