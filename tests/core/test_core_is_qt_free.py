"""core/ and app/ are usable without Qt: the command line, the tests and any other client
share them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "amanat"
CORE = PACKAGE / "core"
APP = PACKAGE / "app"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


@pytest.mark.parametrize("layer", [CORE, APP], ids=["core", "app"])
def test_no_module_imports_qt(layer: Path) -> None:
    offenders = []
    for path in sorted(layer.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT]
    assert offenders == []


@pytest.mark.parametrize(("layer", "at_least"), [(CORE, 10), (APP, 5)], ids=["core", "app"])
def test_importing_every_module_loads_no_qt(layer: Path, at_least: int) -> None:
    modules = [
        f"amanat.{layer.name}." + ".".join(p.relative_to(layer).with_suffix("").parts)
        for p in layer.rglob("*.py")
        if p.name != "__init__.py"
    ]
    assert len(modules) > at_least
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(PACKAGE.parent)},
        check=True,
    )
    assert done.stdout.strip() == "[]"
