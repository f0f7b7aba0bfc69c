"""The strip of page thumbnails under the page viewer: click a page to read it, drag it to
another place to reorder the document, Delete (or the context menu) to remove it to the
trash, and drop files from the file manager on the strip or on the page viewer to add them
as pages after the last one.

Every change goes through the view's undo stack (gui/page_edits.py) and the strip is read
anew from the archive afterwards, so what it shows is always what the archive holds. Adding
files is a long job with its progress and a Cancel button here; afterwards the strip says
how many pages came in and names each file that could not be read, with its sentence.

The list is laid out left to right in list mode rather than icon mode: icon mode lets the
user drop a thumbnail anywhere on the canvas, which moves the picture but says nothing about
the page's place in the letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.app.scans import ImportOutcome
from amanat.core.errors import AmanatError
from amanat.core.jobs import Progress
from amanat.core.records import Document, Page
from amanat.core.storage.page_order import RemovedPage
from amanat.gui import labels
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.page_edits import (
    add_pages,
    check_page_removal,
    page_thumbnails,
    removed_pages,
)
from amanat.gui.worker import Worker

PAGE_MIME = "application/x-amanat-page"
"""A page dragged within the strip: its id, which means nothing outside this window."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMBNAIL = QSize(44, 58)
_Index = QModelIndex | QPersistentModelIndex


def dropped_files(data: QMimeData | None) -> list[Path]:
    """The local files and folders in a drag; empty for anything else (text, links)."""
    if data is None or not data.hasUrls():
        return []
    urls = data.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


class PageStripModel(QAbstractListModel):
    """The shown document's pages in their order, each with its thumbnail."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: list[Page] = []
        self._pictures: dict[str, QPixmap] = {}
        blank = QPixmap(THUMBNAIL)
        blank.fill(QColor("#d8d8d8"))
        self._blank = blank

    @property
    def pages(self) -> list[Page]:
        return list(self._pages)

    def set_pages(self, pages: Sequence[Page]) -> None:
        self.beginResetModel()
        self._pages = list(pages)
        self.endResetModel()

    def missing_thumbnails(self) -> list[str]:
        return [p.id for p in self._pages if p.id not in self._pictures]

    def set_thumbnails(self, thumbnails: dict[str, bytes | None]) -> None:
        for page_id, data in thumbnails.items():
            image = QImage.fromData(data) if data else QImage()
            if image.isNull():
                continue  # the blank stays until the preview pass draws it
            self._pictures[page_id] = QPixmap.fromImage(
                image.scaled(
                    THUMBNAIL,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        if self._pages:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._pages) - 1), [Qt.ItemDataRole.DecorationRole]
            )

    def forget_thumbnails(self) -> None:
        self._pictures.clear()

    def row_of(self, page_id: str) -> int | None:
        return next((n for n, p in enumerate(self._pages) if p.id == page_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._pages):
            return None
        page = self._pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.digits(str(index.row() + 1))
        if role == Qt.ItemDataRole.DecorationRole:
            picture = self._pictures.get(page.id, self._blank)
            if page.rotation:
                picture = picture.transformed(QTransform().rotate(page.rotation))
            return picture
        if role == Qt.ItemDataRole.ToolTipRole:
            place = labels.fill(self.tr("Page %1"), str(index.row() + 1))
            return f"{place} · {page.original_name}" if page.original_name else place
        if role == ID_ROLE:
            return page.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [PAGE_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            data.setData(PAGE_MIME, self._pages[rows[0]].id.encode())
        return data


class PageStripView(QListView):
    """The thumbnails in a row. Drops are read here rather than by the model, so that a page
    moves only once, to the place under the pointer, through the undo stack."""

    page_dropped = Signal(str, int)
    """(page id, the row it was dropped before: 0 for the front, the row count for the end)."""
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMBNAIL)
        self.setSpacing(4)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One row of thumbnails with their numbers beside them, and room for the scroll bar:
        # every pixel more is taken from the page being read on a small screen.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setFixedHeight(
            THUMBNAIL.height() + scroll_bar + 4 * self.spacing() + 2 * self.frameWidth()
        )

    def _ours(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        return data is not None and data.hasFormat(PAGE_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        elif self._ours(event):
            super().dragEnterEvent(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        elif self._ours(event):
            super().dragMoveEvent(event)  # draws where it would go
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        elif self._ours(event):
            data = event.mimeData()
            page_id = bytes(data.data(PAGE_MIME).data()).decode()
            self.page_dropped.emit(page_id, self.row_before(event.position().toPoint()))
            # Accepted as a copy: the move is the archive's, so the view removes nothing.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()

    def row_before(self, point: QPoint) -> int:
        """The row a page dropped at ``point`` goes in front of: the nearer half of the
        thumbnail under it decides, in the reading direction of the window."""
        index = self.indexAt(point)
        model = self.model()
        if not index.isValid():
            return model.rowCount() if model is not None else 0
        rect = self.visualRect(index)
        later_half = (
            point.x() < rect.center().x() if self.isRightToLeft() else point.x() > rect.center().x()
        )
        return index.row() + (1 if later_half else 0)


class _FileDrops(QObject):
    """Files dragged onto another widget (the page viewer) are taken as pages too."""

    def __init__(self, strip: PageStrip, target: QWidget) -> None:
        super().__init__(target)
        self._strip = strip
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if dropped_files(event.mimeData()) and self._strip.document is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self._strip.add_files(files)
            return True
        return False


class PageStrip(QWidget):
    """The strip, its actions, and the job that adds files as pages."""

    page_chosen = Signal(int)
    """The row clicked: the page viewer turns to it."""
    move_requested = Signal(str, int, int)
    """(page id, its place now, the place asked for), places from 1."""
    remove_requested = Signal(str, int)
    """(page id, its place)."""
    restore_requested = Signal(str, int)
    """(page id, the place it had)."""
    pages_added = Signal(object)
    """The ImportOutcome of files added as pages (also when cancelled part way)."""
    said = Signal(str)
    """A sentence for the status bar."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.chooser = FileChooser()
        """Asks which files to add; the main window gives its own (tests give a fake)."""
        self.document: Document | None = None
        self._changeable = False
        self.removed: list[RemovedPage] = []
        self.outcome: ImportOutcome | None = None
        """What the last adding of files did, once it finished."""
        self.job = Job(worker, self)
        self.job.progressed.connect(self._advanced)
        self.job.cancelling.connect(self._stopping)

        self.model = PageStripModel(self)
        self.view = PageStripView()
        self.view.setModel(self.model)
        self.view.clicked.connect(lambda index: self.page_chosen.emit(index.row()))
        self.view.page_dropped.connect(self._page_dropped)
        self.view.files_dropped.connect(self.add_files)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu_requested)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())

        self.add_action = QAction(QIcon.fromTheme("list-add"), self.tr("Add Pages…"), self)
        self.add_action.setToolTip(
            self.tr("Add photos or scans as pages after the last page of this document")
        )
        self.add_action.triggered.connect(self.choose_files)
        self.remove_action = QAction(QIcon.fromTheme("edit-delete"), self.tr("Remove Page"), self)
        self.remove_action.setToolTip(
            self.tr("Move this page to the trash; it can be restored until the trash is emptied")
        )
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only while the strip has focus: Delete in the list moves a document to the trash.
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.view.addAction(self.remove_action)
        self.page_actions: list[QAction] = []
        """Further actions on the chosen page for the menu (its information, its export)."""

        add_button = QToolButton()
        add_button.setDefaultAction(self.add_action)
        add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.current = QLabel()
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.job.cancel)
        self.running = QWidget()
        running_layout = QHBoxLayout(self.running)
        running_layout.setContentsMargins(0, 0, 0, 0)
        running_layout.addWidget(self.current, 1)
        running_layout.addWidget(self.progress, 1)
        running_layout.addWidget(self.cancel_button)
        self.running.hide()
        self.notice = QLabel()
        self.notice.setObjectName("page-strip-notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        row.addWidget(add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.running)
        layout.addWidget(self.notice)
        self.clear()

    def attach_viewer(self, viewer: QWidget) -> None:
        """Files dropped on the page viewer are added here too."""
        _FileDrops(self, viewer)

    # --- What is shown ----------------------------------------------------------------------

    def show_pages(self, document: Document, pages: Sequence[Page]) -> None:
        """Show the document's pages; the same pages again (read anew after a change) keep
        their thumbnails and the page chosen."""
        if self.document is None or document.id != self.document.id:
            self.notice.hide()
            self.model.forget_thumbnails()
        self.document = document
        self._changeable = document.trashed is None
        chosen = self._selected()
        if [(p.id, p.rotation) for p in pages] != [(p.id, p.rotation) for p in self.model.pages]:
            self.model.set_pages(pages)
            if chosen is not None:
                row = self.model.row_of(chosen.id)
                if row is not None:
                    self.view.setCurrentIndex(self.model.index(row))
        self.view.setDragEnabled(self._changeable)
        self.add_action.setEnabled(self._changeable)
        self._update_actions()
        missing = self.model.missing_thumbnails()
        if missing:
            self._worker.submit(page_thumbnails(missing), self, self._thumbnails_arrived)
        self._worker.submit(removed_pages(document.id), self, self._removed_arrived)

    def pictures_made(self) -> None:
        """The previews pass drew some pages' thumbnails (a bundle's, after its import): the
        blanks of the pages shown ask for theirs again."""
        missing = self.model.missing_thumbnails()
        if self.document is not None and missing:
            self._worker.submit(page_thumbnails(missing), self, self._thumbnails_arrived)

    def clear(self) -> None:
        self.document = None
        self._changeable = False
        self.removed = []
        self.model.set_pages([])
        self.model.forget_thumbnails()
        self.add_action.setEnabled(False)
        self.notice.clear()
        self.notice.hide()
        self.running.hide()
        self._update_actions()

    def _thumbnails_arrived(self, thumbnails: dict[str, bytes | None]) -> None:
        self.model.set_thumbnails(thumbnails)

    def _removed_arrived(self, removed: list[RemovedPage]) -> None:
        if self.document is not None and all(
            r.page.document_id == self.document.id for r in removed
        ):
            self.removed = removed

    def _selected(self) -> Page | None:
        index = self.view.currentIndex()
        pages = self.model.pages
        return pages[index.row()] if index.isValid() and index.row() < len(pages) else None

    def _update_actions(self) -> None:
        self.remove_action.setEnabled(self._changeable and self._selected() is not None)

    def select_page(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))
            self._update_actions()

    # --- Changes ------------------------------------------------------------------------------

    def _page_dropped(self, page_id: str, before: int) -> None:
        row = self.model.row_of(page_id)
        if row is None or not self._changeable:
            return
        # Dropped in front of a later row, it lands one place earlier: it left its own.
        place = (before - 1 if before > row else before) + 1
        self.move_requested.emit(page_id, row + 1, max(1, min(place, self.model.rowCount())))

    def move_selected(self, place: int) -> None:
        """Move the chosen page to ``place`` (from 1), as a drag there would."""
        page = self._selected()
        row = self.view.currentIndex().row()
        if page is not None and self._changeable:
            self.move_requested.emit(page.id, row + 1, place)

    def remove_selected(self) -> None:
        page = self._selected()
        if page is None or not self._changeable:
            return
        place = self.view.currentIndex().row() + 1
        # Asked first (a letter's only page stays), so a refusal never lands on the undo stack.
        self._worker.submit(
            check_page_removal(page.id),
            self,
            lambda _: self.remove_requested.emit(page.id, place),
            lambda error: self._say(error_message(error)),
        )

    def restore(self, removed: RemovedPage) -> None:
        if self._changeable:
            self.restore_requested.emit(removed.page.id, removed.removed_from)

    def context_menu(self) -> QMenu:
        """The strip's menu: add pages, remove the chosen one, restore a removed one."""
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.add_action)
        menu.addAction(self.remove_action)
        waiting = menu.addMenu(self.tr("Restore a Removed Page"))
        waiting.setEnabled(self._changeable and bool(self.removed))
        for removed in self.removed:
            name = removed.page.original_name
            text = labels.fill(self.tr("Page %1"), str(removed.removed_from))
            action = waiting.addAction(f"{text} · {name}" if name else text)
            action.triggered.connect(lambda _=False, r=removed: self.restore(r))
        if self.page_actions:
            menu.addSeparator()
            menu.addActions(self.page_actions)
        return menu

    def _menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():  # the page right-clicked is the one the menu acts on, and shown
            self.select_page(index.row())
            self.page_chosen.emit(index.row())
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    # --- Adding files -------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.document is None or not self._changeable or self.job.running:
            return
        paths = self.chooser.files_to_import(self, self.tr("Choose the pages to add"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> bool:
        """Add files and folders after the last page, with progress; False when nothing
        started (no document, or an adding still running). The archive's refusals (a
        document in the trash) come back as the job's sentence."""
        document = self.document
        if document is None or not paths:
            return False
        if self.job.running:
            self._say(self.tr("Pages are still being added; wait until they are in."))
            return False
        self.outcome = None
        self.notice.hide()
        self.progress.setRange(0, max(1, len(paths)))
        self.progress.setValue(0)
        self.current.setText(self.tr("Adding pages…"))
        self.cancel_button.setEnabled(True)
        self.running.show()
        document_id = document.id
        return self.job.start(
            lambda report, cancel: add_pages(document_id, paths, report, cancel),
            self._added,
            self._failed,
        )

    def _advanced(self, progress: Progress) -> None:
        self.progress.setMaximum(max(1, progress.total))
        self.progress.setValue(progress.done)
        if progress.current and not self.job.cancelled:
            self.current.setText(
                labels.fill(
                    self.tr("Added %1 of %2: %3"),
                    str(progress.done),
                    str(progress.total),
                    Path(progress.current).name,
                )
            )

    def _stopping(self) -> None:
        self.cancel_button.setEnabled(False)
        self.current.setText(self.tr("Stopping after the file being added…"))

    def _added(self, outcome: ImportOutcome) -> None:
        self.running.hide()
        self.outcome = outcome
        report = outcome.report
        lines = [labels.fill(self.tr("Pages added: %1."), str(report.pages_added))]
        if report.cancelled:
            lines.append(self.tr("Cancelled: the files after it were not read."))
        lines += [error_message(r.error) for r in report.refused]
        lines += [d.message for d in report.duplicates]
        if not report.files and not report.refused and not report.cancelled:
            # An empty folder: "Pages added: 0." alone would leave the user guessing why.
            lines.append(self.tr("There were no files in what was dropped or chosen."))
        if outcome.flagged:
            lines.append(
                self.tr(
                    "Some of these pages carry a place or a name in their hidden metadata; "
                    "exports leave it out by default."
                )
            )
        self._say("\n".join(lines))
        self.pages_added.emit(outcome)

    def _failed(self, error: AmanatError) -> None:
        self.running.hide()
        self._say(error_message(error))

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.said.emit(text.splitlines()[0] if text else "")
