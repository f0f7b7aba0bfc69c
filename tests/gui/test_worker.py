"""The worker thread that owns the archive, and the unlock that runs on it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from amanat.core.errors import AmanatError, WrongPassword
from amanat.gui.main_window import MainWindow
from amanat.gui.operations import open_archive
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.worker import Session, ThreadWorker
from tests.helpers.archives import PASSWORD


@pytest.fixture
def thread_worker(qapp: object) -> Iterator[ThreadWorker]:
    made = ThreadWorker()
    yield made
    made.shutdown()


def test_operations_run_on_one_thread_and_answers_arrive_on_the_gui_thread(
    qtbot: QtBot, thread_worker: ThreadWorker
) -> None:
    owner = QObject()
    ran_on: list[int] = []
    answered_on: list[int] = []

    def where(session: Session) -> int:
        ran_on.append(threading.get_ident())
        return len(ran_on)

    for _ in range(3):
        thread_worker.submit(where, owner, lambda _: answered_on.append(threading.get_ident()))
    qtbot.waitUntil(lambda: len(answered_on) == 3)
    assert len(set(ran_on)) == 1
    assert ran_on[0] != threading.get_ident()
    assert set(answered_on) == {threading.get_ident()}


def test_errors_the_user_can_fix_reach_the_failure_callback(
    qtbot: QtBot, thread_worker: ThreadWorker, archive_folder: Path
) -> None:
    owner = QObject()
    failures: list[AmanatError] = []
    thread_worker.submit(open_archive(archive_folder, "wrong"), owner, None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], WrongPassword)


def test_answers_for_a_deleted_owner_are_dropped(qtbot: QtBot, thread_worker: ThreadWorker) -> None:
    gate = threading.Event()
    owner = QObject()
    answers: list[int] = []
    thread_worker.submit(lambda _: gate.wait(5) and 1, owner, answers.append)
    owner.deleteLater()
    qtbot.wait(10)
    gate.set()
    finished = threading.Event()
    keeper = QObject()
    thread_worker.submit(lambda _: None, keeper, lambda _: finished.set())
    qtbot.waitUntil(finished.is_set)
    assert answers == []


def test_answers_computed_before_a_lock_are_dropped(
    qtbot: QtBot, thread_worker: ThreadWorker
) -> None:
    gate = threading.Event()
    owner = QObject()
    answers: list[str] = []
    thread_worker.submit(lambda _: gate.wait(5) and "before", owner, answers.append)
    thread_worker.invalidate()  # what locking does first
    gate.set()
    thread_worker.submit(lambda _: "after", owner, answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    qtbot.wait(20)
    assert answers == ["after"]


@pytest.mark.real_kdf
def test_unlocking_shows_progress_while_the_key_is_derived_off_the_gui_thread(
    qtbot: QtBot,
    thread_worker: ThreadWorker,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    location.remember(filled_folder)
    window = MainWindow(thread_worker, location, Preferences())
    qtbot.addWidget(window)
    window.start()
    window.unlock(PASSWORD)
    # unlock() returned at once: the GUI thread is free while Argon2id runs.
    assert not window.is_unlocked
    assert not window.unlock_page.progress.isHidden()
    assert not window.unlock_page.password.isEnabled()
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: window.archive_view.documents.rowCount() > 0)
    window.lock()
    assert window.archive_view.documents.rowCount() == 0
