"""Merging two records of one person (a relative entered twice): the user chooses the record
that stays, and the dialog says plainly what moves to it before anything does."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from amanat.core.records import Person
from amanat.gui import labels
from amanat.gui.text_direction import isolated


class MergeDialog(QDialog):
    def __init__(
        self,
        person: Person,
        everyone: Sequence[Person],
        document_count: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person = person
        self._document_count = document_count
        self.setWindowTitle(self.tr("Merge into another person"))
        self.setMinimumWidth(480)
        self.kept = QComboBox()
        for other in labels.by_person_name(p for p in everyone if p.id != person.id):
            self.kept.addItem(isolated(labels.person_name(other)), other.id)
            tooltip = labels.person_tooltip(other)
            self.kept.setItemData(self.kept.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("The same person as:"), self.kept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.buttons)
        self.kept.currentIndexChanged.connect(self._explain)
        self._explain()

    @property
    def kept_id(self) -> str | None:
        """The record that stays; None when there is nobody else to merge with."""
        chosen = self.kept.currentData()
        return chosen if isinstance(chosen, str) else None

    def kept_name(self) -> str:
        return self.kept.currentText()

    def _explain(self) -> None:
        name = isolated(labels.person_name(self.person))
        if self.kept_id is None:
            self.explanation.setText(
                labels.fill(self.tr("There is nobody else in the archive to merge %1 with."), name)
            )
            self.merge_button.setEnabled(False)
            return
        # English needs its own sentence for one; Persian says a number the same either way.
        if self._document_count == 1:
            documents = self.tr("one document")
        else:
            documents = labels.fill(self.tr("%1 documents"), str(self._document_count))
        self.explanation.setText(
            labels.fill(
                self.tr(
                    "%1 stays. Everything that names %2 moves to them: %3, their events and "
                    "their roles; the names of %2 are kept as other names of %1, and the "
                    "record of %2 is removed. Undo (Ctrl+Z) takes it back until the archive "
                    "is locked."
                ),
                self.kept_name(),
                name,
                documents,
            )
        )
        self.merge_button.setEnabled(True)
