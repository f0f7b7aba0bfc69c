"""How hard a new password is to guess, by zxcvbn (Dropbox's estimator, which knows common
passwords, names, words, keyboard walks, dates, repeats and l33t spellings).

A seized laptop or a copied backup gives an attacker all the time in the world, and
Argon2id slows each guess, but only by so much: a password must be out of reach of a
well-equipped attacker, which is zxcvbn's top score (about 10^10 guesses or more).

Persian keyboards are taken into account: "ضصثقفغ" is "qwerty" typed with the Persian layout
(ISIRI 9147), so a password is also estimated as the keys that were pressed, and the weaker
of the two estimates counts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from amanat.core.digits import to_ascii_digits

MINIMUM_LENGTH = 8
STRONG_ENOUGH = 4
"""zxcvbn's scores run from 0 to 4; only the top one is accepted for a new password."""
_ZXCVBN_MAX_LENGTH = 72  # zxcvbn refuses longer input; the first 72 characters bound it below

# The standard Persian layout, key by key, as the Latin letter on the same key.
_PERSIAN_KEYS = str.maketrans(
    {
        **dict(zip("ضصثقفغعهخحجچ", "qwertyuiop[]", strict=True)),
        **dict(zip("شسیبلاتنمکگ", "asdfghjkl;'", strict=True)),
        **dict(zip("ظطزرذدپو", "zxcvbnm,", strict=True)),
        "ي": "d",
        "ى": "d",
        "ك": ";",
    }
)


class Verdict(StrEnum):
    TOO_SHORT = "too-short"
    GUESSABLE = "guessable"
    STRONG = "strong"


@dataclass(frozen=True, slots=True)
class Assessment:
    score: int
    """0 (guessed at once) to 4 (out of reach), zxcvbn's scale."""
    verdict: Verdict

    @property
    def acceptable(self) -> bool:
        return self.verdict is Verdict.STRONG


def assess(password: str) -> Assessment:
    from zxcvbn import zxcvbn  # its word lists take a tenth of a second to load

    if not password:
        return Assessment(0, Verdict.TOO_SHORT)
    folded = to_ascii_digits(unicodedata.normalize("NFC", password))
    forms = {folded, folded.translate(_PERSIAN_KEYS)}
    score = min(int(zxcvbn(form[:_ZXCVBN_MAX_LENGTH])["score"]) for form in forms)
    if len(password) < MINIMUM_LENGTH:
        return Assessment(score, Verdict.TOO_SHORT)
    return Assessment(score, Verdict.STRONG if score >= STRONG_ENOUGH else Verdict.GUESSABLE)
