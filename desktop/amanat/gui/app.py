"""Starting the application: language and direction, translations, the worker, the window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core import process_hardening
from amanat.core.resources import resource
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.portable import application_folder, keep_off_the_computer, portable_data
from amanat.gui.settings import SETTINGS_FILE, Preferences, RememberedLocation, system_language
from amanat.gui.worker import ThreadWorker

APPLICATION_NAME = "amanat"
"""Also names the folders Qt picks for the settings file and the demo archive."""

__all__ = ["APPLICATION_NAME", "apply_language", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    process_hardening.harden()
    parser = argparse.ArgumentParser(
        prog="amanat-gui", description="Amanat, the desktop application."
    )
    parser.add_argument(
        "--language",
        choices=("en", "fa"),
        help="the language of the window (default: the computer's)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the demo archive (invented letters) at once"
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    portable = portable_data(application_folder())
    if portable is not None:
        keep_off_the_computer(portable)
    application = QApplication(sys.argv[:1])
    application.setApplicationName(APPLICATION_NAME)
    application.setApplicationDisplayName("Amanat")
    # The installers' menu entry and icon (packaging/linux): Wayland matches windows by it.
    application.setDesktopFileName("org.amanat.Amanat")
    _set_icon(application)
    if portable is not None:
        location = RememberedLocation.at(portable / SETTINGS_FILE)
        demo_folder: Path | None = portable / "demo.amanat"
    else:
        location = RememberedLocation.default()
        demo_folder = None
    preferences = Preferences.for_language(
        args.language or location.language() or system_language()
    )
    apply_language(application, preferences)
    worker = ThreadWorker()
    window = MainWindow(worker, location, preferences, demo_folder=demo_folder)
    # A change of language on the welcome screen replaces the window with one made anew.
    windows = [window]
    window.replaced.connect(lambda new: _keep(windows, new))
    # The archive is locked (database closed, key wiped) on its own thread before Python exits.
    application.aboutToQuit.connect(worker.shutdown)
    window.fit_to_screen()
    window.show()
    if args.demo:
        window.open_demo()
    else:
        window.start()
    probe = os.environ.get(STARTUP_PROBE)
    if probe:
        _report_when_shown(application, window, probe)
    return application.exec()


def _keep(windows: list[MainWindow], window: MainWindow) -> None:
    windows[:] = [window]
    window.replaced.connect(lambda new: _keep(windows, new))


def _set_icon(application: QApplication) -> None:
    # The icon is drawn when the installers are built (packaging/icon.py); run from the
    # source there is none, and the window manager's default is shown.
    with contextlib.suppress(FileNotFoundError):
        application.setWindowIcon(QIcon(str(resource("icons", "amanat-256.png"))))


STARTUP_PROBE = "AMANAT_STARTUP_PROBE"
"""For the installers' checks and the start-time measure (packaging/): ``welcome``,
``unlock`` or ``archive`` prints one line on stdout once that screen has been painted, then
quits; with ``:stay`` (``archive:stay``) the window stays open for a screenshot. ``player``
plays a second of tone made in memory (gui/player_check.py)."""


def _report_when_shown(application: QApplication, window: MainWindow, probe: str) -> None:
    name, _, stay = probe.partition(":")
    if name == "player":
        from amanat.gui.player_check import report_player

        QTimer.singleShot(0, lambda: report_player(application))
        return
    pages: dict[str, QWidget] = {
        "welcome": window.welcome,
        "unlock": window.unlock_page,
        "archive": window.archive_view,
    }
    page = pages.get(name)
    if page is None:
        return
    reported = False

    def check() -> None:
        nonlocal reported
        if not reported and window.stack.currentWidget() is page and page.isVisible():
            reported = True
            print(f"amanat: {name} shown", flush=True)
            if stay != "stay":
                QTimer.singleShot(0, application.quit)

    # A zero timer runs after the events already queued, the first paint among them.
    window.stack.currentChanged.connect(lambda _index: QTimer.singleShot(0, check))
    QTimer.singleShot(0, check)
