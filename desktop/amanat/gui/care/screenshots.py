"""The archive-care screens for ``python -m amanat.gui.screenshots``: called by it with the
demo archive's window, before and after the unlock. Backups and restores go into the
screenshots' temporary folder, beside the copy of the demo, and go away with it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget

from amanat.core import settings
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow

Save = Callable[[QWidget, Path], None]
_INVENTED_CODE = "7K2M-QX9P-4TRA-ZD8E-1HVN-6WCB-3J5F-Y0GS"
_NEW_PASSWORDS = {"en": "plum river ostrich lantern", "fa": "گل سرخ باغ کوچک ما"}


def before_unlock(
    window: MainWindow, demo: Path, password: str, out: Path, language: str, save: Save
) -> None:
    """“Forgot the password?” with a code typed; and the copy of the demo given a backup
    three weeks old, so that the reminder shows when it is unlocked."""
    with Archive.open(demo, password) as archive:
        weeks_ago = datetime.now(UTC).replace(microsecond=0) - timedelta(days=21)
        settings.save(archive.db, ArchiveSettings(last_backup=weeks_ago))
    window.show_unlock(demo)
    recovering = window.care.recover(demo)
    if recovering is not None:
        recovering.code.setText(_INVENTED_CODE)
        recovering.new.password.setText(_NEW_PASSWORDS[language])
        recovering.new.repeat.setText(_NEW_PASSWORDS[language])
        save(recovering, out / f"{language}-recovery-unlock.png")
        recovering.reject()


def _welcome(window: MainWindow, demo: Path, out: Path, language: str, save: Save) -> None:
    """Locked: the welcome screen with its recent archives (the demo's copy, remembered at
    its unlock), “Restore a backup…” refusing a file that is no backup, and the same with
    the folder backup made after the unlock chosen."""
    temporary = demo.parent
    window.lock()
    window.show_welcome()
    save(window, out / f"{language}-welcome-recent.png")
    restoring = window.care.restore()
    if restoring is not None:
        not_a_backup = temporary / f"notes-{language}.txt"
        not_a_backup.write_text("not a backup", encoding="utf-8")
        restoring.backup_file.setText(str(not_a_backup))
        restoring.place.setText(str(temporary))
        restoring.go()
        save(restoring, out / f"{language}-restore-refused.png")
        restoring.reject()
    restoring = window.care.restore()
    stick = temporary / f"stick-{language}"
    if restoring is not None and stick.is_dir():
        restoring.backup_file.setText(str(stick))
        restoring.place.setText(str(temporary))
        save(restoring, out / f"{language}-restore-from-folder.png")
        restoring.reject()


def after_unlock(
    window: MainWindow, demo: Path, password: str, out: Path, language: str, save: Save
) -> None:
    """The reminder, back up (done), back up to a folder (brought up to date), check (done),
    change password and the recovery code; then, locked, the welcome screen; and the archive
    unlocked again for what follows."""
    reminder = window.care.reminder
    if reminder is not None:
        save(reminder, out / f"{language}-backup-reminder.png")
        reminder.accept()
    backing_up = window.care.back_up(demo.parent / f"demo-{language}.amanat-backup")
    if backing_up is not None:
        backing_up.go()
        save(backing_up, out / f"{language}-backup-done.png")
        backing_up.reject()
    stick = demo.parent / f"stick-{language}"
    for _ in range(2):  # made, then brought up to date: the second copies almost nothing
        to_folder = window.care.back_up_to_folder(stick)
        if to_folder is not None:
            to_folder.go()
            save(to_folder, out / f"{language}-folder-backup-done.png")
            to_folder.reject()
    save(window, out / f"{language}-main-last-backup.png")
    checking = window.care.check()
    if checking is not None:
        checking.go()
        save(checking, out / f"{language}-check-done.png")
        checking.reject()
    changing = window.care.change_password()
    if changing is not None:
        changing.current.setText("demo")
        changing.new.password.setText(_NEW_PASSWORDS[language])
        changing.new.repeat.setText(_NEW_PASSWORDS[language][:-3])
        save(changing, out / f"{language}-change-password.png")
        changing.reject()
    managing = window.care.recovery_code()
    if managing is not None:
        save(managing, out / f"{language}-recovery-code-manage.png")
        managing.reject()
    _welcome(window, demo, out, language, save)
    window.show_unlock(demo)
    window.unlock(password)
