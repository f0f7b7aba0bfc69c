"""Archives for tests: the one password they share, copies of a template, and a digest of
every row that proves an archive is exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive

PASSWORD = "correct horse battery staple"


def create_template(folder: Path) -> Path:
    """An empty archive at the Argon2id floor, locked: copied for each test that needs one."""
    Archive.create(folder, PASSWORD, kdf=FLOOR).lock()
    return folder


def copy_archive(source: Path, destination: Path) -> Path:
    shutil.copytree(source, destination)
    return destination


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
