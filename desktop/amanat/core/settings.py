"""The user's settings that belong to an archive, kept inside it (encrypted like the rest):
the calendar dates are shown in, the minutes of idleness before it locks itself, whether it
locks when the computer does, the seconds text copied from it stays on the clipboard, the
name put on annotations and in the audit log, the days without a backup before the window
reminds, when the last backup was made (so nothing outside the archive tells of backups), the
largest recording imported, and how the window was laid out (where its dividers were,
whether the reading layout was on).

They live in the ``meta`` table under keys prefixed ``setting.``; every change appends an
audit entry, except the window's layout, which changes as the user reads and says nothing
about what was done to the archive. The interface language is not here: it is needed before
the archive is unlocked, and it reveals nothing, so the application keeps it itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import datetime

from amanat.core import audit
from amanat.core.database import Database
from amanat.core.dates import Calendar
from amanat.core.errors import InvalidInput
from amanat.core.records import Visibility

PREFIX = "setting."
MAX_AUTO_LOCK_MINUTES = 24 * 60
MAX_NAME_LENGTH = 200
MAX_CLIPBOARD_SECONDS = 60 * 60
MAX_BACKUP_REMINDER_DAYS = 365
DEFAULT_BACKUP_REMINDER_DAYS = 14
MAX_LAYOUT_LENGTH = 500
DEFAULT_RECORDING_LIMIT_MB = 1024
"""An hour of phone video; an hour's call as audio is a few tens of MB. An import, a page
export and a bundle each take a recording in pieces, whatever its size (docs/recordings.md,
Memory): the limit is not there for memory."""
MAX_RECORDING_LIMIT_MB = 16 * 1024
_LAYOUT = re.compile(r"[a-z0-9=,;-]*")
"""The window's layout is the window's own short text (gui/reading_layout.py): names and
numbers only, so nothing typed by a user can reach it."""
_NOT_AUDITED = frozenset({"window_layout"})


@dataclass(frozen=True, slots=True)
class ArchiveSettings:
    calendar: Calendar | None = None
    """None: the calendar of the interface language (Jalali for Persian)."""
    auto_lock_minutes: float | None = None
    """None: the application's default. 0 never locks by itself."""
    annotator_name: str | None = None
    annotation_visibility: Visibility | None = None
    """Of new annotations. None: private, the safe default."""
    lock_with_computer: bool | None = None
    """Lock when the screen locks or the computer sleeps. None: yes, the safe default."""
    clipboard_seconds: int | None = None
    """Seconds before copied text is taken off the clipboard. None: the application's
    default; 0 only at the lock."""
    backup_reminder_days: int | None = None
    """Days without a backup before the window says so, once a session. None: the default
    (DEFAULT_BACKUP_REMINDER_DAYS); 0 never."""
    last_backup: datetime | None = None
    """When the last backup of this archive was written and verified (UTC). Kept here, inside
    the archive, so that nothing outside it tells that backups exist."""
    window_layout: str | None = None
    """The window's dividers and reading layout, as the window writes them. None: its
    defaults."""
    recording_limit_mb: int | None = None
    """The largest recording imported, in MB. None: DEFAULT_RECORDING_LIMIT_MB."""


def load(db: Database) -> ArchiveSettings:
    """The settings stored in the archive; those never set are None. A value this version
    cannot read (written by a newer one) is treated as not set rather than refused."""
    stored: dict[str, str] = dict(
        db.all(
            "SELECT substr(key, ?), value FROM meta WHERE key LIKE ?",
            (len(PREFIX) + 1, PREFIX + "%"),
        )
    )
    settings = ArchiveSettings()
    if stored.get("calendar") in {c.value for c in Calendar}:
        settings = replace(settings, calendar=Calendar(stored["calendar"]))
    try:
        minutes = float(stored["auto_lock_minutes"])
    except (KeyError, ValueError):
        pass
    else:
        if 0 <= minutes <= MAX_AUTO_LOCK_MINUTES:
            settings = replace(settings, auto_lock_minutes=minutes)
    if "annotator_name" in stored:
        settings = replace(settings, annotator_name=stored["annotator_name"])
    if stored.get("annotation_visibility") in {v.value for v in Visibility}:
        visibility = Visibility(stored["annotation_visibility"])
        settings = replace(settings, annotation_visibility=visibility)
    if stored.get("lock_with_computer") in ("True", "False"):
        settings = replace(settings, lock_with_computer=stored["lock_with_computer"] == "True")
    try:
        seconds = int(stored["clipboard_seconds"])
    except (KeyError, ValueError):
        pass
    else:
        if 0 <= seconds <= MAX_CLIPBOARD_SECONDS:
            settings = replace(settings, clipboard_seconds=seconds)
    try:
        days = int(stored["backup_reminder_days"])
    except (KeyError, ValueError):
        pass
    else:
        if 0 <= days <= MAX_BACKUP_REMINDER_DAYS:
            settings = replace(settings, backup_reminder_days=days)
    try:
        last = datetime.fromisoformat(stored["last_backup"])
    except (KeyError, ValueError):
        pass
    else:
        if last.tzinfo is not None:
            settings = replace(settings, last_backup=last)
    try:
        megabytes = int(stored["recording_limit_mb"])
    except (KeyError, ValueError):
        pass
    else:
        if 1 <= megabytes <= MAX_RECORDING_LIMIT_MB:
            settings = replace(settings, recording_limit_mb=megabytes)
    layout = stored.get("window_layout")
    if layout is not None and _is_layout(layout):
        settings = replace(settings, window_layout=layout)
    return settings


def save(db: Database, settings: ArchiveSettings) -> ArchiveSettings:
    """Store every setting that is not None and differs from what is stored, each with an
    audit entry, all in one transaction. Returns the settings now in the archive."""
    _validate(settings)
    with db.transaction():
        before = load(db)
        for field in fields(ArchiveSettings):
            value = getattr(settings, field.name)
            if value is None or value == getattr(before, field.name):
                continue
            text = _text(value)
            db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (PREFIX + field.name, text),
            )
            if field.name in _NOT_AUDITED:
                continue
            audit.append(
                db,
                "changed",
                "setting",
                field.name,
                f"set {field.name.replace('_', ' ')} to {text}",
            )
        return load(db)


def _text(value: object) -> str:
    if isinstance(value, Calendar | Visibility):
        return value.value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _validate(settings: ArchiveSettings) -> None:
    minutes = settings.auto_lock_minutes
    if minutes is not None and not 0 <= minutes <= MAX_AUTO_LOCK_MINUTES:
        raise InvalidInput("auto-lock-minutes", maximum=MAX_AUTO_LOCK_MINUTES)
    seconds = settings.clipboard_seconds
    if seconds is not None and not 0 <= seconds <= MAX_CLIPBOARD_SECONDS:
        raise InvalidInput("clipboard-seconds", maximum=MAX_CLIPBOARD_SECONDS)
    days = settings.backup_reminder_days
    if days is not None and not 0 <= days <= MAX_BACKUP_REMINDER_DAYS:
        raise InvalidInput("backup-reminder-days", maximum=MAX_BACKUP_REMINDER_DAYS)
    megabytes = settings.recording_limit_mb
    if megabytes is not None and not 1 <= megabytes <= MAX_RECORDING_LIMIT_MB:
        raise InvalidInput("recording-limit-mb", maximum=MAX_RECORDING_LIMIT_MB)
    last = settings.last_backup
    if last is not None and last.tzinfo is None:
        raise ValueError("the last backup's time must carry its time zone")  # a bug
    name = settings.annotator_name
    if name is not None and len(name) > MAX_NAME_LENGTH:
        raise InvalidInput("name-too-long", maximum=MAX_NAME_LENGTH)
    layout = settings.window_layout
    if layout is not None and not _is_layout(layout):
        # Written by the window, never typed: anything else is a bug, not the user's doing.
        raise ValueError("a window layout holds names and numbers only")


def _is_layout(text: str) -> bool:
    return len(text) <= MAX_LAYOUT_LENGTH and _LAYOUT.fullmatch(text) is not None
