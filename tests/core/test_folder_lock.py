"""A second program cannot open an archive that is open (security review, finding 12).

These run the Linux and macOS branch (flock on the folder). The Windows branch (a byte of
amanat.lock locked with msvcrt.locking) cannot run here; it differs only in the two small
functions that open and lock, and is checked by hand on Windows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from amanat.core import folder_lock
from amanat.core.errors import ArchiveInUse
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD

_HOLDER = """
import sys
from pathlib import Path
from amanat.core import folder_lock
folder_lock.hold(Path(sys.argv[1]))
print("holding", flush=True)
sys.stdin.readline()
"""


def test_the_folder_is_held_until_released(tmp_path: Path):
    held = folder_lock.hold(tmp_path)
    with pytest.raises(ArchiveInUse):
        folder_lock.hold(tmp_path)
    folder_lock.release(held)
    folder_lock.release(folder_lock.hold(tmp_path))
    folder_lock.release(None)  # releasing nothing is harmless


def test_an_archive_open_in_another_program_is_refused_and_free_once_it_exits(
    archive_folder: Path,
):
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(archive_folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as other:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline() == "holding\n"
        with pytest.raises(ArchiveInUse, match="open in another Amanat"):
            Archive.open(archive_folder, PASSWORD)
        other.stdin.close()
    Archive.open(archive_folder, PASSWORD).lock()


@pytest.mark.skipif(sys.platform == "win32", reason="the folder itself is locked elsewhere")
def test_nothing_is_added_to_the_folder_for_the_lock(archive_folder: Path):
    with Archive.open(archive_folder, PASSWORD):
        assert not (archive_folder / folder_lock.WINDOWS_LOCK_FILE).exists()
