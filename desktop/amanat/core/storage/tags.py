"""Storage of tags. A tag may sit under a parent, so "conditions/solitary" groups under
"conditions"; names are unique among siblings."""

from __future__ import annotations

import re
from dataclasses import replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.errors import DuplicateName, InvalidInput, RecordNotFound
from amanat.core.records import Tag, now
from amanat.core.storage.columns import time_from, time_text

_COLUMNS = "id, name, colour, parent_id, created, modified"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SEPARATOR = "/"


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
