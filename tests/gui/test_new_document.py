"""Documents without scans, written in the window: "New letter…" (Ctrl+N), "New testimony…"
and "New note…" ask for the details, make the document with an empty first text, choose it
and put the cursor in that text; and what is typed there is never lost, whether the user
locks, quits or moves to another document. Driven through the widgets: keys, clicks, menus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import Audience, Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.models.document_list import ID_ROLE
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.new_document import NewDocumentDialog
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from tests.gui.test_editing import _type
from tests.gui.test_persian_interface import not_persian
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]

TESTIMONY = "He was kept in Ward 209 for forty days and saw no doctor."


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    """Type the password on the unlock screen and press Enter."""
    field = window.unlock_page.password
    qtbot.keyClicks(field, PASSWORD)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.is_unlocked


def _opened(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, folder: Path
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    _unlock(qtbot, window)
    return window


def _menu_action(window: MainWindow, name: str) -> QAction:
    """The File menu's entry ``name``, as the user finds it there."""
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    found = [a for a in file_menu.actions() if a.objectName() == name]
    assert len(found) == 1, name
    return found[0]


def _dialog(window: MainWindow) -> NewDocumentDialog:
    dialog = window.new_documents.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _create(qtbot: QtBot, dialog: NewDocumentDialog) -> None:
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _typing_into(window: MainWindow) -> TextEditor:
    """The text editor that has the keyboard."""
    focused = QApplication.focusWidget()
    for editor in window.archive_view.document.editors:
        if focused is editor.body:
            return editor
    raise AssertionError(f"no text editor has the keyboard, {focused!r} has")


def _stored(folder: Path) -> list[tuple[Document, list[Text]]]:
    with Archive.open(folder, PASSWORD) as archive:
        db = archive.db
        return [(d, texts.texts_of(db, d.id)) for d in documents.list_documents(db)]


def _title_shown(window: MainWindow) -> str:
    return window.archive_view.document.title.text().strip("\u2066\u2067\u2068\u2069")


def test_ctrl_n_writes_a_letter_which_is_chosen_and_typed_into_at_once(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window)
    assert dialog.windowTitle() == "New letter"
    assert not dialog.consent.isVisible()  # asked of a witness only
    assert not dialog.save_button.isEnabled()  # no title yet
    qtbot.keyClicks(dialog.title, "Letter from Evin")
    qtbot.keyClicks(dialog.date.field, "14 Mordad 1403")
    qtbot.keyClicks(dialog.how, "read out on the phone")
    _create(qtbot, dialog)

    view = window.archive_view
    assert window.new_documents.dialog is None
    assert view.documents.rowCount() == 1
    assert view.table.currentIndex().data(ID_ROLE) == view.document.document_id
    assert _title_shown(window) == "Letter from Evin"
    editor = _typing_into(window)
    assert (editor.kind, editor.language_code(), editor.body.toPlainText()) == (
        TextKind.TRANSCRIPTION,
        "en",
        "",
    )
    qtbot.keyClicks(editor.body, "Dear mother, I am well.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified
    window.lock()

    [(document, [text])] = _stored(archive_folder)
    assert (document.kind, document.title, document.provenance.how) == (
        DocumentKind.LETTER,
        "Letter from Evin",
        "read out on the phone",
    )
    assert document.date is not None and str(document.date.start) == "2024-08-04"
    assert (text.kind, text.language, text.body) == (
        TextKind.TRANSCRIPTION,
        "en",
        "Dear mother, I am well.",
    )


def test_a_new_testimony_is_private_until_changed_and_typing_survives_a_lock(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    _menu_action(window, "new-testimony").trigger()
    dialog = _dialog(window)
    assert dialog.windowTitle() == "New testimony"
    assert dialog.consent.isVisible()
    assert dialog.audience.currentData() == Audience.PRIVATE.value
    assert not dialog.withdrawn.isVisible()  # nobody withdraws what is not written yet
    qtbot.keyClicks(dialog.title, "Testimony of a cellmate")
    dialog.audience.setCurrentIndex(dialog.audience.findData(Audience.ADVOCATES.value))
    qtbot.keyClick(dialog.anonymise, Qt.Key.Key_Space)
    _create(qtbot, dialog)
    qtbot.keyClicks(_typing_into(window).body, TESTIMONY)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # not saved
    assert not window.is_unlocked
    assert not window.unlock_page.error.isVisibleTo(window)  # nothing to warn about
    _unlock(qtbot, window)
    view = window.archive_view
    view.select_document(view.documents.document_id(0))
    [editor] = view.document.editors
    assert editor.body.toPlainText() == TESTIMONY
    assert not editor.is_modified
    [(document, [text])] = _stored_after_lock(window, archive_folder)
    assert document.kind is DocumentKind.TESTIMONY
    assert (document.consent.audience, document.consent.anonymise) == (Audience.ADVOCATES, True)
    assert (text.kind, text.body) == (TextKind.TRANSCRIPTION, TESTIMONY)


def _stored_after_lock(window: MainWindow, folder: Path) -> list[tuple[Document, list[Text]]]:
    window.lock()
    return _stored(folder)


def test_a_new_document_with_an_impossible_date_is_not_made(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    window.new_document_action(DocumentKind.LETTER).trigger()
    dialog = _dialog(window)
    qtbot.keyClicks(dialog.title, "Letter with a wrong date")
    qtbot.keyClicks(dialog.date.field, "30 Esfand 1400")  # 1400 is not a leap year
    assert not dialog.save_button.isEnabled()
    assert "Esfand 1400 has only 29 days" in dialog.date.meaning.text()
    qtbot.keyClick(dialog.date.field, Qt.Key.Key_Return)  # Enter does not make it either
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.new_documents.dialog is None
    assert window.archive_view.documents.rowCount() == 0
    window.lock()
    assert _stored(archive_folder) == []


def test_a_note_chosen_in_the_kind_field_starts_with_a_summary_saved_on_leaving_it(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    view = window.archive_view
    count = view.documents.rowCount()
    window.new_document_action(DocumentKind.LETTER).trigger()
    dialog = _dialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.NOTE.value))
    assert dialog.windowTitle() == "New note"
    qtbot.keyClicks(dialog.title, "Call with the lawyer")
    _create(qtbot, dialog)
    assert view.documents.rowCount() == count + 1
    editor = _typing_into(window)
    assert editor.kind is TextKind.SUMMARY
    qtbot.keyClicks(editor.body, "The appeal is heard next month.")
    note_id = view.document.document_id

    # A click on another row: the first, since an undated note is listed last.
    other = view.documents.document_id(0)
    assert other != note_id
    cell = view.table.visualRect(view.documents.index(0, 0)).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert view.document.document_id == other
    stored = dict((d.id, t) for d, t in _stored_after_lock(window, filled_folder))
    assert [(t.kind, t.body) for t in stored[note_id or ""]] == [
        (TextKind.SUMMARY, "The appeal is heard next month.")
    ]


def test_quitting_saves_what_was_typed_in_a_new_letter(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window)
    qtbot.keyClicks(dialog.title, "Unfinished letter")
    _create(qtbot, dialog)
    qtbot.keyClicks(_typing_into(window).body, "Half a sentence")
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert not window.is_unlocked
    [(_, [text])] = _stored(archive_folder)
    assert text.body == "Half a sentence"


def test_a_new_letter_written_on_a_persons_page_is_about_them_and_stays_in_their_list(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    view = window.archive_view
    content = view.sidebar_content
    assert content is not None
    prisoner = content.prisoners[0]
    view.show_person(prisoner.id)
    dialog = window.new_document(DocumentKind.LETTER)
    assert dialog is not None
    assert dialog.fields().concerned_ids == (prisoner.id,)
    qtbot.keyClicks(dialog.title, "A letter about her")
    _create(qtbot, dialog)
    assert view.sidebar.currentIndex().data(FILTER_ROLE).person_id == prisoner.id
    assert view.table.currentIndex().data(ID_ROLE) == view.document.document_id
    assert _title_shown(window) == "A letter about her"


@pytest.fixture
def persian_window(
    qapp: QApplication,
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    preferences: Preferences,
) -> Iterator[MainWindow]:
    persian = Preferences.for_language("fa")
    preferences.language, preferences.calendar = persian.language, persian.calendar
    apply_language(qapp, preferences)
    try:
        yield _opened(qtbot, make_window, location, archive_folder)
    finally:
        apply_language(qapp, Preferences())


def test_the_persian_new_testimony_is_all_persian_and_keeps_a_persian_date_and_text(
    qtbot: QtBot, persian_window: MainWindow, archive_folder: Path
) -> None:
    window = persian_window
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    assert not_persian(file_menu) == []
    assert _menu_action(window, "new-letter").text() == "نامهٔ تازه…"
    _menu_action(window, "new-testimony").trigger()
    dialog = _dialog(window)
    assert dialog.windowTitle() == "شهادت تازه"
    _type(dialog.title, "شهادت هم‌بندی")
    _type(dialog.date.field, "۱۴ مرداد ۱۴۰۳")
    assert not_persian(dialog) == []
    _create(qtbot, dialog)
    editor = _typing_into(window)
    assert editor.language_code() == "fa"
    assert editor.body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    _type(editor.body, "او را چهل روز در بند ۲۰۹ نگه داشتند.")
    [(document, [text])] = _stored_after_lock(window, archive_folder)
    assert (document.title, document.consent.audience) == ("شهادت هم‌بندی", Audience.PRIVATE)
    assert document.date is not None and str(document.date.start) == "2024-08-04"
    assert (text.language, text.body) == ("fa", "او را چهل روز در بند ۲۰۹ نگه داشتند.")


def test_locking_with_the_dialog_open_makes_the_document_if_it_can_be_made(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window)
    qtbot.keyClicks(dialog.title, "Letter begun before the lock")
    # Ctrl+L in the dialog, once it is the window the keys go to.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    qtbot.keyClick(dialog.title, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert window.new_documents.dialog is None
    [(document, [text])] = _stored(archive_folder)
    assert (document.title, text.body) == ("Letter begun before the lock", "")

    # One that cannot be made (its date cannot be read) is dropped, as the event editor's is.
    _unlock(qtbot, window)
    window.new_document_action(DocumentKind.NOTE).trigger()
    dialog = _dialog(window)
    qtbot.keyClicks(dialog.title, "Note with a wrong date")
    qtbot.keyClicks(dialog.date.field, "31 April 2024")
    window.lock()
    assert [d.title for d, _ in _stored(archive_folder)] == ["Letter begun before the lock"]


def test_ctrl_n_does_nothing_while_the_archive_is_locked(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    location.remember(archive_folder)
    window = make_window()
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.keyClick(window.unlock_page.password, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.new_documents.dialog is None
    assert window.new_document(DocumentKind.TESTIMONY) is None
    assert not window.new_document_action(DocumentKind.LETTER).isVisible()
