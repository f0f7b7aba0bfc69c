"""Looking after the archive from the window, driven through its widgets only: the recovery
code at the unlock screen, changing the password, the recovery code, backing up, restoring,
checking, the recent archives, and the backup reminder. Each bad input gets one sentence and
leaves the archive (and the disk) as it was."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from amanat.app import care
from amanat.core import backup, private_files, settings
from amanat.core.errors import WrongRecoveryCode
from amanat.core.keyslots import FLOOR
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive
from amanat.gui.care.backup_dialog import BackupDialog
from amanat.gui.care.change_password import ChangePasswordDialog
from amanat.gui.care.check_dialog import CheckDialog
from amanat.gui.care.recovery_code import RecoveryCodeManager
from amanat.gui.care.recovery_unlock import RecoveryUnlockDialog, grouped
from amanat.gui.care.restore_dialog import RestoreDialog
from amanat.gui.create_archive import RecoveryCodeDialog, paint_recovery_page
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.worker import ThreadWorker
from tests.helpers.archives import PASSWORD, copy_archive
from tests.helpers.gui import DOCUMENT_COUNT, FakeChooser, FakeDialogs

MakeWindow = Callable[[], MainWindow]
NEW_PASSWORD = "willow river lantern copper meadow"


def _type(qtbot: QtBot, field: object, text: str) -> None:
    field.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def _unlock(qtbot: QtBot, window: MainWindow, password: str) -> None:
    page = window.unlock_page
    page.password.clear()
    _type(qtbot, page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)


def _opened(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, folder: Path
) -> MainWindow:
    location.remember(folder)
    window = make_window()
    _unlock(qtbot, window, PASSWORD)
    assert window.is_unlocked
    return window


def _with_recovery_code(folder: Path) -> str:
    with Archive.open(folder, PASSWORD) as archive:
        return archive.add_recovery_code(FLOOR)


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- Forgot the password ---------------------------------------------------------------------


def _recovery_dialog(qtbot: QtBot, window: MainWindow) -> RecoveryUnlockDialog:
    qtbot.mouseClick(window.unlock_page.forgot_button, Qt.MouseButton.LeftButton)
    dialog = window.care.dialog
    assert isinstance(dialog, RecoveryUnlockDialog)
    return dialog


def test_forgotten_password_recovery_code_new_password_then_only_the_new_one_opens(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    code = _with_recovery_code(filled_folder)
    location.remember(filled_folder)
    window = make_window()
    dialog = _recovery_dialog(qtbot, window)
    # Typed as written down, in small letters and without dashes: the groups come back.
    _type(qtbot, dialog.code, code.replace("-", "").lower())
    assert dialog.code.text() == code
    assert not dialog.go_button.isEnabled()
    _type(qtbot, dialog.new.password, NEW_PASSWORD)
    _type(qtbot, dialog.new.repeat, NEW_PASSWORD)
    assert dialog.go_button.isEnabled()
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert window.is_unlocked
    assert window.stack.currentWidget() is window.archive_view
    assert window.archive_view.documents.rowCount() == DOCUMENT_COUNT
    assert window.care.dialog is None

    window.lock()
    _unlock(qtbot, window, PASSWORD)
    assert not window.is_unlocked
    assert window.unlock_page.error.text() == (
        "That password does not open this archive. Please try again."
    )
    _unlock(qtbot, window, NEW_PASSWORD)
    assert window.is_unlocked


@pytest.mark.parametrize(
    ("which", "sentence"),
    [
        (
            "typo",
            "The recovery code has a typing mistake. Check each group of four characters "
            "against what you wrote down.",
        ),
        ("replaced", "That recovery code does not open this archive."),
        ("other archive", "That recovery code does not open this archive."),
    ],
)
def test_a_wrong_recovery_code_gets_its_sentence_and_nothing_changes(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
    which: str,
    sentence: str,
) -> None:
    first = _with_recovery_code(archive_folder)
    current = _with_recovery_code(archive_folder)
    with Archive.create(tmp_path / "elsewhere.amanat", PASSWORD, kdf=FLOOR) as elsewhere:
        foreign = elsewhere.add_recovery_code(FLOOR)
    codes = {
        "typo": ("Z" if current[0] != "Z" else "Y") + current[1:],
        "replaced": first,
        "other archive": foreign,
    }
    keys = (archive_folder / "keys.json").read_bytes()
    location.remember(archive_folder)
    window = make_window()
    dialog = _recovery_dialog(qtbot, window)
    _type(qtbot, dialog.code, codes[which])
    _type(qtbot, dialog.new.password, NEW_PASSWORD)
    _type(qtbot, dialog.new.repeat, NEW_PASSWORD)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert not window.is_unlocked
    assert dialog.isVisible()
    assert dialog.outcome.text() == sentence
    assert dialog.code.isEnabled() and dialog.go_button.isEnabled()
    assert (archive_folder / "keys.json").read_bytes() == keys


def test_the_new_password_must_be_strong_and_typed_the_same_twice(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    code = _with_recovery_code(archive_folder)
    location.remember(archive_folder)
    window = make_window()
    dialog = _recovery_dialog(qtbot, window)
    _type(qtbot, dialog.code, code)
    _type(qtbot, dialog.new.password, "short")
    assert dialog.new.strength.text().startswith("Too short")
    assert not dialog.go_button.isEnabled()
    dialog.new.password.clear()
    _type(qtbot, dialog.new.password, NEW_PASSWORD)
    _type(qtbot, dialog.new.repeat, NEW_PASSWORD + "x")
    assert dialog.new.mismatch.text() == "The two passwords differ."
    assert not dialog.go_button.isEnabled()


def test_codes_are_shown_in_groups_of_four() -> None:
    assert grouped("abcd efgh-1234") == "ABCD-EFGH-1234"
    assert grouped("abcde") == "ABCD-E"


# --- Changing the password -------------------------------------------------------------------


def _change_password_dialog(window: MainWindow) -> ChangePasswordDialog:
    window.care.password_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    return dialog


def test_change_password_asks_for_the_current_one_then_only_the_new_one_opens(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    keys = (archive_folder / "keys.json").read_bytes()
    dialog = _change_password_dialog(window)
    _type(qtbot, dialog.current, "not the password")
    _type(qtbot, dialog.new.password, NEW_PASSWORD)
    _type(qtbot, dialog.new.repeat, NEW_PASSWORD)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == "That password does not open this archive. Please try again."
    assert (archive_folder / "keys.json").read_bytes() == keys
    dialog.current.clear()
    _type(qtbot, dialog.current, PASSWORD)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert "The password was changed" in dialog.outcome.text()
    assert dialog.close_button.text() == "Close"
    window.lock()
    _unlock(qtbot, window, PASSWORD)
    assert not window.is_unlocked
    _unlock(qtbot, window, NEW_PASSWORD)
    assert window.is_unlocked


def test_change_password_refuses_a_weak_or_mismatched_new_one(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    dialog = _change_password_dialog(window)
    _type(qtbot, dialog.current, PASSWORD)
    _type(qtbot, dialog.new.password, "letmein12345")
    _type(qtbot, dialog.new.repeat, "letmein12345")
    assert not dialog.go_button.isEnabled()
    assert dialog.new.strength.text() != "Strong."
    dialog.new.clear()
    _type(qtbot, dialog.new.password, NEW_PASSWORD)
    _type(qtbot, dialog.new.repeat, NEW_PASSWORD[:-1])
    assert not dialog.go_button.isEnabled()
    assert dialog.new.mismatch.text() == "The two passwords differ."


# --- The recovery code -----------------------------------------------------------------------


def test_recovery_code_made_shown_once_replaced_with_a_warning_and_removed(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    dialogs: FakeDialogs,
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    window.care.recovery_action.trigger()
    manager = window.care.dialog
    assert isinstance(manager, RecoveryCodeManager)
    assert manager.state.text() == "This archive has no recovery code."
    assert not manager.remove_button.isEnabled()
    questions: list[str] = []

    def answer(yes: bool) -> Callable[[object, str], bool]:
        def confirm(_parent: object, question: str) -> bool:
            questions.append(question)
            return yes

        return confirm

    manager.confirm = answer(True)
    qtbot.mouseClick(manager.make_button, Qt.MouseButton.LeftButton)
    assert questions == []  # nothing to replace: no warning
    assert len(dialogs.codes_shown) == 1
    assert manager.state.text() == "This archive has a recovery code."

    manager.confirm = answer(False)
    qtbot.mouseClick(manager.make_button, Qt.MouseButton.LeftButton)
    assert "will stop working" in questions[-1]
    assert len(dialogs.codes_shown) == 1  # said no: the code stays

    manager.confirm = answer(True)
    qtbot.mouseClick(manager.make_button, Qt.MouseButton.LeftButton)
    assert len(dialogs.codes_shown) == 2
    assert "no longer works" in manager.outcome.text()
    qtbot.mouseClick(manager.remove_button, Qt.MouseButton.LeftButton)
    assert manager.state.text() == "This archive has no recovery code."
    window.lock()
    assert window.care.dialog is None
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert not archive.has_recovery_code()


def test_a_new_recovery_code_is_shown_for_printing_and_opens_the_archive_the_old_one_not(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    dialogs: FakeDialogs,
) -> None:
    old_code = _with_recovery_code(archive_folder)
    window = _opened(qtbot, make_window, location, archive_folder)
    window.care.recovery_action.trigger()
    manager = window.care.dialog
    assert isinstance(manager, RecoveryCodeManager)
    manager.confirm = lambda _parent, _question: True
    qtbot.mouseClick(manager.make_button, Qt.MouseButton.LeftButton)
    [shown] = dialogs.codes_shown
    assert dialogs.archive_names == ["family"]
    # What the printer would get: every group of the code shown, under the archive's name.
    sheet = RecoveryCodeDialog(shown, window, "family")
    qtbot.addWidget(sheet)
    image = QImage(827, 1169, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    drawn = paint_recovery_page(
        painter, image.rect(), shown, sheet.page_heading(), sheet.page_advice()
    )
    painter.end()
    printed = " ".join(line.text for line in drawn)
    assert "family" in printed
    assert all(group in printed for group in shown.split("-"))
    window.lock()
    with pytest.raises(WrongRecoveryCode):
        care.unlock_with_recovery_code(archive_folder, old_code, NEW_PASSWORD, kdf=FLOOR)
    care.unlock_with_recovery_code(archive_folder, shown, NEW_PASSWORD, kdf=FLOOR).lock()


# --- Backing up and restoring ----------------------------------------------------------------


def _backup_dialog(window: MainWindow, chooser: FakeChooser, target: Path) -> BackupDialog:
    chooser.backup = target
    window.care.backup_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, BackupDialog)
    return dialog


def test_back_up_then_restore_into_a_new_folder_opens_with_the_same_documents(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    assert window.care.last_backup.text() == "No backup yet"
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = _backup_dialog(window, chooser, stick / "letters.amanat-backup")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert "read back: it is whole" in dialog.outcome.text()
    assert _files(stick) == ["letters.amanat-backup"]
    assert window.care.last_backup.text().startswith("Last backup: ")
    dialog.close_button.click()

    window.lock()
    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    restore = window.care.dialog
    assert isinstance(restore, RestoreDialog)
    chooser.answer = tmp_path
    qtbot.mouseClick(restore.choose_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(restore.choose_place_button, Qt.MouseButton.LeftButton)
    assert restore.backup_file.text() == str(stick / "letters.amanat-backup")
    restore.name.clear()
    _type(qtbot, restore.name, "new laptop")
    qtbot.mouseClick(restore.go_button, Qt.MouseButton.LeftButton)
    restored = tmp_path / "new laptop.amanat"
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.folder == restored
    _unlock(qtbot, window, PASSWORD)
    assert window.is_unlocked
    assert window.archive_view.documents.rowCount() == DOCUMENT_COUNT


def test_cancelled_backup_leaves_no_file_and_says_so(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    dialog = _backup_dialog(window, chooser, tmp_path / "out" / "b.amanat-backup")
    (tmp_path / "out").mkdir()
    dialog.job.progressed.connect(lambda _: dialog.close_button.click())
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == (
        "The backup was cancelled; no file was left behind, and any earlier backup there is "
        "as it was."
    )
    assert _files(tmp_path / "out") == []
    assert window.care.last_backup.text() == "No backup yet"


def test_stick_pulled_out_or_disk_full_gets_one_sentence_and_no_partial_file(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    real = private_files.create_or_replace
    failure = [errno.ENOSPC]

    class Failing:
        def __init__(self, path: Path) -> None:
            self._file = real(path)

        def write(self, data: bytes) -> int:
            raise OSError(failure[0], os.strerror(failure[0]))

        def __getattr__(self, name: str) -> object:
            return getattr(self._file, name)

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self._file.close()

    monkeypatch.setattr(private_files, "create_or_replace", Failing)
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = _backup_dialog(window, chooser, stick / "b.amanat-backup")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == (
        f"The disk is full where {stick / 'b.amanat-backup'} is, so nothing was saved. Free "
        "some space on that disk and try again."
    )
    assert _files(stick) == []
    failure[0] = errno.EIO
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith(f"Cannot write {stick / 'b.amanat-backup'}: ")
    assert "\n" not in dialog.outcome.text()
    assert _files(stick) == []


def test_locking_during_a_backup_cancels_it_cleanly(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    (tmp_path / "out").mkdir()
    dialog = _backup_dialog(window, chooser, tmp_path / "out" / "b.amanat-backup")
    dialog.job.progressed.connect(lambda _: window.lock())
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert not window.is_unlocked
    assert window.care.dialog is None
    assert _files(tmp_path / "out") == []
    assert not window.care.last_backup.isVisible()
    _unlock(qtbot, window, PASSWORD)
    assert window.is_unlocked


def test_backup_into_the_archive_folder_is_refused(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
) -> None:
    window = _opened(qtbot, make_window, location, archive_folder)
    before = _files(archive_folder)
    dialog = _backup_dialog(window, chooser, archive_folder / "b.amanat-backup")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("A backup cannot be kept inside the archive's own")
    assert _files(archive_folder) == before


def _restore_dialog(
    qtbot: QtBot, window: MainWindow, chooser: FakeChooser, source: Path, place: Path, name: str
) -> RestoreDialog:
    window.show_welcome()
    qtbot.mouseClick(window.welcome.restore_button, Qt.MouseButton.LeftButton)
    dialog = window.care.dialog
    assert isinstance(dialog, RestoreDialog)
    chooser.backup, chooser.answer = source, place
    qtbot.mouseClick(dialog.choose_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.choose_place_button, Qt.MouseButton.LeftButton)
    dialog.name.setText(name)
    return dialog


def test_restore_refuses_a_truncated_or_foreign_file_and_a_folder_holding_files(
    qtbot: QtBot,
    make_window: MakeWindow,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "good.amanat-backup"
    with Archive.open(archive_folder, PASSWORD) as archive:
        care.back_up(archive, backup)
    truncated = tmp_path / "truncated.amanat-backup"
    truncated.write_bytes(backup.read_bytes()[:3000])
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 not a backup")
    busy = tmp_path / "busy.amanat"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep", encoding="utf-8")
    window = make_window()
    place = tmp_path / "place"
    place.mkdir()
    for source, name, starts in (
        (truncated, "a", f"The backup {truncated} is damaged or is not an Amanat backup"),
        (foreign, "b", f"The backup {foreign} is damaged or is not an Amanat backup"),
    ):
        dialog = _restore_dialog(qtbot, window, chooser, source, place, name)
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
        assert dialog.outcome.text().startswith(starts)
        assert _files(place) == []
        dialog.reject()
    dialog = _restore_dialog(qtbot, window, chooser, backup, tmp_path, "busy")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == (
        f"{busy} already holds files. Restore into a new or empty folder, so nothing there "
        "is overwritten."
    )
    assert _files(busy) == ["mine.txt"]
    assert window.stack.currentWidget() is window.welcome


# --- Checking --------------------------------------------------------------------------------


def test_check_says_a_whole_archive_is_whole(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    window.care.check_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, CheckDialog)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("Everything is whole: the encryption, the database")
    assert "Nothing needs doing" in dialog.outcome.text()


def test_check_reports_a_flipped_byte_in_a_copy_and_says_what_to_do(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    tmp_path: Path,
) -> None:
    copy = copy_archive(filled_folder, tmp_path / "copy.amanat")
    database = copy / "archive.db"
    data = bytearray(database.read_bytes())
    data[len(data) - 100] ^= 0x40
    database.write_bytes(bytes(data))
    window = _opened(qtbot, make_window, location, copy)
    window.care.check_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, CheckDialog)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    text = dialog.outcome.text()
    assert "Damaged: the encryption" in text
    assert "Restore your latest backup into a new folder" in text


def test_check_can_be_cancelled(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(qtbot, make_window, location, filled_folder)
    window.care.check_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, CheckDialog)
    dialog.job.progressed.connect(lambda _: dialog.close_button.click())
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == (
        "The check was cancelled before it finished; nothing was changed."
    )
    dialog.close_button.click()
    assert window.care.dialog is None


def _letter_with_two_pages(folder: Path) -> None:
    from amanat.core.records import Document, DocumentKind
    from amanat.core.storage import documents, pages

    with Archive.open(folder, PASSWORD) as archive, archive.db.transaction():
        letter = documents.add(
            archive.db, Document(kind=DocumentKind.LETTER, title="Letter from Ward 209")
        )
        for number in range(2):
            pages.add(archive.db, letter.id, os.urandom(100_000), f"scan{number}.jpg")


def test_full_check_opens_every_stored_file(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    _letter_with_two_pages(filled_folder)
    window = _opened(qtbot, make_window, location, filled_folder)
    window.care.check_action.trigger()
    dialog = window.care.dialog
    assert isinstance(dialog, CheckDialog)
    assert not dialog.full.isChecked()  # the quick check unless asked
    dialog.full.setChecked(True)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert "all 2 stored files, each opened" in dialog.outcome.text()
    assert not dialog.full.isEnabled()


def test_full_check_names_the_letter_and_page_whose_stored_file_is_damaged(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    _letter_with_two_pages(filled_folder)
    [segment] = (filled_folder / "segments").iterdir()
    data = bytearray(segment.read_bytes())
    data[len(data) - 1000] ^= 0x01  # inside the second page's sealed object
    segment.write_bytes(bytes(data))
    window = _opened(qtbot, make_window, location, filled_folder)
    window.care.check_action.trigger()
    quick = window.care.dialog
    assert isinstance(quick, CheckDialog)
    qtbot.mouseClick(quick.go_button, Qt.MouseButton.LeftButton)
    # The quick check sees every file in its place and of its length: it opens none.
    assert "every scan in its place" in quick.outcome.text()
    quick.close_button.click()
    window.care.check_action.trigger()
    full = window.care.dialog
    assert isinstance(full, CheckDialog)
    full.full.setChecked(True)
    qtbot.mouseClick(full.go_button, Qt.MouseButton.LeftButton)
    text = full.outcome.text()
    assert "Damaged: 1 scan" in text
    assert "In “Letter from Ward 209”, page 2 is damaged or missing." in text
    assert "Restore your latest backup into a new folder" in text


# --- Recent archives and the reminder --------------------------------------------------------


def test_recent_archives_are_listed_opened_and_forgotten(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
) -> None:
    other = copy_archive(archive_folder, tmp_path / "second.amanat")
    location.remember(archive_folder)
    location.remember(other)
    assert location.recent_archives() == [other, archive_folder]
    window = make_window()
    window.show_welcome()
    recent = window.recent
    assert [b.text() for b in recent.open_buttons()] == ["second.amanat", "family.amanat"]
    qtbot.mouseClick(recent.open_buttons()[1], Qt.MouseButton.LeftButton)
    assert window.unlock_page.folder == archive_folder
    window.show_welcome()
    qtbot.mouseClick(recent.forget_buttons()[0], Qt.MouseButton.LeftButton)
    assert location.recent_archives() == [archive_folder]
    assert other.is_dir()  # forgetting does not touch the archive
    recent.remember.click()
    assert not location.remembering
    assert recent.open_buttons() == []
    assert str(archive_folder) not in location.file.read_text(encoding="utf-8")


def test_reminder_once_a_session_when_no_backup_for_the_chosen_days(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        old = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
        settings.save(archive.db, ArchiveSettings(last_backup=old))
    window = _opened(qtbot, make_window, location, archive_folder)
    reminder = window.care.reminder
    assert isinstance(reminder, QMessageBox)
    assert "20 days old" in reminder.text()
    assert window.care.last_backup.text().startswith("Last backup: ")
    window.lock()
    _unlock(qtbot, window, PASSWORD)
    assert window.care.reminder is None  # once a session is enough


def test_the_reminder_offers_to_back_up_at_once(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        old = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
        settings.save(archive.db, ArchiveSettings(last_backup=old))
    window = _opened(qtbot, make_window, location, archive_folder)
    chooser.backup = tmp_path / "b.amanat-backup"
    assert window.care.back_up_now is not None
    qtbot.mouseClick(window.care.back_up_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.care.dialog, BackupDialog))
    assert window.care.reminder is None


def test_no_reminder_before_the_days_chosen_in_settings(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        old = datetime.now(UTC).replace(microsecond=0) - timedelta(days=20)
        settings.save(archive.db, ArchiveSettings(last_backup=old, backup_reminder_days=30))
    window = _opened(qtbot, make_window, location, archive_folder)
    assert window.care.reminder is None
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.backup_reminder.value() == 30
    dialog.backup_reminder.setValue(0)
    dialog.accept()
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert settings.load(archive.db).backup_reminder_days == 0


def test_quitting_during_a_backup_on_the_archive_thread_leaves_no_file(
    qtbot: QtBot,
    location: RememberedLocation,
    preferences: Preferences,
    chooser: FakeChooser,
    dialogs: FakeDialogs,
    filled_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The application's own worker: the backup runs on another thread while the window quits.
    worker = ThreadWorker()
    window = MainWindow(worker, location, preferences, chooser=chooser, dialogs=dialogs, kdf=FLOOR)
    qtbot.addWidget(window)
    location.remember(filled_folder)
    window.start()
    window.unlock(PASSWORD)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    quitting = threading.Event()
    moved = backup._Counter.moved

    def held(counter: backup._Counter, count: int) -> None:
        quitting.wait(10)  # the backup is under way until the window has quit
        moved(counter, count)

    monkeypatch.setattr(backup._Counter, "moved", held)
    out = tmp_path / "stick"
    out.mkdir()
    dialog = _backup_dialog(window, chooser, out / "b.amanat-backup")
    dialog.go()
    assert dialog.job.running
    window.close()
    quitting.set()
    worker.shutdown()  # waits for the backup to stop, then locks
    assert not window.is_unlocked
    assert _files(out) == []
    Archive.open(filled_folder, PASSWORD).lock()  # the archive is whole and closed
