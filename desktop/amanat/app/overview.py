"""The archive at a glance, as the window's sidebar shows it: prisoners, everyone else, the
tags, and how much is in the trash."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.records import Person, Role, Tag
from amanat.core.storage import documents, page_order, people, tags
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive


@dataclass(frozen=True, slots=True)
class SidebarContent:
    """What the archive holds at a glance: prisoners, everyone else, tags, the trash."""

    prisoners: tuple[Person, ...]
    others: tuple[Person, ...]
    tags: tuple[Tag, ...]
    trash_count: int
    """Documents in the trash."""
    trashed_people: tuple[Person, ...] = ()
    removed_pages: int = 0
    """Pages removed from their documents, waiting in the trash too."""


def overview(archive: Archive) -> SidebarContent:
    db = archive.db
    everyone = people.all_people(db)  # prisoners first, then by name
    return SidebarContent(
        prisoners=tuple(p for p in everyone if Role.PRISONER in p.roles),
        others=tuple(p for p in everyone if Role.PRISONER not in p.roles),
        tags=tuple(tags.all_tags(db)),
        trash_count=documents.count_matching(db, DocumentFilter(in_trash=True)),
        trashed_people=tuple(people.trashed_people(db)),
        removed_pages=page_order.removed_count(db),
    )
