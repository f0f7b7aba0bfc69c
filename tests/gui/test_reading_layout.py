"""Room to read and transcribe: the page and its text side by side at the full height, the
sidebar and the list tucked away with one key, the details a panel that can be hidden, a
document without pages giving its texts the whole width; the dividers kept inside the
archive (never in the settings file); a window that fits a 1366×768 laptop."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core import settings
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.scans.importer import add_pages
from amanat.core.storage import documents, texts
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.reading_layout import WindowLayout
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]
SMALL_LAPTOP = QSize(1280, 680)


@pytest.fixture
def reading_folder(archive_folder: Path) -> Path:
    """A letter with a page and its transcription, and a testimony typed in (no page)."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Letter from Evin"))
        texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "مادر عزیزم، سلام."))
        buffer = io.BytesIO()
        Image.new("RGB", (400, 600), (250, 246, 236)).save(buffer, "PNG")
        add_pages(db, letter.id, buffer.getvalue(), "page-1.png")
        testimony = documents.add(
            db, Document(kind=DocumentKind.TESTIMONY, title="Testimony of a cellmate")
        )
        texts.add(db, Text(testimony.id, TextKind.TRANSCRIPTION, "en", "She was taken at night."))
    return archive_folder


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.resize(SMALL_LAPTOP)
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def _show(window: MainWindow, title: str) -> None:
    view = window.archive_view
    for row in range(view.documents.rowCount()):
        view.select_document(view.documents.document_id(row))
        shown = view.document.shown
        if shown is not None and shown.document.title == title:
            QApplication.processEvents()
            return
    raise AssertionError(f"no document {title!r}")


def _settings_file(location: RememberedLocation) -> str:
    return location.file.read_text(encoding="utf-8") if location.file.exists() else ""


def _stored_layout(folder: Path) -> str | None:
    with Archive.open(folder, PASSWORD) as archive:
        return settings.load(archive.db).window_layout


def test_the_page_and_its_text_are_side_by_side_at_the_full_height(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    document = window.archive_view.document
    # The page's column is the page viewer with its strip of thumbnails under it.
    pages, text, panel = document.page_column, document.texts, document.lower_tabs
    assert pages.isVisible() and text.isVisible() and panel.isVisible()
    page_box = pages.geometry()
    text_box = text.geometry()
    # Beside each other, not stacked: the same top, the same height, the text after the page.
    assert page_box.top() == text_box.top()
    assert page_box.height() == text_box.height()
    assert text_box.left() >= page_box.right()
    # The details are a panel beside the text, not a band over or under it.
    assert panel.geometry().top() == text_box.top()
    assert panel.geometry().height() == text_box.height()


def test_the_reading_layout_gives_the_document_the_whole_window_and_the_same_key_undoes_it(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    view = window.archive_view
    before = view.document.texts.height()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.Modifier.SHIFT)
    assert view.reading_action.isChecked()
    assert not view.sidebar.isVisible()
    assert not view.list_column.isVisible()
    QApplication.processEvents()
    # The text grew to the height the list had, and the document fills the window's width.
    assert view.document.texts.height() > before + 100
    assert view.document.width() >= view.width() - 2
    assert view.document.shown is not None  # still the same document, nothing lost
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.Modifier.SHIFT)
    assert not view.reading_action.isChecked()
    assert view.sidebar.isVisible() and view.list_column.isVisible()


def test_the_reading_layout_is_in_the_view_menu(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    [view_menu] = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text() == window.tr("&View")
    ]
    assert window.archive_view.reading_action in view_menu.actions()
    assert window.archive_view.details_panel_action in view_menu.actions()
    assert window.archive_view.reading_action.shortcut().toString() == "Ctrl+Shift+R"


def test_a_document_without_pages_gives_its_texts_the_whole_width(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    document = window.archive_view.document
    _show(window, "Letter from Evin")
    with_page = document.texts.width()
    _show(window, "Testimony of a cellmate")
    assert not document.pages.isVisible()
    assert document.texts.width() > with_page + 150
    # And back on a letter, its page takes its room again, not a sliver.
    _show(window, "Letter from Evin")
    assert document.pages.isVisible()
    assert document.pages.width() >= document.pages.minimumSizeHint().width()
    assert document.pages.width() > 150


def test_the_details_panel_hides_and_an_annotation_shown_brings_it_back(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    document = window.archive_view.document
    with_panel = document.texts.width()
    qtbot.mouseClick(document.details_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not document.lower_tabs.isVisible()
    assert not window.archive_view.details_panel_action.isChecked()
    assert document.texts.width() > with_panel
    document.reveal_annotations()
    assert document.lower_tabs.isVisible()
    assert document.lower_tabs.currentWidget() is document.annotations
    assert document.lower_tabs.width() > 100


def test_the_layout_is_kept_in_the_archive_and_never_in_the_settings_file(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    view = window.archive_view
    view.list_split.setSizes([240, 400])
    placed = view.list_split.sizes()[0]  # 240 scaled to the room there is
    view.list_split.splitterMoved.emit(placed, 1)  # as a drag of the divider tells it
    view.document.set_details_visible(False)
    view.reading_action.trigger()
    window.lock()
    stored = WindowLayout.parse(_stored_layout(reading_folder))
    assert stored.reading and not stored.details
    assert stored.sizes["list"][0] == placed  # the list's place before reading hid it
    assert "reading" not in _settings_file(location) and "list" not in _settings_file(location)
    # A new session finds it as it was left.
    window.unlock(PASSWORD)
    assert view.reading
    assert not view.document.details_visible
    view.reading_action.trigger()
    assert abs(view.list_split.sizes()[0] - placed) <= 3  # the same place, give or take rounding


def test_a_lock_after_only_reading_writes_no_layout(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    window.lock()
    assert _stored_layout(reading_folder) is None


@pytest.fixture(params=["en", "fa"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_language(qapp, Preferences.for_language(request.param))
    yield request.param
    apply_language(qapp, Preferences())


def test_the_window_fits_a_small_laptop_in_both_languages(
    make_window: MakeWindow,
    location: RememberedLocation,
    reading_folder: Path,
    preferences: Preferences,
    language: str,
) -> None:
    preferences.language = language
    window = _opened(make_window, location, reading_folder)
    assert window.isRightToLeft() == (language == "fa")
    for reading in (False, True):
        window.archive_view.set_reading(reading)
        for title in ("Letter from Evin", "Testimony of a cellmate"):
            _show(window, title)
            smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
            assert smallest.width() <= SMALL_LAPTOP.width(), (reading, title, smallest)
            assert smallest.height() <= SMALL_LAPTOP.height(), (reading, title, smallest)
    window.lock()
    for screen in (window.unlock_page, window.welcome):
        window.stack.setCurrentWidget(screen)
        smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert smallest.width() <= SMALL_LAPTOP.width(), (screen, smallest)
        assert smallest.height() <= SMALL_LAPTOP.height(), (screen, smallest)


def test_the_first_size_fits_the_screen_it_opens_on(make_window: MakeWindow) -> None:
    window = make_window()
    window.fit_to_screen()
    screen = window.screen()
    assert screen is not None
    free = screen.availableGeometry()
    assert window.width() <= free.width()
    assert window.height() <= free.height()
    assert free.contains(window.frameGeometry().topLeft())


def test_find_leaves_the_reading_layout_for_the_search_field_above_the_list(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    _show(window, "Letter from Evin")
    view = window.archive_view
    view.set_reading(True)
    view.find_action.trigger()
    assert not view.reading and not view.reading_action.isChecked()
    assert view.search_field.isVisible()
    assert view.search_field.hasFocus()


def test_with_no_document_chosen_only_the_sentence_saying_so_is_shown(
    make_window: MakeWindow, location: RememberedLocation, reading_folder: Path
) -> None:
    window = _opened(make_window, location, reading_folder)
    document = window.archive_view.document
    assert document.document_id is None
    assert document.title.isVisible()
    assert not document.reading_split.isVisible()
    assert not document.details_button.isVisible() and not document.edit_button.isVisible()
    _show(window, "Letter from Evin")
    assert document.reading_split.isVisible() and document.edit_button.isVisible()
