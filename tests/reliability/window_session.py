"""A session in the real window, driven from inside its own process: the test-only driver that
``test_real_session.py`` starts as ``python -m tests.reliability.window_session MODE FOLDER``
under Xvfb (the xcb platform, as a desktop runs it, never offscreen).

It builds the window as ``amanat.gui.app.main`` does (the process hardened first, the settings
where Qt puts them on this computer) and clicks and types through its widgets with QTest, with
the steps of the first-day tests (tests/gui/test_first_day.py). Two things differ from a
family's computer, both for the test's sake: the worker runs each job at once on the window's
thread (so each step can check what it did before the next), and the two file choosers answer
with the paths the test gives (the native file dialog's own history is tested apart, in
tests/gui/test_nothing_left_outside.py).

Modes:

- ``canary FOLDER``: make an archive in FOLDER; import a file whose name holds a canary; type
  canaries into a person's name, a title, a transcription, an annotation and a tag; export
  the person's chronology beside the archive and remove it; copy the transcription to the
  clipboard; lock (the clipboard is cleared); quit.
- ``typing FOLDER``: unlock the archive in FOLDER, open its one document, type into its
  transcription and save with Ctrl+S; type more and pause until the idle save has kept it;
  type more again, and wait to be killed.

The parent reads the driver's stdout: ``started`` once the process is hardened (it then
answers with a line on stdin, after reading /proc/PID/limits), ``typed`` when there is
nothing left to do but be killed, ``done`` at the end of a whole session.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from amanat.core import process_hardening

CANARY_VARIABLE = "AMANAT_TEST_CANARY"
PASSWORD_VARIABLE = "AMANAT_TEST_PASSWORD"
SAVED_VARIABLE = "AMANAT_TEST_SAVED"
PAUSED_VARIABLE = "AMANAT_TEST_PAUSED"
UNSAVED_VARIABLE = "AMANAT_TEST_UNSAVED"


@dataclasses.dataclass(frozen=True)
class Canaries:
    """What the session types, each holding the one random word the scan looks for."""

    word: str

    @property
    def file_name(self) -> str:
        return f"letter-{self.word}-file.jpg"

    @property
    def person(self) -> str:
        return f"Sara {self.word}person"

    @property
    def title(self) -> str:
        return f"Letter {self.word}title"

    @property
    def transcription(self) -> str:
        return f"Dear mother, {self.word}transcription, the visit was short."

    @property
    def annotation(self) -> str:
        return f"Note {self.word}annotation"

    @property
    def tag(self) -> str:
        return f"tag{self.word}"

    def every_one(self) -> dict[str, str]:
        return {
            "file name": self.file_name,
            "person": self.person,
            "title": self.title,
            "transcription": self.transcription,
            "annotation": self.annotation,
            "tag": self.tag,
        }


def say(line: str) -> None:
    print(line, flush=True)


def main(arguments: list[str]) -> int:
    process_hardening.harden()  # first, as amanat.gui.app.main does
    say("started")
    sys.stdin.readline()  # the parent has read /proc/PID/limits

    # Qt and the window only now: what a real start loads after hardening.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    mode, folder = arguments[0], Path(arguments[1])
    application = QApplication(sys.argv[:1])
    application.setApplicationName("amanat")
    application.setApplicationDisplayName("Amanat")
    outcome: list[int] = []

    def run() -> None:
        try:
            if mode == "canary":
                canary_session(folder)
                say("done")
            else:
                typing_session(folder)
                say("typed")
                return  # left running, to be killed
            outcome.append(0)
        except BaseException:
            traceback.print_exc()
            outcome.append(1)
        application.exit(outcome[-1])

    QTimer.singleShot(0, run)
    code = application.exec()
    return outcome[-1] if outcome else code


# --- QTest in place of pytest-qt's qtbot ------------------------------------------------------


class Bot:
    """The few of qtbot's methods the first-day steps use, made of QTest."""

    def keyClick(self, widget: object, key: object, modifier: object = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    def mouseClick(self, widget: object, button: object, pos: object = None) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, pos or QPoint())

    def waitUntil(self, callback: Callable[[], object], timeout: int = 5000) -> None:
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout / 1000
        while True:
            QApplication.processEvents()
            if callback():
                return
            if time.monotonic() > deadline:
                raise AssertionError("waited in vain")
            time.sleep(0.01)


def _window(location_folder: Path | None, chooser: object) -> object:
    from PySide6.QtWidgets import QApplication

    from amanat.core.keyslots import FLOOR
    from amanat.gui.i18n import apply_language
    from amanat.gui.main_window import MainWindow
    from amanat.gui.settings import Preferences, RememberedLocation
    from amanat.gui.worker import SynchronousWorker
    from tests.gui.test_first_day import RealDialogs

    application = QApplication.instance()
    preferences = Preferences()
    apply_language(application, preferences)
    location = RememberedLocation.default()  # the real place on this computer (HOME is the test's)
    if location_folder is not None:
        location.remember(location_folder)
    worker = SynchronousWorker()
    application.aboutToQuit.connect(worker.shutdown)
    window = MainWindow(
        worker,
        location,
        preferences,
        chooser=chooser,
        dialogs=RealDialogs(),
        kdf=FLOOR,
    )
    window.resize(1100, 760)
    window.show()
    window.activateWindow()
    Bot().waitUntil(lambda: QApplication.activeWindow() is window)
    window.start()
    return window


def _picture(path: Path) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (600, 800), (246, 240, 226))
    pen = ImageDraw.Draw(picture)
    for line in range(60, 740, 40):
        pen.line((50, line, 550, line), fill=(40, 40, 90), width=3)
    picture.save(path, "JPEG", quality=85)


# --- The canary session -----------------------------------------------------------------------


def canary_session(where: Path) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    from amanat.core.records import Role
    from amanat.gui.new_document import NewDocumentDialog
    from amanat.gui.tag_colours import TagColourDialog
    from tests.gui import test_first_day as day
    from tests.helpers.gui import FakeChooser

    canaries = Canaries(os.environ[CANARY_VARIABLE])
    bot = Bot()
    chooser = FakeChooser()
    words = dataclasses.replace(
        day.ENGLISH, archive_name="family", password=os.environ[PASSWORD_VARIABLE]
    )
    window = day._create_archive(
        bot,
        lambda: _window(None, chooser),
        chooser,
        words,
        where,
    )
    view = window.archive_view

    # A person, and a letter from them (Ctrl+N on their page).
    day._add_person(bot, window, canaries.person, Role.PRISONER)
    day._click_in_sidebar(bot, window, canaries.person)
    person_id = view.person.person_id
    assert person_id is not None
    bot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.new_documents.dialog
    assert isinstance(dialog, NewDocumentDialog) and dialog.isVisible()
    day._type(dialog.title, canaries.title)
    day._type(dialog.date.field, "March 2021")
    day._choose(bot, dialog.author, canaries.person)
    bot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    day._back_to(bot, window)

    # A photographed page whose file name holds a canary, dropped from the file manager.
    phone = where.parent / "phone"
    phone.mkdir(exist_ok=True)
    photograph = phone / canaries.file_name
    _picture(photograph)
    day._drop(
        view.document.pages, day._files([photograph]), QPoint(20, 20), Qt.DropAction.CopyAction
    )
    assert day._strip_order(view.document.page_strip) == [canaries.file_name]

    # Transcribed and saved with Ctrl+S.
    day._back_to(bot, window)
    [editor] = view.document.editors
    editor.body.setFocus()
    day._type(editor.body, canaries.transcription)
    bot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified

    # Its first word annotated (Ctrl+Shift+A).
    body = editor.body
    bot.keyClick(body, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(len("Dear")):
        bot.keyClick(body, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert body.textCursor().selectedText() == "Dear"
    bot.keyClick(
        body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    note = view.annotations.dialog
    assert note is not None and note.isVisible()
    day._type(note.comment, canaries.annotation)
    bot.mouseClick(day._ok(note), Qt.MouseButton.LeftButton)
    day._back_to(bot, window)
    assert view.document.annotations.model.rowCount() == 1

    # Tagged: a new tag typed, its colour dialog answered.
    answers = day._Answers()
    answers.expect(TagColourDialog, lambda d: bot.mouseClick(day._ok(d), Qt.MouseButton.LeftButton))
    tags = view.document.tags
    tags.field.setFocus()
    day._type(tags.field, canaries.tag)
    bot.keyClick(tags.field, Qt.Key.Key_Return)
    answers.check()
    day._back_to(bot, window)
    assert tags.paths == [canaries.tag]

    # The person's chronology exported beside the archive folder, then removed.
    exported = where / "chronology.pdf"

    class Chooser(FakeChooser):
        def new_file(self, parent: object, title: str, pattern: str, suggested: str) -> Path:
            return exported

    timeline = view.open_timeline(person_id)
    timeline.chooser = Chooser()
    timeline.export("pdf")
    assert exported.is_file(), timeline.status.text()
    exported.unlink()
    timeline.close()
    day._back_to(bot, window)

    # The transcription copied (Ctrl+A, Ctrl+C) onto the X clipboard, which the lock clears.
    editor.body.setFocus()
    bot.keyClick(editor.body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    bot.keyClick(editor.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    bot.waitUntil(lambda: QApplication.clipboard().text() == canaries.transcription)

    # Locked with Ctrl+L, then quit with Ctrl+Q.
    bot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    bot.waitUntil(lambda: canaries.word not in QApplication.clipboard().text())
    bot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


# --- Typing, then killed ----------------------------------------------------------------------


def typing_session(folder: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from amanat.gui.idle_save import IDLE_SECONDS
    from tests.gui import test_first_day as day
    from tests.helpers.gui import FakeChooser

    bot = Bot()
    window = _window(folder, FakeChooser())
    day._unlock(bot, window, os.environ[PASSWORD_VARIABLE])
    view = window.archive_view
    [title] = day._list_titles(window)
    day._click_in_list(bot, window, title)
    [editor] = view.document.editors
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    day._type(editor.body, os.environ[SAVED_VARIABLE])
    bot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified
    # Typed, then a pause: the idle save (gui/idle_save.py) keeps it, no key pressed.
    day._type(editor.body, os.environ[PAUSED_VARIABLE])
    assert editor.is_modified
    bot.waitUntil(lambda: not editor.is_modified, timeout=(IDLE_SECONDS + 5) * 1000)
    # Typed last, and killed before any pause.
    day._type(editor.body, os.environ[UNSAVED_VARIABLE])
    assert editor.is_modified


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
