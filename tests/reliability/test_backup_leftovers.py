"""A backup killed half-way leaves its unfinished file (``.NAME.PID.partial``) behind: it
cannot remove it once dead. The next backup into that folder removes it without a word, and
leaves alone what is not a backup's leftover; restore refuses the unfinished file in one
sentence, and the archive is as it was."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from amanat.core.backup import backup, is_unfinished, restore
from amanat.core.errors import BackupDamaged
from amanat.core.scans import ImportOptions, import_files
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, copy_archive, records_digest, template
from tests.helpers.bundles import fill
from tests.helpers.cli import DESKTOP, OUR_VARIABLES, Cli, run_cli

# A backup in a process of its own that kills itself with SIGKILL once more than a
# megabyte of the backup is written: no ``finally`` runs, as in a power cut.
_KILLED_BACKUP = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from amanat.core.backup import backup
    from amanat.core.vault import Archive

    def report(progress):
        if progress.done >= 1 << 20:
            os.kill(os.getpid(), signal.SIGKILL)

    archive = Archive.open(Path(sys.argv[1]), sys.argv[2])
    backup(archive, Path(sys.argv[3]), report)
    """
)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    folder = copy_archive(template("family"), tmp_path / "family.amanat")
    with Archive.open(folder, PASSWORD, actor="tester") as archive:
        fill(archive)
        # Some megabytes, so the backup is killed with its file half written.
        pictures = tmp_path / "pictures"
        pictures.mkdir()
        for number in range(3):
            (pictures / f"noise-{number}.png").write_bytes(_noise_png(number))
        import_files(archive.db, [pictures], ImportOptions())
    return folder


def _noise_png(seed: int) -> bytes:
    noise = random.Random(seed)
    picture = Image.frombytes("RGB", (600, 500), noise.randbytes(600 * 500 * 3))
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=0)
    return out.getvalue()


def _kill_a_backup(folder: Path, target: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    environment["PYTHONPATH"] = str(DESKTOP)
    process = subprocess.run(
        [sys.executable, "-c", _KILLED_BACKUP, str(folder), PASSWORD, str(target)],
        env=environment,
        capture_output=True,
        timeout=300,
    )
    assert process.returncode == -9, process.stderr.decode(errors="replace")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_backup_is_cleaned_up_by_the_next_and_never_restored(
    filled: Path, tmp_path: Path, password_file: Path
) -> None:
    sticks = tmp_path / "stick"
    sticks.mkdir()
    target = sticks / "monday.backup"
    _kill_a_backup(filled, target)
    assert not target.exists()
    (partial,) = [p for p in sticks.iterdir() if p.name.endswith(".partial")]
    assert partial.name.startswith(".monday.backup.") and partial.stat().st_size > 0
    assert is_unfinished(partial)

    # Restore refuses it by its name, in one sentence, and makes no folder.
    with pytest.raises(BackupDamaged) as refused:
        restore(partial, tmp_path / "restored.amanat")
    assert "stopped" in str(refused.value) and "\n" not in str(refused.value)
    assert not (tmp_path / "restored.amanat").exists()
    said = run_cli("restore", partial, tmp_path / "restored.amanat")
    assert said.code == 1 and "stopped" in said.err and "Traceback" not in said.err
    assert not (tmp_path / "restored.amanat").exists()

    # Beside it, what is not a backup's leftover: a bundle's unfinished file, a file of
    # another program with a name alike, each of a process no longer running.
    dead = str(99_999_999)  # above any pid Linux gives
    bundle = sticks / f".letters.age.{dead}.partial"
    bundle.write_bytes(b"age-encryption.org/v1\n-> X25519 ...")
    other = sticks / f".notes.txt.{dead}.partial"
    other.write_bytes(b"someone else's half-written notes")
    # An empty leftover of ours (killed before its first write) goes too.
    empty = sticks / f".tuesday.backup.{dead}.partial"
    empty.write_bytes(b"")

    before = records_digest(filled)
    said = Cli(filled, password_file)("backup", sticks / "wednesday.backup")
    assert said.code == 0, said.err
    # Nothing is said about what was removed: a leftover is no news to the user.
    assert "partial" not in said.out + said.err and "monday" not in said.out + said.err
    assert _leftovers(sticks) == sorted([bundle.name, other.name])
    assert bundle.read_bytes().startswith(b"age-encryption") and other.exists()
    restore(sticks / "wednesday.backup", tmp_path / "restored.amanat")
    assert records_digest(tmp_path / "restored.amanat") == before  # as the backup found it


def test_a_backup_under_the_same_name_after_a_kill_is_whole(filled: Path, tmp_path: Path):
    target = tmp_path / "stick" / "backup.amanat-backup"
    target.parent.mkdir()
    _kill_a_backup(filled, target)
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".partial")]
    before = records_digest(filled)
    with Archive.open(filled, PASSWORD) as archive:
        backup(archive, target)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    restore(target, tmp_path / "restored.amanat")
    assert records_digest(tmp_path / "restored.amanat") == before
