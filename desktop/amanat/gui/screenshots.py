"""``python -m amanat.gui.screenshots OUTDIR``: pictures of the main screens on the demo
archive, in English and in Persian (right to left), for reviewers and the documentation, at
the size of the commonest old laptop's screen (1366×768).

The demo archive is built in a temporary folder and removed afterwards; it is encrypted like
any archive, and its content is invented. Nothing decrypted is ever written: the pictures are
of invented letters only.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, TiffImagePlugin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from amanat.core.demo import DEMO_PASSWORD, build_demo
from amanat.core.keyslots import FLOOR
from amanat.core.records import DocumentKind, Role
from amanat.gui import playback_screenshots, redaction_screenshots
from amanat.gui.annotations.operations import AnnotationRow, document_annotations
from amanat.gui.app import APPLICATION_NAME, apply_language
from amanat.gui.care import screenshots as care_screenshots
from amanat.gui.create_archive import CreateArchiveDialog, NewArchive, RecoveryCodeDialog
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.main_window import MainWindow
from amanat.gui.models.document_list import ID_ROLE
from amanat.gui.operations import DocumentColumn, DocumentDetails, document_details
from amanat.gui.settings import Preferences, RememberedLocation
from amanat.gui.text_editor import TextEditor
from amanat.gui.worker import SynchronousWorker

SIZE = (1366, 768)


def _save(widget: QWidget, path: Path) -> None:
    for _ in range(3):  # let layouts and queued updates settle
        QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def _typical(details: DocumentDetails) -> bool:
    return (
        details.document.kind is DocumentKind.LETTER
        and len(details.pages) > 1
        and any(t.language == "fa" for t in details.texts)
        and any(t.language == "en" for t in details.texts)
    )


def _choose_letter(window: MainWindow, worker: SynchronousWorker) -> None:
    """Select a letter that has pages and a Persian transcription: the typical sight."""
    model = window.archive_view.documents
    for row in range(model.rowCount()):
        document_id = model.index(row, 0).data(ID_ROLE)
        found: list[DocumentDetails] = []
        worker.submit(document_details(document_id), window, found.append)
        if found and _typical(found[0]):
            window.archive_view.select_document(document_id)
            return
    window.archive_view.select_document(model.document_id(0))


def _scans(folder: Path) -> list[Path]:
    """Files to import for the summary's picture: two pages of a letter, a file that only
    calls itself a photo, and a photo carrying the GPS position of the (invented) house."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in (1, 2):
        page = Image.new("RGB", (600, 800), (250, 246, 236))
        draw = ImageDraw.Draw(page)
        for line in range(12):
            draw.line((60, 90 + line * 50, 540 - number * 40, 90 + line * 50), (90, 90, 120), 3)
        path = folder / f"letter-page-{number}.png"
        page.save(path)
        made.append(path)
    fake = folder / "photo-from-visit.jpg"
    fake.write_bytes(b"this is not a photo")
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = "N", "E"
    gps[2] = tuple(TiffImagePlugin.IFDRational(v) for v in (35, 47, 49))
    gps[4] = tuple(TiffImagePlugin.IFDRational(v) for v in (51, 23, 40))
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 210, 220)).save(buffer, "JPEG", exif=exif.tobytes())
    located = folder / "envelope.jpg"
    located.write_bytes(buffer.getvalue())
    return [*made, fake, located]


_SEARCHES = {"en": "prison", "fa": "زندان"}
_COMMENTS = {"en": "Compare with the official statement.", "fa": "با بیانیهٔ رسمی مقایسه شود."}
_TYPED_DATES = {"en": "14 Mordad 1403", "fa": "۱۴ مرداد ۱۴۰۳"}


def _edit_text_and_details(window: MainWindow, out: Path, language: str) -> None:
    """The text editor with an edit not saved yet, then the details dialog reading a date;
    both are left without saving (the copy of the demo is thrown away afterwards)."""
    view = window.archive_view
    editors = view.document.editors
    if editors:
        editor = editors[0]
        view.document.texts.setCurrentWidget(editor)
        editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
        editor.body.insertPlainText("\nو دلم برایتان تنگ شده است.")
        editor.body.setFocus()
        _save(view.document, out / f"{language}-text-editor.png")
        editor.set_saved(editor.text)  # forget the edit: nothing is saved of it
        editor.body.setPlainText(editor.text.body)
    dialog = view.edit_details()
    if dialog is not None:
        dialog.date.field.setText(_TYPED_DATES[language])
        _save(dialog, out / f"{language}-details.png")
        dialog.date.field.setText("1401/12/30")
        _save(dialog, out / f"{language}-details-invalid-date.png")
        dialog.reject()


def _bundle_screens(window: MainWindow, bundle: Path, out: Path, language: str) -> None:
    """The export plan for the first prisoner, then the check of that bundle before its
    import; the bundle is written with a passphrase into the temporary folder."""
    exporting = window.bundles.open_export()
    if exporting is None:
        return
    content = window.archive_view.sidebar_content
    if content is not None and content.prisoners:
        exporting.person.setCurrentIndex(exporting.person.findData(content.prisoners[0].id))
    exporting.by_person.setChecked(True)
    _save(exporting, out / f"{language}-export-choose.png")
    exporting.next()
    _save(exporting, out / f"{language}-export-plan.png")
    exporting.write_to(bundle)
    passphrase = exporting.passphrase_text
    exporting.reject()
    importing = window.bundles.open_import()
    if importing is None:
        return
    importing.file.setText(str(bundle))
    importing.passphrase.setText(passphrase)
    importing.next()
    _save(importing, out / f"{language}-import-verify.png")
    importing.reject()


def _testimony_with_highlights(window: MainWindow, worker: SynchronousWorker, out: Path) -> None:
    """A testimony whose transcription has annotated passages, its panel open; then the
    list of every annotation in the archive."""
    view = window.archive_view
    model = view.documents
    language = "fa" if window.isRightToLeft() else "en"
    annotated: dict[str, list[AnnotationRow]] = {}
    for row in range(model.rowCount()):
        document_id = model.index(row, 0).data(ID_ROLE)
        found: list[list[AnnotationRow]] = []
        worker.submit(document_annotations(document_id), window, found.append)
        annotated[document_id] = found[0] if found else []
    for document_id, rows in annotated.items():
        region = next((r for r in rows if r.on_page), None)
        if region is not None:
            view.select_document(document_id)
            view.document.reveal_annotations()
            panel = view.document.annotations
            panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(region.id) or 0, 0))
            _save(window, out / f"{language}-page-region.png")
            break
    for document_id, rows in annotated.items():
        passages = [r for r in rows if not r.on_page and not r.on_recording]
        if len(passages) < 2:
            continue
        view.select_document(document_id)
        document = view.document
        document.reveal_annotations()
        # The text in the interface's language, with the passage chosen in it.
        chosen = next((r for r in passages if r.text_language == language), passages[0])
        document.annotations.list.setCurrentIndex(
            document.annotations.model.index(document.annotations.model.row_of(chosen.id) or 0, 0)
        )
        _save(window, out / f"{language}-testimony-highlights.png")
        editor = document.texts.currentWidget()
        if isinstance(editor, TextEditor):
            cursor = editor.body.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            cursor.movePosition(cursor.MoveOperation.EndOfWord, cursor.MoveMode.KeepAnchor)
            editor.body.setTextCursor(cursor)
            editor.annotate_action.trigger()
            dialog = view.annotations.dialog
            if dialog is not None:
                dialog.comment.setPlainText(_COMMENTS[language])
                _save(dialog, out / f"{language}-annotate.png")
                dialog.reject()
        listed = view.annotations.open_list()
        _save(listed, out / f"{language}-annotation-list.png")
        listed.close()
        return


_NEW_PERSON = {
    "en": ("Nasrin Example", "نسرین نمونه"),
    "fa": ("نسرین نمونه", "Nasrin Example"),
}


def _new_person_and_testimony(window: MainWindow, out: Path, language: str) -> None:
    """The dialogs that start a family's and a lawyer's first day: a new person, a new
    testimony (consent private until changed)."""
    view = window.archive_view
    dialog = view.people.new_person()
    if dialog is not None:
        shown, other = _NEW_PERSON[language]
        dialog.display_name.setText(shown)
        dialog.name_fa.setText(shown if language == "fa" else other)
        dialog.name_latin.setText(other if language == "fa" else shown)
        dialog.roles[Role.RELATIVE].setChecked(True)
        _save(dialog, out / f"{language}-new-person.png")
        dialog.reject()
    testimony = window.new_document(DocumentKind.TESTIMONY)
    if testimony is not None:
        _save(testimony, out / f"{language}-new-testimony.png")
        testimony.reject()
        window.new_documents.forget()


def take(out: Path, demo: Path, settings: Path, language: str) -> None:
    preferences = Preferences.for_language(language)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    apply_language(application, preferences)
    worker = SynchronousWorker()
    window = MainWindow(
        worker,
        RememberedLocation.at(settings),
        preferences,
        kdf=FLOOR,
        demo_folder=demo.with_name("unused.amanat"),
    )
    window.resize(*SIZE)
    window.show()
    try:
        window.show_welcome()
        _save(window, out / f"{language}-welcome.png")
        # A new archive, as its first day finds it: the first steps instead of a list.
        window.create_archive(
            NewArchive(demo.with_name(f"empty-{language}.amanat"), "plum river ostrich", False)
        )
        _save(window, out / f"{language}-empty-archive.png")
        window.lock()
        dialog = CreateArchiveDialog(FileChooser(), Path.home(), window)
        dialog.password.setText("plum river ostrich")
        dialog.repeat.setText("plum river ostrich")
        dialog.show()
        _save(dialog, out / f"{language}-create.png")
        dialog.close()
        recovery = RecoveryCodeDialog("7K2M-QX9P-4TRA-ZD8E-1HVN-6WCB-3J5F-Y0GS", window)
        recovery.show()
        _save(recovery, out / f"{language}-recovery-code.png")
        recovery.close()
        window.show_unlock(demo)
        _save(window, out / f"{language}-unlock.png")
        window.unlock("not the password")
        _save(window, out / f"{language}-unlock-wrong-password.png")
        care_screenshots.before_unlock(window, demo, DEMO_PASSWORD, out, language, _save)
        window.unlock(DEMO_PASSWORD)
        care_screenshots.after_unlock(window, demo, DEMO_PASSWORD, out, language, _save)
        window.archive_view.table.sortByColumn(
            int(DocumentColumn.DATE), Qt.SortOrder.DescendingOrder
        )
        _choose_letter(window, worker)
        _save(window, out / f"{language}-main.png")
        view = window.archive_view
        view.reading_action.trigger()
        _save(window, out / f"{language}-reading.png")
        view.reading_action.trigger()
        _testimony_with_highlights(window, worker, out)
        playback_screenshots.take(window, worker, out, language, _save)
        _choose_letter(window, worker)
        redaction_screenshots.take(window, out, language, _save)
        _edit_text_and_details(window, out, language)
        view.search_field.setText(_SEARCHES[language])
        view.search.search_now()
        found = view.search.model
        with_document = [r for r in range(found.rowCount()) if found.hit(r).document_id]
        if with_document:
            view.search.results.setCurrentIndex(found.index(with_document[0], 0))
            view.search.results.scrollTo(found.index(with_document[0], 0))
        _save(window, out / f"{language}-search.png")
        prisoner = window.archive_view.sidebar_content
        if prisoner is not None and prisoner.prisoners:
            view.show_person(prisoner.prisoners[0].id)
            _save(window, out / f"{language}-person.png")
            timeline = view.open_timeline(prisoner.prisoners[0].id)
            timeline.resize(*SIZE)
            timeline.canvas.fit()
            _save(timeline, out / f"{language}-timeline.png")
            timeline.close()
        view.search_field.clear()
        importing = window.import_paths(_scans(demo.parent / f"scans-{language}"))
        if importing is not None:
            importing.one_letter.setChecked(True)
            importing.start()
            _save(importing, out / f"{language}-import-summary.png")
            importing.accept()
        _bundle_screens(window, demo.parent / f"bundle-{language}.age", out, language)
        settings_dialog = window.open_settings()
        if settings_dialog is not None:
            _save(settings_dialog, out / f"{language}-settings.png")
            settings_dialog.reject()
        _new_person_and_testimony(window, out, language)
    finally:
        window.lock()
        worker.shutdown()
        window.close()
        window.deleteLater()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0] if args else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QApplication(sys.argv[:1])
    application.setApplicationName(APPLICATION_NAME)
    with tempfile.TemporaryDirectory(prefix="amanat-screenshots-") as temporary:
        demo = Path(temporary) / "demo.amanat"
        build_demo(demo, kdf=FLOOR)
        for language in ("en", "fa"):
            # A copy each, since the import screen adds to it; and a settings file of its own
            # in the temporary folder: the user's stays untouched.
            copy = Path(temporary) / f"{language}.amanat"
            shutil.copytree(demo, copy)
            take(out, copy, Path(temporary) / "amanat.ini", language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
