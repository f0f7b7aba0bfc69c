"""Editing from the window: typing texts, the details dialog, tag colours; and what a lock
does with an edit not yet saved, with the clipboard and with the recovery code's sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeyEvent, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.errors import DiskFull
from amanat.core.records import Document, DocumentKind, TextKind, TextStatus
from amanat.core.storage import documents, tags, texts
from amanat.core.vault import Archive
from amanat.gui.create_archive import RecoveryCodeDialog, paint_recovery_page
from amanat.gui.details_dialog import DocumentDetailsDialog
from amanat.gui.main_window import MainWindow
from amanat.gui.messages import error_message
from amanat.gui.models.sidebar import COLOUR_ROLE
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeDialogs

MakeWindow = Callable[[], MainWindow]
T = TypeVar("T")

GREETING = "مادر عزیزم، سلام."
"""The Persian transcription every odd-numbered document of the filled archive has."""


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    view.select_document(view.documents.document_id(1))  # "Letter 001", with GREETING
    return window


def _in_core(window: MainWindow, worker: SynchronousWorker, read: Callable[[Any], T]) -> T:
    """What the open archive holds now, read through the worker as the window reads it."""
    found: list[T] = []

    def run(session: Session) -> T:
        return read(session.require().db)

    worker.submit(run, window, found.append)
    assert found, "the archive is not open"
    return found[0]


def _type(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Persian keyboard layout does: key events carrying the letters.
    (QTest's keyClicks knows only ASCII.)"""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def _editor(window: MainWindow, index: int = 0) -> TextEditor:
    editor = window.archive_view.document.texts.widget(index)
    assert isinstance(editor, TextEditor)
    return editor


def test_ctrl_s_saves_a_transcription_and_ctrl_z_restores_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    editor = _editor(window)
    text_id = editor.text.id
    editor.body.setFocus()
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
    _type(editor.body, " نامه‌ات رسید.")
    assert editor.is_modified
    assert view.document.texts.tabText(0).endswith("•")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    typed = GREETING + " نامه‌ات رسید."
    assert _in_core(window, worker, lambda db: texts.get(db, text_id).body) == typed
    assert not editor.is_modified
    assert not view.document.texts.tabText(0).endswith("•")

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _in_core(window, worker, lambda db: texts.get(db, text_id).body) == GREETING
    assert _editor(window) is editor  # the same editor, shown anew
    assert editor.body.toPlainText() == GREETING
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _in_core(window, worker, lambda db: texts.get(db, text_id).body) == typed
    assert editor.body.toPlainText() == typed


def test_language_and_status_are_saved_and_undone_with_the_body(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    editor = _editor(window)
    editor.language.setEditText("prs")  # Dari: not offered, typed
    editor.status.setCurrentIndex(editor.status.findData(TextStatus.CHECKED.value))
    editor.save_button.click()
    saved = _in_core(window, worker, lambda db: texts.get(db, editor.text.id))
    assert (saved.language, saved.status, saved.body) == ("prs", TextStatus.CHECKED, GREETING)
    window.archive_view.undo_action.trigger()
    saved = _in_core(window, worker, lambda db: texts.get(db, editor.text.id))
    assert (saved.language, saved.status) == ("fa", TextStatus.DRAFT)
    assert editor.language_code() == "fa"


def test_persian_typed_into_a_new_translation_runs_right_to_left_and_is_saved(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    document = window.archive_view.document
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight  # the English window
    add = document.add_text_button.menu().findChild(type(window.lock_action), "add-translation")
    assert add is not None
    add.trigger()
    editor = _editor(window, 1)
    assert editor.kind is TextKind.TRANSLATION
    assert not editor.stored
    assert editor.body.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not editor.save_button.isEnabled()  # nothing typed: nothing to keep
    _type(editor.body, "سلام")
    assert editor.body.layoutDirection() == Qt.LayoutDirection.RightToLeft
    editor.language.setCurrentIndex(editor.language.findData("fa"))
    editor.save_button.click()
    document_id = document.document_id
    kept = _in_core(window, worker, lambda db: texts.texts_of(db, document_id))
    assert [(t.kind, t.language, t.body) for t in kept] == [
        (TextKind.TRANSCRIPTION, "fa", GREETING),
        (TextKind.TRANSLATION, "fa", "سلام"),
    ]
    assert document.texts.count() == 2  # the new tab is the saved text, not a copy of it
    assert _editor(window, 1).stored


def test_leaving_a_document_saves_its_unsaved_edit_as_an_undoable_change(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    editor = _editor(window)
    text_id = editor.text.id
    editor.body.setPlainText("نامهٔ تازه")
    view.select_document(view.documents.document_id(3))
    assert view.document.title.text().strip("\u2066\u2067\u2069") == "Letter 003"
    assert _in_core(window, worker, lambda db: texts.get(db, text_id).body) == "نامهٔ تازه"
    view.undo_action.trigger()
    assert _in_core(window, worker, lambda db: texts.get(db, text_id).body) == GREETING


def test_adding_a_text_is_undone_and_redone(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    document_id = view.document.document_id
    assert document_id is not None

    def kinds() -> list[TextKind]:
        return [
            t.kind for t in _in_core(window, worker, lambda db: texts.texts_of(db, document_id))
        ]

    summary = view.document.add_text(TextKind.SUMMARY)
    assert summary is not None
    summary.body.setPlainText("A letter to his mother.")
    view.save_action.trigger()
    assert kinds() == [TextKind.TRANSCRIPTION, TextKind.SUMMARY]
    assert view.undo_action.text().startswith("Undo Add the summary")
    view.undo_action.trigger()
    assert kinds() == [TextKind.TRANSCRIPTION]
    assert view.document.texts.count() == 1  # its tab went with it
    view.redo_action.trigger()
    assert kinds() == [TextKind.TRANSCRIPTION, TextKind.SUMMARY]
    assert view.document.texts.count() == 2


def test_locking_saves_an_unsaved_edit_and_a_new_text_before_the_lock(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    document = window.archive_view.document
    document_id = document.document_id
    assert document_id is not None
    _editor(window).body.setPlainText("تا آخر نوشتم")
    summary = document.add_text(TextKind.SUMMARY)
    assert summary is not None
    summary.body.setPlainText("A letter to his mother.")
    empty = document.add_text(TextKind.TRANSLATION)
    assert empty is not None  # left empty: nothing of it is kept
    window.lock()
    assert not window.is_unlocked
    with Archive.open(filled_folder, PASSWORD) as archive:
        kept = texts.texts_of(archive.db, document_id)
    assert [(t.kind, t.body) for t in kept] == [
        (TextKind.TRANSCRIPTION, "تا آخر نوشتم"),
        (TextKind.SUMMARY, "A letter to his mother."),
    ]


def test_an_edit_that_cannot_be_saved_as_the_archive_locks_is_reported_on_the_unlock_screen(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _opened(make_window, location, filled_folder)
    _editor(window).body.setPlainText("تا آخر نوشتم")

    def disk_full(text_id: str, content: object) -> Callable[[Session], None]:
        def run(session: Session) -> None:
            raise DiskFull()

        return run

    monkeypatch.setattr("amanat.gui.archive_view.save_text", disk_full)
    window.lock()
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.error.isVisibleTo(window)
    assert window.unlock_page.error.text() == (
        "The archive was locked, but a text you were editing could not be saved: "
        f"{error_message(DiskFull())} Unlock to type it again."
    )
    # Said once: the next unlock starts afresh.
    window.unlock(PASSWORD)
    window.lock()
    assert not window.unlock_page.error.isVisibleTo(window)


# --- The details dialog -------------------------------------------------------------------


def test_details_refuse_a_day_the_calendar_lacks_and_save_one_it_has(
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    preferences.calendar = Calendar.JALALI
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    document_id = view.document.document_id
    assert document_id is not None
    before = _in_core(window, worker, lambda db: documents.get(db, document_id))
    view.document.edit_button.click()
    dialog = view.details_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.save_button.isEnabled()

    dialog.date.field.setText("1401/12/30")  # 1401 is not a leap year: Esfand has 29 days
    assert not dialog.save_button.isEnabled()
    assert dialog.date.meaning.text() == (
        "“1401/12/30” is not a date Amanat understands: Esfand 1401 has only 29 days."
    )
    dialog.date.field.setText("1403/12/30")
    assert dialog.save_button.isEnabled()
    assert dialog.date.meaning.text() == "30 Esfand 1403 = 20 March 2025 (the day is known)"
    dialog.title.setText("Letter from Evin")
    dialog.save_button.click()
    assert view.details_dialog is None

    after = _in_core(window, worker, lambda db: documents.get(db, document_id))
    assert after.title == "Letter from Evin"
    assert after.date == FuzzyDate.of_day(1403, 12, 30, Calendar.JALALI)
    assert (after.author_id, after.recipient_ids) == (before.author_id, before.recipient_ids)
    assert view.document.title.text().strip("\u2066\u2067\u2069") == "Letter from Evin"
    view.undo_action.trigger()
    undone = _in_core(window, worker, lambda db: documents.get(db, document_id))
    assert (undone.title, undone.date) == ("Letter 001", before.date)
    assert view.document.title.text().strip("\u2066\u2067\u2069") == "Letter 001"


def test_details_change_who_a_letter_was_written_to_and_undo_puts_them_back(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    document_id = view.document.document_id
    assert document_id is not None
    before = _in_core(window, worker, lambda db: documents.get(db, document_id))
    view.document.edit_button.click()
    dialog = view.details_dialog
    assert dialog is not None
    rows = {dialog.recipients.item(n).text().strip("\u2066\u2067\u2069"): n for n in range(3)}
    ticked = [
        name
        for name, n in rows.items()
        if dialog.recipients.item(n).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["Mother"]  # as the archive has it
    dialog.recipients.item(rows["Mother"]).setCheckState(Qt.CheckState.Unchecked)
    dialog.recipients.item(rows["Kaveh"]).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    after = _in_core(window, worker, lambda db: documents.get(db, document_id))
    kaveh_id = dialog.recipients.item(rows["Kaveh"]).data(Qt.ItemDataRole.UserRole + 1)
    assert isinstance(kaveh_id, str) and after.recipient_ids == (kaveh_id,)
    assert after.concerned_ids == before.concerned_ids
    view.undo_action.trigger()
    undone = _in_core(window, worker, lambda db: documents.get(db, document_id))
    assert undone.recipient_ids == before.recipient_ids


def test_details_refuse_the_31st_of_april(
    qtbot: QtBot, preferences: Preferences, qapp: QApplication
) -> None:
    dialog = DocumentDetailsDialog(Document(DocumentKind.LETTER, "A letter"), [], preferences)
    qtbot.addWidget(dialog)
    dialog.date.field.setText("31 April 2024")
    assert not dialog.save_button.isEnabled()
    assert "April 2024 has only 30 days" in dialog.date.meaning.text()
    dialog.date.field.setText("")
    assert dialog.save_button.isEnabled()
    assert dialog.fields().date is None  # undated is allowed
    dialog.title.setText("  ")
    assert not dialog.save_button.isEnabled()


def test_details_dialog_right_to_left_with_a_witness_consent(
    qtbot: QtBot, qapp: QApplication
) -> None:
    testimony = Document(DocumentKind.TESTIMONY, "شهادت")
    dialog = DocumentDetailsDialog(testimony, [], Preferences.for_language("fa"))
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consent.isVisible()
    assert "never leaves the archive" in dialog.withdrawn_note.text()
    # The form reads from the right: each label stands to the right of its field.
    title_label = dialog.findChildren(type(dialog.withdrawn_note))[0]
    assert title_label.text() == "Title:"
    assert title_label.geometry().left() > dialog.title.geometry().left()
    dialog.date.field.setText("۱۴ مرداد ۱۴۰۳")
    assert dialog.save_button.isEnabled()
    assert dialog.date.meaning.text() == "۱۴ مرداد ۱۴۰۳ = ۴ اوت ۲۰۲۴ (the day is known)"
    dialog.withdrawn.setChecked(True)
    assert dialog.fields().consent.withdrawn
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.LETTER.value))
    assert not dialog.consent.isVisible()


# --- Tag colours --------------------------------------------------------------------------


def test_a_new_tag_takes_the_colour_chosen_and_cancelling_adds_nothing(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    dialogs: FakeDialogs,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    editor = window.archive_view.document.tags
    editor.field.setText("conditions/solitary")  # known: no question
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert dialogs.tag_colours_asked == []
    dialogs.tag_colour_answer = None
    editor.field.setText("health")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert dialogs.tag_colours_asked == [("health", None)]
    assert editor.paths == ["conditions/solitary"]
    assert _in_core(window, worker, lambda db: tags.find(db, "health")) is None
    dialogs.tag_colour_answer = "#cc79a7"
    editor.field.setText("health")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.paths == ["conditions/solitary", "health"]
    made = _in_core(window, worker, lambda db: tags.find(db, "health"))
    assert made is not None and made.colour == "#cc79a7"


def test_a_tags_colour_is_changed_from_the_sidebar_and_undone(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    dialogs: FakeDialogs,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    model = view.sidebar_model
    tags_heading = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Tags"
    )
    conditions = model.index(0, 0, tags_heading)
    assert conditions.data(COLOUR_ROLE) == "#aa3355"
    assert view.sidebar_menu(model.everything_index()) is None  # only tags have this menu
    menu = view.sidebar_menu(conditions)
    assert menu is not None
    dialogs.tag_colour_answer = "#0072b2"
    next(a for a in menu.actions() if a.text() == "Change Colour…").trigger()
    assert dialogs.tag_colours_asked == [("conditions", "#aa3355")]
    found = _in_core(window, worker, lambda db: tags.find(db, "conditions"))
    assert found is not None and found.colour == "#0072b2"
    view.undo_action.trigger()
    found = _in_core(window, worker, lambda db: tags.find(db, "conditions"))
    assert found is not None and found.colour == "#aa3355"


# --- The recovery code on paper -----------------------------------------------------------

CODE = "7K2M-QX9P-4TRA-ZD8E-1HVN-6WCB-3J5F-Y0GS"


def test_the_recovery_sheet_carries_every_group_of_the_code(qapp: QApplication) -> None:
    image = QImage(827, 1169, QImage.Format.Format_RGB32)  # A4 at 100 dots an inch
    image.fill(QColor("white"))
    painter = QPainter(image)
    drawn = paint_recovery_page(
        painter, image.rect(), CODE, "Recovery code of “Letters”", "Keep it safe."
    )
    painter.end()
    lines = [line.text for line in drawn]
    assert lines[0] == "Recovery code of “Letters”"
    assert lines[-1] == "Keep it safe."
    for group in CODE.split("-"):
        assert any(group in line for line in lines), group
    for line in drawn:
        assert image.rect().contains(line.area)
        ink = sum(
            image.pixelColor(x, y).lightness() < 128
            for x in range(line.area.left(), line.area.right(), 2)
            for y in range(line.area.top(), line.area.bottom(), 2)
        )
        assert ink > 0, f"nothing drawn for {line.text!r}"


def test_the_recovery_code_is_never_printed_into_a_file(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    dialog = RecoveryCodeDialog(CODE, None, "Letters")
    qtbot.addWidget(dialog)
    assert "Letters" in dialog.page_heading()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "code.pdf"))
    assert not dialog.print_on(printer)
    assert not (tmp_path / "code.pdf").exists()
    assert "never into a file" in dialog.print_note.text()


# --- The clipboard ------------------------------------------------------------------------


def test_lock_clears_the_clipboard_only_when_it_holds_what_amanat_put_there(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    clipboard = QGuiApplication.clipboard()
    window = _opened(make_window, location, filled_folder)
    assert QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    editor = _editor(window)
    editor.body.selectAll()
    editor.body.copy()
    assert clipboard.text() == GREETING
    window.lock()
    assert clipboard.text() == ""

    window.unlock(PASSWORD)
    view = window.archive_view
    view.select_document(view.documents.document_id(1))
    _editor(window).body.selectAll()
    _editor(window).body.copy()
    # Another program replaces it while Amanat does not notice (as when it is in the
    # background): that text is the user's, and stays.
    blocked = clipboard.blockSignals(True)
    clipboard.setText("a phone number copied in another program")
    clipboard.blockSignals(blocked)
    window.lock()
    assert clipboard.text() == "a phone number copied in another program"
    clipboard.clear()


def test_a_text_of_a_document_in_the_trash_cannot_be_edited(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    document_id = view.document.document_id
    assert document_id is not None
    view.trash_action.trigger()
    assert _in_core(window, worker, lambda db: documents.get(db, document_id).trashed)
    view.show_document(document_id)
    assert _editor(window).body.isReadOnly()
    assert not view.document.edit_button.isEnabled()
    assert not view.document.add_text_button.isEnabled()
