"""Portable mode: with a file ``portable`` beside the programs, Amanat writes nothing into the
user's profile; what it keeps goes into ``amanat-data`` beside itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from amanat.gui import portable
from amanat.gui.portable import application_folder, portable_data

PROFILE_VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def test_from_the_source_amanat_is_never_portable() -> None:
    assert application_folder() is None
    assert portable_data(None) is None


def test_a_frozen_program_looks_beside_itself(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Amanat"))
    assert application_folder() == tmp_path
    app = tmp_path / "Amanat.app" / "Contents" / "MacOS"
    app.mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(app / "Amanat"))
    assert application_folder() == tmp_path  # beside the .app, where the user put the marker


@pytest.mark.parametrize("marker", portable.MARKERS)
def test_the_marker_file_turns_portable_mode_on(tmp_path: Path, marker: str) -> None:
    assert portable_data(tmp_path) is None
    (tmp_path / marker).write_bytes(b"")
    assert portable_data(tmp_path) == tmp_path / "amanat-data"


def test_a_folder_named_portable_is_not_the_marker(tmp_path: Path) -> None:
    (tmp_path / "portable").mkdir()
    assert portable_data(tmp_path) is None


_RUN_FROZEN = """
import sys
sys.frozen = True
sys.executable = sys.argv[1]
from amanat.gui.app import main
sys.exit(main(["--demo", "--language", "fa"]))
"""


def test_the_window_and_the_demo_leave_the_profile_untouched(tmp_path: Path) -> None:
    """The whole start: the window, Persian, the demo archive made and opened, Qt's caches;
    as a frozen program on a stick would, in a process of its own."""
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "portable").write_bytes(b"")
    home = tmp_path / "home"
    environment = dict(os.environ, HOME=str(home), AMANAT_STARTUP_PROBE="archive")
    environment["QT_QPA_PLATFORM"] = "offscreen"
    for name in PROFILE_VARIABLES:
        environment[name] = str(home / name.lower())
        Path(environment[name]).mkdir(parents=True)
    before = sorted(home.rglob("*"))
    _stand_in_for_the_frozen_program(stick / "Amanat")

    finished = subprocess.run(
        [sys.executable, "-c", _RUN_FROZEN, str(stick / "Amanat")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert finished.returncode == 0, finished.stderr
    assert "amanat: archive shown" in finished.stdout
    assert sorted(home.rglob("*")) == before
    assert (stick / "amanat-data" / "demo.amanat" / "keys.json").is_file()


def _stand_in_for_the_frozen_program(path: Path) -> None:
    """The frozen program starts copies of itself to decode pictures (with the flag its
    launcher knows, see packaging/launch_window.py); here a script does what it would."""
    path.write_text(
        f"#!/bin/sh\nexec {sys.executable} -c "
        "'from amanat.core.decoding.worker import main; main()'\n"
    )
    path.chmod(0o700)
