"""Each error has one English sentence, in the core, which both the command line and the
window read; every rule that refuses input has a code of its own, so no English detail is
passed around a sentence."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import amanat
from amanat.core import errors
from amanat.core.errors import DETAILS, RULES, Detail, InvalidInput, every_sentence

DESKTOP = Path(amanat.__file__).resolve().parent


def _load_every_module_without_qt() -> None:
    """Errors live beside their concept (bundle/age.py, timeline.py…): load them all."""
    for module in pkgutil.walk_packages([str(DESKTOP / "core")], "amanat.core."):
        importlib.import_module(module.name)


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def test_every_error_code_has_exactly_one_sentence() -> None:
    _load_every_module_without_qt()
    sentences = every_sentence()  # raises when a code has two
    codes = [cls.code for cls in errors.error_classes() if "code" in vars(cls)]
    assert len(codes) == len(set(codes)), "two error classes share a code"
    assert set(codes) | set(RULES) | set(DETAILS) == set(sentences)
    assert {"bundle-truncated", "contact-no-signing-key", "places-not-merged"} <= set(codes)


def test_two_codes_sharing_a_sentence_would_be_found() -> None:
    class Again:  # not a subclass, which would stay registered with WrongPassword
        code = "wrong-password"
        template = "Another sentence for the same code."

    with pytest.raises(ValueError, match="wrong-password"):
        every_sentence([errors.WrongPassword, Again])  # type: ignore[list-item]


def test_a_rule_fills_its_sentence_with_its_values() -> None:
    error = InvalidInput("tag-colour", colour="red")
    assert str(error) == "“red” is not a colour; write it like #aa3355."
    assert error.code == "invalid-input" and error.rule == "tag-colour"
    assert error.sentence == RULES["tag-colour"]


def test_a_rule_without_a_sentence_is_a_bug_not_a_message() -> None:
    with pytest.raises(KeyError):
        InvalidInput("no-such-rule")


def _source_files() -> list[Path]:
    return sorted(path for path in DESKTOP.rglob("*.py") if ".venv" not in path.parts)


def _invalid_input_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "InvalidInput"
            ):
                calls.append((path, node))
    return calls


def test_input_is_refused_by_a_rule_with_its_own_sentence_never_by_english_detail() -> None:
    calls = _invalid_input_calls()
    assert len(calls) >= 20
    for path, call in calls:
        where = f"{path.name}:{call.lineno}"
        assert call.args and isinstance(call.args[0], ast.Constant), where
        rule = call.args[0].value
        assert rule in RULES, where
        given = {keyword.arg for keyword in call.keywords}
        assert "detail" not in given, where
        assert given == _placeholders(RULES[rule]), where


def test_every_rule_is_used() -> None:
    used = {call.args[0].value for _, call in _invalid_input_calls() if call.args}
    assert used == set(RULES)


def test_a_detail_reads_as_its_english_and_keeps_its_code_for_the_window() -> None:
    detail = Detail("pdf-page-no-size", page=3)
    assert detail == "page 3 has no size"
    assert (detail.code, detail.values) == ("pdf-page-no-size", {"page": 3})
    error = errors.ScanDamaged(name="letter.pdf", detail=detail)
    assert str(error) == (
        "letter.pdf was not imported: the file is damaged or incomplete (page 3 has no size)."
    )


def test_scans_refuse_with_details_that_have_a_sentence_never_with_bare_english() -> None:
    scans = DESKTOP / "core" / "scans"
    for path in sorted(scans.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in {"ScanDamaged", "ScanUnreadable"}:
                continue
            for keyword in node.keywords:
                if keyword.arg in {"detail", "reason"}:
                    assert not isinstance(keyword.value, (ast.Constant, ast.JoinedStr)), (
                        f"{path.name}:{node.lineno}"
                    )
