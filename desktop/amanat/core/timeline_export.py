"""A chronology as text (a readable table under the computed facts) or as CSV for a
spreadsheet (the PDF is timeline_pdf's), in either calendar, written only to a new file: an
export never replaces a file that is already there."""

from __future__ import annotations

import contextlib
import csv
import datetime
import errno
import io
import textwrap
from pathlib import Path

from amanat.core import private_files
from amanat.core.dates import Calendar, FuzzyDate, Precision, format_iso, readable_date
from amanat.core.errors import Detail, DiskFullAt, FileNotWritable, os_reason
from amanat.core.pdf_words import ENGLISH, PdfWords
from amanat.core.timeline import (
    Contradiction,
    CurrentPlace,
    DayCount,
    EntryKind,
    Timeline,
    TimelineEntry,
    UndatedDocument,
    Whereabouts,
)

# --- Words for the figures -------------------------------------------------------------------


def describe_days(count: DayCount, words: PdfWords = ENGLISH) -> str:
    """ "12 days", "at least 40 days (at most 71)", "none"; ", still going on" when open."""
    if count.at_most == 0:
        return words.no_days
    if count.exact:
        text = words.day_count(count.at_least)
    else:
        text = words.days_between.format(
            least=words.number(count.at_least), most=words.number(count.at_most)
        )
    return words.still_going_on.format(days=text) if count.until_today else text


def describe_place(place: CurrentPlace, words: PdfWords = ENGLISH) -> str:
    where = place.place or words.place_not_recorded
    if place.whereabouts is Whereabouts.HELD:
        return words.held.format(place=where)
    if place.whereabouts is Whereabouts.ON_FURLOUGH:
        return words.on_furlough.format(place=where)
    if place.whereabouts is Whereabouts.RELEASED:
        return words.released
    return words.whereabouts_unknown


def date_text(entry: TimelineEntry, words: PdfWords = ENGLISH) -> str:
    """An entry's date in its readable form (``dates.readable_date``), and for a span where
    it ends: "from … to …", "from …, ongoing"."""
    shown = readable_date(entry.start, words.language)
    if entry.end is not None:
        return words.from_to.format(start=shown, end=readable_date(entry.end, words.language))
    if entry.ongoing:
        return words.from_ongoing.format(start=shown)
    return shown


def today_text(today: datetime.date, calendar: Calendar, language: str = "en") -> str:
    """The day the facts are computed for, in the calendar chosen for the export first."""
    return readable_date(FuzzyDate(today, today, Precision.DAY, calendar=calendar), language)


def _short(ids: tuple[str, ...]) -> str:
    # The first 8 characters of a UUID are enough to find an event in a person's chronology.
    return ", ".join(i[:8] for i in ids)


def _what(entry: TimelineEntry | UndatedDocument) -> str:
    if isinstance(entry, UndatedDocument):
        return f"{entry.kind.value} ({', '.join(entry.relations)})"
    if entry.kind is EntryKind.DOCUMENT:
        return f"{entry.type.value} ({', '.join(entry.relations)})"
    return entry.type.value.replace("-", " ")


def _sources_text(entry: TimelineEntry) -> str:
    return "; ".join(
        source.title + (" (in the trash)" if source.in_trash else "") for source in entry.sources
    )


# --- Text ----------------------------------------------------------------------------------

_DESCRIPTION_WIDTH = 48


def to_text(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> str:
    person, facts = timeline.person, timeline.facts
    names = " / ".join(n for n in (person.name_fa, person.name_latin) if n)
    today = today_text(facts.today, calendar)
    lines = [f"Chronology of {person.display_name}" + (f" ({names})" if names else ""), ""]
    lines.append(f"Facts as of {today}")
    for label, value, ids in (
        ("Time detained", describe_days(facts.detained), facts.detained.event_ids),
        ("Solitary confinement", describe_days(facts.solitary), facts.solitary.event_ids),
        ("Hunger strike", describe_days(facts.hunger_strike), facts.hunger_strike.event_ids),
        ("Transfers", str(facts.transfers), facts.transfer_ids),
        ("Current place", describe_place(facts.current_place), facts.current_place.event_ids),
    ):
        lines.append(f"  {label + ':':<22}{value}" + (f"  [events {_short(ids)}]" if ids else ""))
    if timeline.contradictions:
        lines += ["", "Contradictions"]
        lines += [_contradiction_line(c) for c in timeline.contradictions]
    if timeline.hints:
        lines += ["", "To complete the chronology"]
        lines += [f"  - {hint}" for hint in timeline.hints]
    lines += ["", *_table(timeline, calendar)]
    return "\n".join(lines).rstrip() + "\n"


def _contradiction_line(contradiction: Contradiction) -> str:
    return f"  - {contradiction.message} [events {_short(contradiction.event_ids)}]"


def _table(timeline: Timeline, calendar: Calendar) -> list[str]:
    rows: list[tuple[str, str, str, str, str, str]] = []
    for entry in timeline.entries:
        marks = " [in the trash]" if entry.in_trash else ""
        description = entry.title if entry.kind is EntryKind.DOCUMENT else entry.description
        rows.append(
            (
                entry.id[:8],
                date_text(entry),
                _what(entry),
                entry.place,
                description + marks,
                _sources_text(entry),
            )
        )
    for document in timeline.undated:
        marks = " [in the trash]" if document.in_trash else ""
        rows.append((document.id[:8], "undated", _what(document), "", document.title + marks, ""))
    if not rows:
        return ["Nothing is recorded for this person yet."]
    header = ("Id", "Date", "Type", "Place", "Description", "Sources")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(4)]
    widths.append(_DESCRIPTION_WIDTH)

    def line(cells: tuple[str, ...], last: str = "") -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=True)]
        return "  ".join([*padded, last]).rstrip()

    out = [line(header[:5], header[5]), line(tuple("-" * w for w in widths), "-" * 7)]
    for row in rows:
        # Long descriptions wrap within their column, never cut: they are testimony.
        wrapped = textwrap.wrap(row[4], _DESCRIPTION_WIDTH) or [""]
        out.append(line((*row[:4], wrapped[0]), row[5]))
        out += [line(("", "", "", "", more)) for more in wrapped[1:]]
    return out


# --- CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "kind",
    "id",
    "type",
    "date_iso",
    "end_iso",
    "ongoing",
    "date",
    "end",
    "precision",
    "circa",
    "calendar",
    "place",
    "title",
    "description",
    "relation",
    "source_ids",
    "sources_in_trash",
    "in_trash",
)

# A cell starting with one of these is run as a formula by Excel and LibreOffice. Descriptions
# can come from imported bundles, so free text is defused with a leading apostrophe, which
# spreadsheets show as text and do not display.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def to_csv(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> str:
    """One header row, then one row per entry in order, undated documents last.

    Each date is there twice: ISO 8601 for programs (``date_iso``: "2011-03-15", "2011-03",
    "2024-07-22/2024-08-21", "~" before an approximate one) with its precision, circa and the
    calendar it was entered in; and the readable form for people (``date``). The readable
    form does not depend on ``calendar``, which the other exports use for today's date.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for entry in timeline.entries:
        end = entry.end
        writer.writerow(
            (
                entry.kind.value,
                entry.id,
                entry.type.value,
                format_iso(entry.start),
                format_iso(end) if end else "",
                _yes(entry.ongoing),
                readable_date(entry.start),
                readable_date(end) if end else "",
                entry.start.precision.value,
                _yes(entry.start.circa),
                entry.start.calendar.value,
                _cell(entry.place),
                _cell(entry.title),
                _cell(entry.description),
                " ".join(entry.relations),
                " ".join(entry.source_ids),
                " ".join(s.document_id for s in entry.sources if s.in_trash),
                _yes(entry.in_trash),
            )
        )
    for document in timeline.undated:
        writer.writerow(
            (
                EntryKind.DOCUMENT.value,
                document.id,
                document.kind.value,
                *("",) * 2,
                "no",
                *("",) * 5,
                _cell(document.title),
                "",
                " ".join(document.relations),
                "",
                "",
                _yes(document.in_trash),
            )
        )
    return buffer.getvalue()


def to_csv_file_bytes(timeline: Timeline, calendar: Calendar = Calendar.GREGORIAN) -> bytes:
    # With a byte-order mark: Excel reads a CSV file without one in the Windows code page and
    # turns Persian into mojibake. LibreOffice, Numbers and Python's "utf-8-sig" accept it.
    return to_csv(timeline, calendar).encode("utf-8-sig")


# --- Files ---------------------------------------------------------------------------------


_TAKEN = Detail("file-exists")


def refuse_existing(path: Path) -> None:
    """Fail early (before asking for a password) if ``path`` is taken."""
    if path.exists():
        raise FileNotWritable(path=str(path), reason=_TAKEN)


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a file that must not exist yet; on failure leave no partial file."""
    try:
        handle = private_files.create_new(path)  # refuses an existing file; 0600
    except FileExistsError as error:
        raise FileNotWritable(path=str(path), reason=_TAKEN) from error
    except OSError as error:
        raise FileNotWritable(path=str(path), reason=os_reason(error)) from error
    try:
        with handle:
            handle.write(data)
    except OSError as error:
        with contextlib.suppress(OSError):
            path.unlink()
        if error.errno == errno.ENOSPC:
            raise DiskFullAt(path=str(path.parent)) from error
        raise FileNotWritable(path=str(path), reason=os_reason(error)) from error
