"""A recording page in the document view: a video shows its frames where the page's picture
would be, a sound shows a card saying what it is (in the interface's language and digits,
with the page's warning), the page strip shows their thumbnails, the lock forgets the frame,
and playing a video writes nothing of it to the disk."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.app.previews import make_missing_previews
from amanat.core.scans import import_files
from amanat.core.vault import Archive
from amanat.gui.document_view import DocumentView
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.models.document_list import placeholder
from amanat.gui.operations import DocumentColumn
from amanat.gui.page_strip import PageStripModel
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers import recordings
from tests.helpers.archives import PASSWORD
from tests.helpers.playing import quiet_without_sound

MakeWindow = Callable[[], MainWindow]
TEHRAN = {"location": "+35.6892+051.3890/"}
VIDEO = recordings.recording("mp4", 6.0)
SOUND = recordings.recording("m4a", 12.0, tags=TEHRAN)


def _archive_with(folder: Path, name: str, data: bytes, pictures: bool = False) -> Path:
    """``data`` imported as a recording (through the import's own path), its file gone."""
    source = folder.parent / name
    source.write_bytes(data)
    with Archive.open(folder, PASSWORD) as archive:
        import_files(archive.db, [source])
        if pictures:
            make_missing_previews(archive)
    source.unlink()
    return folder


def _opened(
    make_window: MakeWindow, location: RememberedLocation, folder: Path, worker: SynchronousWorker
) -> DocumentView:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    found: list[str] = []

    def run(session: Session) -> str:
        return str(session.require().db.value("SELECT id FROM documents"))

    worker.submit(run, window, found.append)
    window.archive_view.show_document(found[0])
    return window.archive_view.document


@quiet_without_sound
def test_a_video_page_shows_its_frames_where_the_picture_would_be(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    folder = _archive_with(archive_folder, "witness.mp4", VIDEO)
    view = _opened(make_window, location, folder, worker)
    shown = view.recording_view
    assert shown.isVisibleTo(view) and not view.pages.scroller.isVisibleTo(view)
    # Marking, redacting, turning and zooming act on a picture, which a video page has not.
    assert not any(tool.isVisible() for tool in view.pages.picture_tools)
    # Before it is played, the card says what it is.
    qtbot.waitUntil(lambda: view.player.player.duration() > 5000, timeout=5000)
    assert shown.card.isVisibleTo(view) and shown.card.heading.text() == "Video recording"
    view.player.play_or_pause()
    qtbot.waitUntil(lambda: shown.video.frames_shown > 5, timeout=5000)
    assert shown.video.frame.size() == QSize(64, 48)
    assert shown.video.isVisibleTo(view) and not shown.card.isVisibleTo(view)
    assert view.player.playing
    # The frame is painted, fitted, in the room the page has.
    painted = shown.video.grab().toImage()
    inside = shown.video.picture_rect()
    assert inside.width() > 64 and abs(inside.height() - inside.width() * 48 / 64) <= 1
    assert QColor(painted.pixel(inside.center())) != QColor(Qt.GlobalColor.black)


@quiet_without_sound
def test_the_lock_forgets_the_frame_and_the_page_shows_a_picture_again(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    folder = _archive_with(archive_folder, "witness.mp4", VIDEO)
    view = _opened(make_window, location, folder, worker)
    qtbot.waitUntil(lambda: view.player.player.duration() > 5000, timeout=5000)
    view.player.play_or_pause()
    qtbot.waitUntil(lambda: view.recording_view.video.frames_shown > 0, timeout=5000)
    view.window().lock()  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert view.recording_view.video.frame.isNull()
    assert not view.recording_view.isVisibleTo(view)
    assert all(tool.isVisible() for tool in view.pages.picture_tools)


def test_without_qts_media_libraries_a_video_page_shows_its_card_and_the_reason(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = _archive_with(archive_folder, "witness.mp4", VIDEO)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    view = _opened(make_window, location, folder, worker)
    card = view.recording_view.card
    assert card.isVisibleTo(view) and not view.recording_view.video.isVisibleTo(view)
    assert card.heading.text() == "Video recording"
    assert card.value("Duration") == "0:06"
    assert "64 × 48 pixels" in card.value("Picture")
    assert "sound libraries are missing" in view.player.problem.text()
    assert view.recording_view.video.frames_shown == 0


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


@quiet_without_sound
def test_a_sound_page_shows_a_card_in_persian_digits_with_its_warning(
    persian: None,
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    folder = _archive_with(archive_folder, "call.m4a", SOUND)
    view = _opened(make_window, location, folder, worker)
    card = view.recording_view.card
    assert card.isVisibleTo(view) and not view.recording_view.video.isVisibleTo(view)
    assert card.heading.text() == "صدای ضبط‌شده"
    assert card.value("مدت") == "۰:۱۲"
    assert card.value("قالب") == "M4A"
    assert "aac" in card.value("صدا")
    warning = view.recording_view.warning
    assert warning.isVisibleTo(view) and "نسخهٔ پاک" in warning.text()
    # No frame ever comes from a sound: the card stays.
    view.player.play_or_pause()
    qtbot.waitUntil(lambda: view.player.seconds > 0.3, timeout=5000)
    assert card.isVisibleTo(view) and view.recording_view.video.frames_shown == 0


@quiet_without_sound
def test_the_page_strip_and_the_document_list_show_a_videos_poster_frame(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
) -> None:
    folder = _archive_with(archive_folder, "witness.mp4", VIDEO, pictures=True)
    view = _opened(make_window, location, folder, worker)
    model = view.page_strip.model
    assert isinstance(model, PageStripModel)
    qtbot.waitUntil(lambda: not model.missing_thumbnails(), timeout=3000)
    shown = model.data(model.index(0), Qt.ItemDataRole.DecorationRole).toImage()
    assert isinstance(shown, QImage)
    # The poster's dark background and its light square 2 s in, not the strip's grey blank.
    width, height = shown.width(), shown.height()
    dark = QColor(shown.pixel(width * 10 // 64, height // 4)).lightness()
    light = QColor(shown.pixel(width * 50 // 64, height // 4)).lightness()
    assert light > dark + 100
    documents = view.window().archive_view.documents  # type: ignore[attr-defined]
    listed = documents.data(
        documents.index(0, DocumentColumn.TITLE), Qt.ItemDataRole.DecorationRole
    )
    assert isinstance(listed, QPixmap)
    assert listed.cacheKey() != placeholder().cacheKey()
    assert (
        listed.toImage().pixelColor(listed.width() * 50 // 64, listed.height() // 4).lightness()
        > 170
    )


@quiet_without_sound
def test_playing_a_video_writes_nothing_of_it_to_the_disk(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
    tmp_path: Path,
) -> None:
    folder = _archive_with(archive_folder, "witness.mp4", VIDEO)
    started = time.time() - 1
    view = _opened(make_window, location, folder, worker)
    view.player.play_or_pause()
    qtbot.waitUntil(lambda: view.player.seconds > 2, timeout=6000)
    view.window().lock()  # type: ignore[attr-defined]
    QApplication.processEvents()
    digest = hashlib.sha256(VIDEO).hexdigest().encode()
    middle = VIDEO[len(VIDEO) // 2 : len(VIDEO) // 2 + 64]  # compressed: in no other file
    written = []
    for top in {Path(os.environ["HOME"]), tmp_path, Path(tempfile.gettempdir())}:
        for path in _written_since(top, started):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # gone meanwhile: another process's temporary file
            assert middle not in data and digest not in data, path
            written.append(path)
    assert written  # the scan saw the files this session wrote (the archive, its settings)


def _written_since(top: Path, started: float) -> list[Path]:
    found = []
    for folder, _dirs, names in os.walk(top, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            try:
                if path.is_file() and path.stat().st_mtime >= started:
                    found.append(path)
            except OSError:
                continue
    return found
