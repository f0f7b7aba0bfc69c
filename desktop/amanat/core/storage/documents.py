"""Storage of documents: letters, testimony, court documents and notes, with the people
they name, their tags, provenance and consent. Deleting moves a document to the trash;
emptying the trash is a separate step that really removes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from amanat.core import audit, search
from amanat.core.database import Database, Row
from amanat.core.dates import FuzzyDate
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.names import PersonName
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Provenance,
    now,
)
from amanat.core.segments import upkeep
from amanat.core.storage.columns import (
    date_columns,
    date_from,
    json_list,
    list_from,
    optional_time_from,
    time_from,
    time_text,
)

_COLUMNS = (
    "id, kind, title, date_start, date_end, date_precision, date_circa, date_calendar,"
    " author_id, languages, received_from, received_start, received_end, received_precision,"
    " received_circa, received_calendar, received_how, consent_audience, consent_anonymise,"
    " consent_withdrawn, created, modified, trashed"
)


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    person_id: str | None = None
    tag_id: str | None = None
    kind: DocumentKind | None = None
    in_trash: bool = False


def add(db: Database, document: Document) -> Document:
    _validate(document)
    with db.transaction():
        db.execute(
            f"INSERT INTO documents ({_COLUMNS}) VALUES ({', '.join('?' * 23)})",
            _row(document),
        )
        _write_links(db, document)
        _index(db, document)
        audit.append(
            db, "added", "document", document.id, f"added {document.kind} “{document.title}”"
        )
    return document


def update(db: Database, document: Document) -> Document:
    _validate(document)
    document = replace(document, modified=now())
    with db.transaction():
        get(db, document.id)
        row = _row(document)
        assignments = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(",")[1:22])
        db.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*row[1:22], document.id))
        db.execute("DELETE FROM document_people WHERE document_id = ?", (document.id,))
        db.execute("DELETE FROM document_tags WHERE document_id = ?", (document.id,))
        _write_links(db, document)
        _index(db, document)
        audit.append(db, "changed", "document", document.id, f"changed “{document.title}”")
    return document


def get(db: Database, document_id: str) -> Document:
    row = db.one(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,))
    if row is None:
        raise RecordNotFound(kind="document", record_id=document_id)
    return _documents(db, [row])[0]


def list_documents(db: Database, where: DocumentFilter | None = None) -> list[Document]:
    """Documents newest first (undated last), in the archive or in the trash."""
    clauses, params = _conditions(where or DocumentFilter())
    rows = db.all(
        f"SELECT {_COLUMNS} FROM documents WHERE {' AND '.join(clauses)}"
        " ORDER BY date_start IS NULL, date_start DESC, title, rowid",
        params,
    )
    return _documents(db, rows)


def _conditions(where: DocumentFilter) -> tuple[list[str], list[object]]:
    """The WHERE clauses (on the documents table, unaliased) that select ``where``."""
    clauses = ["trashed IS NOT NULL" if where.in_trash else "trashed IS NULL"]
    params: list[object] = []
    if where.kind is not None:
        clauses.append("kind = ?")
        params.append(where.kind.value)
    if where.person_id is not None:
        clauses.append(
            "(author_id = ? OR id IN (SELECT document_id FROM document_people WHERE person_id = ?))"
        )
        params += [where.person_id, where.person_id]
    if where.tag_id is not None:
        clauses.append(
            "id IN (SELECT document_id FROM document_tags WHERE tag_id IN ("
            " WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT t.id FROM tags t"
            " JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree))"
        )
        params.append(where.tag_id)
    return clauses, params


def count(db: Database) -> int:
    """Documents in the archive, not counting the trash."""
    return count_matching(db, DocumentFilter())


def count_matching(db: Database, where: DocumentFilter) -> int:
    """How many documents ``where`` selects."""
    clauses, params = _conditions(where)
    return int(db.value(f"SELECT count(*) FROM documents WHERE {' AND '.join(clauses)}", params))


# --- The document list at scale -------------------------------------------------------------
# A list of 100,000 documents is shown from their ids alone (one query), and only the rows on
# screen are read in full, a page at a time (a few queries however long the page is).

ORDERS = ("date", "title", "kind", "people", "people-fa", "tags")
""""people" sorts by the names an English reader sees (Latin script where a person has it),
"people-fa" by those a Persian reader sees (core/names.py's rule, in SQL)."""

# Each order's key, as SQL on the documents table. A document with nothing to sort by (no
# date, no people, no tags) comes last in either direction, as an undated letter would.
_TAG_PATHS = (
    "tag_paths(id, path) AS (SELECT id, name FROM tags WHERE parent_id IS NULL"
    " UNION ALL SELECT t.id, p.path || '/' || t.name FROM tags t JOIN tag_paths p"
    " ON t.parent_id = p.id)"
)
_FIRST_PERSON = (
    "coalesce((SELECT {name} FROM people p WHERE p.id = documents.author_id),"
    " (SELECT {name} FROM document_people dp JOIN people p ON p.id = dp.person_id"
    "  WHERE dp.document_id = documents.id ORDER BY dp.relation DESC, dp.position LIMIT 1))"
)
_SHOWN_NAME = "coalesce(nullif(trim(p.{script}), ''), trim(p.display_name))"
_FIRST_SHOWN = {
    "people": _FIRST_PERSON.format(name=_SHOWN_NAME.format(script="name_latin")),
    "people-fa": _FIRST_PERSON.format(name=_SHOWN_NAME.format(script="name_fa")),
}
_FIRST_TAG = (
    "(SELECT min(tp.path) FROM document_tags dt JOIN tag_paths tp ON tp.id = dt.tag_id"
    " WHERE dt.document_id = documents.id)"
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What a line of the document list shows, read for a page of rows at once."""

    id: str
    title: str
    date: FuzzyDate | None
    kind: DocumentKind
    people: tuple[PersonName, ...]
    """Their names: the author, then the recipients, then the people it concerns."""
    tags: tuple[tuple[str, str], ...]
    """(full path, colour) of each tag, by path."""
    first_page_id: str | None


def ids(db: Database, where: DocumentFilter, order: str, descending: bool) -> list[str]:
    """The ids of the documents ``where`` selects, in one query, sorted by ``order`` (one
    of ORDERS); ties fall back to the date, newest first, the title, then the id, so the order is
    stable between calls."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}")
    clauses, params = _conditions(where)
    way = "DESC" if descending else "ASC"
    keys = {
        "date": f"date_start IS NULL, date_start {way}, date_end {way}, title COLLATE NOCASE",
        "title": f"title COLLATE NOCASE {way}",
        "kind": f"kind {way}, date_start IS NULL, date_start DESC",
        **{
            order: f"{first} IS NULL, {first} COLLATE NOCASE {way}"
            for order, first in _FIRST_SHOWN.items()
        },
        "tags": f"{_FIRST_TAG} IS NULL, {_FIRST_TAG} COLLATE NOCASE {way}",
    }
    with_paths = f"WITH RECURSIVE {_TAG_PATHS} " if order == "tags" else ""
    rows = db.all(
        f"{with_paths}SELECT id FROM documents WHERE {' AND '.join(clauses)}"
        f" ORDER BY {keys[order]}, date_start IS NULL, date_start DESC, title COLLATE NOCASE,"
        f" id {way}",
        params,
    )
    return [row[0] for row in rows]


def summaries(db: Database, document_ids: Sequence[str]) -> list[DocumentSummary]:
    """The list lines of ``document_ids``, in the order given, in four queries. An id that is
    not in the archive (removed meanwhile) is left out."""
    found: dict[str, DocumentSummary] = {}
    for start in range(0, len(document_ids), _BATCH):
        batch = list(dict.fromkeys(document_ids[start : start + _BATCH]))
        found.update(_summaries(db, batch))
    return [found[i] for i in document_ids if i in found]


_BATCH = 500
"""Ids per query: well under SQLite's limit on bound values."""


def _summaries(db: Database, batch: list[str]) -> dict[str, DocumentSummary]:
    marks = ", ".join("?" * len(batch))
    rows = db.all(
        "SELECT d.id, d.title, d.date_start, d.date_end, d.date_precision, d.date_circa,"
        " d.date_calendar, d.kind, a.display_name, a.name_fa, a.name_latin FROM documents d"
        f" LEFT JOIN people a ON a.id = d.author_id WHERE d.id IN ({marks})",
        batch,
    )
    people: dict[str, list[PersonName]] = {
        row[0]: [PersonName(*row[8:11])] if row[8] is not None else [] for row in rows
    }
    # Recipients before the people a document concerns, as Document.people_ids has them;
    # the author is not named twice.
    for document_id, *names, person_id, author_id in db.all(
        "SELECT dp.document_id, p.display_name, p.name_fa, p.name_latin, p.id, d.author_id"
        " FROM document_people dp"
        " JOIN people p ON p.id = dp.person_id JOIN documents d ON d.id = dp.document_id"
        f" WHERE dp.document_id IN ({marks})"
        " ORDER BY dp.document_id, dp.relation DESC, dp.position",
        batch,
    ):
        name = PersonName(*names)
        if person_id != author_id and name not in people[document_id]:
            people[document_id].append(name)
    tags: dict[str, list[tuple[str, str]]] = {row[0]: [] for row in rows}
    for document_id, path, colour in db.all(
        f"WITH RECURSIVE {_TAG_PATHS} SELECT dt.document_id, tp.path, t.colour"
        " FROM document_tags dt JOIN tag_paths tp ON tp.id = dt.tag_id"
        f" JOIN tags t ON t.id = dt.tag_id WHERE dt.document_id IN ({marks})",
        batch,
    ):
        tags[document_id].append((path, colour))
    # SQLite returns the other columns of the row that holds min(): the first page.
    first_pages = dict(
        (row[0], row[1])
        for row in db.all(
            "SELECT document_id, id, min(number) FROM pages"
            f" WHERE document_id IN ({marks}) AND removed IS NULL GROUP BY document_id",
            batch,
        )
    )
    return {
        row[0]: DocumentSummary(
            id=row[0],
            title=row[1],
            date=date_from(row[2:7]),
            kind=DocumentKind(row[7]),
            people=tuple(people[row[0]]),
            tags=tuple(sorted(tags[row[0]])),
            first_page_id=first_pages.get(row[0]),
        )
        for row in rows
    }


def move_to_trash(db: Database, document_id: str) -> None:
    with db.transaction():
        document = get(db, document_id)
        if document.trashed is None:
            db.execute(
                "UPDATE documents SET trashed = ? WHERE id = ?",
                (time_text(now()), document_id),
            )
            search.reindex_document(db, document_id)
            audit.append(
                db, "trashed", "document", document_id, f"moved “{document.title}” to the trash"
            )


def restore_from_trash(db: Database, document_id: str) -> None:
    with db.transaction():
        document = get(db, document_id)
        if document.trashed is not None:
            db.execute("UPDATE documents SET trashed = NULL WHERE id = ?", (document_id,))
            search.reindex_document(db, document_id)
            audit.append(
                db,
                "restored",
                "document",
                document_id,
                f"restored “{document.title}” from the trash",
            )


def empty_trash(db: Database) -> int:
    """Remove the documents in the trash for good, with their pages, texts and annotations,
    and every original file no other page uses. Returns how many documents went."""
    with db.transaction():
        trashed = db.all("SELECT id, title FROM documents WHERE trashed IS NOT NULL")
        for document_id, title in trashed:
            for (text_id,) in db.all("SELECT id FROM texts WHERE document_id = ?", (document_id,)):
                search.unindex(db, "text", text_id)
            annotation_ids = db.all(
                "SELECT a.id FROM annotations a LEFT JOIN texts t ON t.id = a.text_id"
                " LEFT JOIN pages p ON p.id = a.page_id WHERE t.document_id = ?"
                " OR p.document_id = ?",
                (document_id, document_id),
            )
            for (annotation_id,) in annotation_ids:
                search.unindex(db, "annotation", annotation_id)
                db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            search.unindex(db, "document", document_id)
            db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            audit.append(
                db, "deleted", "document", document_id, f"emptied “{title}” from the trash"
            )
        db.execute("DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM pages)")
    # Freed pages were overwritten (secure_delete); fold the WAL back in so no copy of the
    # removed records lingers there either.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # The objects went with their rows (their keys too); their bytes in the segments are
    # overwritten now, and a segment left mostly dead is compacted.
    upkeep.reclaim(db)
    return len(trashed)


def _write_links(db: Database, document: Document) -> None:
    for relation, ids in (
        ("recipient", document.recipient_ids),
        ("concerned", document.concerned_ids),
    ):
        db.executemany(
            "INSERT INTO document_people (document_id, person_id, relation, position)"
            " VALUES (?, ?, ?, ?)",
            [(document.id, person_id, relation, n) for n, person_id in enumerate(ids)],
        )
    db.executemany(
        "INSERT INTO document_tags (document_id, tag_id) VALUES (?, ?)",
        [(document.id, tag_id) for tag_id in dict.fromkeys(document.tag_ids)],
    )


def _index(db: Database, document: Document) -> None:
    provenance = f"{document.provenance.received_from} {document.provenance.how}"
    search.index_document(db, document.id, document.title, provenance)


def _validate(document: Document) -> None:
    if not document.title.strip():
        raise InvalidInput("document-needs-title")


def _row(document: Document) -> tuple[object, ...]:
    return (
        document.id,
        document.kind.value,
        document.title,
        *date_columns(document.date),
        document.author_id,
        json_list(document.languages),
        document.provenance.received_from,
        *date_columns(document.provenance.received_on),
        document.provenance.how,
        document.consent.audience.value,
        int(document.consent.anonymise),
        int(document.consent.withdrawn),
        time_text(document.created),
        time_text(document.modified),
        None if document.trashed is None else time_text(document.trashed),
    )


def _documents(db: Database, rows: Sequence[Row]) -> list[Document]:
    """Documents from their rows, with their people and tags read for all of them at once
    (a query per batch, not two per document)."""
    people_of: dict[str, list[tuple[str, str]]] = {row[0]: [] for row in rows}
    tags_of: dict[str, list[str]] = {row[0]: [] for row in rows}
    ids = list(people_of)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ", ".join("?" * len(batch))
        for document_id, person_id, relation in db.all(
            "SELECT document_id, person_id, relation FROM document_people"
            f" WHERE document_id IN ({marks}) ORDER BY relation, position",
            batch,
        ):
            people_of[document_id].append((person_id, relation))
        for document_id, tag_id in db.all(
            f"SELECT document_id, tag_id FROM document_tags WHERE document_id IN ({marks})",
            batch,
        ):
            tags_of[document_id].append(tag_id)
    return [_document(row, people_of[row[0]], tags_of[row[0]]) for row in rows]


def _document(row: Row, links: Sequence[tuple[str, str]], tag_ids: Sequence[str]) -> Document:
    return Document(
        id=row[0],
        kind=DocumentKind(row[1]),
        title=row[2],
        date=date_from(row[3:8]),
        author_id=row[8],
        languages=list_from(row[9]),
        provenance=Provenance(
            received_from=row[10], received_on=date_from(row[11:16]), how=row[16]
        ),
        consent=Consent(
            audience=Audience(row[17]), anonymise=bool(row[18]), withdrawn=bool(row[19])
        ),
        recipient_ids=tuple(p for p, relation in links if relation == "recipient"),
        concerned_ids=tuple(p for p, relation in links if relation == "concerned"),
        tag_ids=tuple(sorted(tag_ids)),
        created=time_from(row[20]),
        modified=time_from(row[21]),
        trashed=optional_time_from(row[22]),
    )
