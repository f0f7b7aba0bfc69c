"""Typing one text of a document (a transcription, translation or summary) beside its pages:
the body, its language and whether someone checked it against the letter.

The editor only holds the edit. It knows what was last saved, so it can say whether there is
anything to save; ArchiveView turns each save into an undoable change.

Annotated passages are drawn over the text (gui/annotations/highlights.py); a passage
selected can be annotated with Ctrl+Shift+A, the button or the context menu.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.records import Text, TextKind, TextStatus
from amanat.gui import labels
from amanat.gui.annotations.highlights import (
    Highlight,
    annotation_at,
    draw,
    python_index,
    restyle,
)
from amanat.gui.operations import TextContent
from amanat.gui.redaction_tools import is_redaction, redacted_selections, redaction_at
from amanat.gui.text_direction import direction_of, start_of_line

_CODE_IN_BRACKETS = re.compile(r".*\(([^()]+)\)\s*")


class TextEditor(QWidget):
    modified_changed = Signal(bool)
    save_requested = Signal()
    annotate_requested = Signal(int, int)
    """The passage selected, as Python indices (start, end) of the text as now typed."""
    annotation_clicked = Signal(str)
    redact_requested = Signal(int, int)
    """The passage selected, to redact, as Python indices of the text as now typed."""
    unredact_requested = Signal(str)
    """A redaction's id: let its passage leave again."""

    def __init__(self, text: Text, stored: bool, parent: QWidget | None = None) -> None:
        """``stored`` is False for a text just added in the window and not saved yet: it
        comes into the archive with its first save, so an empty one leaves nothing behind."""
        super().__init__(parent)
        self.text = text
        self.stored = stored
        self.saved = TextContent.of(text)
        self._modified = False
        self._direction: Qt.LayoutDirection | None = None
        self._highlights: list[Highlight] = []
        self._redactions: list[tuple[str, int, int]] = []
        self._chosen: str | None = None
        self._pressed_at: QPoint | None = None

        self.language = QComboBox()
        self.language.setEditable(True)
        # A code typed freely is read from the field; it must not become a new list entry.
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code in labels.COMMON_LANGUAGES:
            self.language.addItem(self._language_item(code), code)
        self.language.setToolTip(
            self.tr("The language of this text; choose one or type its code, such as ps or he.")
        )
        self.status = QComboBox()
        for status in TextStatus:
            self.status.addItem(labels.label(status), status.value)
        self.status.setToolTip(
            self.tr("Checked: someone compared this text with the letter, word for word.")
        )
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save this text (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_requested)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Type here what the letter says, line by line."))
        self.body.setTabChangesFocus(True)
        self.body.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.body.customContextMenuRequested.connect(self._context_menu)
        self.annotate_action = QAction(self.tr("Annotate…"), self)
        self.annotate_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+A")))
        self.annotate_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.annotate_action.setToolTip(
            self.tr("Comment on the passage selected and tag it (Ctrl+Shift+A)")
        )
        self.annotate_action.triggered.connect(self.annotate_selection)
        self.addAction(self.annotate_action)
        self.redact_action = QAction(self.tr("Redact"), self)
        self.redact_action.setObjectName("redact-passage")
        self.redact_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+X")))
        self.redact_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.redact_action.setToolTip(
            self.tr(
                "Keep the passage selected in this archive: every copy that leaves shows a "
                "mark in its place (Ctrl+Shift+X)"
            )
        )
        self.redact_action.triggered.connect(self.redact_selection)
        self.addAction(self.redact_action)
        self.annotate_button = QToolButton()
        self.annotate_button.setDefaultAction(self.annotate_action)
        self.body.selectionChanged.connect(self._update_annotate)
        # A click, not every move of the cursor: typing inside a passage must not jump to
        # its annotation.
        self.body.viewport().installEventFilter(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Language:")))
        bar.addWidget(self.language, 1)
        bar.addWidget(QLabel(self.tr("Status:")))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.annotate_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)

        self._show(self.saved)
        self.body.textChanged.connect(self._changed)
        self.language.currentTextChanged.connect(self._changed)
        self.status.currentIndexChanged.connect(self._changed)
        self._changed()
        self._update_annotate()

    @property
    def kind(self) -> TextKind:
        return self.text.kind

    def _language_item(self, code: str) -> str:
        return labels.fill(self.tr("%1 (%2)"), labels.language_name(code), code)

    # --- What is typed ---------------------------------------------------------------------

    def language_code(self) -> str:
        """The code of the language chosen or typed: "fa" for "Persian (fa)", "Persian" or
        "fa"; whatever else was typed, as it is."""
        typed = self.language.currentText().strip()
        index = self.language.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.language.itemData(index))
        for code in labels.COMMON_LANGUAGES:
            if typed.casefold() in (code, labels.language_name(code).casefold()):
                return code
        bracketed = _CODE_IN_BRACKETS.fullmatch(typed)
        return (bracketed.group(1) if bracketed else typed).strip().casefold()

    def content(self) -> TextContent:
        return TextContent(
            self.body.toPlainText(),
            self.language_code(),
            TextStatus(self.status.currentData()),
        )

    @property
    def is_modified(self) -> bool:
        return self._modified

    @property
    def can_save(self) -> bool:
        return self._modified and bool(self.language_code())

    # --- What was saved --------------------------------------------------------------------

    def mark_saved(self, content: TextContent) -> None:
        """``content`` is on its way into the archive: nothing is left to save."""
        self.stored = True
        self.saved = content
        self._changed()

    def set_saved(self, text: Text) -> None:
        """The text as the archive now has it. An edit not yet saved is kept, never
        overwritten; otherwise the editor shows the archive's text (after an undo, say)."""
        self.text = text
        self.stored = True
        self.saved = TextContent.of(text)
        if not self._modified:
            self._show(self.saved)
        self._changed()

    def set_read_only(self, read_only: bool) -> None:
        self.body.setReadOnly(read_only)
        self.language.setEnabled(not read_only)
        self.status.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self._update_annotate()

    def _show(self, content: TextContent) -> None:
        if self.body.toPlainText() != content.body:
            self.body.setPlainText(content.body)
        index = self.language.findData(content.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setEditText(content.language)
        self.status.setCurrentIndex(max(0, self.status.findData(content.status.value)))

    def _changed(self) -> None:
        self._follow_direction()
        current = self.content()
        # A new text becomes worth keeping once something is typed in it.
        modified = current != self.saved if self.stored else bool(current.body.strip())
        self.save_button.setEnabled(modified and bool(current.language))
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def _follow_direction(self) -> None:
        # Only when it changes: setting the option lays the whole text out again, which an
        # old laptop feels on every key of a long letter.
        direction = direction_of(self.body.toPlainText(), self.language_code())
        if direction == self._direction:
            return
        self._direction = direction
        self.body.setLayoutDirection(direction)
        document = self.body.document()
        option = document.defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(start_of_line(direction))
        document.setDefaultTextOption(option)

    # --- Annotations -----------------------------------------------------------------------

    def selected_passage(self) -> tuple[int, int] | None:
        """The passage selected, without the spaces at its ends, as Python indices."""
        cursor = self.body.textCursor()
        if not cursor.hasSelection():
            return None
        text = self.body.toPlainText()
        start = python_index(text, cursor.selectionStart())
        end = python_index(text, cursor.selectionEnd())
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def annotate_selection(self) -> None:
        passage = self.selected_passage()
        if passage is not None and not self.body.isReadOnly():
            self.annotate_requested.emit(*passage)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Draw the annotated passages, counted in the text as saved. While an edit is not
        saved the passages drawn already stay, moved along with the typing."""
        self._highlights = list(highlights)
        if self.body.toPlainText() == self.saved.body:
            self.body.setExtraSelections(
                draw(self.body, self._highlights, self._chosen)
                + redacted_selections(self.body, self._redactions)
            )
        else:
            self._restyle()

    def redact_selection(self) -> None:
        passage = self.selected_passage()
        if passage is not None and not self.body.isReadOnly():
            self.redact_requested.emit(*passage)

    def set_redactions(self, spans: list[tuple[str, int, int]]) -> None:
        """Draw the redacted passages (id, start, end in the text as saved) struck through;
        as with annotations, those drawn already move along with an edit not yet saved."""
        self._redactions = list(spans)
        if self.body.toPlainText() != self.saved.body:
            return
        kept = [s for s in self.body.extraSelections() if not is_redaction(s)]
        self.body.setExtraSelections(kept + redacted_selections(self.body, self._redactions))

    @property
    def redactions(self) -> list[tuple[str, int, int]]:
        return list(self._redactions)

    @property
    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    @property
    def chosen(self) -> str | None:
        """The annotation drawn stronger than the others."""
        return self._chosen

    def choose(self, annotation_id: str | None, move: bool = False) -> None:
        """Draw one annotation stronger; ``move`` also puts the cursor at the start of its
        passage and scrolls to it. Not a selection: that would hide the tag's colour."""
        self._chosen = annotation_id
        self._restyle()
        if not move or annotation_id is None:
            return
        for selection in self.body.extraSelections():
            if annotation_at([selection], selection.cursor.selectionStart()) == annotation_id:
                cursor = QTextCursor(selection.cursor)
                cursor.setPosition(selection.cursor.selectionStart())
                blocker = self.body.blockSignals(True)
                self.body.setTextCursor(cursor)
                self.body.blockSignals(blocker)
                self.body.ensureCursorVisible()
                return

    def passage_shown(self, annotation_id: str) -> tuple[int, int] | None:
        """Where an annotated passage is drawn now, as Python indices of the text shown."""
        text = self.body.toPlainText()
        for selection in self.body.extraSelections():
            cursor = selection.cursor
            if annotation_at([selection], cursor.selectionStart()) == annotation_id:
                return (
                    python_index(text, cursor.selectionStart()),
                    python_index(text, cursor.selectionEnd()),
                )
        return None

    def _restyle(self) -> None:
        self.body.setExtraSelections(
            restyle(self.body.extraSelections(), self._highlights, self._chosen)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click on a passage chooses its annotation; a drag selects text, as ever.
        if watched == self.body.viewport() and isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonPress:
                self._pressed_at = event.position().toPoint()
            elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed_at is not None:
                point = event.position().toPoint()
                moved = (point - self._pressed_at).manhattanLength()
                self._pressed_at = None
                if moved < QApplication.startDragDistance():
                    position = self.body.cursorForPosition(point).position()
                    found = annotation_at(self.body.extraSelections(), position)
                    if found is not None:
                        self.annotation_clicked.emit(found)
        return super().eventFilter(watched, event)

    def _update_annotate(self) -> None:
        usable = self.body.textCursor().hasSelection() and not self.body.isReadOnly()
        self.annotate_action.setEnabled(usable)
        self.redact_action.setEnabled(usable)

    def _context_menu(self, position: QPoint) -> None:
        menu = self.body.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.annotate_action)
        menu.addAction(self.redact_action)
        at = self.body.cursorForPosition(position).position()
        redacted = redaction_at(self.body.extraSelections(), at)
        if redacted is not None and not self.body.isReadOnly():
            remove = menu.addAction(self.tr("Remove Redaction"))
            remove.setObjectName("remove-redaction")
            remove.triggered.connect(lambda: self.unredact_requested.emit(redacted))
        menu.exec(self.body.viewport().mapToGlobal(position))
        menu.deleteLater()
