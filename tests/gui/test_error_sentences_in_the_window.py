"""The window shows the very sentence the command line prints (in English), translated in
Persian, for every error the core defines."""

from __future__ import annotations

import importlib
import pkgutil
import string
from pathlib import Path

from PySide6.QtWidgets import QApplication

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


def test_a_refused_date_reads_the_same_in_the_window_as_on_the_command_line(qapp: object) -> None:
    import pytest

    from amanat.core.dates import DATE_PROBLEMS, PROBLEM_SENTENCES, Calendar, parse_date
    from amanat.core.errors import InvalidDate

    assert set(PROBLEM_SENTENCES) == DATE_PROBLEMS
    problems = set()
    for text, calendar in [
        ("", None), ("c.", None), ("89/12/24", None), ("24/12/1389", None), ("Mehrr 1401", None),
        ("مهر", None), ("1401/13/01", None), ("2023-04-31", None), ("1401/12/30", None),
        ("Mehr 1401", Calendar.GREGORIAN), ("10000", None), ("winter 9999", None),
    ]:  # fmt: skip
        with pytest.raises(InvalidDate) as refused:
            parse_date(text, calendar)
        problem = refused.value.values["problem"]
        problems.add(problem)
        if str(problem).startswith("other-calendar"):
            # The same sentence, naming the calendar as the interface does everywhere.
            assert error_message(refused.value).endswith("of the Solar Hijri calendar.")
        else:
            assert error_message(refused.value) == str(refused.value)
    assert len(problems) >= 10


def test_a_detail_inside_a_sentence_is_translated_with_it(qapp: QApplication) -> None:
    from amanat.core.errors import Detail, ScanDamaged
    from amanat.gui.i18n import apply_language
    from amanat.gui.settings import Preferences

    error = ScanDamaged(name="letter.pdf", detail=Detail("pdf-page-no-size", page=3))
    assert error_message(error) == str(error)
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        persian = error_message(error)
    finally:
        apply_language(qapp, Preferences())
    assert "صفحهٔ ۳ اندازه ندارد" in persian and "has no size" not in persian
