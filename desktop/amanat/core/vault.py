"""Create, unlock and lock an archive folder ``NAME.amanat/``.

The folder holds two files: ``archive.db``, an SQLCipher 4 database keyed with a random
256-bit data key, and ``keys.json``, which holds that data key wrapped by each way of opening
the archive (see keyslots.py). Nothing else is written there or anywhere else.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from amanat.core import audit, keyslots, schema
from amanat.core.database import Database
from amanat.core.errors import (
    ArchiveExists,
    ArchiveInUse,
    ArchiveNotFound,
    DatabaseDamaged,
    DatabaseMissing,
    FolderNotWritable,
    KeysFromOtherArchive,
    WeakPassword,
)
from amanat.core.keyslots import KdfParams, KeyFile, SlotKind
from amanat.core.records import new_id, now

DATABASE_FILE = "archive.db"
SUFFIX = ".amanat"
MINIMUM_PASSWORD_LENGTH = 8
_SALT_BYTES = 16

# Every connection is opened the same way: SQLCipher logs nothing, and does not wipe every block
# SQLite frees (cipher_memory_security: it guards little that locking and quitting do not, and
# made common searches ten times slower; the threat analysis is in docs/search.md);
# WAL with full syncs so a crash loses no committed change; temporary tables and sorts stay
# in memory (never in a plaintext temp file); deleted records are overwritten, so emptying
# the trash really removes them.
_PRAGMAS = (
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA cipher_log_level = NONE",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
)


def check_new_password(password: str) -> None:
    """Refuse a password too short to protect anyone. The application also shows a
    strength estimate; this is only the floor."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise WeakPassword(minimum=MINIMUM_PASSWORD_LENGTH)


@dataclass
class Archive:
    """An unlocked archive. ``lock()`` closes it and wipes the key it held."""

    folder: Path
    db: Database
    archive_id: str
    _data_key: bytearray = field(repr=False)
    _lock_handle: Any = field(default=None, repr=False)

    # --- Opening -----------------------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, password: str, kdf: KdfParams | None = None, actor: str = ""
    ) -> Archive:
        """A new, empty archive at ``folder``, which must not exist yet."""
        folder = Path(folder)
        if folder.exists():
            raise ArchiveExists(path=str(folder))
        params = kdf or keyslots.calibrate()
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise FolderNotWritable(
                path=str(folder), reason=error.strerror or str(error)
            ) from error
        data_key = bytearray(secrets.token_bytes(keyslots.DATA_KEY_BYTES))
        archive_id = new_id()
        try:
            connection = _connect(folder / DATABASE_FILE, data_key)
            db = Database(connection, str(folder), actor)
            schema.migrate(db)
            with db.transaction():
                created = now().isoformat()
                db.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("archive_id", archive_id), ("created", created)],
                )
            # Read through SQLCipher: opening archive.db a second time in this process and
            # closing it would drop SQLite's own locks on it.
            salt = bytes.fromhex(str(db.value("PRAGMA cipher_salt")))
            slot = keyslots.new_slot(
                SlotKind.PASSWORD,
                keyslots.password_secret(password),
                data_key,
                params,
                archive_id,
                created,
            )
            keyslots.write(folder, KeyFile(archive_id, salt.hex(), (slot,)))
        except BaseException:
            with contextlib.suppress(Exception):
                connection.close()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        archive = cls(folder, db, archive_id, data_key)
        archive._take_lock()
        return archive

    @classmethod
    def open(cls, folder: Path, password: str, actor: str = "") -> Archive:
        return cls._open(folder, SlotKind.PASSWORD, keyslots.password_secret(password), actor)

    @classmethod
    def open_with_recovery_code(cls, folder: Path, code: str, actor: str = "") -> Archive:
        return cls._open(folder, SlotKind.RECOVERY, keyslots.recovery_secret(code), actor)

    @classmethod
    def _open(cls, folder: Path, kind: SlotKind, secret: bytes, actor: str) -> Archive:
        folder = Path(folder)
        key_file = _read_key_file(folder)
        database = folder / DATABASE_FILE
        _check_database_belongs(folder, database, key_file)
        data_key = keyslots.unwrap(key_file, kind, secret)
        lock_handle = _lock(folder)
        try:
            connection = _connect(database, data_key)
            db = Database(connection, str(folder), actor)
            stored_id = db.value("SELECT value FROM meta WHERE key = 'archive_id'")
            if stored_id != key_file.archive_id:
                raise KeysFromOtherArchive(path=str(folder))
            schema.migrate(db)
        except BaseException:
            _wipe(data_key)
            _unlock(lock_handle)
            raise
        return cls(folder, db, key_file.archive_id, data_key, lock_handle)

    # --- Keys ----------------------------------------------------------------------------

    def change_password(self, new_password: str, kdf: KdfParams | None = None) -> None:
        """Replace the password slot; the data key, and so the database, stay as they are.
        Only keys.json is rewritten, atomically."""
        check_new_password(new_password)
        key_file = _read_key_file(self.folder)
        slot = keyslots.new_slot(
            SlotKind.PASSWORD,
            keyslots.password_secret(new_password),
            self._key(),
            kdf or keyslots.calibrate(),
            self.archive_id,
            now().isoformat(),
        )
        keyslots.write(self.folder, key_file.without(SlotKind.PASSWORD).with_slot(slot))
        self._audit("password-changed", "the password was changed")

    def add_recovery_code(self, kdf: KdfParams | None = None) -> str:
        """A new recovery code, replacing any earlier one. It is returned once, to be
        written down; only the key derived from it is kept."""
        code = keyslots.new_recovery_code()
        key_file = _read_key_file(self.folder)
        slot = keyslots.new_slot(
            SlotKind.RECOVERY,
            keyslots.recovery_secret(code),
            self._key(),
            kdf or keyslots.calibrate(),
            self.archive_id,
            now().isoformat(),
        )
        keyslots.write(self.folder, key_file.without(SlotKind.RECOVERY).with_slot(slot))
        self._audit("recovery-code-added", "a new recovery code was made")
        return code

    def has_recovery_code(self) -> bool:
        return bool(_read_key_file(self.folder).slots_of(SlotKind.RECOVERY))

    def _key(self) -> bytearray:
        self.db.connection  # noqa: B018  (raises ArchiveLocked once locked)
        return self._data_key

    def _audit(self, action: str, summary: str) -> None:
        with self.db.transaction():
            audit.append(self.db, action, "archive", self.archive_id, summary)

    # --- Locking -------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database and wipe the data key. Safe to call twice."""
        if self.db.is_open:
            with contextlib.suppress(sqlcipher3.Error):
                self.db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        _wipe(self._data_key)
        _unlock(self._lock_handle)
        self._lock_handle = None

    @property
    def is_locked(self) -> bool:
        return not self.db.is_open

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def _take_lock(self) -> None:
        self._lock_handle = _lock(self.folder)


# --- Helpers ---------------------------------------------------------------------------


def _read_key_file(folder: Path) -> KeyFile:
    if not folder.is_dir():
        raise ArchiveNotFound(path=str(folder))
    return keyslots.read(folder)


def _connect(database: Path, data_key: bytearray) -> Any:
    connection = sqlcipher3.connect(str(database), isolation_level=None, check_same_thread=True)
    try:
        # The raw key form x'…' skips SQLCipher's own PBKDF2: the data key is already random.
        connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        for pragma in _PRAGMAS:
            connection.execute(pragma)
        # The first read is where a wrong key or a damaged first page shows.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        raise DatabaseDamaged(path=str(database.parent)) from error
    return connection


def _database_salt(database: Path) -> bytes:
    with open(database, "rb") as handle:
        return handle.read(_SALT_BYTES)


def _check_database_belongs(folder: Path, database: Path, key_file: KeyFile) -> None:
    """Tell 'this keys.json is another archive's' apart from 'archive.db is damaged' before
    spending a second on key derivation."""
    if not database.is_file():
        raise DatabaseMissing(path=str(folder))
    salt = _database_salt(database)
    if len(salt) < _SALT_BYTES:
        raise DatabaseDamaged(path=str(folder))
    expected = bytes.fromhex(key_file.database_salt)
    differing = sum(a != b for a, b in zip(salt, expected, strict=True))
    # Another archive's salt differs in nearly all 16 random bytes; one or two differing
    # bytes mean the start of this archive.db was damaged.
    if differing > 2:
        raise KeysFromOtherArchive(path=str(folder))
    if differing:
        raise DatabaseDamaged(path=str(folder))


def _wipe(key: bytearray) -> None:
    for index in range(len(key)):
        key[index] = 0


_LOCKERS: tuple[Callable[[int], None], Callable[[int], None]] | None
if sys.platform != "win32":
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    _LOCKERS = (_lock_fd, _unlock_fd)
else:  # Windows refuses to share an open SQLite file in the same way; no extra lock.
    _LOCKERS = None


def _lock(folder: Path) -> int | None:
    """Hold the archive for this process, so a second program cannot open it at the same time.
    The lock is on the folder: keys.json is replaced when the password changes, and a second
    descriptor on archive.db would interfere with SQLite's own locks."""
    if _LOCKERS is None:
        return None
    fd = os.open(folder, os.O_RDONLY)
    try:
        _LOCKERS[0](fd)
    except OSError:
        os.close(fd)
        raise ArchiveInUse(path=str(folder)) from None
    return fd


def _unlock(handle: int | None) -> None:
    if handle is None or _LOCKERS is None:
        return
    with contextlib.suppress(OSError):
        _LOCKERS[1](handle)
        os.close(handle)
