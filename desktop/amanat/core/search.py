"""Full-text search over titles, texts, annotations, people, events and tags.

The index is an FTS5 table inside the encrypted database. Text goes in normalised (see
normalise.py) and queries are normalised the same way, so spelling variants meet. The storage
modules call ``index`` and ``unindex`` inside the transaction of each change.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from amanat.core.database import Database
from amanat.core.normalise import fts_query, normalise
from amanat.core.records import DocumentKind

# Snippets mark matches with these control characters; the command line and the application
# each turn them into their own highlighting.
MATCH_START = "\x02"
MATCH_END = "\x03"


@dataclass(frozen=True, slots=True)
class SearchFilters:
    person_id: str | None = None
    tag_id: str | None = None
    """Includes the tag's descendants: "conditions" also finds "conditions/solitary"."""
    kind: DocumentKind | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    record_type: str
    """document, text, annotation, person, event or tag."""
    record_id: str
    document_id: str | None
    person_id: str | None
    title: str
    snippet: str
    rank: float


def index(
    db: Database,
    record_type: str,
    record_id: str,
    title: str,
    body: str,
    document_id: str | None = None,
    person_id: str | None = None,
) -> None:
    unindex(db, record_type, record_id)
    cursor = db.execute(
        "INSERT INTO search_index (title, body, record_type, record_id, document_id, person_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (normalise(title), normalise(body), record_type, record_id, document_id, person_id),
    )
    db.execute(
        "INSERT INTO search_rows (record_type, record_id, row) VALUES (?, ?, ?)",
        (record_type, record_id, cursor.lastrowid),
    )


def unindex(db: Database, record_type: str, record_id: str) -> None:
    row = db.value(
        "SELECT row FROM search_rows WHERE record_type = ? AND record_id = ?",
        (record_type, record_id),
    )
    if row is not None:
        db.execute("DELETE FROM search_index WHERE rowid = ?", (row,))
        db.execute(
            "DELETE FROM search_rows WHERE record_type = ? AND record_id = ?",
            (record_type, record_id),
        )


def search(
    db: Database, query: str, filters: SearchFilters | None = None, limit: int = 50
) -> list[SearchHit]:
    """Ranked matches for ``query``: best first, titles weighing more than bodies.
    Records of documents in the trash are left out."""
    expression = fts_query(query)
    if expression is None:
        return []
    filters = filters or SearchFilters()
    where = ["search_index MATCH :query", "(d.id IS NULL OR d.trashed IS NULL)"]
    params: dict[str, object] = {"query": expression, "limit": limit}
    if filters.person_id:
        params["person"] = filters.person_id
        where.append(
            "(s.person_id = :person OR d.author_id = :person OR EXISTS (SELECT 1 FROM"
            " document_people dp WHERE dp.document_id = s.document_id AND dp.person_id = :person))"
        )
    if filters.kind:
        params["kind"] = filters.kind.value
        where.append("d.kind = :kind")
    if filters.tag_id:
        params["tag"] = filters.tag_id
        where.append(
            "(EXISTS (SELECT 1 FROM document_tags dt WHERE dt.document_id = s.document_id"
            "   AND dt.tag_id IN (SELECT id FROM tag_tree))"
            " OR EXISTS (SELECT 1 FROM event_tags et WHERE s.record_type = 'event'"
            "   AND et.event_id = s.record_id AND et.tag_id IN (SELECT id FROM tag_tree))"
            " OR EXISTS (SELECT 1 FROM annotation_tags at WHERE s.record_type = 'annotation'"
            "   AND at.annotation_id = s.record_id AND at.tag_id IN (SELECT id FROM tag_tree))"
            " OR (s.record_type = 'tag' AND s.record_id IN (SELECT id FROM tag_tree)))"
        )
    # A record is in the date range when the interval its date covers overlaps the range.
    if filters.since:
        params["since"] = filters.since.isoformat()
        where.append("coalesce(e.end_end, e.date_end, d.date_end) >= :since")
    if filters.until:
        params["until"] = filters.until.isoformat()
        where.append("coalesce(e.date_start, d.date_start) <= :until")
    sql = (
        "WITH RECURSIVE tag_tree(id) AS (SELECT :tag UNION SELECT t.id FROM tags t"
        "   JOIN tag_tree ON t.parent_id = tag_tree.id)"
        " SELECT s.record_type, s.record_id, s.document_id,"
        "   coalesce(s.person_id, e.person_id),"
        "   CASE WHEN s.record_type IN ('text', 'annotation') THEN d.title ELSE s.title END,"
        f"  snippet(search_index, -1, '{MATCH_START}', '{MATCH_END}', '…', 16),"
        "   bm25(search_index, 5.0, 1.0) AS score"
        " FROM search_index s"
        " LEFT JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN events e ON s.record_type = 'event' AND e.id = s.record_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY score LIMIT :limit"
    )
    if not filters.tag_id:
        params["tag"] = None
    return [SearchHit(*row) for row in db.all(sql, params)]
