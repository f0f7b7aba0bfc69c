"""Fixtures shared by every test: fresh archives, fast to make. What they are made of lives in
tests/helpers/; this file only wires it up.

Key derivation at full strength takes about a second, so one archive is created per test
session at the Argon2id floor (still RFC 9106's recommendation) and copied for each test, and
each derivation is remembered for the session (tests/helpers/kdf.py) unless a test is marked
``real_kdf``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from amanat.core.vault import Archive
from tests.helpers import archives, kdf
from tests.helpers.archives import PASSWORD, copy_archive


@pytest.fixture(scope="session", autouse=True)
def _remembered_key_derivation() -> Iterator[None]:
    with kdf.remembering():
        yield


@pytest.fixture(autouse=True)
def _real_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker(kdf.MARKER) is not None:
        kdf.derive_for_real(monkeypatch)


@pytest.fixture(scope="session", autouse=True)
def _templates(tmp_path_factory: pytest.TempPathFactory) -> None:
    archives.keep_templates_in(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def _archive_template(_templates: None) -> Path:
    return archives.template("family")


@pytest.fixture
def archive_folder(_archive_template: Path, tmp_path: Path) -> Path:
    """A new, empty, locked archive of its own for this test."""
    return copy_archive(_archive_template, tmp_path / "family.amanat")


@pytest.fixture
def archive(archive_folder: Path) -> Iterator[Archive]:
    """The test's archive, unlocked; locked again afterwards."""
    opened = Archive.open(archive_folder, PASSWORD, actor="tester")
    yield opened
    opened.lock()


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path
