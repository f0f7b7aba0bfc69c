"""The strength estimate shown while choosing a password."""

from amanat.gui.password_strength import Strength, estimate


def test_short_passwords_are_too_short() -> None:
    assert estimate("abc1!").strength is Strength.TOO_SHORT


def test_well_known_passwords_count_for_nothing() -> None:
    assert estimate("password1").bits == 0
    assert estimate("password1").strength is Strength.WEAK


def test_runs_and_repeats_earn_little() -> None:
    assert estimate("abcdefghij").strength is Strength.WEAK
    assert estimate("aaaaaaaaaaaa").strength is Strength.WEAK


def test_four_words_are_counted_as_words_not_letters() -> None:
    guess = estimate("correct horse battery staple")
    assert guess.bits == 52
    assert guess.strength is Strength.FAIR


def test_six_random_words_or_random_characters_are_strong() -> None:
    assert estimate("plum river ostrich lantern velvet quarry").strength is Strength.STRONG
    assert estimate("pX7#qL2!vR9@mZ4$").strength is Strength.VERY_STRONG


def test_persian_passwords_are_estimated_too() -> None:
    assert estimate("گل‌های باغ مادربزرگ سبز").strength >= Strength.FAIR
