"""Where Amanat's own files are (the fonts, the translations): in ``resources/`` beside the
source in a checkout, inside the package when it was installed from a wheel or frozen by the
installers (PyInstaller gives every module a ``__file__`` inside its bundle folder, where
packaging/amanat.spec puts them at ``amanat/resources``)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_PLACES = (_PACKAGE / "resources", _PACKAGE.parent.parent / "resources")


def resource(*parts: str) -> Path:
    """The path of one of Amanat's own files, e.g. ``resource("fonts", "Vazirmatn-Regular.ttf")``.

    A missing file is a broken installation, not a user's mistake, so it is an ordinary
    FileNotFoundError naming what is missing."""
    for place in _PLACES:
        candidate = place.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("Amanat's own file is missing: " + "/".join(parts))
