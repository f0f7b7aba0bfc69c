"""Amanat's code never reaches for the network. Qt's player needs Qt's network module (the
installers keep it for that reason), so the rule is kept here instead: no module of Amanat
imports it, and the window starts without loading it or the player."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "amanat"


def test_no_module_of_amanat_imports_qts_network() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            offenders += [f"{path.name}: {n}" for n in names if "QtNetwork" in n]
    assert offenders == []


def test_the_window_starts_without_the_player_or_the_network_module() -> None:
    # QtMultimedia is imported at the first recording (gui/player_bar.py): a computer
    # without its sound libraries still opens the archive.
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from amanat.gui.main_window import MainWindow\n"
        "from amanat.gui.document_view import DocumentView\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6.QtNetwork',"
        " 'PySide6.QtMultimedia'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PACKAGE.parent), "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
