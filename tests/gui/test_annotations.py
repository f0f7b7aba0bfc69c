"""Annotating from the window: passages of a text and regions of a page, the panel of a
document, the archive-wide list, the default visibility, and what locking does to them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core import settings
from amanat.core.records import (
    Annotation,
    Document,
    DocumentKind,
    ImageRegion,
    Tag,
    Text,
    TextKind,
    TextRange,
    Visibility,
)
from amanat.core.scans.importer import add_pages
from amanat.core.storage import annotations, documents, tags, texts
from amanat.core.vault import Archive
from amanat.gui.annotations.highlights import ANNOTATION_PROPERTY, python_index, qt_position
from amanat.gui.annotations.model import AnnotationColumn
from amanat.gui.annotations.regions import PageCanvas, to_page, to_view
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]
T = TypeVar("T")

TESTIMONY = (
    "They kept me in solitary confinement for forty days. "
    "The interrogation began every night after the call to prayer."
)
SOLITARY_COLOUR = "#3355aa"


@pytest.fixture
def annotated_folder(archive_folder: Path) -> Path:
    """A testimony with an English transcription and one portrait page, and a letter."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        conditions = tags.add(db, Tag("conditions", colour="#aa3355"))
        tags.add(db, Tag("solitary", colour=SOLITARY_COLOUR, parent_id=conditions.id))
        testimony = documents.add(
            db, Document(kind=DocumentKind.TESTIMONY, title="Testimony of Leila")
        )
        texts.add(db, Text(testimony.id, TextKind.TRANSCRIPTION, "en", TESTIMONY))
        buffer = io.BytesIO()
        Image.new("RGB", (400, 600), (250, 246, 236)).save(buffer, "PNG")
        add_pages(db, testimony.id, buffer.getvalue(), "page-1.png")
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Letter from Kaveh"))
        texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "en", "On hunger strike again."))
    return archive_folder


def _in_core(window: MainWindow, worker: SynchronousWorker, read: Callable[[Any], T]) -> T:
    found: list[T] = []

    def run(session: Session) -> T:
        return read(session.require().db)

    worker.submit(run, window, found.append)
    assert found, "the archive is not open"
    return found[0]


def _document_id(window: MainWindow, worker: SynchronousWorker, title: str) -> str:
    return _in_core(
        window,
        worker,
        lambda db: str(db.value("SELECT id FROM documents WHERE title = ?", (title,))),
    )


def _opened(
    make_window: MakeWindow,
    location: RememberedLocation,
    folder: Path,
    worker: SynchronousWorker,
    title: str = "Testimony of Leila",
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    window.archive_view.show_document(_document_id(window, worker, title))
    return window


def _editor(window: MainWindow) -> TextEditor:
    editor = window.archive_view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    return editor


def _select(editor: TextEditor, passage: str) -> tuple[int, int]:
    text = editor.body.toPlainText()
    start = text.index(passage)
    cursor = editor.body.textCursor()
    cursor.setPosition(qt_position(text, start))
    cursor.setPosition(qt_position(text, start + len(passage)), QTextCursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)
    return start, start + len(passage)


def _annotate(
    window: MainWindow, passage: str, comment: str = "", tag: str = ""
) -> tuple[int, int]:
    editor = _editor(window)
    span = _select(editor, passage)
    editor.annotate_action.trigger()
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    dialog.comment.setPlainText(comment)
    dialog.tags.field.setText(tag)
    dialog.accept()
    return span


def _stored(window: MainWindow, worker: SynchronousWorker) -> list[Annotation]:
    return _in_core(window, worker, lambda db: annotations.annotations_of(db))


def _drawn(editor: TextEditor) -> list[tuple[int, int, str]]:
    """(start, end, colour) of each passage drawn, in Python indices of the text shown."""
    text = editor.body.toPlainText()
    return [
        (
            python_index(text, s.cursor.selectionStart()),
            python_index(text, s.cursor.selectionEnd()),
            s.format.background().color().name(),
        )
        for s in editor.body.extraSelections()
    ]


def test_annotating_a_selected_passage_stores_its_range_and_highlights_it(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    start, end = _annotate(
        window, "solitary confinement", "Forty days alone.", "conditions/solitary"
    )
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TextRange)
    assert (stored.target.start, stored.target.end) == (start, end)
    assert stored.target.quote == "solitary confinement"
    assert stored.body == "Forty days alone."
    assert stored.visibility is Visibility.PRIVATE
    solitary = _in_core(window, worker, lambda db: tags.find(db, "conditions/solitary"))
    assert solitary is not None and stored.tag_ids == (solitary.id,)
    assert _drawn(_editor(window)) == [(start, end, SOLITARY_COLOUR)]
    panel = window.archive_view.document.annotations
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, int(AnnotationColumn.COMMENT)).data() == "Forty days alone."


def test_the_passage_may_contain_letters_qt_counts_twice(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    editor = _editor(window)
    editor.body.setPlainText("🙏🙏 " + TESTIMONY)
    start, end = _annotate(window, "forty days")  # saves the edit first
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TextRange)
    assert (stored.target.start, stored.target.end) == (start, end)
    assert stored.target.quote == "forty days"
    assert not editor.is_modified


def test_an_unsaved_edit_is_saved_before_its_passage_is_annotated(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    editor = _editor(window)
    editor.body.setPlainText("Written down in Evin. " + TESTIMONY)
    _annotate(window, "Evin")
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TextRange)
    body = _in_core(window, worker, lambda db: texts.get(db, stored.target.text_id).body)
    assert body.startswith("Written down in Evin.")
    assert body[stored.target.start : stored.target.end] == "Evin"


def test_ctrl_shift_a_annotates_the_passage_selected_and_nothing_without_one(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    editor = _editor(window)
    editor.body.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.body, Qt.Key.Key_A, keys)
    assert window.archive_view.annotations.dialog is None
    assert not editor.annotate_action.isEnabled()
    _select(editor, "forty days")
    assert editor.annotate_action.isEnabled()
    qtbot.keyClick(editor.body, Qt.Key.Key_A, keys)
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    assert "forty days" in dialog.what.text()
    dialog.reject()
    assert _stored(window, worker) == []


def test_new_annotations_are_private_unless_the_settings_say_otherwise(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    editor = _editor(window)
    _select(editor, "forty days")
    editor.annotate_action.trigger()
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    assert dialog.private.isChecked() and not dialog.shareable.isChecked()
    assert "never leaves this archive" in dialog.explanation.text()
    dialog.reject()

    chosen = window.open_settings()
    assert chosen is not None
    assert chosen.annotation_visibility.currentData() == Visibility.PRIVATE.value
    chosen.annotation_visibility.setCurrentIndex(
        chosen.annotation_visibility.findData(Visibility.SHAREABLE.value)
    )
    chosen.accept()
    stored = _in_core(window, worker, settings.load)
    assert stored.annotation_visibility is Visibility.SHAREABLE

    _annotate(window, "forty days")
    [annotation] = _stored(window, worker)
    assert annotation.visibility is Visibility.SHAREABLE
    # Forgotten with the lock, read again from the archive when it is unlocked.
    window.lock()
    assert window.archive_view.annotations.default_visibility is Visibility.PRIVATE
    window.unlock(PASSWORD)
    assert window.archive_view.annotations.default_visibility is Visibility.SHAREABLE


def _picture_origin(canvas: PageCanvas) -> QPointF:
    """Where the picture starts in the canvas: centred, as QLabel draws it."""
    shown = canvas.pixmap()
    return QPointF((canvas.width() - shown.width()) // 2, (canvas.height() - shown.height()) // 2)


def _drag(widget: QWidget, start: QPointF, end: QPointF) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    steps = (
        (QEvent.Type.MouseButtonPress, start, left, left),
        (QEvent.Type.MouseMove, (start + end) / 2, none, left),
        (QEvent.Type.MouseMove, end, none, left),
        (QEvent.Type.MouseButtonRelease, end, left, none),
    )
    for kind, point, button, buttons in steps:
        event = QMouseEvent(
            kind, point, widget.mapToGlobal(point), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(widget, event)


def _draw_region(window: MainWindow, shown: tuple[float, float, float, float]) -> None:
    """Drag a rectangle at fractions ``shown`` of the picture as it is on the screen."""
    pages = window.archive_view.document.pages
    canvas = pages.picture
    assert not canvas.pixmap().isNull()
    origin = _picture_origin(canvas)
    width, height = canvas.pixmap().width(), canvas.pixmap().height()
    u, v, w, h = shown
    pages.mark_button.setChecked(True)
    _drag(
        canvas,
        origin + QPointF(u * width, v * height),
        origin + QPointF((u + w) * width, (v + h) * height),
    )


def _region(window: MainWindow, worker: SynchronousWorker) -> ImageRegion:
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, ImageRegion)
    return stored.target


@pytest.mark.parametrize("zoom_steps", [0, 3])
def test_a_rectangle_drawn_on_the_page_is_stored_as_fractions_of_the_page(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
    zoom_steps: int,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    pages = window.archive_view.document.pages
    fitted = pages.picture.pixmap().width()
    for _ in range(zoom_steps):
        pages._zoom_by(1.25)
    if zoom_steps:
        assert pages.picture.pixmap().width() > fitted
    _draw_region(window, (0.25, 0.5, 0.5, 0.25))
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    assert not pages.mark_button.isChecked()  # one rectangle each time
    dialog.comment.setPlainText("The signature of the interrogator.")
    dialog.accept()
    region = _region(window, worker)
    assert region.x == pytest.approx(0.25, abs=0.01)
    assert region.y == pytest.approx(0.5, abs=0.01)
    assert region.width == pytest.approx(0.5, abs=0.01)
    assert region.height == pytest.approx(0.25, abs=0.01)
    assert [r.annotation_id for r in pages.picture.regions] == [
        window.archive_view.annotations.rows[0].id
    ]


def test_a_rectangle_drawn_on_a_turned_page_is_stored_upright(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    window.archive_view.document.pages.rotate()  # 90° clockwise
    _draw_region(window, (0.25, 0.5, 0.5, 0.25))
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    dialog.accept()
    region = _region(window, worker)
    # The top-left corner of the turned page is the bottom-left of the upright one.
    assert (region.x, region.y, region.width, region.height) == pytest.approx(
        (0.5, 0.25, 0.25, 0.5), abs=0.01
    )


def test_a_rectangle_drawn_in_a_right_to_left_window_is_stored_where_it_was_drawn(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
    qapp: QApplication,
) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        window = _opened(make_window, location, annotated_folder, worker)
        _draw_region(window, (0.1, 0.2, 0.3, 0.4))
        dialog = window.archive_view.annotations.dialog
        assert dialog is not None
        dialog.accept()
        region = _region(window, worker)
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert (region.x, region.y, region.width, region.height) == pytest.approx(
        (0.1, 0.2, 0.3, 0.4), abs=0.01
    )


def test_a_click_is_not_a_rectangle(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _draw_region(window, (0.5, 0.5, 0.001, 0.001))
    assert window.archive_view.annotations.dialog is None
    assert _stored(window, worker) == []


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_page_and_view_fractions_convert_both_ways(turn: int) -> None:
    rectangle = (0.1, 0.2, 0.3, 0.4)
    assert to_page(to_view(rectangle, turn), turn) == pytest.approx(rectangle)


def test_editing_the_text_before_a_passage_moves_its_highlight(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    start, end = _annotate(window, "interrogation", tag="conditions/solitary")
    editor = _editor(window)
    prefix = "Testimony given in Paris, 2023. "
    cursor = editor.body.textCursor()
    cursor.setPosition(0)
    cursor.insertText(prefix)
    window.archive_view.save_texts()
    [stored] = _stored(window, worker)
    assert isinstance(stored.target, TextRange)
    assert (stored.target.start, stored.target.end) == (start + len(prefix), end + len(prefix))
    assert _drawn(editor) == [(start + len(prefix), end + len(prefix), SOLITARY_COLOUR)]


def test_a_passage_deleted_from_the_text_is_listed_as_orphaned(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "interrogation began every night", "Night interrogations.")
    editor = _editor(window)
    editor.body.setPlainText("They kept me in solitary confinement for forty days.")
    window.archive_view.save_texts()
    [stored] = _stored(window, worker)
    assert stored.orphaned
    panel = window.archive_view.document.annotations
    assert panel.model.rowCount() == 1
    passage = str(panel.model.index(0, int(AnnotationColumn.PASSAGE)).data())
    assert "passage no longer in the text" in passage
    assert "interrogation began every night" in passage
    assert _drawn(editor) == []


def test_deleting_an_annotation_is_undone_with_ctrl_z(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "forty days", "Count them.", "conditions/solitary")
    [before] = _stored(window, worker)
    panel = window.archive_view.document.annotations
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.delete_button.click()
    assert _stored(window, worker) == []
    assert panel.model.rowCount() == 0
    assert _drawn(_editor(window)) == []
    window.archive_view.undo_stack.undo()
    [after] = _stored(window, worker)
    assert (after.id, after.target, after.body, after.tag_ids) == (
        before.id,
        before.target,
        before.body,
        before.tag_ids,
    )
    assert panel.model.rowCount() == 1
    assert len(_drawn(_editor(window))) == 1


def test_editing_an_annotation_changes_it_and_undo_takes_the_change_back(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "forty days", "Count them.")
    panel = window.archive_view.document.annotations
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.edit_button.click()
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    assert dialog.comment.toPlainText() == "Count them."
    dialog.comment.setPlainText("Forty days, by her count.")
    dialog.shareable.setChecked(True)
    dialog.accept()
    [edited] = _stored(window, worker)
    assert (edited.body, edited.visibility) == ("Forty days, by her count.", Visibility.SHAREABLE)
    window.archive_view.undo_stack.undo()
    [undone] = _stored(window, worker)
    assert (undone.body, undone.visibility) == ("Count them.", Visibility.PRIVATE)


def test_clicking_a_highlight_chooses_its_annotation_and_choosing_one_selects_its_passage(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    first = _annotate(window, "solitary confinement")
    second = _annotate(window, "interrogation")
    editor = _editor(window)
    panel = window.archive_view.document.annotations
    rows = window.archive_view.annotations.rows
    cursor = editor.body.textCursor()
    cursor.setPosition(qt_position(editor.body.toPlainText(), second[0] + 3))
    qtbot.mouseClick(
        editor.body.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.body.cursorRect(cursor).center(),
    )
    interrogation = next(
        r.id
        for r in rows
        if isinstance(r.annotation.target, TextRange)
        and r.annotation.target.quote == "interrogation"
    )
    assert panel.current_id() == interrogation
    first_id = next(r.id for r in rows if r.id != interrogation)
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(first_id) or 0, 0))
    assert editor.chosen == first_id
    assert editor.body.textCursor().position() == qt_position(editor.body.toPlainText(), first[0])
    assert editor.passage_shown(first_id) == first
    chosen_fill = {
        s.format.property(ANNOTATION_PROPERTY): s.format.background().color().alpha()
        for s in editor.body.extraSelections()
    }
    assert chosen_fill[first_id] > chosen_fill[interrogation]  # drawn stronger


def test_clicking_a_rectangle_chooses_it_and_shows_its_linked_passage(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "interrogation")
    [passage] = _stored(window, worker)
    _draw_region(window, (0.1, 0.1, 0.4, 0.2))
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None and dialog.link is not None
    dialog.link.setCurrentIndex(dialog.link.findData(passage.id))
    dialog.accept()
    region = next(a for a in _stored(window, worker) if isinstance(a.target, ImageRegion))
    assert region.linked_to == passage.id
    canvas = window.archive_view.document.pages.picture
    inside = canvas.view_rect((0.1, 0.1, 0.4, 0.2)).center()
    _drag(canvas, inside, inside)  # a click, not in marking mode
    panel = window.archive_view.document.annotations
    assert panel.current_id() == region.id
    assert canvas.chosen == region.id
    assert _editor(window).chosen == passage.id


def test_the_archive_wide_list_filters_by_tag_author_visibility_and_document(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
    qtmodeltester: ModelTester,
) -> None:
    with Archive.open(annotated_folder, PASSWORD) as archive:
        db = archive.db
        solitary = tags.find(db, "conditions/solitary")
        conditions = tags.find(db, "conditions")
        assert solitary is not None and conditions is not None
        testimony, letter = (
            texts.texts_of(db, str(db.value("SELECT id FROM documents WHERE title = ?", (t,))))[0]
            for t in ("Testimony of Leila", "Letter from Kaveh")
        )
        annotations.on_text(
            db, testimony.id, 0, 4, "Farhad's", author="Farhad",
            visibility=Visibility.SHAREABLE, tag_ids=(solitary.id,),
        )  # fmt: skip
        annotations.on_text(
            db, letter.id, 3, 15, "Babak's on the letter", author="Babak",
            tag_ids=(conditions.id,),
        )  # fmt: skip
        annotations.on_text(db, testimony.id, 5, 9, "Babak's untagged", author="Babak")
    window = _opened(make_window, location, annotated_folder, worker)
    listed = window.archive_view.annotations.open_list()
    qtmodeltester.check(listed.model)

    def bodies() -> set[str]:
        return {row.annotation.body for row in listed.model.rows}

    assert bodies() == {"Farhad's", "Babak's on the letter", "Babak's untagged"}
    listed.author.setCurrentIndex(listed.author.findData("Babak"))
    assert bodies() == {"Babak's on the letter", "Babak's untagged"}
    listed.visibility.setCurrentIndex(listed.visibility.findData(Visibility.PRIVATE.value))
    assert bodies() == {"Babak's on the letter", "Babak's untagged"}
    listed.author.setCurrentIndex(0)
    listed.visibility.setCurrentIndex(listed.visibility.findData(Visibility.SHAREABLE.value))
    assert bodies() == {"Farhad's"}
    listed.visibility.setCurrentIndex(0)
    # A parent tag finds what is tagged with its children too.
    listed.tag.setCurrentIndex(listed.tag.findData(conditions.id))
    assert bodies() == {"Farhad's", "Babak's on the letter"}
    listed.tag.setCurrentIndex(0)
    letter_id = _document_id(window, worker, "Letter from Kaveh")
    listed.document.setCurrentIndex(listed.document.findData(letter_id))
    assert bodies() == {"Babak's on the letter"}
    assert listed.count.text().endswith("1")

    # Double-click opens the document at the annotation.
    listed._open(listed.model.index(0, 0))
    view = window.archive_view
    assert view.document.document_id == letter_id
    assert view.document.annotations.current_id() == listed.model.rows[0].id
    assert _editor(window).chosen == listed.model.rows[0].id
    assert _editor(window).passage_shown(listed.model.rows[0].id) == (3, 15)


def test_the_panel_model_passes_the_model_tester(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
    qtmodeltester: ModelTester,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "forty days", "Count them.", "conditions/solitary")
    _draw_region(window, (0.2, 0.2, 0.2, 0.2))
    dialog = window.archive_view.annotations.dialog
    assert dialog is not None
    dialog.accept()
    model = window.archive_view.document.annotations.model
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    texts_shown = {str(model.index(r, int(AnnotationColumn.PASSAGE)).data()) for r in range(2)}
    assert texts_shown == {"“forty days”", "Region on page 1"}


def test_locking_closes_the_annotation_dialogs_and_empties_the_panel(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "forty days", "Count them.")
    controller = window.archive_view.annotations
    controller.default_visibility = Visibility.SHAREABLE
    controller.list_action.trigger()  # Edit › Annotations…
    listed = controller.window
    assert listed is not None and listed.isVisible()
    _select(_editor(window), "interrogation")
    _editor(window).annotate_action.trigger()
    dialog = controller.dialog
    assert dialog is not None and listed.model.rowCount() == 1
    window.lock()
    assert controller.dialog is None and controller.window is None
    assert not dialog.isVisible()
    assert listed.model.rowCount() == 0
    assert controller.rows == []
    assert window.archive_view.document.annotations.model.rowCount() == 0
    assert controller.default_visibility is Visibility.PRIVATE
    # Nothing was added by the dialog the lock closed.
    with Archive.open(annotated_folder, PASSWORD) as archive:
        assert len(annotations.annotations_of(archive.db)) == 1


def test_private_and_shareable_passages_are_drawn_differently(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, annotated_folder, worker)
    _annotate(window, "solitary confinement")
    window.archive_view.annotations.default_visibility = Visibility.SHAREABLE
    _annotate(window, "interrogation")
    looks = {
        (s.cursor.selectedText(), s.format.underlineStyle(), s.format.background().color().alpha())
        for s in _editor(window).body.extraSelections()
    }
    private = next(look for look in looks if look[0] == "solitary confinement")
    shareable = next(look for look in looks if look[0] == "interrogation")
    assert private[1] != shareable[1]
    assert QColor(SOLITARY_COLOUR) != QColor("#808080")  # untagged ones are grey


def test_positions_convert_between_python_and_qt() -> None:
    text = "a🙏b"
    assert qt_position(text, 2) == 3
    assert python_index(text, 3) == 2
    assert python_index(text, qt_position(text, 3)) == 3


def test_a_region_whose_page_is_gone_is_still_listed(
    make_window: MakeWindow,
    location: RememberedLocation,
    annotated_folder: Path,
    worker: SynchronousWorker,
) -> None:
    with Archive.open(annotated_folder, PASSWORD) as archive:
        db = archive.db
        page_id = str(db.value("SELECT id FROM pages"))
        annotations.on_page(db, page_id, 0.1, 0.1, 0.5, 0.2, "A signature")
        # As an annotation imported from a bundle whose page did not come with it.
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM page_images WHERE page_id = ?", (page_id,))
        db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
    window = _opened(make_window, location, annotated_folder, worker)
    listed = window.archive_view.annotations.open_list()
    [row] = listed.model.rows
    assert row.annotation.body == "A signature" and row.page_number is None
