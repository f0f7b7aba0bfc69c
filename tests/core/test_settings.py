"""Settings live inside the archive, each change audited."""

from __future__ import annotations

import pytest

from amanat.core import audit, settings
from amanat.core.dates import Calendar
from amanat.core.errors import InvalidInput
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD


def test_settings_round_trip_through_the_archive(archive: Archive) -> None:
    assert settings.load(archive.db) == ArchiveSettings()
    chosen = ArchiveSettings(Calendar.JALALI, 5.0, "Shirin (lawyer)")
    assert settings.save(archive.db, chosen) == chosen
    folder = archive.folder
    archive.lock()
    with Archive.open(folder, PASSWORD) as again:
        assert settings.load(again.db) == chosen
        keys = {k for (k,) in again.db.all("SELECT key FROM meta WHERE key LIKE 'setting.%'")}
        assert keys == {"setting.calendar", "setting.auto_lock_minutes", "setting.annotator_name"}


def test_each_change_is_audited_once_and_unset_values_are_kept(archive: Archive) -> None:
    before = len(audit.entries(archive.db))
    settings.save(archive.db, ArchiveSettings(calendar=Calendar.JALALI))
    settings.save(archive.db, ArchiveSettings(calendar=Calendar.JALALI))  # no change
    settings.save(archive.db, ArchiveSettings(auto_lock_minutes=0.0))
    entries = audit.entries(archive.db)[before:]
    assert [(e.action, e.record_type, e.record_id) for e in entries] == [
        ("changed", "setting", "calendar"),
        ("changed", "setting", "auto_lock_minutes"),
    ]
    assert settings.load(archive.db) == ArchiveSettings(Calendar.JALALI, 0.0, None)
    assert audit.verify(archive.db).intact


def test_impossible_values_are_refused_and_nothing_is_stored(archive: Archive) -> None:
    with pytest.raises(InvalidInput):
        settings.save(archive.db, ArchiveSettings(auto_lock_minutes=-1))
    with pytest.raises(InvalidInput):
        settings.save(archive.db, ArchiveSettings(annotator_name="x" * 1000))
    assert settings.load(archive.db) == ArchiveSettings()


def test_a_value_from_a_newer_version_reads_as_not_set(archive: Archive) -> None:
    with archive.db.transaction():
        archive.db.execute(
            "INSERT INTO meta (key, value) VALUES ('setting.calendar', 'martian'),"
            " ('setting.auto_lock_minutes', 'soon')"
        )
    assert settings.load(archive.db) == ArchiveSettings()


def test_locking_with_the_computer_and_the_clipboard_seconds_round_trip(archive: Archive) -> None:
    chosen = ArchiveSettings(lock_with_computer=False, clipboard_seconds=12)
    assert settings.save(archive.db, chosen) == chosen
    for impossible in (-1, settings.MAX_CLIPBOARD_SECONDS + 1):
        with pytest.raises(InvalidInput):
            settings.save(archive.db, ArchiveSettings(clipboard_seconds=impossible))
    assert settings.load(archive.db) == chosen
    with archive.db.transaction():
        archive.db.execute(
            "UPDATE meta SET value = 'perhaps' WHERE key IN"
            " ('setting.lock_with_computer', 'setting.clipboard_seconds')"
        )
    assert settings.load(archive.db) == ArchiveSettings()


def test_the_window_layout_is_kept_without_an_audit_entry_each_time(archive: Archive) -> None:
    before = len(audit.entries(archive.db))
    layout = "reading=1;details=0;sidebar=200,1000;page=440,460,220"
    saved = settings.save(archive.db, ArchiveSettings(window_layout=layout))
    assert saved.window_layout == layout
    # Where the dividers are is not something done to the archive: the log stays as it was.
    assert len(audit.entries(archive.db)) == before
    assert audit.verify(archive.db).intact


def test_a_window_layout_holding_anything_but_names_and_numbers_is_a_bug(
    archive: Archive,
) -> None:
    for wrong in ("reading=1;title=Letter from Evin", "x" * (settings.MAX_LAYOUT_LENGTH + 1)):
        with pytest.raises(ValueError):
            settings.save(archive.db, ArchiveSettings(window_layout=wrong))
    # One stored by a newer version in a shape this one cannot read is as if never set.
    archive.db.execute(
        "INSERT INTO meta (key, value) VALUES ('setting.window_layout', 'Ünreadable')"
    )
    assert settings.load(archive.db) == ArchiveSettings()
