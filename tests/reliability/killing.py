"""Killing ``amanat`` with SIGKILL part-way through an operation, as a power cut or a crash
would stop it: the command runs in a process of its own and is killed after a random delay
within the time the operation takes whole (measured first, once per operation)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.cli import DESKTOP, OUR_VARIABLES

SEED = int(os.environ.get("RELIABILITY_SEED", "18"))


def iterations(default: int) -> int:
    """How many kills per operation: a few in ``make test``, RELIABILITY_ITERATIONS in
    ``make reliability``."""
    return int(os.environ.get("RELIABILITY_ITERATIONS", "0") or 0) or default


@dataclass(frozen=True)
class Run:
    killed: bool
    """False when the command ended by itself before the delay was up."""
    code: int
    after: float


def _command(args: tuple[str | Path, ...]) -> tuple[list[str], dict[str, str]]:
    environment = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    environment["PYTHONPATH"] = str(DESKTOP)
    return [sys.executable, "-m", "amanat", *map(str, args)], environment


def run_whole(*args: str | Path) -> float:
    """Run the command to its end; returns how long it took. It must succeed."""
    command, environment = _command(args)
    start = time.monotonic()
    done = subprocess.run(
        command, env=environment, stdin=subprocess.DEVNULL, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return time.monotonic() - start


def run_killed(delay: float, *args: str | Path) -> Run:
    """Start the command and SIGKILL it (and the decoding workers it started) after
    ``delay`` seconds, unless it ended before."""
    command, environment = _command(args)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so its workers die with it
    )
    try:
        code = process.wait(delay)
        return Run(False, code, time.monotonic() - start)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        _until_gone(process.pid)
        return Run(True, -9, time.monotonic() - start)


def _until_gone(group: int) -> None:
    """Wait until every process of the group has ended: one caught between fork and exec
    (a decoding worker being started) still holds the archive's lock until it has."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if not _running_in(group):
            return
        time.sleep(0.01)
    raise AssertionError(f"processes of group {group} still run 30 s after SIGKILL")


def _running_in(group: int) -> bool:
    """Whether a process of ``group`` still runs. A zombie has let go of everything (and a
    container whose first process reaps nothing keeps zombies), so it does not count."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended while being read
        state, process_group = fields[0], int(fields[2])
        if process_group == group and state not in ("Z", "X"):
            return True
    return False


def delays(whole: float, count: int, salt: str, earliest: float = 0.05) -> list[float]:
    """``count`` moments within the run, the same ones for the same seed and operation:
    after ``earliest`` (the time the program takes to start and unlock, where a kill tests
    nothing) and before the end of most runs (a run may be a little faster than the one
    measured)."""
    chooser = random.Random(f"{SEED}:{salt}")
    latest = max(earliest, 0.85 * whole)
    return [chooser.uniform(min(earliest, latest), latest) for _ in range(count)]


def record(operation: str, **figures: int) -> None:
    """Add a line to the file RELIABILITY_REPORT names, if any: what ``make reliability``
    reports."""
    if report := os.environ.get("RELIABILITY_REPORT"):
        with open(report, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"operation": operation, **figures}) + "\n")
