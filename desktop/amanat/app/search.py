"""Searching the whole archive: titles, texts, annotations, people, events and tags."""

from __future__ import annotations

import datetime

from amanat.app.tags import existing
from amanat.core import search
from amanat.core.jobs import Cancel
from amanat.core.records import DocumentKind
from amanat.core.search import SearchFilters, SearchHit
from amanat.core.vault import Archive


def search_archive(
    archive: Archive,
    query: str,
    filters: SearchFilters,
    limit: int,
    cancel: Cancel | None = None,
) -> list[SearchHit]:
    """The best ``limit`` hits for ``query``, ranked, with snippets. ``cancel`` stops a
    search that a newer query (the next key typed) has made useless."""
    return search.search(archive.db, query, filters, limit, cancel)


def filters(
    archive: Archive,
    person_id: str | None = None,
    tag_path: str | None = None,
    kind: DocumentKind | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> SearchFilters:
    """Search filters with the tag named by its path (one that does not exist is an error)."""
    tag = existing(archive.db, tag_path)
    return SearchFilters(
        person_id=person_id, tag_id=tag.id if tag else None, kind=kind, since=since, until=until
    )
