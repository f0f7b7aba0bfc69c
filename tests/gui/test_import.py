"""Importing scans from the menu or by dropping files: the dialog, progress, cancel, and the
summary with refused files and the metadata warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import DocumentKind
from amanat.core.scans import ImportProgress, previews
from amanat.core.storage import documents, pages, people
from amanat.core.vault import Archive
from amanat.gui.import_dialog import ImportDialog
from amanat.gui.main_window import MainWindow
from amanat.gui.operations import page_preview
from amanat.gui.settings import RememberedLocation
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser

MakeWindow = Callable[[], MainWindow]


def _files(folder: Path, **made: bytes) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, data in made.items():
        path = folder / name.replace("_", ".")
        path.write_bytes(data)
        paths.append(path)
    return paths


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    return window


def test_two_pngs_become_one_letter_about_the_chosen_person(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    window = _opened(make_window, location, filled_folder)
    chooser.files = _files(
        tmp_path / "in", page1_png=make.png(), page2_png=make.png(make.marked((90, 60)))
    )
    window.import_action.trigger()
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    dialog.person.setCurrentIndex(dialog.person.findText("Narges"))
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.LETTER.value))
    dialog.one_letter.setChecked(True)
    seen: list[ImportProgress] = []
    dialog.advanced.connect(seen.append)
    dialog.import_button.click()
    assert dialog.outcome is not None
    report = dialog.outcome.report
    assert len(report.documents) == 1 and report.pages_added == 2
    assert [p.done for p in seen] == [0, 1, 2]
    assert dialog.bar.value() == 2
    assert dialog.pages.currentWidget() is dialog.summary
    assert "Documents imported: 1, with 2 pages" in dialog.summary.toPlainText()
    assert dialog.outcome.flagged == ()
    # The new letter is listed at once, and it concerns Narges.
    assert window.archive_view.documents.row_of(report.documents[0].document_id) is not None
    dialog.close_button.click()
    assert window.import_dialog is None
    window.lock()
    with Archive.open(filled_folder, PASSWORD) as archive:
        narges = next(p for p in people.all_people(archive.db) if p.display_name == "Narges")
        letter = documents.get(archive.db, report.documents[0].document_id)
        assert letter.concerned_ids == (narges.id,)
        assert len(pages.pages_of(archive.db, letter.id)) == 2


def test_cancel_after_the_first_file_keeps_only_that_file(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path, tmp_path: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    paths = _files(
        tmp_path / "in",
        a_png=make.png(make.marked((50, 40))),
        b_png=make.png(make.marked((60, 40))),
        c_png=make.png(make.marked((70, 40))),
    )
    dialog = window.import_paths(paths)
    assert dialog is not None
    dialog.advanced.connect(lambda p: p.done == 1 and dialog.cancel_button.click())
    dialog.start()
    assert dialog.outcome is not None
    assert dialog.outcome.report.cancelled
    assert len(dialog.outcome.report.documents) == 1
    assert "cancelled" in dialog.summary.toPlainText()


def test_refused_files_are_listed_and_gps_pages_bring_a_warning(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path, tmp_path: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    paths = _files(
        tmp_path / "in",
        **{"holiday_jpg": b"<b>this is not a photo</b>", "from home_jpg": make.jpeg(gps=True)},
    )
    dialog = window.import_paths(paths)
    assert dialog is not None
    dialog.start()
    assert dialog.outcome is not None
    text = dialog.summary.toPlainText()
    assert "Not imported" in text
    assert "holiday.jpg was not imported" in text
    assert "Hidden information" in text
    assert "exports strip this metadata by default" in text
    assert "from home.jpg" in text and "a location" in text
    assert "<b>" not in dialog.summary.toHtml().split("holiday")[0][-5:]


def test_dropping_files_on_the_window_offers_to_import_them(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path, tmp_path: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    paths = _files(tmp_path / "in", dropped_png=make.png())
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert isinstance(window.import_dialog, ImportDialog)
    assert "dropped.png" in window.import_dialog.files.text()


def test_nothing_can_be_dropped_on_a_locked_window(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path, tmp_path: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    assert window.import_paths(_files(tmp_path / "in", x_png=make.png())) is None
    assert not window.import_action.isVisible()


def test_the_import_dialog_works_right_to_left(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
) -> None:
    window = _opened(make_window, location, filled_folder)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    application.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as Persian does
    try:
        dialog = window.import_paths(
            _files(tmp_path / "in", x_png=make.png(), y_png=make.png(make.marked((64, 48))))
        )
        assert dialog is not None
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.waitExposed(dialog)
        # Labels sit on the right, their fields to their left.
        form = dialog.pages.currentWidget().layout()
        label = form.labelForField(dialog.person)
        origin = QPoint(0, 0)
        assert label.mapTo(dialog, origin).x() > dialog.person.mapTo(dialog, origin).x()
        dialog.start()
        assert dialog.outcome is not None and len(dialog.outcome.report.documents) == 2
    finally:
        application.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_previews_follow_the_import_in_the_background_and_a_page_shown_first_gets_its_own(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    paths = _files(tmp_path / "in", a_jpg=make.jpeg(), b_jpg=make.jpeg(quality=80))
    started: list[bool] = []
    # Hold the background pass back, as a lock right after the import would.
    window.preview_pass.start = lambda: started.append(True)  # type: ignore[method-assign]
    dialog = window.import_paths(paths)
    assert dialog is not None
    dialog.import_button.click()
    assert dialog.outcome is not None and started == [True]
    first, second = (d.page_ids[0] for d in dialog.outcome.report.documents)

    def waiting(session: Session) -> list[str]:
        return previews.missing(session.require().db)

    answers: list[object] = []
    worker.submit(waiting, window, answers.append)
    assert answers == [[first, second]]  # thumbnails only, so far
    worker.submit(page_preview(first), window, answers.append)
    assert isinstance(answers[-1], bytes)  # made on demand for the page shown first
    worker.submit(waiting, window, answers.append)
    assert answers[-1] == [second]

    del window.preview_pass.start
    finished: list[bool] = []
    window.preview_pass.finished.connect(lambda: finished.append(True))
    window.preview_pass.start()
    assert finished == [True] and not window.preview_pass.running
    worker.submit(waiting, window, answers.append)
    assert answers[-1] == []
