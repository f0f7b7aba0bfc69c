"""Texts being typed are saved when the typing pauses, so a crash, a power cut or a window
killed loses at most the last few seconds typed.

Without it, what was typed since the last Save (Ctrl+S) was lost when the process died: the
window saves at lock, at quit and when another document is chosen, but a killed process does
none of these. The save goes into the archive by the same path as Ctrl+S (an undoable change
per pause, like pressing Ctrl+S then); nothing is ever written outside the archive.

The editors are looked at once a second rather than followed keystroke by keystroke: the
document view makes and drops them as documents are chosen, and a look costs only the text of
the editors holding an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from amanat.gui.operations import TextContent
from amanat.gui.text_editor import TextEditor

IDLE_SECONDS = 5
"""How long the typing must have paused before what was typed is saved."""


class IdleSave(QObject):
    """Saves the shown document's edited texts (``save``) once ``edited()`` has stayed the
    same for IDLE_SECONDS."""

    def __init__(
        self,
        edited: Callable[[], Sequence[TextEditor]],
        save: Callable[[], None],
        parent: QObject | None = None,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._edited = edited
        self._save = save
        self._idle_looks = max(1, round(idle_seconds))
        self._last: tuple[tuple[str, TextContent], ...] = ()
        self._unchanged = 0
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 * idle_seconds / self._idle_looks))
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        editors = self._edited()
        now = tuple((editor.text.id, editor.content()) for editor in editors)
        if not now or now != self._last:
            self._last, self._unchanged = now, 0
            return
        self._unchanged += 1
        # Not while a dialog waits for an answer (an annotation being written refers to the
        # text as typed): the next look after it closes saves.
        if self._unchanged >= self._idle_looks and QApplication.activeModalWidget() is None:
            self._last, self._unchanged = (), 0
            self._save()
