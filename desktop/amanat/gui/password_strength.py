"""A plain, deliberately modest estimate of how hard a new password is to guess.

Bits are counted from the kinds of characters used, with little credit for characters that
repeat or continue a run ("aaaa", "1234", "abcd"), and a passphrase of words is counted as
words picked from a large list rather than as random letters, because that is how people
make them. Well-known passwords count as nothing. It is an estimate for choosing better,
not a promise; the archive's real floor is vault.MINIMUM_PASSWORD_LENGTH.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

from amanat.core.vault import MINIMUM_PASSWORD_LENGTH

_COMMON = frozenset(
    {
        "password",
        "password1",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyui",
        "qwerty123",
        "iloveyou",
        "11111111",
        "00000000",
        "abcdefgh",
        "letmein1",
        "passw0rd",
        "iran1234",
        "azadi123",
    }
)
_BITS_PER_WORD = 13.0
"""A word from a list of about 8,000 words (diceware lists have 7,776)."""


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3
    VERY_STRONG = 4


@dataclass(frozen=True, slots=True)
class Estimate:
    bits: int
    strength: Strength


def estimate(password: str) -> Estimate:
    bits = round(min(_character_bits(password), _word_bits(password)))
    if password.casefold() in _COMMON:
        bits = 0
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        return Estimate(bits, Strength.TOO_SHORT)
    if bits < 40:
        strength = Strength.WEAK
    elif bits < 60:
        strength = Strength.FAIR
    elif bits < 80:
        strength = Strength.STRONG
    else:
        strength = Strength.VERY_STRONG
    return Estimate(bits, strength)


def _character_bits(password: str) -> float:
    pool = _pool_size(password)
    if pool == 0:
        return 0.0
    per_character = math.log2(pool)
    bits = 0.0
    previous = ""
    for character in password:
        predictable = previous and (
            character == previous or abs(ord(character) - ord(previous)) == 1
        )
        bits += 1.0 if predictable else per_character
        previous = character
    return bits


def _word_bits(password: str) -> float:
    words = password.split()
    if len(words) < 2:
        return math.inf
    return _BITS_PER_WORD * len(words)


def _pool_size(password: str) -> int:
    pool = 0
    if any("a" <= c <= "z" for c in password):
        pool += 26
    if any("A" <= c <= "Z" for c in password):
        pool += 26
    if any(c.isdigit() for c in password):
        pool += 10
    if any(c.isascii() and not c.isalnum() for c in password):
        pool += 33
    if any(not c.isascii() and unicodedata.bidirectional(c) in ("R", "AL") for c in password):
        pool += 36  # Persian letters
    if any(not c.isascii() and unicodedata.bidirectional(c) not in ("R", "AL") for c in password):
        pool += 100
    return pool
