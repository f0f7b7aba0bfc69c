"""Starting the application: language and direction, translations, the worker, the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation, system_language
from amanat.gui.worker import ThreadWorker

APPLICATION_NAME = "amanat"
"""Also names the folders Qt picks for the settings file and the demo archive."""

_TRANSLATIONS = (
    Path(__file__).parent / "translations",  # installed with the package
    Path(__file__).parents[3] / "resources" / "translations",  # a source checkout
)


def apply_language(application: QApplication, preferences: Preferences) -> None:
    """Install the translations for ``preferences.language`` (when they exist) and turn the
    whole layout right-to-left for Persian."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Persian if preferences.right_to_left else QLocale.Language.English)
    )
    application.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if preferences.right_to_left
        else Qt.LayoutDirection.LeftToRight
    )
    if preferences.language == "en":
        return  # the source strings are English
    # Qt's own strings (OK, Cancel, the file dialog) and then Amanat's.
    qt = QTranslator(application)
    if qt.load(
        f"qtbase_{preferences.language}",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        application.installTranslator(qt)
    ours = QTranslator(application)
    for folder in _TRANSLATIONS:
        if ours.load(f"amanat_{preferences.language}", str(folder)):
            application.installTranslator(ours)
            break


def main(argv: Sequence[str] | None = None) -> int:
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
