"""A page or a text as it leaves the archive: in a page export, a bundle, its reader or a case
file, each goes through here, so a redaction or a pseudonym holds in every copy alike.

A page leaves as a sanitised copy (its pixels only) with its redacted rectangles filled with
black: the pixels replaced, never an overlay. A redacted page never leaves as its original
bytes, even when the original was asked for. A text leaves with each redacted passage replaced
by a mark that tells only roughly how long it was, and with the names of anonymised witnesses
(in both scripts, and their aliases) replaced by their pseudonyms.

Every other text about the archive that leaves goes through ``replace_names`` too: titles,
tag names, event places and descriptions, comments, notes, file names, and a chronology
exported to a file (``timeline_as_it_leaves``). A tag named "Testimony of <witness>" or an
event at "<witness>'s house" would otherwise give the witness away.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from amanat.core.bundle import stripped_recordings
from amanat.core.database import Database
from amanat.core.file_types import RECORDING_SUFFIXES, is_recording
from amanat.core.jobs import Cancel
from amanat.core.records import Text
from amanat.core.scans.export import sanitised_copy
from amanat.core.storage import pages, people
from amanat.core.storage import redactions as redaction_store
from amanat.core.timeline import SourceRef, Timeline

MARK = "\u2588"
"""The block that stands for redacted words."""

_LENGTH_CLASSES = ((12, 5), (60, 12))
"""(up to this many characters, this many blocks): a word or a name, a phrase; longer
passages get ``_LONG_MARK`` blocks. Only the class shows, never the length itself."""
_LONG_MARK = 24

_SUFFIXES = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/heic": ".heic",
    "image/avif": ".avif",
    "application/pdf": ".pdf",
    **RECORDING_SUFFIXES,
}


@dataclass(frozen=True, slots=True)
class LeavingPage:
    """A page's file as it leaves."""

    data: bytes
    mime_type: str
    suffix: str
    width: int | None
    height: int | None
    sanitised: bool
    """False only for an unredacted page whose original was asked for (byte for byte)."""


@dataclass(frozen=True, slots=True)
class Replacement:
    """One name of an anonymised witness and the pseudonym that stands for it."""

    person_id: str
    name: str
    pseudonym: str


@dataclass(frozen=True, slots=True)
class LeavingText:
    """A text's body as it leaves, with the way back from a position in the stored body."""

    body: str
    _cuts: tuple[tuple[int, int, int, int], ...]
    """(old start, old end, new start, new end) of each replaced span, in order."""
    redacted: int = 0
    """How many passages were marked (names replaced are not counted)."""

    def position(self, old: int, *, end: bool = False) -> int:
        """Where position ``old`` of the stored body is in the leaving body. A position inside
        a replaced span goes to the span's start (or, with ``end``, its end)."""
        index = bisect.bisect_right([cut[0] for cut in self._cuts], old) - 1
        if index < 0:
            return old
        old_start, old_end, new_start, new_end = self._cuts[index]
        if old == old_start:
            return new_start
        if old < old_end:
            return new_end if end else new_start
        return new_end + (old - old_end)


def mark_for(length: int) -> str:
    """The mark that stands for ``length`` redacted characters."""
    for longest, blocks in _LENGTH_CLASSES:
        if length <= longest:
            return MARK * blocks
    return MARK * _LONG_MARK


def page_as_it_leaves(db: Database, page_id: str, keep_metadata: bool) -> LeavingPage:
    """The page's file as it leaves. ``keep_metadata`` asks for the original bytes, which
    only a page without redactions gets."""
    page = pages.get(db, page_id)
    blacked_out = [r.rectangle for r in redaction_store.of_page(db, page_id)]
    if keep_metadata and not blacked_out:
        return LeavingPage(
            data=pages.original_bytes(db, page_id),
            mime_type=page.mime_type,
            suffix=_SUFFIXES.get(page.mime_type, ""),
            width=page.width,
            height=page.height,
            sanitised=False,
        )
    copy = sanitised_copy(db, page_id)  # with the redactions burned in
    if is_recording(page.mime_type):  # remuxed: the same sound and picture
        return LeavingPage(
            copy.data, copy.mime_type, copy.suffix, page.width, page.height, sanitised=True
        )
    width, height = pages.pixel_size(copy.data)
    return LeavingPage(copy.data, copy.mime_type, copy.suffix, width, height, sanitised=True)


@dataclass(frozen=True, slots=True)
class LeavingRecording:
    """A recording's stripped copy as it leaves in a bundle: measured, never held whole
    (core/bundle/stripped_recordings.py); ``write_recording_as_it_leaves`` makes it again,
    into the bundle."""

    page_id: str
    mime_type: str
    suffix: str
    width: int | None
    height: int | None
    copy: stripped_recordings.Measured

    @property
    def size(self) -> int:
        return self.copy.size

    @property
    def sha256(self) -> str:
        return self.copy.sha256


def recording_as_it_leaves(
    db: Database, page_id: str, cancel: Cancel | None = None
) -> LeavingRecording:
    """A recording page's stripped copy (the same bytes as ``page_as_it_leaves`` gives),
    its size and SHA-256 found without holding it, for a bundle's manifest."""
    page = pages.get(db, page_id)
    return LeavingRecording(
        page_id,
        page.mime_type,
        _SUFFIXES.get(page.mime_type, ""),
        page.width,
        page.height,
        stripped_recordings.measure(db, page_id, cancel),
    )


def write_recording_as_it_leaves(
    db: Database,
    recording: LeavingRecording,
    out: Callable[[bytes], None],
    cancel: Cancel | None = None,
) -> None:
    """The copy ``recording_as_it_leaves`` measured, given to ``out`` piece by piece as it is
    made; RecordingCopyUnsteady if it does not come out the same."""
    stripped_recordings.write(db, recording.page_id, recording.copy, out, cancel)


def is_redacted(db: Database, page_id: str) -> bool:
    """Whether the page has redacted rectangles (then it never leaves as its original)."""
    return bool(redaction_store.of_page(db, page_id))


def replacements_for(db: Database, pseudonyms: Mapping[str, str]) -> tuple[Replacement, ...]:
    """Every name of each person in ``pseudonyms`` (person id → pseudonym): the name shown,
    the Persian and the Latin spellings, the aliases; longest first, so a full name is
    replaced whole before a part of it."""
    found: dict[tuple[str, str], Replacement] = {}
    for person_id, pseudonym in pseudonyms.items():
        person = people.get(db, person_id)
        for name in (person.display_name, person.name_fa, person.name_latin, *person.aliases):
            name = " ".join(name.split())
            if len(name) >= 2:
                key = (person_id, name.casefold())
                found.setdefault(key, Replacement(person_id, name, pseudonym))
    return tuple(sorted(found.values(), key=lambda r: (-len(r.name), r.name)))


def text_as_it_leaves(db: Database, text: Text, replacements: Sequence[Replacement]) -> str:
    """The text's body as it leaves: redacted passages marked, witnesses' names replaced."""
    return leaving_text(db, text, replacements).body


def leaving_text(db: Database, text: Text, replacements: Sequence[Replacement]) -> LeavingText:
    """As ``text_as_it_leaves``, with the positions mapped (for the annotations that leave)."""
    spans: list[tuple[int, int]] = []
    lost_quotes: list[str] = []
    for redaction in redaction_store.of_text(db, text.id):
        target = redaction.target
        if not redaction.orphaned and text.body[target.start : target.end] == target.quote:
            spans.append((target.start, target.end))
        else:
            # Words once redacted whose place is lost: wherever they are now, they stay home.
            lost_quotes.append(target.quote)
    for quote in lost_quotes:
        spans.extend(_occurrences(text.body, quote))
    return replaced(text.body, spans, replacements)


def replace_names(value: str, replacements: Sequence[Replacement]) -> str:
    """``value`` (a title, a comment) with the witnesses' names replaced by pseudonyms."""
    return replaced(value, (), replacements).body


def anonymised_witnesses(db: Database) -> tuple[str, ...]:
    """Every person who wrote a document they asked to be anonymised in (in the trash or
    withdrawn too): for what leaves without a choice of documents, such as a chronology."""
    rows = db.all(
        "SELECT DISTINCT author_id FROM documents"
        " WHERE consent_anonymise AND author_id IS NOT NULL ORDER BY author_id"
    )
    return tuple(str(row[0]) for row in rows)


def timeline_as_it_leaves(
    timeline: Timeline, replacements: Sequence[Replacement], pseudonyms: Mapping[str, str]
) -> Timeline:
    """A chronology as it is written to a file: the witnesses' names replaced in every text
    in it, and the chronology of an anonymised witness (a person id in ``pseudonyms``)
    under their pseudonym only, with none of their other names or notes."""

    def names(value: str) -> str:
        return replace_names(value, replacements)

    person = timeline.person
    if person.id in pseudonyms:
        person = replace(
            person,
            display_name=pseudonyms[person.id],
            name_fa="",
            name_latin="",
            aliases=(),
            notes="",
            birth_year=None,
        )
    else:
        person = replace(person, notes=names(person.notes))
    facts = timeline.facts
    place = facts.current_place
    return replace(
        timeline,
        person=person,
        entries=tuple(
            replace(
                entry,
                place=names(entry.place),
                title=names(entry.title),
                description=names(entry.description),
                sources=tuple(
                    SourceRef(s.document_id, names(s.title), s.in_trash) for s in entry.sources
                ),
            )
            for entry in timeline.entries
        ),
        undated=tuple(replace(d, title=names(d.title)) for d in timeline.undated),
        facts=replace(facts, current_place=replace(place, place=names(place.place))),
        contradictions=tuple(replace(c, message=names(c.message)) for c in timeline.contradictions),
        place_groups=tuple(
            replace(
                group,
                spellings=tuple(names(s) for s in group.spellings),
                known_name=names(group.known_name) if group.known_name else group.known_name,
            )
            for group in timeline.place_groups
        ),
        hints=tuple(names(hint) for hint in timeline.hints),
    )


def replaced(
    body: str, redacted: Iterable[tuple[int, int]], replacements: Sequence[Replacement]
) -> LeavingText:
    """``body`` with each span in ``redacted`` marked and each name replaced. A name that
    overlaps a redacted span is marked with it, so no part of either shows."""
    marked = _merged(sorted((s, e) for s, e in redacted if e > s))
    names = _name_spans(body, replacements)
    cuts: list[tuple[int, int, str]] = []
    for start, end in marked:
        cuts.append((start, end, ""))
    for start, end, pseudonym in names:
        cuts.append((start, end, pseudonym))
    cuts.sort(key=lambda cut: (cut[0], -cut[1]))
    joined: list[tuple[int, int, str]] = []
    for start, end, pseudonym in cuts:
        if joined and start < joined[-1][1]:
            # Names never overlap each other (chosen apart), so an overlap has a redaction
            # in it, and the redaction's mark covers both.
            joined[-1] = (joined[-1][0], max(joined[-1][1], end), "")
        else:
            joined.append((start, end, pseudonym))
    out: list[str] = []
    mapped: list[tuple[int, int, int, int]] = []
    at = 0
    length = 0
    for start, end, pseudonym in joined:
        out.append(body[at:start])
        length += start - at
        shown = pseudonym or mark_for(end - start)
        mapped.append((start, end, length, length + len(shown)))
        out.append(shown)
        length += len(shown)
        at = end
    out.append(body[at:])
    marks = sum(1 for _start, _end, pseudonym in joined if not pseudonym)
    return LeavingText("".join(out), tuple(mapped), marks)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _occurrences(body: str, quote: str) -> list[tuple[int, int]]:
    found = []
    if quote:
        position = body.find(quote)
        while position != -1:
            found.append((position, position + len(quote)))
            position = body.find(quote, position + 1)
    return found


# Letters Persian and Arabic keyboards type differently for the same name, and the joiners
# written or left out between its parts: a name is found however it was typed.
_VARIANTS = {
    "ی": "[یيى]",
    "ي": "[یيى]",
    "ى": "[یيى]",
    "ک": "[کك]",
    "ك": "[کك]",
    "ه": "[هة]",
    "ة": "[هة]",
}
_SUFFIXES_WRITTEN_ON = ("های", "ها", "یی", "ای", "ی")
"""Written onto a Persian name without a space: the plural, the ezafe, "a" and "one's"."""
_BETWEEN_PARTS = "[\\s\u200c\u200d\u00a0-]*"
_DIACRITICS = "[\u064b-\u065f\u0670]*"


def _pattern(name: str) -> re.Pattern[str]:
    parts: list[str] = []
    for character in name:
        if character.isspace() or character in "\u200c\u200d-":
            if parts and parts[-1] != _BETWEEN_PARTS:
                parts.append(_BETWEEN_PARTS)
            continue
        parts.append(_VARIANTS.get(character, re.escape(character)) + _DIACRITICS)
    latin = all(c.isascii() for c in name)
    # A name ends where its word ends ("Ali" is not in "Alice", "رضا" not in "رضایت"); a
    # Persian one may have a suffix written onto it ("رضای", "امیدها"), which is replaced
    # with it.
    end = "(?!\\w)" if latin else "(?:" + "|".join(_SUFFIXES_WRITTEN_ON) + ")?(?!\\w)"
    return re.compile("(?<!\\w)" + "".join(parts) + end, re.IGNORECASE)


def _name_spans(body: str, replacements: Sequence[Replacement]) -> list[tuple[int, int, str]]:
    """Where the names are: the longest at each place, none overlapping."""
    found: list[tuple[int, int, str]] = []
    for replacement in replacements:
        for match in _pattern(replacement.name).finditer(body):
            if match.end() > match.start():
                found.append((match.start(), match.end(), replacement.pseudonym))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    chosen: list[tuple[int, int, str]] = []
    for span in found:
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen
