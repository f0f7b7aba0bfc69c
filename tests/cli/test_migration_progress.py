"""Unlocking an archive an older Amanat made updates it first: on a terminal with a progress
bar on stderr, in a script without a word of it (stdout and stderr stay the command's own)."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from amanat.cli import main
from amanat.core import schema
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, needing_the_reindex
from tests.helpers.cli import Cli


class _Terminal(io.StringIO):
    """Stderr as a terminal: what the user sees in the shell."""

    def isatty(self) -> bool:
        return True


def _version(folder: Path) -> int:
    archive = Archive.open(folder, PASSWORD)
    try:
        return int(archive.db.value("PRAGMA user_version"))
    finally:
        archive.lock()


def test_a_script_gets_no_progress_text(cli: Cli, archive_folder: Path) -> None:
    needing_the_reindex(archive_folder)
    result = cli.ok("search", "نامه", "--json")
    assert result.err == ""
    assert "updating" not in result.out
    assert len(result.json()) == 3
    assert _version(archive_folder) == schema.LATEST


def test_a_terminal_sees_the_update_and_then_a_clean_line(
    archive_folder: Path, password_file: Path
) -> None:
    needing_the_reindex(archive_folder)
    out, err = io.StringIO(), _Terminal()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(
                [
                    "search",
                    "نامه",
                    "--archive",
                    str(archive_folder),
                    "--password-file",
                    str(password_file),
                ]
            )
    finally:
        sys.stdin = saved_stdin
    assert code == 0
    shown = err.getvalue()
    assert "updating the archive [" in shown
    assert "3/3" in shown
    # The bar is wiped before the command's own output, which stays as a script would get it.
    assert shown.endswith("\r" + " " * 79 + "\r")
    assert "updating" not in out.getvalue()


def test_an_up_to_date_archive_leaves_a_terminal_untouched(
    archive_folder: Path, password_file: Path
) -> None:
    err = _Terminal()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(
            ["tag", "list", "--archive", str(archive_folder), "--password-file", str(password_file)]
        )
    assert code == 0
    assert err.getvalue() == ""
