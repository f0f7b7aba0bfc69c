"""Fuzzing the import of recordings: mutated valid files of every format Amanat keeps go
through ``import_files`` as scans do, and those that get in are then stripped for export.
Each one is imported or refused with one sentence naming it, its stripped copy is written
or refused as damaged, nothing else escapes, and the archive checks clean afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core.check import check
from amanat.core.errors import PageDamaged, ScanRefused
from amanat.core.scans import import_files
from amanat.core.scans.export import sanitised_copy
from amanat.core.vault import Archive
from tests.fuzz import harness
from tests.helpers import recordings

CASES = 60
"""Per format under ``make test``: each case is demuxed to its end and, once in, remuxed."""

FORMATS = ("mp3", "m4a", "aac", "ogg", "wav", "amr", "mp4", "webm", "mov")


def checker(archive: Archive, folder: Path, kind: str) -> harness.Check:
    counter = iter(range(10**9))

    def one(data: bytes) -> str:
        path = folder / f"case-{next(counter)}.{kind}"
        path.write_bytes(data)
        report = import_files(archive.db, [path])
        path.unlink()
        if report.refused:
            [refusal] = report.refused
            assert isinstance(refusal.error, ScanRefused)
            assert refusal.message.startswith(f"{path} was not imported")
            assert "\n" not in refusal.message
            return "refused"
        if report.duplicates:
            return "already there"
        [document] = report.documents
        [page_id] = document.page_ids
        try:
            sanitised_copy(archive.db, page_id)
        except PageDamaged as error:
            assert "\n" not in error.message
            return "imported, not strippable"
        return "imported"

    return one


@pytest.mark.parametrize("kind", FORMATS)
def test_mutated_recordings_are_imported_or_refused_by_name(
    archive: Archive, tmp_path: Path, kind: str
) -> None:
    seed = recordings.recording(kind, 1.0, tags={"title": "call", "location": "+35.7+051.4/"})
    one = checker(archive, tmp_path, kind)
    outcomes = harness.run(f"recording-{kind}", harness.mutated(seed), one, harness.examples(CASES))
    assert sum(outcomes.values()) >= harness.examples(CASES)
    assert check(archive.db).healthy
