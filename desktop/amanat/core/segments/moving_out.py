"""The migration that moves an older archive's originals and previews out of archive.db
into segments, a batch at a time. Each batch is one transaction: its objects are appended
and synced, then the rows are pointed at them and their bytes in the database emptied, all
committed together; so a migration cut short (the laptop switched off) goes on where it
stopped the next time the archive is opened, and nothing is ever written unsealed. At the
end the emptied ``bytes`` column of ``files`` goes, and the database is compacted."""

from __future__ import annotations

import shutil
from pathlib import Path

from amanat.core.database import Database
from amanat.core.errors import NoSpaceToUpgrade
from amanat.core.jobs import Progress, Report
from amanat.core.segments import objects, sealing

BATCH_BYTES = 32 * 1024 * 1024
"""Bytes moved in one transaction: large enough that syncing is a small share of the time,
small enough that the write-ahead log stays modest."""
_MARGIN = 64 * 1024 * 1024
"""Room beyond the sealed objects themselves: the write-ahead log of a batch, the compacted
copy of the database's remaining pages."""
_MB = 1024 * 1024

_FILES_LEFT = "FROM files WHERE object_id IS NULL"
_PREVIEWS_LEFT = "FROM page_images WHERE kind = 'preview' AND object_id IS NULL"


def free_space(folder: Path) -> int:
    """Free bytes on the disk that holds ``folder`` (a seam for tests)."""
    return shutil.disk_usage(folder).free


class MovingOut:
    def check(self, db: Database) -> None:
        """Refuse to begin (or go on) without room for what is still to be moved."""
        if not _files_have_bytes(db):
            return
        left = int(db.value(f"SELECT coalesce(sum(length(bytes)), 0) {_FILES_LEFT}"))
        left += int(db.value(f"SELECT coalesce(sum(length(bytes)), 0) {_PREVIEWS_LEFT}"))
        if not left or not db.folder:
            return
        needed = sealing.sealed_length(left) + _MARGIN
        free = free_space(Path(db.folder))
        if free < needed:
            raise NoSpaceToUpgrade(needed=-(-needed // _MB), free=free // _MB)

    def step(self, db: Database, report: Report | None) -> bool:
        if not _files_have_bytes(db):
            return False  # moved out already (the version was set back to run another again)
        with db.transaction():
            moved = _move_files(db) or _move_previews(db)
        if report is not None:
            total = int(db.value("SELECT count(*) FROM files"))
            total += int(db.value("SELECT count(*) FROM page_images WHERE kind = 'preview'"))
            left = int(db.value(f"SELECT count(*) {_FILES_LEFT}"))
            left += int(db.value(f"SELECT count(*) {_PREVIEWS_LEFT}"))
            report(Progress(total - left, total))
        return moved

    def finish(self, db: Database) -> None:
        if _files_have_bytes(db):
            db.execute("ALTER TABLE files DROP COLUMN bytes")

    def then(self, db: Database) -> None:
        """Give the emptied pages back to the disk, once, if anything was moved."""
        if int(db.value("PRAGMA freelist_count")):
            db.execute("VACUUM")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _files_have_bytes(db: Database) -> bool:
    return "bytes" in {str(row[1]) for row in db.all("PRAGMA table_info(files)")}


def _move_files(db: Database) -> bool:
    rows = _batch(db, f"SELECT sha256, length(bytes) {_FILES_LEFT} ORDER BY rowid")
    for sha256 in rows:
        data = db.value("SELECT bytes FROM files WHERE sha256 = ?", (sha256,))
        object_id = objects.put(db, data, str(sha256))
        db.execute(
            "UPDATE files SET object_id = ?, bytes = x'' WHERE sha256 = ?", (object_id, sha256)
        )
    return bool(rows)


def _move_previews(db: Database) -> bool:
    rows = _batch(db, f"SELECT rowid, length(bytes) {_PREVIEWS_LEFT} ORDER BY rowid")
    for rowid in rows:
        data = db.value("SELECT bytes FROM page_images WHERE rowid = ?", (rowid,))
        object_id = objects.put(db, data)
        db.execute(
            "UPDATE page_images SET object_id = ?, bytes = x'' WHERE rowid = ?",
            (object_id, rowid),
        )
    return bool(rows)


def _batch(db: Database, query: str) -> list[object]:
    """The keys of the next rows to move, up to BATCH_BYTES (at least one row)."""
    chosen: list[object] = []
    total = 0
    for key, size in db.all(f"{query} LIMIT 1000"):
        if chosen and total + int(size) > BATCH_BYTES:
            break
        chosen.append(key)
        total += int(size)
    return chosen
