"""Full-text search over titles, texts, annotations, people, events and tags.

The index is an FTS5 table inside the encrypted database. Text goes in normalised (see
normalise.py) and queries are normalised the same way, so spelling variants meet. The storage
modules call ``index`` and ``unindex`` inside the transaction of each change.

A document in the trash is not in the index at all (``reindex_document`` takes it out and puts
it back), so a search without filters can rank with FTS5 alone and look up only the rows it
returns, instead of joining every match to its document first.
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
    if document_id is not None and _in_trash(db, document_id):
        return
    cursor = db.execute(
        "INSERT INTO search_index (title, body, record_type, record_id, document_id, person_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (normalise(title), normalise(body), record_type, record_id, document_id, person_id),
    )
    db.execute(
        "INSERT INTO search_rows (record_type, record_id, row) VALUES (?, ?, ?)",
        (record_type, record_id, cursor.lastrowid),
    )


def index_document(db: Database, document_id: str, title: str, provenance: str) -> None:
    index(db, "document", document_id, title, provenance, document_id=document_id)


def index_text(db: Database, text_id: str, body: str, document_id: str) -> None:
    index(db, "text", text_id, "", body, document_id=document_id)


def index_annotation(
    db: Database, annotation_id: str, quote: str, body: str, document_id: str
) -> None:
    index(db, "annotation", annotation_id, quote, body, document_id=document_id)


def reindex_document(db: Database, document_id: str) -> None:
    """Bring a document's entries (its own, its texts' and its annotations') in line with
    whether it is in the trash: taken out when it is, put back when it is restored."""
    row = db.one(
        "SELECT title, received_from, received_how FROM documents WHERE id = ?", (document_id,)
    )
    if row is None:
        return
    index_document(db, document_id, row[0], f"{row[1]} {row[2]}")
    for text_id, body in db.all("SELECT id, body FROM texts WHERE document_id = ?", (document_id,)):
        index_text(db, text_id, body, document_id)
    annotations = db.all(
        "SELECT a.id, a.quote, a.body FROM annotations a"
        " LEFT JOIN texts t ON t.id = a.text_id LEFT JOIN pages p ON p.id = a.page_id"
        " WHERE t.document_id = ? OR p.document_id = ?",
        (document_id, document_id),
    )
    for annotation_id, quote, body in annotations:
        index_annotation(db, annotation_id, quote, body, document_id)


def _in_trash(db: Database, document_id: str) -> bool:
    in_trash = db.value("SELECT trashed IS NOT NULL FROM documents WHERE id = ?", (document_id,))
    return bool(in_trash)


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
    Documents in the trash are not in the index, so they are never found."""
    expression = fts_query(query)
    if expression is None:
        return []
    filters = filters or SearchFilters()
    params: dict[str, object] = {"query": expression, "limit": limit}
    if filters == SearchFilters():
        return [SearchHit(*row) for row in db.all(_BEST_FIRST, params)]
    where = ["search_index MATCH :query"]
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


# Without filters: FTS5 ranks and cuts to the limit on its own, and only those rows are joined
# for their document's title and event's person. A common word ("و") matches most of the
# archive; joining every match before cutting made such searches several times slower.
_BEST_FIRST = f"""
WITH best AS (
    SELECT record_type, record_id, document_id, person_id, title,
           snippet(search_index, -1, '{MATCH_START}', '{MATCH_END}', '…', 16) AS snippet,
           bm25(search_index, 5.0, 1.0) AS score
    FROM search_index WHERE search_index MATCH :query ORDER BY score LIMIT :limit
)
SELECT b.record_type, b.record_id, b.document_id, coalesce(b.person_id, e.person_id),
       CASE WHEN b.record_type IN ('text', 'annotation') THEN d.title ELSE b.title END,
       b.snippet, b.score
FROM best b
LEFT JOIN documents d ON d.id = b.document_id
LEFT JOIN events e ON b.record_type = 'event' AND e.id = b.record_id
ORDER BY b.score
"""
