"""Persian and English on the pages of a PDF: paragraphs broken into lines and each line laid
out by the Unicode bidirectional algorithm, for every PDF Amanat writes (the chronology now,
the case file and later reports too).

The algorithm is fpdf2's own implementation of Unicode Standard Annex #9 (``fpdf.bidi``,
written against the annex's conformance tests, and already what fpdf2 shapes with): it gives
every character of a paragraph its resolved embedding level, and reorders a line's characters
by those levels (rules L1 and L2). That is all this module takes from it. fpdf2's own line
layout keeps only "left to right or right to left" per
fragment and so cannot nest a number inside Persian inside an English sentence; a Persian
sentence that wraps came out with its words in the wrong order. So the lines are made here,
as the annex says: a paragraph's base direction from its first strong letter (or from what
the caller knows of it), levels resolved on the whole paragraph, line breaks chosen on the
logical text, then each line reordered on its own (rules L1 and L2) into runs of one level,
each run shaped by HarfBuzz (fpdf2's text shaping) in its direction and placed left to
right. Brackets in right-to-left runs are mirrored here (rule L4, see ``_grouped``).

Everything laid out is also recorded as a ``LaidLine`` (page, box, logical text, direction),
so a test can read each line back from the PDF and compare.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from fpdf import FPDF
from fpdf.bidi import BIDI_BRACKETS, BidiCharacter, BidiParagraph
from fpdf.enums import TextDirection


class Direction(StrEnum):
    LTR = "ltr"
    RTL = "rtl"

    @classmethod
    def of(cls, right_to_left: bool) -> Direction:
        """The direction of a language written from the right (Persian) or not."""
        return cls.RTL if right_to_left else cls.LTR


_STRONG_RTL = frozenset({"R", "AL"})
_ISOLATE_OPENERS = frozenset({"LRI", "RLI", "FSI"})


def paragraph_direction(text: str, default: Direction = Direction.LTR) -> Direction:
    """The direction of the first strong letter outside any isolate (rules P2 and P3), or
    ``default`` (the column's or the document's language) when there is none."""
    depth = 0
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in _ISOLATE_OPENERS:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind in _STRONG_RTL:
            return Direction.RTL
        elif depth == 0 and kind == "L":
            return Direction.LTR
    return default


Run = tuple[str, "Direction"]
"""A run of one direction: its text in logical order (as HarfBuzz wants it), its direction."""


def visual_runs(line: str, direction: Direction) -> list[Run]:
    """One line on its own (a paragraph of one line) as runs in visual order, left to right."""
    return line_runs(line, [line], direction)[0]


def line_runs(paragraph: str, lines: Sequence[str], direction: Direction) -> list[list[Run]]:
    """The runs of each line of ``paragraph``, in visual order, left to right.

    ``lines`` are consecutive parts of ``paragraph`` (broken at spaces, which belong to no
    line, or inside an over-long word). Levels are resolved once, on the whole paragraph, so
    that a bracket or a comma at the end of a line is placed by what it belongs to on the
    next line too (rules X1–I2); each line is then reordered on its own (L1, L2).
    """
    if direction is Direction.LTR and not any(_is_rtl(character) for character in paragraph):
        # Nothing in it can go right to left: the algorithm would leave every line as it is.
        return [[(line, Direction.LTR)] if line else [] for line in lines]
    base = TextDirection.RTL if direction is Direction.RTL else TextDirection.LTR
    # preserve_bn_chars keeps the zero-width non-joiner, which Persian words need to look right.
    resolved = BidiParagraph(paragraph, base_direction=base, preserve_bn_chars=True)
    characters = resolved.get_characters()
    _level_joiners(characters)
    by_index = {character.character_index: character for character in characters}
    runs: list[list[Run]] = []
    position = 0
    for line in lines:
        start = paragraph.index(line, position)
        position = start + len(line)
        # reorder_resolved_levels applies L1 and L2 to the characters it is given: one line's.
        resolved.characters = [by_index[i] for i in range(start, position) if i in by_index]
        runs.append(_grouped(resolved.reorder_resolved_levels()))
    return runs


def _grouped(ordered: Sequence[BidiCharacter]) -> list[Run]:
    runs: list[Run] = []
    level: int | None = None
    characters: list[str] = []
    for character in ordered:
        mirror = _MIRRORS.get(character.character)
        if character.embedding_level % 2 and mirror is not None:
            # Rule L4, done here rather than by HarfBuzz: a mirrored bracket drawn with the
            # other bracket's glyph would give that glyph two meanings in the PDF's text
            # map, and text copied from the PDF would have its brackets turned round.
            if characters:
                runs.append(_run(characters, level))
            runs.append((mirror, Direction.LTR))
            characters, level = [], None
            continue
        if character.embedding_level != level and characters:
            runs.append(_run(characters, level))
            characters = []
        level = character.embedding_level
        characters.append(character.character)
    if characters:
        runs.append(_run(characters, level))
    return runs


def _is_rtl(character: str) -> bool:
    return unicodedata.bidirectional(character) in _RIGHT_TO_LEFT_CLASSES


# Strong right-to-left letters, Arabic numbers, and the explicit marks that can start a
# right-to-left embedding or isolate.
_RIGHT_TO_LEFT_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI", "FSI"})


def _level_joiners(characters: Sequence[BidiCharacter]) -> None:
    """Give the kept invisible characters (the zero-width non-joiner in "قزل‌حصار") the level
    of the letter before them, as the annex says for characters retained by rule X9; fpdf2
    leaves them at the paragraph's level, which would cut a Persian word in two."""
    previous: int | None = None
    for character in characters:
        if character.original_bidi_class == "BN":
            if previous is not None:
                character.embedding_level = previous
        else:
            previous = character.embedding_level


def _run(visual: list[str], level: int | None) -> tuple[str, Direction]:
    if level is not None and level % 2:
        return "".join(reversed(visual)), Direction.RTL
    return "".join(visual), Direction.LTR


_MIRRORS = {
    **{character: pair["pair"] for character, pair in BIDI_BRACKETS.items()},
    **dict(zip("<>«»‹›", "><»«›‹", strict=True)),
}


@dataclass(frozen=True, slots=True)
class LaidLine:
    """A line as laid out: where it is (millimetres from the page's top left corner), its
    text in logical order and its paragraph's direction."""

    page: int
    """0 for the first page."""
    left: float
    top: float
    right: float
    bottom: float
    text: str
    direction: Direction
    paragraph: str
    """The whole paragraph the line is part of (spaces collapsed), in logical order."""
    offset: int
    """Where the line starts in ``paragraph``."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    direction: Direction


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paragraph, ready to draw."""

    text: str
    runs: list[Run]
    direction: Direction
    paragraph: str
    offset: int


@dataclass
class Pages:
    """An A4 document being written, top to bottom, with the bidirectional line layout.

    Pages are added here, never by fpdf2 itself, so that a table row can carry on on the
    next page with its headings repeated.
    """

    pdf: FPDF
    family: str
    lines: list[LaidLine] = field(default_factory=list)
    y: float = 0.0
    _widths: dict[tuple[str, str, float, str, str | None], float] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.pdf.set_auto_page_break(auto=False)
        # Cells are placed to the millimetre here; fpdf2's own padding would shift them.
        self.pdf.c_margin = 0
        self.new_page()

    @property
    def left(self) -> float:
        return float(self.pdf.l_margin)

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    @property
    def bottom(self) -> float:
        return float(self.pdf.h - self.pdf.b_margin)

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = float(self.pdf.t_margin)

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def space(self, height: float) -> None:
        self.y += height

    def paragraph(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        default: Direction = Direction.LTR,
        direction: Direction | None = None,
    ) -> None:
        """Text across the page, wrapped; each paragraph ("\\n" separates them) starts at the
        margin of its own direction."""
        self.font(size, bold)
        height = size * 0.55
        x, width = self.left, self.width
        for paragraph in paragraphs(text, default, direction):
            for line in self.lay_lines(paragraph, width):
                if self.y + height > self.bottom:
                    self.new_page()
                self.draw_line(line, x, self.y, width, height)
                self.y += height

    def labelled(
        self,
        label: str,
        value: str,
        label_width: float,
        size: float = 10,
        direction: Direction = Direction.LTR,
    ) -> None:
        """ "Label:  value" with the values of several such lines starting one below the other;
        the value is a sentence in the label's language (it may name a place in the other
        script). Right to left (Persian labels), the label stands at the right margin."""
        height = size * 0.55
        if self.y + height > self.bottom:
            self.new_page()
        width = self.width - label_width
        label_x, value_x = self.left, self.left + label_width
        if direction is Direction.RTL:
            label_x, value_x = self.left + width, self.left
        self.font(size, bold=True)
        (line,) = self.lay_lines(Paragraph(label, direction), float("inf"))
        self.draw_line(line, label_x, self.y, label_width, height)
        self.font(size)
        for line in self.lay_lines(Paragraph(value, direction), width):
            if self.y + height > self.bottom:
                self.new_page()
            self.draw_line(line, value_x, self.y, width, height)
            self.y += height

    def lay_lines(self, paragraph: Paragraph, width: float) -> list[Line]:
        """A paragraph's lines, each with its runs in visual order."""
        text = " ".join(paragraph.text.split())
        lines = self.break_lines(text, width)
        laid, position = [], 0
        for line, runs in zip(lines, line_runs(text, lines, paragraph.direction), strict=True):
            offset = text.index(line, position)
            position = offset + len(line)
            laid.append(Line(line, runs, paragraph.direction, text, offset))
        return laid

    def break_lines(self, text: str, width: float) -> list[str]:
        """``text`` (one paragraph) cut into lines no wider than ``width``, at spaces where
        possible, in logical order: reordering comes after, line by line."""
        lines: list[str] = []
        current: list[str] = []
        current_width = 0.0
        space = self._measure(" ")
        for word in text.split():
            word_width = self._measure(word)
            needed = word_width + (space if current else 0.0)
            if current and current_width + needed > width:
                lines.append(" ".join(current))
                current, current_width = [], 0.0
                needed = word_width
            if word_width > width:
                # A word longer than the column (a URL, a file name) is cut where it must be.
                for piece in self._cut(word, width):
                    if current:
                        lines.append(" ".join(current))
                    current, current_width = [piece], self._measure(piece)
                continue
            current.append(word)
            current_width += needed
        if current or not lines:
            lines.append(" ".join(current))
        return lines

    def _cut(self, word: str, width: float) -> list[str]:
        pieces, piece = [], ""
        for character in word:
            if piece and self._measure(piece + character) > width:
                pieces.append(piece)
                piece = ""
            piece += character
        return [*pieces, piece]

    def draw_line(self, line: Line, x: float, y: float, width: float, height: float) -> None:
        """One line, its runs shaped and placed left to right, from the margin its
        paragraph's direction starts at."""
        if not line.text:
            return
        measured = [
            (text, run_direction, self._width(text, run_direction))
            for text, run_direction in line.runs
        ]
        total = sum(run_width for _, _, run_width in measured)
        start = x + width - total if line.direction is Direction.RTL else x
        position = start
        for text, run_direction, run_width in measured:
            if text.strip():
                self._shape(run_direction)
                self.pdf.set_xy(position, y)
                self.pdf.cell(run_width, height, text)
            position += run_width
        self._shape(None)
        self.lines.append(
            LaidLine(
                self.pdf.page - 1,
                start,
                y,
                start + total,
                y + height,
                line.text,
                line.direction,
                line.paragraph,
                line.offset,
            )
        )

    def _width(self, text: str, direction: Direction) -> float:
        return self._measure(text, direction)

    def _measure(self, text: str, direction: Direction | None = None) -> float:
        """The width of ``text`` in the current font, shaped; a chronology repeats its words
        and dates, and shaping each again would double the time the PDF takes."""
        pdf = self.pdf
        key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, text, direction)
        width = self._widths.get(key)
        if width is None:
            self._shape(direction)
            width = self._widths[key] = float(pdf.get_string_width(text))
        return width

    def _shape(self, direction: Direction | None) -> None:
        self.pdf.set_text_shaping(True, direction=direction.value if direction else None)

    def table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 9,
        defaults: Sequence[Direction] | None = None,
        from_the_right: bool = False,
    ) -> None:
        """A table across the page: ``widths`` are parts of the page width, ``defaults`` the
        direction of each column's language for cells with no strong letter. Headings repeat
        at the top of every page the table runs onto; a row taller than what is left of a
        page carries on on the next. ``from_the_right``: the columns are read from the right
        (a Persian table), the first one at the right margin."""
        if from_the_right:
            headings, widths = headings[::-1], widths[::-1]
            defaults = defaults[::-1] if defaults else defaults
            rows = [row[::-1] for row in rows]
        total = sum(widths)
        columns = [self.width * part / total for part in widths]
        defaults = defaults or [Direction.LTR] * len(columns)
        header = [paragraphs(text, Direction.LTR) for text in headings]
        self._row(header, columns, size, bold=True, fill=(220, 220, 220), header=None)
        for number, row in enumerate(rows):
            cells = [paragraphs(text, default) for text, default in zip(row, defaults, strict=True)]
            fill = (242, 242, 242) if number % 2 else None
            self._row(cells, columns, size, bold=False, fill=fill, header=header)

    def _row(
        self,
        cells: list[list[Paragraph]],
        columns: list[float],
        size: float,
        bold: bool,
        fill: tuple[int, int, int] | None,
        header: list[list[Paragraph]] | None,
    ) -> None:
        self.font(size, bold)
        height = size * 0.53
        pad = _CELL_PADDING
        laid = [
            [line for paragraph in cell for line in self.lay_lines(paragraph, width - 2 * pad)]
            for cell, width in zip(cells, columns, strict=True)
        ]
        tallest = max(len(lines) for lines in laid)
        done = 0
        while True:
            room = int((self.bottom - self.y - 2 * pad) // height)
            if room < 1 or (done == 0 and room < min(tallest, _LINES_KEPT_TOGETHER)):
                self.new_page()
                if header is not None:
                    self._row(header, columns, size, bold=True, fill=(220, 220, 220), header=None)
                    self.font(size, bold)
                continue
            count = min(room, tallest - done)
            row_height = count * height + 2 * pad
            if fill is not None:
                self.pdf.set_fill_color(*fill)
                self.pdf.rect(self.left, self.y, sum(columns), row_height, style="F")
            self.pdf.set_draw_color(190, 190, 190)
            self.pdf.line(self.left, self.y, self.left + sum(columns), self.y)
            x = self.left
            for lines, width in zip(laid, columns, strict=True):
                for offset, line in enumerate(lines[done : done + count]):
                    top = self.y + pad + offset * height
                    self.draw_line(line, x + pad, top, width - 2 * pad, height)
                x += width
            self.y += row_height
            done += count
            if done >= tallest:
                return


# A row of a few lines is moved whole to the next page rather than split across two.
_LINES_KEPT_TOGETHER = 4
_CELL_PADDING = 1.2


def paragraphs(
    text: str, default: Direction = Direction.LTR, direction: Direction | None = None
) -> list[Paragraph]:
    """``text`` split at line breaks, each part with its own base direction (``direction`` if
    given, else its first strong letter's, else ``default``)."""
    return [
        Paragraph(part, direction or paragraph_direction(part, default))
        for part in text.split("\n")
    ]
