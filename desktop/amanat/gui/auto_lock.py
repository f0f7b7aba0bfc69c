"""Locking by itself after some minutes without a key press or a mouse movement.

An event filter on the whole application sees every input event and restarts one timer;
restarting a timer is cheap enough to do on every mouse move.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    idle = Signal()
    """Nobody touched the application for the chosen time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self._watching = False

    def start(self, minutes: float) -> None:
        """Watch for input; ``minutes`` of none emits ``idle``. Zero or less never locks."""
        self.stop()
        if minutes <= 0:
            return
        self._timer.setInterval(max(1, round(minutes * 60_000)))
        application = QCoreApplication.instance()
        if application is not None:
            application.installEventFilter(self)
        self._watching = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            application = QCoreApplication.instance()
            if application is not None:
                application.removeEventFilter(self)
            self._watching = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._watching:
            self._timer.start()
        return False

    def _expired(self) -> None:
        self.stop()
        self.idle.emit()
