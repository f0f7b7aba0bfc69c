"""Fakes for the window's dialogs and file choosers, and the filled archive the window tests
browse. Import only from the GUI tests: their conftest prepares the environment Qt reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from amanat.core.dates import FuzzyDate
from amanat.core.records import Document, DocumentKind, Person, Role, Tag, Text, TextKind
from amanat.core.storage import documents, people, tags, texts
from amanat.core.vault import Archive
from amanat.gui.create_archive import NewArchive
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.main_window import ArchiveDialogs
from tests.helpers.archives import PASSWORD

DOCUMENT_COUNT = 150
"""More than two pages of rows (64 each) of the document list."""


class FakeChooser(FileChooser):
    """Answers 'which folder?' with whatever the test put in ``answer``."""

    def __init__(self) -> None:
        self.answer: Path | None = None
        self.files: list[Path] = []
        self.backup: Path | None = None
        """The answer to 'which backup file?', to save or to open."""
        self.backup_folder_answer: Path | None = None
        """The answer to 'which backup folder?', to back up to or to restore from."""
        self.asked = 0

    def existing_folder(
        self, parent: QWidget | None, title: str, start: Path | None
    ) -> Path | None:
        self.asked += 1
        return self.answer

    def files_to_import(self, parent: QWidget | None, title: str) -> list[Path]:
        self.asked += 1
        return list(self.files)

    def backup_to_save(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        self.asked += 1
        return self.backup

    def backup_to_open(self, parent: QWidget | None, title: str) -> Path | None:
        self.asked += 1
        return self.backup

    def backup_folder(self, parent: QWidget | None, title: str) -> Path | None:
        self.asked += 1
        return self.backup_folder_answer


class FakeDialogs(ArchiveDialogs):
    def __init__(self) -> None:
        self.new: NewArchive | None = None
        self.codes_shown: list[str] = []
        self.archive_names: list[str] = []
        self.empty_trash_answer = False
        self.empty_trash_asked: list[int] = []
        self.tag_colour_answer: str | None = "#009e73"
        self.tag_colours_asked: list[tuple[str, str | None]] = []

    def new_archive(self, parent: QWidget, chooser: FileChooser) -> NewArchive | None:
        return self.new

    def recovery_code(self, parent: QWidget, code: str, archive_name: str = "") -> None:
        self.codes_shown.append(code)
        self.archive_names.append(archive_name)

    def confirm_empty_trash(self, parent: QWidget, count: int) -> bool:
        self.empty_trash_asked.append(count)
        return self.empty_trash_answer

    def tag_colour(self, parent: QWidget, tag_path: str, current: str | None) -> str | None:
        self.tag_colours_asked.append((tag_path, current))
        return self.tag_colour_answer


def fill_for_browsing(folder: Path) -> Path:
    """Two prisoners, a relative, nested tags and DOCUMENT_COUNT documents, some of them in
    Persian, into the locked archive at ``folder``."""
    with Archive.open(folder, PASSWORD) as archive:
        db = archive.db
        narges = people.add(db, Person("Narges", name_fa="نرگس", roles=(Role.PRISONER,)))
        kaveh = people.add(db, Person("Kaveh", roles=(Role.PRISONER,)))
        mother = people.add(db, Person("Mother", roles=(Role.RELATIVE,)))
        conditions = tags.add(db, Tag("conditions", colour="#aa3355"))
        solitary = tags.add(db, Tag("solitary", colour="#3355aa", parent_id=conditions.id))
        with db.transaction():
            for n in range(DOCUMENT_COUNT):
                prisoner = narges if n % 2 else kaveh
                document = documents.add(
                    db,
                    Document(
                        kind=DocumentKind.TESTIMONY if n % 5 == 0 else DocumentKind.LETTER,
                        title=f"Letter {n:03d}",
                        date=FuzzyDate.of_day(2011 + n % 10, 1 + n % 12, 1 + n % 28),
                        author_id=prisoner.id,
                        recipient_ids=(mother.id,),
                        tag_ids=(solitary.id,) if n % 3 == 0 else (),
                    ),
                )
                if n % 2:
                    texts.add(
                        db,
                        Text(document.id, TextKind.TRANSCRIPTION, "fa", "مادر عزیزم، سلام."),
                    )
    return folder
