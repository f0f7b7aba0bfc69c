"""The audit log in the window, driven as a user would: Edit → Audit Log… lists every change
(time, who, action, record, summary), shows one document's entries alone when opened on it,
and "Verify Chain" says in one sentence whether the log is whole, as `amanat audit verify`
does. The lock closes it and forgets every entry. In English and in Persian."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amanat.core.records import Document, DocumentKind, Text, TextKind
from amanat.core.storage import documents, texts
from amanat.core.vault import Archive
from amanat.gui.audit_log import AuditColumn, AuditLogWindow
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def letter(archive_folder: Path) -> str:
    """Two documents, the letter with a text: the log has four entries, three of the letter."""
    with Archive.open(archive_folder, PASSWORD, actor="Lawyer") as archive:
        db = archive.db
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="Letter from Evin"))
        documents.add(db, Document(kind=DocumentKind.NOTE, title="A note"))
        texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "سلام"))
        documents.update(db, replace(letter, title="Letter from Evin, 209"))
    return letter.id


@pytest.fixture
def window(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path, letter: str
) -> MainWindow:
    location.remember(archive_folder)
    made = make_window()
    made.unlock(PASSWORD)
    return made


def _entries_of(archive_folder: Path) -> int:
    with Archive.open(archive_folder, PASSWORD) as archive:
        return int(archive.db.value("SELECT count(*) FROM audit_log"))


def test_the_audit_log_lists_every_change_in_its_columns(
    window: MainWindow, qtmodeltester: ModelTester, archive_folder: Path
) -> None:
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.audit_log.action in edit_menu.actions()
    window.audit_log.action.trigger()
    log = window.audit_log.window
    assert isinstance(log, AuditLogWindow) and log.isVisible()
    qtmodeltester.check(log.model)
    model = log.model
    assert model.rowCount() == len(model.entries) >= 4
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in AuditColumn
    ]
    assert headers == ["Time", "Who", "Action", "Record", "Summary"]
    rows = [[model.index(r, c).data() for c in AuditColumn] for r in range(model.rowCount())]
    added = next(row for row in rows if "Letter from Evin" in row[AuditColumn.SUMMARY])
    assert added[AuditColumn.ACTOR] == "Lawyer"
    assert added[AuditColumn.ACTION] == "added"
    assert added[AuditColumn.RECORD].startswith("document ")
    assert len(added[AuditColumn.TIME]) == 19  # to the second
    assert not log.only_document.isVisible()  # no document shown: nothing to filter by
    assert log.count.text() == f"Entries: {model.rowCount()}"


def test_opened_on_a_document_it_can_show_that_documents_entries_only(
    window: MainWindow, letter: str
) -> None:
    window.archive_view.select_document(letter)
    log = window.audit_log.open()
    assert log.only_document.isVisible()
    everything = log.model.rowCount()
    log.only_document.click()
    # The letter added, its text added, the letter changed; not the note.
    assert [(e.action, e.record_type) for e in log.model.entries] == [
        ("added", "document"), ("added", "text"), ("changed", "document"),
    ]  # fmt: skip
    assert all("A note" not in e.summary for e in log.model.entries)
    log.only_document.click()
    assert log.model.rowCount() == everything


def test_verify_chain_says_the_log_is_intact_in_one_sentence(window: MainWindow) -> None:
    log = window.audit_log.open()
    log.verify_button.click()
    count = log.model.rowCount()
    assert log.verdict.text() == f"The audit log is intact: {count} entries chain correctly."


def test_verify_chain_names_the_entry_changed_after_it_was_written(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path, letter: str
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        archive.db.execute("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2")
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    log = window.audit_log.open()
    log.verify_button.click()
    assert log.verdict.text() == (
        "The audit log is broken at entry 2: an entry was changed, removed or reordered after "
        "it was written. Restore the archive from a backup."
    )


def test_reading_and_verifying_the_log_changes_nothing(
    window: MainWindow, archive_folder: Path
) -> None:
    log = window.audit_log.open()
    log.verify_button.click()
    shown = log.model.rowCount()
    assert not log.model.flags(log.model.index(0, AuditColumn.SUMMARY)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    window.lock()
    assert _entries_of(archive_folder) == shown


def test_lock_closes_the_log_and_forgets_its_entries(window: MainWindow) -> None:
    log = window.audit_log.open()
    assert log.model.rowCount() > 0
    window.lock()
    assert window.audit_log.window is None
    assert not log.isVisible()
    assert log.model.rowCount() == 0


@pytest.fixture
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


def test_the_audit_log_speaks_persian(persian: None, window: MainWindow) -> None:
    assert window.audit_log.action.text() == "گزارش تغییرات…"
    log = window.audit_log.open()
    model = log.model
    assert (
        model.headerData(AuditColumn.ACTION, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "کار"
    )
    actions = {model.index(r, AuditColumn.ACTION).data() for r in range(model.rowCount())}
    assert "افزوده شد" in actions
    log.verify_button.click()
    count = str(model.rowCount()).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert log.verdict.text() == f"گزارش تغییرات سالم است: {count} مورد درست به هم زنجیر شده‌اند."


def test_ctrl_l_in_the_audit_log_locks(window: MainWindow, qtbot: QtBot) -> None:
    log = window.audit_log.open()
    log.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is log, timeout=3000)
    qtbot.keyClick(log.focusWidget() or log, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert not log.isVisible() and window.audit_log.window is None


def test_closing_the_log_forgets_its_entries_and_opening_it_reads_them_again(
    window: MainWindow,
) -> None:
    log = window.audit_log.open()
    shown = log.model.rowCount()
    log.reject()  # Close
    assert log.model.rowCount() == 0
    assert window.audit_log.open().model.rowCount() == shown
