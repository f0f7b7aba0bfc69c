"""A person's page: who they are, above the list of their documents.

Shown when a person is chosen in the sidebar (or found by a search); the document list
underneath then holds their documents.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amanat.gui import labels
from amanat.gui.operations import PersonDetails
from amanat.gui.text_direction import isolated, start_of_line


class PersonCard(QFrame):
    timeline_requested = Signal(str)
    """The person's id: open their timeline."""
    new_event_requested = Signal(str)
    edit_requested = Signal(str)
    """The person's id: open the person dialog on them."""
    restore_requested = Signal(str, str)
    """The id and shown name of a person in the trash: restore them."""
    case_file_requested = Signal(str, str)
    """The person's id and shown name: export their case file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.person_id: str | None = None
        self._shown_name = ""
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.timeline_button = QPushButton(self.tr("Timeline…"))
        self.timeline_button.setToolTip(self.tr("The chronology of this person, drawn (Ctrl+T)"))
        self.timeline_button.clicked.connect(self._timeline_clicked)
        self.new_event_button = QPushButton(self.tr("New Event…"))
        self.new_event_button.setToolTip(self.tr("Add an event to this person's chronology"))
        self.new_event_button.clicked.connect(self._new_event_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change this person's names, roles, status or notes"))
        self.edit_button.clicked.connect(self._edit_clicked)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Take this person out of the trash"))
        self.restore_button.clicked.connect(self._restore_clicked)
        self.case_file_button = QPushButton(self.tr("Export Case File…"))
        self.case_file_button.setToolTip(
            self.tr("A PDF of this person's case for a submission, as a bundle would hold it")
        )
        self.case_file_button.clicked.connect(self._case_file_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.timeline_button)
        buttons.addWidget(self.new_event_button)
        buttons.addWidget(self.case_file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addLayout(self.form)
        layout.addLayout(buttons)

    def _timeline_clicked(self) -> None:
        if self.person_id is not None:
            self.timeline_requested.emit(self.person_id)

    def _new_event_clicked(self) -> None:
        if self.person_id is not None:
            self.new_event_requested.emit(self.person_id)

    def _edit_clicked(self) -> None:
        if self.person_id is not None:
            self.edit_requested.emit(self.person_id)

    def _case_file_clicked(self) -> None:
        if self.person_id is not None:
            self.case_file_requested.emit(self.person_id, self._shown_name)

    def _restore_clicked(self) -> None:
        if self.person_id is not None:
            self.restore_requested.emit(self.person_id, self._shown_name)

    def show_person(self, details: PersonDetails) -> None:
        self.clear()
        person = details.person
        self.person_id = person.id
        self._shown_name = labels.person_name(person)
        self.name.setText(isolated(labels.person_name(person)))
        self.name.setToolTip(labels.person_tooltip(person))
        self.name.setAlignment(start_of_line(self.layoutDirection()))
        separator = labels.list_separator()

        def add(label: str, value: str, own_direction: bool = False) -> None:
            if not value:
                return
            # A name in Persian script keeps its own direction inside an English window (and
            # the other way round), while every value lines up on the window's side.
            shown = QLabel(isolated(value) if own_direction else value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAlignment(start_of_line(self.layoutDirection()))
            self.form.addRow(label, shown)

        add(self.tr("In Persian script:"), person.name_fa, own_direction=True)
        add(self.tr("In Latin script:"), person.name_latin, own_direction=True)
        add(self.tr("Also known as:"), separator.join(isolated(a) for a in person.aliases))
        add(self.tr("Roles:"), separator.join(labels.label(r) for r in person.roles))
        add(self.tr("Status:"), labels.label(person.status))
        add(self.tr("Born:"), labels.number(person.birth_year) if person.birth_year else "")
        add(self.tr("Notes:"), person.notes, own_direction=True)
        add(
            self.tr("Documents:"),
            labels.fill(self.tr("%1, listed below"), str(details.document_count)),
        )
        if details.in_trash:
            add(self.tr("In the trash:"), self.tr("Restore to change or use this person again"))
        for button in (
            self.edit_button,
            self.timeline_button,
            self.new_event_button,
            self.case_file_button,
        ):
            button.setVisible(not details.in_trash)
        self.restore_button.setVisible(details.in_trash)
        self.show()

    def clear(self) -> None:
        self.person_id = None
        self.name.clear()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.hide()
