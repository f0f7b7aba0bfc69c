"""Both entry points start by turning off core files and, on Linux, making the process
undumpable, so a crash cannot write the key or records to disk."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from amanat.core.process_hardening import KEEP_DUMPABLE_FOR_TESTS

_CHILD = """
import ctypes, importlib, resource, sys
# As under `ulimit -c unlimited`: core files on, as far as the hard limit allows.
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
module = importlib.import_module(sys.argv[1])
try:
    module.main(["--help"])
except SystemExit:
    pass
dumpable = ctypes.CDLL("libc.so.6").prctl(3, 0, 0, 0, 0)  # PR_GET_DUMPABLE
print(resource.getrlimit(resource.RLIMIT_CORE), dumpable, file=sys.stderr)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize("entry_point", ["amanat.cli", "amanat.gui.app"])
def test_the_window_and_the_command_line_start_with_no_core_files_and_undumpable(
    entry_point: str,
):
    environment = {k: v for k, v in os.environ.items() if k != KEEP_DUMPABLE_FOR_TESTS}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, entry_point],
        capture_output=True,
        text=True,
        env={**environment, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    assert result.stderr.strip().splitlines()[-1] == "(0, 0) 0"
