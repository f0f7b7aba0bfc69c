"""The bad input of a first day that the window's other tests leave out: a person saved with
no name by pressing Enter, a person merged into themself, a dropped page the computer cannot
read, and a folder with no files in it. Each gets one sentence (or no way to do it at all)
and leaves the archive exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind, Person, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.people.merge_dialog import MergeDialog
from amanat.gui.settings import Preferences, RememberedLocation
from tests.gui.test_page_strip import _drop, _files_data, _order, _pictures, _strip
from tests.gui.test_page_strip import opened as opened  # the window on a letter of N pages
from tests.gui.test_people_dialogs import _entry, _labels, _menu_action, _new_person_dialog
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD, records_digest

MakeWindow = Callable[[], MainWindow]


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def test_enter_in_a_new_person_with_no_name_saves_nobody(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    before = records_digest(archive_folder)
    window = _opened(make_window, location, archive_folder)
    dialog = _new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog.display_name, "Reza")
    dialog.display_name.clear()  # begun, then taken away again
    qtbot.keyClick(dialog.roles[Role.WITNESS], Qt.Key.Key_Space)
    assert dialog.problem.text() == "A person needs a name."

    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Return)

    assert dialog.isVisible()  # still asking for the name
    assert window.archive_view.people.person_dialog is dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.archive_view.people.person_dialog is None
    assert "Other people" not in _labels(window)
    window.lock()
    assert records_digest(archive_folder) == before


def test_a_person_cannot_be_merged_into_themself(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        narges = people.add(archive.db, Person("Narges", roles=(Role.PRISONER,)))
        documents.add(
            archive.db,
            Document(kind=DocumentKind.LETTER, title="From Narges", author_id=narges.id),
        )
    before = records_digest(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view

    # Alone in the archive, there is nobody to merge her with, and the dialog says so.
    menu = view.sidebar_menu(_entry(window, "Narges"))
    assert menu is not None
    _menu_action(menu, "Merge Into…")
    dialog = view.people.merge_dialog
    assert isinstance(dialog, MergeDialog)
    assert dialog.kept.count() == 0
    assert dialog.explanation.text() == (
        "There is nobody else in the archive to merge \u2066Narges\u2069 with."
    )
    assert not dialog.merge_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter merges nothing either
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert view.people.merge_dialog is None
    assert not view.undo_stack.canUndo()
    window.lock()
    assert records_digest(archive_folder) == before
    window.unlock(PASSWORD)

    # With someone else added, she is still not offered as the one to keep.
    dialog_person = _new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog_person.display_name, "Narges Mohammadi")
    qtbot.mouseClick(dialog_person.save_button, Qt.MouseButton.LeftButton)
    menu = view.sidebar_menu(_entry(window, "Narges"))
    assert menu is not None
    _menu_action(menu, "Merge Into…")
    dialog = view.people.merge_dialog
    assert isinstance(dialog, MergeDialog)
    offered = [dialog.kept.itemText(n).strip("\u2066\u2069") for n in range(dialog.kept.count())]
    assert offered == ["Narges Mohammadi"]
    dialog.reject()
    assert "Narges" in _labels(window)
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert sorted(p.display_name for p in people.all_people(archive.db)) == [
            "Narges",
            "Narges Mohammadi",
        ]


def test_a_dropped_page_that_cannot_be_read_is_named_and_nothing_changes(
    opened: Callable[..., tuple[MainWindow, str]], archive_folder: Path, tmp_path: Path
) -> None:
    window, document_id = opened(1)
    viewer = window.archive_view.document.pages
    strip = _strip(window)
    # A photo on a USB stick pulled out between the drag and the drop, and a link to a
    # file that is not there any more: the file manager offered both, neither can be read.
    gone = tmp_path / "visit.jpg"
    gone.write_bytes(make.jpeg())
    dropped = _files_data([gone])
    gone.unlink()
    link = tmp_path / "envelope.jpg"
    link.symlink_to(tmp_path / "moved-away.jpg")
    window.lock()
    before = records_digest(archive_folder)
    window.unlock(PASSWORD)
    window.archive_view.select_document(document_id)

    for files in (dropped, _files_data([link])):
        _drop(viewer, files, QPoint(20, 20), Qt.DropAction.CopyAction)
        first, refused = strip.notice.text().splitlines()
        assert first == "Pages added: 0."
        name = Path(files.urls()[0].toLocalFile()).name
        assert refused.startswith(f"{tmp_path / name} was not imported: it could not be read")
        assert "Traceback" not in refused and refused.endswith(").")
        assert strip.model.rowCount() == 1
        assert not window.archive_view.undo_stack.canUndo()
        assert window.import_dialog is None

    window.lock()
    assert records_digest(archive_folder) == before

    # A page that can be read, dropped with one that cannot, still comes in.
    window.unlock(PASSWORD)
    window.archive_view.select_document(document_id)
    [good] = _pictures(tmp_path / "more", "back.png")
    _drop(viewer, _files_data([good, link]), QPoint(20, 20), Qt.DropAction.CopyAction)
    assert strip.notice.text().splitlines()[0] == "Pages added: 1."
    window.lock()
    assert _order(archive_folder, document_id) == ["page1.png", "back.png"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "There were no files in what was dropped or chosen."),
        ("fa", "در آنچه کشیده و رها شد یا انتخاب شد هیچ پرونده‌ای نبود."),
    ],
)
def test_an_empty_folder_dropped_on_the_page_says_it_held_no_files(
    qapp: QApplication,
    opened: Callable[..., tuple[MainWindow, str]],
    archive_folder: Path,
    tmp_path: Path,
    language: str,
    sentence: str,
) -> None:
    apply_language(qapp, Preferences.for_language(language))
    try:
        window, document_id = opened(1)
        folder = tmp_path / "empty"
        (folder / "nothing-inside").mkdir(parents=True)
        viewer = window.archive_view.document.pages

        _drop(viewer, _files_data([folder]), QPoint(20, 20), Qt.DropAction.CopyAction)

        strip = _strip(window)
        assert strip.notice.text().splitlines()[1:] == [sentence]
        assert strip.model.rowCount() == 1
        assert not window.archive_view.undo_stack.canUndo()
        window.lock()
        assert _order(archive_folder, document_id) == ["page1.png"]
    finally:
        apply_language(qapp, Preferences())
