"""What ``amanat check`` finds, line by line, is in the window's language: the command line
prints the English lines, and the Persian window shows the same problems in Persian (never
SQLite's own English words)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core import audit
from amanat.core.check import PROBLEMS, Problem, check
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from amanat.gui.care.check_dialog import CheckDialog, found_lines
from amanat.gui.i18n import apply_language
from amanat.gui.settings import Preferences
from tests.helpers.archives import PASSWORD


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def _without_its_segment(folder: Path) -> None:
    """An archive with a letter of two pages whose segment file is gone."""
    with Archive.open(folder, PASSWORD) as archive, archive.db.transaction():
        letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Letter from Ward 209"))
        for number in range(2):
            pages.add(archive.db, letter.id, os.urandom(50_000), f"scan{number}.jpg")
    (segment,) = (folder / "segments").iterdir()
    segment.unlink()


def test_the_problems_keep_their_english_lines_and_their_codes(archive_folder: Path) -> None:
    _without_its_segment(archive_folder)
    with Archive.open(archive_folder, PASSWORD) as archive:
        found = check(archive.db)
    assert all(isinstance(problem, Problem) for problem in found.problems)
    codes = [problem.code for problem in found.problems]
    assert "segment-missing" in codes and "document-damaged" in codes
    (missing,) = [p for p in found.problems if p.code == "segment-missing"]
    assert missing.startswith("segment ") and missing.endswith("… is missing")
    assert missing == PROBLEMS["segment-missing"].format(**missing.values)


def test_the_persian_window_shows_what_the_check_found_in_persian(
    persian: None, qtbot: QtBot, make_window, location, archive_folder: Path
) -> None:
    _without_its_segment(archive_folder)
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    window.care.check_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, CheckDialog)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    text = dialog.outcome.text()
    assert "قطعهٔ ذخیره‌سازی" in text and "نیست" in text
    assert "segment" not in text and "is missing" not in text
    dialog.reject()


def test_a_broken_log_says_why_in_persian_with_persian_digits(persian: None) -> None:
    (line,) = found_lines([Problem("audit-broken", entry=3, reason=audit.CHANGED)])
    assert line == "مورد ۳ در دفتر تغییرات شکسته است: محتوایش پس از نوشته شدن تغییر کرده است"
    # SQLite's own words are never shown: the summary above says the database is damaged.
    assert found_lines([Problem("database", message="row 5 missing from index")]) == []
