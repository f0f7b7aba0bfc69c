"""Starting the application: language and direction, translations, the worker, the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from amanat.core import process_hardening
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation, system_language
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
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    application = QApplication(sys.argv[:1])
    application.setApplicationName(APPLICATION_NAME)
    application.setApplicationDisplayName("Amanat")
    location = RememberedLocation.default()
    preferences = Preferences.for_language(
        args.language or location.language() or system_language()
    )
    apply_language(application, preferences)
    worker = ThreadWorker()
    window = MainWindow(worker, location, preferences)
    # The archive is locked (database closed, key wiped) on its own thread before Python exits.
    application.aboutToQuit.connect(worker.shutdown)
    window.resize(1200, 780)
    window.show()
    window.start()
    return application.exec()
