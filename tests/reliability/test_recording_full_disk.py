"""A disk that fills while a recording is sealed from the file chunk by chunk: the import says
so in one sentence, and once space is freed the archive is exactly as it was and checks
clean, with no sealed bytes of the recording left in its segments. And one that fills while
a recording is exported into a file piece by piece: one sentence, and no partial file.

The small disk is the tmpfs of test_full_disk.py (it needs root, as CI and the development
container have; elsewhere the test is skipped, saying why)."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core.check import check
from amanat.core.scans import import_files
from amanat.core.segments import segment_files
from amanat.core.vault import Archive
from tests.core.test_recordings_streamed import noisy_wav
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD, copy_archive, records_digest, template
from tests.helpers.cli import run_subprocess
from tests.reliability.test_full_disk import (  # noqa: F401  (small_disk is a fixture)
    MB,
    _one_sentence,
    _password,
    fill_until,
    small_disk,
)


def test_a_recording_larger_than_the_space_left_leaves_the_archive_as_it_was(
    small_disk: Path,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    folder = copy_archive(template("family"), small_disk / "family.amanat")
    letter = tmp_path / "letter.png"
    letter.write_bytes(make.png())
    with Archive.open(folder, PASSWORD) as archive:
        import_files(archive.db, [letter])  # a segment the recording is appended to
    call = noisy_wav(tmp_path / "call.wav", 12 * MB)
    before = records_digest(folder)
    filler = fill_until(small_disk, 4)
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path), "import", call
    )
    assert "disk is full" in _one_sentence(result)
    filler.unlink()  # the user frees some space
    assert records_digest(folder) == before
    with Archive.open(folder, PASSWORD) as archive:
        assert check(archive.db, full=True).healthy
        committed = dict(archive.db.all("SELECT name, committed FROM segments"))
        assert len(committed) == 1
    where = segment_files.folder_of(folder)
    # Unlocking cut what the failed import appended back to what was committed.
    assert {name: segment_files.size(where / name) for name in committed} == committed
    assert sorted(segment_files.names(where)) == sorted(committed)


@pytest.mark.parametrize("original", [False, True], ids=["stripped", "original"])
def test_a_recording_exported_to_a_full_disk_says_so_and_leaves_no_partial_file(
    small_disk: Path,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    original: bool,
) -> None:
    folder = copy_archive(template("family"), tmp_path / "family.amanat")
    call = noisy_wav(tmp_path / "call.wav", 12 * MB)
    with Archive.open(folder, PASSWORD) as archive:
        [document] = import_files(archive.db, [call]).documents
    [page_id] = document.page_ids
    fill_until(small_disk, 4)
    before = sorted(p.name for p in small_disk.iterdir())
    result = run_subprocess(
        "--archive", folder, "--password-file", _password(tmp_path),
        "page", "export", page_id, small_disk / "call.wav", *(["--original"] if original else []),
    )  # fmt: skip
    assert "disk is full" in _one_sentence(result)
    assert sorted(p.name for p in small_disk.iterdir()) == before
