"""The words Amanat itself writes in its PDFs (the case file and the chronology): headings,
labels and the short phrases around what the user typed, in the interface's language.

The core is Qt-free, so it does not translate: each phrase is marked for the translators
(``QT_TRANSLATE_NOOP`` under the context "PdfWords", which lupdate lists in the translation
file) and ``PdfWords()`` holds the English. The window passes its translation in,
``PdfWords.translated(QCoreApplication.translate, right_to_left)``; the command line writes
English. Placeholders are in braces, as in core/errors.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum

from amanat.core.digits import to_persian_digits
from amanat.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "PdfWords"


@dataclass(frozen=True, slots=True)
class PdfWords:
    # The case file's cover.
    case_file: str = QT_TRANSLATE_NOOP("PdfWords", "Case file")
    made_on: str = QT_TRANSLATE_NOOP("PdfWords", "Made on:")
    documents_count: str = QT_TRANSLATE_NOOP("PdfWords", "Documents:")
    pictures_count: str = QT_TRANSLATE_NOOP("PdfWords", "Page pictures:")
    texts_count: str = QT_TRANSLATE_NOOP("PdfWords", "Texts:")
    events_count: str = QT_TRANSLATE_NOOP("PdfWords", "Events:")
    annotations_count: str = QT_TRANSLATE_NOOP("PdfWords", "Annotations:")
    what_is_included: str = QT_TRANSLATE_NOOP("PdfWords", "What is included")
    included: str = QT_TRANSLATE_NOOP(
        "PdfWords",
        "Exactly what a bundle of this person would hold: withdrawn testimony, private "
        "testimony, testimony whose witness consented only to a narrower circle than "
        "“{audience}”, private annotations and documents in the trash are not in it. "
        "Anonymised witnesses appear under a pseudonym. Page pictures are sanitised copies "
        "(pixels only, no location or camera data).",
    )
    documents: str = QT_TRANSLATE_NOOP("PdfWords", "Documents")
    no_documents: str = QT_TRANSLATE_NOOP("PdfWords", "None.")
    one_page: str = QT_TRANSLATE_NOOP("PdfWords", "{count} page")
    pages: str = QT_TRANSLATE_NOOP("PdfWords", "{count} pages")
    # The chronology, in both PDFs.
    chronology_of: str = QT_TRANSLATE_NOOP("PdfWords", "Chronology of {name}")
    facts_as_of: str = QT_TRANSLATE_NOOP("PdfWords", "Facts as of {date}")
    time_detained: str = QT_TRANSLATE_NOOP("PdfWords", "Time detained:")
    solitary: str = QT_TRANSLATE_NOOP("PdfWords", "Solitary confinement:")
    hunger_strike: str = QT_TRANSLATE_NOOP("PdfWords", "Hunger strike:")
    transfers: str = QT_TRANSLATE_NOOP("PdfWords", "Transfers:")
    current_place: str = QT_TRANSLATE_NOOP("PdfWords", "Current place:")
    contradictions: str = QT_TRANSLATE_NOOP("PdfWords", "Contradictions")
    date: str = QT_TRANSLATE_NOOP("PdfWords", "Date")
    event: str = QT_TRANSLATE_NOOP("PdfWords", "Event")
    place: str = QT_TRANSLATE_NOOP("PdfWords", "Place")
    sources: str = QT_TRANSLATE_NOOP("PdfWords", "Sources")
    no_events: str = QT_TRANSLATE_NOOP("PdfWords", "No events are recorded for this person.")
    nothing_recorded: str = QT_TRANSLATE_NOOP(
        "PdfWords", "Nothing is recorded for this person yet."
    )
    from_to: str = QT_TRANSLATE_NOOP("PdfWords", "from {start} to {end}")
    from_ongoing: str = QT_TRANSLATE_NOOP("PdfWords", "from {start}, ongoing")
    until: str = QT_TRANSLATE_NOOP("PdfWords", "{start} – {end}")
    ongoing: str = QT_TRANSLATE_NOOP("PdfWords", "{start} – ongoing")
    undated: str = QT_TRANSLATE_NOOP("PdfWords", "undated")
    in_the_trash: str = QT_TRANSLATE_NOOP("PdfWords", "[in the trash]")
    source_in_the_trash: str = QT_TRANSLATE_NOOP("PdfWords", "(in the trash)")
    # The facts' values.
    no_days: str = QT_TRANSLATE_NOOP("PdfWords", "none")
    one_day: str = QT_TRANSLATE_NOOP("PdfWords", "{count} day")
    days: str = QT_TRANSLATE_NOOP("PdfWords", "{count} days")
    days_between: str = QT_TRANSLATE_NOOP("PdfWords", "at least {least} days (at most {most})")
    still_going_on: str = QT_TRANSLATE_NOOP("PdfWords", "{days}, still going on")
    held: str = QT_TRANSLATE_NOOP("PdfWords", "{place} (held)")
    on_furlough: str = QT_TRANSLATE_NOOP("PdfWords", "{place} (on furlough)")
    place_not_recorded: str = QT_TRANSLATE_NOOP("PdfWords", "place not recorded")
    released: str = QT_TRANSLATE_NOOP("PdfWords", "released")
    whereabouts_unknown: str = QT_TRANSLATE_NOOP(
        "PdfWords", "not known: no arrest, transfer or release is recorded"
    )
    # The case file's documents.
    by: str = QT_TRANSLATE_NOOP("PdfWords", "{about}, by {name}")
    cited: str = QT_TRANSLATE_NOOP("PdfWords", "D{number}")
    cited_page: str = QT_TRANSLATE_NOOP("PdfWords", "D{number}, page 1")
    cited_pages: str = QT_TRANSLATE_NOOP("PdfWords", "D{number}, pages 1–{count}")
    caption: str = QT_TRANSLATE_NOOP("PdfWords", "D{number}, page {page} of {count}")
    recording_caption: str = QT_TRANSLATE_NOOP(
        "PdfWords",
        "D{number}, page {page} of {count}: a recording ({kind}{length}), which paper cannot "
        "hold; a bundle carries it",
    )
    text_heading: str = QT_TRANSLATE_NOOP("PdfWords", "D{number}: {kind} ({language})")
    language_not_given: str = QT_TRANSLATE_NOOP("PdfWords", "language not given")
    on_passage: str = QT_TRANSLATE_NOOP("PdfWords", "On “{quote}”: {note}")
    on_region: str = QT_TRANSLATE_NOOP("PdfWords", "On a region of the page: {note}")
    on_moment: str = QT_TRANSLATE_NOOP("PdfWords", "From {moment} of the recording: {note}")

    comma: str = QT_TRANSLATE_NOOP("PdfWords", ", ")
    """Between the parts of a list ("letter, 11 Esfand 1398, 1 page")."""
    # How a document in a chronology is the person's.
    wrote: str = QT_TRANSLATE_NOOP("PdfWords", "wrote")
    received: str = QT_TRANSLATE_NOOP("PdfWords", "received")
    concerned: str = QT_TRANSLATE_NOOP("PdfWords", "concerned")

    names: Mapping[str, str] = field(default_factory=dict)
    """The interface's names of event types, document and text kinds and audiences (the
    window's own labels), by ``key(value)``; without one, the value itself."""
    language: str = "en"
    """The language of the words, for dates (``core/dates.py``) and digits: "en" or "fa"."""
    right_to_left: bool = False
    """The words' writing direction: Persian's sentences are laid out from the right (the
    PDFs' ``pdf_layout.Direction``; not imported here, so that the command line's text and
    CSV exports load no PDF library)."""

    @classmethod
    def translated(
        cls,
        translate: Callable[[str, str], str],
        right_to_left: bool = False,
        names: Mapping[str, str] | None = None,
        language: str = "en",
    ) -> PdfWords:
        """Every phrase through ``translate(context, english)`` (Qt's, from the window)."""
        english = cls()
        words = {
            each.name: translate(CONTEXT, getattr(english, each.name))
            for each in fields(cls)
            if each.name not in _NOT_PHRASES
        }
        return cls(**words, names=dict(names or {}), language=language, right_to_left=right_to_left)

    def name(self, value: StrEnum) -> str:
        """An event type's or a kind's name: the interface's, else its value in words."""
        return self.names.get(key(value)) or value.value.replace("-", " ")

    def relation(self, relation: str) -> str:
        shown = {"wrote": self.wrote, "received": self.received, "concerned": self.concerned}
        return shown.get(relation, relation)

    def isolated(self, text: str) -> str:
        """A date or a name set inside a right-to-left sentence of these words as a unit of
        its own direction (UAX #9), so "26 Khordad 1403" keeps its order; unchanged in a
        left-to-right one, where the layout already keeps it."""
        if not self.right_to_left or not text:
            return text
        return "\u2068" + text + "\u2069"

    def number(self, value: int) -> str:
        """A number in the words' digits (Persian digits in Persian)."""
        return to_persian_digits(str(value)) if self.language == "fa" else str(value)

    def digits(self, text: str) -> str:
        """``text`` (a clock, "1:23") with its digits in the words' script."""
        return to_persian_digits(text) if self.language == "fa" else text

    def day_count(self, count: int) -> str:
        return (self.one_day if count == 1 else self.days).format(count=self.number(count))

    def page_count(self, count: int) -> str:
        return (self.one_page if count == 1 else self.pages).format(count=self.number(count))


_NOT_PHRASES = frozenset({"names", "language", "right_to_left"})


def key(value: StrEnum) -> str:
    """Where ``PdfWords.names`` keeps a value's name: kinds of different things may share a
    value ("letter" is an event type and a document kind)."""
    return f"{type(value).__name__}:{value.value}"


ENGLISH = PdfWords()
