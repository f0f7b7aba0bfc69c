"""Which of a person's names the interface shows, and which it keeps one hover away."""

from __future__ import annotations

from amanat.core.names import PersonName, other_script_name, shown_name
from amanat.core.records import Person

KAVEH = Person("Kaveh Amirzadeh", name_fa="کاوه امیرزاده", name_latin="Kaveh Amirzadeh")


def test_persian_interface_shows_the_persian_name_and_keeps_the_latin_one() -> None:
    assert shown_name(KAVEH, "fa") == "کاوه امیرزاده"
    assert other_script_name(KAVEH, "fa") == "Kaveh Amirzadeh"


def test_english_interface_shows_the_latin_name_and_keeps_the_persian_one() -> None:
    assert shown_name(KAVEH, "en") == "Kaveh Amirzadeh"
    assert other_script_name(KAVEH, "en") == "کاوه امیرزاده"


def test_persian_interface_without_a_persian_name_shows_the_display_name() -> None:
    person = PersonName("Kaveh A.", name_latin="Kaveh Amirzadeh")
    assert shown_name(person, "fa") == "Kaveh A."
    assert other_script_name(person, "fa") == "Kaveh Amirzadeh"


def test_english_interface_with_only_a_persian_name_shows_the_display_name() -> None:
    person = PersonName("کاوه", name_fa="کاوه امیرزاده")
    assert shown_name(person, "en") == "کاوه"
    assert other_script_name(person, "en") == "کاوه امیرزاده"


def test_a_display_name_alone_is_shown_in_either_interface_with_nothing_to_hover() -> None:
    person = PersonName("Mother")
    for language in ("fa", "en"):
        assert shown_name(person, language) == "Mother"
        assert other_script_name(person, language) == ""


def test_the_other_name_falls_back_to_a_differing_display_name() -> None:
    person = PersonName("Maman", name_fa="مادر")
    assert shown_name(person, "fa") == "مادر"
    assert other_script_name(person, "fa") == "Maman"


def test_blank_script_names_count_as_missing_and_names_are_trimmed() -> None:
    person = PersonName(" Narges ", name_fa="  ", name_latin=" Narges Mohammadi ")
    assert shown_name(person, "fa") == "Narges"
    assert other_script_name(person, "fa") == "Narges Mohammadi"
    assert shown_name(person, "en") == "Narges Mohammadi"
    assert other_script_name(person, "en") == "Narges"
