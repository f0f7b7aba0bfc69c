"""Fixtures for the GUI tests: an offscreen Qt, a synchronous worker, settings in a
temporary folder, and a window whose dialogs are answered by the test.

The environment is set before anything creates a QApplication or reads a QSettings path
(Qt caches those), so nothing a test does can touch the real user's configuration.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="amanat-gui-home-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HOME"] = str(_HOME)
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from amanat.core.dates import FuzzyDate  # noqa: E402
from amanat.core.keyslots import FLOOR  # noqa: E402
from amanat.core.records import (  # noqa: E402
    Document,
    DocumentKind,
    Person,
    Role,
    Tag,
    Text,
    TextKind,
)
from amanat.core.storage import documents, people, tags, texts  # noqa: E402
from amanat.core.vault import Archive  # noqa: E402
from amanat.gui.create_archive import NewArchive  # noqa: E402
from amanat.gui.file_dialogs import FileChooser  # noqa: E402
from amanat.gui.main_window import ArchiveDialogs, MainWindow  # noqa: E402
from amanat.gui.settings import Preferences, RememberedLocation  # noqa: E402
from amanat.gui.worker import SynchronousWorker  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402

CONFIG_HOME = _HOME / "config"
DOCUMENT_COUNT = 150
"""More than two pages of rows (64 each) of the document list."""


class FakeChooser(FileChooser):
    """Answers 'which folder?' with whatever the test put in ``answer``."""

    def __init__(self) -> None:
        self.answer: Path | None = None
        self.files: list[Path] = []
        self.asked = 0

    def existing_folder(
        self, parent: QWidget | None, title: str, start: Path | None
    ) -> Path | None:
        self.asked += 1
        return self.answer

    def files_to_import(self, parent: QWidget | None, title: str) -> list[Path]:
        self.asked += 1
        return list(self.files)


class FakeDialogs(ArchiveDialogs):
    def __init__(self) -> None:
        self.new: NewArchive | None = None
        self.codes_shown: list[str] = []
        self.empty_trash_answer = False
        self.empty_trash_asked: list[int] = []
        self.tag_colour_answer: str | None = "#009e73"
        self.tag_colours_asked: list[tuple[str, str | None]] = []

    def new_archive(self, parent: QWidget, chooser: FileChooser) -> NewArchive | None:
        return self.new

    def recovery_code(self, parent: QWidget, code: str, archive_name: str = "") -> None:
        self.codes_shown.append(code)

    def confirm_empty_trash(self, parent: QWidget, count: int) -> bool:
        self.empty_trash_asked.append(count)
        return self.empty_trash_answer

    def tag_colour(self, parent: QWidget, tag_path: str, current: str | None) -> str | None:
        self.tag_colours_asked.append((tag_path, current))
        return self.tag_colour_answer


@pytest.fixture
def worker(qapp: QApplication) -> Iterator[SynchronousWorker]:
    made = SynchronousWorker()
    yield made
    made.shutdown()


@pytest.fixture
def location(tmp_path: Path) -> RememberedLocation:
    return RememberedLocation.at(tmp_path / "settings" / "amanat.ini")


@pytest.fixture
def preferences() -> Preferences:
    return Preferences()


@pytest.fixture
def chooser() -> FakeChooser:
    return FakeChooser()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def make_window(
    qtbot: QtBot,
    worker: SynchronousWorker,
    location: RememberedLocation,
    preferences: Preferences,
    chooser: FakeChooser,
    dialogs: FakeDialogs,
    tmp_path: Path,
) -> Iterator[Callable[[], MainWindow]]:
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(
            worker,
            location,
            preferences,
            chooser=chooser,
            dialogs=dialogs,
            kdf=FLOOR,
            demo_folder=tmp_path / "demo" / "demo.amanat",
        )
        qtbot.addWidget(window)
        window.resize(1100, 700)
        # Focus and window shortcuts (Ctrl+L) need the window to be the active one.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.start()
        made.append(window)
        return window

    yield make
    for window in made:
        window.lock()


@pytest.fixture
def filled_folder(archive_folder: Path) -> Path:
    """An archive with two prisoners, a relative, nested tags and DOCUMENT_COUNT documents,
    some of them in Persian."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        narges = people.add(db, Person("Narges", name_fa="نرگس", roles=(Role.PRISONER,)))
        kaveh = people.add(db, Person("Kaveh", roles=(Role.PRISONER,)))
        mother = people.add(db, Person("Mother", roles=(Role.RELATIVE,)))
        conditions = tags.add(db, Tag("conditions", colour="#aa3355"))
        solitary = tags.add(db, Tag("solitary", colour="#3355aa", parent_id=conditions.id))
        with db.transaction():
            for n in range(DOCUMENT_COUNT):
                prisoner = narges if n % 2 else kaveh
                document = documents.add(
                    db,
                    Document(
                        kind=DocumentKind.TESTIMONY if n % 5 == 0 else DocumentKind.LETTER,
                        title=f"Letter {n:03d}",
                        date=FuzzyDate.of_day(2011 + n % 10, 1 + n % 12, 1 + n % 28),
                        author_id=prisoner.id,
                        recipient_ids=(mother.id,),
                        tag_ids=(solitary.id,) if n % 3 == 0 else (),
                    ),
                )
                if n % 2:
                    texts.add(
                        db,
                        Text(document.id, TextKind.TRANSCRIPTION, "fa", "مادر عزیزم، سلام."),
                    )
    return archive_folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says this of every shown window that has a layout; it is about
    # the test platform, not the application, so it must not fail the tests the way every
    # other Qt warning does (qt_log_level_fail = WARNING).
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
