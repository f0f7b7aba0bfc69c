"""File ▸ Archive of the main window and the care screens it opens, the last backup's date in
the status bar with the reminder when one is due, and the care screens of the start flow
(“Forgot the password?”, “Restore a backup…”). At most one dialog at a time, all closed when
the archive is locked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QWidget,
)

from amanat.app.care import BackupReminder
from amanat.core.dates import FuzzyDate, format_date
from amanat.core.keyslots import KdfParams
from amanat.gui import labels
from amanat.gui.care import operations
from amanat.gui.care.backup_dialog import BackupDialog
from amanat.gui.care.change_password import ChangePasswordDialog
from amanat.gui.care.check_dialog import CheckDialog
from amanat.gui.care.folder_backup_dialog import FolderBackupDialog
from amanat.gui.care.recovery_code import RecoveryCodeManager
from amanat.gui.care.recovery_unlock import RecoveryUnlockDialog
from amanat.gui.care.restore_dialog import RestoreDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.settings import Preferences
from amanat.gui.worker import Worker

ShowCode = Callable[[QWidget, str, str], None]


class CareScreens(QObject):
    opened = Signal(object)
    """An Opened, after the recovery code unlocked the archive with a new password."""
    restored = Signal(object)
    """The folder (a Path) of an archive just restored, locked."""

    def __init__(
        self,
        worker: Worker,
        chooser: FileChooser,
        preferences: Preferences,
        show_code: ShowCode,
        kdf: KdfParams | None,
        window: QWidget,
        status_bar: QStatusBar,
    ) -> None:
        super().__init__(window)
        self._worker = worker
        self._chooser = chooser
        self._preferences = preferences
        self._show_code = show_code
        self._kdf = kdf
        self._window = window
        self._folder: Path | None = None
        self._reminded: set[Path] = set()
        """Archives the reminder was shown for in this run of Amanat: once is enough."""
        self.dialog: QDialog | None = None
        self.reminder: QMessageBox | None = None
        self.back_up_now: QPushButton | None = None
        """The reminder's button that starts a backup."""
        self.last_backup = QLabel()
        self.last_backup.setObjectName("last-backup")
        status_bar.addPermanentWidget(self.last_backup)
        self.last_backup.hide()

        self.password_action = QAction(self.tr("Change &password…"), window)
        self.password_action.triggered.connect(self.change_password)
        self.recovery_action = QAction(self.tr("&Recovery code…"), window)
        self.recovery_action.triggered.connect(self.recovery_code)
        self.backup_action = QAction(self.tr("&Back up…"), window)
        self.backup_action.setToolTip(
            self.tr("Write the whole archive to one file: to hand to someone or keep elsewhere")
        )
        self.backup_action.triggered.connect(lambda: self.back_up())
        self.folder_backup_action = QAction(self.tr("Back up to a &folder…"), window)
        self.folder_backup_action.setToolTip(
            self.tr(
                "Keep a backup up to date in a folder, on a USB stick: only what is new is "
                "copied, so it is quick each time"
            )
        )
        self.folder_backup_action.triggered.connect(lambda: self.back_up_to_folder())
        self.check_action = QAction(self.tr("&Check…"), window)
        self.check_action.setToolTip(self.tr("Check that nothing in the archive is damaged"))
        self.check_action.triggered.connect(self.check)
        self.menu = QMenu(self.tr("&Archive"), window)
        self.menu.setToolTipsVisible(True)  # the tooltips say which backup to choose
        self.menu.addAction(self.backup_action)
        self.menu.addAction(self.folder_backup_action)
        self.menu.addAction(self.check_action)
        self.menu.addSeparator()
        self.menu.addAction(self.password_action)
        self.menu.addAction(self.recovery_action)
        self.actions = [
            self.password_action,
            self.recovery_action,
            self.backup_action,
            self.folder_backup_action,
            self.check_action,
        ]

    # --- The start flow ----------------------------------------------------------------

    def recover(self, folder: Path) -> RecoveryUnlockDialog | None:
        """“Forgot the password?” for the archive at ``folder``."""
        if self.dialog is not None:
            return None
        dialog = RecoveryUnlockDialog(
            self._worker, folder, self._preferences.annotator_name, self._kdf, self._window
        )
        dialog.opened.connect(self.opened)
        self._open(dialog)
        return dialog

    def restore(self) -> RestoreDialog | None:
        if self.dialog is not None:
            return None
        dialog = RestoreDialog(self._worker, self._chooser, self._window)
        dialog.restored.connect(self.restored)
        self._open(dialog)
        return dialog

    # --- The open archive --------------------------------------------------------------

    def archive_opened(self, folder: Path) -> None:
        """Read the last backup's date from the archive, show it, and remind if one is due."""
        self._folder = folder
        self._worker.submit(operations.backup_reminder, self, self._backup_known)

    def change_password(self) -> ChangePasswordDialog | None:
        if self.dialog is not None:
            return None
        dialog = ChangePasswordDialog(self._worker, self._kdf, self._window)
        self._open(dialog)
        return dialog

    def recovery_code(self) -> RecoveryCodeManager | None:
        if self.dialog is not None:
            return None
        dialog = RecoveryCodeManager(self._worker, self._kdf, self._window)
        name = self._folder.stem if self._folder else ""
        dialog.code_made.connect(lambda code: self._show_code(dialog, code, name))
        self._open(dialog)
        return dialog

    def back_up(self, target: Path | None = None) -> BackupDialog | None:
        """Ask where (unless ``target`` is given), then open the backup dialog."""
        if self.dialog is not None:
            return None
        if target is None:
            # A name that says nothing of whose letters these are: a stick can be lost.
            day = datetime.now().date().isoformat()
            target = self._chooser.backup_to_save(
                self._window, self.tr("Where to keep the backup"), f"backup-{day}"
            )
            if target is None:
                return None
        dialog = BackupDialog(self._worker, target, self._window)
        dialog.backed_up.connect(self._backed_up)
        self._open(dialog)
        return dialog

    def back_up_to_folder(self, folder: Path | None = None) -> FolderBackupDialog | None:
        """Ask which folder (unless ``folder`` is given), then open the folder backup dialog."""
        if self.dialog is not None:
            return None
        if folder is None:
            folder = self._chooser.backup_folder(
                self._window, self.tr("The folder that keeps the backup (on a USB stick)")
            )
            if folder is None:
                return None
        dialog = FolderBackupDialog(self._worker, folder, self._window)
        dialog.backed_up.connect(self._backed_up)
        self._open(dialog)
        return dialog

    def check(self) -> CheckDialog | None:
        if self.dialog is not None:
            return None
        dialog = CheckDialog(self._worker, self._window)
        self._open(dialog)
        return dialog

    def close_all(self) -> None:
        """At the lock: every care dialog and the reminder go, and the date is hidden."""
        for dialog in (self.dialog, self.reminder):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.dialog = None
        self.reminder = None
        self.last_backup.hide()
        self.last_backup.clear()

    # --- Inside ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            dialog.deleteLater()

    def _backed_up(self, made: datetime) -> None:
        self._show_last_backup(made)

    def _backup_known(self, known: BackupReminder) -> None:
        self._show_last_backup(known.last_backup)
        folder = self._folder
        if known.due and folder is not None and folder not in self._reminded:
            self._reminded.add(folder)
            self._remind(known.last_backup)

    def _show_last_backup(self, made: datetime | None) -> None:
        if made is None:
            self.last_backup.setText(self.tr("No backup yet"))
        else:
            self.last_backup.setText(self.tr("Last backup: {date}").format(date=self._day(made)))
        self.last_backup.show()

    def _day(self, moment: datetime) -> str:
        local = moment.astimezone().date()
        return format_date(
            FuzzyDate.of_day(local.year, local.month, local.day),
            self._preferences.calendar,
            labels.interface_language(),
        )

    def _remind(self, last: datetime | None) -> None:
        if last is None:
            text = self.tr(
                "This archive has never been backed up. A backup on a USB stick kept "
                "elsewhere saves the letters if this computer is lost, broken or taken. "
                "Choose File ▸ Archive ▸ Back up…"
            )
        else:
            since = (datetime.now(UTC) - last).days
            text = self.tr(
                "The last backup of this archive is %n days old. Choose File ▸ Archive ▸ "
                "Back up… to make a new one.",
                "",
                since,
            )
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Time for a backup"), text)
        box.setParent(self._window, box.windowFlags())
        now = box.addButton(self.tr("Back up now…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        self.back_up_now = now
        now.clicked.connect(lambda: QTimer.singleShot(0, self.back_up))
        box.finished.connect(lambda _: self._reminder_closed(box))
        self.reminder = box
        box.open()

    def _reminder_closed(self, box: QMessageBox) -> None:
        if self.reminder is box:
            self.reminder = None
            box.deleteLater()
