"""Undoable changes: each is a pair of operations, one for each direction, run on the worker.

QUndoStack calls ``redo`` when a change is pushed and ``undo``/``redo`` on Ctrl+Z and
Ctrl+Shift+Z; both only submit an operation, so the window never waits for the archive. The
worker runs operations in the order they were submitted, so an undo always runs after the
change it undoes, even if the change has not finished when the user presses Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from amanat.gui.worker import Operation

Runner = Callable[[Operation[Any]], None]


class Change(QUndoCommand):
    def __init__(self, text: str, run: Runner, do: Operation[Any], undo: Operation[Any]) -> None:
        super().__init__(text)
        self._run = run
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)
