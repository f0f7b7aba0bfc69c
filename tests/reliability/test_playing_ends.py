"""A recording playing, or still being opened, when the window goes never hangs the window
and never crashes the process: locked (Ctrl+L), quit (Ctrl+Q), made anew in another
language, closed, or quit by the desktop with the window open. Each in a real window
(Xvfb, the xcb platform), driven by tests/reliability/playing_session.py in a process of
its own, three times over, with reads made slow as from an old USB stick so that the
player's threads are inside a read at that moment (docs/playback.md says what can go
wrong then, and the order PlayerBar.drop keeps against it).

Under CI=true a missing Xvfb fails these tests; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.killing import iterations
from tests.reliability.playing_session import (
    ENDINGS,
    LOADING_VARIABLE,
    PASSWORD_VARIABLE,
    SLOW_VARIABLE,
    make_archive,
)
from tests.reliability.test_real_session import REPOSITORY, Places, display

__all__ = ["display"]  # the fixture, a display of its own for each test

PASSWORD = "plum river ostrich lantern velvet"
TIMEOUT = 30
"""Seconds a whole run may take (unlock, open, play, end): about 4 when nothing hangs."""
RUNS = iterations(1)
"""Runs of each ending: one in ``make test``, RELIABILITY_ITERATIONS in ``make reliability``
(a hang that comes one time in several needs several)."""
SLOW_SECONDS = "0.3"


@pytest.fixture(scope="module")
def call_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("call") / "call.amanat"
    make_archive(folder, PASSWORD)
    return folder


def run_session(
    ending: str, archive: Path, places: Places, environment: dict[str, str]
) -> tuple[int, str, str]:
    """Run the driver once; its exit code, stdout and stderr. A run that outlasts TIMEOUT is
    killed and fails the test with what it printed (the driver's watchdog prints every
    thread's stack first)."""
    session = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.playing_session", ending, str(archive)],
        cwd=REPOSITORY,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = session.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(session.pid, signal.SIGKILL)
        stdout, stderr = session.communicate()
        pytest.fail(f"{ending}: still running after {TIMEOUT} s\n{stdout}\n{stderr}")
    return session.returncode, stdout, stderr


@pytest.mark.parametrize("moment", ["playing", "opening"])
@pytest.mark.parametrize("ending", ENDINGS)
def test_the_window_goes_while_a_recording_plays_and_the_process_ends_cleanly(
    display: str, tmp_path: Path, call_archive: Path, ending: str, moment: str
) -> None:
    for run in range(RUNS):
        places = Places.under(tmp_path / f"run-{run}")
        archive = places.work / "call.amanat"
        shutil.copytree(call_archive, archive)
        more = {PASSWORD_VARIABLE: PASSWORD, SLOW_VARIABLE: SLOW_SECONDS}
        if moment == "opening":
            more[LOADING_VARIABLE] = "1"
        code, stdout, stderr = run_session(
            ending, archive, places, places.environment(display, **more)
        )
        assert code == 0, f"run {run}: exit code {code}\n{stderr}"
        assert stdout.split() == ["playing", "done"], stderr
        assert "Traceback" not in stderr and "Error calling Python" not in stderr, stderr
