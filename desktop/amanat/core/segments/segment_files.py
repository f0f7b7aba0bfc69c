"""The segment files in ``segments/``: random names, pure ciphertext, appended to and never
rewritten in place (but for overwriting the extents of deleted objects). Only these
functions touch them, so each can say what it assumes: the caller holds the archive's lock.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from amanat.core import private_files
from amanat.core.atomic_file import sync_folder

FOLDER = "segments"
LIMIT = 256 * 1024 * 1024
"""A segment takes no new object once it is this long; one object larger than this lies
alone in a segment of its own size."""
_NAME = re.compile(r"[0-9a-f]{32}")
_COPY = 1 << 20


def folder_of(archive_folder: Path | str) -> Path:
    return Path(archive_folder) / FOLDER


def new_name() -> str:
    """A random name: it says nothing about what the segment holds or when it was made."""
    return secrets.token_hex(16)


def is_segment_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


def ensure_folder(folder: Path) -> None:
    if not folder.is_dir():
        private_files.make_folder(folder)
        sync_folder(folder.parent)


def create(folder: Path, name: str) -> None:
    """A new, empty, private segment; its name is made durable by the next ``sync``."""
    ensure_folder(folder)
    private_files.create_new(folder / name).close()


def append(path: Path, start: int, chunks: Iterable[bytes]) -> int:
    """Write ``chunks`` at ``start``, first cutting off anything found past it (what a
    transaction that was rolled back, or a crash, left there). Returns the new end. Nothing
    is durable until ``sync``."""
    with open(path, "r+b") as handle:
        end = handle.seek(0, os.SEEK_END)
        if end > start:
            handle.truncate(start)
        elif end < start:
            raise OSError(f"segment shorter ({end}) than its recorded length ({start})")
        handle.seek(start)
        for chunk in chunks:
            handle.write(chunk)
        return handle.tell()


def sync(path: Path) -> None:
    """Force the segment's bytes onto the disk (fdatasync where there is one)."""
    with open(path, "r+b") as handle:
        if hasattr(os, "fdatasync"):
            os.fdatasync(handle.fileno())
        else:  # pragma: no cover  (Windows and macOS have fsync only)
            os.fsync(handle.fileno())


def reader(path: Path, start: int) -> BinaryIO:
    """The segment opened for reading at ``start``; the caller closes it."""
    handle = open(path, "rb")  # noqa: SIM115  (returned to the caller, who closes it)
    handle.seek(start)
    return handle


def read_range(path: Path, start: int, length: int) -> Iterator[bytes]:
    """The bytes of ``path`` from ``start``, ``length`` of them, in pieces of at most 1 MiB;
    fewer at the end of a file cut short."""
    with open(path, "rb") as handle:
        handle.seek(start)
        while length > 0:
            piece = handle.read(min(_COPY, length))
            if not piece:
                return
            length -= len(piece)
            yield piece


def copy_range(source: Path, target: Path, start: int, length: int) -> int:
    """Copy ``length`` bytes of ``source`` from ``start`` to the same place in ``target``
    (cut there first; ``target`` must be at least ``start`` long), in the kernel where it
    can (``copy_file_range``); returns the new end of ``target``, short when ``source`` is.
    Nothing is durable until ``sync``."""
    with open(source, "rb") as origin, open(target, "r+b") as copy:
        copy.truncate(start)
        end = start + length
        kernel = hasattr(os, "copy_file_range")
        while start < end:
            if kernel:
                try:
                    done = os.copy_file_range(
                        origin.fileno(), copy.fileno(), min(end - start, 1 << 30), start, start
                    )
                except OSError:
                    kernel = False  # another file system, or a kernel without it
                    continue
            else:
                origin.seek(start)
                copy.seek(start)
                done = copy.write(origin.read(min(_COPY, end - start)))
            if not done:
                break
            start += done
        return start


def size(path: Path) -> int:
    return path.stat().st_size


def cut(path: Path, length: int) -> None:
    """Cut the segment back to ``length`` bytes, durably."""
    with open(path, "r+b") as handle:
        handle.truncate(length)
        os.fsync(handle.fileno())


def overwrite(path: Path, start: int, length: int, durably: bool = False) -> None:
    """Best effort: random bytes over an extent that no object uses any more. A flash disk
    may keep the old bytes elsewhere; the object's key is gone with its row either way.
    Synced only when ``durably`` (else the caller syncs the segment once for many)."""
    with open(path, "r+b") as handle:
        handle.seek(start)
        left = length
        while left > 0:
            piece = min(_COPY, left)
            handle.write(os.urandom(piece))
            left -= piece
    if durably:
        sync(path)


def names(folder: Path) -> list[str]:
    """Everything in the folder, segment or not (an unknown name is to be removed)."""
    if not folder.is_dir():
        return []
    return sorted(entry.name for entry in folder.iterdir())


def remove(folder: Path, name: str) -> None:
    """Remove a file (or link) from the folder; a folder someone made there stays."""
    path = folder / name
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
