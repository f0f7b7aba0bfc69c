"""The Persian interface, screen by screen: every visible word Persian, every number in
Persian digits, the window mirrored, and each field running in the direction of its own text.

The archive's own content is Persian too, so that anything Latin on screen is a string the
application forgot to translate (user data aside, by construction).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QFontDatabase, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    PersonStatus,
    Role,
    Tag,
    Text,
    TextKind,
)
from amanat.core.search import SearchHit
from amanat.core.storage import documents, events, people, tags, texts
from amanat.core.vault import Archive
from amanat.gui import labels
from amanat.gui.create_archive import CreateArchiveDialog, RecoveryCodeDialog
from amanat.gui.details_dialog import DocumentDetailsDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.i18n import PERSIAN_FONT, apply_language, shown_hit
from amanat.gui.main_window import MainWindow
from amanat.gui.models.sidebar import FILTER_ROLE
from amanat.gui.settings import Preferences, RememberedLocation, system_language
from amanat.gui.tag_colours import TagColourDialog
from amanat.gui.text_direction import direction_of
from amanat.gui.text_editor import TextEditor
from tests.helpers import scan_files as make
from tests.helpers.archives import PASSWORD

MakeWindow = Callable[[], MainWindow]

# What may stay Latin or ASCII in the Persian window: keyboard shortcuts, file patterns and
# formats named in sentences, the demo's password and public keys. Anything else Latin is
# an untranslated string, and any ASCII digit a number not written in Persian.
ALLOWED = re.compile(
    r"(?:(?:Ctrl|Shift|Alt)\+)+\S?|\b(?:Home|CSV)\b"  # keys
    r"|\*?\.[a-z]+\b|\(\*\)|keys\.json|archive\.db|NAME\.amanat|\bage1\S*"  # files, keys
    r"|\b(?:JPEG|PNG|TIFF|WebP|HEIC|GIF|PDF|demo|ps|he)\b"
    # A text's language is offered with its code, which is what one types for the others.
    r"|\([a-z]{2,3}\)"
    # The interface languages are named in themselves, so anyone can find their own.
    r"|^English$"
)
LATIN = re.compile(r"[A-Za-z]")
ASCII_DIGIT = re.compile(r"[0-9]")


@pytest.fixture(autouse=True)
def persian(qapp: QApplication) -> Iterator[None]:
    apply_language(qapp, Preferences.for_language("fa"))
    yield
    apply_language(qapp, Preferences())


@pytest.fixture
def preferences() -> Preferences:
    return Preferences.for_language("fa")


@pytest.fixture
def persian_folder(archive_folder: Path) -> Path:
    """An archive whose every record is Persian: a prisoner, her mother, a tag, letters
    with dates and a transcription."""
    with Archive.open(archive_folder, PASSWORD) as archive:
        db = archive.db
        narges = people.add(
            db,
            Person(
                "نرگس",
                name_fa="نرگس محمدی",
                roles=(Role.PRISONER,),
                status=PersonStatus.DETAINED,
                birth_year=1972,
                notes="در بند زنان اوین",
            ),
        )
        mother = people.add(db, Person("مادر", roles=(Role.RELATIVE,)))
        solitary = tags.add(db, Tag("انفرادی", colour="#3355aa"))
        events.add(
            db,
            Event(narges.id, EventType.ARREST, FuzzyDate.of_day(1400, 8, 25, Calendar.JALALI)),
        )
        events.add(
            db,
            Event(
                narges.id,
                EventType.SOLITARY,
                FuzzyDate.of_month(1400, 9, Calendar.JALALI),
                FuzzyDate.of_month(1400, 11, Calendar.JALALI),
                place="اوین، بند ۲۰۹",
                description="بدون ملاقات",
            ),
        )
        for n in range(12):
            document = documents.add(
                db,
                Document(
                    kind=DocumentKind.TESTIMONY if n % 4 == 0 else DocumentKind.LETTER,
                    title=f"نامهٔ شمارهٔ {'۰۱۲۳۴۵۶۷۸۹'[n % 10]}",
                    date=FuzzyDate.of_month(1390 + n, 1 + n % 12, Calendar.JALALI),
                    author_id=narges.id,
                    recipient_ids=(mother.id,),
                    concerned_ids=(narges.id,),
                    tag_ids=(solitary.id,) if n % 2 else (),
                ),
            )
            texts.add(
                db,
                Text(document.id, TextKind.TRANSCRIPTION, "fa", "مادر عزیزم، سلام. نامه‌ات رسید."),
            )
        thrown = documents.add(db, Document(DocumentKind.NOTE, "یادداشت دورریختنی"))
        documents.move_to_trash(db, thrown.id)
    return archive_folder


# --- Walking the widget tree ----------------------------------------------------------------


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model has one column; Qt keeps its columnCount private.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(
    model: QAbstractItemModel, parent: QModelIndex, budget: list[int]
) -> Iterator[str]:
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and not isinstance(model, QAbstractListModel) and model.rowCount(index):
                yield from _model_texts(model, index, budget)


def _action_texts(actions: Iterable[QAction]) -> Iterator[tuple[str, str]]:
    for action in actions:
        if not action.isVisible() or action.isSeparator():
            continue
        yield "action", action.text()
        yield "action tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _action_texts(menu.actions())


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can see in ``root``: labels, buttons, titles,
    tooltips, placeholders, menus and toolbars, combo box items, column headers and cells."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        name = type(widget).__name__
        if widget.isWindow():
            # An open archive's window is titled with its folder's name, as the user wrote it.
            opened = isinstance(widget, MainWindow) and widget.is_unlocked
            yield f"{name} title", "" if opened else widget.windowTitle()
        yield f"{name} tooltip", _plain(widget.toolTip())
        yield from ((f"{name} {kind}", text) for kind, text in _action_texts(widget.actions()))
        if isinstance(widget, QLabel):
            yield name, _plain(widget.text())
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
            yield name, widget.text()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield f"{name} placeholder", widget.placeholderText()
            yield name, widget.toPlainText()
        elif isinstance(widget, QComboBox):
            yield from ((name, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QAbstractSpinBox):
            yield name, widget.text()
            yield f"{name} special value", widget.specialValueText()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QTabBar):
            yield from ((name, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(_columns(model, QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield f"{name} header", header
            yield from ((f"{name} cell", t) for t in _model_texts(model, QModelIndex(), [400]))


def not_persian(root: QWidget) -> list[str]:
    """What ``root`` shows in English or with ASCII digits."""
    found = []
    for where, text in shown_texts(root):
        rest = ALLOWED.sub("", text)
        if LATIN.search(rest) or ASCII_DIGIT.search(rest):
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _check(root: QWidget, screen: str) -> None:
    _settle()
    assert root.isVisible(), screen
    assert root.layoutDirection() == Qt.LayoutDirection.RightToLeft, screen
    found = not_persian(root)
    assert found == [], "\n".join([screen, *found])


# --- The screens -------------------------------------------------------------------------


def test_the_walk_finds_english_where_there_is_some(qtbot: QtBot) -> None:
    # The check itself must be able to fail: an untranslated label, an ASCII count and an
    # English tooltip are each caught; a shortcut and Persian text are not.
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel("Save", widget)
    count = QLabel("سندها: 12", widget)
    fine = QLabel("ذخیره (Ctrl+S)", widget)
    fine.setToolTip("Lock the archive")
    widget.show()
    assert not_persian(widget) == [
        "QLabel tooltip: 'Lock the archive'",
        "QLabel: 'Save'",
        "QLabel: 'سندها: 12'",
    ]
    label.hide(), count.hide()
    fine.setToolTip("قفل کردن بایگانی")
    assert not_persian(widget) == []


def test_the_start_screens_are_all_persian(
    qtbot: QtBot, make_window: MakeWindow, persian_folder: Path
) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    _check(window, "welcome")
    creating = CreateArchiveDialog(FileChooser(), Path.home(), window)
    qtbot.addWidget(creating)
    creating.password.setText("گل سرخ")
    creating.show()
    _check_except(creating, "create an archive", str(Path.home()))
    creating.close()
    recovery = RecoveryCodeDialog("7K2M-QX9P-4TRA-ZD8E")
    qtbot.addWidget(recovery)
    recovery.show()
    # The code itself is Latin by design: it is what the user writes down.
    _check_except(recovery, "recovery code", "7K2M-QX9P-4TRA-ZD8E")
    recovery.close()
    window.show_unlock(persian_folder)
    where = (str(persian_folder), str(persian_folder.parent), persian_folder.name)
    _check_except(window, "unlock", *where)
    window.unlock("رمز نادرست")
    _check_except(window, "unlock, wrong password", *where)


def _check_except(root: QWidget, screen: str, *user_data: str) -> None:
    """As _check, with texts that are the user's own (a folder's name, a code) left out."""
    _settle()
    assert root.layoutDirection() == Qt.LayoutDirection.RightToLeft, screen
    found = []
    for where, text in shown_texts(root):
        for data in user_data:
            text = text.replace(data, "")
        rest = ALLOWED.sub("", text)
        if LATIN.search(rest) or ASCII_DIGIT.search(rest):
            found.append(f"{where}: {text!r}")
    found = sorted(set(found))
    assert found == [], "\n".join([screen, *found])


def test_the_archive_screens_are_all_persian(
    qtbot: QtBot, make_window: MakeWindow, persian_folder: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.show_unlock(persian_folder)
    window.unlock(PASSWORD)
    assert window.is_unlocked
    view = window.archive_view
    view.select_document(view.documents.document_id(0))
    _check(window, "main window with a document")

    content = view.sidebar_content
    assert content is not None and content.prisoners
    view.show_person(content.prisoners[0].id)
    _check(window, "a prisoner's card")

    view.search_field.setText("نامه")
    view.search.search_now()
    assert view.search.model.rowCount() > 0
    _check(window, "search results")
    view.search_field.setText("اوین")  # the solitary confinement there, an event
    view.search.search_now()
    assert any(hit.record_type == "event" for hit in view.search.model._hits)
    _check(window, "search results with an event")
    view.search_field.clear()

    details = view.edit_details()
    assert details is not None
    details.date.field.setText("۱۴ مرداد ۱۴۰۳")
    _check(details, "document details")
    details.date.field.setText("۱۴۰۱/۱۲/۳۰")
    _check(details, "document details with a date that does not exist")
    details.reject()

    settings = window.open_settings()
    assert settings is not None
    _check(settings, "settings")
    settings.reject()

    colour = TagColourDialog("انفرادی", None, window)
    qtbot.addWidget(colour)
    colour.show()
    _check(colour, "colour of a tag")
    colour.close()

    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "۱.png").write_bytes(make.png())
    (folder / "۲.jpg").write_bytes(make.jpeg())
    importing = window.import_paths(sorted(folder.iterdir()))
    assert importing is not None
    importing.one_letter.setChecked(True)
    importing.title.setText("نامهٔ تازه")
    _check_except(importing, "import, before", "۱.png", "۲.jpg")
    importing.start()
    _check_except(importing, "import, the summary", "۱.png", "۲.jpg")
    importing.accept()

    # The imported letter has pages: the page viewer's counter is shown too.
    view.refresh()
    _check(window, "main window after an import")

    model = view.sidebar_model
    trash = next(
        model.index(row, 0)
        for row in range(model.rowCount())
        if (chosen := model.index(row, 0).data(FILTER_ROLE)) is not None and chosen.in_trash
    )
    assert trash.data() == "سطل زباله (۱)"
    view.sidebar.setCurrentIndex(trash)
    assert view.trash_bar.isVisible()
    _check(window, "the trash")


def test_the_timeline_annotation_and_bundle_screens_are_all_persian(
    qtbot: QtBot, make_window: MakeWindow, persian_folder: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.show_unlock(persian_folder)
    window.unlock(PASSWORD)
    view = window.archive_view
    content = view.sidebar_content
    assert content is not None and content.prisoners
    prisoner = content.prisoners[0].id

    timeline = view.open_timeline(prisoner)
    _check(timeline, "timeline")
    # The lanes' names are painted, not widgets: the documents' lane, the places.
    lanes = [name for name in timeline.canvas.lanes if LATIN.search(ALLOWED.sub("", name))]
    assert lanes == []
    assert "سندها" in timeline.canvas.lanes
    editor = timeline.new_event()
    assert editor is not None
    _check(editor, "new event")
    editor.reject()
    timeline.close()

    view.select_document(view.documents.document_id(0))
    editor = view.document.texts.currentWidget()
    assert isinstance(editor, TextEditor)
    cursor = editor.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    cursor.movePosition(cursor.MoveOperation.EndOfWord, cursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)
    editor.annotate_action.trigger()
    annotating = view.annotations.dialog
    assert annotating is not None
    _check(annotating, "annotate a passage")
    annotating.reject()

    listed = view.annotations.open_list()
    _check(listed, "annotations of the archive")
    listed.close()

    keys = window.bundles.open_keys()
    assert keys is not None
    # The keys and their fingerprint are what the user reads out and compares, as they are.
    _check_except(keys, "my keys", *_key_texts(keys))
    keys.reject()
    contacts = window.bundles.open_contacts()
    assert contacts is not None
    _check(contacts, "contacts")
    contacts.reject()

    view.show_person(prisoner)
    exporting = window.bundles.open_export()
    assert exporting is not None
    # The passphrase is a code to read out and type as it is, in the digits age expects.
    _check_except(exporting, "export, what to send", exporting.passphrase_text)
    exporting.next()
    _check_except(exporting, "export, what will leave", exporting.passphrase_text)
    exporting.reject()
    importing = window.bundles.open_import()
    assert importing is not None
    _check(importing, "import a bundle")
    importing.reject()


def _key_texts(root: QWidget) -> list[str]:
    return [
        field.text()
        for field in root.findChildren(QLineEdit) + root.findChildren(QLabel)
        if field.layoutDirection() == Qt.LayoutDirection.LeftToRight and field.text()
    ]


# --- Font, locale, direction -------------------------------------------------------------


def test_the_persian_interface_uses_the_bundled_font_and_persian_numbers(
    qapp: QApplication,
) -> None:
    assert PERSIAN_FONT in QFontDatabase.families()
    assert qapp.font().families()[0] == PERSIAN_FONT
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().toString(1403) == "۱٬۴۰۳"
    apply_language(qapp, Preferences())
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # In English the system's font comes first and Vazirmatn stands by for Persian letters.
    assert qapp.font().families()[-1] == PERSIAN_FONT
    assert QLocale().toString(1403) == "1,403"


def _runs_left_to_right(field: QLineEdit) -> bool:
    """Whether the text's first character is drawn left of its last one."""
    field.setCursorPosition(0)
    first = field.cursorRect().x()
    field.setCursorPosition(len(field.text()))
    return field.cursorRect().x() > first


def test_the_language_follows_the_computer_until_the_user_chooses_one(
    location: RememberedLocation,
) -> None:
    assert location.language() is None
    assert system_language(QLocale(QLocale.Language.Persian, QLocale.Country.Iran)) == "fa"
    assert system_language(QLocale(QLocale.Language.Persian, QLocale.Country.Afghanistan)) == "fa"
    assert system_language(QLocale(QLocale.Language.German)) == "en"
    # Persian brings the Solar Hijri calendar with it; either can be changed in Settings.
    assert Preferences.for_language("fa").calendar is Calendar.JALALI
    assert Preferences.for_language("en").calendar is Calendar.GREGORIAN
    location.set_language("en")
    assert location.language() == "en"


def test_counts_pages_and_years_are_written_in_persian_digits() -> None:
    assert labels.number(1403) == "۱۴۰۳"  # a year: no thousands separator
    assert labels.fill("صفحهٔ %1 از %2", "3", "12") == "صفحهٔ ۳ از ۱۲"
    # A value that is not a bare number is the user's own text and is shown as written.
    assert labels.fill("«%1»", "Letter 7") == "«Letter 7»"


def test_an_event_found_by_search_is_named_in_the_users_words() -> None:
    found = SearchHit("event", "e1", None, "p1", "hunger-strike اوین، بند ۲۰۹", "", -1.0)
    assert shown_hit(found).title == "اعتصاب غذا اوین، بند ۲۰۹"
    assert shown_hit(replace(found, title="arrest")).title == "بازداشت"
    document = replace(found, record_type="document", title="arrest of the year")
    assert shown_hit(document) == document  # only an event's title starts with its type


def test_qt_own_dialogs_and_buttons_speak_persian_too() -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "انصراف"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"


@pytest.mark.parametrize("language", ["fa", "en"])
def test_each_field_runs_in_the_direction_of_its_own_text_whatever_the_window(
    qtbot: QtBot, qapp: QApplication, language: str
) -> None:
    preferences = Preferences.for_language(language)
    apply_language(qapp, preferences)
    narges = Person("Narges Mohammadi", roles=(Role.PRISONER,))
    dialog = DocumentDetailsDialog(
        Document(DocumentKind.LETTER, "Letter to Narges Mohammadi", author_id=narges.id),
        [narges],
        preferences,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _settle()
    window_direction = dialog.layoutDirection()
    assert window_direction == (
        Qt.LayoutDirection.RightToLeft if language == "fa" else Qt.LayoutDirection.LeftToRight
    )
    assert _runs_left_to_right(dialog.title)  # an English title, even in a Persian window
    dialog.title.setText("نامه به نرگس محمدی")
    assert not _runs_left_to_right(dialog.title)  # a Persian one, even in an English window
    dialog.received_from.setText("Reza (her brother) و مادرش")
    assert _runs_left_to_right(dialog.received_from)  # the first strong letter decides
    # A name in a list keeps its own direction, marked as an isolate, so that its brackets
    # and quotes stay where they belong in a line of the other direction.
    shown = dialog.author.itemText(dialog.author.findData(narges.id))
    assert shown == "\u2066Narges Mohammadi\u2069"


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Narges Mohammadi", Qt.LayoutDirection.LeftToRight),
        ("نرگس محمدی", Qt.LayoutDirection.RightToLeft),
        ("«Narges» نرگس", Qt.LayoutDirection.LeftToRight),
        ("۱۴۰۱ مهر", Qt.LayoutDirection.RightToLeft),
    ],
)
def test_a_text_takes_the_direction_of_its_first_strong_letter(
    text: str, direction: Qt.LayoutDirection
) -> None:
    assert direction_of(text) == direction
