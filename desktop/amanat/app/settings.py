"""The settings kept inside the archive; the annotator's name among them becomes the actor
written in the audit log."""

from __future__ import annotations

from amanat.core import settings
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive


def load_settings(archive: Archive) -> ArchiveSettings:
    db = archive.db
    stored = settings.load(db)
    if stored.annotator_name:
        db.actor = stored.annotator_name
    return stored


def save_settings(archive: Archive, chosen: ArchiveSettings) -> ArchiveSettings:
    db = archive.db
    saved = settings.save(db, chosen)
    if saved.annotator_name is not None:
        db.actor = saved.annotator_name
    return saved
