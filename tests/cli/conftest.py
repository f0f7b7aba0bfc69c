"""Fixtures for the command-line tests; the runner and the shared archive are in
tests/helpers/cli.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core import keyslots
from tests.helpers.archives import copy_archive
from tests.helpers.cli import OUR_VARIABLES, Cli, Populated, WriteFile, populate


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our variables from the developer's shell must not leak into the tests."""
    for name in OUR_VARIABLES:
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


@pytest.fixture(scope="package")
def populated(_archive_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Populated:
    """A small archive with a little of everything, built once for these tests."""
    return populate(_archive_template, tmp_path_factory.mktemp("populated"))


@pytest.fixture
def populated_cli(populated: Populated, tmp_path: Path, password_file: Path) -> Cli:
    """A copy of the shared archive for this test alone, to change as it likes."""
    return Cli(copy_archive(populated.folder, tmp_path / "copy.amanat"), password_file)
