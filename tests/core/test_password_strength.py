"""New passwords: too short or too easy to guess is refused, in the core, so the window and
the command line refuse the same ones; the sentence suggests a passphrase."""

from __future__ import annotations

import pytest

from amanat.core.errors import GuessablePassword, WeakPassword
from amanat.core.password_strength import STRONG_ENOUGH, Verdict, assess
from amanat.core.vault import check_new_password
from tests.helpers.archives import PASSWORD


@pytest.mark.parametrize(
    "password",
    ["12345678", "password1", "qwertyuiop", "iran1234", "azadi123", "Tr0ub4dor", "11111111111"],
)
def test_common_and_guessable_passwords_are_refused_with_a_passphrase_suggested(password: str):
    assert assess(password).verdict is Verdict.GUESSABLE
    with pytest.raises(GuessablePassword, match="passphrase of five or more unrelated words"):
        check_new_password(password)


def test_a_persian_keyboard_walk_is_seen_as_the_keys_pressed():
    """ضصثقفغعهخحجچ is the top letter row, qwertyuiop[], typed on the Persian layout."""
    assert assess("ضصثقفغعهخحجچ").score < STRONG_ENOUGH
    with pytest.raises(GuessablePassword):
        check_new_password("ضصثقفغعهخحجچ")


def test_short_passwords_are_refused_as_short():
    assert assess("x7#Lq!").verdict is Verdict.TOO_SHORT
    with pytest.raises(WeakPassword, match="at least 8 characters"):
        check_new_password("x7#Lq!")


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "plum river ostrich lantern velvet quarry",
        "گل‌های باغ مادربزرگ سبز",
        "pX7#qL2!vR9@mZ4$",
        "a long passphrase " * 10,  # past zxcvbn's own 72-character limit
    ],
)
def test_passphrases_and_random_passwords_are_accepted(password: str):
    assert assess(password).acceptable
    check_new_password(password)
