"""Errors become one sentence in the user's language."""

from __future__ import annotations

import inspect

import pytest

from amanat.core import errors
from amanat.core.errors import AmanatError, ArchiveNotFound, WrongPassword
from amanat.gui.messages import error_message, known_codes


def _error_classes() -> list[type[AmanatError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, AmanatError)
    ]


def test_errors_about_opening_an_archive_have_their_own_sentence() -> None:
    opening = {
        cls.code
        for cls in _error_classes()
        if issubclass(cls, errors.ArchiveError) and cls is not errors.ArchiveError
    }
    assert opening <= known_codes()
    assert {"wrong-password", "disk-full", "weak-password"} <= known_codes()


def test_sentence_is_filled_with_the_errors_values() -> None:
    sentence = error_message(ArchiveNotFound(path="/media/stick/letters.amanat"))
    assert sentence == (
        "There is no archive at /media/stick/letters.amanat. It may have been moved or deleted."
    )
    assert error_message(WrongPassword()).startswith("That password does not open")


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda cls: cls.code)
def test_every_error_gets_a_sentence(cls: type[AmanatError]) -> None:
    fields = {
        "path": "/x",
        "reason": "r",
        "minimum": 8,
        "text": "t",
        "kind": "tag",
        "name": "n",
        "record_id": "1",
        "detail": "d",
        "found": 2,
        "size_mb": 1,
        "limit_mb": 1,
        "size": "1x1",
        "limit_mp": 1,
        "limit": 1,
        "fingerprint": "f",
        "key": "k",
        "needed": 2,
        "free": 1,
    }
    assert error_message(cls(**fields))


def test_a_template_missing_a_value_falls_back_to_the_core_sentence() -> None:
    error = ArchiveNotFound(path="/x")
    error.values.clear()
    error.values["path"] = "/x"
    assert "/x" in error_message(error)
