"""Locking when the computer does: through the one entry point every platform's listener
calls, through real D-Bus signals on a private bus, and through Windows' messages decoded
as the native event filter reads them; and the setting that turns it off."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import ClassInfo, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusUnixFileDescriptor
from pytestqt.qtbot import QtBot

from amanat.gui import settings_dialog
from amanat.gui.main_window import MainWindow
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.settings_dialog import SettingsDialog
from amanat.gui.system_lock import (
    LOGIN_MANAGER,
    LOGIN_PATH,
    LOGIN_SERVICE,
    LOGIN_SESSION,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WindowsMessage,
    WindowsSessionFilter,
    can_hear_the_computer_lock,
)
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]


def _open(make_window: MakeWindow, location: RememberedLocation, folder: Path) -> MainWindow:
    location.remember(folder)
    window = make_window()
    window.unlock(PASSWORD)
    assert window.is_unlocked
    return window


def test_the_computer_locking_locks_the_archive(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    timeline_person = window.archive_view.sidebar_content.prisoners[0].id  # type: ignore[union-attr]
    window.archive_view.open_timeline(timeline_person)
    window.system_lock.system_locking()
    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert window.archive_view.timeline_view is None


def test_with_the_setting_off_the_archive_stays_open_when_the_computer_locks(
    make_window: MakeWindow,
    location: RememberedLocation,
    preferences: Preferences,
    filled_folder: Path,
) -> None:
    preferences.lock_with_computer = False
    window = _open(make_window, location, filled_folder)
    window.system_lock.system_locking()
    assert window.is_unlocked


def test_the_setting_is_on_by_default_kept_in_the_archive_and_obeyed(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    dialog = window.open_settings()
    assert dialog is not None
    assert dialog.lock_with_computer.isChecked() and dialog.lock_with_computer.isEnabled()
    dialog.lock_with_computer.setChecked(False)
    dialog.accept()
    window.system_lock.system_locking()
    assert window.is_unlocked
    window.lock()
    window.unlock(PASSWORD)  # read back from the archive
    window.system_lock.system_locking()
    assert window.is_unlocked
    dialog = window.open_settings()
    assert dialog is not None and not dialog.lock_with_computer.isChecked()
    dialog.reject()


def test_while_locked_a_system_lock_does_nothing(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    window = _open(make_window, location, filled_folder)
    window.lock()
    assert not window.system_lock.watching
    window.system_lock.system_locking()  # must not fail or show anything
    assert window.stack.currentWidget() is window.unlock_page


def test_settings_say_when_the_platform_cannot_tell(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not can_hear_the_computer_lock("darwin")
    assert can_hear_the_computer_lock("linux") and can_hear_the_computer_lock("win32")
    monkeypatch.setattr(settings_dialog, "can_hear_the_computer_lock", lambda: False)
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    assert not dialog.lock_with_computer.isEnabled()
    assert "macOS" in dialog.lock_with_computer_note.text()
    assert not dialog.lock_with_computer_note.isHidden()


# --- Windows: the messages as the native event filter reads them ---------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "locks"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, True),
        (WM_WTSSESSION_CHANGE, 0x2, True),  # console disconnected: the user was switched
        (WM_WTSSESSION_CHANGE, 0x8, False),  # unlocked
        (WM_POWERBROADCAST, PBT_APMSUSPEND, True),
        (WM_POWERBROADCAST, 0x12, False),  # resumed
        (0x0100, WTS_SESSION_LOCK, False),  # a key press
    ],
)
def test_windows_session_and_power_messages(
    message: int,
    wparam: int,
    locks: bool,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    msg = WindowsMessage(hwnd=None, message=message, wParam=wparam, lParam=0)
    consumed = WindowsSessionFilter(window.system_lock).nativeEventFilter(
        b"windows_generic_MSG", ctypes.addressof(msg)
    )
    assert consumed == (False, 0)  # Windows still gets to handle it
    assert window.is_unlocked is not locks


# --- Linux: real signals on a private D-Bus ----------------------------------------------


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A bus of our own (dbus-daemon from the dbus package), standing in for the session bus
    and for the system bus: the signals are the same, only who may send them differs."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dbus-daemon is missing (apt package dbus)")
        pytest.skip("dbus-daemon is not installed (apt package dbus)")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def private_bus(bus_address: str) -> Iterator[QDBusConnection]:
    name = f"amanat-test-{uuid.uuid4()}"  # never a name an earlier test used
    bus = QDBusConnection.connectToBus(bus_address, name)
    assert bus.isConnected()
    yield bus
    QDBusConnection.disconnectFromBus(name)


def _emit(bus: QDBusConnection, path: str, interface: str, name: str, *args: object) -> None:
    signal = QDBusMessage.createSignal(path, interface, name)
    signal.setArguments(list(args))
    assert bus.send(signal)


def test_the_screen_saver_turning_on_locks_the_archive(
    qtbot: QtBot,
    private_bus: QDBusConnection,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    window.system_lock.listen_on_dbus(private_bus, None)
    assert "org.gnome.ScreenSaver.ActiveChanged" in window.system_lock.listening_to
    _emit(private_bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
    qtbot.wait(200)
    assert window.is_unlocked  # the screen saver going off says nothing
    _emit(private_bus, "/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", True)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)
    assert window.stack.currentWidget() is window.unlock_page


def test_going_to_sleep_locks_the_archive_and_waking_up_does_not_matter(
    qtbot: QtBot,
    private_bus: QDBusConnection,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    window.system_lock.listen_on_dbus(None, private_bus)
    _emit(private_bus, LOGIN_PATH, LOGIN_MANAGER, "PrepareForSleep", False)
    qtbot.wait(200)
    assert window.is_unlocked
    _emit(private_bus, LOGIN_PATH, LOGIN_MANAGER, "PrepareForSleep", True)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)


def test_the_login_manager_locking_the_session_locks_the_archive(
    qtbot: QtBot,
    private_bus: QDBusConnection,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    window.system_lock.listen_on_dbus(None, private_bus)
    _emit(private_bus, "/org/freedesktop/login1/session/_32", LOGIN_SESSION, "Lock")
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)


@ClassInfo({"D-Bus Interface": LOGIN_MANAGER})
class FakeLoginManager(QObject):
    """What systemd-logind does with a "delay" inhibitor lock: hands out a file descriptor,
    and waits before sleeping until every copy of it is closed."""

    def __init__(self) -> None:
        super().__init__()
        self.bus: QDBusConnection | None = None
        self.asked: list[tuple[str, str, str, str]] = []
        self._read_ends: list[int] = []

    @Slot(str, str, str, str, QDBusMessage)
    def Inhibit(self, what: str, who: str, why: str, mode: str, message: QDBusMessage) -> None:
        self.asked.append((what, who, why, mode))
        read, write = os.pipe()
        os.set_blocking(read, False)
        self._read_ends.append(read)
        assert self.bus is not None
        self.bus.send(message.createReply(QDBusUnixFileDescriptor(write)))
        os.close(write)  # the reply holds its own copy

    def held(self, number: int) -> bool:
        """Whether the delay handed out as ``number`` is still held by someone."""
        try:
            return os.read(self._read_ends[number], 1) != b""
        except BlockingIOError:
            return True

    def close(self) -> None:
        for read in self._read_ends:
            os.close(read)


@pytest.fixture
def login_manager(bus_address: str) -> Iterator[tuple[FakeLoginManager, QDBusConnection]]:
    name = f"amanat-test-login1-{uuid.uuid4()}"
    server = QDBusConnection.connectToBus(bus_address, name)
    manager = FakeLoginManager()
    manager.bus = server
    assert server.registerService(LOGIN_SERVICE)
    assert server.registerObject(LOGIN_PATH, manager, QDBusConnection.RegisterOption.ExportAllSlots)
    yield manager, server
    server.unregisterObject(LOGIN_PATH)
    QDBusConnection.disconnectFromBus(name)
    manager.close()


def test_sleep_waits_until_the_archive_is_closed(
    qtbot: QtBot,
    login_manager: tuple[FakeLoginManager, QDBusConnection],
    private_bus: QDBusConnection,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    manager, server = login_manager
    window = _open(make_window, location, filled_folder)
    watcher = window.system_lock
    watcher.listen_on_dbus(None, private_bus)
    qtbot.waitUntil(lambda: watcher.holding_sleep, timeout=3000)
    assert manager.asked == [
        ("sleep", "Amanat", "Locking the archive before the computer sleeps", "delay")
    ]
    assert manager.held(0)

    _emit(server, LOGIN_PATH, LOGIN_MANAGER, "PrepareForSleep", True)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)
    qtbot.waitUntil(lambda: not manager.held(0), timeout=3000)  # now it may sleep
    assert not watcher.holding_sleep

    _emit(server, LOGIN_PATH, LOGIN_MANAGER, "PrepareForSleep", False)  # woke up, locked
    qtbot.wait(200)
    assert len(manager.asked) == 1  # nothing to wait for while the archive is locked

    window.unlock(PASSWORD)
    qtbot.waitUntil(lambda: watcher.holding_sleep, timeout=3000)
    assert len(manager.asked) == 2
    window.lock()  # by hand: the delay goes at once
    assert not watcher.holding_sleep and not manager.held(1)


def test_without_a_login_manager_sleep_is_still_heard(
    qtbot: QtBot,
    private_bus: QDBusConnection,
    make_window: MakeWindow,
    location: RememberedLocation,
    filled_folder: Path,
) -> None:
    window = _open(make_window, location, filled_folder)
    window.system_lock.listen_on_dbus(None, private_bus)  # nobody answers Inhibit
    qtbot.wait(300)
    assert not window.system_lock.holding_sleep
    _emit(private_bus, LOGIN_PATH, LOGIN_MANAGER, "PrepareForSleep", True)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=3000)
