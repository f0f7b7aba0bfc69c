"""The application as a family runs it, in a real window (Xvfb, the xcb platform), driven by
tests/reliability/window_session.py in a process of its own:

- a whole session leaves none of what was typed or imported anywhere outside the encrypted
  archive: not in the home folder (settings, caches, the desktop's recent files), not in the
  temporary folders or /dev/shm, not beside the archive; and the process had core files off;
- the window killed with SIGKILL while a transcription is being typed keeps what was saved,
  and the archive opens and checks clean.

Under CI=true a missing Xvfb fails these tests; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from amanat.core.check import check
from amanat.core.dates import FuzzyDate
from amanat.core.process_hardening import KEEP_DUMPABLE_FOR_TESTS
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import DESKTOP
from tests.reliability.window_session import (
    CANARY_VARIABLE,
    PASSWORD_VARIABLE,
    PAUSED_VARIABLE,
    SAVED_VARIABLE,
    UNSAVED_VARIABLE,
    Canaries,
)

REPOSITORY = DESKTOP.parent
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
SESSION_PASSWORD = "plum river ostrich lantern velvet"


def _xvfb_or_skip() -> str:
    if not sys.platform.startswith("linux"):
        pytest.skip("the real-window tests read /proc and run Xvfb: Linux only")
    found = shutil.which("Xvfb")
    if found is None:
        message = "Xvfb is not installed (apt-get install xvfb)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI must run the real-window tests")
        pytest.skip(message)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_without_xvfb_ci_fails_and_a_developer_is_told_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the real-window tests"):
        _xvfb_or_skip()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install xvfb"):
        _xvfb_or_skip()


@pytest.fixture
def display() -> Iterator[str]:
    """A display of its own: Xvfb picks a free number and writes it to a pipe."""
    xvfb = _xvfb_or_skip()
    reading, writing = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(writing), "-nolisten", "tcp", "-screen", "0", "1280x900x24"],
        pass_fds=(writing,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writing)
    with os.fdopen(reading) as answer:
        number = answer.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@dataclass(frozen=True)
class Places:
    """The session's own home, settings, caches and temporary folders, all fresh, so a scan
    of them is a scan of what this session wrote."""

    home: Path
    temporary: Path
    runtime: Path
    work: Path
    """Where the archive is made; its sibling is where the chronology is exported."""

    @classmethod
    def under(cls, root: Path) -> Places:
        made = cls(root / "home", root / "tmp", root / "run", root / "work")
        for folder in (made.home, made.temporary, made.runtime, made.work):
            folder.mkdir(mode=0o700, parents=True)
        return made

    def environment(self, display: str, **more: str) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "TMPDIR": str(self.temporary),
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": os.pathsep.join([str(DESKTOP), str(REPOSITORY)]),
            "PYTHONDONTWRITEBYTECODE": "1",
            **more,
        }


def _cores_on() -> None:
    """In the child before it starts: core files on, as ``ulimit -c unlimited`` would."""
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _start(mode: str, folder: Path, environment: dict[str, str]) -> subprocess.Popen[str]:
    environment = {k: v for k, v in environment.items() if k != KEEP_DUMPABLE_FOR_TESTS}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.window_session", mode, str(folder)],
        cwd=REPOSITORY,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_cores_on,
        start_new_session=True,
    )


def _expect(stream: IO[str] | None, line: str) -> None:
    assert stream is not None
    assert stream.readline().strip() == line


def _core_file_limit(pid: int) -> str:
    """The "Max core file size" row of /proc/PID/limits: soft and hard limits."""
    for row in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if row.startswith("Max core file size"):
            return " ".join(row.split()[4:6])
    raise AssertionError("no core file limit in /proc/PID/limits")


def _go_on_after_reading_limits(session: subprocess.Popen[str]) -> str:
    _expect(session.stdout, "started")
    limit = _core_file_limit(session.pid)
    assert session.stdin is not None
    session.stdin.write("go\n")
    session.stdin.flush()
    return limit


# --- Looking for the canaries -------------------------------------------------------------


def _files_under(root: Path) -> Iterator[Path]:
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path


def found_anywhere(word: str, roots: list[Path]) -> list[str]:
    """Each file under ``roots`` that holds ``word`` in its name or, in UTF-8, UTF-16 LE or
    UTF-16 BE, in its bytes; a file that cannot be read (another user's in /dev/shm) is
    skipped."""
    needles = [word.encode(encoding) for encoding in ENCODINGS]
    found = []
    for root in roots:
        for path in _files_under(root):
            if word in str(path):
                found.append(f"{path} (its name)")
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            found.extend(
                f"{path} ({e})" for e, n in zip(ENCODINGS, needles, strict=True) if n in data
            )
    return found


def test_the_scan_finds_a_canary_in_each_encoding_and_in_a_name(tmp_path: Path) -> None:
    word = "Zk" + secrets.token_hex(5)
    for encoding in ENCODINGS:
        (tmp_path / encoding).write_bytes(b"\x00head" + word.encode(encoding) + b"tail")
    (tmp_path / f"named-{word}").write_bytes(b"")
    (tmp_path / "nothing").write_bytes(b"x" * 100)
    found = found_anywhere(word, [tmp_path])
    assert sorted(found) == sorted(
        [f"{tmp_path / e} ({e})" for e in ENCODINGS] + [f"{tmp_path / f'named-{word}'} (its name)"]
    )


def _archive_holds(folder: Path, password: str, canaries: Canaries) -> None:
    """Each canary is in the archive (so the session typed it), encrypted."""
    with Archive.open(folder, password) as archive:
        assert check(archive.db, full=True).healthy
        tables = [
            row[0] for row in archive.db.all("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        dump = "\n".join(
            value
            for table in tables
            for row in archive.db.all(f'SELECT * FROM "{table}"')
            for value in row
            if isinstance(value, str)
        )
    missing = [what for what, typed in canaries.every_one().items() if typed not in dump]
    assert missing == []


# --- A whole session --------------------------------------------------------------------------


def test_a_whole_session_in_a_real_window_leaves_nothing_readable_outside_the_archive(
    display: str, tmp_path: Path
) -> None:
    places = Places.under(tmp_path)
    canaries = Canaries("Qc" + secrets.token_hex(6))
    session = _start(
        "canary",
        places.work,
        places.environment(
            display, **{CANARY_VARIABLE: canaries.word, PASSWORD_VARIABLE: SESSION_PASSWORD}
        ),
    )
    try:
        core_limit = _go_on_after_reading_limits(session)
        stdout, stderr = session.communicate(timeout=240)
    finally:
        if session.poll() is None:
            os.killpg(session.pid, signal.SIGKILL)
            session.wait()
    assert session.returncode == 0, stderr
    assert stdout.split() == ["done"]
    assert core_limit == "0 0"  # set at start, before Qt or an archive is loaded

    archive = places.work / "family.amanat"
    assert (archive / "keys.json").is_file() and not (places.work / "chronology.pdf").exists()
    shared_memory = [Path("/dev/shm")] if Path("/dev/shm").is_dir() else []
    roots = [places.home, places.temporary, places.runtime, places.work, *shared_memory]
    # The desktop's recent files, caches and Qt's settings are under HOME when written.
    for what, typed in canaries.every_one().items():
        assert found_anywhere(typed, roots) == [], what
    assert found_anywhere(canaries.word, roots) == []
    _archive_holds(archive, SESSION_PASSWORD, canaries)


# --- Killed while typing ----------------------------------------------------------------------


def test_the_window_killed_while_typing_keeps_what_was_saved(
    display: str, tmp_path: Path, archive_folder: Path
) -> None:
    before = "Dear mother, "
    saved, paused, unsaved = "the visit was short ", "but I am well, ", "and so is Reza"
    with Archive.open(archive_folder, PASSWORD) as archive:
        letter = documents.add(
            archive.db,
            Document(
                kind=DocumentKind.LETTER, title="Letter from Evin", date=FuzzyDate.of_year(2021)
            ),
        )
        texts.add(archive.db, Text(letter.id, TextKind.TRANSCRIPTION, "en", before))
    places = Places.under(tmp_path / "session")
    session = _start(
        "typing",
        archive_folder,
        places.environment(
            display,
            **{
                PASSWORD_VARIABLE: PASSWORD,
                SAVED_VARIABLE: saved,
                PAUSED_VARIABLE: paused,
                UNSAVED_VARIABLE: unsaved,
            },
        ),
    )
    try:
        _go_on_after_reading_limits(session)
        _expect(session.stdout, "typed")
    finally:
        os.killpg(session.pid, signal.SIGKILL)
        _, stderr = session.communicate(timeout=30)
    assert session.returncode == -signal.SIGKILL, stderr

    with Archive.open(archive_folder, PASSWORD) as archive:
        report = check(archive.db, full=True)
        assert report.healthy, report.problems
        [text] = texts.texts_of(archive.db, letter.id)
    # What Ctrl+S saved and what the pause saved are there whole; only what was typed in the
    # last seconds before the kill, with no pause, is lost.
    assert text.body == before + saved + paused
