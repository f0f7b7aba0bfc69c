"""Unlocking an archive an older Amanat made: the unlock screen says the archive is being
updated and how far, relayed from the worker thread, and then the archive opens. Quitting
meanwhile lets the update (one transaction) finish before the archive is locked."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core import schema
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.start import UnlockPage
from amanat.gui.worker import ThreadWorker
from tests.helpers.archives import PASSWORD, needing_the_reindex, records_digest

UPDATING = "Updating the archive for this version of Amanat… "


class _QuitOnce(ThreadWorker):
    """A worker the test may shut down itself (to read the archive after): once is enough."""

    def __init__(self) -> None:
        super().__init__()
        self.quit = False

    def shutdown(self) -> None:
        if not self.quit:
            self.quit = True
            super().shutdown()


@pytest.fixture
def thread_worker(qapp: object) -> Iterator[ThreadWorker]:
    made = _QuitOnce()
    yield made
    made.shutdown()


def _window(qtbot: QtBot, worker: ThreadWorker, location: RememberedLocation) -> MainWindow:
    window = MainWindow(worker, location, Preferences())
    qtbot.addWidget(window)
    window.start()
    return window


def _version(folder: Path) -> int:
    archive = Archive.open(folder, PASSWORD)
    try:
        return int(archive.db.value("PRAGMA user_version"))
    finally:
        archive.lock()


def test_the_unlock_screen_shows_the_update_and_then_the_archive_opens(
    qtbot: QtBot,
    thread_worker: ThreadWorker,
    location: RememberedLocation,
    archive_folder: Path,
) -> None:
    needing_the_reindex(archive_folder, documents=5)
    location.remember(archive_folder)
    window = _window(qtbot, thread_worker, location)
    page = window.unlock_page
    seen: list[tuple[str, int, int, bool]] = []
    on_threads: list[int] = []

    def look() -> None:
        on_threads.append(threading.get_ident())
        seen.append(
            (page.status.text(), page.progress.value(), page.progress.maximum(), page.isVisible())
        )

    # Connected after the page's own slot: what the page shows once a report has arrived.
    window.unlock_job.progressed.connect(look)
    window.unlock(PASSWORD)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)

    assert seen, "the migration's progress never reached the unlock screen"
    assert set(on_threads) == {threading.get_ident()}  # the GUI thread, never the worker's
    text, value, maximum, _ = seen[-1]
    assert text == UPDATING + "100 %"
    assert value == maximum >= 5
    assert all(shown.startswith(UPDATING) for shown, _, _, _ in seen)
    # Unlocked: the archive is shown and the unlock screen forgot the update.
    assert window.stack.currentWidget() is window.archive_view
    assert page.status.text() == ""
    window.lock()
    thread_worker.shutdown()  # after the lock's own close: the archive is let go
    assert _version(archive_folder) == schema.LATEST


def test_quitting_during_the_update_lets_it_finish_and_keeps_every_record(
    qtbot: QtBot,
    thread_worker: ThreadWorker,
    location: RememberedLocation,
    archive_folder: Path,
) -> None:
    needing_the_reindex(archive_folder, documents=5)
    before = records_digest(archive_folder)
    location.remember(archive_folder)
    window = _window(qtbot, thread_worker, location)
    window.unlock(PASSWORD)
    # Quit at once, while the key is derived or the index rebuilt: the archive's thread runs
    # the open to its end (one transaction), then locks.
    thread_worker.shutdown()
    assert _version(archive_folder) == schema.LATEST
    assert records_digest(archive_folder) == before


def test_the_update_is_told_in_persian_with_persian_digits(
    qapp: QApplication, qtbot: QtBot
) -> None:
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        page = UnlockPage()
        qtbot.addWidget(page)
        page.set_busy(True)
        page.set_progress(42, 100)
        assert page.status.text() == "در حال به‌روز کردن بایگانی برای این نسخهٔ امانت… ۴۲٪"
        assert (page.progress.value(), page.progress.maximum()) == (42, 100)
    finally:
        apply_language(qapp, Preferences())
