"""Keeping the segments tidy: at unlock, what a crash left behind goes; after the trash is
emptied, what deleted objects left is overwritten, and a segment mostly dead is compacted.
Both run on the thread that owns the database, with the archive's lock held."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from amanat.core import private_files
from amanat.core.atomic_file import sync_folder
from amanat.core.database import Database
from amanat.core.errors import DiskFull, FileNotWritable, StoredObjectDamaged
from amanat.core.segments import objects, segment_files

FULL_CHECK_RESUME = "full_check_resume"
"""check.RESUME_KEY (the check imports the segments, so the segments do not import it)."""


@dataclass(frozen=True, slots=True)
class Tidied:
    """What the unlock found: bytes cut off past committed lengths, unknown files removed,
    and segments shorter than recorded (damage, left for the check to name)."""

    bytes_cut: int
    files_removed: int
    short_segments: tuple[str, ...]


def tidy_at_unlock(db: Database) -> Tidied:
    """Cut every segment back to its committed length (bytes of a transaction that never
    committed) and remove the files in segments/ the database does not know (a segment
    created for a transaction that never committed, an old segment whose compaction
    committed, or anything dropped there). A segment shorter than recorded is left as it
    is: the objects before the damage stay readable, and the check names the others."""
    where = objects.folder(db)
    with contextlib.suppress(OSError):
        segment_files.ensure_folder(where)
    private_files.make_private(where)
    known = {
        str(name): int(length) for name, length in db.all("SELECT name, committed FROM segments")
    }
    cut = 0
    removed = 0
    short: list[str] = []
    for name in segment_files.names(where):
        path = where / name
        if name not in known:
            with contextlib.suppress(OSError):
                segment_files.remove(where, name)
                removed += 1
            continue
        private_files.make_private(path)
        size = segment_files.size(path)
        if size > known[name]:
            # On a disk that refuses writes the bytes stay: nothing points at them, and the
            # next append cuts them off first anyway.
            with contextlib.suppress(OSError):
                segment_files.cut(path, known[name])
                cut += size - known[name]
        elif size < known[name]:
            short.append(name)
    short.extend(name for name in known if not (where / name).is_file())
    if removed:
        sync_folder(where)
    return Tidied(cut, removed, tuple(sorted(short)))


def reclaim(db: Database) -> None:
    """After objects were deleted (the trash emptied): overwrite their extents, best effort,
    then compact each segment more than half dead. Their keys went with their rows already
    (secure_delete overwrote them), so this is for the disk's sake, not the secret's."""
    where = objects.folder(db)
    dead = db.all("SELECT rowid, segment, start, length FROM dead_extents")
    touched: set[str] = set()
    for _, segment, start, length in dead:
        with contextlib.suppress(OSError):
            segment_files.overwrite(where / segment, int(start), int(length))
            touched.add(str(segment))
    for segment in touched:  # one sync a segment, however many extents it had
        with contextlib.suppress(OSError):
            segment_files.sync(where / segment)
    with db.transaction():
        db.executemany("DELETE FROM dead_extents WHERE rowid = ?", [(row[0],) for row in dead])
    for name in half_dead(db):
        # Compaction only saves room: a damaged segment, or a disk too full for the copies,
        # leaves the segment as it is (its objects stay where they were).
        with contextlib.suppress(StoredObjectDamaged, DiskFull, FileNotWritable):
            compact(db, name)


def half_dead(db: Database) -> list[str]:
    """Segments whose live objects fill less than half their committed length (the newest
    one too: once compacted, it is simply the next segment appended to)."""
    return [
        str(name)
        for (name,) in db.all(
            "SELECT s.name FROM segments s WHERE s.committed > 0 AND 2 * coalesce("
            " (SELECT sum(o.length) FROM objects o WHERE o.segment = s.name), 0) < s.committed"
            " ORDER BY s.rowid"
        )
    ]


def compact(db: Database, name: str) -> None:
    """Copy the segment's live objects, sealed as they are, to the newest segment, point
    their rows there and forget the old segment, in one transaction; then remove its file.
    A crash before the commit leaves the copies past a committed length (cut at unlock), one
    after it leaves an unknown file (removed at unlock)."""
    where = objects.folder(db)
    with db.transaction():
        live = [
            str(object_id)
            for (object_id,) in db.all(
                "SELECT id FROM objects WHERE segment = ? ORDER BY start", (name,)
            )
        ]
        for object_id in live:
            objects.copy_raw(db, object_id)
        db.execute("DELETE FROM segments WHERE name = ?", (name,))
        # A full check that stopped goes on by the order of segments; a compaction changes
        # it, so such a check starts again from the beginning.
        db.execute("DELETE FROM meta WHERE key = ?", (FULL_CHECK_RESUME,))
    with contextlib.suppress(OSError):
        segment_files.overwrite(where / name, 0, segment_files.size(where / name), durably=True)
    with contextlib.suppress(OSError):
        segment_files.remove(where, name)
        sync_folder(where)
