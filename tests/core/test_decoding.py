"""Untrusted files are decoded apart (core/decoding): whatever a decoder does — raise an
exception of any type, crash, hang, eat memory, print — costs the one file, named in one
sentence; the next file is decoded as usual and nothing reaches the terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from amanat.cli import main as amanat
from amanat.core.decoding import Decoders, DecodingLimits
from amanat.core.errors import ScanDamaged
from amanat.core.scans import import_files
from amanat.core.vault import Archive
from tests.helpers import hostile_files as hostile
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD


@pytest.fixture
def pool() -> Iterator[Decoders]:
    decoders = Decoders(workers=1, limits=DecodingLimits(seconds=5))
    yield decoders
    decoders.close()


@pytest.mark.parametrize(
    ("decoder", "words"),
    [
        (hostile.raises_type_error, "the decoder failed on it"),
        (hostile.aborts, "made the decoder crash"),
        (hostile.reads_address_zero, "made the decoder crash"),
    ],
    ids=["exception of any type", "abort", "segfault"],
)
def test_a_decoder_gone_wrong_refuses_that_file_by_name_and_the_next_is_decoded(
    pool: Decoders, decoder: object, words: str
):
    with pytest.raises(ScanDamaged) as refused:
        pool.run("letters/evin-3.tif", decoder, b"")  # type: ignore[arg-type]
    assert refused.value.message.startswith("letters/evin-3.tif was not imported")
    assert words in refused.value.message
    assert "\n" not in refused.value.message
    assert isinstance(pool.run("next.jpg", hostile.process_id, b""), int)


def test_a_hung_decoder_is_stopped_and_its_file_refused(pool: Decoders):
    quick = Decoders(workers=1, limits=DecodingLimits(seconds=1))
    try:
        first = quick.run("warm-up.jpg", hostile.process_id, b"")
        with pytest.raises(ScanDamaged, match="more than 1 seconds without progress"):
            quick.run("loops.pdf", hostile.hangs, b"")
        second = quick.run("next.jpg", hostile.process_id, b"")
        assert second != first  # the hung worker was replaced
    finally:
        quick.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_a_decoder_that_eats_memory_meets_the_limit():
    # A lower limit than the product's, so the test does not wait for gigabytes to be filled.
    small = Decoders(workers=1, limits=DecodingLimits(memory_mb=512, seconds=60))
    try:
        with pytest.raises(ScanDamaged) as refused:
            small.run("bomb.png", hostile.allocates_without_end, b"")
        assert "not enough memory" in refused.value.message
        assert isinstance(small.run("next.jpg", hostile.process_id, b""), int)
    finally:
        small.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_holds_nothing_of_the_open_archive(pool: Decoders, archive: Archive):
    held = pool.run("any.jpg", hostile.open_files, b"")
    assert not [f for f in held if str(archive.folder) in f or f.endswith("archive.db")]
    assert pool.run("any.jpg", hostile.process_id, b"") != os.getpid()


def test_what_a_library_prints_or_warns_never_reaches_the_user(
    pool: Decoders, capfd: pytest.CaptureFixture[str]
):
    assert pool.run("noisy.tif", hostile.talks, b"") == "decoded"
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_damaged_tiff_is_refused_by_name_and_the_rest_of_the_folder_imported(
    archive: Archive, tmp_path: Path, capfd: pytest.CaptureFixture[str]
):
    folder = tmp_path / "from-a-messenger"
    folder.mkdir()
    files = {
        "1-letter.jpg": make.jpeg(),
        "2-scanner-cut-off.tif": hostile.tiff_missing_dimensions(),
        "3-fax-read-error.tif": hostile.tiff_read_error(),
        "4-fax-bad-codes.tif": hostile.tiff_bad_code_words(),
        "5-letter.png": make.png(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    report = import_files(archive.db, [folder])
    refused = {Path(r.path).name: r.message for r in report.refused}
    assert sorted(refused) == ["2-scanner-cut-off.tif", "3-fax-read-error.tif"]
    for name, message in refused.items():
        assert message.startswith(f"{folder / name} was not imported: the file is damaged")
    assert sorted(d.title for d in report.documents) == ["1-letter", "4-fax-bad-codes", "5-letter"]
    out, err = capfd.readouterr()
    assert "TIFF" not in out + err and "Fax4Decode" not in out + err


def test_the_command_line_import_prints_only_amanats_sentences(
    archive_folder: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "a.tif").write_bytes(hostile.tiff_missing_dimensions())
    (folder / "b.tif").write_bytes(hostile.tiff_read_error())
    (folder / "c.tif").write_bytes(hostile.tiff_bad_code_words())
    (folder / "d.jpg").write_bytes(make.jpeg())
    password = tmp_path / "password"
    password.write_text(PASSWORD + "\n")
    code = amanat(
        ["--archive", str(archive_folder), "--password-file", str(password), "import", str(folder)]
    )
    out, err = capfd.readouterr()
    assert code == 1  # files were refused
    for library_words in (
        "TIFFFillStrip",
        "Fax4Decode",
        "Traceback",
        "Missing dimensions",
        "Warning",
    ):
        assert library_words not in out + err
    assert f"{folder / 'a.tif'} was not imported" in out + err
    assert f"{folder / 'b.tif'} was not imported" in out + err


def test_a_worker_that_cannot_start_is_a_loud_error_not_a_refused_file(
    monkeypatch: pytest.MonkeyPatch,
):
    from amanat.core.decoding import pool as decoding_pool

    monkeypatch.setattr(decoding_pool, "_command", lambda: [sys.executable, "-c", "pass"])
    decoders = Decoders(workers=1)
    with pytest.raises(decoding_pool.DecoderUnavailable):
        decoders.run("letter.jpg", hostile.process_id, b"")


def test_a_taken_over_decoder_cannot_run_code_in_the_program_through_its_reply(
    pool: Decoders, tmp_path: Path
):
    marker = tmp_path / "ran"
    with pytest.raises(ScanDamaged, match="the decoder failed on it"):
        pool.run("evil.png", hostile.replies_with_code_to_run, str(marker))
    assert not marker.exists()
    assert isinstance(pool.run("next.jpg", hostile.process_id, b""), int)


def test_a_taken_over_decoder_cannot_make_the_program_read_a_huge_reply(pool: Decoders):
    with pytest.raises(ScanDamaged, match="made the decoder crash"):
        pool.run("evil.png", hostile.claims_an_enormous_reply, b"")
    assert isinstance(pool.run("next.jpg", hostile.process_id, b""), int)


def test_a_decoder_that_reports_progress_for_ever_is_stopped(pool: Decoders):
    with pytest.raises(ScanDamaged, match="the decoder failed on it"):
        pool.run("evil.pdf", hostile.never_stops_reporting_progress, b"")
    assert isinstance(pool.run("next.jpg", hostile.process_id, b""), int)


def test_a_damaged_page_already_in_the_archive_is_refused_when_exported_not_a_crash(
    archive: Archive,
):
    from amanat.core.records import Document, DocumentKind
    from amanat.core.scans.export import metadata_report, sanitised_copy
    from amanat.core.storage import documents, pages

    letter = documents.add(archive.db, Document(DocumentKind.LETTER, "From the scanner"))
    page = pages.add(archive.db, letter.id, hostile.tiff_read_error(), "fax.tif")
    with pytest.raises(ScanDamaged) as refused:
        sanitised_copy(archive.db, page.id)
    # Its own sentence: the page is in the archive already, so not "was not imported".
    assert refused.value.message.startswith(
        "fax.tif cannot be copied out of the archive: its stored file is damaged"
    )
    assert metadata_report(archive.db, page.id).to_json()  # an empty report, no exception
