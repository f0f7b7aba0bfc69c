"""Locking when the computer does: the screen locks, the user is switched, or it goes to sleep.

Every platform's listener calls one method, ``SystemLockWatcher.system_locking``, which
emits ``locking`` while watching is on (the archive is open and the setting allows it); the
window locks on that signal, and the tests call the same method.

- Linux: D-Bus signals, heard through QtDBus (part of PySide6-Essentials). On the system
  bus, the login manager's ``PrepareForSleep(true)`` (sleep and hibernation, sent before the
  machine goes down) and a session's ``Lock`` (``loginctl lock-session``, and what most
  desktops send when the user is switched); on the session bus, ``ActiveChanged(true)`` of
  the screen savers of freedesktop (KDE), GNOME, MATE, Cinnamon and Xfce. A session's
  ``Lock`` is heard from every session, not only this one: locking too often is safe.
  While an archive is open, Amanat holds a "delay" inhibitor lock of the login manager, so
  the machine waits (up to the login manager's limit, 5 s by default) until the database is
  closed and the key wiped: neither then stays in memory while it sleeps, nor goes into the
  hibernation file.
- Windows: session notifications (``WTSRegisterSessionNotification``) for the window, then
  ``WM_WTSSESSION_CHANGE`` (screen locked, session disconnected or switched away) and
  ``WM_POWERBROADCAST``/``PBT_APMSUSPEND`` (sleep, hibernation), read by a native event
  filter.
- macOS: Qt offers nothing that tells a screen lock or sleep from switching to another
  program, so nothing is heard there; the settings say so, and the idle lock still works.
"""

from __future__ import annotations

import ctypes
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    # Imported where used: only Linux needs it (and loads the system's libdbus for it).
    from PySide6.QtDBus import QDBusConnection, QDBusError, QDBusMessage

SCREEN_SAVERS = (
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.mate.ScreenSaver",
    "org.cinnamon.ScreenSaver",
    "org.xfce.ScreenSaver",
)
"""Interfaces whose ``ActiveChanged(bool)`` says the screen locked (or blanked)."""
LOGIN_SERVICE = "org.freedesktop.login1"
LOGIN_PATH = "/org/freedesktop/login1"
LOGIN_MANAGER = "org.freedesktop.login1.Manager"
LOGIN_SESSION = "org.freedesktop.login1.Session"

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOGOFF = 0x6
WTS_SESSION_LOCK = 0x7
_WTS_LOCKING = frozenset(
    {WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOGOFF, WTS_SESSION_LOCK}
)
NOTIFY_FOR_THIS_SESSION = 0


def can_hear_the_computer_lock(platform: str = sys.platform) -> bool:
    """Whether this platform tells Amanat when the screen locks or the computer sleeps."""
    return not platform.startswith("darwin")


def windows_message_locks(message: int, wparam: int) -> bool:
    """Whether a Windows message means the session is locking, switching away or the
    computer going to sleep."""
    if message == WM_WTSSESSION_CHANGE:
        return wparam in _WTS_LOCKING
    return message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND


class WindowsMessage(ctypes.Structure):
    """The start of Windows' MSG: enough to read the message and its wParam."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    )


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Reads the window messages Qt receives on Windows; never consumes one."""

    def __init__(self, watcher: SystemLockWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        if QByteArray(eventType).data() == b"windows_generic_MSG" and message:
            msg = WindowsMessage.from_address(int(message))
            if windows_message_locks(msg.message, msg.wParam):
                self._watcher.system_locking()
        return False, 0


class SystemLockWatcher(QObject):
    locking = Signal()
    """The computer is locking, switching user or going to sleep: lock now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watching = False
        self._windows_filter: WindowsSessionFilter | None = None
        self._system_bus: QDBusConnection | None = None
        self._sleep_delay: int | None = None
        """The login manager's delay lock (a file descriptor): closing it lets sleep go on."""
        self._asking_delay = False
        self._sleep_pending = False
        """The computer announced sleep: the delay is kept until the archive is closed."""
        self.listening_to: list[str] = []
        """What was subscribed to (for the tests and for a curious reader)."""

    @property
    def watching(self) -> bool:
        return self._watching

    def set_watching(self, on: bool) -> None:
        """On while an archive is open and the setting allows it."""
        self._watching = on
        if on:
            self._ask_sleep_delay()
        elif not self._sleep_pending:
            self.let_sleep()

    def system_locking(self) -> None:
        """The one entry point every platform's listener calls."""
        if self._watching:
            self.locking.emit()

    @property
    def holding_sleep(self) -> bool:
        """The login manager waits for Amanat before the computer sleeps."""
        return self._sleep_delay is not None

    def let_sleep(self) -> None:
        """The archive is closed (or was not open): the computer may sleep now."""
        self._sleep_pending = False
        delay, self._sleep_delay = self._sleep_delay, None
        if delay is not None:
            os.close(delay)

    # --- Listening -------------------------------------------------------------------------

    def start(self, window: QWidget) -> None:
        """Listen to what this platform says (see the module docstring)."""
        if sys.platform.startswith("win"):
            self._listen_on_windows(window)
        elif can_hear_the_computer_lock():
            from PySide6.QtDBus import QDBusConnection

            self.listen_on_dbus(QDBusConnection.sessionBus(), QDBusConnection.systemBus())

    def listen_on_dbus(
        self, session: QDBusConnection | None, system: QDBusConnection | None
    ) -> None:
        """Subscribe to the screen savers on ``session`` and to the login manager on
        ``system`` (tests pass a private bus). A bus that is not there (no desktop
        session, a container) is passed over silently."""
        if session is not None and session.isConnected():
            for interface in SCREEN_SAVERS:
                self._subscribe(session, interface, "ActiveChanged", "_screen_saver(bool)")
        if system is not None and system.isConnected():
            self._subscribe(system, LOGIN_MANAGER, "PrepareForSleep", "_sleeping(bool)")
            self._subscribe(system, LOGIN_SESSION, "Lock", "_session_locked()")
            self._system_bus = system
            if self._watching:
                self._ask_sleep_delay()

    def _subscribe(self, bus: QDBusConnection, interface: str, name: str, slot: str) -> None:
        # Any sender and any object path: the screen savers live at different paths, and
        # a session's path is known only by asking the login manager.
        # (PySide6 takes the slot as the str SLOT() makes; its stub says bytes.)
        if bus.connect("", "", interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self.listening_to.append(f"{interface}.{name}")

    @Slot(bool)
    def _screen_saver(self, active: bool) -> None:
        if active:
            self.system_locking()

    @Slot(bool)
    def _sleeping(self, start: bool) -> None:
        if not start:  # waking up
            self._sleep_pending = False
            if self._watching:
                self._ask_sleep_delay()
            return
        was_watching = self._watching
        self._sleep_pending = True
        self.system_locking()  # the window lets sleep go on once the archive is closed
        if not was_watching:
            self.let_sleep()

    def _ask_sleep_delay(self) -> None:
        """Ask the login manager for a delay lock, without waiting for its answer."""
        bus = self._system_bus
        if bus is None or self._sleep_delay is not None or self._asking_delay:
            return
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(LOGIN_SERVICE, LOGIN_PATH, LOGIN_MANAGER, "Inhibit")
        reason = "Locking the archive before the computer sleeps"
        call.setArguments(["sleep", "Amanat", reason, "delay"])
        given, refused = (
            SLOT("_sleep_delay_given(QDBusMessage)"),
            SLOT("_sleep_delay_refused(QDBusError)"),
        )
        self._asking_delay = bus.callWithCallback(call, self, given, refused, 5000)  # type: ignore[call-overload]

    @Slot("QDBusMessage")
    def _sleep_delay_given(self, reply: QDBusMessage) -> None:
        from PySide6.QtDBus import QDBusUnixFileDescriptor

        self._asking_delay = False
        given = reply.arguments()[0] if reply.arguments() else None
        if not isinstance(given, QDBusUnixFileDescriptor) or not given.isValid():
            return
        delay = given.takeFileDescriptor()
        if self._watching or self._sleep_pending:
            self._sleep_delay = delay
        else:  # locked while the login manager was answering
            os.close(delay)

    @Slot("QDBusError")
    def _sleep_delay_refused(self, error: QDBusError) -> None:
        # No login manager, or one that refuses: sleep is heard all the same, only not waited.
        self._asking_delay = False

    @Slot()
    def _session_locked(self) -> None:
        self.system_locking()

    def _listen_on_windows(self, window: QWidget) -> None:  # pragma: no cover - Windows only
        self._windows_filter = WindowsSessionFilter(self)
        application = QCoreApplication.instance()
        if application is not None:
            application.installNativeEventFilter(self._windows_filter)
        # Power messages reach every top-level window; session changes only those that
        # ask for them.
        wtsapi32 = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined]
        window_handle = int(window.winId())
        if wtsapi32.WTSRegisterSessionNotification(window_handle, NOTIFY_FOR_THIS_SESSION):
            self.listening_to.append("WM_WTSSESSION_CHANGE")
            # Windows asks for the registration to be undone before the window goes.
            if application is not None:
                application.aboutToQuit.connect(
                    lambda: wtsapi32.WTSUnRegisterSessionNotification(window_handle)
                )
        self.listening_to.append("WM_POWERBROADCAST")
