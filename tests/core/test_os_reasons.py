"""Why the operating system refused, in Amanat's own coded phrases: never the system's
English words (strerror), which a Persian window would show untranslated."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import amanat
from amanat.core import scans, timeline_export
from amanat.core.errors import (
    DETAILS,
    Detail,
    DiskFull,
    PageDamaged,
    ScanDamaged,
    ScanUnreadable,
    os_reason,
)
from amanat.core.scans.reading import RefusedFile, ScanLimits, read_scan
from amanat.core.vault import Archive
from tests.helpers import scan_files as make

PACKAGE = Path(amanat.__file__).resolve().parent


@pytest.mark.parametrize(
    ("number", "phrase"),
    [
        (errno.ENOENT, "there is no such file or folder"),
        (errno.EACCES, "this user account is not allowed to use it"),
        (errno.EISDIR, "it is a folder, not a file"),
        (errno.EIO, "the disk could not read or write it; the disk or USB stick may be failing"),
        (errno.ENOSPC, "the disk is full"),
        (errno.ELOOP, "it is a link that leads back to itself"),
        (errno.ENAMETOOLONG, "its name or path is too long"),
    ],
)
def test_each_common_refusal_has_a_phrase_of_its_own(number: int, phrase: str) -> None:
    reason = os_reason(OSError(number, os.strerror(number)))
    assert isinstance(reason, Detail) and reason == phrase
    assert DETAILS[reason.code] == phrase  # so the window finds its translation


def test_any_other_refusal_is_named_by_its_symbol_not_the_systems_sentence() -> None:
    reason = os_reason(OSError(errno.EBUSY, os.strerror(errno.EBUSY)))
    assert reason == "the system refused (error EBUSY)"
    assert os.strerror(errno.EBUSY) not in reason
    assert os_reason(OSError("no number at all")) == "the system refused (error ?)"


def test_no_module_passes_the_systems_own_words_on() -> None:
    passing = [
        f"{path.relative_to(PACKAGE)}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if ".strerror" in path.read_text(encoding="utf-8")
    ]
    assert passing == []


def test_a_file_gone_before_it_is_read_says_so_in_amanats_words(tmp_path: Path) -> None:
    gone = tmp_path / "gone.jpg"
    outcome = read_scan(gone, ScanLimits())
    assert isinstance(outcome, RefusedFile) and isinstance(outcome.error, ScanUnreadable)
    assert outcome.error.message == (
        f"{gone} was not imported: it could not be read (there is no such file or folder)."
    )
    assert outcome.error.values["reason"].code == "os-not-found"


def test_a_full_disk_at_an_export_names_the_folder_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usb" / "chronology.pdf"
    target.parent.mkdir()

    class Full:
        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def create_new(path: Path) -> Full:
        path.write_bytes(b"")  # the file exists, as it would; it must not be left
        return Full()

    monkeypatch.setattr(timeline_export.private_files, "create_new", create_new)
    with pytest.raises(DiskFull) as refused:
        timeline_export.write_new_file(target, b"%PDF-1.7")
    assert refused.value.message == (
        f"The disk is full where {target.parent} is, so nothing was saved. Free some space on "
        "that disk and try again."
    )
    assert not target.exists()


def test_a_page_damaged_at_export_is_not_called_an_import(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    picture = tmp_path / "letter.png"
    picture.write_bytes(make.png(make.marked((60, 40))))
    report = scans.import_files(archive.db, [picture])
    page_id = archive.db.value("SELECT id FROM pages")

    def crashes(name: str, *args: object) -> object:
        raise ScanDamaged(name=name, detail=Detail("decoder-crashed"))

    monkeypatch.setattr(scans.export.decoding, "run", crashes)
    with pytest.raises(PageDamaged) as refused:
        scans.sanitised_copy(archive.db, page_id)
    assert report.documents and "was not imported" not in refused.value.message
    assert refused.value.message == (
        "letter.png cannot be copied out of the archive: its stored file is damaged or "
        "incomplete (opening it made the decoder crash; it may have been made to harm). Run a "
        "check of the archive, or leave that page out."
    )
