"""Importing scans: one report for both clients, with the pages whose metadata could lead
someone to the family, and progress in the one shape of every long job."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.app import pages, previews, scans
from amanat.core.errors import FileNotWritable
from amanat.core.jobs import Progress
from amanat.core.scans import ImportOptions
from amanat.core.vault import Archive
from tests.helpers.scan_files import jpeg


def test_only_the_page_with_a_position_is_flagged(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "kitchen.jpg").write_bytes(jpeg(gps=True))
    (tmp_path / "plain.jpg").write_bytes(jpeg())
    heard: list[Progress] = []

    outcome = scans.import_scans(
        archive,
        [tmp_path / "kitchen.jpg", tmp_path / "plain.jpg"],
        ImportOptions(),
        heard.append,
    )

    assert len(outcome.report.documents) == 2
    [flagged] = outcome.flagged
    assert flagged.original_name == "kitchen.jpg"
    assert flagged.has_location and not flagged.has_person_name
    assert flagged.page_id in outcome.report.documents[0].page_ids
    assert all(isinstance(update, Progress) for update in heard)
    assert (heard[-1].done, heard[-1].total) == (2, 2)


def test_a_cancelled_import_keeps_nothing_and_flags_nothing(
    archive: Archive, tmp_path: Path
) -> None:
    (tmp_path / "kitchen.jpg").write_bytes(jpeg(gps=True))
    outcome = scans.import_scans(
        archive, [tmp_path / "kitchen.jpg"], ImportOptions(), cancel=lambda: True
    )
    assert outcome.report.cancelled
    assert not outcome.report.documents
    assert outcome.flagged == ()


def test_the_previews_of_an_import_are_made_with_progress(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "letter.jpg").write_bytes(jpeg())
    outcome = scans.import_scans(
        archive, [tmp_path / "letter.jpg"], ImportOptions(previews_later=True)
    )
    heard: list[Progress] = []
    assert previews.make_previews_of_import(archive, outcome, heard.append) == 1
    assert heard[-1] == Progress(1, 1, "previews")
    [page_id] = outcome.report.documents[0].page_ids
    assert previews.page_preview(archive, page_id) is not None


def test_an_exported_page_never_overwrites_a_file(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "letter.jpg").write_bytes(jpeg(gps=True))
    outcome = scans.import_scans(archive, [tmp_path / "letter.jpg"], ImportOptions())
    [page_id] = outcome.report.documents[0].page_ids
    mine = tmp_path / "mine.jpg"
    mine.write_bytes(b"the user's own file")

    with pytest.raises(FileNotWritable) as refused:
        pages.export_page(archive, page_id, mine)
    assert refused.value.message == f"Cannot write {mine}: it already exists; choose a new name."
    assert mine.read_bytes() == b"the user's own file"

    copy = pages.export_page(archive, page_id, tmp_path / "copy.jpg")
    original = pages.export_page(archive, page_id, tmp_path / "original.jpg", original=True)
    assert original.read_bytes() == (tmp_path / "letter.jpg").read_bytes()
    assert copy.read_bytes() != original.read_bytes()
