"""Digits in the three scripts our users type: ASCII, Persian (۰–۹) and Arabic-Indic (٠–٩)."""

from __future__ import annotations

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TO_ASCII = str.maketrans(
    {
        **{p: str(i) for i, p in enumerate(PERSIAN_DIGITS)},
        **{a: str(i) for i, a in enumerate(ARABIC_INDIC_DIGITS)},
    }
)
_TO_PERSIAN = str.maketrans({str(i): p for i, p in enumerate(PERSIAN_DIGITS)})


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits become 0–9; everything else is left alone."""
    return text.translate(_TO_ASCII)


def to_persian_digits(text: str) -> str:
    """ASCII digits become Persian digits, for showing numbers in the Persian interface."""
    return text.translate(_TO_PERSIAN)
