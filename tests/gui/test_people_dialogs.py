"""People in the window, driven through its widgets: a new person (Ctrl+Shift+N), editing
from the person's page, merging two records of one person, the trash, undo, and the same
dialogs in Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind, Person, PersonStatus, Role
from amanat.core.storage import documents, people
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.people.merge_dialog import MergeDialog
from amanat.gui.people.person_dialog import PersonDialog
from amanat.gui.settings import Preferences, RememberedLocation
from tests.gui.test_persian_interface import _check_except, not_persian
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.gui import FakeDialogs

MakeWindow = Callable[[], MainWindow]


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def _entries(window: MainWindow, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    model = window.archive_view.sidebar_model
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _entries(window, index)


def _entry(window: MainWindow, label: str) -> QModelIndex:
    return next(index for index in _entries(window) if index.data() == label)


def _labels(window: MainWindow) -> list[str]:
    return [str(index.data()) for index in _entries(window)]


def _menu_action(menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()


def _new_person_dialog(qtbot: QtBot, window: MainWindow) -> PersonDialog:
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.archive_view.people.person_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _with_two_records(folder: Path) -> tuple[str, str, str]:
    """Narges, her mother entered twice (one record named by a letter), and the letter."""
    with Archive.open(folder, PASSWORD) as archive:
        db = archive.db
        people.add(db, Person("Narges", name_fa="نرگس", roles=(Role.PRISONER,)))
        mother = people.add(db, Person("Maryam", name_latin="Maryam", roles=(Role.RELATIVE,)))
        again = people.add(db, Person("مریم", name_fa="مریم", roles=(Role.WITNESS,)))
        letter = documents.add(
            db,
            Document(kind=DocumentKind.LETTER, title="To my mother", recipient_ids=(again.id,)),
        )
    return mother.id, again.id, letter.id


# --- New person ----------------------------------------------------------------------------


def test_a_new_person_is_typed_into_the_dialog_and_gets_a_page(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(make_window, location, archive_folder)
    dialog = _new_person_dialog(qtbot, window)
    assert not dialog.save_button.isEnabled()  # no name yet
    assert not dialog.problem.isVisible()  # and nothing said before anything is typed
    qtbot.keyClicks(dialog.display_name, "Sara")
    dialog.name_fa.insert("سارا")  # QTest types Latin-1 keys only
    qtbot.keyClicks(dialog.name_latin, "Sara Rahimi")
    dialog.aliases.insert("Sarah، Sari")  # QTest types Latin-1 keys only
    qtbot.mouseClick(dialog.roles[Role.PRISONER], Qt.MouseButton.LeftButton)
    dialog.status.setCurrentIndex(dialog.status.findData(PersonStatus.DETAINED.value))
    dialog.birth_year.insert("۱۳۶۴")  # QTest types Latin-1 keys only
    qtbot.keyClicks(dialog.notes, "Ward 209")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    view = window.archive_view
    assert view.people.person_dialog is None
    assert "Sara Rahimi" in _labels(window)  # shown by the name in the interface's script
    assert view.person.isVisible() and view.person.name.text().strip("\u2066\u2067\u2069") == (
        "Sara Rahimi"
    )
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        [sara] = people.all_people(archive.db)
    assert (sara.display_name, sara.name_fa, sara.aliases) == ("Sara", "سارا", ("Sarah", "Sari"))
    assert (sara.roles, sara.status, sara.birth_year, sara.notes) == (
        (Role.PRISONER,),
        PersonStatus.DETAINED,
        1364,
        "Ward 209",
    )


def test_a_person_without_a_name_or_with_a_wrong_year_cannot_be_saved(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(make_window, location, archive_folder)
    dialog = _new_person_dialog(qtbot, window)
    qtbot.keyClicks(dialog.display_name, "   ")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_latin, "Reza")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.birth_year, "19")
    qtbot.keyClicks(dialog.birth_year, "x")
    assert not dialog.save_button.isEnabled()
    assert dialog.problem.text() == "Give the birth year in digits, such as 1985 or 1364."
    dialog.birth_year.setText("19720")
    assert dialog.problem.text().startswith("A birth year is a year between 1200 and ")
    dialog.name_latin.clear()
    dialog.birth_year.clear()
    assert dialog.problem.text() == "A person needs a name."
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert window.archive_view.people.person_dialog is None


def test_new_person_is_in_the_file_menu_and_the_sidebar_menu(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert view.people.new_person_action in file_menu.actions()
    assert view.people.new_person_action.shortcut().toString() == "Ctrl+Shift+N"
    menu = view.sidebar_menu(QModelIndex())  # the empty space below the entries
    assert menu is not None
    _menu_action(menu, "&New Person…")
    assert view.people.person_dialog is not None
    view.people.person_dialog.reject()


def test_the_sidebar_menu_of_people_and_of_their_headings(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view

    def texts(label: str) -> list[str] | None:
        menu = view.sidebar_menu(_entry(window, label))
        return None if menu is None else [a.text() for a in menu.actions() if a.text()]

    assert texts("Other people") == ["&New Person…"]
    assert texts("Prisoners") == ["&New Person…"]
    assert texts("Maryam") == ["Edit…", "Merge Into…", "Move to Trash", "&New Person…"]
    assert texts("All documents") is None
    assert texts("Kinds") is None


# --- Edit ----------------------------------------------------------------------------------


def test_edit_on_the_persons_page_saves_and_ctrl_z_takes_it_back(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    mother_id, _, _ = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    view.show_person(mother_id)
    assert view.person.edit_button.isVisible()
    qtbot.mouseClick(view.person.edit_button, Qt.MouseButton.LeftButton)
    dialog = view.people.person_dialog
    assert dialog is not None and dialog.display_name.text() == "Maryam"
    dialog.name_fa.insert("مریم رحیمی")  # QTest types Latin-1 keys only
    qtbot.mouseClick(dialog.roles[Role.WITNESS], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Maryam" in _labels(window)
    assert view.undo_action.text() == "Undo Edit \u2066Maryam\u2069"
    assert any(
        "مریم رحیمی" in label.text() for label in view.person.findChildren(type(view.person.name))
    )

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        mother = people.get(archive.db, mother_id)
    assert (mother.name_fa, mother.roles) == ("", (Role.RELATIVE,))


# --- Merge ---------------------------------------------------------------------------------


def test_merge_from_the_sidebar_moves_the_letter_and_ctrl_z_takes_it_back(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    mother_id, again_id, letter_id = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    entry = _entry(window, "مریم")
    view.sidebar.setCurrentIndex(entry)
    menu = view.sidebar_menu(entry)
    assert menu is not None
    _menu_action(menu, "Merge Into…")
    dialog = view.people.merge_dialog
    assert isinstance(dialog, MergeDialog)
    dialog.kept.setCurrentIndex(dialog.kept.findData(mother_id))
    assert dialog.explanation.text().startswith("\u2066Maryam\u2069 stays. Everything that names")
    assert "moves to them: one document, their events" in dialog.explanation.text()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert "مریم" not in _labels(window)
    assert view.person.person_id is None  # the page of the record merged away is gone
    view.show_person(mother_id)
    assert view.documents.rowCount() == 1
    assert view.undo_action.text().startswith("Undo Merge")

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "مریم" in _labels(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "مریم" not in _labels(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert documents.get(archive.db, letter_id).recipient_ids == (again_id,)
        assert people.get(archive.db, mother_id).roles == (Role.RELATIVE,)


# --- The trash -----------------------------------------------------------------------------


def test_a_person_goes_to_the_trash_and_is_restored_from_it(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    mother_id, _, _ = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    view.show_person(mother_id)
    menu = view.sidebar_menu(_entry(window, "Maryam"))
    assert menu is not None
    _menu_action(menu, "Move to Trash")
    assert "Trash (1)" in _labels(window)
    assert view.person.person_id is None
    trashed = _entry(window, "Maryam")
    assert trashed.parent().data() == "Trash (1)"
    view.sidebar.setCurrentIndex(trashed)
    assert view.person.restore_button.isVisible()
    assert not view.person.edit_button.isVisible()
    qtbot.mouseClick(view.person.restore_button, Qt.MouseButton.LeftButton)
    assert "Trash (0)" in _labels(window)
    assert _entry(window, "Maryam").parent().data() == "Other people"

    # Undo twice: the restore, then the move to the trash.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Trash (1)" in _labels(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Trash (0)" in _labels(window)


def test_a_person_a_letter_names_stays_and_the_window_says_why(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    _with_two_records(archive_folder)
    before = records_digest(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    menu = view.sidebar_menu(_entry(window, "مریم"))
    assert menu is not None
    _menu_action(menu, "Move to Trash")
    assert window.statusBar().currentMessage() == (
        "“مریم” is named by one document (counting those in the trash), so they stay; take "
        "them off that document first, or merge them into another person."
    )
    assert "مریم" in _labels(window)
    assert view.undo_stack.count() == 0
    window.lock()
    assert records_digest(archive_folder) == before


# --- Sizes and the Persian interface -------------------------------------------------------


def test_the_dialogs_fit_a_laptop_screen_with_a_taskbar(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    mother_id, _, _ = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    dialog = _new_person_dialog(qtbot, window)
    QApplication.processEvents()
    assert dialog.height() <= 700 and dialog.width() <= 1366
    assert dialog.sizeHint().height() <= 700
    dialog.reject()
    window.archive_view.people.merge(mother_id)
    merge = window.archive_view.people.merge_dialog
    assert merge is not None and merge.sizeHint().height() <= 700
    merge.reject()


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def test_the_person_dialogs_speak_persian_right_to_left(
    qtbot: QtBot,
    persian: None,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
) -> None:
    mother_id, again_id, _ = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    dialog = _new_person_dialog(qtbot, window)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not_persian(dialog) == []
    qtbot.keyClicks(dialog.display_name, "Sara")  # a Latin name runs left to right
    assert dialog.display_name.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.display_name.clear()
    dialog.display_name.insert("سارا")  # QTest types Latin-1 keys only
    assert dialog.display_name.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.name_latin.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.name_fa.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.name_fa.insert("Sara")  # typed in the wrong field: it still runs as typed
    assert dialog.name_fa.layoutDirection() == Qt.LayoutDirection.LeftToRight
    dialog.name_fa.clear()
    dialog.display_name.clear()
    qtbot.keyClicks(dialog.birth_year, "x")
    assert dialog.problem.text() == "سال تولد را با رقم بنویسید، مانند ۱۳۶۴ یا ۱۹۸۵."
    dialog.reject()

    view.people.merge(again_id)
    merge = view.people.merge_dialog
    assert merge is not None
    merge.kept.setCurrentIndex(merge.kept.findData(mother_id))
    # Maryam has no name in Persian script: hers is shown as it was written.
    _check_except(merge, "merge", "Maryam")
    merge.reject()

    view.show_person(mother_id)
    menu = view.sidebar_menu(_entry(window, "مریم"))
    assert menu is not None
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "ویرایش…",
        "ادغام در…",
        "انتقال به سطل زباله",
        "&شخص تازه…",
    ]
    _menu_action(menu, "انتقال به سطل زباله")
    assert window.statusBar().currentMessage().startswith("«مریم» در یک سند آمده است")


def test_emptying_the_trash_removes_the_people_in_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    dialogs: FakeDialogs,
) -> None:
    mother_id, _, _ = _with_two_records(archive_folder)
    window = _opened(make_window, location, archive_folder)
    view = window.archive_view
    menu = view.sidebar_menu(_entry(window, "Maryam"))
    assert menu is not None
    _menu_action(menu, "Move to Trash")
    assert view.empty_trash_action.isEnabled()
    dialogs.empty_trash_answer = True
    view.empty_trash_action.trigger()
    assert dialogs.empty_trash_asked == [1]
    assert "Maryam" not in _labels(window) and "Trash (0)" in _labels(window)
    window.lock()
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert people.trashed_people(archive.db) == []
        assert mother_id not in {p.id for p in people.all_people(archive.db)}


def test_the_sidebar_with_people_in_the_trash_is_a_sound_model(qtmodeltester: ModelTester) -> None:
    from amanat.app.overview import SidebarContent
    from amanat.gui.models.sidebar import SidebarModel

    model = SidebarModel()
    narges = Person("Narges", roles=(Role.PRISONER,))
    gone = (Person("Reza"), Person("رضا", name_fa="رضا"))
    model.set_content(SidebarContent((narges,), (), (), trash_count=2, trashed_people=gone))
    qtmodeltester.check(model)
    trash = model.index(model.rowCount() - 1, 0)
    assert trash.data() == "Trash (4)"
    assert {model.index(r, 0, trash).data() for r in range(model.rowCount(trash))} == {
        "Reza",
        "رضا",
    }
    first = model.index(0, 0, trash).data(FILTER_ROLE)
    assert first.in_trash and first.person_id in {p.id for p in gone}
