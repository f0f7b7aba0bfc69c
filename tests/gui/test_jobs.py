"""One runner for every long job in the window: progress reaches the GUI thread, Cancel and
the lock stop the job between units, and a dialog closed while its job runs stays until the
job has stopped."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from amanat.core.errors import AmanatError, DiskFull
from amanat.core.jobs import Cancel, Progress, Report
from amanat.gui.jobs import Job, Start
from amanat.gui.worker import Operation, Session, SynchronousWorker, ThreadWorker


def _counting(units: int, seen_cancel: list[int]) -> Start[int]:
    """A job of ``units`` units that reports each one and stops when asked; returns how many
    it finished."""

    def start(report: Report, cancel: Cancel) -> Operation[int]:
        def run(session: Session) -> int:
            for done in range(1, units + 1):
                if cancel():
                    seen_cancel.append(done)
                    return done - 1
                report(Progress(done, units, f"unit {done}"))
            return units

        return run

    return start


class _Results:
    def __init__(self) -> None:
        self.done: list[object] = []
        self.failed: list[AmanatError] = []


@pytest.fixture
def results() -> _Results:
    return _Results()


def test_progress_reaches_the_window_and_the_result_follows(
    worker: SynchronousWorker, results: _Results
) -> None:
    job = Job(worker)
    seen: list[Progress] = []
    job.progressed.connect(seen.append)
    assert job.start(_counting(3, []), results.done.append, results.failed.append)
    assert [p.done for p in seen] == [1, 2, 3] and seen[-1].current == "unit 3"
    assert results.done == [3] and not job.running


def test_cancel_stops_the_job_between_units(worker: SynchronousWorker, results: _Results) -> None:
    job = Job(worker)
    stopped_at: list[int] = []
    cancelling: list[bool] = []
    job.cancelling.connect(lambda: cancelling.append(True))
    job.progressed.connect(lambda p: p.done == 2 and job.cancel())
    job.start(_counting(5, stopped_at), results.done.append, results.failed.append)
    assert results.done == [2] and stopped_at == [3]
    assert cancelling == [True]


def test_locking_cancels_the_job_and_drops_its_result(
    worker: SynchronousWorker, results: _Results
) -> None:
    job = Job(worker)
    stopped_at: list[int] = []
    job.progressed.connect(lambda p: p.done == 1 and worker.invalidate())
    job.start(_counting(5, stopped_at), results.done.append, results.failed.append)
    assert stopped_at == [2]
    assert results.done == [] and not job.running


def test_a_failure_reaches_the_window_and_ends_the_job(
    worker: SynchronousWorker, results: _Results
) -> None:
    def start(report: Report, cancel: Cancel) -> Operation[None]:
        def run(session: Session) -> None:
            raise DiskFull()

        return run

    job = Job(worker)
    job.start(start, results.done.append, results.failed.append)
    assert [type(e) for e in results.failed] == [DiskFull] and not job.running


class _Dialog(QDialog):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def reject(self) -> None:
        if self.job.stop_if_running():
            return
        super().reject()


@pytest.fixture
def thread_worker(qapp: QApplication) -> Iterator[ThreadWorker]:
    made = ThreadWorker()
    yield made
    made.shutdown()


def test_on_a_real_thread_closing_the_dialog_cancels_and_it_closes_once_stopped(
    thread_worker: ThreadWorker, qtbot: QtBot, results: _Results
) -> None:
    job = Job(thread_worker)
    dialog = _Dialog(job)
    release = threading.Event()

    def start(report: Report, cancel: Cancel) -> Operation[int]:
        def run(session: Session) -> int:
            report(Progress(1, 3, "first"))
            release.wait(5)
            return 0 if cancel() else 3

        return run

    seen: list[Progress] = []
    job.progressed.connect(seen.append)
    with qtbot.waitSignal(job.progressed, timeout=5000):
        job.start(start, results.done.append, results.failed.append)
    assert seen[0].current == "first"  # relayed onto the GUI thread
    dialog.show()
    dialog.reject()  # the user closes the window while the job runs
    assert dialog.isVisible() and job.cancelled and job.running
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert results.done == [0]
    dialog.reject()
    assert not dialog.isVisible()


def test_a_second_start_while_one_runs_is_refused(
    thread_worker: ThreadWorker, qtbot: QtBot, results: _Results
) -> None:
    job = Job(thread_worker)
    release = threading.Event()

    def start(report: Report, cancel: Cancel) -> Operation[int]:
        return lambda session: int(release.wait(5))

    assert job.start(start, results.done.append, results.failed.append)
    assert not job.start(start, results.done.append, results.failed.append)
    release.set()
    qtbot.waitUntil(lambda: results.done == [1], timeout=5000)
