"""The strip of page thumbnails, driven as a user would: files dropped from the file manager
on the strip and on the page viewer, a page dragged to another place, Delete, the context
menu, undo; what cannot be done is said in one sentence, in English and in Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.jobs import Progress
from amanat.core.records import Document, DocumentKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.import_dialog import ImportDialog
from amanat.gui.main_window import MainWindow
from amanat.gui.page_strip import PageStrip
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser, FakeDialogs

MakeWindow = Callable[[], MainWindow]
_sizes = iter(range(40, 400))


def _pictures(folder: Path, *names: str) -> list[Path]:
    """PNG files that differ from each other, so none is taken for another."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_bytes(make.png(make.marked((next(_sizes), 30))))
        paths.append(path)
    return paths


def _letter(folder: Path, tmp_path: Path, count: int, kind: DocumentKind) -> str:
    """A document with ``count`` pages in the locked archive at ``folder``."""
    with Archive.open(folder, PASSWORD) as archive:
        document = documents.add(archive.db, Document(kind=kind, title="Letter with pages"))
        files = _pictures(tmp_path / "setup", *(f"page{n}.png" for n in range(1, count + 1)))
        import_files(archive.db, files, ImportOptions(document_id=document.id))
    return document.id


def _order(folder: Path, document_id: str) -> list[str]:
    with Archive.open(folder, PASSWORD) as archive:
        return [p.original_name for p in pages.pages_of(archive.db, document_id)]


@pytest.fixture
def opened(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> Iterator[Callable[[int, DocumentKind], tuple[MainWindow, str]]]:
    def open_with(count: int, kind: DocumentKind = DocumentKind.LETTER) -> tuple[MainWindow, str]:
        document_id = _letter(archive_folder, archive_folder.parent, count, kind)
        location.remember(archive_folder)
        window = make_window()
        window.unlock(PASSWORD)
        window.archive_view.select_document(document_id)
        assert window.archive_view.document.document_id == document_id
        return window, document_id

    yield open_with


def _strip(window: MainWindow) -> PageStrip:
    return window.archive_view.document.page_strip


def _files_data(paths: list[Path]) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def _drop(target: QWidget, data: QMimeData, at: QPoint, action: Qt.DropAction) -> QDropEvent:
    """A drag entering ``target`` and dropped there, as the file manager or the strip does."""
    enter = QDragEnterEvent(
        at, action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        at.toPointF(), action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    return drop


def _drag_page(strip: PageStrip, row: int, onto_row: int, later_half: bool) -> None:
    """Drag the page at ``row`` and drop it on a half of the thumbnail at ``onto_row``."""
    data = strip.model.mimeData([strip.model.index(row)])
    rect = strip.view.visualRect(strip.model.index(onto_row))
    at = QPoint(rect.right() - 2 if later_half else rect.left() + 2, rect.center().y())
    _drop(strip.view.viewport(), data, at, Qt.DropAction.MoveAction)


def test_the_strip_shows_the_pages_in_order_and_a_click_turns_the_viewer(
    qtbot: QtBot, opened: Callable[..., tuple[MainWindow, str]], qtmodeltester: ModelTester
) -> None:
    window, _ = opened(3)
    strip = _strip(window)
    qtmodeltester.check(strip.model)
    assert strip.view.currentIndex().row() == 0  # the page the viewer shows
    assert strip.model.rowCount() == 3
    assert [strip.model.index(n).data() for n in range(3)] == ["1", "2", "3"]
    assert "page2.png" in strip.model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert not strip.model.index(0).data(Qt.ItemDataRole.DecorationRole).isNull()
    viewer = window.archive_view.document.pages
    rect = strip.view.visualRect(strip.model.index(2))
    qtbot.mouseClick(strip.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert viewer.position.text() == "Page 3 of 3"
    # The strip follows the viewer, so Delete removes the page being read.
    viewer.previous_button.click()
    assert strip.view.currentIndex().row() == 1
    assert strip.remove_action.isEnabled()


def test_files_dropped_on_the_strip_become_the_last_pages(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path, tmp_path: Path
) -> None:
    window, document_id = opened(1)
    strip = _strip(window)
    dropped = _pictures(tmp_path / "phone", "back.png", "envelope.png")

    drop = _drop(
        strip.view.viewport(), _files_data(dropped), QPoint(5, 5), Qt.DropAction.CopyAction
    )

    assert drop.isAccepted()
    assert window.import_dialog is None  # pages of this letter, not new documents
    assert strip.notice.text() == "Pages added: 2."
    assert strip.model.rowCount() == 3
    assert window.archive_view.document.pages.position.text() == "Page 1 of 3"
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "back.png", "envelope.png"]


def test_a_folder_of_mixed_files_dropped_on_the_viewer_adds_what_it_can(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path, tmp_path: Path
) -> None:
    window, document_id = opened(1)
    folder = tmp_path / "visit"
    _pictures(folder, "a.png", "c.png")
    (folder / "b.txt").write_text("a note, not a page", encoding="utf-8")
    (folder / "torn.jpg").write_bytes(b"\xff\xd8\xff\xe0 half a photo")
    viewer = window.archive_view.document.pages

    _drop(viewer, _files_data([folder]), QPoint(20, 20), Qt.DropAction.CopyAction)

    strip = _strip(window)
    lines = strip.notice.text().splitlines()
    assert lines[0] == "Pages added: 2."
    refused = lines[1:]
    assert len(refused) == 2
    assert any("b.txt" in line for line in refused)
    assert any("torn.jpg" in line for line in refused)
    assert all(line.count(". ") == 0 and "Traceback" not in line for line in refused)
    assert window.import_dialog is None
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "a.png", "c.png"]


def test_cancel_keeps_the_pages_added_before_it(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path, tmp_path: Path
) -> None:
    window, document_id = opened(1)
    strip = _strip(window)
    seen: list[int] = []

    def after_the_first(progress: Progress) -> None:
        seen.append(progress.done)
        if progress.done == 1:
            strip.cancel_button.click()

    strip.job.progressed.connect(after_the_first)
    dropped = _pictures(tmp_path / "many", "x.png", "y.png", "z.png")
    _drop(strip.view.viewport(), _files_data(dropped), QPoint(5, 5), Qt.DropAction.CopyAction)

    assert strip.notice.text().splitlines() == [
        "Pages added: 1.",
        "Cancelled: the files after it were not read.",
    ]
    assert not strip.running.isVisible()
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "x.png"]


def test_add_pages_from_the_file_menu(
    opened: Callable[..., tuple[MainWindow, str]],
    chooser: FakeChooser,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    window, document_id = opened(1)
    chooser.files = _pictures(tmp_path / "chosen", "more.png")
    file_menu = window.menuBar().actions()[0].menu()
    [add] = [a for a in file_menu.actions() if a.text() == "Add Pages…"]
    assert add.isEnabled()
    add.trigger()
    assert _strip(window).model.rowCount() == 2
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "more.png"]


def test_a_page_dragged_to_the_front_moves_there_and_undo_puts_it_back(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path
) -> None:
    window, document_id = opened(3)
    strip = _strip(window)
    view = window.archive_view

    _drag_page(strip, 2, 0, later_half=False)

    assert [strip.model.index(n).data(Qt.ItemDataRole.ToolTipRole) for n in range(3)] == [
        "Page 1 · page3.png",
        "Page 2 · page1.png",
        "Page 3 · page2.png",
    ]
    assert view.undo_action.text() == "Undo Move page 3 to place 1"
    view.undo_action.trigger()
    assert "page1.png" in strip.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    view.redo_action.trigger()
    # Dropped on the later half of the last page: it goes to the end.
    _drag_page(strip, 0, 2, later_half=True)
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "page2.png", "page3.png"]


def test_delete_in_the_strip_removes_the_page_and_undo_restores_it(
    qtbot: QtBot, opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path
) -> None:
    window, document_id = opened(3)
    strip = _strip(window)
    view = window.archive_view
    strip.select_page(1)
    strip.view.setFocus()

    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)

    assert strip.model.rowCount() == 2
    assert view.documents.rowCount() == 1  # the letter stays; only its page went
    assert view.undo_action.text() == "Undo Remove page 2"
    view.undo_action.trigger()
    assert strip.model.rowCount() == 3
    assert "page2.png" in strip.model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    # Removed again, and restored from the strip's menu instead.
    strip.select_page(0)
    strip.remove_action.trigger()
    menu = strip.context_menu()
    [restore] = [a for a in menu.actions() if a.text() == "Restore a Removed Page"]
    [page] = restore.menu().actions()
    assert page.text() == "Page 1 · page1.png"
    page.trigger()
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "page2.png", "page3.png"]


# The offscreen platform says these of every window and popup it shows: about itself, not us.
@pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints",
    "does not support raise",
    "does not support grabbing the keyboard",
)
def test_a_right_click_offers_the_strip_menu_on_that_page(
    qtbot: QtBot, opened: Callable[..., tuple[MainWindow, str]]
) -> None:
    window, _ = opened(3)
    strip = _strip(window)
    shown: list[list[str]] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        shown.append([a.text() for a in popup.actions() if not a.isSeparator()])
        popup.close()

    QTimer.singleShot(0, read_and_close)
    rect = strip.view.visualRect(strip.model.index(2))
    strip.view.customContextMenuRequested.emit(rect.center())

    assert shown == [
        ["Add Pages…", "Remove Page", "Restore a Removed Page", "Page Information…", "Export Page…"]
    ]
    assert strip.view.currentIndex().row() == 2
    assert window.archive_view.document.pages.position.text() == "Page 3 of 3"


def test_the_only_page_of_a_letter_stays_with_one_sentence(
    qtbot: QtBot, opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path
) -> None:
    window, document_id = opened(1)
    strip = _strip(window)
    strip.select_page(0)
    strip.view.setFocus()
    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
    sentence = (
        "This is the letter's only page, so it stays; to remove the letter, move it to the trash."
    )
    assert strip.notice.text() == sentence
    assert window.statusBar().currentMessage() == sentence
    assert not window.archive_view.undo_stack.canUndo()
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png"]


def test_the_only_page_of_a_testimony_can_go(
    qtbot: QtBot, opened: Callable[..., tuple[MainWindow, str]]
) -> None:
    window, _ = opened(1, DocumentKind.TESTIMONY)
    strip = _strip(window)
    strip.select_page(0)
    strip.remove_action.trigger()
    assert strip.model.rowCount() == 0
    assert window.archive_view.document.pages.picture.text() == "No pages"


def test_files_dropped_outside_the_pages_still_import_as_new_documents(
    opened: Callable[..., tuple[MainWindow, str]], tmp_path: Path
) -> None:
    window, _ = opened(1)
    dropped = _pictures(tmp_path / "elsewhere", "new-letter.png")
    _drop(window, _files_data(dropped), QPoint(10, 10), Qt.DropAction.CopyAction)
    assert isinstance(window.import_dialog, ImportDialog)


def test_a_document_in_the_trash_takes_no_pages(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path, tmp_path: Path
) -> None:
    window, document_id = opened(2)
    view = window.archive_view
    view.trash_selected()
    view.show_document(document_id)
    strip = _strip(window)
    assert not strip.add_action.isEnabled()
    strip.select_page(0)
    assert not strip.remove_action.isEnabled()
    _drop(
        strip.view.viewport(),
        _files_data(_pictures(tmp_path / "late", "late.png")),
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
    )
    assert strip.notice.text() == (
        "This document is in the trash; restore it before changing its pages."
    )
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "page2.png"]


def test_emptying_the_trash_deletes_a_removed_page_for_good(
    opened: Callable[..., tuple[MainWindow, str]], dialogs: FakeDialogs, archive_folder: Path
) -> None:
    window, document_id = opened(2)
    view = window.archive_view
    assert not view.empty_trash_action.isEnabled()  # nothing in the trash yet
    strip = _strip(window)
    strip.select_page(1)
    strip.remove_action.trigger()
    assert view.empty_trash_action.isEnabled()
    dialogs.empty_trash_answer = True

    view.empty_trash_action.trigger()

    assert dialogs.empty_trash_asked == [1]
    assert not view.undo_stack.canUndo()  # the page it would restore is gone
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert archive.db.value("SELECT count(*) FROM pages") == 1
        assert archive.db.value("SELECT count(*) FROM files") == 1
    assert _order(archive_folder, document_id) == ["page1.png"]


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def test_the_strip_speaks_persian(
    persian: None,
    qtbot: QtBot,
    opened: Callable[..., tuple[MainWindow, str]],
    tmp_path: Path,
) -> None:
    window, _ = opened(1)
    strip = _strip(window)
    assert strip.add_action.text() == "افزودن صفحه…"
    strip.select_page(0)
    strip.view.setFocus()
    qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
    assert strip.notice.text() == (
        "این تنها صفحهٔ نامه است و می‌ماند؛ برای حذف نامه، آن را به سطل زباله ببرید."
    )
    _drop(
        strip.view.viewport(),
        _files_data(_pictures(tmp_path / "fa", "دوم.png")),
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
    )
    assert strip.notice.text() == "صفحه‌های افزوده: ۱."
    assert [strip.model.index(n).data() for n in range(2)] == ["۱", "۲"]
