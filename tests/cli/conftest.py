"""Helpers for the command-line tests: run ``amanat`` in this process (fast) or as a real
subprocess (for exit status, stderr and environment variables as a script sees them)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from amanat.cli import main
from amanat.core import keyslots

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_OUR_VARIABLES = ("AMANAT_ARCHIVE", "AMANAT_PASSWORD_FILE", "AMANAT_ACTOR")

WriteFile = Callable[[str, str | bytes], Path]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@contextmanager
def _no_terminal() -> Iterator[None]:
    """Stdin that is not a terminal, as in a script: the CLI must never wait for a prompt."""
    saved = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        yield
    finally:
        sys.stdin = saved


def run_cli(*args: str | Path) -> Result:
    """``amanat ARGS`` in this process; SystemExit (argparse's 2, the CLI's 1) becomes the code."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), _no_terminal():
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return Result(code, out.getvalue(), err.getvalue())


class Cli:
    """Runs commands against one archive, always passing --archive and --password-file."""

    def __init__(self, archive: Path, password_file: Path) -> None:
        self.archive = archive
        self.password_file = password_file

    def __call__(self, *args: str | Path) -> Result:
        return run_cli(*args, "--archive", self.archive, "--password-file", self.password_file)

    def ok(self, *args: str | Path) -> Result:
        """Run a command that must succeed; fails the test with its stderr otherwise."""
        result = self(*args)
        assert result.code == 0, f"amanat {' '.join(map(str, args))} failed: {result.err}"
        return result

    def add_person(self, name: str, *options: str) -> str:
        return str(self.ok("person", "add", "--name", name, *options, "--json").json()["id"])

    def add_doc(self, *options: str | Path) -> str:
        return str(self.ok("doc", "add", *options, "--json").json()["id"])


def run_subprocess(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """``python -m amanat.cli ARGS`` with no terminal on stdin and none of our variables set
    unless ``env`` gives them."""
    environment = {k: v for k, v in os.environ.items() if k not in _OUR_VARIABLES}
    environment["PYTHONPATH"] = str(DESKTOP)
    environment.update(env or {})
    completed = subprocess.run(
        [sys.executable, "-m", "amanat.cli", *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
        check=False,
    )
    return Result(completed.returncode, completed.stdout, completed.stderr)


def assert_user_error(result: Result, *words: str) -> None:
    """Exit status 1 with exactly one line on stderr, 'amanat: …', naming ``words``."""
    assert result.code == 1, result
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith("amanat: "), line
    assert "Traceback" not in result.err
    for word in words:
        assert word.casefold() in line.casefold(), line


def make_png(path: Path, size: tuple[int, int] = (3, 2)) -> Path:
    Image.new("RGB", size, (200, 30, 40)).save(path, format="PNG")
    return path


def copy_archive(source: Path, destination: Path) -> Path:
    shutil.copytree(source, destination)
    return destination


_derived_keys: dict[tuple[keyslots.KdfParams, bytes, bytes], bytes] = {}


@pytest.fixture(scope="package", autouse=True)
def _remember_derived_keys() -> Iterator[None]:
    """Argon2id at the floor takes ~0.3 s, and nearly every command here unlocks an archive
    copied from the same template with the same password. Key derivation is a pure function,
    so remembering its results changes no outcome (a wrong password is still derived afresh and
    still fails); it only keeps the suite fast. Subprocess tests derive for real."""
    real_derive = keyslots.KdfParams.derive

    def derive(params: keyslots.KdfParams, secret: bytes, salt: bytes) -> bytearray:
        key = (params, bytes(secret), bytes(salt))
        if key not in _derived_keys:
            _derived_keys[key] = bytes(real_derive(params, secret, salt))
        return bytearray(_derived_keys[key])  # a copy: the caller wipes what it is given

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots.KdfParams, "derive", derive)
        yield
    _derived_keys.clear()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our variables from the developer's shell must not leak into the tests."""
    for name in _OUR_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def cli(archive_folder: Path, password_file: Path) -> Cli:
    return Cli(archive_folder, password_file)


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """New key slots at the Argon2id floor instead of calibrating to ~1 s on this machine:
    passwd, recovery-code and init then take a fraction of a second."""
    monkeypatch.setattr(keyslots, "calibrate", lambda *args, **kwargs: keyslots.FLOOR)


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write a file into the test's folder (text as UTF-8) and return its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


# --- A small archive with a little of everything, built once for these tests --------------------

LETTER_TEXT = "در سلول انفرادی زندانی هستم و کتاب ندارم.\nسلام به مادرم برسانید.\n"
TESTIMONY_TEXT = "او را در بند ۲۰۹ زندانی کردند و دارو ندادند.\n"
COURT_TEXT = "The court sentenced the prisoner to six years.\n"


@dataclass(frozen=True)
class Populated:
    """Ids of what the shared archive holds. Treat ``folder`` as read-only; copy it
    (``populated_cli``) for tests that change something."""

    folder: Path
    password_file: Path
    page_file: Path
    narges: str
    reza: str
    letter: str
    testimony: str
    court: str
    event: str
    digest: str

    @property
    def cli(self) -> Cli:
        return Cli(self.folder, self.password_file)


@pytest.fixture(scope="package")
def populated(_archive_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Populated:
    from tests.conftest import PASSWORD, records_digest

    base = tmp_path_factory.mktemp("populated")
    folder = copy_archive(_archive_template, base / "populated.amanat")
    password_file = base / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    cli = Cli(folder, password_file)

    def text_file(name: str, body: str) -> Path:
        path = base / name
        path.write_text(body, encoding="utf-8")
        return path

    page = make_png(base / "scan.png")
    narges = cli.add_person(
        "Narges Mohammadi", "--name-fa", "نرگس محمدی", "--role", "prisoner", "--status", "detained"
    )
    reza = cli.add_person("Reza", "--role", "witness", "--status", "released")
    letter = cli.add_doc(
        "--kind", "letter", "--title", "Letter from Evin", "--date", "1389-12-24",
        "--calendar", "jalali", "--person", narges, "--text-file",
        text_file("letter.txt", LETTER_TEXT), "--language", "fa", "--page", page,
        "--tag", "conditions/solitary",
    )  # fmt: skip
    testimony = cli.add_doc(
        "--kind", "testimony", "--title", "Testimony of a cellmate", "--date", "2012-05",
        "--person", reza, "--text-file", text_file("testimony.txt", TESTIMONY_TEXT),
        "--language", "fa", "--tag", "medical",
    )  # fmt: skip
    court = cli.add_doc(
        "--kind", "court", "--title", "Court ruling", "--text-file",
        text_file("court.txt", COURT_TEXT), "--language", "en",
    )  # fmt: skip
    event = cli.ok(
        "event", "add", "--person", narges, "--type", "arrest", "--date", "2009-06-20",
        "--place", "Evin", "--source", letter, "--json",
    ).json()["id"]  # fmt: skip
    return Populated(
        folder, password_file, page, narges, reza, letter, testimony, court, str(event),
        records_digest(folder),
    )  # fmt: skip


@pytest.fixture
def populated_cli(populated: Populated, tmp_path: Path, password_file: Path) -> Cli:
    """A copy of the shared archive for this test alone, to change as it likes."""
    return Cli(copy_archive(populated.folder, tmp_path / "copy.amanat"), password_file)
