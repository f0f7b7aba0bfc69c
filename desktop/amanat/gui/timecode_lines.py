"""Time-coded lines of a recording's text in the window: F8 marks the line at the cursor
with the time being played, a click on a marked line plays from there, and the line being
spoken is drawn highlighted while the recording plays.

The times are stored through app/timecodes.py on the worker thread; offsets are Python
indices of the text as saved, so a text with unsaved typing is saved first (the worker runs
the save before the mark, in the order they were given).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QTextEdit

from amanat.app import timecodes
from amanat.app.timecodes import Timecode
from amanat.core.storage import pages
from amanat.gui.annotations.highlights import python_index, qt_position
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
        for editor in editors:
            if editor not in self._editors:
                editor.body.viewport().installEventFilter(self)
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
        self._editors = []
        self.times = {}

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
