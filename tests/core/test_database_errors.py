"""SQLite's failures reach the user as the error they can act on, chosen by SQLite's result
code and never by the wording of its message."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from amanat.core.database import translate
from amanat.core.errors import DatabaseDamaged, DiskFull


def _failure(kind: type[Exception], message: str, code: int | None) -> Exception:
    error = kind(message)
    if code is not None:
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize("code", [13, 13 | (1 << 8)], ids=["SQLITE_FULL", "extended"])
def test_a_full_disk_is_known_by_its_code_whatever_the_message(code: int) -> None:
    error = _failure(sqlcipher3.OperationalError, "something failed", code)
    assert isinstance(translate(error, "/a"), DiskFull)


@pytest.mark.parametrize(
    "code",
    [11, 26, 10, 10 | (1 << 8)],
    ids=["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR", "SQLITE_IOERR_READ"],
)
def test_a_damaged_database_is_known_by_its_code(code: int) -> None:
    error = _failure(sqlcipher3.OperationalError, "something failed", code)
    translated = translate(error, "/a/letters.amanat")
    assert isinstance(translated, DatabaseDamaged)
    assert "/a/letters.amanat" in str(translated)


def test_a_message_that_merely_reads_like_a_full_disk_is_not_taken_for_one() -> None:
    # SQLITE_ERROR (1) is a bug, here one whose text mentions a full disk.
    error = _failure(sqlcipher3.OperationalError, "database or disk is full", 1)
    assert translate(error, "/a") is error


def test_a_constraint_or_a_typo_in_sql_stays_a_bug() -> None:
    error = _failure(sqlcipher3.IntegrityError, "UNIQUE constraint failed", 19)
    assert translate(error, "/a") is error
    typo = _failure(sqlcipher3.OperationalError, "no such table: peple", 1)
    assert translate(typo, "/a") is typo


def test_a_file_that_is_no_database_reads_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    path.write_bytes(b"not a database at all " * 400)
    connection = sqlcipher3.connect(str(path))
    try:
        with pytest.raises(sqlcipher3.DatabaseError) as raised:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        connection.close()
    assert raised.value.sqlite_errorcode & 0xFF == 26  # SQLITE_NOTADB
    assert isinstance(translate(raised.value, str(tmp_path)), DatabaseDamaged)
