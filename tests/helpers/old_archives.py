"""Archives as an older Amanat left them, to test the migrations that bring them up to date."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest

from amanat.core import schema
from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD

BEFORE_SEGMENTS = 5
"""The version these old archives are made at: before the people's trash (6), removed pages
(7), segments' tables (8) and originals moved out of archive.db (9), so that opening one
runs all four. (Version 7 was the last to keep originals inside archive.db.)"""


def old_archive(folder: Path, monkeypatch: pytest.MonkeyPatch, scans: list[bytes]) -> list[str]:
    """An archive as Amanat left it at version 5, before the four later migrations: each
    scan a blob in ``files``, each page with a preview blob in ``page_images``; returns the
    pages' ids."""
    with monkeypatch.context() as older:
        older.setattr(schema, "LATEST", BEFORE_SEGMENTS)
        archive = Archive.create(folder, PASSWORD, kdf=FLOOR)
    db = archive.db
    page_ids = []
    with db.transaction():
        db.execute(
            "INSERT INTO documents (id, kind, title, consent_audience, created, modified)"
            " VALUES ('d', 'letter', 'Old letter', 'private', '2024-01-01T00:00:00+00:00',"
            " '2024-01-01T00:00:00+00:00')"
        )
        for number, scan in enumerate(scans, start=1):
            sha256 = hashlib.sha256(scan).hexdigest()
            page_id = str(uuid.uuid4())
            db.execute(
                "INSERT INTO files (sha256, size, bytes) VALUES (?, ?, ?)",
                (sha256, len(scan), scan),
            )
            db.execute(
                "INSERT INTO pages (id, document_id, number, sha256, mime_type, size, imported,"
                " created, modified) VALUES (?, 'd', ?, ?, 'image/jpeg', ?, 'x', 'x', 'x')",
                (page_id, number, sha256, len(scan)),
            )
            db.execute(
                "INSERT INTO page_images (page_id, kind, mime_type, width, height, bytes)"
                " VALUES (?, 'preview', 'image/jpeg', 10, 10, ?), (?, 'thumbnail',"
                " 'image/jpeg', 2, 2, x'00')",
                (page_id, scan[:1000] + b"preview", page_id),
            )
            page_ids.append(page_id)
    assert db.value("PRAGMA user_version") == BEFORE_SEGMENTS
    archive.lock()
    for leftover in (folder / "segments").iterdir():
        leftover.unlink()
    (folder / "segments").rmdir()  # an old archive had no segments folder
    return page_ids
