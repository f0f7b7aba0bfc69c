"""Portable mode: Amanat on a USB stick leaves nothing on the computer it runs on.

When a file named ``portable`` (or ``portable.txt``, which is what Windows' Notepad saves)
sits beside the programs, the one thing Amanat remembers, where the archive is, is kept in the
folder ``amanat-data`` beside them instead of in the user's profile, and so is the demo
archive. On Linux the caches that Qt and the font library write for any program (under
``~/.cache``) are sent there too, by pointing the XDG folders into ``amanat-data`` before Qt
starts. Only a frozen Amanat (the installers' folder) has a folder of its own to look in;
run from the source it never is portable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MARKERS = ("portable", "portable.txt")
DATA_FOLDER = "amanat-data"
_XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def application_folder() -> Path | None:
    """The folder holding the frozen programs (for a macOS app, the folder holding
    ``Amanat.app``); None when Amanat runs from its source."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents":
        return folder.parent.parent.parent
    return folder


def portable_data(folder: Path | None) -> Path | None:
    """``folder/amanat-data`` when ``folder`` holds the marker file, else None."""
    if folder is None:
        return None
    if any((folder / marker).is_file() for marker in MARKERS):
        return folder / DATA_FOLDER
    return None


def keep_off_the_computer(data: Path) -> None:
    """Send what Qt and the libraries under it write for every program into ``data``. Must
    run before the QApplication is made."""
    data.mkdir(parents=True, exist_ok=True)
    for name in _XDG:
        folder = data / name.removeprefix("XDG_").removesuffix("_HOME").lower()
        folder.mkdir(exist_ok=True)
        os.environ[name] = str(folder)
