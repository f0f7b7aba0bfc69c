"""A file the system refuses reads in Persian in the Persian window: the reason is Amanat's
coded phrase, translated, not the system's English words."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from amanat.core.errors import (
    Detail,
    DiskFullAt,
    FileProblem,
    PageDamaged,
    ScanUnreadable,
    os_reason,
)
from amanat.gui.i18n import apply_language
from amanat.gui.messages import error_message
from amanat.gui.settings import Preferences


@pytest.fixture(autouse=True)
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def _latin_words(text: str, allowed: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", text.replace(allowed, ""))


@pytest.mark.parametrize(
    "number",
    [errno.ENOENT, errno.EACCES, errno.EISDIR, errno.EIO, errno.ENOSPC, errno.ELOOP,
     errno.ENAMETOOLONG],
)  # fmt: skip
def test_a_file_the_system_refuses_reads_in_persian(number: int) -> None:
    name = "/home/u/letter.jpg"
    shown = error_message(ScanUnreadable(name=name, reason=os_reason(OSError(number, "x"))))
    assert _latin_words(shown, name) == []
    assert os.strerror(number) not in shown


def test_an_unknown_refusal_keeps_only_its_symbol_in_latin() -> None:
    shown = error_message(FileProblem(path="/a/b", reason=os_reason(OSError(errno.EBUSY, "x"))))
    assert _latin_words(shown, "/a/b") == ["EBUSY"]


def test_a_full_disk_and_a_damaged_page_read_in_persian() -> None:
    assert _latin_words(error_message(DiskFullAt(path="/media/usb")), "/media/usb") == []
    damaged = PageDamaged(name="scan.tif", detail=Detail("decoder-crashed"))
    assert _latin_words(error_message(damaged), "scan.tif") == []
