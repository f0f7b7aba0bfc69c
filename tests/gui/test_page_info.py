"""A page's metadata report and its copy, in the window, driven as a user would: Edit → Page
Information… and the page strip's menu show what `amanat page show` prints, flagged items
said first in plain words; Export Page… writes a sanitised copy unless the original is
chosen, and then says what the original carries. In English and in Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents
from amanat.core.vault import Archive
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.page_info import PageExportDialog, PageInfo, PageInfoDialog
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


class SaveAnswer(FileChooser):
    """Answers 'where to write?' with ``answer``; remembers the name it offered."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.suggested: list[str] = []

    def new_file(
        self, parent: QWidget | None, title: str, pattern: str, suggested: str
    ) -> Path | None:
        self.suggested.append(suggested)
        return self.answer


@pytest.fixture
def opened(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path, tmp_path: Path
) -> Callable[[bytes], tuple[MainWindow, str]]:
    """The window on a letter whose one page is ``data``, that letter shown."""

    def open_with(data: bytes) -> tuple[MainWindow, str]:
        photo = tmp_path / "IMG_0042.jpg"
        photo.write_bytes(data)
        with Archive.open(archive_folder, PASSWORD) as archive:
            document = documents.add(
                archive.db, Document(kind=DocumentKind.LETTER, title="Letter from Evin")
            )
            import_files(archive.db, [photo], ImportOptions(document_id=document.id))
        location.remember(archive_folder)
        window = make_window()
        window.unlock(PASSWORD)
        window.archive_view.select_document(document.id)
        return window, document.id

    return open_with


def _info(window: MainWindow) -> PageInfo:
    return window.page_info


def _texts(dialog: QWidget) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_page_information_shows_the_report_with_what_can_harm_said_first(
    opened: Callable[[bytes], tuple[MainWindow, str]],
) -> None:
    window, _ = opened(make.jpeg(gps=True, names=True))
    info = _info(window)
    assert info.info_action in window.menuBar().actions()[1].menu().actions()  # Edit
    assert info.info_action.isEnabled()

    info.info_action.trigger()

    dialog = info.dialog
    assert isinstance(dialog, PageInfoDialog) and dialog.isVisible()
    warnings = [label.text() for label in dialog.warnings]
    assert len(warnings) == 2
    assert "GPS position" in warnings[0] and "sanitised copy" in warnings[0]
    assert "names a person" in warnings[1]
    rows = dict(dialog.rows)
    assert rows["Camera"] == f"{make.MAKE} {make.MODEL}"
    assert rows["Taken"] == make.CAPTURED
    assert rows["Original file"] == "IMG_0042.jpg"
    assert rows["Page"] == "Page 1 of the document"
    assert rows["GPS position"].startswith("35.79708, 51.39450")
    people = [value for name, value in dialog.rows if name == "Person named"]
    assert make.ARTIST in people and make.XP_AUTHOR in people
    assert "EXIF" in rows["Metadata blocks"]
    assert any(make.ARTIST in text for text in _texts(dialog))


def test_a_page_with_nothing_to_hide_says_so(
    opened: Callable[[bytes], tuple[MainWindow, str]],
) -> None:
    window, _ = opened(make.png(make.marked()))
    info = _info(window)
    info.show_info()
    dialog = info.dialog
    assert isinstance(dialog, PageInfoDialog)
    assert dialog.warnings == []
    assert "Nothing in this page's file names a place or a person." in _texts(dialog)
    assert dict(dialog.rows)["Metadata blocks"] == "none"


def test_the_page_strip_menu_and_the_page_itself_offer_information_and_export(
    opened: Callable[[bytes], tuple[MainWindow, str]],
) -> None:
    window, _ = opened(make.jpeg())
    page = window.archive_view.document.pages.picture
    assert page.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    # (Remove Redaction is there too, shown only on a redacted box: tests/gui/test_redaction.py.)
    offered = [a.text() for a in page.actions() if a.isVisible()]
    assert offered == ["Page Information…", "Export Page…"]
    strip = window.archive_view.document.page_strip
    menu = strip.context_menu()
    texts = [action.text() for action in menu.actions()]
    assert "Page Information…" in texts and "Export Page…" in texts
    menu.deleteLater()


def test_export_writes_a_sanitised_copy_by_default(
    opened: Callable[[bytes], tuple[MainWindow, str]], tmp_path: Path
) -> None:
    window, _ = opened(make.jpeg(gps=True, names=True))
    info = _info(window)
    chooser = SaveAnswer(tmp_path / "out" / "copy")
    (tmp_path / "out").mkdir()
    info.chooser = chooser

    info.export_action.trigger()
    dialog = info.dialog
    assert isinstance(dialog, PageExportDialog)
    assert dialog.sanitised.isChecked() and not dialog.original
    assert not dialog.warning.isVisible()  # said only when the original is chosen
    dialog.save_button.click()

    assert chooser.suggested == ["page-1.jpg"]  # nothing of the letter in the name
    written = tmp_path / "out" / "copy.jpg"
    data = written.read_bytes()
    for secret in make.SECRETS:
        assert secret.encode() not in data
    with Image.open(written) as picture:
        assert not picture.getexif()
    assert window.statusBar().currentMessage() == (
        f"Wrote a sanitised copy of page 1 (no metadata) to {written}."
    )


def test_export_of_the_original_warns_of_what_it_carries_and_keeps_every_byte(
    opened: Callable[[bytes], tuple[MainWindow, str]], tmp_path: Path
) -> None:
    original = make.jpeg(gps=True, names=True)
    window, _ = opened(original)
    info = _info(window)
    info.chooser = SaveAnswer(tmp_path / "original.jpg")
    info.show_info()
    info_dialog = info.dialog
    assert isinstance(info_dialog, PageInfoDialog)
    info_dialog.export_button.click()  # from the report to the export
    dialog = info.dialog
    assert isinstance(dialog, PageExportDialog) and not info_dialog.isVisible()

    dialog.original_choice.click()
    assert dialog.warning.isVisible()
    warning = dialog.warning.text()
    assert "where it was taken" in warning and make.ARTIST in warning
    dialog.save_button.click()

    assert (tmp_path / "original.jpg").read_bytes() == original


def test_export_onto_an_existing_file_is_refused_in_one_sentence_and_changes_nothing(
    opened: Callable[[bytes], tuple[MainWindow, str]], tmp_path: Path
) -> None:
    window, _ = opened(make.jpeg())
    taken = tmp_path / "taken.jpg"
    taken.write_bytes(b"the user's own file")
    info = _info(window)
    info.chooser = SaveAnswer(taken)
    info.export()
    dialog = info.dialog
    assert isinstance(dialog, PageExportDialog)
    dialog.save_button.click()
    assert taken.read_bytes() == b"the user's own file"
    message = window.statusBar().currentMessage()
    assert str(taken) in message and "Traceback" not in message
    assert message.count(".") >= 1 and "\n" not in message


def test_cancelling_the_file_choice_writes_nothing(
    opened: Callable[[bytes], tuple[MainWindow, str]], tmp_path: Path
) -> None:
    window, _ = opened(make.jpeg())
    info = _info(window)
    info.chooser = SaveAnswer(None)
    info.export()
    dialog = info.dialog
    assert isinstance(dialog, PageExportDialog)
    dialog.save_button.click()
    assert list(tmp_path.glob("*.jpg")) == [tmp_path / "IMG_0042.jpg"]


def test_lock_closes_the_report(opened: Callable[[bytes], tuple[MainWindow, str]]) -> None:
    window, _ = opened(make.jpeg(names=True))
    info = _info(window)
    info.show_info()
    dialog = info.dialog
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert info.dialog is None
    assert not dialog.isVisible()
    assert not info.info_action.isEnabled()  # no page shown: nothing to report on


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def test_the_report_speaks_persian(
    persian: None, opened: Callable[[bytes], tuple[MainWindow, str]]
) -> None:
    window, _ = opened(make.jpeg(gps=True, names=True))
    info = _info(window)
    assert info.info_action.text() == "اطلاعات صفحه…"
    info.show_info()
    dialog = info.dialog
    assert isinstance(dialog, PageInfoDialog)
    rows = dict(dialog.rows)
    assert rows["دوربین"] == f"{make.MAKE} {make.MODEL}"
    assert rows["صفحه"] == "صفحهٔ ۱ سند"
    assert rows["موقعیت جی‌پی‌اس"].startswith("۳۵٫۷۹۷۰۸")
    assert "نسخهٔ پاک" in dialog.warnings[0].text()


def test_ctrl_l_in_the_report_locks(
    opened: Callable[[bytes], tuple[MainWindow, str]], qtbot: QtBot
) -> None:
    window, _ = opened(make.jpeg(names=True))
    info = _info(window)
    info.show_info()
    dialog = info.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not dialog.isVisible() and info.dialog is None
