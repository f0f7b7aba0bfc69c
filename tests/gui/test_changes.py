"""Changes to the archive from the window: tags, the trash, undo; a person's page; settings
kept inside the archive."""

from __future__ import annotations

import configparser
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from amanat.core import settings
from amanat.core.dates import Calendar
from amanat.core.settings import ArchiveSettings
from amanat.core.storage import documents, tags
from amanat.core.vault import Archive
from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.settings_dialog import SettingsDialog
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT, FakeDialogs

MakeWindow = Callable[[], MainWindow]


def _opened(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    view.select_document(view.documents.document_id(1))  # "Letter 001"
    return window


def test_a_tag_is_added_through_the_completer_and_removed(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    editor = window.archive_view.document.tags
    assert editor.paths == []
    editor.completer.setCompletionPrefix("solit")
    assert editor.completer.currentCompletion() == "conditions/solitary"
    editor.field.setText(editor.completer.currentCompletion())
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.paths == ["conditions/solitary"]
    # A new nested tag is made by typing its path.
    editor.field.setText("health / denied care")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.paths == ["conditions/solitary", "health/denied care"]
    assert "health/denied care" in editor.completions.stringList()
    chip = next(c for c in editor.findChildren(QToolButton, "tag-chip") if "health" in c.text())
    assert not chip.icon().isNull()  # its colour
    chip.click()
    assert editor.paths == ["conditions/solitary"]
    window.archive_view.undo_action.trigger()  # the removal is undone
    assert editor.paths == ["conditions/solitary", "health/denied care"]
    window.archive_view.undo_action.trigger()
    window.archive_view.undo_action.trigger()
    assert editor.paths == []
    window.lock()
    with Archive.open(filled_folder, PASSWORD) as archive:
        assert tags.find(archive.db, "health/denied care") is not None  # tags stay


def test_delete_moves_to_the_trash_and_undo_restores(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    chosen = view.documents.document_id(1)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.documents.rowCount() == DOCUMENT_COUNT - 1
    assert view.documents.row_of(chosen) is None
    assert "Trash (1)" in _sidebar_labels(window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.documents.row_of(chosen) is not None
    assert "Trash (0)" in _sidebar_labels(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.documents.row_of(chosen) is None


def test_delete_in_the_search_field_deletes_a_character_not_a_document(
    qtbot: QtBot, make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    view.search_field.setText("ab")
    view.search_field.setCursorPosition(0)
    view.search_field.setFocus()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Delete)
    assert view.search_field.text() == "b"
    view.search_field.clear()
    assert view.documents.rowCount() == DOCUMENT_COUNT


def _sidebar_labels(window: MainWindow) -> list[str]:
    model = window.archive_view.sidebar_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _choose_trash(window: MainWindow) -> None:
    view = window.archive_view
    model = view.sidebar_model
    trash = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if (f := model.index(r, 0).data(FILTER_ROLE)) is not None and f.in_trash
    )
    view.sidebar.setCurrentIndex(trash)


def test_the_trash_restores_and_empties_only_after_asking(
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
    dialogs: FakeDialogs,
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    first, second = view.documents.document_id(0), view.documents.document_id(1)
    for document_id in (first, second):
        view.select_document(document_id)
        view.trash_action.trigger()
    _choose_trash(window)
    assert view.trash_bar.isVisible()
    assert view.documents.rowCount() == 2
    assert not view.trash_action.isEnabled()
    view.select_document(first)
    view.restore_button.click()
    assert view.documents.rowCount() == 1
    dialogs.empty_trash_answer = False
    view.empty_trash_action.trigger()
    assert dialogs.empty_trash_asked == [1]
    assert view.documents.rowCount() == 1  # they said no
    dialogs.empty_trash_answer = True
    view.empty_button.click()
    assert view.documents.rowCount() == 0
    assert not view.undo_action.isEnabled()  # removed for good: nothing to undo
    window.lock()
    with Archive.open(filled_folder, PASSWORD) as archive:
        assert documents.count(archive.db) == DOCUMENT_COUNT - 1
        assert second not in {d.id for d in documents.list_documents(archive.db)}


def test_choosing_a_person_shows_their_page_and_their_documents(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    view = window.archive_view
    model = view.sidebar_model
    prisoners = model.index(1, 0)
    narges = model.index(1, 0, prisoners)
    assert narges.data() == "Narges"
    view.sidebar.setCurrentIndex(narges)
    card = view.person
    assert card.isVisible()
    assert card.name.text().strip("\u2066\u2067\u2069") == "Narges"
    shown = {
        card.form.itemAt(r, card.form.ItemRole.FieldRole)
        .widget()
        .text()
        .strip("\u2066\u2067\u2069")
        for r in range(card.form.rowCount())
    }
    assert {"نرگس", "Prisoner", "Unknown"} <= shown
    assert view.documents.rowCount() == len(range(1, DOCUMENT_COUNT, 2))
    view.sidebar.setCurrentIndex(model.everything_index())
    assert not card.isVisible()


def _settings_file(location: RememberedLocation) -> dict[str, str]:
    parser = configparser.ConfigParser()
    parser.read(location.file, encoding="utf-8")
    return {f"{s}/{k}": v for s in parser.sections() for k, v in parser.items(s)}


def test_settings_round_trip_through_the_archive_and_not_the_settings_file(
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    window = _opened(make_window, location, filled_folder)
    before = _settings_file(location)
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.calendar.setCurrentIndex(dialog.calendar.findData(Calendar.JALALI.value))
    dialog.auto_lock.setValue(3)
    dialog.name.setText("Shirin")
    dialog.accept()
    assert preferences.calendar is Calendar.JALALI
    assert window.idle_lock.active
    # The list shows each date as it was entered (Gregorian here), the other calendar after
    # the dot, whatever calendar is chosen (docs/dates.md).
    date = window.archive_view.documents.index(0, int(DocumentColumn.DATE)).data()
    assert date == "1 January 2011 · 11 Dey 1389"
    window.lock()
    assert preferences.calendar is Calendar.GREGORIAN  # forgotten with the archive
    assert _settings_file(location) == before == {"archive/last": str(filled_folder)}
    with Archive.open(filled_folder, PASSWORD) as archive:
        assert settings.load(archive.db) == ArchiveSettings(Calendar.JALALI, 3.0, "Shirin")
    window.unlock(PASSWORD)
    assert preferences.calendar is Calendar.JALALI
    assert preferences.annotator_name == "Shirin"


def test_the_language_is_kept_outside_the_archive_only_when_changed(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _opened(make_window, location, filled_folder)
    dialog = window.open_settings()
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("fa"))
    dialog.accept()
    assert location.language() == "fa"
    assert set(_settings_file(location)) == {"archive/last", "interface/language"}
