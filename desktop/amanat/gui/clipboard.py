"""What Amanat leaves on the clipboard: text copied from a letter (or a bundle's passphrase)
is taken off it after some seconds (a setting, 30 by default) and when the archive is locked,
so it cannot be pasted afterwards; and it is marked secret, so clipboard managers and the
system's clipboard history do not keep a copy.

Only text Amanat put there is cleared: something copied in another program since then is the
user's, and stays. Qt says which application owns the clipboard only on some systems, so the
guard notes every change made while one of Amanat's windows is active (a copy in Amanat),
and clears the clipboard if it still holds the last of those.

The secret marks are the ones clipboard managers honour: KDE's Klipper (and others that
follow it) skips data carrying ``x-kde-passwordManagerHint: secret``; Windows keeps out of
its clipboard history and cloud clipboard data carrying the registered formats
``ExcludeClipboardContentFromMonitorProcessing``, ``CanIncludeInClipboardHistory`` = 0 and
``CanUploadToCloudClipboard`` = 0 (Qt registers a format named in
``application/x-qt-windows-mime;value="…"``). A copy made by a text field is re-offered at
once with the marks added, before a clipboard manager has asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)
"""The clipboard, and on X11 the selection, which text selected in a field fills at once."""

_DWORD_ZERO = bytes(4)


def _windows_format(name: str) -> str:
    return f'application/x-qt-windows-mime;value="{name}"'


SECRET_MARKS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    _windows_format("ExcludeClipboardContentFromMonitorProcessing"): _DWORD_ZERO,
    _windows_format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _windows_format("CanUploadToCloudClipboard"): _DWORD_ZERO,
}
"""MIME formats, and their data, that tell clipboard managers not to keep what is copied."""


def marked_secret(text: str) -> QMimeData:
    """``text`` as clipboard data that clipboard managers are asked not to keep."""
    data = QMimeData()
    data.setText(text)
    _mark(data)
    return data


def is_marked_secret(data: QMimeData | None) -> bool:
    return data is not None and all(data.hasFormat(name) for name in SECRET_MARKS)


def _mark(data: QMimeData) -> None:
    for name, value in SECRET_MARKS.items():
        data.setData(name, value)


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard, marked secret. Copied while one of Amanat's windows
    is active, the main window's ClipboardGuard notes it and clears it in time and at the
    lock, like any other copy from Amanat."""
    QGuiApplication.clipboard().setMimeData(marked_secret(text))


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None, seconds: int = 30) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours = dict.fromkeys(_MODES, "")
        self._remarking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_ours)
        self.set_seconds(seconds)
        self._clipboard.changed.connect(self._changed)

    def set_seconds(self, seconds: int) -> None:
        """Clear what Amanat copied ``seconds`` after the copy; 0 only at the lock."""
        self._seconds = max(0, seconds)
        self._timer.setInterval(self._seconds * 1000)
        if not self._seconds:
            self._timer.stop()

    @property
    def counting(self) -> bool:
        """A copy of Amanat's is on the clipboard, waiting to be cleared."""
        return self._timer.isActive()

    def holds_ours(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> bool:
        ours = self._ours.get(mode, "")
        return bool(ours) and self._clipboard.text(mode) == ours

    def clear_ours(self) -> bool:
        """Empty the clipboard (and the selection) where it still holds text Amanat put
        there; True if it did."""
        self._timer.stop()
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
        ours = self._clipboard.text(mode) if owned or active else ""
        self._ours[mode] = ours
        if not ours:
            if not any(self._ours.values()):
                self._timer.stop()
            return
        data = self._clipboard.mimeData(mode)
        if data is not None and not is_marked_secret(data) and not self._remarking:
            self._remark(data, mode)  # comes back here with the marks on
            return
        if self._seconds:
            self._timer.start()

    def _remark(self, data: QMimeData, mode: QClipboard.Mode) -> None:
        """Offer the same data again, with the secret marks added (once: a platform that
        does not report custom formats back must not make this go round forever)."""
        again = QMimeData()
        for name in data.formats():
            again.setData(name, data.data(name))
        _mark(again)
        self._remarking = True
        try:
            self._clipboard.setMimeData(again, mode)
        finally:
            self._remarking = False
