"""The open, unlocked connection to ``archive.db`` and its transactions.

One thread owns a Database (SQLite connections are not shared between threads). Every change
runs inside ``transaction()``, so it is all written or not at all, and SQLite's errors come out
as errors a user can act on: a full disk is not a damaged archive.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlcipher3

from amanat.core.errors import ArchiveLocked, DatabaseDamaged, DiskFullAt

Row = tuple[Any, ...]
Params = Sequence[object] | dict[str, object]

# SQLite's primary result codes (the low byte of its extended codes), from sqlite3.h.
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26

_DAMAGE_CODES = frozenset({SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB})
"""What SQLite says when it cannot make sense of the file it reads: a damaged page, a file
that is not a database (or not under this key), a read the disk refused."""


class Database:
    def __init__(self, connection: Any, folder: str, actor: str = "") -> None:
        self._connection: Any = connection
        self.folder = folder
        self.actor = actor
        self._depth = 0
        self._before_commit: dict[str, Callable[[], None]] = {}

    @property
    def connection(self) -> Any:
        if self._connection is None:
            raise ArchiveLocked()
        return self._connection

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlcipher3.Error):
                self._connection.close()
            self._connection = None

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def before_commit(self, key: str, action: Callable[[], None]) -> None:
        """Run ``action`` just before the current transaction commits (once per ``key``),
        and not at all if it is rolled back: the segments' bytes are synced to the disk
        before the rows that point at them are committed (core/segments)."""
        if not self._depth:
            raise RuntimeError("before_commit needs a transaction")
        self._before_commit.setdefault(key, action)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All of the block or none of it. Nested blocks join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        with self.translated_errors():
            self.connection.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self
            for action in self._before_commit.values():
                action()
            with self.translated_errors():
                self.connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlcipher3.Error):
                self.connection.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
            self._before_commit.clear()

    @contextlib.contextmanager
    def translated_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlcipher3.Error as error:
            raise translate(error, self.folder) from error

    def execute(self, sql: str, params: Params = ()) -> Any:
        with self.translated_errors():
            return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        with self.translated_errors():
            self.connection.executemany(sql, rows)

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        with self.translated_errors():
            return list(self.connection.execute(sql, params).fetchall())

    def one(self, sql: str, params: Params = ()) -> Row | None:
        with self.translated_errors():
            row = self.connection.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def value(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row is not None else None


def translate(error: Exception, folder: str) -> Exception:
    """The user-facing error for an SQLite failure, by SQLite's own result code (its wording
    varies between versions and is no contract); anything unexpected stays a bug."""
    code = primary_code(error)
    if code == SQLITE_FULL:
        return DiskFullAt(path=folder)
    # A plain DatabaseError (not one of its narrower kinds, which are bugs or constraints)
    # means SQLite could not make sense of what it read: damage, whatever the code.
    if code in _DAMAGE_CODES or type(error) is sqlcipher3.DatabaseError:
        return DatabaseDamaged(path=folder)
    return error


def primary_code(error: Exception) -> int | None:
    """SQLite's primary result code for ``error`` (SQLITE_FULL for SQLITE_FULL and all its
    extended forms), or None for an error that did not come from SQLite's C library."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None
