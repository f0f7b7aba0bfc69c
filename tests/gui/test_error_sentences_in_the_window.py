"""The window shows the very sentence the command line prints (in English), translated in
Persian, for every error the core defines."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest
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


# Words that stay Latin inside the Persian: the age format's own tokens and file names.
_TECHNICAL = re.compile(r"BEGIN|END|age1?|MAC|X25519|scrypt|base64|SHA-256|manifest\.json")


def _latin_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", _TECHNICAL.sub("", text))


def test_a_damaged_bundle_reads_entirely_in_persian(qapp: QApplication) -> None:
    from amanat.core.bundle.age import AgeArmorDamaged, X25519Identity
    from amanat.core.bundle.age_stream import decrypt_bytes, encrypt_bytes
    from amanat.gui.i18n import apply_language
    from amanat.gui.settings import Preferences

    key = X25519Identity.generate()
    armored = encrypt_bytes(b"a letter", [key.recipient()], armor=True)
    with pytest.raises(AgeArmorDamaged) as refused:
        decrypt_bytes(armored + b"and a line added after it\n", [key])
    assert "there is text after the END line" in str(refused.value)
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        persian = error_message(refused.value)
    finally:
        apply_language(qapp, Preferences())
    assert "پس از خط END متنی هست" in persian
    assert _latin_words(persian) == []


def test_a_damaged_bundle_names_the_refusal_inside_it_in_persian(qapp: QApplication) -> None:
    from amanat.core.errors import BundleDamaged, Detail
    from amanat.gui.i18n import apply_language
    from amanat.gui.settings import Preferences

    # As the importer wraps a record that an archive rule refuses.
    refusal = InvalidInput("end-before-start")
    error = BundleDamaged(detail=Detail("record-does-not-fit", problem=refusal))
    assert "(The end date comes before the start date)" in str(error)
    assert error_message(error) == str(error)
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        persian = error_message(error)
    finally:
        apply_language(qapp, Preferences())
    assert "(تاریخ پایان پیش از تاریخ آغاز است)" in persian
    assert _latin_words(persian) == []


def test_places_not_merged_names_the_event_and_date_in_persian(qapp: QApplication) -> None:
    from amanat.core.dates import parse_date
    from amanat.core.errors import Detail
    from amanat.core.places import PlacesNotMerged
    from amanat.core.records import EventType
    from amanat.gui.i18n import apply_language
    from amanat.gui.settings import Preferences

    date = parse_date("2020-02-10")
    # The shape merge_places gives it (tests/core/test_timeline.py checks the English).
    error = PlacesNotMerged(
        reason=Detail(
            "event-not-saved",
            event="solitary confinement",
            when="10 February 2020",
            problem=InvalidInput("end-before-start"),
            event_type=EventType.SOLITARY,
            date=date,
        )
    )
    assert error_message(error) == str(error)
    apply_language(qapp, Preferences.for_language("fa"))
    try:
        persian = error_message(error)
    finally:
        apply_language(qapp, Preferences())
    assert "رویداد «سلول انفرادی» در ۱۰ فوریه ۲۰۲۰ ذخیره نمی‌شود" in persian
    assert "(تاریخ پایان پیش از تاریخ آغاز است)" in persian
    assert _latin_words(persian) == []
