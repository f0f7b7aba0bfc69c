"""Every dialog the window has fits a 1366×768 laptop with its taskbar (1366×700), in English
and in Persian: each is opened as the user opens it, and its size is checked.

A dialog class added to the package and not opened here fails the test by name, so a new
dialog cannot slip past the check.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import amanat.gui
from amanat.core.dates import Calendar
from amanat.core.faces import FaceSuggestion
from amanat.core.records import Document, DocumentKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents
from amanat.core.vault import Archive
from amanat.gui.bundles.contacts_dialog import AddContactDialog
from amanat.gui.care.job_dialog import JobDialog
from amanat.gui.casefile import CaseFileDialog
from amanat.gui.create_archive import CreateArchiveDialog, RecoveryCodeDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.redaction import FacesDialog
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.tag_actions import TagChoiceDialog, TagNameDialog
from amanat.gui.tag_colours import TagColourDialog
from amanat.gui.text_editor import TextEditor
from tests.helpers import scan_files
from tests.helpers.archives import PASSWORD

SCREEN = QSize(1366, 700)
"""A 1366×768 screen less a taskbar and the window's title bar."""


@pytest.fixture(params=["en", "fa"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_language(qapp, Preferences.for_language(request.param))
    yield request.param
    apply_language(qapp, Preferences())


@pytest.fixture
def preferences(language: str) -> Preferences:
    return Preferences.for_language(language)


def _dialog_classes() -> set[type[QDialog]]:
    """Every dialog class defined in the window's package."""
    for module in pkgutil.walk_packages(amanat.gui.__path__, "amanat.gui."):
        if not module.name.endswith("__main__"):  # which would start the application
            importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    waiting: list[type[QDialog]] = [QDialog]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            waiting.append(subclass)
            if subclass.__module__.startswith("amanat.gui."):
                found.add(subclass)
    return found


def _fits(dialog: QWidget) -> list[str]:
    """What of ``dialog`` is larger than the screen (empty when it fits): its smallest size,
    and the size it opens at (its size hint, unless it chose a size of its own)."""
    too_large = []
    for what, size in (
        ("minimum size hint", dialog.minimumSizeHint()),
        ("minimum size", dialog.minimumSize()),
        ("size shown", dialog.size()),
    ):
        if size.width() > SCREEN.width() or size.height() > SCREEN.height():
            too_large.append(f"{type(dialog).__name__}: {what} {size.width()}×{size.height()}")
    return too_large


def _open_every_dialog(
    window: MainWindow, opened: Callable[[QWidget | None], None], photographed: str
) -> None:
    """Open each dialog as the user would, from the window's own menus and views."""
    view = window.archive_view
    opened(CreateArchiveDialog(FileChooser(), Path.home(), window))
    opened(RecoveryCodeDialog("7K2M-QX9P-4TRA-ZD8E-1HVN-6WCB-3J5F-Y0GS", window, "family"))
    opened(TagColourDialog("conditions/solitary", None, window))
    opened(window.open_settings())
    window.settings_dialog and window.settings_dialog.reject()
    opened(window.import_paths([Path.home()]))
    window.import_dialog and window.import_dialog.reject()
    opened(window.bundles.open_keys())
    contacts = window.bundles.open_contacts()
    opened(contacts)
    opened(AddContactDialog(window._worker, window))
    opened(window.bundles.open_export())
    opened(window.bundles.open_import())
    window.bundles.close_all()
    # A letter with its transcription: its details, and a passage annotated in it.
    for row in range(view.documents.rowCount()):
        view.select_document(view.documents.document_id(row))
        if view.document.editors:
            break
    opened(view.edit_details())
    view.details_dialog and view.details_dialog.reject()
    editor = view.document.editors[0]
    assert isinstance(editor, TextEditor)
    cursor = editor.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.EndOfWord, cursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)
    editor.annotate_action.trigger()
    opened(view.annotations.dialog)
    view.annotations.dialog and view.annotations.dialog.reject()
    opened(view.annotations.open_list())
    content = view.sidebar_content
    assert content is not None
    timeline = view.open_timeline(content.prisoners[0].id)
    opened(timeline.new_event())
    case_file = CaseFileDialog(
        window._worker, content.prisoners[0].id, "Sara", Calendar.JALALI, parent=window
    )
    opened(case_file)
    case_file.reject()
    # People, tags and new documents.
    opened(view.people.new_person())
    view.people.person_dialog and view.people.person_dialog.reject()
    view.people.merge(content.prisoners[0].id)
    opened(view.people.merge_dialog)
    view.people.merge_dialog and view.people.merge_dialog.reject()
    long_path = "conditions/solitary confinement/ward 209/interrogation rooms"
    opened(TagNameDialog(long_path, "interrogation rooms", window))
    choices: list[tuple[str, str | None]] = [(f"tag {n}", str(n)) for n in range(200)]
    opened(TagChoiceDialog("Move a tag", f"Put the tag “{long_path}” under:", choices, window))
    opened(window.new_document(DocumentKind.TESTIMONY))
    window.new_documents.forget()
    # Looking after the archive: each dialog is closed before the next opens.
    care = window.care
    folder = window._folder
    assert folder is not None
    for open_one in (
        care.change_password,
        care.recovery_code,
        lambda: care.back_up(folder.parent / "backup-test"),
        lambda: care.back_up_to_folder(folder.parent / "folder-backup-test"),
        care.check,
        care.restore,
        lambda: care.recover(folder),
    ):
        opened(open_one())
        care.close_all()
    opened(JobDialog(window._worker, "Working", window))
    # A page's report (its camera, place and names) and its export; the audit log; a new tag.
    view.select_document(photographed)
    window.page_info.show_info()
    opened(window.page_info.dialog)
    window.page_info.close()
    window.page_info.export()
    opened(window.page_info.dialog)
    window.page_info.close()
    opened(window.audit_log.open())
    window.audit_log.close()
    view.tag_actions.new_tag()
    opened(view.tag_actions.dialog)
    # The faces offered to redact (one made here: the pages of this archive show none).
    faces = FacesDialog([FaceSuggestion((0.1, 0.1, 0.3, 0.4), scan_files.png())], window)
    opened(faces)
    faces.reject()


def test_every_dialog_fits_a_small_laptop_screen(
    make_window: Callable[[], MainWindow],
    location: RememberedLocation,
    filled_folder: Path,
    language: str,
    tmp_path: Path,
) -> None:
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(scan_files.jpeg(gps=True, names=True))
    with Archive.open(filled_folder, PASSWORD) as archive:
        letter = Document(kind=DocumentKind.LETTER, title="A photographed letter")
        photographed = documents.add(archive.db, letter).id
        import_files(archive.db, [photo], ImportOptions(document_id=photographed))
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    seen: set[type[QDialog]] = set()
    too_large: list[str] = []

    def opened(dialog: QWidget | None) -> None:
        assert dialog is not None
        dialog.show()
        QApplication.processEvents()
        assert dialog.isRightToLeft() == (language == "fa")
        seen.add(type(dialog))  # type: ignore[arg-type]
        too_large.extend(_fits(dialog))

    _open_every_dialog(window, opened, photographed)
    assert not too_large
    assert _dialog_classes() - seen == set(), "open these dialogs in _open_every_dialog too"
