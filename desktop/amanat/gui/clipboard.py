"""What Amanat leaves on the clipboard: text copied from a letter is taken off it when the
archive is locked, so it cannot be pasted (or kept by a clipboard manager) afterwards.

Only text Amanat put there is cleared: something copied in another program since then is the
user's, and stays. Qt says which application owns the clipboard only on some systems, so the
guard notes every change made while one of Amanat's windows is active (a copy in Amanat),
and at the lock clears the clipboard if it still holds the last of those.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)
"""The clipboard, and on X11 the selection, which text selected in a field fills at once."""


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours = dict.fromkeys(_MODES, "")
        self._clipboard.changed.connect(self._changed)

    def holds_ours(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
        ours = self._ours.get(mode, "")
        return bool(ours) and self._clipboard.text(mode) == ours

    def clear_ours(self) -> bool:
        """Empty the clipboard (and the selection) where it still holds text Amanat put
        there; True if it did."""
        cleared = False
        for mode in _MODES:
            if self.holds_ours(mode):
                self._clipboard.clear(mode)
                cleared = True
            self._ours[mode] = ""
        return cleared

    def _changed(self, mode: QClipboard.Mode) -> None:
        if mode not in self._ours:
            return
        owned = (
            self._clipboard.ownsClipboard()
            if mode is QClipboard.Mode.Clipboard
            else self._clipboard.ownsSelection()
        )
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        # Changed by someone else while Amanat was in the background: not ours to clear.
        self._ours[mode] = self._clipboard.text(mode) if owned or active else ""
