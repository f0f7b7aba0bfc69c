"""Archives for tests: the one password they share, copies of empty templates, and a digest of
every row that proves an archive is exactly as it was.

Creating an archive derives a key for a new random salt, which no memory can spare (about half
a second), so each kind of empty archive is created once per session and copied: the test's
own archive ("family") and the other side of a bundle ("advocate") come from two templates,
so they differ in id, keys and salt as two real archives do.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from amanat.core.database import Database
from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive

PASSWORD = "correct horse battery staple"


_templates_home: list[Path] = []


def keep_templates_in(folder: Path) -> None:
    """Where this session's empty templates go (tests/conftest.py gives a temporary folder)."""
    _templates_home[:] = [folder]


def template(name: str) -> Path:
    """The session's empty, locked archive called ``name``, at the Argon2id floor, created
    on first use."""
    assert _templates_home, "tests/conftest.py sets where templates are kept"
    folder = _templates_home[0] / f"{name}.amanat"
    if not folder.exists():
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


def back_to_version(db: Database, version: int) -> None:
    """Set the schema back to ``version`` (4 or later), undoing what each later migration
    added, so that they run again on the next unlock as on an archive an older Amanat left.
    Call inside a transaction."""
    current = int(db.value("PRAGMA user_version"))
    for undone in range(current, version, -1):
        # 9 (originals moved out, files.bytes dropped) added nothing, and finds nothing left
        # to move; 8 (segments' tables and object_id columns) makes them only where missing.
        # Both run again as they are.
        if undone == 7:
            db.execute("ALTER TABLE pages DROP COLUMN removed")
            db.execute("ALTER TABLE pages DROP COLUMN removed_from")
        elif undone == 6:
            db.execute("ALTER TABLE people DROP COLUMN trashed")
    db.execute(f"PRAGMA user_version = {version:d}")


def back_to_version_4(db: Database) -> None:
    """Set the schema back to version 4 (see back_to_version)."""
    back_to_version(db, 4)


def needing_the_reindex(folder: Path, documents: int = 3) -> Path:
    """Make the locked archive at ``folder`` look as Amanat left it before the search index
    was normalised again (schema version 4), holding ``documents`` letters to re-index, so
    that the next unlock runs that migration and reports its progress."""
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents as stored_documents

    archive = Archive.open(folder, PASSWORD)
    try:
        with archive.db.transaction():
            for number in range(documents):
                stored_documents.add(
                    archive.db, Document(kind=DocumentKind.LETTER, title=f"نامه {number}")
                )
            back_to_version_4(archive.db)
    finally:
        archive.lock()
    return folder
