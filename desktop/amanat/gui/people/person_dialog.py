"""The person dialog: a new person, or every field of one already in the archive.

Names are typed in whichever script the family uses; each name field runs in the direction of
what is typed in it. The dialog checks as the user types, with the very rules the archive
keeps (app/people.py), and says in one sentence what stops it from saving.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from amanat.app import people
from amanat.core.digits import to_ascii_digits
from amanat.core.errors import AmanatError
from amanat.core.records import Person, PersonStatus, Role
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.text_direction import direction_of

_ALIAS_SEPARATORS = re.compile(r"[,،;؛]")
"""Aliases are typed in one line, separated by commas: the Latin or the Persian one."""


class PersonDialog(QDialog):
    def __init__(self, person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = person
        self._begun = False
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("New person"))
        self.setMinimumWidth(480)
        shown = person or Person("")

        self.display_name = self._name_field(shown.display_name)
        self.display_name.setPlaceholderText(self.tr("As the family writes it"))
        self.name_fa = self._name_field(shown.name_fa, Qt.LayoutDirection.RightToLeft)
        self.name_fa.setPlaceholderText(self.tr("The name in Persian script"))
        self.name_latin = self._name_field(shown.name_latin, Qt.LayoutDirection.LeftToRight)
        self.name_latin.setPlaceholderText(self.tr("The name in Latin script"))
        separator = labels.list_separator()
        self.aliases = self._name_field(separator.join(shown.aliases))
        self.aliases.setPlaceholderText(self.tr("Other names, separated by commas"))

        self.roles: dict[Role, QCheckBox] = {}
        roles = QWidget()
        grid = QGridLayout(roles)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, role in enumerate(Role):
            box = QCheckBox(labels.label(role))
            box.setChecked(role in shown.roles)
            self.roles[role] = box
            grid.addWidget(box, n // 3, n % 3)
        self.status = QComboBox()
        for status in PersonStatus:
            self.status.addItem(labels.label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(shown.status.value))
        year = shown.birth_year
        self.birth_year = QLineEdit(labels.number(year) if year is not None else "")
        self.birth_year.setPlaceholderText(self.tr("e.g. 1985 or 1364"))
        self.birth_year.setMaxLength(6)
        self.notes = QPlainTextEdit(shown.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything the family wants remembered"))
        self.notes.setMaximumHeight(120)
        self.notes.textChanged.connect(self._notes_direction)
        self._notes_direction()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name:"), self.display_name)
        form.addRow(self.tr("In Persian script:"), self.name_fa)
        form.addRow(self.tr("In Latin script:"), self.name_latin)
        form.addRow(self.tr("Also known as:"), self.aliases)
        form.addRow(self.tr("Roles:"), roles)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Born in (year):"), self.birth_year)
        form.addRow(self.tr("Notes:"), self.notes)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for field in (self.display_name, self.name_fa, self.name_latin, self.aliases):
            field.textChanged.connect(self._check)
        self.birth_year.textChanged.connect(self._check)
        self._check()
        self.display_name.setFocus()

    def _name_field(self, text: str, empty: Qt.LayoutDirection | None = None) -> QLineEdit:
        """A line for a name, running in the direction of what is typed in it; while empty,
        in ``empty``'s (the Persian-script name starts at the right) or the window's."""
        field = QLineEdit(text)

        def follow(now: str) -> None:
            field.setLayoutDirection(
                direction_of(now) if now else (empty or self.layoutDirection())
            )

        field.textChanged.connect(follow)
        follow(text)
        field.home(False)
        return field

    def _notes_direction(self) -> None:
        text = self.notes.toPlainText()
        self.notes.setLayoutDirection(direction_of(text) if text else self.layoutDirection())

    # --- What the dialog holds ---------------------------------------------------------------

    def person(self) -> Person:
        """The person as the dialog holds them now (the one edited, with its id and its
        creation kept); meaningful only while ``is_valid``."""
        base = self.original or Person("")
        aliases = tuple(a.strip() for a in _ALIAS_SEPARATORS.split(self.aliases.text()))
        return replace(
            base,
            display_name=self.display_name.text(),
            name_fa=self.name_fa.text(),
            name_latin=self.name_latin.text(),
            aliases=tuple(a for a in aliases if a),
            roles=tuple(role for role, box in self.roles.items() if box.isChecked()),
            status=PersonStatus(self.status.currentData()),
            birth_year=self._year(),
            notes=self.notes.toPlainText(),
        )

    def _year(self) -> int | None:
        text = to_ascii_digits(self.birth_year.text()).strip()
        return int(text) if text.isdigit() else None

    def problem_sentence(self) -> str:
        """Why the dialog cannot save now, in one sentence; empty when it can."""
        year = to_ascii_digits(self.birth_year.text()).strip()
        if year and not year.isdigit():
            return self.tr("Give the birth year in digits, such as 1985 or 1364.")
        try:
            people.check(self.person())
        except AmanatError as error:
            return error_message(error)
        return ""

    @property
    def is_valid(self) -> bool:
        return not self.problem_sentence()

    @property
    def is_changed(self) -> bool:
        if self.original is None:
            return True
        return people.tidied(self.person()) != people.tidied(self.original)

    def _check(self) -> None:
        sentence = self.problem_sentence()
        # Nothing typed yet is not a mistake: the new, empty dialog says nothing until a name
        # has been begun (and then says so if it is all taken away again).
        names = (self.display_name, self.name_fa, self.name_latin, self.birth_year)
        self._begun = self._begun or any(field.text() for field in names)
        self.problem.setText(sentence if self._begun or self.original else "")
        self.problem.setVisible(bool(self.problem.text()))
        self.save_button.setEnabled(not sentence)
