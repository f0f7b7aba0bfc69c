"""Create, unlock and lock an archive folder ``NAME.amanat/``.

The folder holds ``archive.db``, an SQLCipher 4 database keyed with a random 256-bit data
key; ``keys.json``, which holds that data key wrapped by each way of opening the archive (see
keyslots.py); and ``segments/``, the originals and previews sealed under keys kept in
archive.db (core/segments). Nothing else is written there or anywhere else, but for
``keys.json.next`` for the moment a re-encryption takes, and on Windows the lock file
(folder_lock.py). The folder is its owner's alone (0700, its files 0600: private_files.py).
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlcipher3

from amanat.core import audit, folder_lock, keyslots, password_strength, private_files, schema
from amanat.core.database import SQLITE_FULL, SQLITE_IOERR, Database, primary_code
from amanat.core.errors import (
    ArchiveExists,
    ArchiveNotFound,
    DatabaseDamaged,
    DatabaseKeyMismatch,
    DatabaseMissing,
    DiskFullAt,
    FolderNotWritable,
    GuessablePassword,
    KeysFromOtherArchive,
    NoRecoveryCode,
    WeakPassword,
    WrongPassword,
    WrongRecoveryCode,
    os_reason,
)
from amanat.core.jobs import Report
from amanat.core.keyslots import KdfParams, KeyFile, SlotKind
from amanat.core.records import new_id, now
from amanat.core.segments import segment_files, upkeep

DATABASE_FILE = "archive.db"
SUFFIX = ".amanat"
MINIMUM_PASSWORD_LENGTH = password_strength.MINIMUM_LENGTH
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
    """Refuse a password too short or too easy to guess (password_strength.py says how it
    is judged). Both the window and the command line call this for every new password."""
    assessment = password_strength.assess(password)
    if assessment.verdict is password_strength.Verdict.TOO_SHORT:
        raise WeakPassword(minimum=MINIMUM_PASSWORD_LENGTH)
    if not assessment.acceptable:
        raise GuessablePassword()


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
            private_files.make_folder(folder, parents=True)
            # SQLite would create archive.db readable by all (0644), and gives its -wal and
            # -shm files the mode of archive.db: an empty private file it accepts as new.
            private_files.create_new(folder / DATABASE_FILE).close()
        except OSError as error:
            raise FolderNotWritable(path=str(folder), reason=os_reason(error)) from error
        data_key = keyslots.new_data_key()
        archive_id = new_id()
        try:
            connection = _connect(folder / DATABASE_FILE, data_key)
            db = Database(connection, str(folder), actor)
            schema.migrate(db)
            segment_files.ensure_folder(segment_files.folder_of(folder))
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
            _wipe(data_key)
            shutil.rmtree(folder, ignore_errors=True)
            raise
        archive = cls(folder, db, archive_id, data_key)
        archive._take_lock()
        return archive

    @classmethod
    def open(
        cls, folder: Path, password: str, actor: str = "", report: Report | None = None
    ) -> Archive:
        """Unlock the archive at ``folder``. An archive an older Amanat made is brought up to
        this version first; a migration that takes a while (re-indexing) tells ``report`` how
        far it is. Each migration is one transaction: stopped half-way (the laptop switched
        off), the archive opens at its old version and the migration runs again."""
        secret = keyslots.password_secret(password)
        return cls._open(folder, SlotKind.PASSWORD, secret, actor, report)

    @classmethod
    def open_with_recovery_code(
        cls, folder: Path, code: str, actor: str = "", report: Report | None = None
    ) -> Archive:
        """As ``open``, with the recovery code instead of the password."""
        secret = keyslots.recovery_secret(code)
        return cls._open(folder, SlotKind.RECOVERY, secret, actor, report)

    @classmethod
    def _open(
        cls, folder: Path, kind: SlotKind, secret: bytes, actor: str, report: Report | None
    ) -> Archive:
        folder = Path(folder)
        key_file = _read_key_file(folder)
        database = folder / DATABASE_FILE
        _check_database_belongs(folder, database, key_file)
        _make_private(folder)
        lock_handle = _lock(folder)
        try:
            connection, data_key, key_file = _unlock_database(
                folder, database, key_file, kind, secret
            )
        except BaseException:
            _unlock(lock_handle)
            raise
        try:
            db = Database(connection, str(folder), actor)
            stored_id = db.value("SELECT value FROM meta WHERE key = 'archive_id'")
            if stored_id != key_file.archive_id:
                raise KeysFromOtherArchive(path=str(folder))
            schema.migrate(db, report)
            # Holding the lock: what a crash left in segments/ goes before anything is read.
            upkeep.tidy_at_unlock(db)
        except BaseException:
            with contextlib.suppress(Exception):
                connection.close()
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

    def change_password_and_re_encrypt(
        self, new_password: str, kdf: KdfParams | None = None
    ) -> str | None:
        """A new password and a new data key: archive.db is re-encrypted (SQLCipher's rekey),
        so no earlier keys.json, with whatever password it holds, opens it any more (backups
        made before still open with their old password: they are copies of the old archive).

        A recovery code wraps the data key too, and the old code cannot be re-wrapped
        without being typed in; so when the archive had one, a new code replaces it and is
        returned, to be written down. Returns None when there was none.

        Crash safety: the new key file is written complete beside keys.json first
        (keyslots.PENDING_FILE), then archive.db is re-encrypted in one SQLite transaction,
        then the new file replaces keys.json. Dying at any point leaves one of the two key
        files matching archive.db, and the next open finds it (``_unlock_database``)."""
        check_new_password(new_password)
        params = kdf or keyslots.calibrate()
        key_file = _read_key_file(self.folder)
        current = self._key()
        new_key = keyslots.new_data_key()
        code = keyslots.new_recovery_code() if key_file.slots_of(SlotKind.RECOVERY) else None
        try:
            created = now().isoformat()
            slots = [
                keyslots.new_slot(
                    SlotKind.PASSWORD,
                    keyslots.password_secret(new_password),
                    new_key,
                    params,
                    self.archive_id,
                    created,
                )
            ]
            if code is not None:
                slots.append(
                    keyslots.new_slot(
                        SlotKind.RECOVERY,
                        keyslots.recovery_secret(code),
                        new_key,
                        params,
                        self.archive_id,
                        created,
                    )
                )
            keyslots.write_pending(self.folder, replace(key_file, slots=tuple(slots)))
            # Every page into archive.db first: the rekey rewrites the database file, and
            # the write-ahead log must not hold pages under the old key afterwards.
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            _rekey(self.db.connection, new_key)
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            keyslots.promote_pending(self.folder)
            current[:] = new_key
        finally:
            _wipe(new_key)
        self._audit(
            "password-changed-re-encrypted",
            "the password was changed and the archive re-encrypted with a new key",
        )
        return code

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

    def remove_recovery_code(self) -> bool:
        """Remove the recovery code's slot: from now on only the password opens the archive
        (a copy of keys.json from before, in a backup, still opens with the old code).
        False when there was none."""
        self._key()  # raises ArchiveLocked once locked
        key_file = _read_key_file(self.folder)
        if not key_file.slots_of(SlotKind.RECOVERY):
            return False
        keyslots.write(self.folder, key_file.without(SlotKind.RECOVERY))
        self._audit("recovery-code-removed", "the recovery code was removed")
        return True

    def password_opens(self, password: str) -> bool:
        """Whether ``password`` is this archive's password now; asked before a change, so
        that someone at an unlocked, unattended laptop cannot take the archive over."""
        self._key()
        try:
            key = keyslots.unwrap(
                _read_key_file(self.folder), SlotKind.PASSWORD, keyslots.password_secret(password)
            )
        except WrongPassword:
            return False
        _wipe(key)
        return True

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


def _unlock_database(
    folder: Path, database: Path, key_file: KeyFile, kind: SlotKind, secret: bytes
) -> tuple[Any, bytearray, KeyFile]:
    """Open archive.db with the key ``secret`` unwraps. Normally that is keys.json's; after
    a re-encryption cut short, it is whichever of keys.json and the pending key file
    matches archive.db, and the change is finished (or forgotten) here."""
    pending = keyslots.read_pending(folder)
    candidates = [key_file] if pending is None else [key_file, pending]
    refusal: Exception | None = None
    for candidate in candidates:
        try:
            data_key = keyslots.unwrap(candidate, kind, secret)
        except (WrongPassword, WrongRecoveryCode, NoRecoveryCode) as error:
            refusal = error
            continue
        try:
            connection = _connect(database, data_key)
        except DatabaseDamaged as error:
            _wipe(data_key)
            if pending is None:
                # The password was right, so keys.json is whole: its key does not fit.
                raise DatabaseKeyMismatch(path=str(folder)) from error
            refusal = refusal or error
            continue
        if pending is not None:
            if candidate is pending:
                keyslots.promote_pending(folder)  # the database was re-encrypted: finish
            else:
                keyslots.discard_pending(folder)  # it never was: forget the new key
        return connection, data_key, candidate
    assert refusal is not None
    raise refusal


def _rekey(connection: Any, new_key: bytearray) -> None:
    """SQLCipher's rekey (sqlite3_rekey), with the key in a buffer wiped right after."""
    raw_key = _raw_key_form(new_key)
    try:
        connection.reset_key(raw_key)
    finally:
        keyslots.wipe(raw_key)


def _connect(database: Path, data_key: bytearray) -> Any:
    connection = sqlcipher3.connect(str(database), isolation_level=None, check_same_thread=True)
    try:
        # The raw key form x'…' skips SQLCipher's own PBKDF2: the data key is already random.
        # It goes to sqlite3_key() in a buffer wiped right after: a PRAGMA statement would be
        # a Python string, which cannot be wiped and would outlive the lock.
        raw_key = _raw_key_form(data_key)
        try:
            connection.set_key(raw_key)
        finally:
            keyslots.wipe(raw_key)
        for pragma in _PRAGMAS:
            connection.execute(pragma)
        # The first read is where a wrong key or a damaged first page shows.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if _disk_full(error, database.parent):
            # Not damage, and above all not a keys.json that does not fit: that sentence
            # would tell the user to replace a good keys.json.
            raise DiskFullAt(path=str(database.parent)) from error
        raise DatabaseDamaged(path=str(database.parent)) from error
    return connection


_LITTLE_SPACE = 1024 * 1024


def _disk_full(error: Exception, folder: Path) -> bool:
    """SQLite says "disk full", or "disk I/O error" (opening the write-ahead log's files on
    a full disk) where the disk has next to nothing left."""
    code = primary_code(error)
    if code == SQLITE_FULL:
        return True
    if code != SQLITE_IOERR:
        return False
    try:
        return shutil.disk_usage(folder).free < _LITTLE_SPACE
    except OSError:
        return False


def _make_private(folder: Path) -> None:
    """An archive made by an earlier version, or copied with lax modes, is made private."""
    private_files.make_private(folder)
    for name in (keyslots.KEY_FILE, DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        if (folder / name).exists():
            private_files.make_private(folder / name)


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


_HEX_DIGITS = b"0123456789abcdef"


def _raw_key_form(data_key: bytearray) -> bytearray:
    """``x'<hex>'`` written digit by digit into a bytearray, never through a str or bytes."""
    form = bytearray(2 * len(data_key) + 3)
    form[0:2] = b"x'"
    for index, byte in enumerate(data_key):
        form[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
        form[3 + 2 * index] = _HEX_DIGITS[byte & 15]
    form[-1] = ord("'")
    return form


def _wipe(key: bytearray) -> None:
    keyslots.wipe(key)


def _lock(folder: Path) -> int:
    return folder_lock.hold(folder)


def _unlock(handle: int | None) -> None:
    folder_lock.release(handle)
