"""Export a bundle: choose what (a person, the selected documents, a tag, dates), what to
include, and who can open it; then read what will leave and what is held back, and why,
before anything is written; then choose the file and watch it being written.

The safe choices are the defaults, and visible: sanitised copies of the pages (no location,
camera or names), shareable annotations only, and a strong passphrase made here, to pass on
separately. Writing runs as a long job (gui/jobs.py); Cancel stops it between files, and the core
removes the unfinished file, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from amanat.core.bundle.contacts import Contact
from amanat.core.bundle.export import (
    NAMES_A_WITNESS,
    ExportOptions,
    ExportPlan,
    ExportScope,
    HeldBack,
    Progress,
    WrittenBundle,
    new_passphrase,
)
from amanat.core.bundle.reader import Language
from amanat.core.errors import AmanatError
from amanat.core.records import Person
from amanat.gui import labels
from amanat.gui.bundles.leaving_pages import LeavingPages, PlanView
from amanat.gui.bundles.operations import ExportChoices, SendTo, export_choices, plan, write
from amanat.gui.clipboard import copy_text
from amanat.gui.details_dialog import DateField
from amanat.gui.file_dialogs import FileChooser
from amanat.gui.jobs import Job
from amanat.gui.messages import error_message
from amanat.gui.settings import Preferences
from amanat.gui.text_direction import isolated
from amanat.gui.worker import Worker

_Index = QModelIndex | QPersistentModelIndex

CHOOSE, PLAN, WRITING, DONE = range(4)
"""The pages of the dialog, in order."""


class ContactChoiceModel(QAbstractListModel):
    """Contacts with a check box each: the recipients of the bundle."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._chosen: set[str] = set()

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self._chosen &= {c.id for c in contacts}
        self.endResetModel()
        self.changed.emit()

    def chosen(self) -> list[Contact]:
        return [c for c in self._contacts if c.id in self._chosen]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = self.tr("verified") if contact.verified else self.tr("not verified")
            return labels.fill(self.tr("%1 (%2)"), contact.name, state)
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = contact.id in self._chosen
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return contact.age_recipient
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._contacts):
            return False
        contact_id = self._contacts[index.row()].id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._chosen.add(contact_id)
        else:
            self._chosen.discard(contact_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.changed.emit()
        return True


class ExportDialog(QDialog):
    written = Signal(object)
    """The WrittenBundle, once the bundle is complete."""
    advanced = Signal(object)
    """Each Progress as it reaches the GUI thread."""

    def __init__(
        self,
        worker: Worker,
        chooser: FileChooser,
        preferences: Preferences,
        selected_ids: Sequence[str] = (),
        person_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self._worker = worker
        self.chooser = chooser
        self._selected = tuple(selected_ids)
        self._person_id = person_id
        self._people: dict[str, Person] = {}
        """Everyone in the archive by id, to name a witness in the interface's script."""
        self.plan: ExportPlan | None = None
        self.written_bundle: WrittenBundle | None = None
        self.passphrase_text = new_passphrase()
        self.job = Job(worker, self)
        self.job.progressed.connect(self._advanced)
        self.job.cancelling.connect(self._stopping)

        self.pages = QStackedWidget()
        # The choices scroll rather than make the dialog taller than a laptop's screen.
        choices = QScrollArea()
        choose_page = self._choose_page(preferences)
        choices.setWidget(choose_page)
        choices.setWidgetResizable(True)
        choices.setFrameShape(QScrollArea.Shape.NoFrame)
        choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choices.setMinimumWidth(
            choose_page.minimumSizeHint().width() + choices.verticalScrollBar().sizeHint().width()
        )
        self.pages.addWidget(choices)
        self.plan_view = PlanView()
        self.plan_view.setOpenLinks(False)
        self.leaving_pages = LeavingPages(worker, self.plan_view, self)
        self.leaving_pages.arrived.connect(self._plan_pictures_came)
        self.pages.addWidget(self.plan_view)
        self.pages.addWidget(self._writing_page())
        self.pages.addWidget(self._done_page())

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(
            self.tr("< &Back"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button = self.buttons.addButton(
            self.tr("&Show what will leave"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self._show_page(CHOOSE)
        worker.submit(export_choices, self, self._choices_arrived, self._failed)

    # --- Page 1: what, what to include, who ------------------------------------------------

    def _choose_page(self, preferences: Preferences) -> QWidget:
        page = QWidget()
        scope = QGroupBox(self.tr("What to send"))
        self.scope_group = QButtonGroup(self)
        self.by_person = QRadioButton(self.tr("The documents about a &person:"))
        self.person = QComboBox()
        self.by_selection = QRadioButton(
            self.tr("The document selected in the list (%n)", "", len(self._selected))
        )
        self.by_selection.setEnabled(bool(self._selected))
        self.by_tag = QRadioButton(self.tr("The documents with a &tag:"))
        self.tag = QComboBox()
        self.by_dates = QRadioButton(self.tr("The documents &dated between:"))
        self.since = DateField(None, preferences)
        self.until = DateField(None, preferences)
        self.since.field.setPlaceholderText(self.tr("from (empty: any)"))
        self.until.field.setPlaceholderText(self.tr("until (empty: any)"))
        grid = QGridLayout(scope)
        for row, (button, field) in enumerate(
            (
                (self.by_person, self.person),
                (self.by_selection, None),
                (self.by_tag, self.tag),
                (self.by_dates, None),
            )
        ):
            self.scope_group.addButton(button, row)
            grid.addWidget(button, row, 0)
            if field is not None:
                grid.addWidget(field, row, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(self.until)
        grid.addLayout(dates, 4, 0, 1, 2)
        (self.by_selection if self._selected else self.by_person).setChecked(True)
        self.scope_group.idToggled.connect(lambda *_: self._update())
        self.since.changed.connect(self._update)
        self.until.changed.connect(self._update)

        include = QGroupBox(self.tr("What to include"))
        self.sanitised = QRadioButton(
            self.tr("Pages as &clean copies: the image only, without location, camera or names")
        )
        self.originals = QRadioButton(self.tr("Pages as the &original files, byte for byte"))
        self.sanitised.setChecked(True)
        self.originals_warning = QLabel(
            self.tr(
                "Warning: original files carry their hidden metadata (the place a photo was "
                "taken, the camera, names) to everyone who opens the bundle."
            )
        )
        self.originals_warning.setWordWrap(True)
        self.originals_warning.setStyleSheet("color: #a04000; font-weight: bold")
        self.originals_warning.hide()
        self.originals.toggled.connect(self.originals_warning.setVisible)
        self.annotations = QCheckBox(
            self.tr("Shareable &annotations (private annotations never leave)")
        )
        self.annotations.setChecked(True)
        self.events = QCheckBox(self.tr("&Events of the timeline"))
        self.events.setChecked(True)
        self.audit = QCheckBox(self.tr("The a&udit entries of what leaves"))
        include_layout = QVBoxLayout(include)
        for widget in (
            self.sanitised,
            self.originals,
            self.originals_warning,
            self.annotations,
            self.events,
            self.audit,
        ):
            include_layout.addWidget(widget)

        who = QGroupBox(self.tr("Who can open it"))
        self.send_group = QButtonGroup(self)
        self.to_passphrase = QRadioButton(self.tr("Anyone with this pass&phrase:"))
        self.to_contacts = QRadioButton(self.tr("These c&ontacts, with their own keys:"))
        self.send_group.addButton(self.to_passphrase, 0)
        self.send_group.addButton(self.to_contacts, 1)
        self.to_passphrase.setChecked(True)
        self.passphrase = QLabel(self.passphrase_text)
        self.passphrase.setTextFormat(Qt.TextFormat.PlainText)
        self.passphrase.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.6)
        font.setBold(True)
        self.passphrase.setFont(font)
        self.copy_passphrase = QPushButton(self.tr("Cop&y"))
        self.copy_passphrase.clicked.connect(lambda: copy_text(self.passphrase_text))
        passphrase_note = QLabel(
            self.tr(
                "Give the passphrase separately from the bundle (by phone, on paper), never "
                "in the same message."
            )
        )
        passphrase_note.setWordWrap(True)
        self.contacts = ContactChoiceModel(self)
        self.contacts.changed.connect(self._update)
        self.contact_list = QListView()
        self.contact_list.setModel(self.contacts)
        self.contact_list.setMaximumHeight(110)
        self.no_contacts = QLabel(self.tr("No contacts yet: add them under Bundles › Contacts."))
        self.no_contacts.setWordWrap(True)
        self.send_group.idToggled.connect(lambda *_: self._update())
        phrase_row = QHBoxLayout()
        phrase_row.addWidget(self.passphrase, 1)
        phrase_row.addWidget(self.copy_passphrase)
        who_layout = QVBoxLayout(who)
        who_layout.addWidget(self.to_passphrase)
        who_layout.addLayout(phrase_row)
        who_layout.addWidget(passphrase_note)
        who_layout.addWidget(self.to_contacts)
        who_layout.addWidget(self.contact_list)
        who_layout.addWidget(self.no_contacts)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scope)
        layout.addWidget(include)
        layout.addWidget(who)
        return page

    def _choices_arrived(self, choices: ExportChoices) -> None:
        self._people = {person.id: person for person in choices.people}
        for person in labels.by_person_name(choices.people):
            self.person.addItem(labels.person_name(person), person.id)
            tooltip = labels.person_tooltip(person)
            self.person.setItemData(self.person.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        if self._person_id is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(self._person_id)))
        for tag_id, path in choices.tags:
            self.tag.addItem(path, tag_id)
        self.contacts.set_contacts(choices.contacts)
        self.no_contacts.setVisible(not choices.contacts)
        self.to_contacts.setEnabled(bool(choices.contacts))
        self._update()

    def scope(self) -> ExportScope:
        chosen = self.scope_group.checkedButton()
        if chosen is self.by_person:
            person = self.person.currentData()
            return ExportScope(person_id=person if isinstance(person, str) else None)
        if chosen is self.by_selection:
            return ExportScope(document_ids=self._selected)
        if chosen is self.by_tag:
            tag = self.tag.currentData()
            return ExportScope(tag_id=tag if isinstance(tag, str) else None)
        since, until = self.since.value, self.until.value
        return ExportScope(since=since.start if since else None, until=until.end if until else None)

    def options(self) -> ExportOptions:
        return ExportOptions(
            originals=self.originals.isChecked(),
            annotations=self.annotations.isChecked(),
            events=self.events.isChecked(),
            audit=self.audit.isChecked(),
            # The reader inside the bundle opens in the sender's language.
            language=Language(labels.interface_language()),
        )

    def send_to(self) -> SendTo:
        if self.to_contacts.isChecked():
            return SendTo(age_recipients=tuple(c.age_recipient for c in self.contacts.chosen()))
        return SendTo(passphrase=self.passphrase_text)

    def _ready(self) -> bool:
        if self.scope().empty:
            return False
        if self.by_dates.isChecked() and not (self.since.is_valid and self.until.is_valid):
            return False
        return not (self.to_contacts.isChecked() and not self.contacts.chosen())

    # --- Moving between pages ---------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == PLAN)
        self.next_button.setVisible(page in (CHOOSE, PLAN))
        self.next_button.setText(
            self.tr("&Show what will leave") if page == CHOOSE else self.tr("&Write bundle…")
        )
        self.close_button.setText(self.tr("Close") if page == DONE else self.tr("Cancel"))
        self.close_button.setEnabled(page != WRITING)
        self._update()

    def _update(self) -> None:
        page = self.pages.currentIndex()
        if page == CHOOSE:
            self.next_button.setEnabled(self._ready())
        elif page == PLAN:
            self.next_button.setEnabled(self.plan is not None and self._leaves_something())

    def _leaves_something(self) -> bool:
        chosen = self.plan
        return chosen is not None and bool(chosen.documents or chosen.people or chosen.events)

    def next(self) -> None:
        self.error.hide()
        page = self.pages.currentIndex()
        if page == CHOOSE and self._ready():
            self.next_button.setEnabled(False)
            self._worker.submit(
                plan(self.scope(), self.options()), self, self._planned, self._failed
            )
        elif page == PLAN and self.plan is not None:
            self.choose_file_and_write()

    def back(self) -> None:
        if self.pages.currentIndex() == PLAN:
            self.plan = None
            self.leaving_pages.fetch(None)
            self._show_page(CHOOSE)

    def _planned(self, chosen: ExportPlan) -> None:
        self.plan = chosen
        self.plan_view.setHtml(self.plan_html(chosen))
        self._show_page(PLAN)
        self.leaving_pages.fetch(chosen)

    def _plan_pictures_came(self) -> None:
        if self.plan is None:
            return
        scrolled = self.plan_view.verticalScrollBar().value()
        self.plan_view.setHtml(self.plan_html(self.plan))
        self.plan_view.verticalScrollBar().setValue(scrolled)

    # --- Page 2: what will leave, and what stays ---------------------------------------------

    def plan_html(self, chosen: ExportPlan) -> str:
        """Every title and name comes from the archive: each is escaped."""

        def escape(text: str) -> str:
            return html.escape(text, quote=True)

        def items(lines: Sequence[str]) -> str:
            return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"

        parts = ["<h3>" + escape(self.tr("What will leave")) + "</h3>"]
        pages_kind = (
            self.tr("original files") if chosen.options.originals else self.tr("clean copies")
        )
        counts = [
            self.tr("%n document(s)", "", len(chosen.documents)),
            labels.fill(
                self.tr("%1 as %2"),
                self.tr("%n page(s)", "", len(chosen.pages)),
                pages_kind,
            ),
            self.tr("%n text(s)", "", len(chosen.texts)),
            self.tr("%n person(s)", "", len(chosen.people)),
            self.tr("%n event(s)", "", len(chosen.events)),
            self.tr("%n annotation(s)", "", len(chosen.annotations)),
            self.tr("%n tag(s)", "", len(chosen.tags)),
        ]
        if chosen.options.audit:
            counts.append(self.tr("%n audit entries", "", len(chosen.audit_entries)))
        parts.append("<p>" + escape(labels.list_separator().join(counts)) + "</p>")
        if chosen.documents:
            parts.append(items([d.title for d in chosen.documents]))
        parts.append(self.leaving_pages.html(chosen))
        if not self._leaves_something():
            parts.append(
                "<p><b>"
                + escape(self.tr("Nothing would leave: everything chosen is held back."))
                + "</b></p>"
            )
        warnings = [
            labels.fill(
                self.tr(
                    "%1 leaves as “%2”, their names replaced by it in the titles, texts, tags, "
                    "events and notes: check that nothing else there tells who they are."
                ),
                isolated(labels.person_name(self._people[p.person_id]))
                if p.person_id in self._people
                else isolated(p.name),
                isolated(p.pseudonym),
            )
            for p in chosen.pseudonyms
        ]
        if self.to_contacts.isChecked():
            # A key copied from a message an adversary could have changed: the bundle would
            # be theirs to open.
            warnings += [
                labels.fill(
                    self.tr(
                        "The key of %1 is not verified: compare their fingerprint with them "
                        "before sending, under Bundles › Contacts."
                    ),
                    isolated(contact.name),
                )
                for contact in self.contacts.chosen()
                if not contact.verified
            ]
        if chosen.options.originals:
            warnings.append(
                self.tr(
                    "Original files leave byte for byte, with any location, camera and names "
                    "in them."
                )
            )
        if warnings:
            parts.append(
                '<h3 style="color: #a04000">' + escape(self.tr("Check before sending")) + "</h3>"
            )
            parts.append(items(warnings))
        parts.append("<h3>" + escape(self.tr("What stays in this archive")) + "</h3>")
        if chosen.held_back:
            parts.append(items([self._held_back_line(item) for item in chosen.held_back]))
        else:
            parts.append(
                "<p>" + escape(self.tr("Nothing of what you chose is held back.")) + "</p>"
            )
        return "".join(parts)

    def _held_back_line(self, item: HeldBack) -> str:
        what = {
            "document": self.tr("Document"),
            "annotation": self.tr("Annotation"),
            "event": self.tr("Event"),
            "audit": self.tr("Log entry"),
        }.get(item.record_type, item.record_type)
        return labels.fill(
            self.tr("%1 “%2”: %3"), what, isolated(item.label), self._reason(item.reason)
        )

    def _reason(self, reason: str) -> str:
        known = {
            "private": self.tr("it is private"),
            "its passage is gone": self.tr("the text or page it marks does not leave"),
            "its person is anonymised": self.tr("its person leaves under a pseudonym"),
            "it is in the trash": self.tr("it is in the trash"),
            "the witness withdrew consent": self.tr("the witness withdrew consent"),
            "private testimony never leaves": self.tr("private testimony never leaves"),
            NAMES_A_WITNESS: self.tr("it names a witness who leaves under a pseudonym"),
        }
        if reason in known:
            return known[reason]
        if reason.startswith("the witness consented to"):
            return self.tr("the witness consented to a narrower circle than advocates")
        return reason  # a reason added to the core later: its English words

    # --- Pages 3 and 4: writing, and what was written ----------------------------------------

    def _writing_page(self) -> QWidget:
        page = QWidget()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.current = QLabel(self.tr("Starting…"))
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(self.current)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTrailing)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase_again = QLabel()
        self.passphrase_again.setFont(self.passphrase.font())
        self.passphrase_again.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.passphrase_again.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_again = QPushButton(self.tr("Copy the passphrase"))
        self.copy_again.clicked.connect(lambda: copy_text(self.passphrase_text))
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.passphrase_again)
        layout.addWidget(self.copy_again, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addStretch(1)
        return page

    def choose_file_and_write(self) -> None:
        path = self.chooser.bundle_to_save(self, self.tr("Save the bundle as"))
        if path is not None:
            self.write_to(path)

    def write_to(self, path: Path) -> None:
        plan = self.plan
        if plan is None or self.job.running:
            return
        self.cancel_button.setEnabled(True)
        self._show_page(WRITING)
        send_to = self.send_to()
        self.job.start(
            lambda report, cancel: write(plan, path, send_to, report, cancel),
            self._written,
            self._write_failed,
        )

    def cancel(self) -> None:
        """Stop between files; the unfinished file is removed."""
        self.job.cancel()

    def _stopping(self) -> None:
        self.cancel_button.setEnabled(False)
        self.current.setText(self.tr("Stopping…"))

    @property
    def running(self) -> bool:
        return self.job.running

    def reject(self) -> None:
        if self.job.stop_if_running():
            return  # closing the window while it writes means stop, not vanish
        super().reject()

    def _advanced(self, progress: Progress) -> None:
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(min(progress.done, max(1, progress.total)))
        if not self.job.cancelled:
            self.current.setText(
                labels.fill(
                    self.tr("Writing %1 of %2"), str(progress.done + 1), str(progress.total)
                )
            )
        self.advanced.emit(progress)

    def _written(self, written: WrittenBundle) -> None:
        self.written_bundle = written
        self.summary.setText(
            labels.fill(
                self.tr("The bundle was written to %1 (%2 KB)."),
                str(written.path),
                str(max(1, written.size // 1024)),
            )
        )
        by_passphrase = not self.send_to().age_recipients
        self.passphrase_again.setVisible(by_passphrase)
        self.copy_again.setVisible(by_passphrase)
        if by_passphrase:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr("It opens with this passphrase; give it separately from the bundle:")
            )
            self.passphrase_again.setText(self.passphrase_text)
        self._show_page(DONE)
        self.written.emit(written)

    def _write_failed(self, error: AmanatError) -> None:
        self.summary.setText(error_message(error))
        self.passphrase_again.hide()
        self.copy_again.hide()
        self._show_page(DONE)

    def _failed(self, error: AmanatError) -> None:
        self.error.setText(error_message(error))
        self.error.show()
        self._update()
