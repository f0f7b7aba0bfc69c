"""An archive indexed before the spelling folds is normalised again once, when it is opened,
with progress, and then finds every spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core import schema, search
from amanat.core.dates import parse_date
from amanat.core.jobs import Progress
from amanat.core.keyslots import FLOOR
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    Role,
    Text,
    TextKind,
)
from amanat.core.storage import documents, events, people, tags, texts
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, back_to_version_4, needing_the_reindex

ZWNJ = "\u200c"


def _as_version_4(archive: Archive) -> None:
    """Make the archive look as an older Amanat left it: version 4, its index holding text as
    the old normaliser made it (ZWNJ removed, a space left as it was)."""
    db = archive.db
    with db.transaction():
        for row, body in db.all("SELECT rowid, body FROM search_index"):
            db.execute(
                "UPDATE search_index SET body = ? WHERE rowid = ?",
                (body.replace("میخواهم", "می خواهم").replace("هیات", "هیئت"), row),
            )
        back_to_version_4(db)


def test_an_old_index_is_normalised_again_once_with_progress(archive: Archive) -> None:
    db = archive.db
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="نامه"))
        text = texts.add(
            db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "گفت می خواهم هیئت را ببینم")
        )
        person = people.add(db, Person(display_name="Narges", roles=(Role.PRISONER,)))
        events.add(
            db, Event(person.id, EventType.HUNGER_STRIKE, parse_date("2019-06-10"), place="اوین")
        )
        tags.ensure(db, "conditions/solitary")
    before = db.all("SELECT rowid, * FROM search_index ORDER BY rowid")
    _as_version_4(archive)
    assert text.id not in {hit.record_id for hit in search.search(db, "میخواهم")}

    heard: list[Progress] = []
    assert schema.migrate(db, heard.append) == schema.LATEST
    assert db.value("PRAGMA user_version") == schema.LATEST
    # Every entry again as the storage modules index it today, on the same rows.
    assert db.all("SELECT rowid, * FROM search_index ORDER BY rowid") == before
    for query in ("میخواهم", "می‌خواهم", "می خواهم", "هیأت", "هیات"):
        assert text.id in {hit.record_id for hit in search.search(db, query)}, query
    assert heard and heard[-1] == Progress(len(before), len(before))
    # Once: opening it again changes nothing and reports nothing.
    again: list[Progress] = []
    schema.migrate(db, again.append)
    assert again == []


def test_an_interrupted_reindex_leaves_the_archive_at_its_old_version(archive: Archive) -> None:
    db = archive.db
    with db.transaction():
        documents.add(db, Document(kind=DocumentKind.LETTER, title="نامه"))
    _as_version_4(archive)

    def fail(progress: Progress) -> None:
        raise RuntimeError("the laptop's battery ran out")

    with pytest.raises(RuntimeError):
        schema.migrate(db, fail)
    assert db.value("PRAGMA user_version") == 4
    schema.migrate(db)
    assert db.value("PRAGMA user_version") == schema.LATEST


def test_unlocking_an_old_archive_reports_the_reindex_to_its_end(archive_folder: Path) -> None:
    needing_the_reindex(archive_folder, documents=4)
    heard: list[Progress] = []
    archive = Archive.open(archive_folder, PASSWORD, report=heard.append)
    try:
        assert archive.db.value("PRAGMA user_version") == schema.LATEST
        rows = archive.db.value("SELECT count(*) FROM search_index")
    finally:
        archive.lock()
    assert rows >= 4
    assert heard and heard[-1].done == heard[-1].total == rows
    assert [p.done for p in heard] == sorted(p.done for p in heard)
    # Up to date now: the next unlock reports nothing.
    again: list[Progress] = []
    Archive.open(archive_folder, PASSWORD, report=again.append).lock()
    assert again == []


def test_unlocking_with_the_recovery_code_reports_the_reindex_too(archive_folder: Path) -> None:
    archive = Archive.open(archive_folder, PASSWORD)
    code = archive.add_recovery_code(FLOOR)
    archive.lock()
    needing_the_reindex(archive_folder)
    heard: list[Progress] = []
    Archive.open_with_recovery_code(archive_folder, code, report=heard.append).lock()
    assert heard and heard[-1].done == heard[-1].total > 0
