"""Storage of tags. A tag may sit under a parent, so "conditions/solitary" groups under
"conditions"; names are unique among siblings.

Documents, events and annotations carry tags by id, so renaming or moving a tag changes no
link, only the paths read from it (and the search index, which holds paths). Merging and
deleting do change links; each change can first take a ``Snapshot`` of the tags it touches,
which ``put_back`` restores exactly, ids and links included, so the window can undo it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import DuplicateName, InvalidInput, RecordNotFound, TagNameTaken
from amanat.core.records import Tag, now
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = "id, name, colour, parent_id, created, modified"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SEPARATOR = "/"

# Every table that links a record to a tag: the record's kind, the table, its record column.
_LINKS = (
    ("document", "document_tags", "document_id", "documents"),
    ("event", "event_tags", "event_id", "events"),
    ("annotation", "annotation_tags", "annotation_id", "annotations"),
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Some tags as they were, with every record that carried them: what undoing a change to
    them puts back."""

    tags: tuple[Tag, ...]
    """Parents before their children."""
    links: tuple[tuple[str, str, str], ...]
    """(record kind, record id, tag id): "document", "event" or "annotation"."""


@dataclass(frozen=True, slots=True)
class Usage:
    """How much carries a tag or a tag inside it: what deleting it would take off."""

    documents: int
    events: int
    annotations: int
    inside: int
    """Tags inside it, at any depth."""


def add(db: Database, tag: Tag) -> Tag:
    _validate(tag)
    with db.transaction():
        if tag.parent_id is not None:
            get(db, tag.parent_id)
        if _sibling_named(db, tag.parent_id, tag.name) is not None:
            raise DuplicateName(kind="tag", name=tag.name)
        db.execute(f"INSERT INTO tags ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", _row(tag))
        path = path_of(db, tag.id)
        search.index(db, "tag", tag.id, path, "")
        audit.append(db, "added", "tag", tag.id, f"added tag {path}")
    return tag


def update(db: Database, tag: Tag) -> Tag:
    _validate(tag)
    tag = replace(tag, modified=now())
    with db.transaction():
        get(db, tag.id)
        other = _sibling_named(db, tag.parent_id, tag.name)
        if other is not None and other != tag.id:
            raise DuplicateName(kind="tag", name=tag.name)
        if tag.parent_id is not None and tag.id in _ancestors(db, tag.parent_id) | {tag.parent_id}:
            raise InvalidInput("tag-inside-itself")
        db.execute(
            "UPDATE tags SET name = ?, colour = ?, parent_id = ?, modified = ? WHERE id = ?",
            (tag.name, tag.colour, tag.parent_id, time_text(tag.modified), tag.id),
        )
        path = path_of(db, tag.id)
        search.index(db, "tag", tag.id, path, "")
        audit.append(db, "changed", "tag", tag.id, f"changed tag {path}")
    return tag


def get(db: Database, tag_id: str) -> Tag:
    row = db.one(f"SELECT {_COLUMNS} FROM tags WHERE id = ?", (tag_id,))
    if row is None:
        raise RecordNotFound(kind="tag", record_id=tag_id)
    return _tag(row)


def all_tags(db: Database) -> list[Tag]:
    return [_tag(row) for row in db.all(f"SELECT {_COLUMNS} FROM tags ORDER BY name")]


def path_of(db: Database, tag_id: str) -> str:
    """The tag's full name, e.g. "conditions/solitary"."""
    names = []
    current: str | None = tag_id
    while current is not None:
        row = db.one("SELECT name, parent_id FROM tags WHERE id = ?", (current,))
        if row is None:
            raise RecordNotFound(kind="tag", record_id=current)
        names.append(row[0])
        current = row[1]
    return SEPARATOR.join(reversed(names))


def find(db: Database, path: str) -> Tag | None:
    """The tag with this full name ("conditions/solitary"), if there is one."""
    parent: str | None = None
    tag: Tag | None = None
    for name in _split(path):
        found = _sibling_named(db, parent, name)
        if found is None:
            return None
        tag = get(db, found)
        parent = found
    return tag


def ensure(db: Database, path: str, colour: str | None = None) -> Tag:
    """The tag with this full name, making it (and any missing parents) if needed."""
    with db.transaction():
        parent: str | None = None
        tag: Tag | None = None
        for name in _split(path):
            found = _sibling_named(db, parent, name)
            if found is None:
                tag = add(db, Tag(name=name, parent_id=parent, colour=colour or "#808080"))
            else:
                tag = get(db, found)
            parent = tag.id
        if tag is None:
            raise InvalidInput("tag-needs-name")
        return tag


def rename(db: Database, tag_id: str, name: str) -> Tag:
    """Give a tag another name among its siblings; the paths of the tags inside it follow."""
    with db.transaction():
        tag = get(db, tag_id)
        old = path_of(db, tag_id)
        changed = _change(db, replace(tag, name=name.strip()))
        audit.append(db, "renamed", "tag", tag_id, f"renamed tag {old} to {path_of(db, tag_id)}")
    return changed


def move(db: Database, tag_id: str, parent_id: str | None) -> Tag:
    """Put a tag (and what is inside it) under another parent, or at the top with None."""
    with db.transaction():
        tag = get(db, tag_id)
        old = path_of(db, tag_id)
        if parent_id is not None:
            get(db, parent_id)
        changed = _change(db, replace(tag, parent_id=parent_id))
        audit.append(db, "moved", "tag", tag_id, f"moved tag {old} to {path_of(db, tag_id)}")
    return changed


def recolour(db: Database, tag_id: str, colour: str) -> Tag:
    with db.transaction():
        tag = replace(get(db, tag_id), colour=colour.lower(), modified=now())
        _validate(tag)
        db.execute(
            "UPDATE tags SET colour = ?, modified = ? WHERE id = ?",
            (tag.colour, time_text(tag.modified), tag_id),
        )
        path = path_of(db, tag_id)
        audit.append(
            db, "changed", "tag", tag_id, f"changed the colour of tag {path} to {tag.colour}"
        )
    return tag


def _change(db: Database, tag: Tag) -> Tag:
    """Write a tag's new name or parent; the tags inside it are indexed under their new paths."""
    _validate(tag)
    if tag.parent_id is not None and tag.id in _ancestors(db, tag.parent_id) | {tag.parent_id}:
        raise InvalidInput("tag-inside-itself")
    other = _sibling_named(db, tag.parent_id, tag.name)
    if other is not None and other != tag.id:
        raise TagNameTaken(path=path_of(db, other), existing_id=other)
    tag = replace(tag, modified=now())
    db.execute(
        "UPDATE tags SET name = ?, parent_id = ?, modified = ? WHERE id = ?",
        (tag.name, tag.parent_id, time_text(tag.modified), tag.id),
    )
    _index(db, subtree(db, tag.id))
    return tag


def merge(db: Database, from_id: str, into_id: str) -> None:
    """Make ``from_id`` one with ``into_id``: what carried the first carries the second (once),
    the tags inside the first go inside the second, joining a tag of the same name there, and
    the first is gone."""
    with db.transaction():
        old, into = path_of(db, from_id), path_of(db, into_id)
        if from_id == into_id or into_id in subtree(db, from_id):
            raise InvalidInput("tag-merge-inside-itself")
        _merge(db, from_id, into_id)
        _index(db, subtree(db, into_id))
        audit.append(db, "merged", "tag", from_id, f"merged tag {old} into {into}")


def _merge(db: Database, from_id: str, into_id: str) -> None:
    for _kind, table, column, _records in _LINKS:
        db.execute(
            f"INSERT OR IGNORE INTO {table} ({column}, tag_id)"
            f" SELECT {column}, ? FROM {table} WHERE tag_id = ?",
            (into_id, from_id),
        )
        db.execute(f"DELETE FROM {table} WHERE tag_id = ?", (from_id,))
    # Set aside under its id (unique, and gone with it below), so that a tag inside it with
    # its own name ("x/x" merged into x's parent) takes its place instead of merging into it.
    db.execute("UPDATE tags SET name = id WHERE id = ?", (from_id,))
    for child in _children(db, from_id):
        same = _sibling_named(db, into_id, child.name)
        if same is None:
            db.execute(
                "UPDATE tags SET parent_id = ?, modified = ? WHERE id = ?",
                (into_id, time_text(now()), child.id),
            )
        else:
            _merge(db, child.id, same)
    search.unindex(db, "tag", from_id)
    db.execute("DELETE FROM tags WHERE id = ?", (from_id,))


def delete(db: Database, tag_id: str) -> int:
    """Remove a tag and every tag inside it from the archive and from everything that
    carried them; returns how many tags went."""
    with db.transaction():
        path = path_of(db, tag_id)
        gone = subtree(db, tag_id)
        for _kind, table, _column, _records in _LINKS:
            db.executemany(f"DELETE FROM {table} WHERE tag_id = ?", [(t,) for t in gone])
        for each in reversed(gone):  # children first, so no parent goes before its children
            search.unindex(db, "tag", each)
            db.execute("DELETE FROM tags WHERE id = ?", (each,))
        inside = f" and {len(gone) - 1} tag(s) inside it" if len(gone) > 1 else ""
        audit.append(db, "deleted", "tag", tag_id, f"deleted tag {path}{inside}")
    return len(gone)


def usage(db: Database, tag_id: str) -> Usage:
    tree = subtree(db, tag_id)
    marks = ", ".join("?" * len(tree))
    counts = [
        int(
            db.value(
                f"SELECT count(DISTINCT {column}) FROM {table} WHERE tag_id IN ({marks})", tree
            )
            or 0
        )
        for _kind, table, column, _records in _LINKS
    ]
    return Usage(counts[0], counts[1], counts[2], len(tree) - 1)


def subtree(db: Database, tag_id: str) -> list[str]:
    """The tag and every tag inside it, parents before their children."""
    rows = db.all(
        "WITH RECURSIVE down(id, depth) AS (SELECT id, 0 FROM tags WHERE id = ?"
        " UNION ALL SELECT t.id, down.depth + 1 FROM tags t JOIN down ON t.parent_id = down.id)"
        " SELECT id FROM down ORDER BY depth",
        (tag_id,),
    )
    return [str(row[0]) for row in rows]


def snapshot(db: Database, tag_ids: Iterable[str]) -> Snapshot:
    """These tags and every tag inside them, with what carries each, as they are now."""
    every: list[str] = []
    for tag_id in tag_ids:
        every.extend(t for t in subtree(db, tag_id) if t not in every)
    # Parents first, whichever of the tags given holds the other.
    every.sort(key=lambda t: path_of(db, t).count(SEPARATOR))
    links: list[tuple[str, str, str]] = []
    for kind, table, column, _records in _LINKS:
        for tag_id in every:
            rows = db.all(f"SELECT {column} FROM {table} WHERE tag_id = ? ORDER BY 1", (tag_id,))
            links.extend((kind, str(row[0]), tag_id) for row in rows)
    return Snapshot(tuple(get(db, t) for t in every), tuple(links))


def put_back(db: Database, before: Snapshot) -> None:
    """Make the tags of ``before`` as they were, by the same ids, carried by the same records
    (those that still exist) and by no others."""
    with db.transaction():
        # Each set aside under its id first, so that no two of them collide on a name while
        # they are put back one by one (a tag that took another's place in a merge).
        db.executemany("UPDATE tags SET name = id WHERE id = ?", [(t.id,) for t in before.tags])
        for tag in before.tags:
            if db.value("SELECT 1 FROM tags WHERE id = ?", (tag.id,)) is None:
                db.execute(f"INSERT INTO tags ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", _row(tag))
            else:
                db.execute(
                    "UPDATE tags SET name = ?, colour = ?, parent_id = ?, created = ?,"
                    " modified = ? WHERE id = ?",
                    (*_row(tag)[1:], tag.id),
                )
        ids = [tag.id for tag in before.tags]
        for kind, table, column, records in _LINKS:
            db.executemany(f"DELETE FROM {table} WHERE tag_id = ?", [(t,) for t in ids])
            db.executemany(
                f"INSERT OR IGNORE INTO {table} ({column}, tag_id)"
                f" SELECT ?, ? WHERE EXISTS (SELECT 1 FROM {records} WHERE id = ?)",
                [(record, tag, record) for (k, record, tag) in before.links if k == kind],
            )
        _index(db, ids)
        if ids:
            path = path_of(db, ids[0])
            audit.append(db, "restored", "tag", ids[0], f"put back tag {path} as it was")


def _index(db: Database, tag_ids: Iterable[str]) -> None:
    for tag_id in tag_ids:
        search.index(db, "tag", tag_id, path_of(db, tag_id), "")


def _children(db: Database, tag_id: str) -> list[Tag]:
    return [
        _tag(row) for row in db.all(f"SELECT {_COLUMNS} FROM tags WHERE parent_id = ?", (tag_id,))
    ]


def _split(path: str) -> list[str]:
    return [part.strip() for part in path.split(SEPARATOR) if part.strip()]


def _sibling_named(db: Database, parent_id: str | None, name: str) -> str | None:
    value = db.value(
        "SELECT id FROM tags WHERE coalesce(parent_id, '') = ? AND name = ?",
        (parent_id or "", name),
    )
    return None if value is None else str(value)


def _ancestors(db: Database, tag_id: str) -> set[str]:
    rows = db.all(
        "WITH RECURSIVE up(id) AS (SELECT parent_id FROM tags WHERE id = ?"
        " UNION SELECT t.parent_id FROM tags t JOIN up ON t.id = up.id)"
        " SELECT id FROM up WHERE id IS NOT NULL",
        (tag_id,),
    )
    return {row[0] for row in rows}


def _validate(tag: Tag) -> None:
    if not tag.name.strip():
        raise InvalidInput("tag-needs-name")
    if SEPARATOR in tag.name:
        raise InvalidInput("tag-name-separator", separator=SEPARATOR)
    if not _COLOUR.match(tag.colour):
        raise InvalidInput("tag-colour", colour=tag.colour)


def _row(tag: Tag) -> tuple[object, ...]:
    return (
        tag.id,
        tag.name,
        tag.colour,
        tag.parent_id,
        time_text(tag.created),
        time_text(tag.modified),
    )


def _tag(row: Row) -> Tag:
    return Tag(
        id=row[0],
        name=row[1],
        colour=row[2],
        parent_id=row[3],
        created=time_from(row[4]),
        modified=time_from(row[5]),
    )
