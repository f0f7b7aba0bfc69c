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
BACKUP_SUFFIX = "amanat-backup"


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
        return _first(
            _ask(
                parent,
                title,
                start or Path.home(),
                QFileDialog.FileMode.Directory,
                folders_only=True,
            )
        )

    def files_to_import(self, parent: QWidget | None, title: str) -> list[Path]:
        """Scans and recordings to import: any number of files (a folder is dropped onto the
        window)."""
        filters = [
            QCoreApplication.translate(
                "FileChooser",
                "Scans, photos and recordings (*.jpg *.jpeg *.png *.tif *.tiff *.webp"
                " *.heic *.heif *.gif *.pdf *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.wav"
                " *.amr *.3gp *.mp4 *.m4v *.webm *.mov)",
            ),
            QCoreApplication.translate("FileChooser", "All files (*)"),
        ]
        return _ask(parent, title, Path.home(), QFileDialog.FileMode.ExistingFiles, filters)

    def bundle_to_save(self, parent: QWidget | None, title: str) -> Path | None:
        """Where to write a new bundle; an existing file is refused by the export itself."""
        return _first(
            _ask(
                parent,
                title,
                Path.home(),
                QFileDialog.FileMode.AnyFile,
                _bundle_filters(),
                saving=True,
                suffix="age",
            )
        )

    def bundle_to_open(self, parent: QWidget | None, title: str) -> Path | None:
        return _first(
            _ask(parent, title, Path.home(), QFileDialog.FileMode.ExistingFile, _bundle_filters())
        )

    def backup_to_save(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        """Where to write a backup; an existing file is refused by the backup itself."""
        return _first(
            _ask(
                parent,
                title,
                Path.home() / suggested,
                QFileDialog.FileMode.AnyFile,
                _backup_filters(),
                saving=True,
                suffix=BACKUP_SUFFIX,
            )
        )

    def backup_to_open(self, parent: QWidget | None, title: str) -> Path | None:
        return _first(
            _ask(parent, title, Path.home(), QFileDialog.FileMode.ExistingFile, _backup_filters())
        )

    def backup_folder(self, parent: QWidget | None, title: str) -> Path | None:
        """A folder backup to bring up to date or to restore, or an empty folder for a new
        one; what the folder holds is judged by the backup (or the restore) itself."""
        return self.existing_folder(parent, title, None)

    def new_file(
        self, parent: QWidget | None, title: str, pattern: str, suggested: str
    ) -> Path | None:
        """A file to export to, in the home folder at first. Exports never replace a file,
        so the dialog does not offer to (the export refuses an existing name)."""
        return _first(
            _ask(
                parent,
                title,
                Path.home() / suggested,
                QFileDialog.FileMode.AnyFile,
                [pattern],
                saving=True,
            )
        )


def _ask(
    parent: QWidget | None,
    title: str,
    start: Path,
    mode: QFileDialog.FileMode,
    filters: list[str] | None = None,
    *,
    saving: bool = False,
    suffix: str = "",
    folders_only: bool = False,
) -> list[Path]:
    """Qt's own file dialog, asked once; what was chosen, or nothing."""
    with _no_history():
        dialog = QFileDialog(parent, title, str(start))
        try:
            dialog.setFileMode(mode)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            if folders_only:
                dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
            if saving:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            if suffix:
                dialog.setDefaultSuffix(suffix)
            if filters:
                dialog.setNameFilters(filters)
            if not dialog.exec():
                return []
            return [Path(chosen) for chosen in dialog.selectedFiles()]
        finally:
            # Destroyed here, inside _no_history, because the destructor is what saves.
            shiboken6.delete(dialog)


def _first(chosen: list[Path]) -> Path | None:
    return chosen[0] if chosen else None


def _bundle_filters() -> list[str]:
    return [
        QCoreApplication.translate("FileChooser", "Amanat bundles (*.age)"),
        QCoreApplication.translate("FileChooser", "All files (*)"),
    ]


def _backup_filters() -> list[str]:
    return [
        QCoreApplication.translate("FileChooser", "Amanat backups (*.amanat-backup)"),
        QCoreApplication.translate("FileChooser", "All files (*)"),
    ]
