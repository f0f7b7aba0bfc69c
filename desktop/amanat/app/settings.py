"""The settings kept inside the archive; the annotator's name among them becomes the actor
written in the audit log. The window saves them all at once from Settings…; the command line
shows them and sets one at a time by its name (``amanat settings show|set``)."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from amanat.core import settings
from amanat.core.dates import Calendar
from amanat.core.errors import InvalidInput
from amanat.core.records import Visibility
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive


def load_settings(archive: Archive) -> ArchiveSettings:
    db = archive.db
    stored = settings.load(db)
    if stored.annotator_name:
        db.actor = stored.annotator_name
    return stored


def save_settings(archive: Archive, chosen: ArchiveSettings) -> ArchiveSettings:
    db = archive.db
    saved = settings.save(db, chosen)
    if saved.annotator_name is not None:
        db.actor = saved.annotator_name
    return saved


# --- One setting by its name, as the command line gives it -------------------------------

SETTING_NAMES: dict[str, str] = {
    "calendar": "calendar",
    "auto-lock": "auto_lock_minutes",
    "lock-with-computer": "lock_with_computer",
    "clipboard": "clipboard_seconds",
    "name": "annotator_name",
    "annotations": "annotation_visibility",
    "recording-limit": "recording_limit_mb",
}
"""The settings by the names the command line gives them, with their field in
ArchiveSettings; the order is Settings' in the window."""

SETTING_VALUES: dict[str, str] = {
    "calendar": "gregorian or jalali",
    "auto-lock": "minutes of idleness before the window locks, 0 for never",
    "lock-with-computer": "yes or no",
    "clipboard": "seconds before copied text leaves the clipboard, 0 for only at the lock",
    "name": "your name, which the window puts on annotations and in the audit log",
    "annotations": "private or shareable, for new annotations",
    "recording-limit": "the largest recording imported, in MB (default 1024)",
}

_YES = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


def setting_value(name: str, text: str) -> ArchiveSettings:
    """The settings with only ``name`` set, read from ``text``; a value that cannot be read
    is refused in a sentence that says what it takes."""
    field = SETTING_NAMES[name]
    typed = text.strip()
    value: object
    try:
        if field == "calendar":
            value = Calendar(typed.casefold())
        elif field == "annotation_visibility":
            value = Visibility(typed.casefold())
        elif field == "lock_with_computer":
            value = _YES[typed.casefold()]
        elif field == "auto_lock_minutes":
            value = float(typed)
            if not math.isfinite(value):
                raise ValueError(typed)
        elif field in ("clipboard_seconds", "recording_limit_mb"):
            value = int(typed)
        else:
            value = typed
    except (ValueError, KeyError) as error:
        raise InvalidInput(
            "setting-value", value=text, name=name, expected=SETTING_VALUES[name]
        ) from error
    chosen: dict[str, Any] = {field: value}
    return replace(ArchiveSettings(), **chosen)


def change_setting(archive: Archive, name: str, text: str) -> ArchiveSettings:
    """Set one setting by its name (``amanat settings set``), as Settings… in the window
    saves it: checked the same way, with its audit entry."""
    return save_settings(archive, setting_value(name, text))


def setting_text(settings: ArchiveSettings, name: str) -> str | None:
    """A setting's value as ``settings set`` takes it; None when it was never set."""
    value = getattr(settings, SETTING_NAMES[name])
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
