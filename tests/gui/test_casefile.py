"""Export Case File… on a person's page: a save dialog, the writing with its progress, what
was written; a taken name is one sentence and the file stays as it was. And a bundle made in
the window carries its reader in the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from amanat.core.bundle.reader import Language
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences
from tests.core.test_timeline_pdf import pdf_text
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import CANARIES, Sample, fill
from tests.helpers.gui import FakeChooser


class _Chooser(FakeChooser):
    target: Path | None = None

    def new_file(self, parent, title, pattern, suggested):  # type: ignore[no-untyped-def]
        self.asked += 1
        return self.target


@pytest.fixture
def opened(make_window, location, archive_folder: Path, monkeypatch) -> tuple[MainWindow, Sample]:
    with Archive.open(archive_folder, PASSWORD) as archive:
        sample = fill(archive)
    monkeypatch.setattr("amanat.gui.casefile.FileChooser", _Chooser)
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window, sample


def test_case_file_button_writes_the_pdf_with_progress(opened, tmp_path: Path) -> None:
    window, sample = opened
    view = window.archive_view
    view.show_person(sample.prisoner)
    assert view.person.case_file_button.isVisible()
    _Chooser.target = tmp_path / "mahtab"
    view.person.case_file_button.click()
    dialog = view.case_file_dialog
    assert dialog is not None
    assert dialog.written is not None
    assert dialog.bar.value() == dialog.bar.maximum()
    written = tmp_path / "mahtab.pdf"  # the suffix added
    assert dialog.written.path == written
    assert "not encrypted" in dialog.status.text()
    assert dialog.buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    text = pdf_text(written.read_bytes())
    assert "Case file" in text and "Mahtab Rezvani" in text
    for canary in CANARIES:
        assert canary not in text
    dialog.close()


def test_a_taken_name_is_one_sentence_and_the_file_is_kept(opened, tmp_path: Path) -> None:
    window, sample = opened
    view = window.archive_view
    view.show_person(sample.prisoner)
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"mine")
    _Chooser.target = taken
    view.person.case_file_button.click()
    dialog = view.case_file_dialog
    assert dialog is not None and dialog.written is None
    assert "already exists" in dialog.status.text()
    assert "\n" not in dialog.status.text() and "Traceback" not in dialog.status.text()
    assert taken.read_bytes() == b"mine"
    dialog.close()


def test_choosing_no_file_writes_nothing(opened, tmp_path: Path) -> None:
    window, sample = opened
    view = window.archive_view
    view.show_person(sample.prisoner)
    _Chooser.target = None
    view.person.case_file_button.click()
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.fixture
def window_language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_language(qapp, Preferences.for_language(request.param))
    yield request.param
    apply_language(qapp, Preferences())


@pytest.mark.parametrize("window_language", ["fa", "en"], indirect=True)
def test_a_bundle_from_the_window_carries_a_reader_in_the_window_language(
    make_window, location, archive_folder: Path, window_language: str
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        fill(archive)
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    dialog = window.bundles.open_export()
    assert dialog is not None
    assert dialog.options().language is Language(window_language)
    window.bundles.close_all()
