"""Backups of an archive, exactly as safe as the archive itself: a backup holds keys.json, an
encrypted snapshot of archive.db and the sealed segments, never anything decrypted, so the
same password (or recovery code) opens the restored copy.

Two kinds. A **one-file backup** is a tar: keys.json, a ``VACUUM INTO`` snapshot of
archive.db, each segment cut at the committed length the snapshot records, and a manifest
with their SHA-256. A **folder backup** (a USB stick, kept up to date) holds the same parts
as files and copies only what is new each time: the segments' bytes past what the folder
has, a new snapshot and keys.json. Its manifest is written last, atomically, and names the
snapshot it belongs to; so a backup cut short at any step leaves the previous one whole.

A one-file backup is written under a temporary name, synced, dropped from the system's
cache and read back before it gets its name: keys.json and the snapshot are hashed again
and compared with the manifest, and every segment must be there at its recorded length.
The segments are not hashed, on writing or on reading back (the speed goal is 1.3x ``cp -r``
and a sync): every chunk of every object in them authenticates itself when it is read, so
a byte the stick lost is named document by document by ``check --full`` on the restored
archive, and the rest restores. A failed, cancelled or unverified backup leaves no file.

A backup killed on the way (the power, a crash) cannot remove its unfinished file,
``.NAME.PID.partial`` (and perhaps the snapshot ``.NAME.PID.snapshot`` beside it). The next
backup into that folder removes what such a backup left, without a word: a process that is
no longer running, and a file that begins as this module's tars begin. Restore refuses a file
of that name as unfinished, even when it happens to be whole.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import re
import shutil
import tarfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from amanat.core import bounded_json, keyslots, private_files
from amanat.core.atomic_file import sync_folder, write_atomically
from amanat.core.errors import (
    AmanatError,
    ArchiveExists,
    BackupCancelled,
    BackupDamaged,
    BackupInsideArchive,
    BackupNotVerified,
    Detail,
    DiskFullAt,
    FileNotWritable,
    FileProblem,
    RestoreCancelled,
    StoredObjectDamaged,
    os_reason,
)
from amanat.core.jobs import Cancel, Progress, Report, cancelled
from amanat.core.records import now
from amanat.core.segments import segment_files
from amanat.core.vault import DATABASE_FILE, Archive

MANIFEST = "amanat-backup.json"
FORMAT = "amanat-backup"
FOLDER_FORMAT = "amanat-folder-backup"
VERSION = 2
_READABLE_VERSIONS = (1, 2)
"""Version 1 backups (before segments) hold keys.json and archive.db only; the archive they
restore moves its originals out when it is first opened."""
_MEMBERS = (keyslots.KEY_FILE, DATABASE_FILE)
_SEGMENTS = segment_files.FOLDER
_CHUNK = 1 << 20
_KERNEL_PIECE = 16 << 20
"""Bytes of a segment copied by one copy_file_range: large enough to cost nothing, small
enough that a cancel waits for no more than one."""
_MAX_MANIFEST_BYTES = 1 << 20
"""Room for the manifest of a large archive: some 10,000 segment names and lengths."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a backup copies: the database snapshot and each segment's committed length."""

    database: Path
    segments: dict[str, int]


@dataclass(frozen=True, slots=True)
class FolderBackupReport:
    copied_bytes: int
    """Bytes of segments copied this time (only what the folder did not have)."""
    segments: int
    database_bytes: int


# --- One file ------------------------------------------------------------------------------


def backup(
    archive: Archive,
    destination: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> None:
    """Write the archive to ``destination``; the file appears only once it is complete and
    has been read back (see the module's docstring). ``report`` hears the bytes written then
    read back (one total); ``cancel`` is asked between chunks, and a cancelled, failed or
    unverified backup leaves no file behind, not even a partial one."""
    destination = Path(destination)
    if _inside(destination, archive.folder):
        raise BackupInsideArchive()
    if destination.exists():
        raise FileNotWritable(path=str(destination), reason=Detail("backup-exists"))
    _remove_unfinished(destination)
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    snapshot_path = destination.with_name(f".{destination.name}.{os.getpid()}.snapshot")
    digests: dict[str, str] = {}
    try:
        snapshot = _snapshot(archive, snapshot_path)
        parts = [
            (keyslots.KEY_FILE, archive.folder / keyslots.KEY_FILE, None),
            (DATABASE_FILE, snapshot.database, None),
        ] + [
            (f"{_SEGMENTS}/{name}", segment_files.folder_of(archive.folder) / name, length)
            for name, length in sorted(snapshot.segments.items())
        ]
        sizes = [path.stat().st_size if length is None else length for _, path, length in parts]
        hashed = sum(
            size for (_, _, length), size in zip(parts, sizes, strict=True) if length is None
        )
        counter = _Counter(sum(sizes) + hashed, report, cancel, BackupCancelled)
        hashed_end = 0
        with private_files.create_or_replace(temporary) as file:
            for (name, path, length), size in zip(parts, sizes, strict=True):
                counter.moved(0)
                with open(path, "rb") as source:
                    _add_member(file, name, size)
                    if length is None:
                        digests[name] = _copy_hashing(source, file, size, counter)
                        hashed_end = file.tell()  # keys.json and archive.db come first
                    else:
                        _copy_segment(source, file, size, counter)
            manifest_start = file.tell()
            manifest = _manifest(FORMAT, archive.archive_id, digests, snapshot.segments)
            _add_member(file, MANIFEST, len(manifest))
            file.write(manifest)
            _pad(file, len(manifest))
            _end_of_tar(file)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
            # What is read back is read from the disk: the hashed members and the manifest.
            _forget_cached(handle.fileno(), 0, hashed_end)
            _forget_cached(handle.fileno(), manifest_start, 0)
        _read_back(temporary, digests, snapshot.segments, counter)
        os.replace(temporary, destination)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _write_error(error, destination) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    finally:
        with contextlib.suppress(OSError):
            snapshot_path.unlink()
    sync_folder(destination.parent)


_UNFINISHED = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.(?P<kind>partial|snapshot)(\.making)?")
"""The names ``backup`` writes under before its file is whole (a partial tar, the database's
snapshot, the private folder the snapshot is made in)."""
_OUR_TAR_STARTS = keyslots.KEY_FILE.encode() + b"\0"
"""A backup's tar begins with keys.json's header: a partial file that does not is not ours
(a bundle's partial begins with age's header)."""


def is_unfinished(path: Path) -> bool:
    """Whether ``path`` is named as an unfinished backup is named: never restored."""
    found = _UNFINISHED.fullmatch(Path(path).name)
    return found is not None and found["kind"] == "partial"


def _remove_unfinished(destination: Path) -> None:
    """Remove what backups into ``destination``'s folder left when they were killed: only
    names of this module's making, of processes no longer running; a partial tar only if it
    begins as a backup begins, a snapshot (encrypted, so not told by its bytes) only beside
    this backup's name, a partial or a backup. Best effort and silent: a leftover is wasted
    room, not a problem to tell the user about."""
    folder = destination.parent
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    found = [(entry, match) for entry in entries if (match := _UNFINISHED.fullmatch(entry.name))]
    partials = {match["name"] for _entry, match in found if match["kind"] == "partial"}
    for entry, match in found:
        if _running(int(match["pid"])):
            continue
        name = match["name"]
        if match["kind"] == "partial":
            if not entry.is_file() or entry.is_symlink() or not _begins_as_ours(entry):
                continue
        elif not (name == destination.name or name in partials or (folder / name).is_file()):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def _begins_as_ours(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            start = handle.read(tarfile.BLOCKSIZE)
    except OSError:
        return False
    # Empty, or cut inside the first header: a backup killed at its first write.
    return start == _OUR_TAR_STARTS[: len(start)] or start.startswith(_OUR_TAR_STARTS)


def _running(pid: int) -> bool:
    """Whether process ``pid`` may still be writing. On Windows a file being written cannot
    be removed anyway (it is open), so there every leftover is tried."""
    if pid == os.getpid():
        return False  # a backup of this process that ended; none runs beside this one
    if os.name == "nt":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: not ours to judge
    return True


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` would lie in ``folder`` (links and ``..`` resolved as far as they
    exist): a backup there would be lost with the archive, and change it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _forget_cached(descriptor: int, start: int, length: int) -> None:
    """Ask the system to drop ``length`` bytes of the file from ``start`` (0: to its end)
    from its cache, so that reading them back reads the disk (or the USB stick), not memory.
    Only the parts read back: with the whole file dropped, a backup of 1 GB took 1.3–1.4×
    ``cp -r`` + ``sync`` in a probe, against 1.1–1.25× so. Best effort: not every system
    can."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(descriptor, start, length, os.POSIX_FADV_DONTNEED)


def _read_back(
    written: Path, digests: dict[str, str], segments: dict[str, int], counter: _Counter
) -> None:
    """Read the backup just written as a restore would: its manifest and members, keys.json
    and the snapshot hashed again, each segment at its recorded length. A stick that loses
    data is found now, not on the day it is needed."""
    try:
        with tarfile.open(written, "r:") as tar:
            manifest = _read_manifest(tar, written)
            if manifest["segments"] != segments:
                raise BackupNotVerified()
            for name in _MEMBERS:
                extracted = tar.extractfile(name)
                if extracted is None:
                    raise BackupNotVerified()
                hashing = _HashingReader(extracted, counter)
                while hashing.read(_CHUNK):
                    pass
                if not (hashing.hexdigest() == digests[name] == manifest["sha256"][name]):
                    raise BackupNotVerified()
            for name, length in segments.items():
                member = tar.getmember(f"{_SEGMENTS}/{name}")
                if not member.isfile() or member.size != length:
                    raise BackupNotVerified()
    except (tarfile.TarError, KeyError, EOFError, BackupDamaged) as error:
        raise BackupNotVerified() from error


def restore(
    source: Path, folder: Path, report: Report | None = None, cancel: Cancel | None = None
) -> str:
    """Unpack a backup (a file, or a folder backup) into a new archive folder; returns the
    archive's id. The folder appears only once every part is in place and matches its
    recorded hash (a segment: its recorded length). ``report`` hears the bytes unpacked;
    ``cancel`` is asked between chunks, and a cancelled restore leaves no folder."""
    source, folder = Path(source), Path(folder)
    if source.is_dir():
        return restore_folder(source, folder, report, cancel)
    if is_unfinished(source):
        raise BackupDamaged(path=str(source), reason=Detail("backup-unfinished"))
    if folder.exists():
        raise ArchiveExists(path=str(folder))
    staging = folder.with_name(f".{folder.name}.{os.getpid()}.restoring")
    try:
        with tarfile.open(source, "r:") as tar:
            manifest = _read_manifest(tar, source)
            counter = _Counter(
                sum(tar.getmember(name).size for name in _members_of(manifest)),
                report,
                cancel,
                RestoreCancelled,
            )
            private_files.make_folder(staging, parents=True)
            if manifest["version"] >= 2:
                private_files.make_folder(staging / _SEGMENTS)
            for name in _members_of(manifest):
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
                # A segment has no hash of its own: every chunk of every object in it is
                # authenticated when read, so damage in one is named document by document
                # (check --full) instead of refusing the whole backup.
                expected = manifest["sha256"].get(name)
                if expected is not None and hashing.hexdigest() != expected:
                    raise BackupDamaged(
                        path=str(source), reason=Detail("backup-member-hash", name=name)
                    )
                if name.startswith(f"{_SEGMENTS}/") and member.size != manifest["segments"].get(
                    name.split("/", 1)[1]
                ):
                    raise BackupDamaged(path=str(source), reason=Detail("backup-segment-short"))
        if manifest["version"] >= 2:
            sync_folder(staging / _SEGMENTS)
        os.replace(staging, folder)
    except (tarfile.TarError, KeyError, ValueError, EOFError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupDamaged(path=str(source), reason=Detail("backup-cannot-unpack")) from error
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        if not source.exists():
            raise FileProblem(path=str(source), reason=Detail("file-does-not-exist")) from error
        raise _write_error(error, folder) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    sync_folder(folder.parent)
    return str(manifest["archive_id"])


# --- A folder, kept up to date --------------------------------------------------------------


def backup_to_folder(
    archive: Archive,
    destination: Path,
    report: Report | None = None,
    cancel: Cancel | None = None,
) -> FolderBackupReport:
    """Bring the folder backup at ``destination`` up to date (making it if it does not
    exist): copy the segments' new bytes, then a snapshot of the database and keys.json
    under new names, then switch the manifest to them in one rename, then remove what the
    previous backup needed and this one does not. ``report`` counts bytes copied; a cancel
    or a crash at any step leaves the previous backup as it was."""
    destination = Path(destination)
    if _inside(destination, archive.folder):
        raise BackupInsideArchive()
    previous = _folder_manifest(destination) if (destination / MANIFEST).exists() else None
    if previous is not None and previous["archive_id"] != archive.archive_id:
        raise FileNotWritable(path=str(destination), reason=Detail("backup-other-archive"))
    if previous is None and destination.exists() and any(destination.iterdir()):
        raise FileNotWritable(path=str(destination), reason=Detail("backup-folder-not-empty"))
    stamp = os.urandom(8).hex()
    snapshot_name = f"archive-{stamp}.db"
    keys_name = f"keys-{stamp}.json"
    try:
        if not destination.exists():
            private_files.make_folder(destination, parents=True)
        if not (destination / _SEGMENTS).exists():
            private_files.make_folder(destination / _SEGMENTS)
        snapshot = _snapshot(archive, destination / snapshot_name)
        had: dict[str, int] = dict(previous["segments"]) if previous else {}
        source = segment_files.folder_of(archive.folder)
        total = sum(max(0, length - had.get(name, 0)) for name, length in snapshot.segments.items())
        copied = 0
        for name, length in sorted(snapshot.segments.items()):
            if cancelled(cancel):
                raise BackupCancelled()
            start = had.get(name, 0)
            if length <= start:
                continue
            target = destination / _SEGMENTS / name
            if not target.exists():
                private_files.create_new(target).close()
            if segment_files.size(target) < start:
                start = 0  # the copy lost bytes since (a damaged stick): copied again whole
            # Bytes past what the previous backup recorded are a copy cut short: replaced.
            end = segment_files.copy_range(source / name, target, start, length - start)
            if end != length:
                raise StoredObjectDamaged()  # the archive's segment is shorter than recorded
            segment_files.sync(target)
            copied += length - start
            if report is not None:
                report(Progress(copied, total, name))
        if cancelled(cancel):
            raise BackupCancelled()  # asked during the last segment: still before the commit
        sync_folder(destination / _SEGMENTS)
        with open(destination / snapshot_name, "rb+") as handle:
            os.fsync(handle.fileno())
        keys = (archive.folder / keyslots.KEY_FILE).read_bytes()
        write_atomically(destination / keys_name, keys)
        digests = {
            DATABASE_FILE: _file_sha256(destination / snapshot_name),
            keyslots.KEY_FILE: hashlib.sha256(keys).hexdigest(),
        }
        manifest = _manifest(
            FOLDER_FORMAT,
            archive.archive_id,
            digests,
            snapshot.segments,
            files={DATABASE_FILE: snapshot_name, keyslots.KEY_FILE: keys_name},
        )
        write_atomically(destination / MANIFEST, manifest)  # the one commit point
    except BaseException as error:
        with contextlib.suppress(OSError):
            (destination / snapshot_name).unlink()
        with contextlib.suppress(OSError):
            (destination / keys_name).unlink()
        if isinstance(error, OSError):
            raise _write_error(error, destination) from error
        raise
    _remove_unneeded(destination, {snapshot_name, keys_name}, snapshot.segments)
    return FolderBackupReport(
        copied, len(snapshot.segments), (destination / snapshot_name).stat().st_size
    )


def restore_folder(
    source: Path, folder: Path, report: Report | None = None, cancel: Cancel | None = None
) -> str:
    """Copy a folder backup into a new archive folder; returns the archive's id. The folder
    appears only once every part is in place and matches its manifest. ``report`` hears the
    bytes copied; a cancelled restore (RestoreCancelled) leaves no folder."""
    if folder.exists():
        raise ArchiveExists(path=str(folder))
    manifest = _folder_manifest(source)
    needed = [source / manifest["files"][name] for name in _MEMBERS]
    needed += [source / _SEGMENTS / name for name in manifest["segments"]]
    if not all(path.is_file() for path in needed):
        raise BackupDamaged(path=str(source), reason=Detail("backup-wrong-contents"))
    counter = _Counter(
        sum(path.stat().st_size for path in needed[: len(_MEMBERS)])
        + sum(int(length) for length in manifest["segments"].values()),
        report,
        cancel,
        RestoreCancelled,
    )
    staging = folder.with_name(f".{folder.name}.{os.getpid()}.restoring")
    try:
        private_files.make_folder(staging, parents=True)
        private_files.make_folder(staging / _SEGMENTS)
        for name in _MEMBERS:
            stored = source / manifest["files"][name]
            with open(stored, "rb") as origin, private_files.create_new(staging / name) as target:
                hashing = _HashingReader(origin, counter)
                shutil.copyfileobj(hashing, target, _CHUNK)
                target.flush()
                os.fsync(target.fileno())
            if hashing.hexdigest() != manifest["sha256"][name]:
                raise BackupDamaged(
                    path=str(source), reason=Detail("backup-member-hash", name=name)
                )
        for name, length in manifest["segments"].items():
            target = staging / _SEGMENTS / name
            private_files.create_new(target).close()
            counter.moved(0)
            if segment_files.copy_range(source / _SEGMENTS / name, target, 0, length) != length:
                raise BackupDamaged(path=str(source), reason=Detail("backup-segment-short"))
            segment_files.sync(target)
            counter.moved(length)
        sync_folder(staging / _SEGMENTS)
        os.replace(staging, folder)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(error, folder) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    sync_folder(folder.parent)
    return str(manifest["archive_id"])


# --- Parts ------------------------------------------------------------------------------------


def _snapshot(archive: Archive, path: Path) -> Snapshot:
    """A consistent copy of archive.db (``VACUUM INTO`` keeps SQLCipher's key and salt),
    and the committed lengths it records, read on the database's own thread right after, so
    no commit comes between the two. SQLite makes the copy with the usual modes, so it is
    made inside a private folder, made private, and only then moved to ``path``."""
    private = path.with_name(f".{path.name}.making")
    shutil.rmtree(private, ignore_errors=True)  # left by a backup that was cut short
    private_files.make_folder(private)
    try:
        db = archive.db
        with db.translated_errors():
            db.connection.execute("VACUUM INTO ?", (str(private / DATABASE_FILE),))
        os.chmod(private / DATABASE_FILE, 0o600)
        os.replace(private / DATABASE_FILE, path)
    finally:
        shutil.rmtree(private, ignore_errors=True)
    segments = {
        str(name): int(length) for name, length in db.all("SELECT name, committed FROM segments")
    }
    return Snapshot(path, segments)


def _manifest(
    kind: str,
    archive_id: str,
    digests: dict[str, str],
    segments: dict[str, int],
    files: dict[str, str] | None = None,
) -> bytes:
    content: dict[str, Any] = {
        "format": kind,
        "version": VERSION,
        "archive_id": archive_id,
        "created": now().isoformat(),
        "sha256": digests,
        "segments": segments,
    }
    if files is not None:
        content["files"] = files
    return json.dumps(content, indent=2, sort_keys=True).encode("utf-8")


def _members_of(manifest: dict[str, Any]) -> list[str]:
    segments = manifest.get("segments", {}) if manifest["version"] >= 2 else {}
    return [*_MEMBERS, *(f"{_SEGMENTS}/{name}" for name in sorted(segments))]


def _write_error(error: OSError, path: Path) -> Exception:
    if error.errno == errno.ENOSPC:
        return DiskFullAt(path=str(path))
    return FileNotWritable(path=str(path), reason=os_reason(error))


def _load_manifest(data: bytes, source: Path) -> dict[str, Any]:
    try:
        manifest = bounded_json.loads(data, _MAX_MANIFEST_BYTES)
    except bounded_json.UnreadableJson:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-unreadable")) from None
    if not isinstance(manifest, dict):
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-unreadable"))
    version = manifest.get("version")
    if manifest.get("format") not in (FORMAT, FOLDER_FORMAT) or version not in _READABLE_VERSIONS:
        raise BackupDamaged(path=str(source), reason=Detail("backup-unknown-version"))
    hashes = manifest.get("sha256")
    segments = manifest.get("segments", {}) if version >= 2 else {}
    complete = (
        isinstance(manifest.get("archive_id"), str)
        and isinstance(hashes, dict)
        and isinstance(segments, dict)
        and all(
            segment_files.is_segment_name(str(name))
            and isinstance(length, int)
            and not isinstance(length, bool)
            and length >= 0
            for name, length in segments.items()
        )
    )
    if not complete:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-incomplete"))
    return manifest


def _read_manifest(tar: tarfile.TarFile, source: Path) -> dict[str, Any]:
    extracted = tar.extractfile(MANIFEST) if MANIFEST in tar.getnames() else None
    if MANIFEST in tar.getnames() and extracted is None:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-not-a-file"))
    if extracted is None:
        raise BackupDamaged(path=str(source), reason=Detail("backup-wrong-contents"))
    manifest = _load_manifest(extracted.read(_MAX_MANIFEST_BYTES + 1), source)
    if manifest["format"] != FORMAT:
        raise BackupDamaged(path=str(source), reason=Detail("backup-unknown-version"))
    if set(tar.getnames()) != {MANIFEST, *_members_of(manifest)}:
        raise BackupDamaged(path=str(source), reason=Detail("backup-wrong-contents"))
    hashes = manifest["sha256"]
    if not all(isinstance(hashes.get(name), str) for name in _MEMBERS):
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-incomplete"))
    return manifest


def _folder_manifest(source: Path) -> dict[str, Any]:
    try:
        with open(source / MANIFEST, "rb") as handle:
            data = handle.read(_MAX_MANIFEST_BYTES + 1)
    except FileNotFoundError:
        raise BackupDamaged(path=str(source), reason=Detail("backup-wrong-contents")) from None
    except OSError as error:
        raise FileProblem(path=str(source), reason=os_reason(error)) from error
    manifest = _load_manifest(data, source)
    files = manifest.get("files")
    complete = (
        manifest["format"] == FOLDER_FORMAT
        and isinstance(files, dict)
        and all(isinstance(files.get(name), str) and "/" not in files[name] for name in _MEMBERS)
        and all(isinstance(manifest["sha256"].get(name), str) for name in _MEMBERS)
    )
    if not complete:
        raise BackupDamaged(path=str(source), reason=Detail("backup-manifest-incomplete"))
    return manifest


def _remove_unneeded(destination: Path, keep: set[str], segments: dict[str, int]) -> None:
    """After the manifest switched: the previous snapshot, and segments the archive no
    longer has (compacted away), go. Best effort: a leftover is only wasted room."""
    for entry in destination.iterdir():
        ours = entry.name.startswith(("archive-", "keys-", "."))
        if ours and entry.is_file() and entry.name not in keep:
            with contextlib.suppress(OSError):
                entry.unlink()
    for entry in (destination / _SEGMENTS).iterdir():
        if entry.name not in segments:
            with contextlib.suppress(OSError):
                entry.unlink()
    with contextlib.suppress(OSError):
        sync_folder(destination)


def _add_member(out: IO[bytes], name: str, size: int) -> None:
    """A plain ustar header; the member's bytes follow, then ``_pad``. (tarfile itself
    copies in 16 KiB pieces through Python, which made a backup twice as slow as cp.)"""
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o600
    info.uname = info.gname = ""
    out.write(info.tobuf(tarfile.USTAR_FORMAT, "utf-8", "strict"))


def _pad(out: IO[bytes], size: int) -> None:
    out.write(bytes(-size % tarfile.BLOCKSIZE))


def _end_of_tar(out: IO[bytes]) -> None:
    out.write(bytes(2 * tarfile.BLOCKSIZE))
    out.write(bytes(-out.tell() % tarfile.RECORDSIZE))


def _copy_hashing(source: IO[bytes], out: IO[bytes], size: int, counter: _Counter) -> str:
    """Copy ``size`` bytes in 1 MiB pieces, hashing each on a second thread while the next
    is written (both let go of the GIL); the member is padded after. Returns the SHA-256."""
    digest = hashlib.sha256()
    left = size
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-hash") as pool:
        hashing: Future[None] | None = None
        while left:
            piece = source.read(min(_CHUNK, left))
            if not piece:
                raise StoredObjectDamaged()  # a segment shorter than its committed length
            if hashing is not None:
                hashing.result()
            hashing = pool.submit(digest.update, piece)
            out.write(piece)
            left -= len(piece)
            counter.moved(len(piece))
        if hashing is not None:
            hashing.result()
    _pad(out, size)
    return digest.hexdigest()


def _copy_segment(source: IO[bytes], out: IO[bytes], size: int, counter: _Counter) -> None:
    """Copy ``size`` bytes of a segment into the tar, in the kernel where it can, and pad
    the member. Not hashed: its objects authenticate themselves chunk by chunk. Copied in
    pieces of _KERNEL_PIECE, so that a cancel is heard within a fraction of a second."""
    out.flush()
    start, at = source.tell(), out.tell()
    done = 0
    if hasattr(os, "copy_file_range"):
        with contextlib.suppress(OSError):  # another file system: copied below instead
            while done < size:
                copied = os.copy_file_range(
                    source.fileno(),
                    out.fileno(),
                    min(_KERNEL_PIECE, size - done),
                    start + done,
                    at + done,
                )
                if not copied:
                    break
                done += copied
                counter.moved(copied)
    source.seek(start + done)
    out.seek(at + done)
    while done < size:
        piece = source.read(min(_CHUNK, size - done))
        if not piece:
            raise StoredObjectDamaged()  # a segment shorter than its committed length
        out.write(piece)
        done += len(piece)
        counter.moved(len(piece))
    _pad(out, size)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while piece := handle.read(_CHUNK):
            digest.update(piece)
    return digest.hexdigest()


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
