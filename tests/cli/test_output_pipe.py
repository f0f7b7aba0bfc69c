"""Output into a pipe whose reader has gone away (``amanat doc list --json | head -1``) ends
quietly: no traceback, no second error at exit, and the archive is locked as usual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import DESKTOP, Populated

QUIET_STATUSES = (0, 141)
"""Nothing went wrong, or 128 + SIGPIPE as a shell reports a program whose reader left."""


def _amanat(populated: Populated, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "amanat.cli",
        *args,
        "--archive",
        str(populated.folder),
        "--password-file",
        str(populated.password_file),
    ]


def _environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AMANAT_")}
    environment["PYTHONPATH"] = str(DESKTOP)
    return environment


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "text"])
def test_output_into_a_closed_pipe_ends_quietly(populated: Populated, as_json: bool) -> None:
    command = _amanat(populated, "doc", "list", *(["--json"] if as_json else []))
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader leaves before the first line is written
    err = process.stderr.read().decode("utf-8")
    process.stderr.close()
    status = process.wait(timeout=120)
    assert status == 141, err  # the write did fail: the reader was gone
    assert err == ""


def test_piped_into_head_gives_the_first_line_and_no_error(
    populated: Populated, tmp_path: Path
) -> None:
    amanat = subprocess.Popen(
        _amanat(populated, "doc", "list", "--json"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(),
    )
    assert amanat.stdout is not None and amanat.stderr is not None
    head = subprocess.run(
        ["head", "-1"], stdin=amanat.stdout, capture_output=True, text=True, check=True
    )
    amanat.stdout.close()
    err = amanat.stderr.read().decode("utf-8")
    amanat.stderr.close()
    assert amanat.wait(timeout=120) in QUIET_STATUSES, err
    assert err == ""
    assert head.stdout == "[\n"
