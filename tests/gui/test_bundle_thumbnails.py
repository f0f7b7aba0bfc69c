"""A bundle's pages arrive without thumbnails: the document list shows a placeholder for
them until the window's background pass has drawn each one from its original, then the
thumbnail in its place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from amanat.core.bundle.export import ExportScope
from amanat.core.scans import previews
from amanat.core.vault import Archive
from amanat.gui.bundles import import_dialog as import_pages
from amanat.gui.bundles.import_dialog import BundleImportDialog
from amanat.gui.main_window import MainWindow
from amanat.gui.models.document_list import placeholder
from amanat.gui.operations import DocumentColumn
from amanat.gui.settings import RememberedLocation
from amanat.gui.worker import Session, SynchronousWorker
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import export_to, fill, new_archive

MakeWindow = Callable[[], MainWindow]


def _decoration(window: MainWindow, document_id: str) -> QPixmap:
    model = window.archive_view.documents
    row = model.row_of(document_id)
    assert row is not None
    shown = model.data(model.index(row, DocumentColumn.TITLE), Qt.ItemDataRole.DecorationRole)
    assert isinstance(shown, QPixmap) and not shown.isNull()
    return shown


def test_the_list_shows_a_placeholder_until_the_pass_draws_the_thumbnail(
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
    tmp_path: Path,
    worker: SynchronousWorker,
) -> None:
    with new_archive(tmp_path / "sender.amanat") as family:
        sample = fill(family)
        with Archive.open(archive_folder, PASSWORD) as advocate:
            bundle = export_to(
                family, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner)
            )
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    started: list[bool] = []
    # Hold the background pass back, to see the list as it is before the pass.
    window.preview_pass.start = lambda: started.append(True)  # type: ignore[method-assign]
    dialog = window.bundles.open_import()
    assert isinstance(dialog, BundleImportDialog)
    dialog.file.setText(str(bundle))
    dialog.with_key.setChecked(True)
    dialog.next_button.click()
    dialog.accept_unknown.setChecked(True)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == import_pages.RESULT
    assert started == [True]  # the import asked for the pass

    def waiting(session: Session) -> list[str]:
        return previews.missing(session.require().db)

    answers: list[list[str]] = []
    worker.submit(waiting, window, answers.append)
    assert answers[-1]  # the letter's photo has neither thumbnail nor preview yet
    assert _decoration(window, sample.letter).cacheKey() == placeholder().cacheKey()

    del window.preview_pass.start
    turns: list[int] = []
    window.preview_pass.made.connect(turns.append)
    window.preview_pass.start()
    assert turns and not window.preview_pass.running
    worker.submit(waiting, window, answers.append)
    assert answers[-1] == []
    # The list read its rows again as the pass went: the thumbnail replaced the placeholder.
    thumbnail = _decoration(window, sample.letter)
    assert thumbnail.cacheKey() != placeholder().cacheKey()
    assert thumbnail.height() == placeholder().height()
    window.lock()


def test_a_document_of_typed_text_alone_shows_no_placeholder(
    make_window: MakeWindow, location: RememberedLocation, archive_folder: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as archive:
        typed = fill(archive).testimony  # typed text, no page
    location.remember(archive_folder)
    window = make_window()
    window.unlock(PASSWORD)
    model = window.archive_view.documents
    row = model.row_of(typed)
    assert row is not None
    index = model.index(row, DocumentColumn.TITLE)
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    window.lock()
