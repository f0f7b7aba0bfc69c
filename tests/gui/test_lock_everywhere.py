"""Ctrl+L and Ctrl+Q from every window and dialog, the timeline's own Lock button, and the
lock leaving nothing but the unlock screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.records import Event
from amanat.core.storage import annotations, documents, events
from amanat.core.vault import Archive
from amanat.gui.annotations.dialog import AnnotationDialog
from amanat.gui.archive_view import ask_to_empty_trash
from amanat.gui.every_window import latin_letter_of
from amanat.gui.main_window import MainWindow
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import RememberedLocation
from amanat.gui.text_editor import TextEditor
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]
Opener = Callable[[MainWindow, Path], QWidget | None]


def _open(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    view = window.archive_view
    view.select_document(view.documents.document_id(0))
    return window


def _prisoner(window: MainWindow) -> str:
    content = window.archive_view.sidebar_content
    assert content is not None
    return content.prisoners[0].id


def _visible_windows_but(window: MainWindow) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def _only_the_unlock_screen(window: MainWindow) -> None:
    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert _visible_windows_but(window) == []
    assert window.archive_view.documents.rowCount() == 0


def _press(qtbot: QtBot, shown: QWidget, key: Qt.Key) -> None:
    """Press Ctrl+``key`` in ``shown``'s window, once it is the active one, as a person
    would: on the widget that has the keyboard focus there."""
    target = shown.window()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is target, timeout=3000)
    qtbot.keyClick(target.focusWidget() or target, key, Qt.KeyboardModifier.ControlModifier)


def _scan(tmp_path: Path) -> Path:
    from PIL import Image

    path = tmp_path / "scan.png"
    Image.new("RGB", (40, 60), "white").save(path)
    return path


def _annotation_dialog(window: MainWindow, _: Path) -> QWidget | None:
    view = window.archive_view
    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    view.select_document(view.documents.document_id(1))  # "Letter 001", with a text
    editor = view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    view.annotations.annotate_passage(editor, 0, 4)
    return view.annotations.dialog


OPENERS: dict[str, Opener] = {
    "timeline": lambda w, _: w.archive_view.open_timeline(_prisoner(w)),
    "event editor": lambda w, _: w.archive_view.open_timeline(_prisoner(w)).new_event(),
    "annotation list": lambda w, _: w.archive_view.annotations.open_list(),
    "annotation dialog": _annotation_dialog,
    "details editor": lambda w, _: w.archive_view.edit_details(),
    "my keys": lambda w, _: w.bundles.open_keys(),
    "contacts": lambda w, _: w.bundles.open_contacts(),
    "bundle export": lambda w, _: w.bundles.open_export(),
    "bundle import": lambda w, _: w.bundles.open_import(),
    "scans import": lambda w, tmp: w.import_paths([_scan(tmp)]),
    "settings": lambda w, _: w.open_settings(),
}


@pytest.mark.parametrize("name", list(OPENERS))
def test_ctrl_l_locks_from_every_window(
    name: str,
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    shown = OPENERS[name](window, tmp_path)
    assert shown is not None and shown.isVisible()
    assert shown.window() is not window
    _press(qtbot, shown, Qt.Key.Key_L)
    _only_the_unlock_screen(window)
    assert window.isVisible()


@pytest.mark.parametrize("name", ["timeline", "event editor", "bundle export", "details editor"])
def test_ctrl_q_quits_from_a_secondary_window_locking_first(
    name: str,
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    shown = OPENERS[name](window, tmp_path)
    assert shown is not None
    _press(qtbot, shown, Qt.Key.Key_Q)
    assert not window.is_unlocked
    assert not window.isVisible()
    assert _visible_windows_but(window) == []


def test_the_timeline_window_has_a_lock_button(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    timeline = window.archive_view.open_timeline(_prisoner(window))
    qtbot.mouseClick(timeline.lock_button, Qt.MouseButton.LeftButton)
    _only_the_unlock_screen(window)


def test_ctrl_l_in_the_details_editor_keeps_what_was_typed(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    dialog = window.archive_view.edit_details()
    assert dialog is not None
    dialog.title.setText("Typed before the knock at the door")
    dialog.title.setFocus()
    _press(qtbot, dialog, Qt.Key.Key_L)
    _only_the_unlock_screen(window)
    with Archive.open(filled_folder, PASSWORD) as archive:
        titles = {d.title for d in documents.list_documents(archive.db)}
    assert "Typed before the knock at the door" in titles


def test_ctrl_l_in_a_file_dialog_waiting_for_an_answer_locks_and_closes_it(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    """Qt's file dialog runs in an event loop of its own (as message boxes do): the lock
    closes it, the loop returns "cancelled", and nothing is written."""
    window = _open(make_window, location, filled_folder)
    timeline = window.archive_view.open_timeline(_prisoner(window))
    seen: list[QWidget] = []

    def press_in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, press_in_the_dialog)
            return
        seen.append(dialog)
        _press(qtbot, dialog, Qt.Key.Key_L)

    def give_up() -> None:  # the dialog must not stay open if the key did nothing
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            dialog.reject()

    QTimer.singleShot(50, press_in_the_dialog)
    QTimer.singleShot(5000, give_up)
    timeline.export("pdf")  # returns when the dialog closes
    assert seen
    _only_the_unlock_screen(window)
    assert not list(Path.home().glob("chronology*"))


def test_ctrl_l_in_a_message_box_waiting_for_an_answer_locks_and_answers_cancel(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    seen: list[QWidget] = []

    def press_in_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, press_in_the_box)
            return
        seen.append(box)
        _press(qtbot, box, Qt.Key.Key_L)

    def give_up() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.reject()

    QTimer.singleShot(50, press_in_the_box)
    QTimer.singleShot(5000, give_up)
    assert ask_to_empty_trash(window, 3) is False  # returns when the box closes
    assert seen
    _only_the_unlock_screen(window)


# --- A Persian keyboard with no Latin layout beside it ----------------------------------------

MEEM = 0x0645
"""«م», which the Persian layout types on the key that has L."""


def _persian_key(kind: QEvent.Type, scan_code: int = 46, virtual_key: int = 0x05E5) -> QKeyEvent:
    return QKeyEvent(
        kind, MEEM, Qt.KeyboardModifier.ControlModifier, scan_code, virtual_key, 0, "م"
    )


def test_ctrl_on_the_l_key_locks_with_a_persian_only_layout_and_types_nothing(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    timeline = window.archive_view.open_timeline(_prisoner(window))
    editor = timeline.new_event()
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=3000)
    focus = editor.focusWidget() or editor
    QApplication.sendEvent(focus, _persian_key(QEvent.Type.ShortcutOverride))
    _only_the_unlock_screen(window)
    # The key press that follows goes to what has the focus now: it must not type «م».
    password = window.unlock_page.password
    QApplication.sendEvent(password, _persian_key(QEvent.Type.KeyPress))
    assert password.text() == ""


def test_a_persian_letter_on_another_key_is_typed_as_usual(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    field = window.archive_view.search_field
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        event = QKeyEvent(kind, MEEM, Qt.KeyboardModifier.NoModifier, 46, 0x05E5, 0, "م")
        QApplication.sendEvent(field, event)
    assert window.is_unlocked  # no Ctrl: a letter, not a shortcut
    assert field.text() == "م"


@pytest.mark.parametrize(
    ("platform", "scan_code", "virtual_key", "letter"),
    [
        ("linux", 46, 0x05E5, Qt.Key.Key_L),
        ("linux", 24, 0x05D6, Qt.Key.Key_Q),
        ("win32", 0, 0x4C, Qt.Key.Key_L),
        ("darwin", 0, 37, Qt.Key.Key_L),
        ("darwin", 0, 12, Qt.Key.Key_Q),
        ("linux", 9, 0xFF1B, None),  # Escape: no letter
    ],
)
def test_the_latin_letter_of_a_key_is_read_from_its_place(
    platform: str, scan_code: int, virtual_key: int, letter: Qt.Key | None
) -> None:
    event = QKeyEvent(
        QEvent.Type.KeyPress, MEEM, Qt.KeyboardModifier.ControlModifier, scan_code, virtual_key, 0
    )
    assert latin_letter_of(event, platform) == letter


# --- What was typed in the event editor ------------------------------------------------------


def _events_of(folder: Path, person_id: str) -> list[Event]:
    with Archive.open(folder, PASSWORD) as archive:
        return events.events_of(archive.db, person_id)


def test_ctrl_l_in_the_event_editor_keeps_an_event_that_can_be_saved(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    person = _prisoner(window)
    editor = window.archive_view.open_timeline(person).new_event()
    assert editor is not None
    editor.date.setText("2012-05-01")
    editor.place.setText("Evin, ward 209")
    editor.tags.setText("conditions/solitary")
    editor.place.setFocus()
    _press(qtbot, editor, Qt.Key.Key_L)
    _only_the_unlock_screen(window)
    assert [e.place for e in _events_of(filled_folder, person)] == ["Evin, ward 209"]


def test_an_event_with_no_date_yet_is_dropped_at_the_lock_and_nothing_is_said(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    person = _prisoner(window)
    editor = window.archive_view.open_timeline(person).new_event()
    assert editor is not None
    editor.place.setText("Evin")
    window.lock()
    _only_the_unlock_screen(window)
    assert window.unlock_page.error.text() == ""
    assert _events_of(filled_folder, person) == []


def test_ctrl_l_in_the_annotation_dialog_keeps_the_note_typed(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    dialog = _annotation_dialog(window, tmp_path)
    assert isinstance(dialog, AnnotationDialog)
    dialog.comment.setPlainText("Written the week after the interrogation")
    dialog.comment.setFocus()
    _press(qtbot, dialog, Qt.Key.Key_L)
    _only_the_unlock_screen(window)
    with Archive.open(filled_folder, PASSWORD) as archive:
        kept = annotations.annotations_of(archive.db)
    assert [a.body for a in kept] == ["Written the week after the interrogation"]


def test_an_annotation_dialog_left_empty_saves_nothing_at_the_lock(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path, tmp_path: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    assert _annotation_dialog(window, tmp_path) is not None
    window.lock()
    with Archive.open(filled_folder, PASSWORD) as archive:
        assert annotations.annotations_of(archive.db) == []
