"""Changing a document's details: title, kind, date, author, the people it is about, how it
reached the archive, and for a testimony the witness's consent.

Dates are typed as people write them and read in the user's calendar; the dialog shows at
once what it understood, in both calendars, or the sentence saying why it cannot, and will
not save a date it cannot read. A lawyer must be able to trust the date that was kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from amanat.core.records import Audience, Consent, Document, DocumentKind, Person, Provenance
from amanat.gui import labels
from amanat.gui.date_entry import DateEntry
from amanat.gui.operations import DocumentFields
from amanat.gui.settings import Preferences
from amanat.gui.text_direction import isolated

_PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


DateField = DateEntry
"""The name other dialogs import it by (bundles/export_dialog.py)."""


class DocumentDetailsDialog(QDialog):
    def __init__(
        self,
        document: Document,
        everyone: Sequence[Person],
        preferences: Preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Details of the document"))
        self.document = document
        self.original = DocumentFields.of(document)

        self.setMinimumWidth(560)
        self.title = QLineEdit(document.title)
        self.kind = QComboBox()
        for kind in DocumentKind:
            self.kind.addItem(labels.label(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(document.kind.value))
        self.date = DateEntry(document.date, preferences)
        self.author = QComboBox()
        self.author.addItem(self.tr("Nobody named"), None)
        for person in labels.by_person_name(everyone):
            self.author.addItem(isolated(labels.person_name(person)), person.id)
            tooltip = labels.person_tooltip(person)
            self.author.setItemData(self.author.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        self.author.setCurrentIndex(max(0, self.author.findData(document.author_id)))
        self.recipients = _people_list(everyone, document.recipient_ids)
        self.recipients.setToolTip(self.tr("Tick the people this document was written to."))
        self.concerned = _people_list(everyone, document.concerned_ids)
        self.concerned.setToolTip(self.tr("Tick the people this document is about."))

        provenance = document.provenance
        self.received_from = QLineEdit(provenance.received_from)
        self.received_from.setPlaceholderText(self.tr("Who gave it to the archive"))
        self.received_on = DateEntry(provenance.received_on, preferences)
        self.how = QLineEdit(provenance.how)
        self.how.setPlaceholderText(self.tr("e.g. handed over at a visit, a photo by phone"))

        consent = document.consent
        self.consent = QGroupBox(self.tr("Consent of the witness"))
        self.audience = QComboBox()
        for audience in Audience:
            self.audience.addItem(labels.label(audience), audience.value)
        self.audience.setCurrentIndex(self.audience.findData(consent.audience.value))
        self.anonymise = QCheckBox(self.tr("The witness must be anonymised"))
        self.anonymise.setChecked(consent.anonymise)
        self.withdrawn = QCheckBox(self.tr("The witness has withdrawn consent"))
        self.withdrawn.setChecked(consent.withdrawn)
        self.withdrawn_note = QLabel(
            self.tr(
                "Withdrawn testimony never leaves the archive: it is left out of every bundle "
                "and export, whoever it was meant for. It stays here, so nothing is lost if "
                "the witness changes their mind again."
            )
        )
        self.withdrawn_note.setWordWrap(True)
        consent_form = QFormLayout(self.consent)
        consent_form.addRow(self.tr("Who may see it:"), self.audience)
        consent_form.addRow(self.anonymise)
        consent_form.addRow(self.withdrawn)
        consent_form.addRow(self.withdrawn_note)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("From:"), self.author)
        form.addRow(self.tr("To:"), self.recipients)
        form.addRow(self.tr("About:"), self.concerned)
        received = QGroupBox(self.tr("How it reached the archive"))
        received_form = QFormLayout(received)
        received_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        received_form.addRow(self.tr("Received from:"), self.received_from)
        received_form.addRow(self.tr("Received on:"), self.received_on)
        received_form.addRow(self.tr("How:"), self.how)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(received)
        layout.addWidget(self.consent)
        layout.addWidget(self.buttons)

        for field in (self.title, self.received_from, self.how):
            field.home(False)  # a long title shows its beginning, not its end
        self.title.textChanged.connect(self._check)
        self.kind.currentIndexChanged.connect(self._check)
        self.date.changed.connect(self._check)
        self.received_on.changed.connect(self._check)
        self._check()

    @property
    def is_valid(self) -> bool:
        return bool(self.title.text().strip()) and self.date.is_valid and self.received_on.is_valid

    def fields(self) -> DocumentFields:
        """What the dialog holds now; meaningful only while ``is_valid``."""
        return DocumentFields(
            title=self.title.text().strip(),
            kind=DocumentKind(self.kind.currentData()),
            date=self.date.value,
            author_id=self.author.currentData(),
            concerned_ids=_ticked(self.concerned),
            recipient_ids=_ticked(self.recipients),
            provenance=Provenance(
                self.received_from.text().strip(), self.received_on.value, self.how.text().strip()
            ),
            consent=Consent(
                Audience(self.audience.currentData()),
                self.anonymise.isChecked(),
                self.withdrawn.isChecked(),
            ),
        )

    @property
    def is_changed(self) -> bool:
        return self.is_valid and self.fields() != self.original

    def _check(self) -> None:
        self.save_button.setEnabled(self.is_valid)
        # Consent is asked of a witness; a letter's is kept as it is, out of sight.
        testimony = DocumentKind(self.kind.currentData()) is DocumentKind.TESTIMONY
        if testimony != self.consent.isVisibleTo(self):
            self.consent.setVisible(testimony)
            self.adjustSize()


def _people_list(everyone: Sequence[Person], chosen: Sequence[str]) -> QListWidget:
    """Everyone, each with a tick box, ticked for the ``chosen``."""
    people = QListWidget()
    for person in labels.by_person_name(everyone):
        item = QListWidgetItem(isolated(labels.person_name(person)))
        item.setToolTip(labels.person_tooltip(person))
        item.setData(_PERSON_ROLE, person.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ticked = person.id in chosen
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        people.addItem(item)
    people.setMaximumHeight(120)
    return people


def _ticked(people: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(item.data(_PERSON_ROLE))
        for item in (people.item(n) for n in range(people.count()))
        if item.checkState() == Qt.CheckState.Checked
    )
