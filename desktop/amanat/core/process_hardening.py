"""Keep the process's memory off the disk when it crashes.

While an archive is open the process holds its key and decrypted records. A crash in a C
decoder (an image, a PDF font) on a system that keeps core files, or a crash report sent or
saved by the system, would write them to disk in plaintext. Both the window and the command
line call ``harden()`` first thing, before any archive is opened.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys

_PR_SET_DUMPABLE = 4
# For the memory test only: it reads a child's memory after lock, which an undumpable
# process forbids to anyone without CAP_SYS_PTRACE. Core files stay off even then.
KEEP_DUMPABLE_FOR_TESTS = "AMANAT_TEST_KEEP_DUMPABLE"


def harden() -> None:
    """No core file, no crash dump, no error report of this process. Never fails: a system
    that refuses one of these is no reason not to start."""
    if sys.platform == "win32":
        _exclude_from_windows_error_reporting()
        return
    _no_core_files()
    if sys.platform.startswith("linux") and not os.environ.get(KEEP_DUMPABLE_FOR_TESTS):
        _not_dumpable()


def _no_core_files() -> None:
    import resource

    # Both limits: a soft limit alone could be raised again by anything in the process.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _not_dumpable() -> None:
    """PR_SET_DUMPABLE 0: no core file even where the system pipes cores to a collector
    (systemd-coredump, apport), and other programs of the same user cannot read our memory
    through /proc or a debugger."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def _exclude_from_windows_error_reporting() -> None:  # pragma: no cover - Windows only
    """No 'program stopped working' dialog or report (SetErrorMode), and Windows Error
    Reporting leaves this program out of the dumps it collects for this user."""
    sem_failcriticalerrors, sem_nogpfaulterrorbox = 0x0001, 0x0002
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        kernel32.SetErrorMode(sem_failcriticalerrors | sem_nogpfaulterrorbox)
    with contextlib.suppress(OSError, AttributeError):
        wer = ctypes.WinDLL("wer")  # type: ignore[attr-defined]
        wer.WerAddExcludedApplication(ctypes.c_wchar_p(sys.executable), False)
