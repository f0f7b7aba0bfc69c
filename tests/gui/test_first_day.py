"""A family's first day and a lawyer's, on a new, empty archive, driven only through the
window's widgets: clicks, keys, typed text and files dropped from the file manager. Nothing is
set up or checked through the core: what the test knows of the archive is what the window
shows (the sidebar, the list, the page strip, the text editor, the search results). Both days
run in English and again in the Persian interface, typing Persian names and texts.

The create-archive, recovery-code and tag-colour dialogs are the real ones, answered through
their widgets while they wait for an answer (they are modal: ``_Answers``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from amanat.core.records import Audience, PersonStatus, Role
from amanat.gui import labels
from amanat.gui.create_archive import CreateArchiveDialog, RecoveryCodeDialog
from amanat.gui.i18n import apply_language
from amanat.gui.main_window import ArchiveDialogs, MainWindow
from amanat.gui.new_document import NewDocumentDialog
from amanat.gui.page_strip import PageStrip
from amanat.gui.people.person_dialog import PersonDialog
from amanat.gui.search_panel import DEBOUNCE_MS
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.tag_colours import TagColourDialog
from amanat.gui.text_editor import TextEditor
from tests.gui.test_persian_interface import _check_except
from tests.helpers.archives import PASSWORD
from tests.helpers.gui import FakeChooser, FakeDialogs

MakeWindow = Callable[[], MainWindow]
D = TypeVar("D", bound=QDialog)

PERSIAN_SCRIPT = re.compile(r"^[\u0600-\u06ff\u200c\s]+$")
ISOLATES = "\u2066\u2067\u2068\u2069"


@dataclass(frozen=True)
class Words:
    """What the user types on the day, in the interface's language."""

    language: str
    archive_name: str
    password: str
    prisoner: str
    prisoner_other_script: str
    mother: str
    title: str
    date: str
    transcription: str
    word: str
    tag: str
    witness: str
    testimony_title: str
    testimony: str
    passage: str
    comment: str
    testimony_word: str


ENGLISH = Words(
    language="en",
    archive_name="Sara's letters",
    password="plum river ostrich lantern velvet",
    prisoner="Sara Example",
    prisoner_other_script="سارا نمونه",
    mother="Maryam Example",
    title="Letter from Evin",
    date="March 2021",
    transcription="Dear mother, the visit was short but I am well.",
    word="visit",
    tag="family/mother",
    witness="Reza Witness",
    testimony_title="Testimony of a cellmate",
    testimony="He was kept in Ward 209 for forty days and saw no doctor.",
    passage="forty days",
    comment="The length of the solitary confinement.",
    testimony_word="doctor",
)
PERSIAN = Words(
    language="fa",
    archive_name="نامه‌های سارا",
    password="انار کوهستان دریاچه فانوس مخمل",
    prisoner="سارا نمونه",
    prisoner_other_script="Sara Nemouneh",
    mother="مریم نمونه",
    title="نامه از اوین",
    date="مهر ۱۴۰۱",
    transcription="مادر عزیزم، ملاقات کوتاه بود ولی حالم خوب است.",
    word="ملاقات",
    tag="خانواده/مادر",
    witness="رضا شاهد",
    testimony_title="شهادت هم‌بندی",
    testimony="او را چهل روز در بند ۲۰۹ نگه داشتند و پزشک ندید.",
    passage="چهل روز",
    comment="مدت انفرادی.",
    testimony_word="پزشک",
)


class RealDialogs(FakeDialogs):
    """The start flow's real dialogs and the real tag-colour dialog; the test answers them
    through their widgets (``_Answers``)."""

    new_archive = ArchiveDialogs.new_archive
    recovery_code = ArchiveDialogs.recovery_code
    tag_colour = ArchiveDialogs.tag_colour


@pytest.fixture
def dialogs() -> FakeDialogs:
    return RealDialogs()


@pytest.fixture(params=[ENGLISH, PERSIAN], ids=["english", "persian"])
def words(
    request: pytest.FixtureRequest, qapp: QApplication, preferences: Preferences
) -> Iterator[Words]:
    chosen: Words = request.param
    if chosen.language == "fa":
        persian = Preferences.for_language("fa")
        preferences.language, preferences.calendar = persian.language, persian.calendar
        apply_language(qapp, preferences)
    try:
        yield chosen
    finally:
        apply_language(qapp, Preferences())


# --- Driving the widgets -------------------------------------------------------------------


def _type(widget: QWidget, text: str) -> None:
    """Key events carrying each character, as a keyboard layout of any script sends them
    (QTest's keyClicks knows only Latin-1)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character),
            )


def _retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Select what the field holds and type ``text`` over it."""
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    _type(field, text)


def _shown(text: str) -> str:
    """``text`` without the marks that isolate a name's direction."""
    return text.strip(ISOLATES)


def _choose(qtbot: QtBot, combo: QComboBox, shown: str) -> None:
    """Choose the entry reading ``shown`` with the arrow keys, as on a closed combo box."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if _shown(combo.currentText()) == shown:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(
        f"{shown!r} is not among {[combo.itemText(n) for n in range(combo.count())]}"
    )


def _tick(qtbot: QtBot, people: QListWidget, name: str) -> None:
    """Click a person in a list of tick boxes and tick them with the space bar."""
    [item] = [
        people.item(n) for n in range(people.count()) if _shown(people.item(n).text()) == name
    ]
    cell = people.visualItemRect(item).center()
    qtbot.mouseClick(people.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(people, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def _ticked(people: QListWidget) -> list[str]:
    items = [people.item(n) for n in range(people.count())]
    return [_shown(i.text()) for i in items if i.checkState() == Qt.CheckState.Checked]


def _ok(dialog: QDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


class _Answers:
    """Modal dialogs to answer through their widgets once each waits for its answer (its
    ``exec()`` runs its own event loop, so the answer comes from a timer in that loop)."""

    def __init__(self) -> None:
        self.problems: list[BaseException] = []
        self.waiting: list[str] = []
        self._over = False

    def expect(self, kind: type[D], answer: Callable[[D], None]) -> None:
        """Answer the next dialog of ``kind``. A failure in ``answer`` closes the dialog, so
        that it cannot leave the test waiting forever, and is raised by ``check``."""
        self.waiting.append(kind.__name__)

        def look() -> None:
            if self._over:
                return
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind):
                QTimer.singleShot(10, look)
                return
            self.waiting.remove(kind.__name__)
            try:
                answer(dialog)
            except BaseException as problem:  # handed to the test to raise
                self.problems.append(problem)
                dialog.done(QDialog.DialogCode.Rejected)

        QTimer.singleShot(0, look)

    def check(self) -> None:
        """Every dialog expected was shown and answered; nothing is looked for any more."""
        self._over = True
        if self.problems:
            raise self.problems[0]
        assert self.waiting == [], f"never shown: {self.waiting}"


def _back_to(qtbot: QtBot, window: MainWindow) -> None:
    # The offscreen platform does not give the window back its activation when a modal
    # dialog closes, as a desktop does; window shortcuts (Ctrl+N, Ctrl+L) need it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _sidebar_entries(
    window: MainWindow, parent: QModelIndex | None = None
) -> Iterator[QModelIndex]:
    model = window.archive_view.sidebar_model
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _sidebar_entries(window, index)


def _sidebar_labels(window: MainWindow) -> list[str]:
    return [_shown(str(index.data())) for index in _sidebar_entries(window)]


def _click_in_sidebar(qtbot: QtBot, window: MainWindow, label: str) -> None:
    view = window.archive_view
    [entry] = [i for i in _sidebar_entries(window) if _shown(str(i.data())) == label]
    view.sidebar.scrollTo(entry)
    cell = view.sidebar.visualRect(entry).center()
    qtbot.mouseClick(view.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def _list_titles(window: MainWindow) -> list[str]:
    model = window.archive_view.documents
    column = _title_column(window)
    return [_shown(str(model.index(row, column).data())) for row in range(model.rowCount())]


def _title_column(window: MainWindow) -> int:
    model = window.archive_view.documents
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    return headers.index(QApplication.translate("DocumentListModel", "Title"))


def _click_in_list(qtbot: QtBot, window: MainWindow, title: str) -> None:
    view = window.archive_view
    row = _list_titles(window).index(title)
    index = view.documents.index(row, _title_column(window))
    view.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center()
    )


def _file_menu_action(window: MainWindow, name: str) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    [action] = [a for a in file_menu.actions() if a.objectName() == name]
    return action


def _typing_into(window: MainWindow) -> TextEditor:
    focused = QApplication.focusWidget()
    for editor in window.archive_view.document.editors:
        if focused is editor.body:
            return editor
    raise AssertionError(f"no text editor has the keyboard, {focused!r} has")


def _details(window: MainWindow) -> dict[str, str]:
    """The details under the document as the window shows them, label to value."""
    form = window.archive_view.document.form
    shown: dict[str, str] = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole)
        value = form.itemAt(row, form.ItemRole.FieldRole)
        if label is None or value is None:
            continue
        label_widget, value_widget = label.widget(), value.widget()
        if isinstance(label_widget, QLabel) and isinstance(value_widget, QLabel):
            shown[label_widget.text()] = value_widget.text()
    return shown


def _search(qtbot: QtBot, window: MainWindow, word: str) -> list[str]:
    """Type ``word`` into the search field; the titles of the results shown."""
    view = window.archive_view
    view.search_field.setFocus()
    view.search_field.clear()
    with qtbot.waitSignal(view.search.searched, timeout=DEBOUNCE_MS * 10):
        _type(view.search_field, word)
    assert view.list_or_results.currentWidget() is view.search
    model = view.search.model
    return [str(model.index(r, 0).data()).split("\n")[0] for r in range(model.rowCount())]


def _files(paths: list[Path]) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def _drop(target: QWidget, data: QMimeData, at: QPoint, action: Qt.DropAction) -> None:
    """A drag entering ``target`` and dropped there, as the file manager or the strip does."""
    enter = QDragEnterEvent(
        at, action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        at.toPointF(), action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def _strip_order(strip: PageStrip) -> list[str]:
    """The file names of the pages in the strip, in its order (from each page's tooltip)."""
    return [
        str(strip.model.index(n).data(Qt.ItemDataRole.ToolTipRole)).rsplit(" · ", 1)[-1]
        for n in range(strip.model.rowCount())
    ]


def _photographs(folder: Path) -> list[Path]:
    """Two photographed pages, made here: a page and the back of it, told apart by size."""
    folder.mkdir()
    made = []
    for name, size in (("page-1.jpg", (600, 800)), ("page-2.jpg", (640, 820))):
        picture = Image.new("RGB", size, (246, 240, 226))
        pen = ImageDraw.Draw(picture)
        for line in range(60, size[1] - 60, 40):
            pen.line((50, line, size[0] - 50, line), fill=(40, 40, 90), width=3)
        picture.save(folder / name, "JPEG", quality=85)
        made.append(folder / name)
    return made


# --- Steps of both days --------------------------------------------------------------------


def _create_archive(
    qtbot: QtBot, make_window: MakeWindow, chooser: FakeChooser, words: Words, where: Path
) -> MainWindow:
    """The welcome screen's Create: a name, a place (the folder chooser's answer), the
    password typed twice; then the recovery code, confirmed as written down."""
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    chooser.answer = where
    codes: list[str] = []

    def fill(dialog: CreateArchiveDialog) -> None:
        _retype(qtbot, dialog.name, words.archive_name)
        [choose] = [
            b for b in dialog.findChildren(QPushButton) if not dialog.buttons.isAncestorOf(b)
        ]
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
        assert dialog.place.text() == str(where)
        _type(dialog.password, words.password)
        assert not dialog.create_button.isEnabled()  # not yet typed twice
        _type(dialog.repeat, words.password)
        assert dialog.create_button.isEnabled()
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    def write_down(dialog: RecoveryCodeDialog) -> None:
        codes.append(dialog.code.text())
        assert not dialog.continue_button.isEnabled()
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)

    answers = _Answers()
    answers.expect(CreateArchiveDialog, fill)
    answers.expect(RecoveryCodeDialog, write_down)
    qtbot.mouseClick(window.welcome.create_button, Qt.MouseButton.LeftButton)
    answers.check()
    assert len(codes) == 1 and len(codes[0]) > 30
    assert window.is_unlocked
    assert window.windowTitle() == words.archive_name  # the folder's name, nothing inside
    assert window.archive_view.documents.rowCount() == 0
    _back_to(qtbot, window)
    return window


def _add_person(
    qtbot: QtBot,
    window: MainWindow,
    name: str,
    role: Role,
    status: PersonStatus | None = None,
    other_script: str = "",
) -> None:
    """New Person… (Ctrl+Shift+N): the name typed, a role ticked, a status chosen, Save."""
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.archive_view.people.person_dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    _type(dialog.display_name, name)
    if other_script:
        field = dialog.name_latin if PERSIAN_SCRIPT.match(name) else dialog.name_fa
        _type(field, other_script)
    qtbot.keyClick(dialog.roles[role], Qt.Key.Key_Space)
    if status is not None:
        _choose(qtbot, dialog.status, labels.label(status))
    assert dialog.save_button.isEnabled(), dialog.problem.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.archive_view.people.person_dialog is None
    _back_to(qtbot, window)


def _unlock(qtbot: QtBot, window: MainWindow, password: str) -> None:
    assert window.stack.currentWidget() is window.unlock_page
    field = window.unlock_page.password
    field.setFocus()
    _type(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.is_unlocked
    _back_to(qtbot, window)


# --- A family's first day ------------------------------------------------------------------


def test_a_familys_first_day_in_the_window(
    qtbot: QtBot,
    words: Words,
    make_window: MakeWindow,
    chooser: FakeChooser,
    tmp_path: Path,
) -> None:
    (tmp_path / "archives").mkdir()
    window = _create_archive(qtbot, make_window, chooser, words, tmp_path / "archives")
    view = window.archive_view

    # The prisoner and her mother.
    _add_person(
        qtbot,
        window,
        words.prisoner,
        Role.PRISONER,
        PersonStatus.DETAINED,
        words.prisoner_other_script,
    )
    _add_person(qtbot, window, words.mother, Role.RELATIVE)
    shown = _sidebar_labels(window)
    assert words.prisoner in shown and words.mother in shown
    if words.language == "fa":
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert words.prisoner_other_script not in shown
        assert PERSIAN_SCRIPT.match(words.prisoner) and PERSIAN_SCRIPT.match(words.mother)

    # A new letter (Ctrl+N) on the prisoner's page: from her, to her mother.
    _click_in_sidebar(qtbot, window, words.prisoner)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.new_documents.dialog
    assert isinstance(dialog, NewDocumentDialog) and dialog.isVisible()
    _type(dialog.title, words.title)
    _type(dialog.date.field, words.date)
    _choose(qtbot, dialog.author, words.prisoner)
    _tick(qtbot, dialog.recipients, words.mother)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _back_to(qtbot, window)
    assert _list_titles(window) == [words.title]
    assert _shown(view.document.title.text()) == words.title

    # Two photographed pages dropped from the file manager on the page viewer.
    pictures = _photographs(tmp_path / "phone")
    _drop(view.document.pages, _files(pictures), QPoint(20, 20), Qt.DropAction.CopyAction)
    strip = view.document.page_strip
    assert _strip_order(strip) == ["page-1.jpg", "page-2.jpg"]
    assert window.import_dialog is None  # pages of this letter, not new documents

    # Transcribed: typed into the text the new letter opened with, saved with Ctrl+S.
    _back_to(qtbot, window)
    [editor] = view.document.editors
    editor.body.setFocus()
    _type(editor.body, words.transcription)
    assert editor.is_modified
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified

    # The back of the letter was photographed first: the second page dragged in front of
    # the first, on the half of it that is read first (the right half in Persian).
    data = strip.model.mimeData([strip.model.index(1)])
    first = strip.view.visualRect(strip.model.index(0))
    x = first.right() - 2 if strip.view.isRightToLeft() else first.left() + 2
    _drop(strip.view.viewport(), data, QPoint(x, first.center().y()), Qt.DropAction.MoveAction)
    assert _strip_order(strip) == ["page-2.jpg", "page-1.jpg"]

    # Tagged: a new tag typed, its colour chosen in its dialog.
    def first_colour(colour_dialog: TagColourDialog) -> None:
        qtbot.mouseClick(_ok(colour_dialog), Qt.MouseButton.LeftButton)

    answers = _Answers()
    answers.expect(TagColourDialog, first_colour)
    tags = view.document.tags
    tags.field.setFocus()
    _type(tags.field, words.tag)
    qtbot.keyClick(tags.field, Qt.Key.Key_Return)
    answers.check()
    _back_to(qtbot, window)
    assert tags.paths == [words.tag]
    assert words.tag.split("/")[-1] in _sidebar_labels(window)

    # Found by a word of its transcription.
    assert _search(qtbot, window, words.word) == [words.title]

    # Locked with Ctrl+L, unlocked with the password typed.
    qtbot.keyClick(view.search_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    assert view.documents.rowCount() == 0 and not view.document.editors
    _unlock(qtbot, window, words.password)

    # The letter, its text, its pages' order, its tag and its people are all there.
    view.search_field.clear()
    assert _list_titles(window) == [words.title]
    _click_in_list(qtbot, window, words.title)
    assert _shown(view.document.title.text()) == words.title
    assert [e.body.toPlainText() for e in view.document.editors] == [words.transcription]
    assert _strip_order(view.document.page_strip) == ["page-2.jpg", "page-1.jpg"]
    assert view.document.tags.paths == [words.tag]
    details = _details(window)
    from_label = QApplication.translate("DocumentView", "From:")
    to_label = QApplication.translate("DocumentView", "To:")
    assert _shown(details[from_label]) == words.prisoner
    assert _shown(details[to_label]) == words.mother
    assert words.date in details[QApplication.translate("DocumentView", "Date:")]
    _click_in_sidebar(qtbot, window, words.mother)
    assert _list_titles(window) == [words.title]
    if words.language == "fa":
        # Everything the window shows is Persian but what the family typed in Latin letters
        # (the prisoner's name in Latin script, one hover away) and the pages' file names.
        _check_except(
            window,
            "a family's first day",
            words.prisoner_other_script,
            *_strip_order(view.document.page_strip),
        )


# --- A lawyer's first day ------------------------------------------------------------------


def test_a_lawyers_first_day_in_the_window(
    qtbot: QtBot,
    words: Words,
    make_window: MakeWindow,
    location: RememberedLocation,
    archive_folder: Path,
) -> None:
    # The lawyer's archive is new and empty; its password was given to them.
    location.remember(archive_folder)
    window = make_window()
    _unlock(qtbot, window, PASSWORD)
    view = window.archive_view
    assert view.documents.rowCount() == 0

    # The witness, a person with the role of witness.
    _add_person(qtbot, window, words.witness, Role.WITNESS)
    assert words.witness in _sidebar_labels(window)

    # A new testimony from the File menu: typed, from the witness, for advocates, anonymised.
    _file_menu_action(window, "new-testimony").trigger()
    dialog = window.new_documents.dialog
    assert isinstance(dialog, NewDocumentDialog) and dialog.isVisible()
    assert dialog.consent.isVisible()
    assert _shown(dialog.audience.currentText()) == labels.label(Audience.PRIVATE)
    _type(dialog.title, words.testimony_title)
    _choose(qtbot, dialog.author, words.witness)
    # Written from the witness's page (where adding them left the window), it is about them.
    assert _ticked(dialog.concerned) == [words.witness]
    _choose(qtbot, dialog.audience, labels.label(Audience.ADVOCATES))
    qtbot.keyClick(dialog.anonymise, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _back_to(qtbot, window)
    editor = view.document.editors[0]
    editor.body.setFocus()
    _type(editor.body, words.testimony)
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_modified

    details = _details(window)
    consent = details[QApplication.translate("DocumentView", "Consent:")]
    assert labels.label(Audience.ADVOCATES) in consent
    assert QApplication.translate("DocumentView", "the witness must be anonymised") in consent
    assert _shown(details[QApplication.translate("DocumentView", "From:")]) == words.witness

    # A passage chosen with the keyboard and annotated (Ctrl+Shift+A).
    body = editor.body
    right_to_left = body.document().firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    onward = Qt.Key.Key_Left if right_to_left else Qt.Key.Key_Right
    qtbot.keyClick(body, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(words.testimony.index(words.passage)):
        qtbot.keyClick(body, onward)
    for _ in range(len(words.passage)):
        qtbot.keyClick(body, onward, Qt.KeyboardModifier.ShiftModifier)
    assert body.textCursor().selectedText() == words.passage
    qtbot.keyClick(
        body,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    note = view.annotations.dialog
    assert note is not None and note.isVisible()
    _type(note.comment, words.comment)
    qtbot.mouseClick(_ok(note), Qt.MouseButton.LeftButton)
    _back_to(qtbot, window)
    panel = view.document.annotations
    assert panel.model.rowCount() == 1
    assert str(panel.model.index(0, 0).data()).strip("“”«»") == words.passage
    assert panel.model.index(0, 1).data() == words.comment
    assert [h.start for h in editor.highlights] == [words.testimony.index(words.passage)]

    # Found by search, by a word of what the witness said.
    assert _search(qtbot, window, words.testimony_word) == [words.testimony_title]

    # And still so after a lock.
    qtbot.keyClick(view.search_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked
    _unlock(qtbot, window, PASSWORD)
    view.search_field.clear()
    _click_in_list(qtbot, window, words.testimony_title)
    assert [e.body.toPlainText() for e in view.document.editors] == [words.testimony]
    assert view.document.annotations.model.rowCount() == 1
    consent = _details(window)[QApplication.translate("DocumentView", "Consent:")]
    assert labels.label(Audience.ADVOCATES) in consent
    if words.language == "fa":
        _check_except(window, "a lawyer's first day")
