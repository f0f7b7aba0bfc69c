"""Fuzzing the scan import: mutated valid files of every supported format go through
``import_files`` as a folder of scans would. Each one is imported, or refused with one
sentence naming it; nothing else escapes, and the archive checks clean afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from amanat.core.check import check
from amanat.core.errors import ScanRefused
from amanat.core.scans import import_files
from amanat.core.vault import Archive
from tests.fuzz import harness
from tests.helpers import scan_files as make

CASES = 200
"""Per format under ``make test``: seven formats in about twenty seconds on two cores."""

SEEDS: dict[str, Callable[[], bytes]] = {
    "jpeg": lambda: make.jpeg(orientation=6, gps=True),
    "png": lambda: make.png(author=True),
    "tiff": lambda: make.tiff(3),
    "webp": make.webp,
    "heic": make.heic,
    "gif": make.animated_gif,
    "pdf": lambda: make.pdf(2),
}


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
        assert document.page_ids
        return "imported"

    return one


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_mutated_pictures_are_imported_or_refused_by_name(
    archive: Archive, tmp_path: Path, kind: str
):
    seed = SEEDS[kind]()
    one = checker(archive, tmp_path, kind)
    outcomes = harness.run(f"picture-{kind}", harness.mutated(seed), one, harness.examples(CASES))
    assert sum(outcomes.values()) >= harness.examples(CASES)
    assert check(archive.db).healthy


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_saved_picture_cases_still_pass(archive: Archive, tmp_path: Path, kind: str):
    one = checker(archive, tmp_path, kind)
    for path in harness.saved(f"picture-{kind}"):
        one(path.read_bytes())
    assert check(archive.db).healthy
