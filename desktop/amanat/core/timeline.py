"""A person's chronology: their events and the documents that name them, in date order; the
facts a lawyer cites, computed from it and traceable to its events; the contradictions in it;
and the place names in it that look like one prison spelled two ways (found by places.py).

Rules, decided once here so the view, the command line and the exports agree:

Order. Entries sort by the first day their date may mean, then by the last day, then exact
before "circa", then events before documents, then arrest before other events before release,
then id. So "March 2011" stands after an exact 1 March 2011 and before 2 March 2011: the month
is met where it begins, before any of its days, and among entries that begin on the same day
the narrower, surer date leads. Sorting by the middle of the interval was rejected: a year
would jump to July and look as precise as its neighbours. The first two keys are the
``(date_start, date_end)`` the database indexes.

Fuzzy spans. A span runs from its start date to its end date, or to ``today`` if it is
ongoing, or covers only its own date if it has neither. Every figure is given as a pair:
*at least* takes the inner bounds (the latest day the span may have begun to the earliest day
it may have ended; at least one day), *at most* the outer bounds. Days are counted inclusively:
a hunger strike from 1 to 3 March is 3 days. Spans that overlap are counted once. Nothing is
counted after ``today``. Dates are Gregorian intervals whatever calendar they were typed in,
so a span from Esfand 1403 (a leap year, with 30 Esfand) to a Gregorian date needs no care.

Detention. A detention runs from an arrest to the first release after it; without one, to
the arrest's own end date if it has one, else to ``today``. An arrest while already detained
(new charges in prison) does not start a second count. Furloughs within a detention are
subtracted (their outer bounds from the *at least* figure, their inner bounds from the
*at most*), so the pair stays a true lower and upper bound.

Current place. The place of the last arrest or transfer that names one, unless a release
comes after it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from amanat.core.database import Database, Row
from amanat.core.dates import FuzzyDate, Precision, format_date
from amanat.core.places import PlaceGroup, group_places, place_key
from amanat.core.records import DocumentKind, EventType, Person, PersonStatus
from amanat.core.storage import people
from amanat.core.storage.columns import date_from

# --- What a timeline holds -------------------------------------------------------------


class EntryKind(StrEnum):
    EVENT = "event"
    DOCUMENT = "document"


class Relation(StrEnum):
    """How a document in a person's timeline is theirs."""

    WROTE = "wrote"
    RECEIVED = "received"
    CONCERNED = "concerned"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A document an event cites, with enough to show it without another query."""

    document_id: str
    title: str
    in_trash: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: EntryKind
    id: str
    type: EventType | DocumentKind
    start: FuzzyDate
    end: FuzzyDate | None = None
    ongoing: bool = False
    place: str = ""
    title: str = ""
    """A document's title; events have none."""
    description: str = ""
    sources: tuple[SourceRef, ...] = ()
    """The documents an event cites, trashed ones included and marked."""
    in_trash: bool = False
    """A document entry whose document is in the trash (listed only when asked for)."""
    relations: tuple[Relation, ...] = ()
    """For a document: wrote, received and/or concerned, in that order."""
    tag_ids: tuple[str, ...] = ()
    """The tags of the event or document, so a view can filter by tag."""

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(source.document_id for source in self.sources)

    @property
    def has_trashed_source(self) -> bool:
        return any(source.in_trash for source in self.sources)

    @property
    def is_span(self) -> bool:
        return self.end is not None or self.ongoing

    @property
    def uncertain(self) -> bool:
        """True if a date is known only to the month, season or year, or only roughly."""
        return any(
            d is not None and (d.precision is not Precision.DAY or d.circa)
            for d in (self.start, self.end)
        )

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date, bool, int, int, str]:
        """See the module's docstring for why this order."""
        type_rank = _TYPE_RANK.get(self.type, 1) if isinstance(self.type, EventType) else 0
        kind_rank = 0 if self.kind is EntryKind.EVENT else 1
        return (self.start.start, self.start.end, self.start.circa, kind_rank, type_rank, self.id)


# On one and the same date an arrest comes first and a release last, so a one-day detention
# reads (and counts) as arrested, then released, not the other way round.
_TYPE_RANK = {EventType.ARREST: 0, EventType.RELEASE: 2}


@dataclass(frozen=True, slots=True)
class UndatedDocument:
    """A document naming the person that has no date, so no place in the order."""

    id: str
    kind: DocumentKind
    title: str
    relations: tuple[Relation, ...]
    in_trash: bool = False


@dataclass(frozen=True, slots=True)
class DayCount:
    """A number of days as a lower and an upper bound (equal when every date is exact),
    with the events it was computed from."""

    at_least: int
    at_most: int
    event_ids: tuple[str, ...] = ()
    until_today: bool = False
    """A span in it is still going on, so the figure grows each day."""

    @property
    def exact(self) -> bool:
        return self.at_least == self.at_most


class Whereabouts(StrEnum):
    UNKNOWN = "unknown"
    """No arrest, transfer or release is recorded."""
    HELD = "held"
    ON_FURLOUGH = "on-furlough"
    RELEASED = "released"


@dataclass(frozen=True, slots=True)
class CurrentPlace:
    whereabouts: Whereabouts
    place: str = ""
    """Where the person is held; empty when released or not known."""
    event_ids: tuple[str, ...] = ()
    """The event that put them there (and the furlough or release that followed)."""


@dataclass(frozen=True, slots=True)
class Facts:
    today: datetime.date
    detained: DayCount
    solitary: DayCount
    hunger_strike: DayCount
    transfer_ids: tuple[str, ...]
    current_place: CurrentPlace

    @property
    def transfers(self) -> int:
        return len(self.transfer_ids)


class ContradictionKind(StrEnum):
    NOT_DETAINED = "not-detained"
    """A transfer, release or furlough when no detention is recorded."""
    RELEASED_FROM_ELSEWHERE = "released-from-elsewhere"
    OVERLAPPING_STAYS = "overlapping-stays"
    ENDS_BEFORE_START = "ends-before-start"
    ONGOING_AFTER_DEATH = "ongoing-after-death"
    STATUS_DISAGREES = "status-disagrees"


@dataclass(frozen=True, slots=True)
class Contradiction:
    kind: ContradictionKind
    event_ids: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Timeline:
    person: Person
    today: datetime.date
    entries: tuple[TimelineEntry, ...]
    undated: tuple[UndatedDocument, ...]
    facts: Facts
    contradictions: tuple[Contradiction, ...]
    place_groups: tuple[PlaceGroup, ...]
    hints: tuple[str, ...] = field(default=())
    """What the user could add or fix to make the chronology more complete."""

    @property
    def events(self) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.kind is EntryKind.EVENT)

    @property
    def has_events(self) -> bool:
        return any(e.kind is EntryKind.EVENT for e in self.entries)


# --- Building it -----------------------------------------------------------------------

_DATE = "{p}_start, {p}_end, {p}_precision, {p}_circa, {p}_calendar"
_EVENTS_SQL = (
    f"SELECT id, type, {_DATE.format(p='date')}, {_DATE.format(p='end')}, ongoing, place,"
    " description FROM events WHERE person_id = ?"
)
# One query for the sources of all the person's events, not one per event: a long
# chronology has thousands of events.
_SOURCES_SQL = (
    "SELECT s.event_id, s.document_id, d.title, d.trashed IS NOT NULL"
    " FROM events e JOIN event_sources s ON s.event_id = e.id"
    " JOIN documents d ON d.id = s.document_id"
    " WHERE e.person_id = ? ORDER BY s.event_id, s.position"
)
_EVENT_TAGS_SQL = (
    "SELECT t.event_id, t.tag_id FROM events e JOIN event_tags t ON t.event_id = e.id"
    " WHERE e.person_id = ? ORDER BY t.event_id, t.tag_id"
)
_DOCUMENT_TAGS_SQL = (
    "SELECT t.document_id, t.tag_id FROM document_tags t WHERE t.document_id IN"
    " (SELECT id FROM documents WHERE author_id = ?"
    " UNION SELECT document_id FROM document_people WHERE person_id = ?)"
    " ORDER BY t.document_id, t.tag_id"
)
_DOCUMENT_COLUMNS = f"d.id, d.kind, d.title, {_DATE.format(p='d.date')}, d.trashed IS NOT NULL"
_DOCUMENTS_SQL = (
    f"SELECT {_DOCUMENT_COLUMNS}, 'wrote' FROM documents d WHERE d.author_id = ?{{trash}}"
    f" UNION ALL SELECT {_DOCUMENT_COLUMNS}, p.relation FROM document_people p"
    " JOIN documents d ON d.id = p.document_id WHERE p.person_id = ?{trash}"
)
_RELATIONS = {
    "wrote": Relation.WROTE,
    "recipient": Relation.RECEIVED,
    "concerned": Relation.CONCERNED,
}


def build_timeline(
    db: Database,
    person_id: str,
    today: datetime.date | None = None,
    include_trash: bool = False,
) -> Timeline:
    """The chronology of one person, in six queries whatever its length.

    Events whose source documents are in the trash are listed, with those sources marked.
    Documents that are themselves in the trash are left out unless ``include_trash``.
    """
    today = today or datetime.date.today()
    person = people.get(db, person_id)
    entries = [*_event_entries(db, person_id), *_document_entries(db, person_id, include_trash)]
    dated = sorted((e for e in entries if isinstance(e, TimelineEntry)), key=lambda e: e.sort_key)
    undated = sorted(
        (e for e in entries if isinstance(e, UndatedDocument)), key=lambda d: (d.title, d.id)
    )
    groups = group_places(Counter(e.place for e in dated if e.place))
    facts, contradictions = _analyse(person, dated, today)
    return Timeline(
        person=person,
        today=today,
        entries=tuple(dated),
        undated=tuple(undated),
        facts=facts,
        contradictions=contradictions,
        place_groups=groups,
        hints=_hints(person, dated, undated, groups),
    )


def _event_entries(db: Database, person_id: str) -> list[TimelineEntry]:
    sources: dict[str, list[SourceRef]] = {}
    for event_id, document_id, title, trashed in db.all(_SOURCES_SQL, (person_id,)):
        sources.setdefault(event_id, []).append(SourceRef(document_id, title, bool(trashed)))
    tag_ids = _tags_by_record(db.all(_EVENT_TAGS_SQL, (person_id,)))
    return [
        _event_entry(row, sources.get(row[0], ()), tag_ids.get(row[0], ()))
        for row in db.all(_EVENTS_SQL, (person_id,))
    ]


def _tags_by_record(rows: Iterable[Row]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for record_id, tag_id in rows:
        found.setdefault(record_id, []).append(tag_id)
    return {record_id: tuple(ids) for record_id, ids in found.items()}


def _event_entry(
    row: Row, sources: Sequence[SourceRef], tag_ids: tuple[str, ...] = ()
) -> TimelineEntry:
    start = date_from(row[2:7])
    assert start is not None, "events always have a date"
    return TimelineEntry(
        kind=EntryKind.EVENT,
        id=row[0],
        type=EventType(row[1]),
        start=start,
        end=date_from(row[7:12]),
        ongoing=bool(row[12]),
        place=row[13],
        description=row[14],
        sources=tuple(sources),
        tag_ids=tag_ids,
    )


def _document_entries(
    db: Database, person_id: str, include_trash: bool
) -> list[TimelineEntry | UndatedDocument]:
    trash = "" if include_trash else " AND d.trashed IS NULL"
    rows: dict[str, Row] = {}
    relations: dict[str, set[Relation]] = {}
    for row in db.all(_DOCUMENTS_SQL.format(trash=trash), (person_id, person_id)):
        rows.setdefault(row[0], row)
        relations.setdefault(row[0], set()).add(_RELATIONS[row[9]])
    found: list[TimelineEntry | UndatedDocument] = []
    tag_ids = _tags_by_record(db.all(_DOCUMENT_TAGS_SQL, (person_id, person_id)))
    for document_id, row in rows.items():
        kind, title, in_trash = DocumentKind(row[1]), row[2], bool(row[8])
        ordered = tuple(r for r in Relation if r in relations[document_id])
        date = date_from(row[3:8])
        if date is None:
            found.append(UndatedDocument(document_id, kind, title, ordered, in_trash))
        else:
            found.append(
                TimelineEntry(
                    kind=EntryKind.DOCUMENT,
                    id=document_id,
                    type=kind,
                    start=date,
                    title=title,
                    in_trash=in_trash,
                    relations=ordered,
                    tag_ids=tag_ids.get(document_id, ()),
                )
            )
    return found


def _hints(
    person: Person,
    entries: Sequence[TimelineEntry],
    undated: Sequence[UndatedDocument],
    groups: Sequence[PlaceGroup],
) -> tuple[str, ...]:
    name = person.display_name
    hints: list[str] = []
    event_types = {e.type for e in entries if e.kind is EntryKind.EVENT}
    if not event_types:
        hints.append(
            f"There are no events for {name} yet: add the arrest, interrogations, charges, "
            "trial sessions, sentence, transfers, solitary confinement, hunger strikes, visits, "
            "furloughs and release as they become known, each with the documents that attest it."
        )
    elif EventType.ARREST not in event_types:
        hints.append(
            f"No arrest is recorded for {name}, so the time detained cannot be counted; "
            "add the arrest."
        )
    if undated:
        hints.append(
            f"{len(undated)} document(s) naming {name} have no date and are listed apart; "
            "give them a date to place them in the chronology."
        )
    for group in groups:
        names = " and ".join(f"“{s}”" for s in group.spellings)
        hints.append(f"{names} look like one place; merge them so the chronology uses one name.")
    return tuple(hints)


# --- Day arithmetic ----------------------------------------------------------------------

# Intervals of days as (first ordinal, last ordinal), inclusive; unions are kept sorted and
# disjoint.
_Days = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Bounds:
    inner: _Days | None
    outer: _Days


def _bounds(
    start: FuzzyDate, end: FuzzyDate | None, ongoing: bool, today: datetime.date
) -> _Bounds | None:
    """The days a span surely covers (inner) and may cover (outer), up to ``today``; None if
    it ends before it starts or begins after ``today``."""
    if end is not None:
        if end.end < start.start:
            return None
        outer_end, inner_end = end.end, end.start
    elif ongoing:
        outer_end = inner_end = today
    else:
        outer_end = inner_end = start.end
    if start.start > today:
        return None
    outer = (start.start.toordinal(), min(outer_end, today).toordinal())
    inner_start = start.end
    if inner_start > inner_end:
        # The start and end intervals overlap ("March 2011 to March 2011"): all that is sure is
        # that the span happened, on at least one day within both.
        inner_start = inner_end = max(start.start, inner_end)
    inner_end = min(inner_end, today)
    inner = (inner_start.toordinal(), inner_end.toordinal()) if inner_start <= inner_end else None
    return _Bounds(inner, outer)


def _union(intervals: Iterable[_Days]) -> list[_Days]:
    merged: list[_Days] = []
    for first, last in sorted(intervals):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _minus(kept: list[_Days], removed: list[_Days]) -> list[_Days]:
    """Both sorted and disjoint, as ``_union`` returns them."""
    result: list[_Days] = []
    for first, last in kept:
        for r_first, r_last in removed:
            if r_last < first or r_first > last:
                continue
            if r_first > first:
                result.append((first, r_first - 1))
            first = r_last + 1
            if first > last:
                break
        if first <= last:
            result.append((first, last))
    return result


def _length(intervals: list[_Days]) -> int:
    return sum(last - first + 1 for first, last in intervals)


@dataclass(slots=True)
class _SpanSet:
    """Spans collected for one figure: what they surely and possibly cover."""

    inner: list[_Days] = field(default_factory=list)
    outer: list[_Days] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    until_today: bool = False

    def add(self, bounds: _Bounds | None) -> None:
        if bounds is not None:
            if bounds.inner is not None:
                self.inner.append(bounds.inner)
            self.outer.append(bounds.outer)

    def count(self, minus: _SpanSet | None = None) -> DayCount:
        at_least, at_most = _union(self.inner), _union(self.outer)
        if minus is not None:
            at_least = _minus(at_least, _union(minus.outer))
            at_most = _minus(at_most, _union(minus.inner))
        ids = tuple(dict.fromkeys(self.event_ids + (minus.event_ids if minus else [])))
        return DayCount(_length(at_least), _length(at_most), ids, self.until_today)


# --- Facts and contradictions --------------------------------------------------------------


@dataclass(slots=True)
class _Walk:
    """One pass through the events in order: detentions, whereabouts, and what contradicts."""

    person: Person
    today: datetime.date
    detained: _SpanSet = field(default_factory=_SpanSet)
    furloughs: _SpanSet = field(default_factory=_SpanSet)
    contradictions: list[Contradiction] = field(default_factory=list)
    arrest: TimelineEntry | None = None
    """The arrest that opened the detention now running."""
    detention_ids: list[str] = field(default_factory=list)
    last_release: TimelineEntry | None = None
    """The release (or arrest with an end date) that last set the person free."""
    freed: str = ""
    """How that came about, for messages: "the release on 1 March 2020"."""
    whereabouts: Whereabouts = Whereabouts.UNKNOWN
    place: str = ""
    place_event: TimelineEntry | None = None
    furlough: TimelineEntry | None = None
    """The last furlough since the person came to their current place."""

    def run(self, entries: Sequence[TimelineEntry]) -> None:
        for entry in entries:
            if entry.kind is not EntryKind.EVENT or _ends_before_start(entry):
                continue
            self._close_if_arrest_span_ended(entry)
            if entry.type is EventType.ARREST:
                self._arrest(entry)
            elif entry.type is EventType.TRANSFER:
                self._transfer(entry)
            elif entry.type is EventType.RELEASE:
                self._release(entry)
            elif entry.type is EventType.FURLOUGH:
                self._furlough(entry)
        if self.arrest is not None:
            arrest = self.arrest
            if arrest.end is not None and not arrest.ongoing:
                self._close(arrest.end)
            else:
                self.detained.until_today = True
                self._close(None)

    def _arrest(self, entry: TimelineEntry) -> None:
        if self.arrest is None:
            self.arrest = entry
        self.detention_ids.append(entry.id)
        self._held_at(entry)

    def _transfer(self, entry: TimelineEntry) -> None:
        if self.arrest is None:
            self._not_detained(entry)
        self._held_at(entry)

    def _release(self, entry: TimelineEntry) -> None:
        if self.arrest is None:
            self._not_detained(entry)
        else:
            self.detention_ids.append(entry.id)
            self._close(entry.start)
        if (
            entry.place
            and self.whereabouts is Whereabouts.HELD
            and self.place
            and place_key(entry.place) != place_key(self.place)
            and self.place_event is not None
        ):
            self._flag(
                ContradictionKind.RELEASED_FROM_ELSEWHERE,
                (self.place_event.id, entry.id),
                f"The release from {entry.place} on {_when(entry.start)} does not match the "
                f"last recorded place, {self.place} ({_what(self.place_event)} on "
                f"{_when(self.place_event.start)}).",
            )
        self.whereabouts, self.place, self.place_event = Whereabouts.RELEASED, "", entry
        self.last_release, self.freed = entry, f"the {_what(entry)} on {_when(entry.start)}"

    def _furlough(self, entry: TimelineEntry) -> None:
        if self.arrest is None:
            self._not_detained(entry)
            return
        self.furloughs.add(_bounds(entry.start, entry.end, entry.ongoing, self.today))
        self.furloughs.event_ids.append(entry.id)
        self.furlough = entry

    def _held_at(self, entry: TimelineEntry) -> None:
        self.whereabouts = Whereabouts.HELD
        self.furlough = None
        if entry.place:
            self.place, self.place_event = entry.place, entry
        elif self.place_event is None or self.place_event.type is EventType.RELEASE:
            self.place, self.place_event = "", entry

    def _close_if_arrest_span_ended(self, entry: TimelineEntry) -> None:
        # An arrest given with an end date ("detained from … to …") ends there when no
        # release is recorded; an event surely after that end finds the person free.
        arrest = self.arrest
        if (
            arrest is not None
            and arrest.end is not None
            and not arrest.ongoing
            and entry.type is not EventType.RELEASE
            and entry.start.start > arrest.end.end
        ):
            self._close(arrest.end)
            self.whereabouts, self.place, self.place_event = Whereabouts.RELEASED, "", arrest
            self.last_release = arrest
            self.freed = f"the detention that began with the {_what(arrest)} ended on " + _when(
                arrest.end
            )

    def _close(self, end: FuzzyDate | None) -> None:
        assert self.arrest is not None
        self.detained.add(_bounds(self.arrest.start, end, end is None, self.today))
        self.detained.event_ids.extend(self.detention_ids)
        self.arrest, self.detention_ids = None, []

    def _not_detained(self, entry: TimelineEntry) -> None:
        if self.last_release is None:
            reason = "no arrest is recorded before it"
            ids: tuple[str, ...] = (entry.id,)
        else:
            reason = f"{self.freed} comes before it"
            ids = (self.last_release.id, entry.id)
        self._flag(
            ContradictionKind.NOT_DETAINED,
            ids,
            f"The {_what(entry)} on {_when(entry.start)} finds {self.person.display_name} "
            f"not detained, since {reason}.",
        )

    def _flag(self, kind: ContradictionKind, ids: tuple[str, ...], message: str) -> None:
        self.contradictions.append(Contradiction(kind, ids, message))

    def current_place(self) -> CurrentPlace:
        ids = (self.place_event.id,) if self.place_event is not None else ()
        if self.whereabouts is Whereabouts.HELD and self.furlough is not None:
            furlough = self.furlough
            still_out = furlough.ongoing or (
                furlough.end is not None and furlough.end.start > self.today
            )
            if still_out and furlough.start.start <= self.today:
                return CurrentPlace(Whereabouts.ON_FURLOUGH, self.place, (*ids, furlough.id))
        return CurrentPlace(self.whereabouts, self.place, ids)


def compute_facts(entries: Sequence[TimelineEntry], today: datetime.date) -> Facts:
    """The figures of a chronology (entries in timeline order), by the rules in this module's
    docstring. Each figure names the events it was computed from."""
    return _analyse(Person(display_name=""), entries, today)[0]


def find_contradictions(
    person: Person, entries: Sequence[TimelineEntry], today: datetime.date
) -> tuple[Contradiction, ...]:
    """What in a chronology (entries in timeline order) cannot all be true, each naming the
    events involved in one sentence."""
    return _analyse(person, entries, today)[1]


def _analyse(
    person: Person, entries: Sequence[TimelineEntry], today: datetime.date
) -> tuple[Facts, tuple[Contradiction, ...]]:
    evs = [e for e in entries if e.kind is EntryKind.EVENT]
    walk = _Walk(person, today)
    walk.run(evs)
    solitary, hunger = _SpanSet(), _SpanSet()
    for entry in evs:
        if entry.type is EventType.SOLITARY:
            spans = solitary
        elif entry.type is EventType.HUNGER_STRIKE:
            spans = hunger
        else:
            continue
        bounds = _bounds(entry.start, entry.end, entry.ongoing, today)
        if bounds is not None:
            spans.add(bounds)
            spans.event_ids.append(entry.id)
            spans.until_today |= entry.ongoing
    facts = Facts(
        today=today,
        detained=walk.detained.count(minus=walk.furloughs),
        solitary=solitary.count(),
        hunger_strike=hunger.count(),
        transfer_ids=tuple(e.id for e in evs if e.type is EventType.TRANSFER),
        current_place=walk.current_place(),
    )
    found: list[Contradiction] = []
    for entry in evs:
        if entry.end is not None and _ends_before_start(entry):
            found.append(
                Contradiction(
                    ContradictionKind.ENDS_BEFORE_START,
                    (entry.id,),
                    f"The {_what(entry)} that starts on {_when(entry.start)} ends before it "
                    f"starts, on {_when(entry.end)}; correct one of its dates.",
                )
            )
    found += walk.contradictions
    found += _overlapping_stays(evs)
    if person.status in (PersonStatus.EXECUTED, PersonStatus.DECEASED):
        found += [
            Contradiction(
                ContradictionKind.ONGOING_AFTER_DEATH,
                (entry.id,),
                f"The {_what(entry)} from {_when(entry.start)} is marked as still going on, "
                f"but {person.display_name} is recorded as {person.status.value}.",
            )
            for entry in evs
            if entry.ongoing
        ]
    found += _status_disagrees(person, walk)
    return facts, tuple(found)


def _overlapping_stays(evs: Sequence[TimelineEntry]) -> list[Contradiction]:
    # A stay is an arrest or transfer that names a place. Only a stay given an end date can
    # overlap the next one; without an end date it simply lasts until the next.
    stays = [e for e in evs if e.type in (EventType.ARREST, EventType.TRANSFER) and e.place]
    found: list[Contradiction] = []
    for index, stay in enumerate(stays):
        if stay.end is None or _ends_before_start(stay):
            continue
        for later in stays[index + 1 :]:
            if later.start.start >= stay.end.start:
                break  # sorted by start: no later stay surely begins before this one ends
            if later.start.end < stay.end.start and place_key(later.place) != place_key(stay.place):
                found.append(
                    Contradiction(
                        ContradictionKind.OVERLAPPING_STAYS,
                        (stay.id, later.id),
                        f"The stay in {stay.place} from {_when(stay.start)} to "
                        f"{_when(stay.end)} overlaps the stay in {later.place} that begins on "
                        f"{_when(later.start)}.",
                    )
                )
    return found


def _status_disagrees(person: Person, walk: _Walk) -> list[Contradiction]:
    last = walk.place_event
    if last is None or walk.whereabouts is Whereabouts.UNKNOWN:
        return []
    held = walk.whereabouts in (Whereabouts.HELD, Whereabouts.ON_FURLOUGH)
    if person.status is PersonStatus.DETAINED and not held:
        detail = f"the chronology ends with {walk.freed}"
    elif person.status is PersonStatus.RELEASED and held:
        detail = f"no release follows the {_what(last)} on {_when(last.start)}"
    else:
        return []
    return [
        Contradiction(
            ContradictionKind.STATUS_DISAGREES,
            (last.id,),
            f"{person.display_name}'s status is “{person.status.value}”, but {detail}.",
        )
    ]


def _ends_before_start(entry: TimelineEntry) -> bool:
    # Storage refuses such spans, but older archives and imported bundles may still hold one.
    return entry.end is not None and entry.end.end < entry.start.start


def _what(entry: TimelineEntry) -> str:
    words = entry.type.value.replace("-", " ")
    if entry.place and entry.type is EventType.TRANSFER:
        return f"{words} to {entry.place}"
    if entry.place:
        return f"{words} in {entry.place}"
    return words


def _when(date: FuzzyDate) -> str:
    return format_date(date, date.calendar)
