"""Amanat's own files are found from the source checkout."""

import pytest

from amanat.core.resources import resource


def test_the_persian_font_is_found_with_its_licence() -> None:
    font = resource("fonts", "Vazirmatn-Regular.ttf")
    assert font.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert "SIL OPEN FONT LICENSE" in resource("fonts", "OFL.txt").read_text().upper()


def test_a_missing_file_names_what_is_missing() -> None:
    with pytest.raises(FileNotFoundError, match=r"fonts/none\.ttf"):
        resource("fonts", "none.ttf")
