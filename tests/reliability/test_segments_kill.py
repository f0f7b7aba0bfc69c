"""kill -9 at random moments while sealed objects are written, deleted, compacted, moved out
of an old database or backed up: afterwards the archive opens, a full check passes, and each
operation is there whole or not at all.

Each case repeats ``AMANAT_KILL_ROUNDS`` times (3 by default, for a quick run; the reliability
run sets more). A child process does the work in a loop; the test kills it after a random
delay, then looks at what it left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from amanat.app import integrity
from amanat.core import backup
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD

ROUNDS = int(os.environ.get("AMANAT_KILL_ROUNDS", "3"))
REPO = Path(__file__).resolve().parents[2]
PAGES = 3

_PRELUDE = """
import hashlib, os, sys
from pathlib import Path
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive

folder = Path(sys.argv[1])
PASSWORD = sys.argv[2]
PAGES = int(sys.argv[3])

def letter(archive, number):
    with archive.db.transaction():
        doc = documents.add(archive.db, Document(DocumentKind.LETTER, f"letter {number}"))
        for page in range(PAGES):
            data = os.urandom(150_000 + page)
            # Each page names its own hash in its file name: the test can tell whole pages.
            pages.add(archive.db, doc.id, data, hashlib.sha256(data).hexdigest())
        print("committed", number, flush=True)
"""

WORK = {
    "import": """
with Archive.open(folder, PASSWORD) as archive:
    number = 0
    while True:
        letter(archive, number)
        number += 1
""",
    "trash": """
with Archive.open(folder, PASSWORD) as archive:
    number = 0
    while True:
        for _ in range(4):
            letter(archive, number)
            number += 1
        ids = [row[0] for row in archive.db.all("SELECT id FROM documents")]
        for document_id in ids[: len(ids) * 3 // 4]:
            documents.move_to_trash(archive.db, document_id)
        documents.empty_trash(archive.db)
        print("emptied", flush=True)
""",
    "backup": """
from amanat.core import backup
stick = Path(sys.argv[4])
with Archive.open(folder, PASSWORD) as archive:
    number = 0
    while True:
        letter(archive, number)
        number += 1
        backup.backup_to_folder(archive, stick)
        print("backed up", flush=True)
""",
    "migration": """
with Archive.open(folder, PASSWORD) as archive:
    print("migrated", flush=True)
""",
}


def _run_and_kill(kind: str, folder: Path, *extra: str, seconds: float) -> None:
    script = _PRELUDE + textwrap.dedent(WORK[kind])
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'desktop'}{os.pathsep}{REPO}"}
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(folder), PASSWORD, str(PAGES), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(seconds)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    if child.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(child.stderr.read().decode() if child.stderr else "")
    if child.stderr:
        child.stderr.close()


def _assert_whole(folder: Path) -> None:
    """Opens; the full check passes; every letter holds all its pages, each whole."""
    import hashlib

    from amanat.core.storage import pages

    with Archive.open(folder, PASSWORD) as archive:
        report = integrity.check_archive(archive, full=True)
        assert report.healthy, report.problems
        for (document_id,) in archive.db.all("SELECT id FROM documents"):
            held = pages.pages_of(archive.db, document_id)
            assert len(held) == PAGES
            for page in held:
                data = pages.original_bytes(archive.db, page.id)
                assert hashlib.sha256(data).hexdigest() == page.original_name
        committed = dict(archive.db.all("SELECT name, committed FROM segments"))
    assert {p.name: p.stat().st_size for p in (folder / "segments").iterdir()} == committed


@pytest.mark.parametrize("kind", ["import", "trash"])
def test_kill_during_writing_or_emptying_the_trash_leaves_whole_letters(
    kind: str, archive_folder: Path
):
    rounds = random.Random(kind)
    for _ in range(ROUNDS):
        _run_and_kill(kind, archive_folder, seconds=rounds.uniform(0.8, 3.0))
        _assert_whole(archive_folder)


def test_kill_during_a_folder_backup_leaves_a_backup_that_restores(
    archive_folder: Path, tmp_path: Path
):
    rounds = random.Random("backup")
    stick = tmp_path / "stick"
    for number in range(ROUNDS):
        _run_and_kill("backup", archive_folder, str(stick), seconds=rounds.uniform(1.0, 3.0))
        _assert_whole(archive_folder)
        if (stick / backup.MANIFEST).exists():
            restored = tmp_path / f"restored-{number}.amanat"
            integrity.restore_backup(stick, restored)
            _assert_whole(restored)


def test_kill_during_the_migration_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from tests.helpers.old_archives import old_archive

    rounds = random.Random("migration")
    for number in range(ROUNDS):
        folder = tmp_path / f"old-{number}.amanat"
        scans = [os.urandom(700_000 + n) for n in range(100)]  # three batches
        page_ids = old_archive(folder, monkeypatch, scans)
        for _ in range(3):
            _run_and_kill("migration", folder, seconds=rounds.uniform(0.6, 1.6))
        from amanat.core.storage import pages

        with Archive.open(folder, PASSWORD) as archive:
            assert [pages.original_bytes(archive.db, p) for p in page_ids] == scans
            assert integrity.check_archive(archive, full=True).healthy
