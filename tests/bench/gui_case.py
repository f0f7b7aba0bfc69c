"""Benchmark: does the window stay responsive? (a) The document list over 100,000 documents:
how soon the first rows are painted after unlocking, and the longest GUI-thread stall while
scrolling. (b) The longest GUI-thread stall while 200 scans are imported.

Each part runs in a process of its own under the offscreen Qt platform: a QApplication is
made once per process, and the measurement must not touch the user's settings or screen.

    python -m tests.bench --only gui [--quick]   (or python -m tests.bench.gui_case)
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench.report import Section

NAME = "gui"
DOCUMENTS = 100_000
QUICK_DOCUMENTS = 5_000
SCANS = 200
QUICK_SCANS = 20
SCAN_SIZE = (1600, 1200)
PAGE_STEPS = 60
JUMPS = 20
HEARTBEAT_MS = 5
AFTER_IMPORT_MS = 500
GOAL_STALL_MS = 50.0
PASSWORD = "benchmark password"


# --- Shared by the child processes -------------------------------------------------------------


def _isolate(workdir: Path) -> None:
    """Offscreen, and settings in the work folder: set before Qt is imported, since Qt
    caches its platform and its settings paths."""
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")


def _pump_until(done: Callable[[], bool], timeout: float = 120.0) -> list[float]:
    """Run the event loop until ``done()``; returns how long each processEvents call took,
    in milliseconds. Each call is one turn of the GUI thread: its length is a stall."""
    from PySide6.QtWidgets import QApplication

    turns: list[float] = []
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        start = time.perf_counter()
        QApplication.processEvents()
        turns.append((time.perf_counter() - start) * 1000)
        time.sleep(0.0005)  # let the worker thread's results arrive, as an idle loop would
    return turns


def _open_window(workdir: Path, folder: Path) -> Any:
    """The main window as the application makes it (ThreadWorker), unlocked at 1280×800."""
    from amanat.core.keyslots import FLOOR
    from amanat.gui.main_window import MainWindow
    from amanat.gui.settings import Preferences, RememberedLocation
    from amanat.gui.worker import ThreadWorker

    location = RememberedLocation.at(workdir / "settings" / "amanat.ini")
    location.remember(folder)
    window = MainWindow(ThreadWorker(), location, Preferences(), kdf=FLOOR)
    window.resize(1280, 800)
    window.show()
    window.start()
    return window


# --- (a) The document list ---------------------------------------------------------------------


def build_archive(folder: Path, count: int) -> None:
    """``count`` documents written straight into the documents table in one transaction.
    documents.add also indexes each for search and audits it, which would take minutes and
    is not what the list reads; the rows come from the storage module's own _row so the
    columns are exactly the ones it writes."""
    from amanat.core.dates import FuzzyDate
    from amanat.core.keyslots import FLOOR
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents
    from amanat.core.vault import Archive

    archive = Archive.create(folder, PASSWORD, kdf=FLOOR)
    try:
        rows = [
            documents._row(
                Document(
                    kind=DocumentKind.LETTER if n % 5 else DocumentKind.TESTIMONY,
                    title=f"Letter {n:06d}" if n % 2 else f"نامهٔ شمارهٔ {n}",
                    date=FuzzyDate.of_day(1990 + n % 35, 1 + n % 12, 1 + n % 28),
                )
            )
            for n in range(count)
        ]
        with archive.db.transaction():
            archive.db.executemany(
                f"INSERT INTO documents ({documents._COLUMNS}) VALUES ({', '.join('?' * 23)})",
                rows,
            )
    finally:
        archive.lock()


def _scroll(table: Any, rows_shown: Callable[[], bool], jumps: int) -> tuple[list[float], float]:
    """Scroll by pages, then jump to far places as a dragged scroll bar does; after each move
    run the loop until the rows in view have arrived. Returns every turn's length (ms) and
    the worst wait for the rows of one move (ms)."""
    import random

    bar = table.verticalScrollBar()
    rng = random.Random(7)
    targets = [
        min(bar.maximum(), bar.value() + bar.pageStep() * (n + 1)) for n in range(PAGE_STEPS)
    ]
    targets += [rng.randint(0, bar.maximum()) for _ in range(jumps)]
    turns: list[float] = []
    worst_wait = 0.0
    for target in targets:
        start = time.perf_counter()
        bar.setValue(target)
        turns += _pump_until(rows_shown)
        worst_wait = max(worst_wait, (time.perf_counter() - start) * 1000)
        turns += _pump_until(_idle_after(3))  # the repaint that follows the rows
    return turns, worst_wait


def _idle_after(calls: int) -> Callable[[], bool]:
    left = [calls]

    def done() -> bool:
        left[0] -= 1
        return left[0] < 0

    return done


def _last_visible_row_shown(table: Any) -> bool:
    from PySide6.QtCore import Qt

    model = table.model()
    row = table.rowAt(table.viewport().height() - 2)
    row = model.rowCount() - 1 if row < 0 else row
    return model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) is not None


def list_child(workdir: Path, count: int) -> dict[str, Any]:
    _isolate(workdir)
    folder = workdir / "list.amanat"
    start = time.perf_counter()
    build_archive(folder, count)
    built = time.perf_counter() - start

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    application = QApplication([])
    window = _open_window(workdir, folder)
    _pump_until(lambda: window.stack.currentWidget() is window.unlock_page)
    started = time.perf_counter()
    window.unlock(PASSWORD)
    _pump_until(lambda: window.is_unlocked)
    unlocked = time.perf_counter()
    view = window.archive_view
    model = view.documents
    first_turns = _pump_until(lambda: model.rowCount() > 0 and model.index(0, 0).data() is not None)
    rows_ready = time.perf_counter()
    view.table.viewport().repaint()
    painted = time.perf_counter()
    scroll_turns, worst_wait = _scroll(
        view.table, lambda: _last_visible_row_shown(view.table), JUMPS
    )
    visible_rows = view.table.rowAt(view.table.viewport().height() - 2) - view.table.rowAt(0) + 1
    listed = model.rowCount()
    window.lock()
    _pump_until(_idle_after(20))

    # Baseline: the same kind of table, same size and row height, over a QStandardItemModel
    # whose 1,000 rows are all in memory. No fetching at all: what Qt's view costs by itself.
    baseline_model = QStandardItemModel(1000, 5)
    for n in range(1000):
        for column, text in enumerate((f"Letter {n:06d}", "1 Jan 2001", "Letter", "", "")):
            baseline_model.setItem(n, column, QStandardItem(text))
    table = QTableView()
    table.setModel(baseline_model)
    table.verticalHeader().setDefaultSectionSize(view.table.verticalHeader().defaultSectionSize())
    table.resize(view.table.size())
    table.show()
    _pump_until(_idle_after(20))
    start = time.perf_counter()
    table.viewport().repaint()
    baseline_paint = time.perf_counter() - start
    baseline_turns, baseline_wait = _scroll(table, lambda: True, JUMPS)
    del application
    return {
        "count": listed,
        "built_s": built,
        "unlock_s": unlocked - started,
        "rows_after_unlock_ms": (rows_ready - unlocked) * 1000,
        "first_turns_max_ms": max(first_turns, default=0.0),
        "paint_ms": (painted - rows_ready) * 1000,
        "scroll_p50_ms": statistics.median(scroll_turns),
        "scroll_max_ms": max(scroll_turns),
        "scroll_worst_wait_ms": worst_wait,
        "visible_rows": visible_rows,
        "baseline_paint_ms": baseline_paint * 1000,
        "baseline_p50_ms": statistics.median(baseline_turns),
        "baseline_max_ms": max(baseline_turns),
        "baseline_worst_wait_ms": baseline_wait,
    }


# --- (b) Import -----------------------------------------------------------------------------------


def make_scans(folder: Path, count: int) -> int:
    """``count`` distinct JPEGs of SCAN_SIZE noise (noise keeps them as large as a photo of
    that size would be); each made unique by a comment. Returns the size of one in bytes."""
    from PIL import Image

    folder.mkdir()
    noise = [Image.effect_noise(SCAN_SIZE, 24) for _ in range(3)]
    picture = Image.merge("RGB", noise)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    for number in range(count):
        text = f"scan {number}".encode()
        comment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
        (folder / f"scan_{number:04}.jpg").write_bytes(data[:2] + comment + data[2:])
    return len(data)


class _Heartbeat:
    """A timer every HEARTBEAT_MS on the GUI thread; the longest gap between two ticks is
    the longest the GUI thread was busy (a stall), whatever kept it busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now


def import_child(workdir: Path, count: int) -> dict[str, Any]:
    _isolate(workdir)
    scans = workdir / "scans"
    size = make_scans(scans, count)
    folder = workdir / "import.amanat"
    from amanat.core.keyslots import FLOOR
    from amanat.core.vault import Archive

    Archive.create(folder, PASSWORD, kdf=FLOOR).lock()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    application = QApplication([])
    window = _open_window(workdir, folder)
    window.unlock(PASSWORD)
    _pump_until(lambda: window.is_unlocked)
    _pump_until(_idle_after(50))

    dialog = window.import_paths(sorted(scans.iterdir()))
    assert dialog is not None
    loop = QEventLoop()
    dialog.imported.connect(lambda _outcome: loop.quit())
    heartbeat = _Heartbeat()
    heartbeat.start()
    start = time.perf_counter()
    dialog.start()
    loop.exec()  # the application's own loop, not processEvents polling: as a user has it
    seconds = time.perf_counter() - start
    # The list and sidebar are read again once the import ends: keep listening while
    # their rows and thumbnails arrive on the GUI thread.
    after = QEventLoop()
    QTimer.singleShot(AFTER_IMPORT_MS, after.quit)
    after.exec()
    heartbeat.stop()
    assert dialog.outcome is not None
    report = dialog.outcome.report
    imported = len(report.documents)
    gaps = heartbeat.gaps
    dialog.close_button.click()
    window.lock()
    _pump_until(_idle_after(20))

    # Baseline: the same heartbeat for as long, with nothing running.
    idle = _Heartbeat()
    idle_loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000) + AFTER_IMPORT_MS, idle_loop.quit)
    idle.start()
    idle_loop.exec()
    idle.stop()
    del application
    return {
        "count": count,
        "imported": imported,
        "refused": len(report.refused),
        "scan_bytes": size,
        "seconds": seconds,
        "max_gap_ms": max(gaps, default=0.0),
        "p99_gap_ms": _percentile(gaps, 0.99),
        "over_goal": sum(1 for gap in gaps if gap > GOAL_STALL_MS),
        "baseline_max_gap_ms": max(idle.gaps, default=0.0),
        "baseline_p99_gap_ms": _percentile(idle.gaps, 0.99),
    }


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- The parent: run each part in its own process, write the section --------------------------


def _measure(kind: str, workdir: Path, count: int) -> dict[str, Any]:
    part = workdir / kind
    part.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.gui_case", "--child", kind, str(part), str(count)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} part failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(workdir: Path, quick: bool) -> Section:
    """Run the benchmark in ``workdir``; returns its section of the report."""
    listed = _measure("list", workdir, QUICK_DOCUMENTS if quick else DOCUMENTS)
    imported = _measure("import", workdir, QUICK_SCANS if quick else SCANS)
    section = Section("Window responsiveness: the document list and an import")
    section.text(
        "Each part runs in its own process under Qt's offscreen platform, with the main "
        "window at 1280×800 and the ThreadWorker the application uses. A *turn* is one "
        "`processEvents` call on the GUI thread: its length is how long the window could not "
        "answer input."
    )
    section.text(
        f"**(a) The document list over {listed['count']:,} documents** (written straight into "
        f"the documents table in {listed['built_s']:.1f} s; no pages, texts or search index, "
        f"which the list does not read). Unlocking took {listed['unlock_s'] * 1000:,.0f} ms "
        "(FLOOR key derivation). Scrolling: "
        f"{PAGE_STEPS} page steps then {JUMPS} random jumps of the scroll bar; after each, "
        "the loop runs until the last row in view has its data, then three more turns for the "
        f"repaint ({listed['visible_rows']} rows in view). Baseline: the same table, size and "
        "row height over a QStandardItemModel of 1,000 rows held in memory, the same moves: "
        "the cost of Qt's view by itself, with no fetching."
    )
    section.table(
        ["measure", "amanat list", "baseline"],
        [
            [
                "unlock complete → first row's data",
                f"{listed['rows_after_unlock_ms']:.0f} ms",
                "n/a",
            ],
            ["longest turn in that time", f"{listed['first_turns_max_ms']:.1f} ms", "n/a"],
            [
                "repaint of the viewport with rows",
                f"{listed['paint_ms']:.1f} ms",
                f"{listed['baseline_paint_ms']:.1f} ms",
            ],
            [
                "scrolling: turn p50",
                f"{listed['scroll_p50_ms']:.2f} ms",
                f"{listed['baseline_p50_ms']:.2f} ms",
            ],
            [
                "scrolling: longest turn",
                f"{listed['scroll_max_ms']:.1f} ms",
                f"{listed['baseline_max_ms']:.1f} ms",
            ],
            [
                "scrolling: worst wait for the rows of one move",
                f"{listed['scroll_worst_wait_ms']:.1f} ms",
                f"{listed['baseline_worst_wait_ms']:.1f} ms",
            ],
        ],
    )
    verdict = "met" if imported["max_gap_ms"] < GOAL_STALL_MS else "missed"
    section.text(
        f"**(b) Importing {imported['count']} scans** through the import dialog, as the Import "
        f"menu does (ThreadWorker; {imported['imported']} documents made, "
        f"{imported['refused']} refused). The scans are {SCAN_SIZE[0]}×{SCAN_SIZE[1]} JPEGs "
        f"of noise, {imported['scan_bytes'] / 1e6:.1f} MB each: smaller than the 12 MP photos "
        "of the scans case, so the run stays short; the GUI thread only gets a progress "
        "signal per file and, afterwards, thumbnails of a fixed size, so its work does not "
        f"grow with the scans' size. The heartbeat runs until {AFTER_IMPORT_MS} ms after the "
        "import ends, while the list is read again. A "
        f"{HEARTBEAT_MS} ms precise timer on the GUI thread runs under "
        "the application's event loop; the longest gap between two ticks is the longest "
        "stall. Baseline: the same heartbeat for as long with nothing running."
    )
    section.table(
        ["run", "seconds", "longest gap", "p99 gap", f"gaps over {GOAL_STALL_MS:.0f} ms"],
        [
            [
                "import",
                f"{imported['seconds']:.1f}",
                f"{imported['max_gap_ms']:.1f} ms",
                f"{imported['p99_gap_ms']:.1f} ms",
                str(imported["over_goal"]),
            ],
            [
                "baseline: idle heartbeat",
                f"{imported['seconds']:.1f}",
                f"{imported['baseline_max_gap_ms']:.1f} ms",
                f"{imported['baseline_p99_gap_ms']:.1f} ms",
                "",
            ],
        ],
    )
    section.text(
        f"Longest GUI-thread stall during the import: {imported['max_gap_ms']:.1f} ms "
        f"(goal < {GOAL_STALL_MS:.0f} ms: {verdict})."
    )
    return section


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        children = {"list": list_child, "import": import_child}
        measured = children[sys.argv[2]](Path(sys.argv[3]), int(sys.argv[4]))
        print(json.dumps(measured))
    else:
        with tempfile.TemporaryDirectory(prefix="amanat-bench-") as work:
            print(run(Path(work), quick="--quick" in sys.argv).markdown())
