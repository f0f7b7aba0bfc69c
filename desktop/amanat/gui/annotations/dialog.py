"""The small dialog of one annotation: the comment, its tags, and whether it may ever leave
the archive; for a region of a page, also the passage of the text it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from amanat.core.records import Tag, Visibility
from amanat.gui.annotations.looks import visibility_explained, visibility_icon
from amanat.gui.annotations.operations import AnnotationFields
from amanat.gui.operations import TagEntry
from amanat.gui.tag_editor import TagEditor
from amanat.gui.text_direction import direction_of, isolated, start_of_line

QUOTE_SHOWN = 240
"""Characters of the passage shown at the top; the rest is elided."""


class AnnotationDialog(QDialog):
    def __init__(
        self,
        what: str,
        known_tags: list[TagEntry],
        fields: AnnotationFields,
        links: list[tuple[str, str]] | None = None,
        linked_to: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``what``: the passage quoted, or "Region on page 2". ``links``: (id, quote) of
        the text annotations a region may show, None for a passage."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotation"))
        self._known = {entry.path: entry for entry in known_tags}
        self._paths: list[str] = []
        shown = what if len(what) <= QUOTE_SHOWN else what[: QUOTE_SHOWN - 1] + "…"
        self.what = QLabel(isolated(shown))
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setFrameShape(QLabel.Shape.StyledPanel)
        self.what.setAlignment(start_of_line(direction_of(what)))
        self.comment = QPlainTextEdit(fields.body)
        self.comment.setPlaceholderText(self.tr("What matters here, and why"))
        self.comment.setTabChangesFocus(True)
        self.comment.textChanged.connect(self._follow_direction)
        self._follow_direction()
        self.tags = TagEditor()
        self.tags.set_known(known_tags)
        self.tags.add_requested.connect(self._add_tag)
        self.tags.remove_requested.connect(self._remove_tag)
        self.private = QRadioButton(self.tr("Private: stays in this archive"))
        self.private.setIcon(visibility_icon(Visibility.PRIVATE))
        self.shareable = QRadioButton(self.tr("Shareable: may go into bundles for advocates"))
        self.shareable.setIcon(visibility_icon(Visibility.SHAREABLE))
        group = QButtonGroup(self)
        group.addButton(self.private)
        group.addButton(self.shareable)
        (self.shareable if fields.visibility is Visibility.SHAREABLE else self.private).setChecked(
            True
        )
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.private.toggled.connect(self._explain)
        self._explain()
        form = QFormLayout()
        # Every platform's style lets the fields take the width (macOS's would not).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow(self.tr("Tags:"), self.tags)
        choice = QVBoxLayout()
        choice.addWidget(self.private)
        choice.addWidget(self.shareable)
        choice.addWidget(self.explanation)
        form.addRow(self.tr("Who may see it:"), choice)
        self.link: QComboBox | None = None
        if links is not None:
            self.link = QComboBox()
            self.link.addItem(self.tr("No passage"), None)
            for annotation_id, quote in links:
                self.link.addItem(isolated(_short(quote)), annotation_id)
            self.link.setCurrentIndex(max(0, self.link.findData(linked_to)))
            self.link.setToolTip(
                self.tr(
                    "A passage of the transcription this region shows; choosing one "
                    "shows the other."
                )
            )
            form.addRow(self.tr("Passage shown:"), self.link)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        for path in fields.tag_paths:
            self._add_tag(path)
        self.resize(480, 420)
        self.comment.setFocus(Qt.FocusReason.OtherFocusReason)

    def fields(self) -> AnnotationFields:
        # A tag typed and not yet confirmed with Enter is meant too.
        pending = self.tags.field.text().strip()
        if pending:
            self._add_tag("/".join(p.strip() for p in pending.split("/") if p.strip()))
            self.tags.field.clear()
        return AnnotationFields(
            self.comment.toPlainText().strip(),
            tuple(self._paths),
            Visibility.SHAREABLE if self.shareable.isChecked() else Visibility.PRIVATE,
        )

    def linked_to(self) -> str | None:
        if self.link is None:
            return None
        data = self.link.currentData()
        return data if isinstance(data, str) else None

    def _add_tag(self, path: str) -> None:
        if path and path not in self._paths:
            self._paths.append(path)
            self._show_tags()

    def _remove_tag(self, path: str) -> None:
        if path in self._paths:
            self._paths.remove(path)
            self._show_tags()

    def _show_tags(self) -> None:
        # A new tag is made grey; its colour can be changed from the sidebar afterwards.
        self.tags.set_tags(
            tuple(self._known.get(path, TagEntry(Tag(name=path), path)) for path in self._paths)
        )

    def _explain(self) -> None:
        chosen = Visibility.PRIVATE if self.private.isChecked() else Visibility.SHAREABLE
        self.explanation.setText(visibility_explained(chosen))

    def _follow_direction(self) -> None:
        # As the text editor does: the layout direction alone leaves the lines where the
        # window's direction puts them.
        direction = direction_of(self.comment.toPlainText())
        document = self.comment.document()
        option = document.defaultTextOption()
        if option.textDirection() == direction and self.comment.layoutDirection() == direction:
            return
        self.comment.setLayoutDirection(direction)
        option.setTextDirection(direction)
        option.setAlignment(start_of_line(direction))
        document.setDefaultTextOption(option)


def _short(quote: str, length: int = 60) -> str:
    one_line = " ".join(quote.split())
    return one_line if len(one_line) <= length else one_line[: length - 1] + "…"
