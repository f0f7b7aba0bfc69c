"""The window's own models stay consistent while the archive changes under them: Qt's model
tester, once attached, checks every reset, insertion and removal as it happens (each model
also passes it at rest, in the tests of its screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE, SidebarModel
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import RememberedLocation
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import DOCUMENT_COUNT

MakeWindow = Callable[[], MainWindow]


def _entry(model: SidebarModel, label: str, parent: QModelIndex | None = None) -> QModelIndex:
    under = parent if parent is not None else QModelIndex()
    return next(
        model.index(row, 0, under)
        for row in range(model.rowCount(under))
        if str(model.index(row, 0, under).data()).startswith(label)
    )


def test_the_sidebar_and_the_document_list_stay_consistent_through_trash_undo_and_filters(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    location.remember(filled_folder)
    window = make_window()
    window.unlock(PASSWORD)
    view = window.archive_view
    qtmodeltester.check(view.sidebar_model)
    qtmodeltester.check(view.documents)

    view.documents.sort(int(DocumentColumn.TITLE), Qt.SortOrder.AscendingOrder)
    chosen = view.documents.document_id(1)
    view.select_document(chosen)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.documents.rowCount() == DOCUMENT_COUNT - 1
    assert _entry(view.sidebar_model, "Trash").data() == "Trash (1)"

    view.undo_action.trigger()
    assert view.documents.row_of(chosen) is not None
    assert _entry(view.sidebar_model, "Trash").data() == "Trash (0)"

    solitary = _entry(view.sidebar_model, "conditions", _entry(view.sidebar_model, "Tags"))
    view.sidebar.setCurrentIndex(solitary)
    assert view.documents.rowCount() == len(range(0, DOCUMENT_COUNT, 3))
    view.sidebar.setCurrentIndex(_entry(view.sidebar_model, "Trash"))
    assert view.documents.rowCount() == 0
    assert _entry(view.sidebar_model, "Trash").data(FILTER_ROLE).in_trash

    window.lock()
    assert view.documents.rowCount() == 0
    assert view.sidebar_model.rowCount() == 0
