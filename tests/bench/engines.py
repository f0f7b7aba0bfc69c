"""The databases each case compares.

The measured one is a real archive, opened through ``amanat.core.vault``. The baseline is the
same schema (applied by ``amanat.core.schema.migrate``) in an unencrypted SQLite file opened
with the standard library's ``sqlite3`` and the archive's pragmas minus SQLCipher's own; the
product's storage and search functions run on it unchanged, because ``Database`` only needs a
DB-API connection. The standard library may bundle a different SQLite version from SQLCipher's,
so the same plain file is also opened with SQLCipher's SQLite and no key: comparing that with
the archive isolates the cost of encryption.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import sqlcipher3

from amanat.core import schema, vault
from amanat.core.database import Database

# Derived from the archive's own list so the baseline follows it when it changes.
PLAIN_PRAGMAS = tuple(pragma for pragma in vault._PRAGMAS if "cipher" not in pragma)


@dataclass(frozen=True, slots=True)
class PlainEngine:
    label: str
    driver: ModuleType

    def open(self, path: Path) -> Database:
        """Open (creating if needed) the plain file the way vault opens an archive: connect,
        pragmas, a first read, the migrations check."""
        connection = self.driver.connect(str(path), isolation_level=None)
        for pragma in PLAIN_PRAGMAS:
            connection.execute(pragma)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db = Database(connection, str(path.parent))
        schema.migrate(db)
        return db


def sqlite_versions() -> tuple[str, str]:
    """(standard library's SQLite, SQLCipher's SQLite)."""
    connection = sqlcipher3.connect(":memory:")
    try:
        cipher_sqlite = str(connection.execute("SELECT sqlite_version()").fetchone()[0])
    finally:
        connection.close()
    return sqlite3.sqlite_version, cipher_sqlite


_STDLIB_SQLITE, _CIPHER_SQLITE = sqlite_versions()
CIPHER_PLAIN_NAME = f"plain file, SQLCipher's SQLite {_CIPHER_SQLITE}, no key"
STDLIB = PlainEngine(f"plain SQLite {_STDLIB_SQLITE} (stdlib)", sqlite3)
# Memory security is a setting of the whole process, which the archive opened before this engine
# decides (see search_timing.py).
_MEMORY_SECURITY = "on" if "PRAGMA cipher_memory_security = ON" in vault._PRAGMAS else "off"
CIPHER_PLAIN = PlainEngine(f"{CIPHER_PLAIN_NAME}, memory security {_MEMORY_SECURITY}", sqlcipher3)


def close(db: Database) -> None:
    """Fold the WAL back into the file first, as ``Archive.lock`` does, so sizes compare."""
    if db.is_open:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def size_of(path: Path) -> int:
    """Bytes on disk of a database file, or of every file in an archive folder."""
    if path.is_dir():
        return sum(item.stat().st_size for item in path.iterdir() if item.is_file())
    return sum(
        candidate.stat().st_size
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
        if candidate.exists()
    )


def stdlib_has_fts5() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
    return True


def plain_engines() -> tuple[PlainEngine, ...]:
    """The baseline first. The schema needs FTS5; a Python built without it cannot hold the
    baseline, and SQLCipher's SQLite without a key takes its place."""
    return (STDLIB, CIPHER_PLAIN) if stdlib_has_fts5() else (CIPHER_PLAIN,)
