"""The sidebar's menu on a tag, driven as a user drives it: its actions, then the dialog's
own field, list and buttons. Each change is undone with Ctrl+Z and made again with redo; in
English and in Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.records import Tag
from amanat.core.storage import documents, people, tags
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.tag_actions import NewTagDialog, TagChoiceDialog, TagNameDialog
from amanat.gui.worker import Session, SynchronousWorker
from tests.gui.test_persian_interface import not_persian
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeDialogs

MakeWindow = Callable[[], MainWindow]
T = TypeVar("T")
SOLITARY_DOCUMENTS = 50
"""Documents of the filled archive tagged "conditions/solitary" (every third of 150)."""


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    return window


def _in_core(window: MainWindow, worker: SynchronousWorker, read: Callable[[Any], T]) -> T:
    found: list[T] = []

    def run(session: Session) -> T:
        return read(session.require().db)

    worker.submit(run, window, found.append)
    assert found, "the archive is not open"
    return found[0]


def _paths(window: MainWindow, worker: SynchronousWorker) -> list[str]:
    return _in_core(
        window, worker, lambda db: sorted(tags.path_of(db, t.id) for t in tags.all_tags(db))
    )


def _tagged(window: MainWindow, worker: SynchronousWorker, path: str) -> int:
    """How many documents carry the tag ``path`` itself (0 when there is no such tag)."""

    def count(db: Any) -> int:
        tag = tags.find(db, path)
        if tag is None:
            return 0
        return int(db.value("SELECT count(*) FROM document_tags WHERE tag_id = ?", (tag.id,)))

    return _in_core(window, worker, count)


def _entry(window: MainWindow, worker: SynchronousWorker, path: str) -> QModelIndex:
    tag = _in_core(window, worker, lambda db: tags.find(db, path))
    assert tag is not None, path
    index = window.archive_view.sidebar_model.index_of(DocumentFilter(tag_id=tag.id))
    assert index.isValid(), path
    return index


def _choose(window: MainWindow, worker: SynchronousWorker, path: str, action: str) -> None:
    """Right-click the tag ``path`` in the sidebar and choose ``action``."""
    menu = window.archive_view.sidebar_menu(_entry(window, worker, path))
    assert isinstance(menu, QMenu)
    found = [a for a in menu.actions() if a.text() == action]
    assert found, [a.text() for a in menu.actions()]
    found[0].trigger()


def _button(box: QMessageBox, text: str) -> QAbstractButton:
    found = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


def _plain(text: str) -> str:
    """``text`` without the marks that keep a name's direction apart from the sentence's."""
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def _undo(window: MainWindow) -> None:
    window.archive_view.undo_action.trigger()


def _redo(window: MainWindow) -> None:
    window.archive_view.redo_action.trigger()


def _sidebar_tags(window: MainWindow) -> list[str]:
    model = window.archive_view.sidebar_model
    heading = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Tags"
    )
    shown: list[str] = []

    def walk(parent: QModelIndex, prefix: str) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            shown.append(prefix + str(index.data()))
            walk(index, prefix + str(index.data()) + "/")

    walk(heading, "")
    return shown


@pytest.fixture
def window(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> MainWindow:
    with Archive.open(filled_folder, PASSWORD) as archive:
        tags.add(archive.db, Tag("health", colour="#009e73"))
    return _opened(make_window, location, filled_folder)


def test_the_menu_of_a_tag_offers_every_change_and_other_entries_have_none(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    menu = view.sidebar_menu(_entry(window, worker, "conditions"))
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Rename…", "Move Under…", "Merge Into…", "Change Colour…", "Delete…",
    ]  # fmt: skip
    assert view.sidebar_menu(view.sidebar_model.everything_index()) is None


def test_renaming_a_tag_in_its_dialog_renames_the_tags_inside_and_is_undone(
    window: MainWindow, worker: SynchronousWorker, qtbot: QtBot
) -> None:
    _choose(window, worker, "conditions", "Rename…")
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    assert dialog.field.text() == "conditions"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.field.clear()
    assert not ok.isEnabled()  # no empty name
    qtbot.keyClicks(dialog.field, "prison")
    ok.click()
    assert _paths(window, worker) == ["health", "prison", "prison/solitary"]
    assert _sidebar_tags(window) == ["health", "prison", "prison/solitary"]
    assert _tagged(window, worker, "prison/solitary") == SOLITARY_DOCUMENTS
    assert window.archive_view.undo_action.text() == "Undo Rename the tag “conditions” to “prison”"
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert _sidebar_tags(window) == ["conditions", "conditions/solitary", "health"]
    _redo(window)
    assert _paths(window, worker) == ["health", "prison", "prison/solitary"]


def test_renaming_onto_another_tag_asks_to_merge_and_cancel_changes_nothing(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    _choose(window, worker, "conditions", "Rename…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.field.setText("health")
    dialog.accept()
    question = view.tag_actions.dialog
    assert isinstance(question, QMessageBox)
    assert "There is already a tag named “health”" in _plain(question.text())
    question.button(QMessageBox.StandardButton.Cancel).click()
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert not view.undo_stack.canUndo()

    _choose(window, worker, "conditions", "Rename…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.field.setText("health")
    dialog.accept()
    question = view.tag_actions.dialog
    assert isinstance(question, QMessageBox)
    _button(question, "Merge").click()
    assert _paths(window, worker) == ["health", "health/solitary"]
    assert _tagged(window, worker, "health/solitary") == SOLITARY_DOCUMENTS
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert _tagged(window, worker, "conditions/solitary") == SOLITARY_DOCUMENTS


def test_moving_a_tag_to_the_top_and_under_another(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    _choose(window, worker, "conditions/solitary", "Move Under…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    shown = [dialog.choices.item(r).text() for r in range(dialog.choices.count())]
    assert shown == ["(The top level)", "health"]  # not itself, nor where it is
    dialog.choose("(The top level)")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert _paths(window, worker) == ["conditions", "health", "solitary"]

    _choose(window, worker, "solitary", "Move Under…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    dialog.choose("health")
    dialog.accept()
    assert _paths(window, worker) == ["conditions", "health", "health/solitary"]
    assert _tagged(window, worker, "health/solitary") == SOLITARY_DOCUMENTS
    _undo(window)
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]


def test_moving_onto_a_taken_name_asks_to_merge_with_the_tag_there(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    _choose(window, worker, "health", "Move Under…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    dialog.choose("conditions")
    dialog.accept()
    _choose(window, worker, "conditions/health", "Rename…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.field.setText("solitary")
    dialog.accept()
    question = view.tag_actions.dialog
    assert isinstance(question, QMessageBox)
    assert "“conditions/solitary”" in _plain(question.text())
    _button(question, "Merge").click()
    assert _paths(window, worker) == ["conditions", "conditions/solitary"]
    assert view.undo_action.text() == (
        "Undo Merge the tag “conditions/health” into “conditions/solitary”"
    )
    _undo(window)
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]


def test_typing_in_the_list_of_tags_narrows_it(
    window: MainWindow, worker: SynchronousWorker, qtbot: QtBot
) -> None:
    _choose(window, worker, "health", "Merge Into…")
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    assert dialog.shown() == ["conditions", "conditions/solitary"]
    qtbot.keyClicks(dialog.filter, "SOLI")
    assert dialog.shown() == ["conditions/solitary"]
    assert dialog.chosen is not None  # the first that matches, for Enter
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert _paths(window, worker) == ["conditions", "conditions/solitary"]  # merged
    assert window.archive_view.tag_actions.dialog is None


def test_a_tag_is_offered_no_place_inside_itself(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    _choose(window, worker, "conditions", "Move Under…")
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    assert [dialog.choices.item(r).text() for r in range(dialog.choices.count())] == ["health"]
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()
    assert window.archive_view.tag_actions.dialog is None


def test_merging_a_tag_into_another_moves_its_documents_and_is_undone(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    _choose(window, worker, "conditions/solitary", "Merge Into…")
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, TagChoiceDialog)
    dialog.choose("conditions")
    dialog.accept()
    assert _paths(window, worker) == ["conditions", "health"]
    assert _tagged(window, worker, "conditions") == SOLITARY_DOCUMENTS
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert _tagged(window, worker, "conditions") == 0
    assert _tagged(window, worker, "conditions/solitary") == SOLITARY_DOCUMENTS


def test_deleting_a_tag_says_how_many_documents_carry_it_and_ctrl_z_brings_it_back(
    window: MainWindow, worker: SynchronousWorker, qtbot: QtBot
) -> None:
    view = window.archive_view
    _choose(window, worker, "conditions", "Delete…")
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    assert _plain(box.text()) == (
        "Delete the tag “conditions”?\nIt is on 50 document(s).\nThe 1 tag(s) inside it are "
        "deleted too.\nNothing else is deleted, and Undo (Ctrl+Z) brings the tag back."
    )
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]

    _choose(window, worker, "conditions", "Delete…")
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    _button(box, "Delete").click()
    assert _paths(window, worker) == ["health"]
    assert _sidebar_tags(window) == ["health"]
    every_tag = _in_core(
        window,
        worker,
        lambda db: {t for d in documents.list_documents(db, DocumentFilter()) for t in d.tag_ids},
    )
    assert every_tag == set()
    view.sidebar.setFocus()
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert _tagged(window, worker, "conditions/solitary") == SOLITARY_DOCUMENTS


def test_a_tag_shown_in_the_list_goes_back_to_everything_when_deleted(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    view.sidebar.setCurrentIndex(_entry(window, worker, "health"))
    assert view.documents.current_filter.tag_id is not None
    _choose(window, worker, "health", "Delete…")
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    assert "It is on 0 document(s)." in _plain(box.text())
    _button(box, "Delete").click()
    assert view.documents.current_filter == DocumentFilter()


@pytest.fixture
def in_persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def test_the_tag_menu_and_its_dialogs_speak_persian(
    in_persian: None,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
    dialogs: FakeDialogs,
) -> None:
    with Archive.open(filled_folder, PASSWORD) as archive:
        tags.add(archive.db, Tag("انفرادی", colour="#009e73"))
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    menu = view.sidebar_menu(_entry(window, worker, "انفرادی"))
    assert menu is not None
    english = [a.text() for a in menu.actions() if any("a" <= c <= "z" for c in a.text())]
    assert english == []
    actions = menu.actions()
    actions[0].trigger()  # Rename
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.show()
    assert not_persian(dialog) == []
    dialog.field.setText("سلول انفرادی")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "سلول انفرادی" in _paths(window, worker)

    _entry(window, worker, "سلول انفرادی")
    menu = view.sidebar_menu(_entry(window, worker, "سلول انفرادی"))
    assert menu is not None
    menu.actions()[1].trigger()  # Move under
    choice = view.tag_actions.dialog
    assert isinstance(choice, TagChoiceDialog)
    choice.show()
    assert [w for w in not_persian(choice) if "conditions" not in w] == []
    choice.reject()

    menu = view.sidebar_menu(_entry(window, worker, "سلول انفرادی"))
    assert menu is not None
    menu.actions()[4].trigger()  # Delete
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    box.show()
    assert not_persian(box) == []
    box.button(QMessageBox.StandardButton.Cancel).click()
    _undo(window)
    assert "انفرادی" in _paths(window, worker)
    assert dialogs.tag_colours_asked == []


def _tags_heading(window: MainWindow) -> QModelIndex:
    model = window.archive_view.sidebar_model
    return next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Tags"
    )


def _drop(window: MainWindow, dragged: QModelIndex, onto: QModelIndex) -> bool:
    """What the sidebar does when a tag is dragged onto ``onto`` and let go."""
    model = window.archive_view.sidebar_model
    data = model.mimeData([dragged])
    move = Qt.DropAction.MoveAction
    if not model.canDropMimeData(data, move, -1, -1, onto):
        return False
    dropped = model.dropMimeData(data, move, -1, -1, onto)
    QApplication.processEvents()  # the move waits until the drop is over
    return dropped


def test_a_tag_dragged_onto_another_goes_under_it_and_onto_the_heading_to_the_top(
    window: MainWindow, worker: SynchronousWorker, qtmodeltester: ModelTester
) -> None:
    view = window.archive_view
    assert view.sidebar.dragEnabled() and view.sidebar.acceptDrops()
    assert view.sidebar.dragDropMode() == view.sidebar.DragDropMode.InternalMove
    health = _entry(window, worker, "health")
    assert view.sidebar_model.flags(health) & Qt.ItemFlag.ItemIsDragEnabled
    assert not _drop(window, health, health)
    assert not _drop(window, health, view.sidebar_model.everything_index())
    assert _drop(window, health, _entry(window, worker, "conditions/solitary"))
    assert _paths(window, worker) == [
        "conditions", "conditions/solitary", "conditions/solitary/health",
    ]  # fmt: skip
    qtmodeltester.check(view.sidebar_model)
    assert _drop(window, _entry(window, worker, "conditions/solitary"), _tags_heading(window))
    assert _paths(window, worker) == ["conditions", "solitary", "solitary/health"]
    _undo(window)
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]


def test_a_tag_dragged_inside_itself_is_refused_in_a_sentence(
    window: MainWindow, worker: SynchronousWorker, qtbot: QtBot
) -> None:
    view = window.archive_view
    with qtbot.waitSignal(view.status) as said:
        _drop(
            window,
            _entry(window, worker, "conditions"),
            _entry(window, worker, "conditions/solitary"),
        )
    assert said.args == ["A tag cannot be placed inside itself."]
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert not view.undo_stack.canUndo()


def test_locking_closes_a_tag_dialog_and_does_nothing_it_asked(
    window: MainWindow, worker: SynchronousWorker, location: RememberedLocation
) -> None:
    _choose(window, worker, "conditions", "Rename…")
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.field.setText("prison")
    window.lock()
    assert window.archive_view.tag_actions.dialog is None
    assert not dialog.isVisible()
    folder = location.last_archive()
    assert folder is not None
    with Archive.open(folder, PASSWORD) as archive:
        assert tags.find(archive.db, "conditions/solitary") is not None
        assert tags.find(archive.db, "prison") is None


def test_f2_renames_and_delete_deletes_the_tag_chosen_in_the_sidebar(
    window: MainWindow, worker: SynchronousWorker, qtbot: QtBot
) -> None:
    view = window.archive_view
    view.sidebar.setFocus()
    view.sidebar.setCurrentIndex(view.sidebar_model.everything_index())
    qtbot.keyClick(view.sidebar, Qt.Key.Key_F2)
    assert view.tag_actions.dialog is None  # not a tag: nothing to rename
    view.sidebar.setCurrentIndex(_entry(window, worker, "health"))
    qtbot.keyClick(view.sidebar, Qt.Key.Key_F2)
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.accept()  # the same name: nothing done, nothing to undo
    assert not view.undo_stack.canUndo()
    view.sidebar.setFocus()
    qtbot.keyClick(view.sidebar, Qt.Key.Key_Delete)
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    _button(box, "Delete").click()
    assert _paths(window, worker) == ["conditions", "conditions/solitary"]


def test_an_open_timeline_hears_of_a_renamed_and_a_deleted_tag(
    window: MainWindow, worker: SynchronousWorker
) -> None:
    view = window.archive_view
    narges = _in_core(
        window,
        worker,
        lambda db: next(p.id for p in people.all_people(db) if p.display_name == "Narges"),
    )
    timeline = view.open_timeline(narges)
    _choose(window, worker, "health", "Rename…")
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, TagNameDialog)
    dialog.field.setText("medical")
    dialog.accept()
    shown = [timeline.tag_filter.itemText(i) for i in range(timeline.tag_filter.count())]
    assert shown == ["Any tag", "conditions", "conditions/solitary", "medical"]
    timeline.tag_filter.setCurrentIndex(shown.index("medical"))
    _choose(window, worker, "medical", "Delete…")
    box = view.tag_actions.dialog
    assert isinstance(box, QMessageBox)
    _button(box, "Delete").click()
    assert timeline.tag_filter.currentText() == "Any tag"
    assert timeline.canvas._filter.tag_id is None  # every event shown again


def test_the_tags_heading_makes_a_new_tag_with_its_colour_and_undo_takes_it_away(
    window: MainWindow, worker: SynchronousWorker, dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    view = window.archive_view
    menu = view.sidebar_menu(_tags_heading(window))
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["New Tag…"]
    menu.actions()[0].trigger()
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, NewTagDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # no empty name
    qtbot.keyClicks(dialog.field, " conditions / medical ")
    dialogs.tag_colour_answer = "#d55e00"
    ok.click()
    assert dialogs.tag_colours_asked[-1] == ("conditions/medical", None)
    assert _paths(window, worker) == [
        "conditions", "conditions/medical", "conditions/solitary", "health",
    ]  # fmt: skip
    made = _in_core(window, worker, lambda db: tags.find(db, "conditions/medical"))
    assert made is not None and made.colour == "#d55e00"
    assert "conditions/medical" in _sidebar_tags(window)
    assert view.undo_action.text() == "Undo Make the tag “conditions/medical”"
    _undo(window)
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    _redo(window)
    assert "conditions/medical" in _paths(window, worker)


def test_a_new_tag_is_what_amanat_tag_add_makes(
    window: MainWindow, worker: SynchronousWorker, dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    """The same use case (app/tags.new_tag): a name taken is refused in its sentence, a
    cancelled colour makes nothing."""
    view = window.archive_view
    view.tag_actions.new_tag()
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, NewTagDialog)
    dialog.field.setText("health")
    with qtbot.waitSignal(view.status) as said:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert said.args == ["A tag named “health” already exists."]
    view.tag_actions.new_tag()
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, NewTagDialog)
    dialog.field.setText("released")
    dialogs.tag_colour_answer = None
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert _paths(window, worker) == ["conditions", "conditions/solitary", "health"]
    assert not view.undo_stack.canUndo()


def test_the_new_tag_dialog_speaks_persian(
    in_persian: None,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    worker: SynchronousWorker,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    model = view.sidebar_model
    heading = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "برچسب‌ها"
    )
    menu = view.sidebar_menu(heading)
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["برچسب تازه…"]
    menu.actions()[0].trigger()
    dialog = view.tag_actions.dialog
    assert isinstance(dialog, NewTagDialog)
    dialog.show()
    assert [w for w in not_persian(dialog) if "conditions" not in w] == []
    dialog.reject()


def test_file_new_tag_makes_the_first_tag_of_an_archive_with_none(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    worker: SynchronousWorker,
    dialogs: FakeDialogs,
) -> None:
    window = _opened(make_window, location, archive_folder)
    model = window.archive_view.sidebar_model
    assert "Tags" not in [model.index(r, 0).data() for r in range(model.rowCount())]
    file_menu = window.menuBar().actions()[0].menu()
    action = window.archive_view.tag_actions.new_tag_action
    assert action in file_menu.actions()
    action.trigger()
    dialog = window.archive_view.tag_actions.dialog
    assert isinstance(dialog, NewTagDialog)
    dialog.field.setText("torture")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert _paths(window, worker) == ["torture"]
    assert _sidebar_tags(window) == ["torture"]
