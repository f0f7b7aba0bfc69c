"""The window shows the very sentence the command line prints (in English), translated in
Persian, for every error the core defines."""

from __future__ import annotations

import importlib
import pkgutil
import string
from pathlib import Path

import amanat
from amanat.core.errors import RULES, AmanatError, InvalidInput, error_classes, every_sentence
from amanat.gui.messages import error_message, known_codes

CORE = Path(amanat.__file__).resolve().parent / "core"


def _every_error() -> list[AmanatError]:
    for module in pkgutil.walk_packages([str(CORE)], "amanat.core."):
        importlib.import_module(module.name)
    found: list[AmanatError] = []
    for cls in error_classes():
        names = {n for _, n, _, _ in string.Formatter().parse(cls.template) if n}
        found.append(cls(**{name: f"<{name}>" for name in names}))
    for rule, sentence in RULES.items():
        names = {n for _, n, _, _ in string.Formatter().parse(sentence) if n}
        found.append(InvalidInput(rule, **{name: f"<{name}>" for name in names}))
    return found


def test_the_window_and_the_command_line_give_the_same_english(qapp: object) -> None:
    errors = _every_error()
    assert len(errors) > 80
    for error in errors:
        assert error_message(error) == str(error)


def test_every_sentence_is_known_to_the_window(qapp: object) -> None:
    _every_error()
    assert known_codes() == frozenset(every_sentence())
