"""One program at a time per archive: the folder is held while an archive is unlocked, and a
second Amanat (a second window, the command line) is refused with ArchiveInUse.

Linux and macOS: an advisory lock (flock) on the folder itself, so nothing is added to it;
keys.json is replaced when the password changes, and a second descriptor on archive.db would
interfere with SQLite's own locks. Windows has no lock on a folder: there a lock file,
``amanat.lock``, holds a locked byte (msvcrt.locking) while the archive is open; the lock goes
with the process, even when it crashes. Only the two functions of each branch differ.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from amanat.core.errors import ArchiveInUse, FileProblem, os_reason

WINDOWS_LOCK_FILE = "amanat.lock"

if sys.platform == "win32":  # pragma: no cover - Windows only; not testable here
    import msvcrt

    def _open_lock(folder: Path) -> int:
        return os.open(folder / WINDOWS_LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_BINARY, 0o600)

    def _try_lock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)  # OSError if another process holds it

    def _release(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _open_lock(folder: Path) -> int:
        return os.open(folder, os.O_RDONLY)

    def _try_lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _release(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def hold(folder: Path) -> int:
    """Take the archive folder for this process; ArchiveInUse if another holds it."""
    try:
        descriptor = _open_lock(folder)
    except OSError as error:
        raise FileProblem(path=str(folder), reason=os_reason(error)) from None
    try:
        _try_lock(descriptor)
    except OSError:
        os.close(descriptor)
        raise ArchiveInUse(path=str(folder)) from None
    return descriptor


def release(descriptor: int | None) -> None:
    if descriptor is None:
        return
    with contextlib.suppress(OSError):
        _release(descriptor)
    with contextlib.suppress(OSError):
        os.close(descriptor)
