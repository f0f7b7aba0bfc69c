"""The event editor: what happened to a person, when (with the precision and calendar the
user knows it in), where, what attests it, and its tags.

Dates are read by core/dates (whatever people type: "2011-03-15", "Esfand 1389", "spring
2011", "c. 1390") and checked by the core, so the window and the command line refuse the
same dates with the same sentence; a refused event is never saved. Beside each date the
other calendar's reading is shown, so a date typed in one calendar can be checked against a
document dated in the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from amanat.core.dates import (
    Calendar,
    FuzzyDate,
    format_date,
    other_calendar_reading,
    parse_date,
    readable_date,
    validate_span,
)
from amanat.core.errors import AmanatError, InvalidInput
from amanat.core.places import group_places
from amanat.core.records import Event, EventType
from amanat.gui import labels
from amanat.gui.messages import error_message
from amanat.gui.text_direction import DirectionalItemDelegate, direction_of
from amanat.gui.timeline import event_types
from amanat.gui.timeline.operations import DocumentChoice, EditorChoices

_DOCUMENT_ROLE = Qt.ItemDataRole.UserRole


def ask_same_place(parent: QWidget, typed: str, existing: str) -> bool:
    """Whether to write a place the way it is already written; tests replace it."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("EventEditor", "One place, two spellings?"),
        labels.fill(
            QCoreApplication.translate(
                "EventEditor",
                "“%1” looks like “%2”, which other events already use. Use “%2”, so the "
                "timeline shows one place?",
            ),
            typed,
            existing,
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


class EventEditor(QDialog):
    def __init__(
        self,
        person_id: str,
        calendar: Calendar,
        event: Event | None = None,
        tag_paths: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.original = event
        """The event as it was before editing; None for a new one."""
        self._calendar = calendar
        self._places: tuple[str, ...] = ()
        self.ask_same_place: Callable[[QWidget, str, str], bool] = ask_same_place
        self.setWindowTitle(self.tr("Edit Event") if event else self.tr("New Event"))

        self.type = QComboBox()
        for kind in EventType:
            self.type.addItem(event_types.name(kind), kind)
        self.date = QLineEdit()
        self.date.setPlaceholderText(self.tr("e.g. 2011-03-15, March 2011, Mehr 1401, c. 1390"))
        self.date_calendar = QComboBox()
        self.date_calendar.addItem(self.tr("Calendar from the year"), None)
        for cal in Calendar:
            self.date_calendar.addItem(labels.label(cal), cal)
        self.date_reading = QLabel()
        self.end = QLineEdit()
        self.end.setPlaceholderText(self.tr("for a span: when it ended"))
        self.end_reading = QLabel()
        self.ongoing = QCheckBox(self.tr("Still going on"))
        self.place = QLineEdit()
        self.place_names = QStringListModel(self)
        self.place_completer = QCompleter(self.place_names, self.place)
        self.place_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.place_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(self.place_completer)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.source_search = QLineEdit()
        self.source_search.setPlaceholderText(self.tr("Find a document by its title…"))
        self.source_search.setClearButtonEnabled(True)
        self.sources = QListWidget()
        self.sources.setMinimumHeight(90)
        self.sources.setItemDelegate(DirectionalItemDelegate(self.sources))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. conditions/solitary, medical"))
        self.tag_names = QStringListModel(self)
        self.tag_completer = QCompleter(self.tag_names, self.tags)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(self.tag_completer)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.date_calendar)
        form = QFormLayout()
        form.addRow(self.tr("&Type:"), self.type)
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date)  # a row holding a layout gets no buddy of its own
        form.addRow(date_label, date_row)
        form.addRow("", self.date_reading)
        form.addRow(self.tr("&End date:"), self.end)
        form.addRow("", self.end_reading)
        form.addRow("", self.ongoing)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("Desc&ription:"), self.description)
        form.addRow(self.tr("&Sources:"), self.source_search)
        form.addRow("", self.sources)
        form.addRow(self.tr("T&ags:"), self.tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._cited: tuple[str, ...] = ()
        if event is not None:
            self.type.setCurrentIndex(self.type.findData(event.type))
            self.date.setText(
                format_date(event.date, event.date.calendar, labels.interface_language())
            )
            self.date_calendar.setCurrentIndex(self.date_calendar.findData(event.date.calendar))
            if event.end_date is not None:
                self.end.setText(
                    format_date(
                        event.end_date, event.end_date.calendar, labels.interface_language()
                    )
                )
            self.ongoing.setChecked(event.ongoing)
            self.place.setText(event.place)
            self.description.setPlainText(event.description)
            self.tags.setText(labels.list_separator().join(tag_paths))
            self._cited = event.source_ids
        self.date.textChanged.connect(self._show_readings)
        self.end.textChanged.connect(self._show_readings)
        self.date_calendar.currentIndexChanged.connect(self._show_readings)
        self.ongoing.toggled.connect(self._ongoing_toggled)
        self.place.textChanged.connect(self._follow_direction)
        self.source_search.textChanged.connect(self._filter_sources)
        self._ongoing_toggled(self.ongoing.isChecked())
        self._show_readings()
        self.resize(520, 560)

    # --- Choices from the archive ---------------------------------------------------------

    def set_choices(self, choices: EditorChoices) -> None:
        self._places = choices.places
        self.place_names.setStringList(list(choices.places))
        self.tag_names.setStringList(list(choices.tag_paths))
        self.sources.clear()
        for document in choices.documents:
            self.sources.addItem(self._source_item(document))
        self._filter_sources(self.source_search.text())

    def _source_item(self, document: DocumentChoice) -> QListWidgetItem:
        text = document.title or self.tr("(untitled)")
        if document.date is not None:
            text += " · " + readable_date(document.date, labels.interface_language())
        if document.in_trash:
            # Kept visible, since an event may still cite it; said plainly.
            text += self.tr(" (in the trash)")
        item = QListWidgetItem(text)
        item.setData(_DOCUMENT_ROLE, document.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        chosen = document.id in self._cited
        item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        if document.in_trash:
            item.setForeground(self.palette().placeholderText())
        return item

    def _filter_sources(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.sources.count()):
            item = self.sources.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen_sources(self) -> tuple[str, ...]:
        return tuple(
            str(self.sources.item(row).data(_DOCUMENT_ROLE))
            for row in range(self.sources.count())
            if self.sources.item(row).checkState() == Qt.CheckState.Checked
        )

    # --- Reading and checking ------------------------------------------------------------------

    def _chosen_calendar(self) -> Calendar | None:
        value = self.date_calendar.currentData()  # Qt hands enum values back as plain str
        return Calendar(value) if value else None

    def _read(self, text: str) -> FuzzyDate | None:
        """The date typed, or None when nothing is typed; raises the core's InvalidDate."""
        return parse_date(text, self._chosen_calendar()) if text.strip() else None

    def _reading(self, date: FuzzyDate) -> str:
        other = Calendar.GREGORIAN if date.calendar is Calendar.JALALI else Calendar.JALALI
        return labels.fill(
            self.tr("%1 · %2 (%3)"),
            format_date(date, date.calendar, labels.interface_language()),
            # Short, as every reading of a date in the other calendar (docs/dates.md).
            other_calendar_reading(date, labels.interface_language())
            or format_date(date, other, labels.interface_language()),
            labels.label(date.precision) + (self.tr(", approximately") if date.circa else ""),
        )

    def _show_readings(self) -> None:
        for field, reading in ((self.date, self.date_reading), (self.end, self.end_reading)):
            try:
                date = self._read(field.text())
            except AmanatError as error:
                reading.setText(error_message(error))
            else:
                reading.setText(self._reading(date) if date else "")

    def _ongoing_toggled(self, on: bool) -> None:
        self.end.setEnabled(not on)

    def _follow_direction(self, text: str) -> None:
        self.place.setLayoutDirection(direction_of(text) if text else self.layoutDirection())

    def tag_paths(self) -> tuple[str, ...]:
        parts = self.tags.text().replace("،", ",").split(",")
        return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))

    def chosen_event(self) -> Event:
        """The event as typed; raises the core's error when it cannot be saved."""
        date = self._read(self.date.text())
        if date is None:
            raise InvalidInput("event-needs-date")
        end = None if self.ongoing.isChecked() else self._read(self.end.text())
        validate_span(date, end)
        base = self.original or Event(person_id=self.person_id, type=EventType.OTHER, date=date)
        return replace(
            base,
            type=EventType(self.type.currentData()),
            date=date,
            end_date=end,
            ongoing=self.ongoing.isChecked(),
            place=self.place.text().strip(),
            description=self.description.toPlainText().strip(),
            source_ids=self.chosen_sources(),
        )

    def show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.setVisible(bool(sentence))

    def accept(self) -> None:
        try:
            self.chosen_event()
        except AmanatError as error:
            self.show_error(error_message(error))
            return
        self._offer_known_spelling()
        if not self.isVisible():  # closed by the lock while the question was on screen
            return
        self.show_error("")
        super().accept()

    def _offer_known_spelling(self) -> None:
        typed = self.place.text().strip()
        if not typed or typed in self._places:
            return
        for group in group_places([*self._places, typed]):
            if typed in group.spellings:
                existing = next(s for s in group.spellings if s != typed)
                if self.ask_same_place(self, typed, existing):
                    self.place.setText(existing)
                return
