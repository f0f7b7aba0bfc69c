"""Full-text search over titles, texts, annotations, people, events and tags.

The index is an FTS5 table inside the encrypted database. Text goes in normalised (see
normalise.py) and queries are normalised the same way, so spelling variants meet. The storage
modules call ``index`` and ``unindex`` inside the transaction of each change.

A document in the trash is not in the index at all (``reindex_document`` takes it out and puts
it back), so a search without filters can rank with FTS5 alone and look up only the rows it
returns, instead of joining every match to its document first. A word found in more records
than are worth ranking is answered without ranking (see COMMON), and a search the caller no
longer wants stops inside SQLite (``cancel``). docs/search.md has the measurements.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, replace

import sqlcipher3

from amanat.core.database import Database
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.normalise import fts_query, normalise, normalise_with_offsets, search_terms
from amanat.core.records import DocumentKind

# Snippets mark matches with these control characters; the command line and the application
# each turn them into their own highlighting. They are made from the records as written (see
# _as_written), not by FTS5, whose snippet() would show the normalised index.
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


# An event is indexed under its type's machine word ("hunger-strike", see storage/events.py),
# while a family searches in Persian: the Persian words for each type are indexed beside it, so
# "اعتصاب غذا" finds the hunger strikes in either interface.
_EVENT_WORDS: dict[str, str] = {
    "arrest": "بازداشت دستگیری",
    "interrogation": "بازجویی",
    "charge": "اتهام",
    "trial": "دادگاه محاکمه",
    "sentence": "حکم",
    "appeal": "تجدیدنظر",
    "transfer": "انتقال",
    "solitary-confinement": "انفرادی",
    "hunger-strike": "اعتصاب غذا",
    "medical": "درمان پزشکی",
    "visit": "ملاقات",
    "furlough": "مرخصی",
    "release": "آزادی",
    "letter": "نامه",
    "testimony": "شهادت",
}


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
        (*_as_indexed(record_type, title, body), record_type, record_id, document_id, person_id),
    )
    db.execute(
        "INSERT INTO search_rows (record_type, record_id, row) VALUES (?, ?, ?)",
        (record_type, record_id, cursor.lastrowid),
    )


def _as_indexed(record_type: str, title: str, body: str) -> tuple[str, str]:
    if record_type == "event":
        words = _EVENT_WORDS.get(title.split(" ", 1)[0])
        title = f"{title} {words}" if words else title
    return normalise(title), normalise(body)


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
    # By the annotation's own document, so orphans (their text deleted) follow it too.
    annotations = db.all(
        "SELECT id, quote, body FROM annotations WHERE document_id = ?", (document_id,)
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


def rebuild_index(db: Database, report: Report | None = None) -> None:
    """Normalise every entry of the index again from its record as written, keeping its row
    (and so ``search_rows``): for an archive indexed by an older ``normalise``. Runs in the
    caller's transaction; ``report`` hears of every few hundred records.

    The table is dropped and made again, and the entries inserted anew: several times faster
    than updating them in place (which makes FTS5 take every old token out), and, dropped
    first, its pages are reused, so the file does not grow by a second index. Everything an
    entry holds comes from its record, as the storage modules give it to ``index``; which
    records have an entry (not those in the trash) and its row come from ``search_rows``."""
    total = int(db.value("SELECT count(*) FROM search_rows"))
    definition = str(db.value("SELECT sql FROM sqlite_master WHERE name = 'search_index'"))
    db.execute("DROP TABLE search_index")
    db.execute(definition)
    done = 0
    batch: list[tuple[object, ...]] = []
    for record_type, sql in _AS_WRITTEN.items():
        # A cursor, not a list: the texts of a large archive are hundreds of MB.
        for row, record_id, document_id, person_id, *fields in db.execute(sql, (record_type,)):
            if record_type == "person":
                names = " ".join((fields[0], fields[1], fields[2], *json.loads(fields[3])))
                fields = [names, fields[4]]
            elif record_type == "tag":
                fields = [_tag_path(db, record_id), ""]
            title, body = _as_indexed(record_type, fields[0], fields[1])
            batch.append((row, title, body, record_type, record_id, document_id, person_id))
            if len(batch) == _REPORT_EVERY:
                done += _insert_entries(db, batch)
                if report is not None:
                    report(Progress(done, total))
    done += _insert_entries(db, batch)
    if report is not None:
        report(Progress(done, total))
    # An entry whose record is gone (none in a consistent archive) is not carried over.
    db.execute("DELETE FROM search_rows WHERE row NOT IN (SELECT rowid FROM search_index)")


_REPORT_EVERY = 500

# Each kind of record with what the storage modules give ``index``: its document and person,
# then its title and body (people and tags are finished in Python).
_ENTRY = (
    "SELECT r.row, r.record_id, {fields} FROM search_rows r JOIN {table} x ON x.id = r.record_id"
    " WHERE r.record_type = ?"
)
_AS_WRITTEN = {
    "document": _ENTRY.format(
        fields="x.id, NULL, x.title, x.received_from || ' ' || x.received_how", table="documents"
    ),
    "text": _ENTRY.format(fields="x.document_id, NULL, '', x.body", table="texts"),
    "annotation": _ENTRY.format(fields="x.document_id, NULL, x.quote, x.body", table="annotations"),
    "person": _ENTRY.format(
        fields="NULL, x.id, x.display_name, x.name_fa, x.name_latin, x.aliases, x.notes",
        table="people",
    ),
    "event": _ENTRY.format(
        fields="NULL, x.person_id, x.type || ' ' || x.place, x.description", table="events"
    ),
    "tag": _ENTRY.format(fields="NULL, NULL, ''", table="tags"),
}


def _insert_entries(db: Database, batch: list[tuple[object, ...]]) -> int:
    db.executemany(
        "INSERT INTO search_index"
        " (rowid, title, body, record_type, record_id, document_id, person_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        batch,
    )
    count = len(batch)
    batch.clear()
    return count


def _tag_path(db: Database, tag_id: str) -> str:
    parts = db.all(
        "WITH RECURSIVE up(id, name, parent_id, depth) AS ("
        " SELECT id, name, parent_id, 0 FROM tags WHERE id = ?"
        " UNION ALL SELECT t.id, t.name, t.parent_id, up.depth + 1"
        " FROM tags t JOIN up ON t.id = up.parent_id)"
        " SELECT name FROM up ORDER BY depth DESC",
        (tag_id,),
    )
    return "/".join(str(part[0]) for part in parts)


def search(
    db: Database,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 50,
    cancel: Cancel | None = None,
) -> list[SearchHit]:
    """Ranked matches for ``query``: best first, titles weighing more than bodies.
    Documents in the trash are not in the index, so they are never found.

    ``cancel`` is asked while SQLite works and between hits: the window asks whether another
    key was typed, and a search it no longer wants stops within a millisecond or so instead of
    keeping the worker from the next one. A cancelled search returns no hits."""
    if cancel is None:
        return _search(db, query, filters, limit)
    connection = db.connection
    # SQLite calls this every few thousand steps of its virtual machine; non-zero interrupts.
    connection.set_progress_handler(lambda: 1 if cancel() else 0, _CANCEL_EVERY)
    try:
        return _search(db, query, filters, limit, cancel)
    except sqlcipher3.OperationalError as error:
        if cancelled(cancel) and "interrupt" in str(error):
            return []
        raise
    finally:
        connection.set_progress_handler(None, 0)


# VM steps between two cancel checks: a check costs about as much as a few hundred steps, and
# a scan of a common word takes millions.
_CANCEL_EVERY = 20_000


def _search(
    db: Database,
    query: str,
    filters: SearchFilters | None,
    limit: int,
    cancel: Cancel | None = None,
) -> list[SearchHit]:
    expression = fts_query(query)
    if expression is None:
        return []
    filters = filters or SearchFilters()
    params: dict[str, object] = {"query": expression, "limit": limit}
    if filters == SearchFilters():
        return _as_written(db, query, _unfiltered(db, params, limit), cancel)
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
        "   '',"  # the snippet is made from the text as written, see _as_written
        "   bm25(search_index, 5.0, 1.0) AS score"
        " FROM search_index s"
        " LEFT JOIN documents d ON d.id = s.document_id"
        " LEFT JOIN events e ON s.record_type = 'event' AND e.id = s.record_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY score LIMIT :limit"
    )
    if not filters.tag_id:
        params["tag"] = None
    return _as_written(db, query, [SearchHit(*row) for row in db.all(sql, params)], cancel)


# --- Common words -----------------------------------------------------------------------------
#
# bm25 scores every row that matches, so a word found in most of the archive ("و", "the",
# "زندان": 45,000 to 86,000 of 100,000 texts) cost 150-400 ms to rank, too slow for results as
# one types, and its order says little: any of 46,000 letters that mention prison is as good a
# start as another. So the matches are first listed in the order they were added (FTS5 walks
# its index in rowid order, so this stops after COMMON + 1 rows without scoring any), and:
# - up to COMMON matches are ranked by bm25 as before (a few milliseconds for 2,000);
# - more than that, and the first ``limit`` of them are the answer, in that order: the same
#   cost however common the word. Another word in the query narrows it to a ranked list again.
# Not newest first: FTS5 walks a prefix query backwards by building the merged list of every
# word with that prefix in memory, ten to a hundred times slower than forwards (1.7 s for
# "زندان" with SQLCipher's memory security on, measured in docs/search.md).
# A prefix index (FTS5's prefix='1 2 3') would make the listing of a short common prefix
# cheaper still, but makes the archive 40 % larger for it; measured in docs/search.md.
COMMON = 2_000

_IN_ORDER_ADDED = (
    "SELECT rowid FROM search_index WHERE search_index MATCH :query ORDER BY rowid LIMIT :cap"
)
_BY_ROWS = """
SELECT s.record_type, s.record_id, s.document_id, coalesce(s.person_id, e.person_id),
       CASE WHEN s.record_type IN ('text', 'annotation') THEN d.title ELSE s.title END,
       '', 0.0
FROM search_index s
LEFT JOIN documents d ON d.id = s.document_id
LEFT JOIN events e ON s.record_type = 'event' AND e.id = s.record_id
WHERE s.rowid = ?
"""


def _unfiltered(db: Database, params: dict[str, object], limit: int) -> list[SearchHit]:
    first = db.all(_IN_ORDER_ADDED, {"query": params["query"], "cap": COMMON + 1})
    if len(first) <= COMMON:
        return [SearchHit(*row) for row in db.all(_BEST_FIRST, params)]
    hits = []
    for (row,) in first[:limit]:
        found = db.one(_BY_ROWS, (row,))
        if found is not None:
            hits.append(SearchHit(*found))
    return hits


# Without filters: FTS5 ranks and cuts to the limit on its own, and only those rows are joined
# for their document's title and event's person. A common word ("و") matches most of the
# archive; joining every match before cutting made such searches several times slower.
_BEST_FIRST = """
WITH best AS (
    SELECT record_type, record_id, document_id, person_id, title,
           '' AS snippet,
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


# --- Showing hits as they were written ------------------------------------------------------
#
# The index holds the normalised form ("نامه شماره 3" for "نامهٔ شمارهٔ ۳"): right for matching,
# wrong for reading. A hit's title and snippet are made again from the record itself, with the
# matches found by normalising both sides the same way and mapping back to the original text.

_SNIPPET_WORDS = 16
_WORDS_BEFORE = 4
# Tokens as FTS5's unicode61 sees them: letters and digits, with combining marks inside words.
_TOKEN = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


_ACCENTED = re.compile("[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]")


def _fold(word: str) -> str:
    """A token as unicode61 with remove_diacritics compares it: case and Latin accents off."""
    if word.isascii():
        return word.lower()
    if not _ACCENTED.search(word):
        return word.casefold()
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _originals(db: Database, hit: SearchHit) -> tuple[str, str, str] | None:
    """(title to show, title as indexed, body as indexed) of the record behind ``hit``, as
    the user wrote them; None when it is not there any more."""
    key = (hit.record_id,)
    if hit.record_type == "document":
        row = db.one("SELECT title, received_from, received_how FROM documents WHERE id = ?", key)
        return None if row is None else (row[0], row[0], f"{row[1]} {row[2]}")
    if hit.record_type == "text":
        row = db.one("SELECT body FROM texts WHERE id = ?", key)
        return None if row is None else (hit.title, "", row[0])
    if hit.record_type == "annotation":
        row = db.one("SELECT quote, body FROM annotations WHERE id = ?", key)
        return None if row is None else (hit.title, row[0], row[1])
    if hit.record_type == "person":
        row = db.one(
            "SELECT display_name, name_fa, name_latin, aliases, notes FROM people WHERE id = ?", key
        )
        if row is None:
            return None
        names = " ".join((row[0], row[1], row[2], *json.loads(row[3])))
        return row[0], names, row[4]
    if hit.record_type == "event":
        row = db.one("SELECT type, place, description FROM events WHERE id = ?", key)
        # The snippet comes from the place, not the type's machine word before it (the
        # application names the type in the title, in the user's words).
        return None if row is None else (f"{row[0]} {row[1]}", row[1], row[2])
    if hit.record_type == "tag":
        path = _tag_path(db, hit.record_id)
        return (path, path, "") if path else None
    return None


def _as_written(
    db: Database, query: str, hits: list[SearchHit], cancel: Cancel | None = None
) -> list[SearchHit]:
    terms = [[_fold(word) for word in term.split(" ")] for term in search_terms(query)]
    shown = []
    for hit in hits:
        if cancelled(cancel):
            return []
        originals = _originals(db, hit)
        if originals is None:
            shown.append(hit)
            continue
        title, indexed_title, body = originals
        snippet = (
            original_snippet(body, terms)
            or original_snippet(indexed_title, terms)
            # FTS5 matched what this cannot find again (a phrase across a line's punctuation):
            # the opening words, unmarked, still say what the record is.
            or _opening(body or indexed_title)
        )
        shown.append(replace(hit, title=title, snippet=snippet))
    return shown


def _opening(text: str) -> str:
    words = _SPACES.sub(" ", text).strip().split(" ")
    return " ".join(words[:_SNIPPET_WORDS]) + ("…" if len(words) > _SNIPPET_WORDS else "")


def _term_pattern(term: list[str]) -> re.Pattern[str]:
    """A term's words at the start of a token, one after the other, the last one as a prefix
    of its token (the query is a prefix query); the match runs to the end of that token."""
    return re.compile(
        r"(?<![^\W_])" + r"[\W_]+".join(re.escape(word) for word in term) + r"[^\W_]*"
    )


# Normalising a text with its offsets is most of the cost of a hit (a letter of a few pages
# takes a millisecond): a long text is first looked at up to about here, which is where the first
# match of a common word is, and whole only when that finds no match far enough from the cut.
_LOOK_FIRST = 500
_CUT_MARGIN = 80
"""Normalised characters the snippet must end before the cut: the folds at a cut (a suffix
glued across it) change no more than the word or two next to it."""
_WHITESPACE = re.compile(r"\s")


def original_snippet(text: str, terms: list[list[str]]) -> str | None:
    """A few words of ``text`` around its first match of ``terms`` (each a list of folded
    words: one for a word, several for a phrase), the matches between MATCH_START and
    MATCH_END; None when nothing in ``text`` matches."""
    if len(text) > 2 * _LOOK_FIRST:
        cut = _WHITESPACE.search(text, _LOOK_FIRST)
        if cut is not None:
            found = _snippet(text[: cut.start()], terms, _CUT_MARGIN)
            if found is not None:
                return found
    return _snippet(text, terms, 0)


def _snippet(text: str, terms: list[list[str]], margin: int) -> str | None:
    """``original_snippet`` of ``text``; None also when the snippet would end less than
    ``margin`` characters before the end of ``text`` (the start of a longer text)."""
    normal, offsets = normalise_with_offsets(text)
    folded = _fold(normal)
    if len(folded) != len(normal):  # casefolding changed a length ("ß" is "ss"): as it is
        folded = normal
    marks = sorted(
        found.span() for term in terms if term for found in _term_pattern(term).finditer(folded)
    )
    if not marks:
        return None
    first = marks[0][0]
    # A few words before the first match, then up to _SNIPPET_WORDS words in all.
    before = [word.start() for word in _TOKEN.finditer(folded, max(0, first - 300), first)]
    start = before[-_WORDS_BEFORE] if len(before) >= _WORDS_BEFORE else first
    if len(before) < _WORDS_BEFORE and first <= 300:
        start = 0
    words = list(itertools.islice(_TOKEN.finditer(folded, start), _SNIPPET_WORDS))
    end = words[-1].end() if words else len(folded)
    if margin and len(folded) - end < margin:
        return None
    cut_before = start > 0 and _TOKEN.search(folded, 0, start) is not None
    cut_after = _TOKEN.search(folded, end) is not None

    def original(position: int) -> int:
        # The first character of the original at or after ``position`` of the normalised
        # text: whatever normalising removed before it (the marks on "مُحَمَّدْ", a tatweel)
        # stays with the word before.
        return offsets[position] if position < len(offsets) else len(text)

    pieces = ["…"] if cut_before else []
    cursor = original(start) if cut_before else 0
    for mark_start, mark_end in marks:
        if mark_start < start or mark_start >= end or original(mark_start) < cursor:
            continue
        pieces += [text[cursor : original(mark_start)], MATCH_START]
        pieces += [text[original(mark_start) : original(mark_end)], MATCH_END]
        cursor = original(mark_end)
    pieces += [text[cursor : original(end)], "…"] if cut_after else [text[cursor:]]
    return _SPACES.sub(" ", "".join(pieces)).strip()
