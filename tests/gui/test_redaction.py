"""Redacting from the window: the "Redact a region" tool on the page (black boxes, removed
from a right-click, undone), "Redact" on a passage (drawn struck through), the export plan
showing each page as it leaves and each name replaced; in English and in Persian."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core import faces
from amanat.core.errors import FacesUnavailable
from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.scans.importer import add_pages
from amanat.core.storage import documents, texts
from amanat.core.storage import redactions as store
from amanat.core.storage.redactions import PageRedaction, TextRedaction
from amanat.core.vault import Archive
from amanat.gui.annotations.highlights import qt_position
from amanat.gui.bundles import export_dialog as export_pages
from amanat.gui.bundles.export_dialog import ExportDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.page_info import PageExportDialog
from amanat.gui.redaction_tools import REDACTION_PROPERTY
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import WITNESS_NAME, fill
from tests.helpers.faces import drawn_face

MakeWindow = Callable[[], MainWindow]
T = TypeVar("T")
BODY = "They took me from 14 Golestan Street to the ward at night."
SECRET = "14 Golestan Street"
CREAM = (250, 246, 236)


@pytest.fixture
def letter_folder(archive_folder: Path) -> Path:
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Letter from Leila"))
        texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "en", BODY))
        buffer = io.BytesIO()
        Image.new("RGB", (400, 600), CREAM).save(buffer, "PNG")
        add_pages(db, letter.id, buffer.getvalue(), "page-1.png")
    return archive_folder


@pytest.fixture(params=["en", "fa"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_language(qapp, Preferences.for_language(request.param))
    yield request.param
    apply_language(qapp, Preferences())


def _in_core(window: MainWindow, worker: SynchronousWorker, read: Callable[[Any], T]) -> T:
    found: list[T] = []

    def run(session: Session) -> T:
        return read(session.require().db)

    worker.submit(run, window, found.append)
    assert found, "the archive is not open"
    return found[0]


def _opened(
    make_window: MakeWindow, location: RememberedLocation, folder: Path, worker: SynchronousWorker
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    document_id = _in_core(window, worker, lambda db: db.value("SELECT id FROM documents"))
    window.archive_view.show_document(str(document_id))
    return window


def _stored(window: MainWindow, worker: SynchronousWorker) -> list[Any]:
    return _in_core(window, worker, lambda db: store.of_document(db))


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


def _redact_region(window: MainWindow, shown: tuple[float, float, float, float]) -> None:
    pages = window.archive_view.document.pages
    canvas = pages.picture
    shown_picture = canvas.pixmap()
    assert not shown_picture.isNull()
    origin = canvas.picture_rect().topLeft()  # where QLabel centres it
    width, height = shown_picture.width(), shown_picture.height()
    u, v, w, h = shown
    pages.redact_button.setChecked(True)
    assert not pages.mark_button.isChecked() and canvas.marking
    _drag(
        canvas,
        origin + QPointF(u * width, v * height),
        origin + QPointF((u + w) * width, (v + h) * height),
    )


def test_the_redact_tool_stores_a_black_box_that_undo_and_the_menu_take_off(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
    language: str,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    view = window.archive_view
    pages = view.document.pages
    # Its words are in the window's language.
    assert pages.redact_button.text() == (
        "Redact a region" if language == "en" else "پوشاندن بخشی از صفحه"
    )
    # The two tools are never down together.
    pages.mark_button.setChecked(True)
    pages.redact_button.setChecked(True)
    assert not pages.mark_button.isChecked()
    pages.mark_button.setChecked(True)
    assert not pages.redact_button.isChecked()
    pages.mark_button.setChecked(False)

    _redact_region(window, (0.25, 0.5, 0.5, 0.25))
    assert not pages.redact_button.isChecked()  # one rectangle each time
    assert view.annotations.dialog is None  # redacting asks nothing
    [made] = _stored(window, worker)
    assert isinstance(made, PageRedaction)
    assert made.rectangle == pytest.approx((0.25, 0.5, 0.5, 0.25), abs=0.01)
    assert pages.picture.redactions == [(made.id, made.rectangle)]
    # Drawn as a solid black box over the page.
    box = pages.picture.view_rect(made.rectangle).center().toPoint()
    shown = pages.picture.grab().toImage()
    assert shown.pixelColor(box).lightness() < 20

    view.undo_stack.undo()
    assert _stored(window, worker) == [] and pages.picture.redactions == []
    view.undo_stack.redo()
    assert [r.id for r in _stored(window, worker)] == [made.id]

    # A right-click on the box offers Remove Redaction, which is undone too.
    remove = pages.remove_redaction_action
    pages.picture.redaction_pointed.emit(pages.picture.redaction_at(QPointF(box)) or "")
    assert remove.isVisible() and remove.data() == made.id
    assert remove.text() == ("Remove Redaction" if language == "en" else "برداشتن پوشش")
    remove.trigger()
    assert _stored(window, worker) == []
    view.undo_stack.undo()
    assert [r.id for r in _stored(window, worker)] == [made.id]
    # Elsewhere on the page there is nothing to remove.
    pages.picture.redaction_pointed.emit(pages.picture.redaction_at(QPointF(1, 1)) or "")
    assert not remove.isVisible()


def test_a_box_follows_the_page_when_it_is_turned_for_reading(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    pages = window.archive_view.document.pages
    _redact_region(window, (0.0, 0.0, 0.25, 0.25))  # the top-left corner
    [made] = _stored(window, worker)
    pages.rotate()
    # Turned clockwise, the corner is drawn at the top right; the fractions stay.
    drawn = pages.picture.view_rect(made.rectangle)
    picture = pages.picture.picture_rect()
    assert drawn.right() == pytest.approx(picture.right(), abs=2)
    assert drawn.top() == pytest.approx(picture.top(), abs=2)
    assert [r.rectangle for r in _stored(window, worker)] == [made.rectangle]


def _editor(window: MainWindow) -> TextEditor:
    editor = window.archive_view.document.texts.widget(0)
    assert isinstance(editor, TextEditor)
    return editor


def _select(editor: TextEditor, passage: str) -> None:
    text = editor.body.toPlainText()
    start = text.index(passage)
    cursor = editor.body.textCursor()
    cursor.setPosition(qt_position(text, start))
    cursor.setPosition(qt_position(text, start + len(passage)), QTextCursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)


def test_redact_on_a_selection_strikes_the_passage_through_and_undo_takes_it_off(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
    language: str,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    editor = _editor(window)
    assert not editor.redact_action.isEnabled()  # nothing selected yet
    assert editor.redact_action.text() == ("Redact" if language == "en" else "پوشاندن")
    _select(editor, SECRET)
    assert editor.redact_action.isEnabled()
    editor.redact_action.trigger()
    [made] = _stored(window, worker)
    assert isinstance(made, TextRedaction) and made.target.quote == SECRET
    assert editor.redactions == [(made.id, BODY.index(SECRET), BODY.index(SECRET) + len(SECRET))]
    [drawn] = [s for s in editor.body.extraSelections() if s.format.hasProperty(REDACTION_PROPERTY)]
    assert drawn.format.fontStrikeOut()
    assert drawn.cursor.selectedText() == SECRET
    window.archive_view.undo_stack.undo()
    assert _stored(window, worker) == [] and editor.redactions == []


def test_a_passage_typed_but_not_saved_is_saved_first_and_redacted_where_it_is(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    editor = _editor(window)
    cursor = editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.body.setTextCursor(cursor)
    editor.body.insertPlainText("Nasrin wrote: ")
    assert editor.is_modified
    _select(editor, "Nasrin")
    editor.redact_action.trigger()
    [made] = _stored(window, worker)
    assert isinstance(made, TextRedaction)
    assert (made.target.start, made.target.quote) == (0, "Nasrin")
    assert not editor.is_modified
    # One undo takes off the redaction and the save together.
    window.archive_view.undo_stack.undo()
    assert _stored(window, worker) == []
    body = _in_core(window, worker, lambda db: db.value("SELECT body FROM texts"))
    assert body == BODY


def test_the_export_plan_shows_each_page_as_it_leaves_and_each_name_replaced(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
    language: str,
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        sample = fill(archive)
        store.on_page(archive.db, sample.page, 0.0, 0.0, 0.5, 1.0)  # the left half
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    dialog = window.bundles.open_export()
    assert isinstance(dialog, ExportDialog)
    dialog.by_person.setChecked(True)
    dialog.person.setCurrentIndex(dialog.person.findData(sample.prisoner))
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == export_pages.PLAN
    shown = dialog.plan_view.toPlainText()
    assert WITNESS_NAME in shown and "Witness " in shown  # the replacement, listed
    if language == "en":
        assert "The pages as they will leave" in shown
        assert "1 page(s) leave with their redacted parts blacked out" in shown
        assert "Names replaced in what leaves" in shown
    # The picture of the page is made from the copy that leaves: its left half black.
    picture = dialog.plan_view.pictures[sample.page]
    assert isinstance(picture, QImage) and not picture.isNull()
    assert picture.pixelColor(2, picture.height() // 2).lightness() < 30
    assert picture.pixelColor(picture.width() - 3, picture.height() // 2).lightness() > 60
    assert f'src="leaving:{sample.page}"' in dialog.plan_view.toHtml()
    dialog.reject()


# --- Faces suggested -----------------------------------------------------------------------


def _face_page(archive_folder: Path) -> Path:
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Photo from a visit"))
        buffer = io.BytesIO()
        drawn_face(120).save(buffer, "PNG")
        add_pages(db, letter.id, buffer.getvalue(), "visit.png")
    return archive_folder


def test_faces_found_are_offered_one_by_one_and_redacted_only_when_confirmed(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
    language: str,
) -> None:
    window = _opened(make_window, location, _face_page(archive_folder), worker)
    view = window.archive_view
    pages = view.document.pages
    assert pages.faces_button.isEnabled()
    pages.faces_button.click()
    dialog = view.redactions.faces_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.position.text() == ("Face 1 of 1" if language == "en" else "چهرهٔ ۱ از ۱")
    assert not dialog.picture.pixmap().isNull()
    dialog.redact_button.click()
    assert view.redactions.faces_dialog is None  # the last face answered closes it
    [made] = _stored(window, worker)
    assert isinstance(made, PageRedaction)
    x, y, w, h = made.rectangle
    assert x < 1 / 3 < x + w and y < 0.5 < y + h
    assert pages.picture.redactions == [(made.id, made.rectangle)]
    view.undo_stack.undo()
    assert _stored(window, worker) == []
    # Asked again, the face is offered again; "Not a Face" redacts nothing.
    pages.faces_button.click()
    dialog = view.redactions.faces_dialog
    assert dialog is not None
    dialog.skip_button.click()
    assert _stored(window, worker) == [] and view.redactions.faces_dialog is None


def test_a_page_without_faces_or_without_opencv_says_so_in_the_status(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    view = window.archive_view
    said: list[str] = []
    view.redactions.status.connect(said.append)
    view.document.pages.faces_button.click()
    assert view.redactions.faces_dialog is None
    assert said[-1].startswith("No faces found on this page.")

    def missing() -> None:
        raise FacesUnavailable()

    monkeypatch.setattr(faces, "_detector", missing)
    view.document.pages.faces_button.click()
    assert said[-1] == FacesUnavailable().message
    assert _stored(window, worker) == []


class _WriteTo(FileChooser):
    def __init__(self, answer: Path) -> None:
        self.answer = answer

    def new_file(
        self, parent: QWidget | None, title: str, pattern: str, suggested: str
    ) -> Path | None:
        return self.answer


def test_export_page_of_a_redacted_page_offers_only_the_copy_with_the_box_burned_in(
    make_window: MakeWindow,
    location: RememberedLocation,
    letter_folder: Path,
    worker: SynchronousWorker,
    tmp_path: Path,
) -> None:
    window = _opened(make_window, location, letter_folder, worker)
    _redact_region(window, (0.0, 0.0, 0.5, 0.5))
    info = window.page_info
    info.chooser = _WriteTo(tmp_path / "copy")
    info.export_action.trigger()
    dialog = info.dialog
    assert isinstance(dialog, PageExportDialog)
    assert not dialog.original_choice.isEnabled() and dialog.sanitised.isChecked()
    dialog.save_button.click()
    written = tmp_path / "copy.png"
    with Image.open(written) as image:
        picture = image.convert("RGB")
    assert picture.getpixel((10, 10)) == (0, 0, 0)
    assert picture.getpixel((390, 590)) == CREAM


def test_the_lock_closes_the_faces_offered_and_drops_their_pictures(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, _face_page(archive_folder), worker)
    window.archive_view.document.pages.faces_button.click()
    dialog = window.archive_view.redactions.faces_dialog
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert window.archive_view.redactions.faces_dialog is None
    assert not dialog.isVisible() and dialog.current is None
    assert dialog.picture.pixmap().isNull()
