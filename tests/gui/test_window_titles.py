"""Nothing names a person outside the window's contents: the system shows window titles in
the taskbar, the window switcher, its activity history and screen sharing. Every window is
opened on the demo archive and no demo person's name (in either script), nor a date,
appears in any title; a chronology's suggested file name names no one either."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from amanat.core.records import Person
from amanat.core.storage import people
from amanat.core.timeline import EntryKind
from amanat.gui.main_window import MainWindow
from amanat.gui.operations import Session
from amanat.gui.settings import RememberedLocation
from amanat.gui.worker import SynchronousWorker
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]
_DATE = re.compile(r"[0-9۰-۹]{2}")


def _demo_people(window: MainWindow, worker: SynchronousWorker) -> list[Person]:
    found: list[list[Person]] = []

    def run(session: Session) -> list[Person]:
        return people.all_people(session.require().db)

    worker.submit(run, window, found.append)
    assert found and found[0]
    return found[0]


def _name_words(everyone: list[Person]) -> set[str]:
    words: set[str] = set()
    for person in everyone:
        for name in (person.display_name, person.name_fa, person.name_latin, *person.aliases):
            words.update(w.casefold() for w in re.split(r"[\s,()«»“”]+", name) if len(w) >= 3)
    return words


def _titles() -> dict[str, QWidget]:
    """What the system is told of every window open now."""
    shown: dict[str, QWidget] = {}
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            for said in (widget.windowTitle(), widget.windowIconText(), widget.windowFilePath()):
                shown[said] = widget
    return shown


def _assert_no_name_in_any_title(words: set[str]) -> None:
    for title, widget in _titles().items():
        folded = title.casefold()
        named = {word for word in words if word in folded}
        assert not named, f"{type(widget).__name__} is titled {title!r}"
        assert not _DATE.search(title), f"{type(widget).__name__} is titled {title!r}"


def test_no_window_title_names_a_person_of_the_demo_archive(
    qtbot: QtBot, make_window: MakeWindow, worker: SynchronousWorker
) -> None:
    window = make_window()
    window.open_demo()
    assert window.is_unlocked
    assert window.windowTitle() == "demo"  # the archive's folder, demo.amanat
    everyone = _demo_people(window, worker)
    words = _name_words(everyone)
    assert {"mahtab", "rezvani", "مهتاب"} <= words  # the names the issue saw in a title
    view = window.archive_view

    view.select_document(view.documents.document_id(0))
    assert view.edit_details() is not None
    _assert_no_name_in_any_title(words)
    view.details_dialog.reject()  # type: ignore[union-attr]

    for person in everyone:
        timeline = view.open_timeline(person.id)
        _assert_no_name_in_any_title(words)
    assert timeline.windowTitle() == "Timeline"

    prisoner = next(p for p in everyone if p.display_name.startswith("Mahtab"))
    timeline = view.open_timeline(prisoner.id)
    assert timeline.timeline is not None
    event = next(e for e in timeline.timeline.entries if e.kind is EntryKind.EVENT)
    timeline.edit_event(event.id)
    assert timeline.editor is not None and timeline.editor.isVisible()
    _assert_no_name_in_any_title(words)
    timeline.editor.reject()
    assert timeline.new_event() is not None
    _assert_no_name_in_any_title(words)
    timeline.editor.reject()  # type: ignore[union-attr]

    # Exporting the chronology suggests a file name that names no one.
    suggested: list[str] = []

    class Chooser:
        def new_file(self, parent: object, title: str, pattern: str, name: str) -> None:
            suggested.append(name)

    timeline.chooser = Chooser()  # type: ignore[assignment]
    timeline.export("pdf")
    timeline.export("csv")
    assert suggested == ["chronology.pdf", "chronology.csv"]

    view.annotations.open_list()
    for opened in (
        window.bundles.open_keys(),
        window.bundles.open_contacts(),
        window.bundles.open_export(),
        window.bundles.open_import(),
        window.open_settings(),
    ):
        assert opened is not None
    _assert_no_name_in_any_title(words)

    window.lock()
    assert window.windowTitle() == "Amanat"
    _assert_no_name_in_any_title(words)


def test_the_main_window_names_only_the_archive_folder(
    make_window: MakeWindow, location: RememberedLocation, filled_folder: Path
) -> None:
    location.remember(filled_folder)
    window = make_window()
    assert window.windowTitle() == "Amanat"
    window.unlock(PASSWORD)
    assert window.windowTitle() == filled_folder.stem
    window.lock()
    assert window.windowTitle() == "Amanat"
