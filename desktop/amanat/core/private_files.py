"""Files and folders only their owner can read: 0600 and 0700 on Linux and macOS.

With the usual umask (022) every file is readable by every account on the computer; a shared
family laptop or a school computer has several. So everything Amanat writes (the archive,
backups, bundles and every plaintext export) is created private from the start, never made
private after a moment of being readable. On Windows these modes mean little: a file inherits
the access list of its folder, which in the user's own profile is already private (see
docs/security.md)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends


def create_new(path: Path) -> BinaryIO:
    """Open a file that must not exist yet (FileExistsError otherwise), private from birth."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, FILE_MODE)
    return os.fdopen(descriptor, "wb")


def create_or_replace(path: Path) -> BinaryIO:
    """Open a file for writing, private, emptying it if it exists (a temporary file left
    by a crash). An existing file keeps its mode on open, so it is made private first."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, FILE_MODE)
    with contextlib.suppress(OSError):
        os.chmod(descriptor if os.chmod in os.supports_fd else path, FILE_MODE)
    return os.fdopen(descriptor, "wb")


def make_folder(path: Path, parents: bool = False) -> None:
    """A new private folder; the folders above it, if made, are ordinary ones."""
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=FOLDER_MODE)


def make_private(path: Path) -> None:
    """Tighten a folder or file made by an earlier version; quietly, as it may be on a
    file system without modes (a FAT memory stick)."""
    with contextlib.suppress(OSError):
        os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)
