"""One-file backups of an archive, exactly as safe as the archive itself: the backup holds
the encrypted archive.db and keys.json as they are, never anything decrypted, so the same
password (or recovery code) opens the restored copy."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import shutil
import tarfile
from pathlib import Path
from typing import IO, Any

from amanat.core import bounded_json, keyslots, private_files
from amanat.core.atomic_file import sync_folder
from amanat.core.errors import (
    AmanatError,
    ArchiveExists,
    BackupCancelled,
    BackupDamaged,
    BackupInsideArchive,
    BackupNotVerified,
    Detail,
    DiskFull,
    FileNotWritable,
    FileProblem,
    RestoreCancelled,
)
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.records import now
from amanat.core.vault import DATABASE_FILE, Archive

MANIFEST = "amanat-backup.json"
FORMAT = "amanat-backup"
VERSION = 1
_MEMBERS = (keyslots.KEY_FILE, DATABASE_FILE)
_CHUNK = 1 << 20
_MAX_MANIFEST_BYTES = 1 << 16


def backup(
    archive: Archive,
    destination: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> None:
    """Write the archive to ``destination``; the file appears only once it is complete and
    has been read back and found the same. ``report`` hears the bytes written then read back
    (both counted in one total); ``cancel`` is asked between chunks, and a cancelled,
    failed or unverified backup leaves no file behind, not even a partial one."""
    destination = Path(destination)
    if destination.exists():
        raise FileNotWritable(path=str(destination), reason=Detail("backup-exists"))
    if _inside(destination, archive.folder):
        raise BackupInsideArchive()
    # Fold the write-ahead log into archive.db so the one file holds every change.
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    digests: dict[str, str] = {}
    sizes = {name: (archive.folder / name).stat().st_size for name in _MEMBERS}
    counter = _Counter(2 * sum(sizes.values()), report, cancel, BackupCancelled)
    try:
        with (
            private_files.create_or_replace(temporary) as file,
            # A megabyte at a time: tarfile's 16 KiB would cost a call per 16 KiB.
            tarfile.TarFile(
                fileobj=file, mode="w", format=tarfile.PAX_FORMAT, copybufsize=_CHUNK
            ) as tar,
        ):
            for name in _MEMBERS:
                path = archive.folder / name
                with open(path, "rb") as source:
                    hashing = _HashingReader(source, counter)
                    info = tarfile.TarInfo(name)
                    info.size = sizes[name]
                    info.mtime = 0
                    tar.addfile(info, hashing)
                    digests[name] = hashing.hexdigest()
            manifest = json.dumps(
                {
                    "format": FORMAT,
                    "version": VERSION,
                    "archive_id": archive.archive_id,
                    "created": now().isoformat(),
                    "sha256": digests,
                },
                indent=2,
            ).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(manifest)
            tar.addfile(info, io.BytesIO(manifest))
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
            _forget_cached(handle.fileno())
        _read_back(temporary, digests, counter)
        os.replace(temporary, destination)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _write_error(error, destination) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    sync_folder(destination.parent)


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` would lie in ``folder`` (links and ``..`` resolved as far as they
    exist): a backup there would be lost with the archive, and change it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _forget_cached(descriptor: int) -> None:
    """Ask the system to drop the file's pages from its cache, so that reading it back reads
    the disk (or the USB stick), not memory. Best effort: not every system can."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)


def _read_back(written: Path, digests: dict[str, str], counter: _Counter) -> None:
    """Read the backup just written as a restore would, and compare every member with what
    was put in; a stick that loses data is found now, not on the day it is needed."""
    try:
        with tarfile.open(written, "r:") as tar:
            manifest = _read_manifest(tar, written)
            for name in _MEMBERS:
                extracted = tar.extractfile(name)
                if extracted is None:
                    raise BackupNotVerified()
                hashing = _HashingReader(extracted, counter)
                while hashing.read(_CHUNK):
                    pass
                if not (hashing.hexdigest() == digests[name] == manifest["sha256"][name]):
                    raise BackupNotVerified()
    except (tarfile.TarError, KeyError, EOFError, BackupDamaged) as error:
        raise BackupNotVerified() from error


def restore(
    source: Path, folder: Path, report: Report | None = None, cancel: Cancel | None = None
) -> str:
    """Unpack a backup into a new archive folder; returns the archive's id. The folder
    appears only once every file is in place and matches its recorded hash. ``report``
    hears the bytes unpacked; ``cancel`` is asked between chunks, and a cancelled restore
    leaves no folder."""
    source, folder = Path(source), Path(folder)
    if folder.exists():
        raise ArchiveExists(path=str(folder))
    staging = folder.with_name(f".{folder.name}.{os.getpid()}.restoring")
    try:
        with tarfile.open(source, "r:") as tar:
            manifest = _read_manifest(tar, source)
            counter = _Counter(
                sum(tar.getmember(name).size for name in _MEMBERS),
                report,
                cancel,
                RestoreCancelled,
            )
            private_files.make_folder(staging, parents=True)
            for name in _MEMBERS:
                member = tar.getmember(name)
                if not member.isfile():
                    raise BackupDamaged(
                        path=str(source), reason=Detail("backup-member-not-a-file", name=name)
                    )
                extracted = tar.extractfile(member)
                assert extracted is not None
                with private_files.create_new(staging / name) as target:
                    hashing = _HashingReader(extracted, counter)
                    shutil.copyfileobj(hashing, target, _CHUNK)
                    target.flush()
                    os.fsync(target.fileno())
                if hashing.hexdigest() != manifest["sha256"][name]:
                    raise BackupDamaged(
                        path=str(source), reason=Detail("backup-member-hash", name=name)
                    )
        os.replace(staging, folder)
    except (tarfile.TarError, KeyError, ValueError, EOFError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupDamaged(path=str(source), reason=Detail("backup-cannot-unpack")) from error
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        if not source.is_file():
            raise FileProblem(path=str(source), reason=Detail("file-does-not-exist")) from error
        raise _write_error(error, folder) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    sync_folder(folder.parent)
    return str(manifest["archive_id"])


def _write_error(error: OSError, path: Path) -> Exception:
    if error.errno == errno.ENOSPC:
        return DiskFull()
    # The operating system's own words (strerror), as the system gives them.
    return FileNotWritable(path=str(path), reason=error.strerror or str(error))


def _read_manifest(tar: tarfile.TarFile, source: Path) -> dict[str, Any]:
    names = set(tar.getnames())
    if names != {MANIFEST, *_MEMBERS}:
        raise BackupDamaged(path=str(source), reason=Detail("backup-wrong-contents"))
    extracted = tar.extractfile(MANIFEST)
    if extracted is None:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-not-a-file"))
    try:
        manifest = bounded_json.loads(extracted.read(_MAX_MANIFEST_BYTES + 1), _MAX_MANIFEST_BYTES)
    except bounded_json.UnreadableJson:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-unreadable")) from None
    if not isinstance(manifest, dict):
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-unreadable"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupDamaged(path=str(source), reason=Detail("backup-unknown-version"))
    hashes = manifest.get("sha256")
    complete = (
        isinstance(manifest.get("archive_id"), str)
        and isinstance(hashes, dict)
        and all(isinstance(hashes.get(name), str) for name in _MEMBERS)
    )
    if not complete:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-incomplete"))
    return manifest


class _Counter:
    """Counts the bytes a job has moved, tells ``report`` (about once a chunk) and stops the
    job with ``stopped`` once ``cancel`` says so."""

    def __init__(
        self,
        total: int,
        report: Report | None,
        cancel: Cancel | None,
        stopped: type[AmanatError],
    ) -> None:
        self.total = total
        self.done = 0
        self._told = 0
        self._report = report
        self._cancel = cancel
        self._stopped = stopped

    def moved(self, count: int) -> None:
        if cancelled(self._cancel):
            raise self._stopped()
        self.done += count
        if self._report is not None and (
            self.done - self._told >= _CHUNK or self.done >= self.total
        ):
            self._told = self.done
            self._report(Progress(min(self.done, self.total), self.total))


class _HashingReader(io.RawIOBase):
    """Reads through to a file while hashing what passes, so big databases stream."""

    def __init__(self, source: IO[bytes], counter: _Counter | None = None) -> None:
        self._source = source
        self._hash = hashlib.sha256()
        self._counter = counter

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self._hash.update(data)
        if self._counter is not None:
            self._counter.moved(len(data))
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
