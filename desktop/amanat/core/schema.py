"""The archive's tables, and the migrations that bring an older archive up to date.

``PRAGMA user_version`` holds the number of migrations applied. Each migration runs in one
transaction together with the version bump, so an interrupted upgrade leaves the archive at
the version it had; a migration too long for one transaction is done in batches, each
committed, and sets the version in its last (``Batched``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from amanat.core import search
from amanat.core.database import Database
from amanat.core.errors import UnsupportedArchiveVersion
from amanat.core.jobs import Report
from amanat.core.segments import moving_out

# Dates are stored as the Gregorian interval they cover plus how they were given; see dates.py.
_DATE_COLUMNS = """
    {p}_start TEXT, {p}_end TEXT, {p}_precision TEXT, {p}_circa INTEGER, {p}_calendar TEXT
"""

_VERSION_1 = f"""
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE people (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    name_fa      TEXT NOT NULL DEFAULT '',
    name_latin   TEXT NOT NULL DEFAULT '',
    aliases      TEXT NOT NULL DEFAULT '[]',
    roles        TEXT NOT NULL DEFAULT '[]',
    birth_year   INTEGER,
    status       TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    created      TEXT NOT NULL,
    modified     TEXT NOT NULL
);

CREATE TABLE documents (
    id                TEXT PRIMARY KEY,
    kind              TEXT NOT NULL,
    title             TEXT NOT NULL,
    {_DATE_COLUMNS.format(p="date")},
    author_id         TEXT REFERENCES people(id) ON DELETE SET NULL,
    languages         TEXT NOT NULL DEFAULT '[]',
    received_from     TEXT NOT NULL DEFAULT '',
    {_DATE_COLUMNS.format(p="received")},
    received_how      TEXT NOT NULL DEFAULT '',
    consent_audience  TEXT NOT NULL,
    consent_anonymise INTEGER NOT NULL DEFAULT 0,
    consent_withdrawn INTEGER NOT NULL DEFAULT 0,
    created           TEXT NOT NULL,
    modified          TEXT NOT NULL,
    trashed           TEXT
);
CREATE INDEX documents_by_date ON documents(date_start, date_end);
CREATE INDEX documents_by_author ON documents(author_id);

CREATE TABLE document_people (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    relation    TEXT NOT NULL CHECK (relation IN ('recipient', 'concerned')),
    position    INTEGER NOT NULL,
    PRIMARY KEY (document_id, relation, person_id)
);
CREATE INDEX document_people_by_person ON document_people(person_id);

CREATE TABLE tags (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    colour    TEXT NOT NULL,
    parent_id TEXT REFERENCES tags(id) ON DELETE CASCADE,
    created   TEXT NOT NULL,
    modified  TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_unique_among_siblings ON tags(coalesce(parent_id, ''), name);

CREATE TABLE document_tags (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    tag_id      TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, tag_id)
);
CREATE INDEX document_tags_by_tag ON document_tags(tag_id);

-- Original files, once each however many pages share them, keyed by their SHA-256.
CREATE TABLE files (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    bytes  BLOB NOT NULL
);

CREATE TABLE pages (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    sha256        TEXT NOT NULL REFERENCES files(sha256),
    mime_type     TEXT NOT NULL,
    size          INTEGER NOT NULL,
    width         INTEGER,
    height        INTEGER,
    rotation      INTEGER NOT NULL DEFAULT 0,
    original_name TEXT NOT NULL DEFAULT '',
    imported      TEXT NOT NULL,
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX pages_by_document ON pages(document_id, number);
CREATE INDEX pages_by_file ON pages(sha256);

CREATE TABLE texts (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    language    TEXT NOT NULL,
    body        TEXT NOT NULL,
    made_by     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    created     TEXT NOT NULL,
    modified    TEXT NOT NULL
);
CREATE INDEX texts_by_document ON texts(document_id);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    {_DATE_COLUMNS.format(p="date")},
    {_DATE_COLUMNS.format(p="end")},
    ongoing     INTEGER NOT NULL DEFAULT 0,
    place       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    modified    TEXT NOT NULL
);
CREATE INDEX events_by_person ON events(person_id, date_start);

CREATE TABLE event_sources (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (event_id, document_id)
);

CREATE TABLE event_tags (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    tag_id   TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, tag_id)
);

-- A text annotation keeps its quote with some context, so it can be found again after
-- the text is edited; an image annotation keeps a rectangle in fractions of the page.
CREATE TABLE annotations (
    id          TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('text', 'image')),
    text_id     TEXT REFERENCES texts(id) ON DELETE SET NULL,
    range_start INTEGER,
    range_end   INTEGER,
    quote       TEXT NOT NULL DEFAULT '',
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    page_id     TEXT REFERENCES pages(id) ON DELETE SET NULL,
    x REAL, y REAL, width REAL, height REAL,
    body        TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    visibility  TEXT NOT NULL,
    orphaned    INTEGER NOT NULL DEFAULT 0,
    created     TEXT NOT NULL,
    modified    TEXT NOT NULL
);
CREATE INDEX annotations_by_text ON annotations(text_id);
CREATE INDEX annotations_by_page ON annotations(page_id);

CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id        TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    time        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    summary     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

-- The search index holds normalised text (see normalise.py); it lives inside the encrypted
-- database like everything else, never beside it.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body,
    record_type UNINDEXED, record_id UNINDEXED, document_id UNINDEXED, person_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Which index row holds which record: FTS5 cannot look up its unindexed columns quickly,
-- so replacing a record's entry goes through its row id.
CREATE TABLE search_rows (
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    row         INTEGER NOT NULL,
    PRIMARY KEY (record_type, record_id)
) WITHOUT ROWID;
"""

# Scans: where each page came from, what its file's metadata says, and its thumbnail and
# preview, kept inside the database (never in a cache folder beside it). A multi-page original
# (a TIFF's frames, a PDF's pages) is stored once in ``files``; each of its pages points into it
# with ``source_page``. ``source_path`` is where it was imported from: it can name a family's
# folders, so it lives only here, encrypted. The two flags are columns so the application can
# find the pages to warn about without reading every report.
_VERSION_2 = """
ALTER TABLE pages ADD COLUMN source_page INTEGER;
ALTER TABLE pages ADD COLUMN source_path TEXT NOT NULL DEFAULT '';
ALTER TABLE pages ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
ALTER TABLE pages ADD COLUMN has_location INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN has_person_name INTEGER NOT NULL DEFAULT 0;

CREATE TABLE page_images (
    page_id   TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('thumbnail', 'preview')),
    mime_type TEXT NOT NULL,
    width     INTEGER NOT NULL,
    height    INTEGER NOT NULL,
    bytes     BLOB NOT NULL,
    PRIMARY KEY (page_id, kind)
);
"""

# Bundles: the archive's own keys (one row: an Ed25519 key that signs the bundles it sends and
# an X25519 key that opens the bundles sent to it; private, so only here, encrypted), the
# people it exchanges bundles with, which bundles were imported (so a second import changes
# nothing), the sender's audit entries that came with them (kept apart: they cannot join this
# archive's hash chain), and each record imported beside a different local version.
_VERSION_3 = """
CREATE TABLE identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    signing_key  BLOB NOT NULL,
    age_key      BLOB NOT NULL,
    created      TEXT NOT NULL
);

CREATE TABLE contacts (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    age_recipient TEXT NOT NULL UNIQUE,
    signing_key   TEXT,
    verified      INTEGER NOT NULL DEFAULT 0,
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX contacts_by_signing_key ON contacts(signing_key);

CREATE TABLE bundle_imports (
    bundle_id         TEXT PRIMARY KEY,
    imported_at       TEXT NOT NULL,
    signer            TEXT NOT NULL,
    sender_archive_id TEXT NOT NULL,
    created           TEXT NOT NULL,
    summary           TEXT NOT NULL
);

CREATE TABLE bundle_audit (
    bundle_id   TEXT NOT NULL REFERENCES bundle_imports(bundle_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    time        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    summary     TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (bundle_id, seq)
);

CREATE TABLE bundle_conflicts (
    bundle_id   TEXT NOT NULL REFERENCES bundle_imports(bundle_id) ON DELETE CASCADE,
    record_type TEXT NOT NULL,
    local_id    TEXT NOT NULL,
    imported_id TEXT NOT NULL,
    PRIMARY KEY (bundle_id, record_type, local_id)
);
"""

# Annotations: the document each one belongs to, kept when its text or page is deleted so an
# orphaned annotation is still listed under its document (and goes with the document when the
# trash is emptied), and the link between an image annotation and a text annotation that show
# the same passage (cleared on both sides when either goes).
_VERSION_4 = """
ALTER TABLE annotations ADD COLUMN document_id TEXT REFERENCES documents(id) ON DELETE CASCADE;
ALTER TABLE annotations ADD COLUMN linked_to TEXT REFERENCES annotations(id) ON DELETE SET NULL;

UPDATE annotations SET document_id = coalesce(
    (SELECT t.document_id FROM texts t WHERE t.id = annotations.text_id),
    (SELECT p.document_id FROM pages p WHERE p.id = annotations.page_id)
);
CREATE INDEX annotations_by_document ON annotations(document_id);
CREATE INDEX annotations_by_link ON annotations(linked_to);
"""


def _version_5(db: Database, report: Report | None) -> None:
    """Search: the normaliser learnt the spellings Persian writers vary (affixes joined by a
    space, ZWNJ or nothing, hamza seats, the ezafe, glued digits, emphasis; see normalise.py).
    The index holds normalised text, so an archive indexed before is normalised again from its
    records, once: about as long as indexing them took, a minute for 100,000 texts on the
    benchmark's machine (docs/search.md)."""
    search.rebuild_index(db, report)


def _version_6(db: Database, report: Report | None) -> None:
    """People: a person can be moved to the trash and restored, as a document can; emptying
    the trash removes them for good. Only a person no document names goes there. The column
    is added only where it is missing, so an archive marked older than it is (as tests mark
    one to run a later migration again) still opens."""
    del report
    columns = {row[1] for row in db.all("PRAGMA table_info(people)")}
    if "trashed" not in columns:
        db.execute("ALTER TABLE people ADD COLUMN trashed TEXT")


# Pages removed from their document wait in the trash until it is emptied: ``removed`` is when
# (NULL for a page in its document) and ``removed_from`` the place it had, to go back to. A
# removed page's ``number`` is 0, outside its document's order, so pages added later still
# follow the last page that is there.
_VERSION_7 = """
ALTER TABLE pages ADD COLUMN removed TEXT;
ALTER TABLE pages ADD COLUMN removed_from INTEGER;
"""


# Segments: originals and previews leave the database for sealed segment files (see
# core/segments and docs/segments.md). ``segments`` holds each file's committed length (bytes
# past it are cut off at unlock); ``objects`` is the index of objects, each with its own key;
# ``dead_extents`` lists the places of deleted objects still to be overwritten. Deleting a
# file's or a preview's row deletes its object (so its key), and that leaves a dead extent.
_SEGMENTS = """
CREATE TABLE IF NOT EXISTS segments (
    name      TEXT PRIMARY KEY,
    committed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS objects (
    id      TEXT PRIMARY KEY,
    segment TEXT NOT NULL REFERENCES segments(name),
    start   INTEGER NOT NULL,
    length  INTEGER NOT NULL,
    key     BLOB NOT NULL,
    size    INTEGER NOT NULL,
    sha256  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_by_segment ON objects(segment, start);

CREATE TABLE IF NOT EXISTS dead_extents (
    segment TEXT NOT NULL REFERENCES segments(name) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    length  INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS files_by_object ON files(object_id);
CREATE INDEX IF NOT EXISTS page_images_by_object ON page_images(object_id);

CREATE TRIGGER IF NOT EXISTS file_takes_its_object AFTER DELETE ON files
WHEN old.object_id IS NOT NULL
BEGIN
    DELETE FROM objects WHERE id = old.object_id;
END;
CREATE TRIGGER IF NOT EXISTS picture_takes_its_object AFTER DELETE ON page_images
WHEN old.object_id IS NOT NULL
BEGIN
    DELETE FROM objects WHERE id = old.object_id;
END;
CREATE TRIGGER IF NOT EXISTS object_leaves_dead_extent AFTER DELETE ON objects
BEGIN
    INSERT INTO dead_extents (segment, start, length)
    VALUES (old.segment, old.start, old.length);
END;
"""


def _version_8(db: Database, report: Report | None) -> None:
    """The tables of segments and objects, and a column pointing at its object in the
    tables of files and pictures. Written to change nothing when run again (an archive set
    back to an earlier version to run an earlier migration once more)."""
    del report
    for table in ("files", "page_images"):
        columns = {str(row[1]) for row in db.all(f"PRAGMA table_info({table})")}
        if "object_id" not in columns:
            db.execute(f"ALTER TABLE {table} ADD COLUMN object_id TEXT REFERENCES objects(id)")
    for statement in _statements(_SEGMENTS):
        db.execute(statement)


@runtime_checkable
class Batched(Protocol):
    """A migration too long for one transaction (moving every original out of the
    database): ``check`` runs first (is there room?); ``step`` does one batch in a
    transaction of its own and says whether more is left, so a migration cut short goes on
    where it stopped; ``finish`` runs in the transaction that sets the new version, and
    ``then`` after it, outside any transaction (VACUUM cannot run in one)."""

    def check(self, db: Database) -> None: ...

    def step(self, db: Database, report: Report | None) -> bool: ...

    def finish(self, db: Database) -> None: ...

    def then(self, db: Database) -> None: ...


Migration = str | Callable[[Database, Report | None], None] | Batched
"""SQL statements, a function for what SQL cannot do (normalising text again), or a
migration done in batches."""


# Redactions: rectangles of a page (fractions of the page upright by its EXIF orientation, as
# region annotations are, so turning the page for reading does not move them) and passages of
# a text (quoted with their context, followed through edits as annotations are) that never
# leave the archive. A text's redactions outlive its deletion, keyed by its id, so a text put
# back by undo is redacted again; they go with their document. Made only where missing, as an
# archive marked older than it is (tests do that to run a migration again) already has it.
_REDACTIONS = """
CREATE TABLE IF NOT EXISTS redactions (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page_id     TEXT REFERENCES pages(id) ON DELETE CASCADE,
    x           REAL,
    y           REAL,
    width       REAL,
    height      REAL,
    text_id     TEXT,
    range_start INTEGER,
    range_end   INTEGER,
    quote       TEXT NOT NULL DEFAULT '',
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    orphaned    INTEGER NOT NULL DEFAULT 0,
    created     TEXT NOT NULL,
    CHECK ((page_id IS NULL) <> (text_id IS NULL))
);
CREATE INDEX IF NOT EXISTS redactions_by_document ON redactions(document_id);
CREATE INDEX IF NOT EXISTS redactions_by_page ON redactions(page_id);
CREATE INDEX IF NOT EXISTS redactions_by_text ON redactions(text_id);
"""

# Time codes: the moment of a recording at which a line of its transcription starts. Anchored
# like annotations (the line's first words with context, followed through edits), so a
# transcriber's typing never moves a time onto another line; one whose words are gone is kept,
# orphaned, and put back when they return. Like redactions they outlive their text's deletion,
# keyed by its id, so a text put back by undo has its times again; they go with their document.
_TIMECODES = """
CREATE TABLE IF NOT EXISTS timecodes (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text_id     TEXT NOT NULL,
    seconds     REAL NOT NULL CHECK (seconds >= 0),
    range_start INTEGER NOT NULL,
    range_end   INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    orphaned    INTEGER NOT NULL DEFAULT 0,
    created     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timecodes_by_text ON timecodes(text_id, range_start);
"""

# Annotations on a time range of a recording: a third kind of target beside a passage and a
# region, kept in two new columns (seconds from the recording's start) with the recording
# page in ``page_id``, so a page's trash, deletion and cascade treat it as a region. SQLite
# cannot change a CHECK, so the table is made again: its rows and their tags are kept aside
# in memory (temp_store is MEMORY), both tables dropped (tags first, so dropping the
# annotations cascades to nothing), made anew and filled back, all in the migration's one
# transaction. Columns are copied by name, so running it again on a table that has them
# already (an archive set back to an earlier version, as tests do) keeps every row.
_ANNOTATIONS_ON_TIME = """
CREATE TABLE annotations (
    id          TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('text', 'image', 'time')),
    text_id     TEXT REFERENCES texts(id) ON DELETE SET NULL,
    range_start INTEGER,
    range_end   INTEGER,
    quote       TEXT NOT NULL DEFAULT '',
    prefix      TEXT NOT NULL DEFAULT '',
    suffix      TEXT NOT NULL DEFAULT '',
    page_id     TEXT REFERENCES pages(id) ON DELETE SET NULL,
    x REAL, y REAL, width REAL, height REAL,
    body        TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    visibility  TEXT NOT NULL,
    orphaned    INTEGER NOT NULL DEFAULT 0,
    created     TEXT NOT NULL,
    modified    TEXT NOT NULL,
    document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    linked_to   TEXT REFERENCES annotations(id) ON DELETE SET NULL,
    time_start  REAL,
    time_end    REAL,
    CHECK (target_kind <> 'time' OR (0 <= time_start AND time_start < time_end))
);
CREATE INDEX annotations_by_text ON annotations(text_id);
CREATE INDEX annotations_by_page ON annotations(page_id);
CREATE INDEX annotations_by_document ON annotations(document_id);
CREATE INDEX annotations_by_link ON annotations(linked_to);

CREATE TABLE annotation_tags (
    annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id        TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
);
"""


def _annotations_on_time(db: Database, report: Report | None) -> None:
    """Make the annotations table again with the time range target (see above)."""
    del report
    kept = [str(row[1]) for row in db.all("PRAGMA table_info(annotations)")]
    db.execute("CREATE TEMP TABLE kept_annotations AS SELECT * FROM annotations")
    db.execute("CREATE TEMP TABLE kept_annotation_tags AS SELECT * FROM annotation_tags")
    db.execute("DROP TABLE annotation_tags")
    db.execute("DROP TABLE annotations")
    for statement in _statements(_ANNOTATIONS_ON_TIME):
        db.execute(statement)
    # The names come from the table's own definition, never from outside.
    columns = ", ".join(kept)
    db.execute(f"INSERT INTO annotations ({columns}) SELECT {columns} FROM temp.kept_annotations")
    db.execute(
        "INSERT INTO annotation_tags (annotation_id, tag_id)"
        " SELECT annotation_id, tag_id FROM temp.kept_annotation_tags"
    )
    db.execute("DROP TABLE temp.kept_annotations")
    db.execute("DROP TABLE temp.kept_annotation_tags")


MIGRATIONS: tuple[Migration, ...] = (
    _VERSION_1,
    _VERSION_2,
    _VERSION_3,
    _VERSION_4,
    _version_5,
    _version_6,
    _VERSION_7,
    _version_8,
    moving_out.MovingOut(),
    _REDACTIONS,
    _TIMECODES,
    _annotations_on_time,
)
LATEST = len(MIGRATIONS)


def migrate(db: Database, report: Report | None = None) -> int:
    """Apply the migrations this archive lacks; returns the version it is now at. A migration
    that takes a while (re-indexing) tells ``report`` how far it is."""
    version = int(db.value("PRAGMA user_version"))
    if version > LATEST:
        raise UnsupportedArchiveVersion(found=version)
    for number in range(version + 1, LATEST + 1):
        migration = MIGRATIONS[number - 1]
        if isinstance(migration, Batched):
            migration.check(db)
            while migration.step(db, report):
                pass
            with db.transaction():
                migration.finish(db)
                db.execute(f"PRAGMA user_version = {number:d}")
            migration.then(db)
            continue
        with db.transaction():
            if isinstance(migration, str):
                for statement in _statements(migration):
                    db.execute(statement)
            else:
                migration(db, report)
            # PRAGMA cannot take a bound parameter; ``number`` is our own integer.
            db.execute(f"PRAGMA user_version = {number:d}")
    return LATEST


def _statements(script: str) -> list[str]:
    """Split a migration into statements so they run inside our own transaction
    (``executescript`` would commit on its own). Our scripts put no ';' inside literals."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    statements: list[str] = []
    trigger = ""  # a trigger's body has statements of its own, up to its END
    for part in body.split(";"):
        if trigger:
            trigger += ";" + part
            if part.strip().upper() == "END":
                statements.append(trigger.strip())
                trigger = ""
        elif part.strip().upper().startswith("CREATE TRIGGER"):
            trigger = part
        elif part.strip():
            statements.append(part.strip())
    return statements
