"""Which of a person's names to show: the one in the reader's script where there is one.

A person has a display name (how the family wrote them down first, in either script) and may
also have their name in Persian script and in Latin script. The Persian interface shows
"کاوه امیرزاده", the English one "Kaveh Amirzadeh"; the other is kept one hover away. Both
clients and every list of people share this one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Named(Protocol):
    """Anything with a person's three names: a Person, or a PersonName read for a list."""

    @property
    def display_name(self) -> str: ...

    @property
    def name_fa(self) -> str: ...

    @property
    def name_latin(self) -> str: ...


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's names alone, for lists that name many people (the document list)."""

    display_name: str
    name_fa: str = ""
    name_latin: str = ""


def _in_script(person: Named, language: str) -> tuple[str, str]:
    """(the name in ``language``'s script, the name in the other script), either maybe empty.
    Persian is written in Persian script; every other interface language Amanat has (English)
    in Latin script."""
    fa, latin = person.name_fa.strip(), person.name_latin.strip()
    return (fa, latin) if language == "fa" else (latin, fa)


def shown_name(person: Named, language: str) -> str:
    """The name to show in an interface in ``language``: the name in its script where the
    person has one, else the display name."""
    own, _ = _in_script(person, language)
    return own or person.display_name.strip()


def other_script_name(person: Named, language: str) -> str:
    """The name a reader of ``language`` would look for second: the one in the other script,
    else the display name; empty when that is only the shown name again."""
    shown = shown_name(person, language)
    _, other = _in_script(person, language)
    for candidate in (other, person.display_name.strip()):
        if candidate and candidate != shown:
            return candidate
    return ""
