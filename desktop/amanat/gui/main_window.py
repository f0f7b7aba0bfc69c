"""The main window: the welcome and unlock screens, then the open archive; and locking.

Locking (the button, Ctrl+L in any window, some idle minutes, or the computer locking or
going to sleep) drops every result still on its way, closes every other window and dialog,
empties every model and view at once, then closes the database and wipes the key on the
worker thread, and shows the unlock screen again.

Window titles name the archive's folder at most, never a person or a document: the system
shows them outside the window (taskbar, window switcher, activity history, screen sharing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolBar, QWidget

from amanat.core.errors import AmanatError, ArchiveLocked
from amanat.core.keyslots import KdfParams
from amanat.core.records import DocumentKind
from amanat.core.settings import ArchiveSettings
from amanat.gui.archive_view import ArchiveView, ask_to_empty_trash
from amanat.gui.audit_log import AuditLog
from amanat.gui.auto_lock import IdleLock
from amanat.gui.bundles.screens import BundleScreens
from amanat.gui.care.recent import RecentArchives
from amanat.gui.care.screens import CareScreens
from amanat.gui.clipboard import ClipboardGuard
from amanat.gui.create_archive import CreateArchiveDialog, NewArchive, RecoveryCodeDialog
from amanat.gui.every_window import WindowKeys, close_other_windows
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.i18n import apply_language
from amanat.gui.import_dialog import ImportDialog
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.new_document import NewDocumentDialog, NewDocuments
from amanat.gui.operations import (
    ImportOutcome,
    Opened,
    close_archive,
    create_archive,
    load_settings,
    open_archive,
    open_demo,
    save_settings,
)
from amanat.gui.page_info import PageInfo
from amanat.gui.previews import PreviewPass
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.settings_dialog import SettingsDialog
from amanat.gui.start import UnlockPage, WelcomePage
from amanat.gui.system_lock import SystemLockWatcher
from amanat.gui.tag_colours import ask_tag_colour
from amanat.gui.worker import Session, Worker


class ArchiveDialogs:
    """The modal questions of the start flow; tests replace them (KeePassXC's habit of test
    seams for dialogs) instead of driving modal windows."""

    def new_archive(self, parent: QWidget, chooser: FileChooser) -> NewArchive | None:
        dialog = CreateArchiveDialog(chooser, parent=parent)
        try:
            return dialog.result_archive() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def recovery_code(self, parent: QWidget, code: str, archive_name: str = "") -> None:
        dialog = RecoveryCodeDialog(code, parent, archive_name)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def confirm_empty_trash(self, parent: QWidget, count: int) -> bool:
        return ask_to_empty_trash(parent, count)

    def tag_colour(self, parent: QWidget, tag_path: str, current: str | None) -> str | None:
        return ask_tag_colour(parent, tag_path, current)


def default_demo_folder() -> Path:
    """The demo archive lives in the application's data folder. It is the one thing Amanat
    writes outside an archive the user chose, and that is acceptable: it is itself an
    encrypted archive, and everything in it is invented."""
    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(data) / "demo.amanat"


FIRST_SIZE = QSize(1280, 760)
"""The window's size when first shown, where the screen has room for it."""
FRAME_ALLOWANCE = 40
"""Room left for the window's title bar, which the screen's free area does not count."""


class MainWindow(QMainWindow):
    replaced = Signal(object)
    """The MainWindow shown instead of this one (after a change of language); whoever keeps
    the window keeps that one from now on."""

    def __init__(
        self,
        worker: Worker,
        location: RememberedLocation,
        preferences: Preferences,
        *,
        chooser: FileChooser | None = None,
        dialogs: ArchiveDialogs | None = None,
        kdf: KdfParams | None = None,
        demo_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._location = location
        self._preferences = preferences
        self._chooser = chooser or FileChooser()
        self._dialogs = dialogs or ArchiveDialogs()
        self._kdf = kdf
        """None calibrates key derivation to this computer; tests pass the floor."""
        self._demo_folder = demo_folder or default_demo_folder()
        self._folder: Path | None = None
        self._unlocked = False
        self._lock_notice = ""
        """What the user must read on the unlock screen after a lock (an edit not saved)."""
        self.setWindowTitle(self.tr("Amanat"))

        self.welcome = WelcomePage(preferences.language)
        self.recent = RecentArchives(location)
        self.recent.chosen.connect(self.show_unlock)
        self.welcome.add_below(self.recent)
        self.unlock_page = UnlockPage(preferences.language)
        self.archive_view = ArchiveView(worker, preferences)
        self.stack = QStackedWidget()
        for page in (self.welcome, self.unlock_page, self.archive_view):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setToolTip(self.tr("Lock the archive (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.toolbar = QToolBar(self.tr("Archive"))
        self.toolbar.setObjectName("archive-toolbar")
        self.toolbar.setMovable(False)
        self.import_dialog: ImportDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self._make_menus()
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.lock_action)
        self.addToolBar(self.toolbar)
        self.setAcceptDrops(True)
        self.archive_view.confirm_empty_trash = self._dialogs.confirm_empty_trash
        self.archive_view.choose_tag_colour = self._dialogs.tag_colour
        self.archive_view.status.connect(self._say)
        self.archive_view.unsaved_at_lock.connect(self._not_saved_at_lock)
        self.archive_view.lock_requested.connect(self.lock)

        self.clipboard_guard = ClipboardGuard(self)
        self.idle_lock = IdleLock(self)
        self.idle_lock.idle.connect(self.lock)
        self.window_keys = WindowKeys((self.lock_action, self.quit_action), self)
        self.system_lock = SystemLockWatcher(self)
        self.system_lock.locking.connect(self._computer_locking)
        self.system_lock.start(self)
        self.preview_pass = PreviewPass(worker, self)
        self.preview_pass.made.connect(self.archive_view.documents.pictures_made)
        self.preview_pass.made.connect(self.archive_view.document.page_strip.pictures_made)
        self.demo_job = Job(worker, self)
        self.demo_job.progressed.connect(lambda p: self.welcome.set_progress(p.done, p.total))
        # Unlocking runs as a job for the progress of a migration (an archive an older Amanat
        # made); it is never cancelled: each migration is one transaction that must finish.
        self.unlock_job = Job(worker, self)
        self.unlock_job.progressed.connect(lambda p: self.unlock_page.set_progress(p.done, p.total))

        self.welcome.create_requested.connect(self._ask_new_archive)
        self.welcome.open_requested.connect(self._choose_archive)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.language_chosen.connect(self.choose_language)
        self.unlock_page.unlock_requested.connect(self.unlock)
        self.unlock_page.other_archive_requested.connect(self._choose_archive)
        self.welcome.restore_requested.connect(self.care.restore)
        self.unlock_page.forgot_requested.connect(
            lambda: self.care.recover(self._folder) if self._folder else None
        )
        self.care.opened.connect(self._opened)
        self.care.restored.connect(self.show_unlock)
        self.unlock_page.language_chosen.connect(self.choose_language)
        worker.unhandled_error.connect(self._report)
        self._show_locked_chrome()
        self._offer_first_steps()

    # --- Where to start ----------------------------------------------------------------------

    def start(self) -> None:
        """The first screen: the remembered archive's unlock screen if it is still there."""
        last = self._location.last_archive()
        if last is not None and last.is_dir():
            self.show_unlock(last)
        elif last is not None:
            # Kept remembered: it may be on a USB stick that is not plugged in today.
            self.show_welcome(
                self.tr(
                    "The archive last opened at {path} is not there any more. It may have been "
                    "moved or deleted, or be on a disk that is not connected. Open it where it "
                    "is now, or create a new one."
                ).format(path=last)
            )
        else:
            self.show_welcome()

    def show_welcome(self, notice: str = "") -> None:
        self.recent.refresh()
        self.welcome.set_busy(False)
        self.welcome.show_notice(notice)
        self.stack.setCurrentWidget(self.welcome)

    def show_unlock(self, folder: Path) -> None:
        self._folder = folder
        self.unlock_page.set_archive(folder)
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.password.setFocus()
        if self._lock_notice:
            self.unlock_page.show_error(self._lock_notice)

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked

    # --- Opening -------------------------------------------------------------------------------

    def unlock(self, password: str) -> None:
        if self._folder is None:
            return
        self.unlock_page.set_busy(True)
        folder, actor = self._folder, self._preferences.annotator_name
        self.unlock_job.start(
            lambda report, _cancel: open_archive(folder, password, actor, report),
            self._opened,
            lambda error: self.unlock_page.show_error(error_message(error)),
        )

    def create_archive(self, new: NewArchive) -> None:
        self.welcome.set_busy(True)
        self._worker.submit(
            create_archive(
                new.folder,
                new.password,
                new.with_recovery_code,
                self._kdf,
                self._preferences.annotator_name,
            ),
            self,
            self._opened,
            lambda error: self.show_welcome(error_message(error)),
        )

    def open_demo(self) -> None:
        self.welcome.set_busy(True)
        folder, kdf = self._demo_folder, self._kdf
        self.demo_job.start(
            lambda report, _cancel: open_demo(folder, kdf, report),
            self._opened,
            lambda error: self.show_welcome(error_message(error)),
        )

    def _ask_new_archive(self) -> None:
        new = self._dialogs.new_archive(self, self._chooser)
        if new is not None:
            self.create_archive(new)

    def _choose_archive(self) -> None:
        folder = self._chooser.existing_folder(
            self, self.tr("Choose the archive folder (NAME.amanat)"), None
        )
        if folder is not None:
            self.show_unlock(folder)

    def _opened(self, opened: Opened) -> None:
        self._folder = opened.folder
        self._lock_notice = ""
        if opened.folder != self._demo_folder:
            self._location.remember(opened.folder)
        self._unlocked = True
        self.unlock_page.clear()
        self.welcome.set_busy(False)
        if opened.recovery_code:
            self._dialogs.recovery_code(self, opened.recovery_code, opened.folder.stem)
            if not self._unlocked:  # locked while the code was on screen
                return
        self.stack.setCurrentWidget(self.archive_view)
        self._show_locked_chrome()
        self._worker.submit(load_settings, self, self._settings_loaded)
        self.archive_view.load()
        self.care.archive_opened(opened.folder)
        self._start_guards()
        self.preview_pass.start()  # previews an earlier import left unmade, if any

    # --- Locking -------------------------------------------------------------------------------

    def lock(self) -> None:
        if not self._unlocked:
            return
        self._unlocked = False
        self.idle_lock.stop()
        self.system_lock.set_watching(False)
        self.preview_pass.stop()
        # First make sure nothing read before the lock can arrive and refill a view, then
        # empty the views, then close the database and wipe the key on its own thread.
        self._worker.invalidate()
        for dialog in (self.import_dialog, self.settings_dialog):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.import_dialog = self.settings_dialog = None
        self.new_documents.forget()
        self.bundles.close_all()
        self.care.close_all()
        self.page_info.close()
        self.audit_log.close()
        self.archive_view.clear()  # saves what was typed and not saved yet, first
        # Whatever is still open (a question waiting for an answer, a file dialog) goes too.
        close_other_windows(self)
        self.clipboard_guard.clear_ours()
        # The archive's settings belong to it: the next archive opened brings its own.
        defaults = Preferences.for_language(self._preferences.language)
        self._preferences.calendar = defaults.calendar
        self._preferences.auto_lock_minutes = defaults.auto_lock_minutes
        self._preferences.annotator_name = defaults.annotator_name
        self._preferences.lock_with_computer = defaults.lock_with_computer
        self._preferences.clipboard_seconds = defaults.clipboard_seconds
        self._preferences.backup_reminder_days = defaults.backup_reminder_days
        self._preferences.recording_limit_mb = defaults.recording_limit_mb
        self._worker.submit(close_archive, self)
        self._show_locked_chrome()
        if self._folder is not None:
            self.show_unlock(self._folder)

    def _computer_locking(self) -> None:
        self.lock()
        # The worker runs operations in order: once this one has run, the database is closed
        # and the key wiped, and a computer about to sleep may go on (system_lock.py).
        self._worker.submit(
            _nothing,
            self,
            lambda _: self.system_lock.let_sleep(),
            lambda _: self.system_lock.let_sleep(),
            outlives_lock=True,
        )

    def _not_saved_at_lock(self, error: AmanatError) -> None:
        # The view is empty by now and the archive closed: the unlock screen is where the
        # user looks next, so the loss is said there rather than in a status bar nobody sees.
        self._lock_notice = self.tr(
            "The archive was locked, but a text you were editing could not be saved: "
            "{reason} Unlock to type it again."
        ).format(reason=error_message(error))
        if self.stack.currentWidget() is self.unlock_page:
            self.unlock_page.show_error(self._lock_notice)

    def _start_guards(self) -> None:
        """The idle lock, the lock with the computer and the clipboard's timer, as the
        archive's settings say."""
        preferences = self._preferences
        self.idle_lock.start(preferences.auto_lock_minutes)
        self.system_lock.set_watching(preferences.lock_with_computer)
        self.clipboard_guard.set_seconds(preferences.clipboard_seconds)

    def _show_locked_chrome(self) -> None:
        # The folder's name only, never what is shown inside: Qt adds "Amanat" to it.
        self.setWindowTitle(
            self._folder.stem if self._unlocked and self._folder else self.tr("Amanat")
        )
        self.lock_action.setEnabled(self._unlocked)
        self.toolbar.setVisible(self._unlocked)
        self.menuBar().setVisible(self._unlocked)
        for action in self._archive_actions:
            action.setVisible(self._unlocked)

    def _report(self, error: AmanatError) -> None:
        # A view asking while no archive is open (the list sorts itself as it is built, before
        # any unlock) is answered with ArchiveLocked; the user did nothing wrong, so say nothing.
        if isinstance(error, ArchiveLocked):
            return
        self._say(error_message(error))

    def _say(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10_000)

    # --- Menus ---------------------------------------------------------------------------------

    def _make_menus(self) -> None:
        view = self.archive_view
        self.import_action = QAction(QIcon.fromTheme("document-import"), self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence(self.tr("Ctrl+I")))
        self.import_action.setToolTip(self.tr("Import scans and photos of letters (Ctrl+I)"))
        self.import_action.triggered.connect(self.choose_files_to_import)
        self.settings_action = QAction(
            QIcon.fromTheme("preferences-system"), self.tr("&Settings…"), self
        )
        # The platform's own key where it has one (Ctrl+, on macOS); Ctrl+, everywhere else.
        preferences_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.settings_action.setShortcuts(preferences_keys or [QKeySequence(self.tr("Ctrl+,"))])
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(QIcon.fromTheme("application-exit"), self.tr("&Quit"), self)
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcuts(quit_keys or [QKeySequence(self.tr("Ctrl+Q"))])
        self.quit_action.triggered.connect(self.close)
        self.new_documents = NewDocuments(self._worker, self._preferences, view, self)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions(list(self.new_documents.actions.values()))
        file_menu.addSeparator()
        file_menu.addAction(view.people.new_person_action)
        file_menu.addAction(view.tag_actions.new_tag_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(view.document.page_strip.add_action)
        view.document.page_strip.chooser = self._chooser
        file_menu.addAction(view.save_action)
        self.care = CareScreens(
            self._worker,
            self._chooser,
            self._preferences,
            self._dialogs.recovery_code,
            self._kdf,
            self,
            self.statusBar(),
        )
        file_menu.addMenu(self.care.menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        for action in (view.undo_action, view.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(view.edit_details_action)
        self.page_info = PageInfo(
            self._worker, self._chooser, lambda: view.document.pages.current_page_id, self
        )
        self.page_info.follow(view.document.page_strip.model)
        self.page_info.said.connect(self._say)
        view.document.page_strip.page_actions = self.page_info.actions
        self.page_info.offer_on(view.document.pages.picture)
        edit_menu.addActions(self.page_info.actions)
        edit_menu.addAction(view.timeline_action)
        for action in (view.trash_action, view.restore_action, view.empty_trash_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(view.find_action)
        edit_menu.addAction(view.annotations.list_action)
        self.audit_log = AuditLog(self._worker, lambda: view.document.document_id, self)
        edit_menu.addAction(self.audit_log.action)
        self.bundles = BundleScreens(self._worker, self._chooser, self._preferences, view, self)
        # A bundle's pages arrive without pictures: the pass draws them, and the list shows
        # each thumbnail in place of its placeholder as it is made.
        self.bundles.imported.connect(lambda: self.preview_pass.start())
        self.menuBar().addMenu(self.bundles.menu)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(view.reading_action)
        view_menu.addAction(view.details_panel_action)
        # Window shortcuts work while the menu bar is hidden too; the trash action keeps
        # its own (the list's) shortcut context.
        self._archive_actions = [
            self.import_action,
            self.settings_action,
            view.undo_action,
            view.redo_action,
            view.find_action,
            view.save_action,
            view.timeline_action,
            view.annotations.list_action,
            view.people.new_person_action,
            view.reading_action,
        ]
        self._archive_actions += self.bundles.actions
        self._archive_actions += self.new_documents.actions.values()
        self._archive_actions += self.care.actions
        for action in self._archive_actions:
            self.addAction(action)

    # --- Documents without scans ---------------------------------------------------------------

    def new_document_action(self, kind: DocumentKind) -> QAction:
        """The action of "New letter…", "New testimony…" or "New note…", for buttons
        elsewhere (the empty list's) to trigger or show."""
        return self.new_documents.actions[kind]

    def new_document(self, kind: DocumentKind) -> NewDocumentDialog | None:
        """Ask for the details of a new document of ``kind`` (the dialog lets it change)."""
        if not self._unlocked:
            return None
        return self.new_documents.open_dialog(kind)

    # --- Importing -----------------------------------------------------------------------------

    def choose_files_to_import(self) -> None:
        if not self._unlocked:
            return
        paths = self._chooser.files_to_import(self, self.tr("Choose the scans to import"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> ImportDialog | None:
        """Ask how to import ``paths`` (files or folders); the dialog runs the import."""
        if not self._unlocked or not paths or self.import_dialog is not None:
            return None
        content = self.archive_view.sidebar_content
        everyone = (*content.prisoners, *content.others) if content else ()
        dialog = ImportDialog(self._worker, paths, everyone, self)
        chosen = self.archive_view.documents.current_filter.person_id
        if chosen is not None:
            dialog.person.setCurrentIndex(max(0, dialog.person.findData(chosen)))
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _: self._import_closed(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, outcome: ImportOutcome) -> None:
        self.archive_view.refresh()
        self.preview_pass.start()

    def _import_closed(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._unlocked and _dropped_files(event) and self.import_dialog is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_files(event)
        if self._unlocked and paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- Settings --------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog | None:
        if not self._unlocked or self.settings_dialog is not None:
            return None
        dialog = SettingsDialog(
            self._preferences, self, self.archive_view.annotations.default_visibility
        )
        dialog.accepted.connect(lambda: self._settings_chosen(dialog))
        dialog.finished.connect(lambda _: self._settings_closed(dialog))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_chosen(self, dialog: SettingsDialog) -> None:
        chosen = dialog.chosen()
        self._worker.submit(save_settings(chosen.archive), self, self._apply_settings)
        if chosen.language != self._preferences.language:
            # After the save above: the worker runs in order, so the new window reads the
            # settings just chosen.
            self.choose_language(chosen.language)

    def _settings_closed(self, dialog: SettingsDialog) -> None:
        if self.settings_dialog is dialog:
            self.settings_dialog = None
        dialog.deleteLater()

    def _settings_loaded(self, stored: ArchiveSettings) -> None:
        self._apply_settings(stored)
        if self._unlocked:
            self.archive_view.restore_layout(stored.window_layout)

    def _apply_settings(self, stored: ArchiveSettings) -> None:
        preferences = self._preferences
        calendar_before = preferences.calendar
        if stored.calendar is not None:
            preferences.calendar = stored.calendar
        if stored.auto_lock_minutes is not None:
            preferences.auto_lock_minutes = stored.auto_lock_minutes
        if stored.annotator_name is not None:
            preferences.annotator_name = stored.annotator_name
        if stored.lock_with_computer is not None:
            preferences.lock_with_computer = stored.lock_with_computer
        if stored.clipboard_seconds is not None:
            preferences.clipboard_seconds = stored.clipboard_seconds
        if stored.backup_reminder_days is not None:
            preferences.backup_reminder_days = stored.backup_reminder_days
        if stored.recording_limit_mb is not None:
            preferences.recording_limit_mb = stored.recording_limit_mb
        if stored.annotation_visibility is not None and self._unlocked:
            self.archive_view.annotations.default_visibility = stored.annotation_visibility
        if self._unlocked:
            self._start_guards()
            if preferences.calendar != calendar_before:
                self.archive_view.refresh_formatting()

    # --- Size and language -------------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """The first size: FIRST_SIZE where the screen has room, else the screen's free area
        (a 1366×768 laptop with its taskbar leaves about 700 pixels), in its middle."""
        screen = self.screen()
        if screen is None:
            self.resize(FIRST_SIZE)
            return
        free = screen.availableGeometry()
        size = FIRST_SIZE.boundedTo(QSize(free.width(), free.height() - FRAME_ALLOWANCE))
        self.resize(size.expandedTo(self.minimumSizeHint().boundedTo(free.size())))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(max(frame.left(), free.left()), max(frame.top(), free.top()))

    def choose_language(self, language: str) -> MainWindow | None:
        """Show the window in ``language`` from now on, without restarting: remembered in the
        application's settings, then this window is replaced by one made anew in it (every
        text, and the direction of everything). An archive open stays open: what was typed
        is saved first, as at a lock, and the new window shows the archive again (the undo
        history goes, as it does at a lock). Returns the new window."""
        if language == self._preferences.language:
            return None
        self._location.set_language(language)
        folder, unlocked = self._folder, self._unlocked
        if unlocked:
            self._hand_over()
        chosen = Preferences.for_language(language)
        self._preferences.language = chosen.language
        if not unlocked:  # the open archive's own calendar stays
            self._preferences.calendar = chosen.calendar
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        apply_language(application, self._preferences)
        window = MainWindow(
            self._worker,
            self._location,
            self._preferences,
            chooser=self._chooser,
            dialogs=self._dialogs,
            kdf=self._kdf,
            demo_folder=self._demo_folder,
        )
        window.setGeometry(self.geometry())
        if unlocked and folder is not None:
            window._opened(Opened(folder))
        elif self.stack.currentWidget() is self.unlock_page and folder is not None:
            window.show_unlock(folder)
        else:
            window.show_welcome(self.welcome.notice.text())
        if self.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        self.replaced.emit(window)
        # Hidden, not closed: closing would lock the archive and close every other window,
        # the new one too.
        self.hide()
        self.deleteLater()
        return window

    def _hand_over(self) -> None:
        """Let go of the open archive without closing it, for the window replacing this one:
        what was typed is saved (and the layout kept), every view and dialog of this window
        emptied and closed, its guards stopped."""
        self._unlocked = False
        self.idle_lock.stop()
        self.system_lock.set_watching(False)
        self.preview_pass.stop()
        self._worker.invalidate()  # nothing on its way may arrive here any more
        for dialog in (self.import_dialog, self.settings_dialog):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.import_dialog = self.settings_dialog = None
        self.bundles.close_all()
        self.archive_view.clear()
        close_other_windows(self)
        self.clipboard_guard.clear_ours()

    def _offer_first_steps(self) -> None:
        """The empty archive's and the empty person page's buttons do what the menus do;
        a first step no action of this window answers is not offered."""
        empty = self.archive_view.empty_archive
        empty.import_requested.connect(self.choose_files_to_import)
        self.archive_view.empty_person.first_letter_requested.connect(self.choose_files_to_import)
        for button, signal, name in (
            (empty.add_person_button, empty.add_person_requested, "new-person"),
            (empty.testimony_button, empty.new_testimony_requested, "new-testimony"),
        ):
            action = self.findChild(QAction, name)
            if action is not None:
                signal.connect(action.trigger)
            empty.offer(button, action is not None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        close_other_windows(self)  # a dialog of the welcome screen, say
        super().closeEvent(event)


def _nothing(session: Session) -> None:
    return None


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files and folders being dragged; empty for anything else (text, links)."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    urls = data.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]
