"""Choosing folders and files without leaving a trail.

Native dialogs on Linux add what they open to GTK's recently-used list, so Qt's own dialog is
used. That one, when destroyed, saves its last folder and history into the ``QtProject``
settings shared by every Qt program of the user; ``_no_history`` puts that group back as it
was before, so nothing of Amanat's (a folder named after a prisoner, say) stays behind.

``FileChooser`` is the seam tests replace, instead of driving a modal dialog.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_QT_GROUP = "FileDialog"


@contextlib.contextmanager
def _no_history() -> Iterator[None]:
    before = QSettings(QSettings.Scope.UserScope, "QtProject")
    before.beginGroup(_QT_GROUP)
    saved = {key: before.value(key) for key in before.allKeys()}
    before.endGroup()
    del before
    try:
        yield
    finally:
        after = QSettings(QSettings.Scope.UserScope, "QtProject")
        after.remove(_QT_GROUP)
        after.beginGroup(_QT_GROUP)
        for key, value in saved.items():
            after.setValue(key, value)
        after.endGroup()
        after.sync()


class FileChooser:
    """Asks the user for folders and files with Qt's own dialog, keeping no history."""

    def existing_folder(
        self, parent: QWidget | None, title: str, start: Path | None
    ) -> Path | None:
        with _no_history():
            dialog = QFileDialog(parent, title, str(start or Path.home()))
            try:
                dialog.setFileMode(QFileDialog.FileMode.Directory)
                dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                if not dialog.exec():
                    return None
                chosen = dialog.selectedFiles()
                return Path(chosen[0]) if chosen else None
            finally:
                # Destroyed here, inside _no_history, because the destructor is what saves.
                shiboken6.delete(dialog)

    def files_to_import(self, parent: QWidget | None, title: str) -> list[Path]:
        """Scans to import: any number of files (a folder is dropped onto the window)."""
        with _no_history():
            dialog = QFileDialog(parent, title, str(Path.home()))
            try:
                dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                dialog.setNameFilters(
                    [
                        QCoreApplication.translate(
                            "FileChooser",
                            "Scans and photos (*.jpg *.jpeg *.png *.tif *.tiff *.webp"
                            " *.heic *.heif *.gif *.pdf)",
                        ),
                        QCoreApplication.translate("FileChooser", "All files (*)"),
                    ]
                )
                if not dialog.exec():
                    return []
                return [Path(p) for p in dialog.selectedFiles()]
            finally:
                shiboken6.delete(dialog)

    def bundle_to_save(self, parent: QWidget | None, title: str) -> Path | None:
        """Where to write a new bundle; an existing file is refused by the export itself."""
        with _no_history():
            dialog = QFileDialog(parent, title, str(Path.home()))
            try:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
                dialog.setFileMode(QFileDialog.FileMode.AnyFile)
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                dialog.setDefaultSuffix("age")
                dialog.setNameFilters(_bundle_filters())
                if not dialog.exec():
                    return None
                chosen = dialog.selectedFiles()
                return Path(chosen[0]) if chosen else None
            finally:
                shiboken6.delete(dialog)

    def bundle_to_open(self, parent: QWidget | None, title: str) -> Path | None:
        with _no_history():
            dialog = QFileDialog(parent, title, str(Path.home()))
            try:
                dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                dialog.setNameFilters(_bundle_filters())
                if not dialog.exec():
                    return None
                chosen = dialog.selectedFiles()
                return Path(chosen[0]) if chosen else None
            finally:
                shiboken6.delete(dialog)

    def new_file(
        self, parent: QWidget | None, title: str, pattern: str, suggested: str
    ) -> Path | None:
        """A file to export to, in the home folder at first. Exports never replace a file,
        so the dialog does not offer to (the export refuses an existing name)."""
        with _no_history():
            dialog = QFileDialog(parent, title, str(Path.home() / suggested))
            try:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
                dialog.setFileMode(QFileDialog.FileMode.AnyFile)
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
                dialog.setNameFilters([pattern])
                if not dialog.exec():
                    return None
                chosen = dialog.selectedFiles()
                return Path(chosen[0]) if chosen else None
            finally:
                shiboken6.delete(dialog)


def _bundle_filters() -> list[str]:
    return [
        QCoreApplication.translate("FileChooser", "Amanat bundles (*.age)"),
        QCoreApplication.translate("FileChooser", "All files (*)"),
    ]
