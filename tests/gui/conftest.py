"""Fixtures for the GUI tests: an offscreen Qt, a synchronous worker, settings in a
temporary folder, and a window whose dialogs are answered by the test (the fakes are in
tests/helpers/gui.py).

The environment is set before anything creates a QApplication or reads a QSettings path
(Qt caches those), so nothing a test does can touch the real user's configuration.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="amanat-gui-home-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HOME"] = str(_HOME)
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from amanat.core.keyslots import FLOOR  # noqa: E402
from amanat.gui.i18n import apply_language  # noqa: E402
from amanat.gui.main_window import MainWindow  # noqa: E402
from amanat.gui.settings import Preferences, RememberedLocation  # noqa: E402
from amanat.gui.worker import SynchronousWorker  # noqa: E402
from tests.helpers.archives import copy_archive  # noqa: E402
from tests.helpers.gui import FakeChooser, FakeDialogs, fill_for_browsing  # noqa: E402

CONFIG_HOME = _HOME / "config"


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: QApplication) -> Iterator[None]:
    """A test that changes the language as the user does (Settings, the welcome screen) leaves
    the next test, in the same process, the English it expects."""
    yield
    if QLocale().language() != QLocale.Language.English:
        apply_language(qapp, Preferences())


@pytest.fixture
def config_home() -> Path:
    """Where Qt and every library write configuration during the GUI tests."""
    return CONFIG_HOME


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
        _follow(window)
        return window

    def _follow(window: MainWindow) -> None:
        # A change of language replaces the window with one made anew: that one is closed
        # at the end of the test too, or a later test's Ctrl+Q would find it.
        made.append(window)
        window.replaced.connect(lambda new: (qtbot.addWidget(new), _follow(new)))

    yield make
    for window in made:
        window.lock()
        window.close()


@pytest.fixture(scope="session")
def _filled_template(_archive_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Filled once for the session: writing 150 documents costs more than copying them."""
    folder = copy_archive(_archive_template, tmp_path_factory.mktemp("filled") / "filled.amanat")
    return fill_for_browsing(folder)


@pytest.fixture
def filled_folder(_filled_template: Path, archive_folder: Path) -> Path:
    """The test's archive (``archive_folder``, the same folder) holding two prisoners, a
    relative, nested tags and DOCUMENT_COUNT documents, some of them in Persian
    (tests.helpers.gui.fill_for_browsing)."""
    shutil.rmtree(archive_folder)
    return copy_archive(_filled_template, archive_folder)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says this of every shown window that has a layout; it is about
    # the test platform, not the application, so it must not fail the tests the way every
    # other Qt warning does (qt_log_level_fail = WARNING).
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
