"""Annotating a moment of a recording while transcribing it: F9 at the start and F9 at the
end, typed in the text, open the annotation dialog; Esc forgets a start; the player bar's
button does the same; the moment is listed with its range as a clock, drawn as a band on the
position slider, plays from its start when chosen in the list, and goes with undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QSlider
from pytestqt.qtbot import QtBot

from amanat.core.records import Annotation, Document, DocumentKind, Text, TextKind, TimeRange
from amanat.core.storage import annotations, documents, pages, texts
from amanat.core.vault import Archive
from amanat.gui.annotations.model import AnnotationColumn
from amanat.gui.annotations.moments import Band, MomentBands, moment_words
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.playing import quiet_without_sound, store_recording, wav
from tests.helpers.records import png_bytes

MakeWindow = Callable[[], MainWindow]
CALL = "Mother: Are you eating?\nNasrin: They moved me to ward 209 on Sunday.\n"


@pytest.fixture
def call_folder(archive_folder: Path) -> Path:
    """A testimony: the recording of a 12-second call and its transcription."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        call = documents.add(db, Document(kind=DocumentKind.TESTIMONY, title="Call from Evin"))
        store_recording(db, call.id, wav(12))
        texts.add(db, Text(call.id, TextKind.TRANSCRIPTION, "en", CALL))
    return archive_folder


@pytest.fixture
def window(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    call_folder: Path,
    worker: SynchronousWorker,
) -> MainWindow:
    location.remember(call_folder)
    made = make_window()
    made.unlock(PASSWORD)
    found: list[str] = []

    def run(session: Session) -> str:
        return str(session.require().db.value("SELECT id FROM documents"))

    worker.submit(run, made, found.append)
    made.archive_view.show_document(found[0])
    made.resize(1600, 1000)
    made.show()
    made.activateWindow()
    player = made.archive_view.document.player
    qtbot.waitUntil(lambda: player.player.duration() > 11000, timeout=5000)
    return made


def _editor(window: MainWindow) -> TextEditor:
    editor = window.archive_view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    return editor


def _at(qtbot: QtBot, window: MainWindow, seconds: float) -> None:
    player = window.archive_view.document.player
    player.seek(seconds)
    qtbot.waitUntil(lambda: abs(player.seconds - seconds) < 0.05, timeout=3000)


def _stored(window: MainWindow, worker: SynchronousWorker) -> list[Annotation]:
    found: list[list[Annotation]] = []

    def run(session: Session) -> list[Annotation]:
        return annotations.annotations_of(session.require().db)

    worker.submit(run, window, found.append)
    return found[0]


@quiet_without_sound
def test_f9_twice_while_typing_opens_the_dialog_and_the_moment_is_listed_and_drawn(
    qtbot: QtBot, window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view.document
    editor = _editor(window)
    editor.body.setFocus()
    cursor = editor.body.textCursor()
    cursor.setPosition(10)
    editor.body.setTextCursor(cursor)
    _at(qtbot, window, 3.0)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    assert view.moments.start == pytest.approx(3.0, abs=0.05)
    assert window.archive_view.annotations.dialog is None
    _at(qtbot, window, 6.5)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    assert dialog.what.text().strip("\u2066\u2067\u2068\u2069") == (
        "Moment 0:03–0:06.5 of the recording"
    )
    dialog.comment.setPlainText("She names the ward")
    dialog.accept()
    assert editor.body.toPlainText() == CALL  # the keys typed nothing
    assert editor.body.hasFocus() or editor.body.textCursor().position() == 10
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TimeRange)
    assert (stored.target.start, stored.target.end) == pytest.approx((3.0, 6.5), abs=0.05)
    assert stored.body == "She names the ward" and stored.visibility.value == "private"
    model = view.annotations.model
    assert model.rowCount() == 1
    shown = model.data(model.index(0, int(AnnotationColumn.PASSAGE)))
    assert shown == "Moment 0:03–0:06.5 of the recording"
    [(band, _colour)] = view.moments.bands.rectangles()
    slider = view.player.slider
    assert band.left() > slider.width() * 0.2 and band.right() < slider.width() * 0.6
    assert band.width() > slider.width() * 0.2
    window.archive_view.undo_stack.undo()
    assert _stored(window, worker) == []
    assert view.moments.bands.rectangles() == []


@quiet_without_sound
def test_escape_forgets_the_start_and_a_moment_with_no_length_is_not_annotated(
    qtbot: QtBot, window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view.document
    editor = _editor(window)
    editor.body.setFocus()
    _at(qtbot, window, 2.0)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    assert view.moments.start is not None and view.moments.bands.rectangles() != []
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert view.moments.start is None and view.moments.bands.rectangles() == []
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)  # paused: the same place
    assert window.archive_view.annotations.dialog is None
    assert view.moments.start is not None
    assert "no length" in view.player.problem.text()
    assert _stored(window, worker) == []
    assert editor.body.toPlainText() == CALL


@quiet_without_sound
def test_the_player_bar_button_marks_and_choosing_the_moment_in_the_list_plays_from_it(
    qtbot: QtBot, window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view.document
    button = view.moments.button
    assert button.isVisibleTo(window) and view.moments.menu_action.text() == "Annotate a Moment…"
    _at(qtbot, window, 8.0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.moments.menu_action.text() == "End the Moment Here"
    _at(qtbot, window, 4.0)  # went back: the ends are put in order
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    dialog.accept()
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TimeRange)
    assert (stored.target.start, stored.target.end) == pytest.approx((4.0, 8.0), abs=0.05)
    assert view.moments.menu_action in view.player.actions()  # its context menu
    _at(qtbot, window, 11.0)
    panel = view.annotations
    rect = panel.list.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(view.player.seconds - 4.0) < 0.1, timeout=3000)
    _at(qtbot, window, 10.0)  # clicked again: played again from its start
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(view.player.seconds - 4.0) < 0.1, timeout=3000)


@quiet_without_sound
def test_a_moment_chosen_while_another_page_is_shown_turns_to_its_recording_and_plays_there(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Letter and call"))
        pages.add(db, letter.id, png_bytes())
        call = store_recording(db, letter.id, wav(12))
        moment = annotations.on_recording(db, call.id, 7.0, 9.0, "the ward")
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    window.archive_view.show_document(letter.id)
    view = window.archive_view.document
    assert view.pages.current_page_id != call.id
    assert not view.player.isVisibleTo(window)
    panel = view.annotations
    assert panel.model.row_of(moment.id) == 0
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    assert view.pages.current_page_id == call.id
    qtbot.waitUntil(lambda: abs(view.player.seconds - 7.0) < 0.1, timeout=5000)
    assert view.moments.bands.rectangles() != []


def test_a_moment_reads_in_persian_digits_in_the_persian_interface(qapp: QApplication) -> None:
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        shown = moment_words(TimeRange("p", 62.0, 90.5))
    finally:
        apply_language(qapp, Preferences())
    assert shown == "بازهٔ ۱:۰۲–۱:۳۰٫۵ از ضبط"
    assert moment_words(TimeRange("p", 62.0, 90.5)) == "Moment 1:02–1:30.5 of the recording"


@quiet_without_sound
def test_locking_with_the_dialog_open_keeps_the_note_typed_and_forgets_the_moments(
    qtbot: QtBot, window: MainWindow, call_folder: Path
) -> None:
    view = window.archive_view.document
    editor = _editor(window)
    editor.body.setFocus()
    _at(qtbot, window, 1.0)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    _at(qtbot, window, 2.0)
    qtbot.keyClick(editor.body, Qt.Key.Key_F9)
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    dialog.comment.setPlainText("typed before the lock")
    window.lock()
    assert window.archive_view.annotations.dialog is None
    assert view.moments.start is None and view.moments.bands.bands == []
    with Archive.open(call_folder, PASSWORD) as archive:
        [kept] = annotations.annotations_of(archive.db)
    assert kept.body == "typed before the lock" and isinstance(kept.target, TimeRange)


def test_the_bands_run_from_the_right_in_a_right_to_left_window(qtbot: QtBot) -> None:
    slider = QSlider(Qt.Orientation.Horizontal)
    qtbot.addWidget(slider)
    slider.resize(400, 30)
    slider.setRange(0, 10_000)
    bands = MomentBands(slider)
    bands.page_id = "p"
    bands.bands = [Band("p", 1.0, 3.0, QColor("red")), Band("other page", 5.0, 6.0, QColor("red"))]
    [(left_to_right, _)] = bands.rectangles()
    assert left_to_right.left() < 200 and left_to_right.right() < 200
    slider.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    [(right_to_left, _)] = bands.rectangles()
    assert right_to_left.left() > 200
    assert abs((400 - right_to_left.right()) - left_to_right.left()) <= 2
