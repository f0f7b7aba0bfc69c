"""No English phrase reaches the Persian interface through an error's ``detail``: each is a
coded phrase of DETAILS (a ``Detail``), which the window translates."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "amanat"


def _returns_detail(tree: ast.Module) -> set[str]:
    """The functions of a module declared to return a Detail (e.g. scans' ``describe``)."""
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and isinstance(node.returns, ast.Name | ast.Constant)
        and (getattr(node.returns, "id", None) or getattr(node.returns, "value", None)) == "Detail"
    }


def _called(value: ast.expr) -> str | None:
    if isinstance(value, ast.Call):
        if isinstance(value.func, ast.Name):
            return value.func.id
        if isinstance(value.func, ast.Attribute):
            return value.func.attr
    return None


def _plain_details() -> tuple[list[str], int]:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}
    makers = {"Detail"}.union(*(_returns_detail(tree) for tree in trees.values()))
    offenders, seen = [], 0
    for path, tree in sorted(trees.items()):
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "detail":
                seen += 1
                if _called(node.value) not in makers:
                    where = path.relative_to(PACKAGE)
                    offenders.append(f"{where}:{node.value.lineno}: {ast.unparse(node.value)}")
    return offenders, seen


def test_every_detail_given_to_an_error_is_a_coded_phrase() -> None:
    offenders, seen = _plain_details()
    assert seen > 60  # the walk found the bundle's errors, so it looked where they are
    assert offenders == []


def test_the_check_catches_a_plain_english_detail(tmp_path: Path) -> None:
    tree = ast.parse('raise BundleDamaged(detail=f"it holds {name} twice")')
    keyword = next(n for n in ast.walk(tree) if isinstance(n, ast.keyword))
    assert _called(keyword.value) is None
    tree = ast.parse('raise BundleDamaged(detail=Detail("file-twice", name=name))')
    keyword = next(n for n in ast.walk(tree) if isinstance(n, ast.keyword))
    assert _called(keyword.value) == "Detail"


def test_no_reason_in_the_core_is_plain_english_text() -> None:
    """A ``reason=`` written as text in core/ or app/ would reach the window untranslated;
    the operating system's refusals are coded phrases too (errors.os_reason)."""
    offenders = []
    for layer in (PACKAGE / "core", PACKAGE / "app"):
        for path in sorted(layer.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.keyword) and node.arg in ("reason", "detail")):
                    continue
                text = isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                if text or isinstance(node.value, ast.JoinedStr):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.value.lineno}")
    assert offenders == []
