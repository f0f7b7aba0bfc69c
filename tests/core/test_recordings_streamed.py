"""Recordings are imported without ever lying whole in memory: hashed in pieces, read by the
decoding worker from the file itself, sealed from the disk chunk by chunk. A file that
changes while this happens (still being copied, or swapped on purpose) is refused in one
sentence, and the archive is exactly as it was."""

from __future__ import annotations

import hashlib
import os
import struct
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from amanat.core import decoding
from amanat.core.check import check
from amanat.core.errors import ScanChanged
from amanat.core.scans import ImportOptions, ScanLimits, import_files, reading
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD, records_digest

MB = 1024 * 1024


def noisy_wav(path: Path, size: int, rate: int = 16000) -> Path:
    """A mono 16-bit WAV of ``size`` bytes of noise, its header written by hand."""
    samples = size - 44
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + samples, b"WAVE", b"fmt ", 16, 1, 1, rate, rate * 2, 2, 16,
        b"data", samples,
    )  # fmt: skip
    with open(path, "wb") as handle:
        handle.write(header)
        left = samples
        while left:
            piece = min(left, MB)
            handle.write(os.urandom(piece))
            left -= piece
    return path


def after_the_worker_read_it(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[Path], None]
) -> list[tuple[Any, ...]]:
    """Change the file once the decoding worker has read it, before it is sealed; returns
    the arguments each task was sent with."""
    original = decoding.run
    sent: list[tuple[Any, ...]] = []

    def run(name: str, task: Callable[..., Any], *args: Any) -> Any:
        sent.append(args)
        result = original(name, task, *args)
        change(Path(name))
        return result

    monkeypatch.setattr(decoding, "run", run)
    return sent


def grow(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(b"\0" * 100_000)


def shrink(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def swap_a_byte(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0xFF]))


@pytest.mark.parametrize("change", [grow, shrink, swap_a_byte])
def test_a_recording_that_changes_before_it_is_sealed_is_refused_and_nothing_kept(
    archive_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    call = noisy_wav(tmp_path / "call.wav", 3 * MB)
    before = records_digest(archive_folder)
    after_the_worker_read_it(monkeypatch, change)
    with Archive.open(archive_folder, PASSWORD) as archive:
        report = import_files(archive.db, [call])
        assert not report.documents
        [refusal] = report.refused
        assert isinstance(refusal.error, ScanChanged)
        assert refusal.message == (
            f"{call} was not imported: it changed while it was being read (another program "
            "may still be copying or writing it); import it again once that has finished."
        )
        assert check(archive.db).healthy
    assert records_digest(archive_folder) == before


def test_a_recording_that_grows_before_it_is_hashed_is_refused_unread_by_the_worker(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = noisy_wav(tmp_path / "call.wav", 2 * MB)
    found = reading._read

    def found_then_grown(path: Path, name: str, limits: ScanLimits) -> object:
        result = found(path, name, limits)
        grow(path)
        return result

    monkeypatch.setattr(reading, "_read", found_then_grown)
    sent = after_the_worker_read_it(monkeypatch, lambda path: None)
    report = import_files(archive.db, [call])
    [refusal] = report.refused
    assert isinstance(refusal.error, ScanChanged)
    assert not sent  # refused before the worker was asked
    assert not documents.list_documents(archive.db)


def test_a_recording_that_changes_in_a_letter_leaves_the_other_pages_and_one_document(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan, after = tmp_path / "letter.jpg", tmp_path / "envelope.png"
    scan.write_bytes(make.jpeg())
    after.write_bytes(make.png())
    call = noisy_wav(tmp_path / "call.wav", 2 * MB)

    def grow_the_call(path: Path) -> None:
        if path == call:
            grow(path)

    after_the_worker_read_it(monkeypatch, grow_the_call)
    report = import_files(archive.db, [scan, call, after], ImportOptions(one_document=True))
    [document] = report.documents
    assert [r.path for r in report.refused] == [str(call)]
    assert len(documents.list_documents(archive.db)) == 1
    kept = pages.pages_of(archive.db, document.document_id)
    assert [p.original_name for p in kept] == ["letter.jpg", "envelope.png"]
    assert check(archive.db).healthy


def test_the_worker_opens_the_recording_itself_and_gets_no_bytes_of_it(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    call = noisy_wav(tmp_path / "call.wav", 3 * MB)
    sent = after_the_worker_read_it(monkeypatch, lambda path: None)
    [document] = import_files(archive.db, [call]).documents
    [args] = sent
    assert str(call) in args
    assert not any(isinstance(a, (bytes, bytearray, memoryview)) for a in args)
    [page] = pages.pages_of(archive.db, document.document_id)
    kept = pages.original_bytes(archive.db, page.id)
    assert kept == call.read_bytes()
    assert page.sha256 == hashlib.sha256(kept).hexdigest()
    assert page.size == call.stat().st_size


def test_importing_a_recording_holds_only_a_few_pieces_of_it_in_memory(
    archive: Archive, tmp_path: Path
) -> None:
    call = noisy_wav(tmp_path / "call.wav", 40 * MB)
    warm = tmp_path / "warm.png"
    warm.write_bytes(make.png())
    import_files(archive.db, [warm])  # the modules, the workers and the caches, made now
    tracemalloc.start()
    try:
        [document] = import_files(archive.db, [call]).documents
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Whole in memory, it would be 40 MB at least (80 with its copy to the worker).
    assert peak < 6 * MB, f"{peak / MB:.1f} MB"
    [page] = pages.pages_of(archive.db, document.document_id)
    assert page.sha256 == hashlib.sha256(call.read_bytes()).hexdigest()


def test_a_recording_exactly_a_whole_number_of_chunks_long_is_kept_whole(
    archive: Archive, tmp_path: Path
) -> None:
    for size in (2 * 65536, 2 * 65536 + 1, 65536 - 1):
        call = noisy_wav(tmp_path / f"call-{size}.wav", size)
        [document] = import_files(archive.db, [call]).documents
        [page] = pages.pages_of(archive.db, document.document_id)
        assert pages.original_bytes(archive.db, page.id) == call.read_bytes()
    assert check(archive.db, full=True).healthy
