"""What the application remembers, and where.

Outside the archive only two things are kept, in the application's settings file: the
folders of the last few archives opened (and whether to remember them), and the interface
language. Remembering
the folder is on by default: the folder ``NAME.amanat`` is on the disk for anyone who seizes
it anyway, so its path reveals nothing more, while a family that cannot find its archive
again loses everything. A person for whom even the folder's name is too much turns it off,
and the path is removed at once. The language is needed before the archive is unlocked and
says nothing about what is in it; it is written only when the user changes it.

The other preferences (calendar, auto-lock minutes, locking with the computer, the clipboard's
seconds, the name put on annotations) are kept
inside the archive (core/settings.py) and copied into ``Preferences`` when it is unlocked;
they are never written to the settings file, which a seized computer would show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths

from amanat.core.dates import Calendar
from amanat.core.settings import DEFAULT_BACKUP_REMINDER_DAYS, DEFAULT_RECORDING_LIMIT_MB

_LAST_ARCHIVE = "archive/last"
_EARLIER_ARCHIVES = "archive/earlier"
RECENT_ARCHIVES = 5
_REMEMBER = "archive/remember"
_LANGUAGE = "interface/language"
LANGUAGES = ("en", "fa")
SETTINGS_FILE = "amanat.ini"


class RememberedLocation:
    """The last archive's folder, kept in an INI file whose path the caller chooses (tests
    point it into a temporary folder)."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def at(cls, path: Path) -> RememberedLocation:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def default(cls) -> RememberedLocation:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        return cls.at(Path(folder) / SETTINGS_FILE)

    @property
    def file(self) -> Path:
        return Path(self._settings.fileName())

    @property
    def remembering(self) -> bool:
        return _as_bool(self._settings.value(_REMEMBER, True))

    def set_remembering(self, on: bool) -> None:
        if on:
            self._settings.remove(_REMEMBER)
        else:
            self._settings.setValue(_REMEMBER, False)
            self._settings.remove(_LAST_ARCHIVE)
            self._settings.remove(_EARLIER_ARCHIVES)
        self._settings.sync()

    def last_archive(self) -> Path | None:
        if not self.remembering:
            return None
        value = self._settings.value(_LAST_ARCHIVE, "")
        return Path(str(value)) if value else None

    def recent_archives(self) -> list[Path]:
        """The last archive first, then up to RECENT_ARCHIVES - 1 opened before it: their
        folders' paths, nothing else."""
        last = self.last_archive()
        if last is None:
            return []
        value = self._settings.value(_EARLIER_ARCHIVES, [])
        # An INI file gives a list of one back as a plain string.
        earlier = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        return [last, *(Path(str(path)) for path in earlier if path and Path(str(path)) != last)]

    def remember(self, folder: Path) -> None:
        if self.remembering:
            recent = [folder, *(path for path in self.recent_archives() if path != folder)]
            self._store(recent[:RECENT_ARCHIVES])

    def forget_archive(self, folder: Path) -> None:
        """Take one folder off the list (the folder itself is not touched)."""
        self._store([path for path in self.recent_archives() if path != folder])

    def _store(self, recent: list[Path]) -> None:
        if recent:
            self._settings.setValue(_LAST_ARCHIVE, str(recent[0]))
        else:
            self._settings.remove(_LAST_ARCHIVE)
        if len(recent) > 1:
            self._settings.setValue(_EARLIER_ARCHIVES, [str(path) for path in recent[1:]])
        else:
            self._settings.remove(_EARLIER_ARCHIVES)
        self._settings.sync()

    def language(self) -> str | None:
        """The interface language the user chose, if they chose one."""
        value = str(self._settings.value(_LANGUAGE, ""))
        return value if value in LANGUAGES else None

    def set_language(self, language: str) -> None:
        if language in LANGUAGES and language != self.language():
            self._settings.setValue(_LANGUAGE, language)
            self._settings.sync()

    def forget(self) -> None:
        self._settings.remove(_LAST_ARCHIVE)
        self._settings.remove(_EARLIER_ARCHIVES)
        self._settings.sync()


def _as_bool(value: object) -> bool:
    # An INI file gives back "false" as a string.
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "no", "")
    return bool(value)


@dataclass
class Preferences:
    """The user's choices: the language from the settings file, the rest from the archive
    once it is unlocked (see the module docstring)."""

    language: str = "en"
    """"en" or "fa"; Persian turns the whole window right-to-left."""
    calendar: Calendar = Calendar.GREGORIAN
    auto_lock_minutes: float = 10.0
    annotator_name: str = ""
    lock_with_computer: bool = True
    """Lock when the screen locks, the user is switched or the computer sleeps."""
    clipboard_seconds: int = 30
    """Text copied from the archive leaves the clipboard after this long (0: at the lock)."""
    backup_reminder_days: int = DEFAULT_BACKUP_REMINDER_DAYS
    """Days without a backup before the window says so, once a session (0: never)."""
    recording_limit_mb: int = DEFAULT_RECORDING_LIMIT_MB
    """The largest recording imported (the import reads it from the archive itself)."""

    @classmethod
    def for_language(cls, language: str) -> Preferences:
        # Families in Iran count years in the Solar Hijri calendar.
        calendar = Calendar.JALALI if language == "fa" else Calendar.GREGORIAN
        return cls(language=language, calendar=calendar)

    @property
    def right_to_left(self) -> bool:
        return self.language == "fa"


def system_language(system: QLocale | None = None) -> str:
    """ "fa" when the computer (``system``, by default the real one) is set to Persian, else
    "en" (the languages shipped). Used until the user chooses a language in Settings."""
    locale = QLocale.system() if system is None else system
    return "fa" if locale.language() == QLocale.Language.Persian else "en"
