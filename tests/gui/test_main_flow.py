"""The main flow as a new user walks it, end to end through the window: create an archive,
import two scans as one letter, transcribe it, tag it, find it, lock, unlock, and find it
all still there. Also what a lock does to an import still running.

(A lock during an edit not yet saved keeps the edit: see
test_editing.test_locking_saves_an_unsaved_edit_and_a_new_text_before_the_lock.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.check import check
from amanat.core.keyslots import FLOOR
from amanat.core.records import DocumentKind, TextKind
from amanat.core.scans import ImportProgress
from amanat.core.storage import documents, pages, texts
from amanat.core.vault import Archive
from amanat.gui.create_archive import NewArchive
from amanat.gui.import_dialog import ImportDialog
from amanat.gui.main_window import MainWindow
from amanat.gui.search_panel import DEBOUNCE_MS
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Done, Failed, Operation, SynchronousWorker
from tests.helpers import scan_files as make
from tests.helpers.gui import FakeChooser, FakeDialogs

MakeWindow = Callable[[], MainWindow]
T = TypeVar("T")

NEW_PASSWORD = "a long enough password"
TRANSCRIPTION = "مادر عزیزم، نامه‌ات رسید."
WORD = "نامه‌ات"


def _type(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a Persian keyboard layout sends them (QTest's
    keyClicks knows only ASCII)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def _scans(folder: Path) -> list[Path]:
    folder.mkdir()
    first, second = folder / "page1.png", folder / "page2.jpg"
    first.write_bytes(make.png())
    second.write_bytes(make.jpeg())
    return [first, second]


def _create(
    qtbot: QtBot, make_window: MakeWindow, dialogs: FakeDialogs, folder: Path
) -> MainWindow:
    dialogs.new = NewArchive(folder, NEW_PASSWORD, with_recovery_code=True)
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert window.archive_view.documents.rowCount() == 0
    return window


def test_a_new_user_creates_imports_transcribes_tags_finds_locks_and_finds_it_again(
    qtbot: QtBot,
    make_window: MakeWindow,
    dialogs: FakeDialogs,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "family.amanat"
    window = _create(qtbot, make_window, dialogs, folder)
    assert len(dialogs.codes_shown) == 1
    view = window.archive_view

    # Import: the menu asks for the files, the dialog for how to file them.
    chooser.files = _scans(tmp_path / "scans")
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.LETTER.value))
    dialog.one_letter.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and not dialog.outcome.report.cancelled
    report = dialog.outcome.report
    assert len(report.documents) == 1 and report.pages_added == 2
    document_id = report.documents[0].document_id
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.import_dialog is None
    # The offscreen platform does not give the window back its activation when a dialog
    # closes, as a desktop does; window shortcuts (Ctrl+L) need it.
    with qtbot.waitActive(window):
        window.activateWindow()

    # Open it by clicking its row in the list.
    assert view.documents.rowCount() == 1
    row = view.documents.row_of(document_id)
    assert row is not None
    view.table.scrollTo(view.documents.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
    cell = view.table.visualRect(view.documents.index(row, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert view.document.document_id == document_id

    # Transcribe: a new transcription, typed in Persian, saved with Ctrl+S.
    add = view.document.add_text_button.menu().findChild(
        type(window.lock_action), "add-transcription"
    )
    assert add is not None
    add.trigger()
    editor = view.document.texts.currentWidget()
    assert isinstance(editor, TextEditor) and editor.kind is TextKind.TRANSCRIPTION
    _type(editor.body, TRANSCRIPTION)
    assert editor.is_modified
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified and editor.stored

    # Tag it: a new tag, whose colour the (fake) colour dialog chooses.
    view.document.tags.field.setFocus()
    qtbot.keyClicks(view.document.tags.field, "family/mother")
    qtbot.keyClick(view.document.tags.field, Qt.Key.Key_Return)
    assert view.document.tags.paths == ["family/mother"]

    # Find it by a word of its transcription.
    view.search_field.setFocus()
    with qtbot.waitSignal(view.search.searched, timeout=DEBOUNCE_MS * 10):
        _type(view.search_field, WORD)
    assert view.list_or_results.currentWidget() is view.search
    found = [view.search.model.hit(r) for r in range(view.search.model.rowCount())]
    assert [hit.document_id for hit in found] == [document_id]

    # Lock with Ctrl+L: the views are emptied; unlock with the password typed.
    qtbot.keyClick(view.search_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert view.documents.rowCount() == 0
    window.unlock_page.password.setFocus()
    qtbot.keyClicks(window.unlock_page.password, NEW_PASSWORD)
    qtbot.keyClick(window.unlock_page.password, Qt.Key.Key_Return)
    assert window.is_unlocked

    # Everything is still there: the letter, its two pages, its text and its tag.
    assert view.documents.rowCount() == 1
    view.select_document(document_id)
    assert view.document.document_id == document_id
    assert view.document.tags.paths == ["family/mother"]
    shown = [e for e in view.document.editors if e.kind is TextKind.TRANSCRIPTION]
    assert [e.body.toPlainText() for e in shown] == [TRANSCRIPTION]
    window.lock()
    with Archive.open(folder, NEW_PASSWORD) as archive:
        assert len(pages.pages_of(archive.db, document_id)) == 2
        kept = texts.texts_of(archive.db, document_id)
        assert [(t.kind, t.language, t.body) for t in kept] == [
            (TextKind.TRANSCRIPTION, "fa", TRANSCRIPTION)
        ]


# --- A lock while an import runs ---------------------------------------------------------


class _OneThreadWorker(SynchronousWorker):
    """Runs operations at once, but one after another as ThreadWorker's single thread does.

    With the plain SynchronousWorker, the lock's close_archive, submitted from a progress
    callback, would run *inside* the import and close the database under it, which the
    application can never do: there the close waits in the thread's queue behind the import.
    This keeps that order and stays deterministic."""

    def __init__(self) -> None:
        super().__init__()
        self._busy = False
        self._waiting: list[Callable[[], None]] = []

    def submit(
        self,
        operation: Operation[T],
        owner: QObject,
        done: Done[T] | None = None,
        failed: Failed | None = None,
    ) -> None:
        if self._busy:
            self._waiting.append(partial(self.submit, operation, owner, done, failed))
            return
        self._busy = True
        try:
            super().submit(operation, owner, done, failed)
        finally:
            self._busy = False
        if self._waiting:
            self._waiting.pop(0)()


@pytest.fixture
def locking_window(
    qtbot: QtBot,
    location: RememberedLocation,
    preferences: Preferences,
    chooser: FakeChooser,
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> Iterator[MainWindow]:
    """An archive open in a window whose worker keeps ThreadWorker's order."""
    worker = _OneThreadWorker()
    dialogs.new = NewArchive(tmp_path / "family.amanat", NEW_PASSWORD, with_recovery_code=False)
    window = MainWindow(worker, location, preferences, chooser=chooser, dialogs=dialogs, kdf=FLOOR)
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.create_archive(dialogs.new)
    assert window.is_unlocked
    yield window
    window.lock()
    worker.shutdown()


def _numbered_scans(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    made = []
    for n in range(count):
        path = folder / f"page{n + 1}.png"
        path.write_bytes(make.png(make.marked((40 + 10 * n, 40))))  # each a different file
        made.append(path)
    return made


def _lock_after(window: MainWindow, dialog: ImportDialog, files_done: int) -> None:
    # The lock fires from the import's own progress, as the idle lock or Ctrl+L would
    # between two files.
    def maybe_lock(progress: ImportProgress) -> None:
        if progress.done == files_done and window.is_unlocked:
            window.lock()

    dialog.advanced.connect(maybe_lock)


def _reopened_is_sound(window: MainWindow, folder: Path) -> list[tuple[str, int]]:
    """Unlock again through the window, then check the archive from the core: returns each
    document's title and page count."""
    window.unlock(NEW_PASSWORD)
    assert window.is_unlocked
    listed = window.archive_view.documents.rowCount()
    window.lock()
    with Archive.open(folder, NEW_PASSWORD) as archive:
        assert check(archive.db).healthy
        found = [
            (document.title, len(pages.pages_of(archive.db, document.id)))
            for document in documents.list_documents(archive.db)
        ]
    assert len(found) == listed
    return sorted(found)


def test_a_lock_during_an_import_keeps_only_the_files_already_imported(
    locking_window: MainWindow, tmp_path: Path
) -> None:
    window = locking_window
    dialog = window.import_paths(_numbered_scans(tmp_path / "scans", 5))
    assert dialog is not None
    _lock_after(window, dialog, files_done=2)
    dialog.start()
    assert not window.is_unlocked
    assert window.import_dialog is None  # closed by the lock
    assert _reopened_is_sound(window, tmp_path / "family.amanat") == [
        ("page1", 1),
        ("page2", 1),
    ]


def test_a_lock_during_a_one_letter_import_keeps_none_of_the_letter(
    locking_window: MainWindow, tmp_path: Path
) -> None:
    window = locking_window
    dialog = window.import_paths(_numbered_scans(tmp_path / "scans", 5))
    assert dialog is not None
    dialog.one_letter.setChecked(True)
    _lock_after(window, dialog, files_done=2)
    dialog.start()
    assert not window.is_unlocked
    assert _reopened_is_sound(window, tmp_path / "family.amanat") == []
