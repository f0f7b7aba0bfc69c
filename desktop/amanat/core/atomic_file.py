"""Replace a file so that a crash or a full disk leaves either the old file or the new one,
never a mix: write a temporary file beside it, flush it to the disk, rename it over the
old one, and flush the folder so the rename itself survives a power cut."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from amanat.core import private_files
from amanat.core.errors import DiskFullAt, FileProblem, os_reason


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with private_files.create_or_replace(temporary) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if error.errno == 28:  # ENOSPC
            raise DiskFullAt(path=str(path.parent)) from error
        raise FileProblem(path=str(path), reason=os_reason(error)) from error
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk; not possible on every system."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # Some file systems cannot sync a folder; the rename is still atomic there.
    finally:
        os.close(descriptor)
