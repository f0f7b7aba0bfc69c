"""A file lent to a decoding worker (decoding.Lent): the worker reads it by ranges and writes
its copy back piece by piece, so a 500 MB recording's stripped copy is never sent whole nor
kept whole in the worker. A worker that reads or writes without end is stopped like any
other decoder gone wrong."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from amanat.core import decoding
from amanat.core.decoding import Decoders, DecodingLimits, Lent
from amanat.core.decoding.worker import LARGEST_READ
from amanat.core.errors import FileNotWritable, ScanDamaged, StoredObjectDamaged
from amanat.core.recordings import strip
from amanat.core.scans import import_files
from amanat.core.scans.export import sanitised_copy, write_recording
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers import hostile_files as hostile
from tests.helpers import lending, recordings

MB = 1024 * 1024


@pytest.fixture
def pool() -> Iterator[Decoders]:
    decoders = Decoders(workers=1, limits=DecodingLimits(seconds=5))
    yield decoders
    decoders.close()


def lent(data: bytes, asked: list[tuple[int, int]] | None = None) -> Lent:
    def read(start: int, length: int) -> bytes:
        if asked is not None:
            asked.append((start, length))
        return data[start : start + length]

    return Lent(read, len(data), io.BytesIO(), most_written=2 * len(data))


def test_a_lent_file_is_read_by_ranges_and_its_copy_written_where_the_worker_says(
    pool: Decoders,
) -> None:
    data = os.urandom(3 * MB + 12345)
    asked: list[tuple[int, int]] = []
    lending_ = lent(data, asked)
    assert pool.run("call.mov", lending.copies_backwards, len(data), lent=lending_) == len(data)
    assert lending_.out.getvalue() == data  # type: ignore[attr-defined]
    assert asked and all(length <= LARGEST_READ for _, length in asked)
    assert sum(length for _, length in asked) < 2 * len(data)


@pytest.mark.parametrize("task", [lending.reads_for_ever, lending.writes_too_much])
def test_a_worker_that_reads_or_writes_a_lent_file_without_end_is_stopped(
    pool: Decoders, task: object
) -> None:
    data = os.urandom(3 * MB)
    with pytest.raises(ScanDamaged, match="the decoder failed on it"):
        pool.run("call.mov", task, len(data), lent=lent(data))  # type: ignore[arg-type]
    assert isinstance(pool.run("next.mov", hostile.process_id, b""), int)


def test_a_worker_cannot_touch_a_file_that_was_not_lent(pool: Decoders) -> None:
    with pytest.raises(ScanDamaged, match="the decoder failed on it"):
        pool.run("call.mov", lending.copies_backwards, MB)


@pytest.mark.parametrize("kind", [*recordings.FORMATS, "wav"])
def test_the_stripped_copy_made_from_the_lent_original_is_the_one_made_from_it_whole(
    archive: Archive, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"call.{kind}"
    data = recordings.wav(1.0) if kind == "wav" else recordings.recording(kind, 1.0)
    path.write_bytes(data)
    [document] = import_files(archive.db, [path]).documents
    [page] = pages.pages_of(archive.db, document.document_id)
    whole = decoding.run(path.name, strip.stripped, data, page.mime_type, path.name)
    assert sanitised_copy(archive.db, page.id).data == whole
    # Exported to a file, the worker writes the copy straight into it.
    write_recording(archive.db, page.id, tmp_path / f"stripped.{kind}", original=False)
    assert (tmp_path / f"stripped.{kind}").read_bytes() == whole
    write_recording(archive.db, page.id, tmp_path / f"original.{kind}", original=True)
    assert (tmp_path / f"original.{kind}").read_bytes() == data


def test_a_recording_exported_over_an_existing_file_leaves_it_as_it_was(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "call.ogg"
    path.write_bytes(recordings.recording("ogg", 1.0))
    [document] = import_files(archive.db, [path]).documents
    [page_id] = document.page_ids
    mine = tmp_path / "mine.ogg"
    mine.write_bytes(b"the user's own file")
    with pytest.raises(FileNotWritable):
        write_recording(archive.db, page_id, mine, original=False)
    assert mine.read_bytes() == b"the user's own file"


@pytest.mark.parametrize("original", [False, True], ids=["stripped", "original"])
def test_a_recording_damaged_in_its_segment_exported_leaves_no_partial_file(
    archive: Archive, tmp_path: Path, original: bool
) -> None:
    paths = [tmp_path / "call.mp4", tmp_path / "next.mp4"]
    for number, path in enumerate(paths):
        path.write_bytes(recordings.recording("mp4", 1.0 + number))
    damaged, whole = (d.page_ids[0] for d in import_files(archive.db, paths).documents)
    sealed = pages.original(archive.db, damaged)
    with open(sealed.path, "r+b") as segment:
        segment.seek(sealed.start + sealed.length - 100)
        byte = segment.read(1)
        segment.seek(-1, os.SEEK_CUR)
        segment.write(bytes([byte[0] ^ 1]))
    with pytest.raises(StoredObjectDamaged):
        write_recording(archive.db, damaged, tmp_path / "copy.mp4", original=original)
    assert not (tmp_path / "copy.mp4").exists()
    # The worker left waiting for a piece of the damaged file was replaced: the next
    # exports, one on each worker of the pool, are whole.
    for number in range(decoding.pool.WORKERS):
        target = tmp_path / f"next-copy-{number}.mp4"
        write_recording(archive.db, whole, target, original=False)
        assert target.read_bytes() == sanitised_copy(archive.db, whole).data
