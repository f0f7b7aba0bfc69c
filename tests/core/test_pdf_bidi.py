"""Persian and English in the PDF read back as a person reads them: each line's words are
taken from the PDF with their positions (pypdfium2), put in the order they stand on the page,
left to right, and compared with what the Unicode bidirectional algorithm makes of that line:
levels resolved on its whole paragraph by a second, independent implementation (python-bidi,
on the Rust unicode-bidi crate; Amanat lays out with fpdf2's), then the line reordered on its
own by rules L1 and L2. Every line of the chronology of every demo prisoner is
checked, in both calendars."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from bidi import get_display
from fpdf import FPDF

from amanat.core.dates import Calendar, parse_date
from amanat.core.demo import build_demo
from amanat.core.keyslots import FLOOR
from amanat.core.pdf_layout import (
    Direction,
    LaidLine,
    Pages,
    line_runs,
    paragraph_direction,
    visual_runs,
)
from amanat.core.records import Document, DocumentKind, Event, EventType, Person, Role
from amanat.core.resources import resource
from amanat.core.storage import documents, events, people
from amanat.core.timeline import build_timeline
from amanat.core.timeline_pdf import LaidOutPdf, chronology_rows, lay_out
from amanat.core.vault import Archive

TODAY = datetime.date(2025, 6, 1)
_MM = 25.4 / 72


@dataclass(frozen=True)
class _Glyph:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float


def _glyphs(page: pypdfium2.PdfPage) -> list[_Glyph]:
    """Every character drawn on ``page`` with its box in millimetres from the top left.

    Loose boxes span a glyph's advance, so the letters of a word touch and a space shows as
    a gap; the line breaks and spaces pdfium makes up itself are left out.
    """
    textpage = page.get_textpage()
    height = page.get_height()
    glyphs = []
    for index in range(textpage.count_chars()):
        text = textpage.get_text_range(index, 1)
        if pdfium.FPDFText_IsGenerated(textpage, index) or not text.strip():
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        size = pdfium.FPDFText_GetFontSize(textpage, index)
        glyphs.append(
            _Glyph(
                text, left * _MM, right * _MM, (height - top) * _MM, (height - bottom) * _MM, size
            )
        )
    return glyphs


def _words_as_seen(glyphs: list[_Glyph]) -> list[str]:
    """The words of one line, left to right, each spelt as its letters stand left to right."""
    # A ligature (لا) is one glyph standing for two letters: pdfium gives both, with one box
    # and already in the order they are seen in.
    clusters: dict[tuple[float, float], list[str]] = {}
    for glyph in glyphs:
        clusters.setdefault((glyph.left, glyph.right), []).append(glyph.text)
    words: list[str] = []
    previous_right = None
    for (left, right), letters in sorted(clusters.items()):
        size_mm = glyphs[0].size * _MM
        if previous_right is None or left - previous_right > 0.12 * size_mm:
            words.append("")
        words[-1] += "".join(letters)
        previous_right = right
    return [_comparable(word) for word in words]


def _comparable(text: str) -> str:
    # Shaping hides the invisible joiners and marks; they are no part of what is read.
    # python-bidi leaves brackets unmirrored (rule L4 is the renderer's) and pdfium turns
    # some round when it extracts, so a bracket is compared by where it stands, not by which
    # way it faces (test_brackets_in_persian_face_the_right_way checks that).
    text = unicodedata.normalize("NFKC", text).translate(_ONE_BRACKET)
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


_ONE_BRACKET = str.maketrans("()[]{}", "||||||")


def expected_words(line: LaidLine) -> list[str]:
    """The line's words left to right as the algorithm gives them: levels resolved by
    python-bidi on the whole paragraph, then the line reordered on its own (rules L1, L2)."""
    base = 1 if line.direction is Direction.RTL else 0
    levels = list(_levels(line.paragraph, base))
    characters = list(line.text)
    assert line.paragraph[line.offset : line.offset + len(line.text)] == line.text
    line_levels = levels[line.offset : line.offset + len(line.text)]
    # L1: whitespace (and invisible marks) at the end of the line go to the paragraph's level.
    for index in range(len(characters) - 1, -1, -1):
        if unicodedata.bidirectional(characters[index]) not in (
            "WS",
            "BN",
            "LRI",
            "RLI",
            "FSI",
            "PDI",
        ):
            break
        line_levels[index] = base
    # L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    order = list(range(len(characters)))
    odd = [level for level in line_levels if level % 2]
    for level in range(max(line_levels, default=0), min(odd, default=1) - 1, -1):
        index = 0
        while index < len(order):
            if line_levels[order[index]] >= level:
                end = index
                while end < len(order) and line_levels[order[end]] >= level:
                    end += 1
                order[index:end] = order[index:end][::-1]
                index = end
            else:
                index += 1
    seen = "".join(characters[i] for i in order)
    return [w for w in (_comparable(word) for word in seen.split()) if w]


@functools.cache
def _levels(paragraph: str, base: int) -> tuple[int, ...]:
    return tuple(paragraph_levels(paragraph, base))


def paragraph_levels(paragraph: str, base: int) -> list[int]:
    """python-bidi's resolved level of each character (its debug output gives one per byte
    of UTF-8)."""
    debug = get_display(paragraph, base_dir="R" if base else "L", debug=True)
    assert isinstance(debug, str)
    listed = re.search(r"levels: \[(.*?)\],\s*paragraphs", debug, re.DOTALL)
    assert listed is not None
    per_byte = [int(level) for level in re.findall(r"Level\(\s*(\d+)", listed.group(1))]
    levels, byte = [], 0
    for character in paragraph:
        levels.append(per_byte[byte])
        byte += len(character.encode("utf-8"))
    assert byte == len(per_byte)
    return levels


def read_back(laid_out: LaidOutPdf) -> Iterator[tuple[LaidLine, list[str]]]:
    """Each laid line with the words the PDF shows there; every glyph belongs to one line."""
    document = pypdfium2.PdfDocument(laid_out.data)
    try:
        for number in range(len(document)):
            glyphs = _glyphs(document[number])
            claimed: set[int] = set()
            for line in (line for line in laid_out.lines if line.page == number):
                mine = [
                    i
                    for i, g in enumerate(glyphs)
                    if line.top <= (g.top + g.bottom) / 2 <= line.bottom
                    and line.left - 0.3 <= (g.left + g.right) / 2 <= line.right + 0.3
                ]
                assert not claimed & set(mine), f"glyphs claimed by two lines: {line}"
                claimed.update(mine)
                yield line, _words_as_seen([glyphs[i] for i in mine]) if mine else []
            stray = "".join(glyphs[i].text for i in range(len(glyphs)) if i not in claimed)
            assert not stray, f"text on page {number + 1} outside every laid line: {stray!r}"
    finally:
        document.close()


def assert_reads_as_the_algorithm_says(laid_out: LaidOutPdf) -> int:
    checked = 0
    for line, words in read_back(laid_out):
        assert words == expected_words(line), f"{line.direction} line {line.text!r}"
        checked += 1
    return checked


# --- Lines and cells of every kind --------------------------------------------------------


EVIN = "زندان اوین، بند ۲۰۹ (Evin, Ward 209, the wing of the Revolutionary Guards)"
MIXED_NOTE = "یادداشت تماس تلفنی با کاوه، ۲۳ مرداد ۱۳۹۸"
CELLS = {
    "persian": "نامه از زندان اوین به خانواده، با سلام و امید (بخش دوم): ۱۴ صفحه",
    "english": "Letter from Evin (second part): 14 pages, 3 photos; sent 2011-03-15.",
    "mixed": "note (concerned): " + MIXED_NOTE,
    "persian-first": "زندان قزل‌حصار، سالن ۲ (on furlough) since 12 March 2024",
    "numbers": "Ward 209: 3 × 2 m, 40% of 120 days; بند ۲۰۹: ۳ در ۲ متر",
}


def sara_with_mixed_cells(archive: Archive) -> str:
    db = archive.db
    sara = people.add(db, Person("Sara Example", name_fa="سارا نمونه", roles=(Role.PRISONER,)))
    letter = documents.add(
        db, Document(DocumentKind.LETTER, CELLS["persian"], parse_date("March 2011"), sara.id)
    )
    events.add(
        db,
        Event(
            sara.id,
            EventType.ARREST,
            parse_date("2011-02-28"),
            place=EVIN,
            description=CELLS["english"],
            source_ids=(letter.id,),
        ),
    )
    documents.add(db, Document(DocumentKind.NOTE, MIXED_NOTE, parse_date("1398/05/23"), sara.id))
    events.add(
        db,
        Event(
            sara.id,
            EventType.TRANSFER,
            parse_date("c. 2019"),
            place=CELLS["persian-first"],
            description=CELLS["numbers"] + " " + CELLS["mixed"] + " " + CELLS["persian"],
        ),
    )
    return sara.id


@pytest.mark.parametrize("calendar", list(Calendar))
def test_every_line_of_mixed_cells_reads_in_the_order_the_algorithm_gives(
    archive: Archive, calendar: Calendar
):
    chronology = build_timeline(archive.db, sara_with_mixed_cells(archive), today=TODAY)
    laid_out = lay_out(chronology, calendar)
    assert assert_reads_as_the_algorithm_says(laid_out) > 30
    texts = [line.text for line in laid_out.lines]
    # The cell, wrapped: English first, so a left-to-right paragraph in which the
    # Persian sentence with its date reads right to left as one run.
    assert any(re.match("note \\(\\w+\\): \u2068یادداشت", t) for t in texts)
    # The Persian place wraps in its narrow column, and every one of its lines is laid right
    # to left, even the one that starts with a bracket and English words.
    persian = [line for line in laid_out.lines if line.text and line.text in EVIN]
    assert len(persian) >= 2
    assert all(line.direction is Direction.RTL for line in persian)


def test_a_wrapped_persian_sentence_keeps_its_words_in_order_on_the_second_line(pages: Pages):
    """The issue's example, in a narrow column: the line holding "با کاوه، ۲۳" reads from
    the right, با rightmost, the comma after کاوه, the space before ۲۳ kept."""
    note = "note (concerned): " + MIXED_NOTE
    pages.table(["Date", "Event"], [["23 Mordad 1398", note]], [7, 3])
    laid_out = LaidOutPdf(bytes(pages.pdf.output()), tuple(pages.lines))
    cell = [line for line in laid_out.lines if line.text in note]
    assert len(cell) >= 2 and " ".join(line.text for line in cell) == note
    read = dict((line.text, words) for line, words in read_back(laid_out))
    second = next(line for line in cell if "کاوه" in line.text)
    assert second.text.startswith("با کاوه،")
    assert read[second.text][-2:] == ["،هواک", "اب"]
    assert read[second.text][-3] == "۲۳"
    assert read[second.text] == expected_words(second)


def test_colon_after_english_stays_with_the_english():
    runs = visual_runs("note (concerned): یادداشت تماس", Direction.LTR)
    assert runs[0] == ("note (concerned): ", Direction.LTR)
    assert runs[1] == ("یادداشت تماس", Direction.RTL)


def test_numbers_inside_persian_read_left_to_right_inside_a_right_to_left_run():
    runs = visual_runs("با کاوه، ۲۳ مرداد ۱۳۹۸", Direction.RTL)
    assert runs == [
        ("۱۳۹۸", Direction.LTR),
        (" مرداد ", Direction.RTL),
        ("۲۳", Direction.LTR),
        ("با کاوه، ", Direction.RTL),
    ]


def test_a_comma_at_the_end_of_a_line_is_placed_by_the_whole_paragraph():
    """Levels come from the paragraph, not from each line alone: the comma after "Evin"
    stands between two English words in the paragraph, so it stays with "Evin" although
    the line breaks after it (taken alone, the line would send it to the far left)."""
    paragraph = "زندان اوین، بند ۲۰۹ (Evin, Ward 209)"
    first, second = "زندان اوین، بند ۲۰۹ (Evin,", "Ward 209)"
    runs = line_runs(paragraph, [first, second], Direction.RTL)
    assert runs[0][0] == ("Evin,", Direction.LTR)
    assert visual_runs(first, Direction.RTL)[0] == (",", Direction.RTL)
    assert runs[1] == [("(", Direction.LTR), ("Ward 209", Direction.LTR)]


def test_what_was_typed_keeps_its_full_stop_inside_an_english_sentence(archive: Archive):
    """A Persian description after "arrest: " is set apart (a first-strong isolate), so its
    full stop ends the Persian sentence, on its left, instead of following the English
    paragraph to the right end of the line."""
    sara = people.add(archive.db, Person("Sara Example", roles=(Role.PRISONER,)))
    description = "خانواده تا دو هفته خبر نداشت."
    events.add(
        archive.db,
        Event(sara.id, EventType.ARREST, parse_date("1401/07/24"), description=description),
    )
    (row,) = chronology_rows(build_timeline(archive.db, sara.id, today=TODAY))
    assert row[1] == "arrest: \u2068" + description + "\u2069"
    runs = line_runs(row[1], [row[1]], Direction.LTR)[0]
    assert (description, Direction.RTL) in runs
    unset = "arrest: " + description
    assert line_runs(unset, [unset], Direction.LTR)[0][-1] == (".", Direction.LTR)


def test_brackets_in_persian_face_the_right_way():
    # "(بخش دوم)" in a right-to-left line: the bracket seen on the left is the one that
    # closes the logical text, drawn facing left: "(".
    runs = visual_runs("نامه (بخش دوم)", Direction.RTL)
    assert runs[0] == ("(", Direction.LTR)
    assert runs[-2] == (")", Direction.LTR)
    assert runs[-1] == ("نامه ", Direction.RTL)
    assert visual_runs("a (b) c", Direction.RTL) == [("a (b) c", Direction.LTR)]


def test_paragraph_direction_comes_from_the_first_strong_letter_or_the_default():
    assert paragraph_direction("۱۲ (قرچک) held") is Direction.RTL
    assert paragraph_direction("12: Evin, اوین") is Direction.LTR
    assert paragraph_direction("۱۲ – ۱۴", Direction.RTL) is Direction.RTL
    assert paragraph_direction("12 – 14") is Direction.LTR


def test_lines_are_broken_at_spaces_and_fit_their_width(pages: Pages):
    pages.font(10)
    text = CELLS["persian"] + " " + CELLS["english"]
    lines = pages.break_lines(text, 50)
    assert len(lines) > 2
    assert " ".join(lines) == " ".join(text.split())
    assert all(pages.pdf.get_string_width(line) <= 50 for line in lines)
    long_word = "x" * 200
    assert "".join(pages.break_lines(long_word, 30)) == long_word


@pytest.fixture
def pages() -> Iterator[Pages]:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font("Vazirmatn", "", str(resource("fonts", "Vazirmatn-Regular.ttf")))
    pdf.add_font("Vazirmatn", "B", str(resource("fonts", "Vazirmatn-Bold.ttf")))
    yield Pages(pdf, "Vazirmatn")
    # fpdf2 closes a font's file only when it writes the font into a PDF.
    for font in pdf.fonts.values():
        font.close()


def test_a_rendered_page_has_its_ink_where_the_lines_were_laid(archive: Archive, tmp_path: Path):
    """The first page rendered to PNG (kept in the test's folder to be looked at): each
    Persian line's ink starts at the right margin, each English line's at the left."""
    chronology = build_timeline(archive.db, sara_with_mixed_cells(archive), today=TODAY)
    laid_out = lay_out(chronology, Calendar.JALALI)
    document = pypdfium2.PdfDocument(laid_out.data)
    scale = 4
    image = document[0].render(scale=scale).to_pil().convert("L")
    document.close()
    image.save(tmp_path / "chronology-page-1.png")
    px = scale / _MM  # pixels per millimetre
    for line in (line for line in laid_out.lines if line.page == 0):
        box = (
            int(line.left * px),
            int(line.top * px),
            int(line.right * px) + 1,
            int(line.bottom * px) + 1,
        )
        ink = image.crop(box).point(lambda value: 255 if value < 128 else 0).getbbox()
        assert ink is not None, f"no ink for {line.text!r}"
        # Ink starts within a millimetre of the side the paragraph starts on.
        if line.direction is Direction.RTL:
            assert box[2] - (box[0] + ink[2]) < px, line.text
        else:
            assert ink[0] < px, line.text


# --- The demo -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    folder = tmp_path_factory.mktemp("demo") / "demo.amanat"
    build_demo(folder, kdf=FLOOR)
    archive = Archive.open(folder, "demo")
    yield archive
    archive.lock()


@pytest.mark.parametrize("calendar", list(Calendar))
def test_chronology_of_every_demo_prisoner_reads_as_the_algorithm_says(
    demo: Archive, calendar: Calendar
):
    prisoners = people.all_people(demo.db, Role.PRISONER)
    assert len(prisoners) >= 3
    mixed = 0
    for prisoner in prisoners:
        chronology = build_timeline(demo.db, prisoner.id, today=TODAY)
        laid_out = lay_out(chronology, calendar)
        assert assert_reads_as_the_algorithm_says(laid_out) > 20
        # Every cell's text is in the PDF, line by line, in logical order.
        laid_text = " ".join(line.text for line in laid_out.lines)
        for row in chronology_rows(chronology):
            for cell in row:
                assert " ".join(cell.split()) in laid_text
        mixed += sum(
            1
            for line in laid_out.lines
            if re.search("[A-Za-z]", line.text) and re.search("[\u0600-\u06ff]", line.text)
        )
    assert mixed > 0  # the demo has cells that mix the two scripts


def test_a_row_taller_than_a_page_carries_on_under_repeated_headings(pages: Pages):
    testimony = " ".join(
        f"روز {n}: بازجویی (interrogation) از ساعت {n % 12 + 1} تا نیمه‌شب، بند ۲۰۹."
        for n in range(110)
    )
    pages.table(["Date", "Event"], [["c. 2019", testimony]], [1, 3])
    laid_out = LaidOutPdf(bytes(pages.pdf.output()), tuple(pages.lines))
    cell = [line for line in laid_out.lines if line.paragraph == testimony]
    assert len({line.page for line in cell}) > 1
    assert " ".join(line.text for line in cell) == testimony  # nothing lost at the breaks
    headings = [line.page for line in laid_out.lines if line.text == "Date"]
    assert headings == sorted({line.page for line in cell})  # one heading row per page
    assert assert_reads_as_the_algorithm_says(laid_out) == len(laid_out.lines)
