"""Time-coded lines of a recording's text in the window: F8 marks the line at the cursor
with the time being played, a click on a marked line plays from there, and the line being
spoken is drawn highlighted while the recording plays. Each marked line shows its time in a
narrow margin on the text's leading side (``TimeMargin``), so the transcriber sees which lines
are marked; a click on a time plays from there too.

The times are stored through app/timecodes.py on the worker thread; offsets are Python
indices of the text as saved, so a text with unsaved typing is saved first (the worker runs
the save before the mark, in the order they were given).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget

from amanat.app import timecodes
from amanat.app.timecodes import Timecode, clock
from amanat.core.storage import pages
from amanat.gui.annotations.highlights import python_index, qt_position
from amanat.gui.labels import digits
from amanat.gui.player_bar import PlayerBar
from amanat.gui.recording_device import Ranged
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import Operation, Session, Worker

SPOKEN_PROPERTY = QTextFormat.Property.UserProperty + 7
"""Marks the extra selection of the line being spoken (kept apart from annotations')."""

MARK_KEY = Qt.Key.Key_F8


def is_recording(mime_type: str) -> bool:
    return mime_type.startswith(("audio/", "video/"))


def recording_source(page_id: str) -> Operation[Ranged]:
    """Where a recording page's sealed original lies, with its key: read by the player on
    its own thread, chunk by chunk."""

    def run(session: Session) -> Ranged:
        return pages.original(session.require().db, page_id)

    return run


def timecodes_of(text_id: str) -> Operation[list[Timecode]]:
    def run(session: Session) -> list[Timecode]:
        return timecodes.of_text(session.require(), text_id)

    return run


def mark_line(text_id: str, offset: int, seconds: float) -> Operation[list[Timecode]]:
    def run(session: Session) -> list[Timecode]:
        archive = session.require()
        timecodes.mark(archive, text_id, offset, seconds)
        return timecodes.of_text(archive, text_id)

    return run


class TimedText(QObject):
    """The time codes of the texts shown beside one player."""

    marked = Signal(str)
    """The id of the text whose line was just marked (for the tests and the status bar)."""

    def __init__(self, worker: Worker, player: PlayerBar, failed: Callable[[Exception], None]):
        super().__init__(player)
        self._worker = worker
        self.player = player
        self._failed = failed
        self._editors: list[TextEditor] = []
        self.margins: dict[TextEditor, TimeMargin] = {}
        self.times: dict[str, list[Timecode]] = {}
        self.mark_action = QAction(self.tr("Mark the line's time"), self)
        self.mark_action.setShortcut(QKeySequence(MARK_KEY))
        self.mark_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.mark_action.triggered.connect(self.mark_current)
        player.position_changed.connect(self._spoken)
        self._pressed: tuple[TextEditor, int, int] | None = None

    def follow(self, editors: list[TextEditor]) -> None:
        """Watch these editors (the document's texts) and read their times."""
        for editor in self._editors:
            if editor not in editors:
                editor.body.viewport().removeEventFilter(self)
                self._drop_margin(editor)
        for editor in editors:
            if editor not in self._editors:
                editor.body.viewport().installEventFilter(self)
                self.margins[editor] = TimeMargin(editor.body, self._lines_of(editor), self._go)
        self._editors = list(editors)
        for editor in editors:
            if editor.stored:
                self._read(editor.text.id)

    def _read(self, text_id: str) -> None:
        def arrived(found: list[Timecode]) -> None:
            self._arrived(text_id, found)

        self._worker.submit(timecodes_of(text_id), self, arrived)

    def forget(self) -> None:
        for editor in self._editors:
            editor.body.viewport().removeEventFilter(self)
            self._drop_margin(editor)
        self._editors = []
        self.times = {}

    def _drop_margin(self, editor: TextEditor) -> None:
        margin = self.margins.pop(editor, None)
        if margin is not None:
            margin.remove()

    def _lines_of(self, editor: TextEditor) -> Callable[[], dict[int, float] | None]:
        """The marked lines of ``editor`` as its margin draws them: the Qt position of each
        line's start, and its second; None while the text has unsaved typing (the offsets
        are the saved text's), so the margin keeps its room and draws nothing until the
        save."""

        def lines() -> dict[int, float] | None:
            body = editor.saved.body
            found = [t for t in self.times.get(editor.text.id, []) if not t.orphaned]
            if found and editor.body.toPlainText() != body:
                return None
            return {qt_position(body, t.offset): t.seconds for t in found}

        return lines

    def _go(self, seconds: float) -> None:
        if self.player.device is not None:
            self.player.seek(seconds)

    def mark_current(self) -> None:
        """The line at the cursor of the text being typed starts now (the player's time)."""
        editor = next((e for e in self._editors if e.body.hasFocus()), None)
        if editor is None and self._editors:
            editor = self._editors[0]
        if editor is None or not editor.stored or editor.body.isReadOnly():
            return
        if self.player.device is None:
            return
        if editor.can_save:
            editor.save_requested.emit()  # the worker saves before it marks
        body = editor.body.toPlainText()
        offset = python_index(body, editor.body.textCursor().position())
        text_id = editor.text.id

        def marked(found: list[Timecode]) -> None:
            self._arrived(text_id, found)
            self.marked.emit(text_id)

        self._worker.submit(
            mark_line(text_id, offset, self.player.seconds), self, marked, self._failed
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click (not a drag) on a marked line plays the recording from that line.
        if isinstance(event, QMouseEvent):
            editor = next((e for e in self._editors if e.body.viewport() is watched), None)
            point = event.position().toPoint()
            if editor is not None and event.type() == QEvent.Type.MouseButtonPress:
                self._pressed = (editor, point.x(), point.y())
            elif editor is not None and event.type() == QEvent.Type.MouseButtonRelease:
                pressed, self._pressed = self._pressed, None
                if pressed is not None and pressed[0] is editor:
                    moved = abs(point.x() - pressed[1]) + abs(point.y() - pressed[2])
                    if moved < QApplication.startDragDistance():
                        self._clicked(editor, editor.body.cursorForPosition(point).position())
        return super().eventFilter(watched, event)

    def line_time(self, editor: TextEditor, qt_offset: int) -> Timecode | None:
        """The time code of the line holding ``qt_offset`` (a position in the editor)."""
        if editor.body.toPlainText() != editor.saved.body:
            return None  # offsets are the saved text's; wait for the save
        body = editor.saved.body
        start = timecodes.line_start(body, python_index(body, qt_offset))
        found = self.times.get(editor.text.id, [])
        return next((t for t in found if not t.orphaned and t.offset == start), None)

    def _clicked(self, editor: TextEditor, qt_offset: int) -> None:
        found = self.line_time(editor, qt_offset)
        if found is not None and self.player.device is not None:
            self.player.seek(found.seconds)

    def _arrived(self, text_id: str, found: list[Timecode]) -> None:
        self.times[text_id] = found
        for editor, margin in self.margins.items():
            if editor.text.id == text_id:
                margin.refresh()
        self._spoken(self.player.seconds)

    def _spoken(self, seconds: float) -> None:
        for editor in self._editors:
            kept = [
                s
                for s in editor.body.extraSelections()
                if not s.format.hasProperty(SPOKEN_PROPERTY)
            ]
            line = None
            if self.player.device is not None and editor.body.toPlainText() == editor.saved.body:
                line = timecodes.spoken_at(self.times.get(editor.text.id, []), seconds)
            if line is not None:
                kept.append(self._line_selection(editor, line))
            editor.body.setExtraSelections(kept)

    def spoken_line(self, editor: TextEditor) -> tuple[int, int] | None:
        """The line drawn as being spoken: Qt positions of its start and end."""
        for selection in editor.body.extraSelections():
            if selection.format.hasProperty(SPOKEN_PROPERTY):
                block = selection.cursor.block()
                return block.position(), block.position() + block.length() - 1
        return None

    def _line_selection(self, editor: TextEditor, line: Timecode) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.body.document())
        cursor.setPosition(qt_position(editor.saved.body, line.offset))
        selection.cursor = cursor
        look = selection.format
        look.setBackground(QColor(editor.palette().highlight().color().lighter(170)))
        look.setProperty(QTextFormat.Property.FullWidthSelection, True)
        look.setProperty(SPOKEN_PROPERTY, line.id)
        selection.format = look
        return selection


class TimeMargin(QWidget):
    """The times of a text's marked lines, in a margin on the text's leading side (the left
    of a left-to-right text, the right of a Persian one), in the interface's digits. Shown
    only while the text has a marked line."""

    GAP = 6

    def __init__(
        self,
        body: QPlainTextEdit,
        lines: Callable[[], dict[int, float] | None],
        go: Callable[[float], None],
    ) -> None:
        super().__init__(body)
        self.setObjectName("time-margin")
        self.body = body
        self._lines = lines
        self._go = go
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        body.updateRequest.connect(self._scrolled)
        body.textChanged.connect(self.refresh)
        body.installEventFilter(self)
        self.refresh()

    def remove(self) -> None:
        self.body.updateRequest.disconnect(self._scrolled)
        self.body.textChanged.disconnect(self.refresh)
        self.body.removeEventFilter(self)
        self.body.setViewportMargins(0, 0, 0, 0)
        self.hide()
        self.deleteLater()

    def wanted_width(self) -> int:
        if self._lines() == {}:
            return 0
        return self.fontMetrics().horizontalAdvance(digits("0:00:00")) + 2 * self.GAP

    def refresh(self) -> None:
        width = self.wanted_width()
        leading_right = self.body.layoutDirection() == Qt.LayoutDirection.RightToLeft
        margins = QMargins(0, 0, width, 0) if leading_right else QMargins(width, 0, 0, 0)
        # Called at each keystroke: the text is laid out again only when the room changes.
        if self.body.viewportMargins() != margins:
            self.body.setViewportMargins(margins)
        area = self.body.contentsRect()
        x = area.right() - width + 1 if leading_right else area.left()
        self.setGeometry(QRect(x, area.top(), width, area.height()))
        self.setVisible(width > 0)
        self.update()

    def times_shown(self) -> list[tuple[int, float]]:
        """What the margin draws: each visible marked line's top (in the margin) and its
        second."""
        lines = self._lines() or {}
        shown = []
        block = self.body.firstVisibleBlock()
        offset = self.body.contentOffset()
        while block.isValid():
            top = round(self.body.blockBoundingGeometry(block).translated(offset).top())
            if top > self.height():
                break
            if block.isVisible() and block.position() in lines:
                shown.append((top, lines[block.position()]))
            block = block.next()
        return shown

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        height = self.fontMetrics().height()
        flags = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft
            if self.body.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignRight
        )
        for top, seconds in self.times_shown():
            box = QRect(self.GAP, top, self.width() - 2 * self.GAP, height)
            painter.drawText(box, int(flags), digits(clock(seconds)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click on a time plays the recording from that line.
        y = event.position().toPoint().y()
        height = self.fontMetrics().height()
        for top, seconds in self.times_shown():
            if top <= y < top + height:
                self._go(seconds)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutDirectionChange,
        ):
            self.refresh()
        return super().eventFilter(watched, event)

    def _scrolled(self, _rect: QRect, dy: int) -> None:
        self.update()
