"""Fixtures shared by every test: fresh archives, fast to make.

Key derivation at full strength takes about a second, so one archive is created per test
session at the Argon2id floor (still RFC 9106's recommendation) and copied for each test.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def _archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "template.amanat"
    Archive.create(folder, PASSWORD, kdf=FLOOR).lock()
    return folder


@pytest.fixture
def archive_folder(_archive_template: Path, tmp_path: Path) -> Path:
    """A new, empty, locked archive of its own for this test."""
    folder = tmp_path / "family.amanat"
    shutil.copytree(_archive_template, folder)
    return folder


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


def records_digest(folder: Path, password: str = PASSWORD) -> str:
    """A digest of every row of every table, to prove an archive is exactly as it was."""
    digest = hashlib.sha256()
    with Archive.open(folder, password) as opened:
        names = [
            row[0]
            for row in opened.db.all(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'search_index_%' ORDER BY name"
            )
        ]
        for name in names:
            digest.update(name.encode())
            for row in opened.db.all(f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()
