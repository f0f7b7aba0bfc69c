"""The Bundles menu of the main window, and the dialogs it opens: at most one of each, all
closed when the archive is locked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from amanat.core.bundle.importer import BundleReport
from amanat.gui.archive_view import ArchiveView
from amanat.gui.bundles.contacts_dialog import ContactsDialog
from amanat.gui.bundles.export_dialog import ExportDialog
from amanat.gui.bundles.import_dialog import BundleImportDialog
from amanat.gui.bundles.keys_dialog import MyKeysDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.settings import Preferences
from amanat.gui.worker import Worker


class BundleScreens(QObject):
    imported = Signal()
    """A bundle was imported: its pages wait for their thumbnails and previews."""

    def __init__(
        self,
        worker: Worker,
        chooser: FileChooser,
        preferences: Preferences,
        view: ArchiveView,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._worker = worker
        self._chooser = chooser
        self._preferences = preferences
        self._view = view
        self._window = window
        self.keys_dialog: MyKeysDialog | None = None
        self.contacts_dialog: ContactsDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.import_dialog: BundleImportDialog | None = None

        self.keys_action = QAction(self.tr("My &keys…"), window)
        self.keys_action.setToolTip(self.tr("The keys to give to those who send you bundles"))
        self.keys_action.triggered.connect(self.open_keys)
        self.contacts_action = QAction(self.tr("&Contacts…"), window)
        self.contacts_action.triggered.connect(self.open_contacts)
        self.export_action = QAction(self.tr("&Export bundle…"), window)
        self.export_action.setShortcut(QKeySequence(self.tr("Ctrl+E")))
        self.export_action.setToolTip(self.tr("Send documents to advocates, encrypted (Ctrl+E)"))
        self.export_action.triggered.connect(self.open_export)
        self.import_action = QAction(self.tr("&Import bundle…"), window)
        self.import_action.triggered.connect(self.open_import)
        self.menu = QMenu(self.tr("&Bundles"), window)
        for action in (self.keys_action, self.contacts_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in (self.export_action, self.import_action):
            self.menu.addAction(action)
        self.actions = [
            self.keys_action,
            self.contacts_action,
            self.export_action,
            self.import_action,
        ]

    def open_keys(self) -> MyKeysDialog | None:
        if self.keys_dialog is not None:
            return None
        dialog = MyKeysDialog(self._worker, self._window)
        self.keys_dialog = dialog
        self._opened(dialog, "keys_dialog")
        return dialog

    def open_contacts(self) -> ContactsDialog | None:
        if self.contacts_dialog is not None:
            return None
        dialog = ContactsDialog(self._worker, self._window)
        self.contacts_dialog = dialog
        self._opened(dialog, "contacts_dialog")
        return dialog

    def open_export(self) -> ExportDialog | None:
        if self.export_dialog is not None:
            return None
        person = self._view.documents.current_filter.person_id
        dialog = ExportDialog(
            self._worker,
            self._chooser,
            self._preferences,
            self._view.selected_document_ids(),
            person,
            self._window,
        )
        self.export_dialog = dialog
        self._opened(dialog, "export_dialog")
        return dialog

    def open_import(self) -> BundleImportDialog | None:
        if self.import_dialog is not None:
            return None
        dialog = BundleImportDialog(self._worker, self._chooser, self._window)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        self._opened(dialog, "import_dialog")
        return dialog

    def close_all(self) -> None:
        """At the lock: each dialog is closed (one still working is told to stop first)."""
        for dialog in (
            self.keys_dialog,
            self.contacts_dialog,
            self.export_dialog,
            self.import_dialog,
        ):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.keys_dialog = self.contacts_dialog = None
        self.export_dialog = None
        self.import_dialog = None

    def _opened(self, dialog: QDialog, attribute: str) -> None:
        def closed(_: int) -> None:
            if getattr(self, attribute) is dialog:
                setattr(self, attribute, None)
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def _imported(self, report: BundleReport) -> None:
        self._view.refresh()
        self.imported.emit()
