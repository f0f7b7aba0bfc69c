"""The results of a search: one line per hit, its title and a snippet with the matched words
highlighted.

Snippets come from the core with the matches between MATCH_START and MATCH_END. They hold the
archive's own text (names, letters), so they are escaped as HTML first and only then are the
markers turned into highlighting: nothing the user wrote is ever read as markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from amanat.core.records import Person
from amanat.core.search import MATCH_END, MATCH_START, SearchHit
from amanat.gui import labels
from amanat.gui.i18n import shown_hit
from amanat.gui.text_direction import direction_of

_Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The SearchHit itself."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
"""Title and snippet as (escaped) rich text, the matches highlighted."""

HIGHLIGHT_START = '<span style="background-color: #ffe27a; color: #000000; font-weight: 600">'
HIGHLIGHT_END = "</span>"


def highlighted(snippet: str) -> str:
    """``snippet`` as rich text: escaped, with its marked matches highlighted. A stray or
    doubled marker (the archive's text could hold one) is dropped rather than left open."""
    parts: list[str] = []
    open_ = False
    for piece in _pieces(snippet):
        if piece == MATCH_START:
            if not open_:
                parts.append(HIGHLIGHT_START)
                open_ = True
        elif piece == MATCH_END:
            if open_:
                parts.append(HIGHLIGHT_END)
                open_ = False
        else:
            parts.append(html.escape(piece, quote=True))
    if open_:
        parts.append(HIGHLIGHT_END)
    return "".join(parts)


def plain(snippet: str) -> str:
    """``snippet`` without its markers: for screen readers, tooltips and tests."""
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def _dir(text: str) -> str:
    return "rtl" if direction_of(text) == Qt.LayoutDirection.RightToLeft else "ltr"


def _pieces(snippet: str) -> list[str]:
    pieces: list[str] = []
    current = ""
    for character in snippet:
        if character in (MATCH_START, MATCH_END):
            if current:
                pieces.append(current)
                current = ""
            pieces.append(character)
        else:
            current += character
    if current:
        pieces.append(current)
    return pieces


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._people: dict[str, Person] = {}

    def set_people(self, people: Iterable[Person]) -> None:
        """The archive's people, so that a person found is named in the interface's script
        (the core titles the hit with the display name, as the command line prints it)."""
        self._people = {person.id: person for person in people}

    def set_hits(self, hits: list[SearchHit]) -> None:
        # Each query brings a new list: a reset says so in one step.
        self.beginResetModel()
        self._hits = [self._named(shown_hit(hit)) for hit in hits]  # in the user's words
        self.endResetModel()

    def _named(self, hit: SearchHit) -> SearchHit:
        person = self._people.get(hit.record_id) if hit.record_type == "person" else None
        return hit if person is None else replace(hit, title=labels.person_name(person))

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def _kind(self, record_type: str) -> str:
        return {
            "document": self.tr("Document"),
            "text": self.tr("Text"),
            "annotation": self.tr("Annotation"),
            "person": self.tr("Person"),
            "event": self.tr("Event"),
            "tag": self.tr("Tag"),
        }.get(record_type, record_type)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{plain(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            person = self._people.get(hit.record_id) if hit.record_type == "person" else None
            if person is not None:  # the name in the other script too
                return f"{labels.person_tooltip(person)}\n{plain(hit.snippet)}"
            return plain(hit.snippet)
        if role == HTML_ROLE:
            title = html.escape(hit.title, quote=True)
            kind = html.escape(self._kind(hit.record_type))
            snippet = plain(hit.snippet)
            return (
                f'<div dir="{_dir(hit.title)}"><b>{title}</b>'
                f' <span style="color: #777777">· {kind}</span></div>'
                f'<div dir="{_dir(snippet)}">{highlighted(hit.snippet)}</div>'
            )
        if role == HIT_ROLE:
            return hit
        return None
