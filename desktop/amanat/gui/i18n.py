"""The interface language: translations (Amanat's and Qt's own), the direction of the whole
window, the locale numbers are written in, and a font that has the Persian letters.

Persian text must render on every computer a family may have: an old Windows laptop or a
Linux machine without a Persian font shows empty boxes. Vazirmatn travels with Amanat and is
registered with Qt at start; it is the first font in the Persian interface and the fallback
for Persian text (a name, a letter) in the English one.

Also the few machine words the core hands over inside a text (an event's type in a search
hit's title), put into the user's words.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from amanat.core.records import EventType
from amanat.core.resources import resource
from amanat.core.search import SearchHit
from amanat.gui.settings import Preferences
from amanat.gui.timeline import event_types

PERSIAN_FONT = "Vazirmatn"
_FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")

# The translators this module installed, so that changing the language (the screenshots do
# English and then Persian in one process) removes the previous ones first.
_installed: list[QTranslator] = []
_fonts_added = False
_system_families: list[str] = []


def translation_file(language: str) -> str:
    """The compiled translation of Amanat for ``language`` (e.g. "fa")."""
    return str(resource("translations", f"amanat_{language}.qm"))


def add_fonts() -> bool:
    """Register the bundled Persian font with Qt (once); False when it could not be read."""
    global _fonts_added
    if not _fonts_added:
        added = [
            QFontDatabase.addApplicationFont(str(resource("fonts", name))) for name in _FONT_FILES
        ]
        _fonts_added = all(font_id >= 0 for font_id in added)
    return _fonts_added


def apply_language(application: QApplication, preferences: Preferences) -> None:
    """Install the translations for ``preferences.language``, turn the whole layout
    right-to-left for Persian, and choose the locale and the font to match."""
    persian = preferences.right_to_left
    QLocale.setDefault(
        QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
        if persian
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    application.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if persian else Qt.LayoutDirection.LeftToRight
    )
    _set_font(application, persian)
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    if preferences.language == "en":
        return  # the source strings are English
    # Qt's own strings (OK, Cancel, the file dialog, the context menus), then Amanat's.
    qt = QTranslator(application)
    if qt.load(
        f"qtbase_{preferences.language}",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(application)
    # A missing translation is a broken installation: say so loudly rather than show English.
    if not ours.load(translation_file(preferences.language)):
        raise FileNotFoundError(f"cannot load {translation_file(preferences.language)}")
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)


def _set_font(application: QApplication, persian: bool) -> None:
    """Vazirmatn first in Persian; in English the system's font first, with Vazirmatn after
    it for the Persian letters the system's font may lack."""
    if not _system_families:
        _system_families.extend(application.font().families() or [application.font().family()])
    if not add_fonts():
        return
    others = [family for family in _system_families if family != PERSIAN_FONT]
    font = QFont(application.font())
    font.setFamilies([PERSIAN_FONT, *others] if persian else [*others, PERSIAN_FONT])
    application.setFont(font)


def shown_hit(hit: SearchHit) -> SearchHit:
    """``hit`` with the words the user reads: an event's title starts with its type's
    machine word ("hunger-strike Evin", as the core indexes it), shown in the user's
    language ("اعتصاب غذا Evin")."""
    if hit.record_type != "event":
        return hit
    kind, _, rest = hit.title.partition(" ")
    if kind not in {value.value for value in EventType}:
        return hit
    return replace(hit, title=" ".join(filter(None, (event_types.name(EventType(kind)), rest))))
