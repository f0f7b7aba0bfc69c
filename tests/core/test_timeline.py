"""A person's chronology: order of fuzzy dates, the facts computed from it, contradictions,
places spelled two ways, and the text and CSV exports."""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from amanat.core import audit, timeline_export
from amanat.core.database import Database
from amanat.core.dates import Calendar, FuzzyDate, parse_date
from amanat.core.errors import FileNotWritable, InvalidDate, InvalidInput, RecordNotFound
from amanat.core.places import (
    PlacesNotMerged,
    group_places,
    known_prison,
    likely_same_places,
    merge_places,
    place_key,
)
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    PersonStatus,
    Role,
)
from amanat.core.storage import documents, events, people
from amanat.core.timeline import (
    ContradictionKind,
    DayCount,
    EntryKind,
    TimelineEntry,
    Whereabouts,
    build_timeline,
    compute_facts,
    find_contradictions,
)
from amanat.core.vault import Archive

TODAY = datetime.date(2024, 6, 15)
_ids = itertools.count(1)


def d(text: str) -> FuzzyDate:
    return parse_date(text)


def ev(
    type_: EventType,
    start: str,
    end: str | None = None,
    *,
    ongoing: bool = False,
    place: str = "",
    id_: str | None = None,
) -> TimelineEntry:
    """An event entry as build_timeline makes them, without an archive (these tests are pure)."""
    return TimelineEntry(
        kind=EntryKind.EVENT,
        id=id_ or f"e{next(_ids):03d}",
        type=type_,
        start=d(start),
        end=d(end) if end else None,
        ongoing=ongoing,
        place=place,
    )


def chronology(*entries: TimelineEntry) -> list[TimelineEntry]:
    return sorted(entries, key=lambda e: e.sort_key)


def facts_of(*entries: TimelineEntry, today: datetime.date = TODAY) -> Any:
    return compute_facts(chronology(*entries), today)


def contradictions_of(
    *entries: TimelineEntry, status: PersonStatus = PersonStatus.UNKNOWN
) -> list[Any]:
    person = Person(display_name="Sara", status=status)
    return list(find_contradictions(person, chronology(*entries), TODAY))


def a_prisoner(db: Database, name: str = "Sara Example", **fields: Any) -> Person:
    return people.add(db, Person(display_name=name, roles=(Role.PRISONER,), **fields))


def a_letter(db: Database, author: Person, date: str | None, title: str = "Letter") -> Document:
    return documents.add(
        db,
        Document(
            kind=DocumentKind.LETTER,
            title=title,
            date=d(date) if date else None,
            author_id=author.id,
        ),
    )


# --- Order ---------------------------------------------------------------------------------


def test_letter_dated_only_march_2011_sorts_after_1_march_and_before_2_march(archive: Archive):
    sara = a_prisoner(archive.db)
    events.add(archive.db, Event(sara.id, EventType.TRIAL, d("2011-03-02")))
    events.add(archive.db, Event(sara.id, EventType.INTERROGATION, d("2011-03-01")))
    events.add(archive.db, Event(sara.id, EventType.ARREST, d("2011-02-28")))
    letter = a_letter(archive.db, sara, "March 2011")

    entries = build_timeline(archive.db, sara.id, today=TODAY).entries

    assert [e.type for e in entries] == [
        EventType.ARREST,
        EventType.INTERROGATION,
        DocumentKind.LETTER,
        EventType.TRIAL,
    ]
    month = entries[2]
    assert month.id == letter.id and month.uncertain
    assert month.relations == ("wrote",)
    assert not entries[1].uncertain


def test_exact_date_comes_before_circa_and_events_before_documents_on_the_same_day():
    circa = replace(ev(EventType.VISIT, "2012-05-01"), start=d("c. 2012-05-01"))
    exact = ev(EventType.VISIT, "2012-05-01")
    letter = TimelineEntry(EntryKind.DOCUMENT, "a-doc", DocumentKind.LETTER, d("2012-05-01"))
    release, arrest = ev(EventType.RELEASE, "2012-05-01"), ev(EventType.ARREST, "2012-05-01")
    assert chronology(letter, circa, release, exact, arrest) == [
        arrest,
        exact,
        release,
        letter,
        circa,
    ]


# --- Span arithmetic and calendars ---------------------------------------------------------


def test_30_esfand_exists_only_in_a_jalali_leap_year_and_31_april_never():
    assert FuzzyDate.of_day(1403, 12, 30, Calendar.JALALI).start == datetime.date(2025, 3, 20)
    with pytest.raises(InvalidDate, match="Esfand 1402 has only 29 days"):
        parse_date("1402/12/30")
    with pytest.raises(InvalidDate, match="April 2023 has only 30 days"):
        parse_date("2023-04-31")


def test_hunger_strike_across_the_jalali_new_year_of_a_leap_year_counts_30_esfand():
    # 29 and 30 Esfand 1403, then 1 and 2 Farvardin 1404 (= 22 March 2025, typed in Gregorian).
    strike = ev(EventType.HUNGER_STRIKE, "1403/12/29", "2025-03-22")
    facts = facts_of(strike, today=datetime.date(2025, 6, 1))
    assert facts.hunger_strike == DayCount(4, 4, (strike.id,))


def test_detention_typed_in_jalali_and_released_in_gregorian_counts_inclusively():
    arrest = ev(EventType.ARREST, "1403/12/01")  # 19 February 2025
    release = ev(EventType.RELEASE, "2025-03-21")  # 1 Farvardin 1404
    facts = facts_of(arrest, release, today=datetime.date(2025, 6, 1))
    # February 19–28 (10), all of March to the 21st (21).
    assert (facts.detained.at_least, facts.detained.at_most) == (31, 31)


# --- Facts ---------------------------------------------------------------------------------


def test_time_detained_runs_from_arrest_to_release_minus_furlough_and_names_its_events():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin")
    furlough = ev(EventType.FURLOUGH, "2020-01-11", "2020-01-20")
    release = ev(EventType.RELEASE, "2020-03-31")
    trial = ev(EventType.TRIAL, "2020-02-01")
    facts = facts_of(arrest, furlough, trial, release)
    # 1 January to 31 March 2020 is 91 days (a leap year); the furlough takes 10.
    assert facts.detained == DayCount(81, 81, (arrest.id, release.id, furlough.id))
    assert trial.id not in facts.detained.event_ids


def test_detention_without_a_release_counts_up_to_today_and_says_it_still_runs():
    arrest = ev(EventType.ARREST, "2024-06-01")
    facts = facts_of(arrest)
    assert facts.detained == DayCount(15, 15, (arrest.id,), until_today=True)
    assert timeline_export.describe_days(facts.detained) == "15 days, still going on"


def test_second_arrest_while_detained_does_not_count_the_days_twice():
    first, second = ev(EventType.ARREST, "2020-01-01"), ev(EventType.ARREST, "2020-01-05")
    release = ev(EventType.RELEASE, "2020-01-10")
    facts = facts_of(first, second, release)
    assert (facts.detained.at_least, facts.detained.at_most) == (10, 10)
    assert facts.detained.event_ids == (first.id, second.id, release.id)


def test_two_detentions_are_added_and_the_time_free_between_them_is_not():
    facts = facts_of(
        ev(EventType.ARREST, "2019-01-01"),
        ev(EventType.RELEASE, "2019-01-10"),
        ev(EventType.ARREST, "2020-01-01"),
        ev(EventType.RELEASE, "2020-01-05"),
    )
    assert facts.detained.at_least == 15


def test_arrest_given_with_an_end_date_is_a_detention_that_ends_there():
    arrest = ev(EventType.ARREST, "2020-01-01", "2020-01-31", place="Evin")
    transfer = ev(EventType.TRANSFER, "2020-03-01", place="Qarchak")
    assert facts_of(arrest).detained == DayCount(31, 31, (arrest.id,))
    [found] = contradictions_of(arrest, transfer)
    assert (found.kind, found.event_ids) == (
        ContradictionKind.NOT_DETAINED,
        (arrest.id, transfer.id),
    )
    assert found.message.endswith(
        "since the detention that began with the arrest in Evin ended on 31 January 2020 "
        "comes before it."
    )


def test_release_known_only_to_the_month_gives_at_least_and_at_most():
    facts = facts_of(ev(EventType.ARREST, "2021-01-01"), ev(EventType.RELEASE, "2021-02"))
    # At least to 1 February (32 days), at most to 28 February (59 days).
    assert (facts.detained.at_least, facts.detained.at_most) == (32, 59)
    assert timeline_export.describe_days(facts.detained) == "at least 32 days (at most 59)"


def test_span_starting_and_ending_in_the_same_month_is_at_least_one_day():
    facts = facts_of(ev(EventType.SOLITARY, "2021-03", "2021-03"))
    assert (facts.solitary.at_least, facts.solitary.at_most) == (1, 31)


def test_overlapping_solitary_spans_are_counted_once():
    first = ev(EventType.SOLITARY, "2022-01-01", "2022-01-10")
    second = ev(EventType.SOLITARY, "2022-01-06", "2022-01-15")
    later = ev(EventType.SOLITARY, "2022-02-01", "2022-02-01")
    facts = facts_of(first, second, later)
    assert facts.solitary == DayCount(16, 16, (first.id, second.id, later.id))


def test_open_hunger_strike_counts_up_to_the_given_today_and_not_beyond():
    strike = ev(EventType.HUNGER_STRIKE, "2024-06-10", ongoing=True)
    assert facts_of(strike).hunger_strike == DayCount(6, 6, (strike.id,), until_today=True)
    earlier = facts_of(strike, today=datetime.date(2024, 6, 11)).hunger_strike
    assert earlier.at_least == 2
    assert facts_of(strike, today=datetime.date(2024, 6, 1)).hunger_strike.at_most == 0


def test_span_with_neither_end_nor_ongoing_counts_only_its_own_date():
    facts = facts_of(ev(EventType.SOLITARY, "2022-01-05"))
    assert (facts.solitary.at_least, facts.solitary.at_most) == (1, 1)


def test_transfers_are_counted_and_the_current_place_is_the_last_one():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin")
    to_qarchak = ev(EventType.TRANSFER, "2020-05-01", place="Qarchak")
    hospital = ev(EventType.MEDICAL, "2020-06-01", place="Taleghani hospital")
    back = ev(EventType.TRANSFER, "2020-07-01", place="اوین")
    facts = facts_of(arrest, to_qarchak, hospital, back)
    assert facts.transfers == 2 and facts.transfer_ids == (to_qarchak.id, back.id)
    assert facts.current_place.whereabouts is Whereabouts.HELD
    assert (facts.current_place.place, facts.current_place.event_ids) == ("اوین", (back.id,))


def test_released_person_has_no_current_place():
    release = ev(EventType.RELEASE, "2021-01-01")
    facts = facts_of(ev(EventType.ARREST, "2020-01-01", place="Evin"), release)
    assert facts.current_place.whereabouts is Whereabouts.RELEASED
    assert facts.current_place.place == "" and facts.current_place.event_ids == (release.id,)


def test_person_on_a_furlough_that_has_not_ended_is_shown_on_furlough():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin")
    furlough = ev(EventType.FURLOUGH, "2024-06-01", ongoing=True)
    place = facts_of(arrest, furlough).current_place
    assert (place.whereabouts, place.place) == (Whereabouts.ON_FURLOUGH, "Evin")
    assert place.event_ids == (arrest.id, furlough.id)


def test_nothing_recorded_gives_zero_days_and_an_unknown_place():
    facts = facts_of()
    assert facts.detained == DayCount(0, 0) and facts.transfers == 0
    assert facts.current_place.whereabouts is Whereabouts.UNKNOWN


# --- Contradictions ------------------------------------------------------------------------


def test_transfer_with_no_arrest_before_it_is_flagged():
    transfer = ev(EventType.TRANSFER, "2020-05-01", place="Qarchak")
    [found] = contradictions_of(transfer)
    assert found.kind is ContradictionKind.NOT_DETAINED
    assert found.event_ids == (transfer.id,)
    assert found.message == (
        "The transfer to Qarchak on 1 May 2020 finds Sara not detained, "
        "since no arrest is recorded before it."
    )


def test_transfer_and_furlough_after_a_release_are_flagged_with_the_release():
    release = ev(EventType.RELEASE, "2020-03-01")
    transfer = ev(EventType.TRANSFER, "2020-05-01", place="Qarchak")
    found = contradictions_of(ev(EventType.ARREST, "2020-01-01"), release, transfer)
    assert [(c.kind, c.event_ids) for c in found] == [
        (ContradictionKind.NOT_DETAINED, (release.id, transfer.id))
    ]
    assert found[0].message.endswith(
        "finds Sara not detained, since the release on 1 March 2020 comes before it."
    )


def test_release_from_a_prison_the_person_was_not_in_is_flagged():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin")
    release = ev(EventType.RELEASE, "2020-03-01", place="Qarchak")
    [found] = contradictions_of(arrest, release)
    assert found.kind is ContradictionKind.RELEASED_FROM_ELSEWHERE
    assert found.event_ids == (arrest.id, release.id)
    assert "Evin" in found.message and "Qarchak" in found.message


def test_release_from_the_same_prison_spelled_in_persian_is_not_a_contradiction():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin Prison")
    assert contradictions_of(arrest, ev(EventType.RELEASE, "2020-03-01", place="زندان اوین")) == []


def test_overlapping_stays_in_two_prisons_are_flagged():
    evin = ev(EventType.ARREST, "2020-01-01", "2020-08-01", place="Evin")
    qarchak = ev(EventType.TRANSFER, "2020-06-01", place="Qarchak")
    [found] = contradictions_of(evin, qarchak)
    assert found.kind is ContradictionKind.OVERLAPPING_STAYS
    assert found.event_ids == (evin.id, qarchak.id)


def test_stay_that_ends_the_day_the_next_begins_does_not_overlap():
    evin = ev(EventType.ARREST, "2020-01-01", "2020-06-01", place="Evin")
    assert contradictions_of(evin, ev(EventType.TRANSFER, "2020-06-01", place="Qarchak")) == []


def test_ongoing_hunger_strike_of_an_executed_person_is_flagged():
    strike = ev(EventType.HUNGER_STRIKE, "2020-01-01", ongoing=True)
    found = contradictions_of(strike, status=PersonStatus.EXECUTED)
    assert [(c.kind, c.event_ids) for c in found] == [
        (ContradictionKind.ONGOING_AFTER_DEATH, (strike.id,))
    ]


def test_status_released_while_the_chronology_ends_in_prison_is_flagged():
    arrest = ev(EventType.ARREST, "2020-01-01", place="Evin")
    found = contradictions_of(arrest, status=PersonStatus.RELEASED)
    assert [(c.kind, c.event_ids) for c in found] == [
        (ContradictionKind.STATUS_DISAGREES, (arrest.id,))
    ]


def test_status_detained_while_the_chronology_ends_with_a_release_is_flagged():
    release = ev(EventType.RELEASE, "2021-01-01")
    [found] = contradictions_of(
        ev(EventType.ARREST, "2020-01-01"), release, status=PersonStatus.DETAINED
    )
    assert (found.kind, found.event_ids) == (ContradictionKind.STATUS_DISAGREES, (release.id,))
    assert found.message == (
        "Sara's status is “detained”, but the chronology ends with the release on 1 January 2021."
    )


def test_a_consistent_chronology_has_no_contradictions():
    assert (
        contradictions_of(
            ev(EventType.ARREST, "2020-01-01", place="Evin"),
            ev(EventType.SOLITARY, "2020-01-02", "2020-02-01", place="Ward 209"),
            ev(EventType.TRANSFER, "2020-05-01", place="Qarchak"),
            ev(EventType.FURLOUGH, "2020-06-01", "2020-06-05"),
            ev(EventType.RELEASE, "2020-09-01", place="Qarchak"),
            status=PersonStatus.RELEASED,
        )
        == []
    )


def test_stored_span_that_ends_before_it_starts_is_flagged_and_not_counted(archive: Archive):
    # Storage refuses such a span; an older archive or an imported bundle may still hold one.
    sara = a_prisoner(archive.db)
    with pytest.raises(InvalidInput, match="end date comes before the start"):
        events.add(
            archive.db, Event(sara.id, EventType.HUNGER_STRIKE, d("2020-05-10"), d("2020-05-01"))
        )
    strike = events.add(archive.db, Event(sara.id, EventType.HUNGER_STRIKE, d("2020-05-10")))
    _force_end(archive.db, strike.id, "2020-05-01")

    result = build_timeline(archive.db, sara.id, today=TODAY)

    [found] = result.contradictions
    assert (found.kind, found.event_ids) == (ContradictionKind.ENDS_BEFORE_START, (strike.id,))
    assert found.message == (
        "The hunger strike that starts on 10 May 2020 ends before it starts, on 1 May 2020; "
        "correct one of its dates."
    )
    assert result.facts.hunger_strike.at_most == 0


def _force_end(db: Database, event_id: str, day: str) -> None:
    with db.transaction():
        db.execute(
            "UPDATE events SET end_start = ?, end_end = ?, end_precision = 'day', end_circa = 0,"
            " end_calendar = 'gregorian' WHERE id = ?",
            (day, day, event_id),
        )


# --- Building from the archive ---------------------------------------------------------------


def test_event_whose_source_is_in_the_trash_is_still_listed_with_the_source_marked(
    archive: Archive,
):
    sara = a_prisoner(archive.db)
    kept, trashed = (
        a_letter(archive.db, sara, "2020-01-02", "Kept"),
        a_letter(archive.db, sara, "2020-01-03", "Thrown away"),
    )
    arrest = events.add(
        archive.db,
        Event(sara.id, EventType.ARREST, d("2020-01-01"), source_ids=(kept.id, trashed.id)),
    )
    documents.move_to_trash(archive.db, trashed.id)

    result = build_timeline(archive.db, sara.id, today=TODAY)

    [event] = result.events
    assert event.id == arrest.id and event.has_trashed_source
    assert [(s.title, s.in_trash) for s in event.sources] == [
        ("Kept", False),
        ("Thrown away", True),
    ]
    assert [e.id for e in result.entries if e.kind is EntryKind.DOCUMENT] == [kept.id]
    with_trash = build_timeline(archive.db, sara.id, today=TODAY, include_trash=True)
    assert [(e.id, e.in_trash) for e in with_trash.entries if e.kind is EntryKind.DOCUMENT] == [
        (kept.id, False),
        (trashed.id, True),
    ]


def test_documents_written_received_and_concerning_the_person_are_all_listed(archive: Archive):
    sara, mother = a_prisoner(archive.db), a_prisoner(archive.db, "Mother")
    wrote = documents.add(
        archive.db,
        Document(
            DocumentKind.LETTER,
            "To mother",
            d("2020-02-01"),
            author_id=sara.id,
            recipient_ids=(mother.id,),
            concerned_ids=(sara.id,),
        ),
    )
    received = documents.add(
        archive.db,
        Document(DocumentKind.LETTER, "From mother", d("2020-03"), recipient_ids=(sara.id,)),
    )
    about = documents.add(
        archive.db, Document(DocumentKind.COURT, "Verdict", d("2020"), concerned_ids=(sara.id,))
    )
    undated = documents.add(
        archive.db, Document(DocumentKind.NOTE, "Note", concerned_ids=(sara.id,))
    )
    documents.add(archive.db, Document(DocumentKind.NOTE, "Someone else's", d("2020-01-01")))

    result = build_timeline(archive.db, sara.id, today=TODAY)

    assert [(e.id, e.relations) for e in result.entries] == [
        (about.id, ("concerned",)),
        (wrote.id, ("wrote", "concerned")),
        (received.id, ("received",)),
    ]
    assert [u.id for u in result.undated] == [undated.id]
    assert any("1 document(s) naming Sara Example have no date" in h for h in result.hints)


def test_person_with_no_events_gets_a_timeline_that_says_what_to_add(archive: Archive):
    sara = a_prisoner(archive.db)
    result = build_timeline(archive.db, sara.id, today=TODAY)
    assert result.entries == () and not result.has_events
    assert result.facts.detained == DayCount(0, 0)
    assert result.hints[0].startswith("There are no events for Sara Example yet: add the arrest")
    text = timeline_export.to_text(result)
    assert "Nothing is recorded for this person yet." in text
    assert "There are no events for Sara Example yet" in text


def test_unknown_person_is_a_clear_error(archive: Archive):
    with pytest.raises(RecordNotFound, match="no person with the id nobody"):
        build_timeline(archive.db, "nobody")


def test_building_a_long_timeline_takes_a_few_queries_not_one_per_event(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
):
    sara = a_prisoner(archive.db)
    letter = a_letter(archive.db, sara, "2020-01-01")
    with archive.db.transaction():
        for day in range(1, 29):
            events.add(
                archive.db,
                Event(sara.id, EventType.VISIT, d(f"2021-02-{day:02d}"), source_ids=(letter.id,)),
            )
    queries: list[str] = []
    for name in ("all", "one", "execute"):
        real = getattr(Database, name)

        def counted(self: Database, sql: str, *args: Any, _real: Any = real) -> Any:
            queries.append(sql)
            return _real(self, sql, *args)

        monkeypatch.setattr(Database, name, counted)

    result = build_timeline(archive.db, sara.id, today=TODAY)

    assert len(result.events) == 28 and all(e.source_ids == (letter.id,) for e in result.events)
    assert len(queries) <= 6  # person, events, sources, documents, and two for tags


# --- Places spelled two ways -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Evin", "اوین"),
        ("Evin Prison", "زندان اوین"),
        ("Qarchak", "قرچک"),
        ("Ghezel Hesar", "Qezel Hesar"),
        ("Ghezel Hesar", "قزلحصار"),
        ("قزل حصار", "قزل‌حصار"),
        ("Rajaei Shahr", "Gohardasht"),
        ("Rajai Shahr", "رجایی‌شهر"),
        ("Vakilabad", "وکیل‌آباد"),
        ("Vakil Abad", "وکیل آباد"),
        ("Adelabad", "عادل‌آباد"),
        ("Lakan", "لاکان"),
        ("Kachouei", "کچویی"),
        ("Kachuei", "کچوئی"),
    ],
)
def test_known_prison_spelled_two_ways_is_one_place(one: str, other: str):
    assert place_key(one) == place_key(other)
    assert known_prison(one) == known_prison(other) is not None


def test_different_places_and_wards_stay_apart():
    assert place_key("Evin") != place_key("Qarchak")
    assert place_key("Evin") != place_key("Evin, Ward 209")
    assert place_key("Ward 209") != place_key("Ward 350")
    assert place_key("Shahrud police station") == place_key("shahrud  Police Station")


def test_places_spelled_two_ways_are_grouped_most_used_first():
    [group] = group_places(["Evin", "اوین", "Evin", "Qarchak", "Ward 209"])
    assert group.spellings == ("Evin", "اوین") and group.uses == (2, 1)
    assert group.known_name == "Evin" and group.suggested == "Evin"


def test_likely_same_places_of_a_person_and_merging_them_in_one_audited_transaction(
    archive: Archive,
):
    sara, other = a_prisoner(archive.db), a_prisoner(archive.db, "Other")
    arrest = events.add(archive.db, Event(sara.id, EventType.ARREST, d("2020-01-01"), place="اوین"))
    back = events.add(archive.db, Event(sara.id, EventType.TRANSFER, d("2021-01-01"), place="Evin"))
    events.add(archive.db, Event(sara.id, EventType.TRANSFER, d("2020-06-01"), place="Qarchak"))
    theirs = events.add(
        archive.db, Event(other.id, EventType.ARREST, d("2020-01-01"), place="اوین")
    )

    [group] = likely_same_places(archive.db, sara.id)
    assert set(group.spellings) == {"Evin", "اوین"}
    assert build_timeline(archive.db, sara.id, today=TODAY).place_groups == (group,)
    audit_before = len(audit.entries(archive.db))

    changed = merge_places(archive.db, sara.id, group.spellings, into="Evin")

    assert changed == (arrest.id,)
    assert events.get(archive.db, arrest.id).place == "Evin"
    assert events.get(archive.db, back.id).place == "Evin"
    assert events.get(archive.db, theirs.id).place == "اوین"  # another person's events stay
    new_entries = audit.entries(archive.db)[audit_before:]
    assert [(e.action, e.record_id) for e in new_entries] == [
        ("changed", arrest.id),
        ("merged-places", sara.id),
    ]
    assert likely_same_places(archive.db, sara.id) == ()
    assert audit.verify(archive.db).intact


def test_merge_that_cannot_save_one_event_changes_nothing(archive: Archive):
    sara = a_prisoner(archive.db)
    good = events.add(archive.db, Event(sara.id, EventType.ARREST, d("2020-01-01"), place="اوین"))
    bad = events.add(
        archive.db, Event(sara.id, EventType.SOLITARY, d("2020-02-10"), place="Evin Prison")
    )
    _force_end(archive.db, bad.id, "2020-02-01")
    audit_before = len(audit.entries(archive.db))

    with pytest.raises(PlacesNotMerged) as refused:
        merge_places(archive.db, sara.id, ["اوین", "Evin Prison"], into="Evin")

    assert refused.value.message == (
        "The place names were not merged, and nothing was changed: the solitary confinement "
        "of 10 February 2020 cannot be saved (The end date comes before the start date); "
        "correct it first."
    )
    assert events.get(archive.db, good.id).place == "اوین"
    assert events.get(archive.db, bad.id).place == "Evin Prison"
    assert len(audit.entries(archive.db)) == audit_before


def test_merge_needs_a_name_to_keep_and_an_existing_person(archive: Archive):
    sara = a_prisoner(archive.db)
    with pytest.raises(InvalidInput, match="which name the place should keep"):
        merge_places(archive.db, sara.id, ["Evin"], into="  ")
    with pytest.raises(RecordNotFound):
        merge_places(archive.db, "nobody", ["Evin"], into="اوین")


# --- Exports -------------------------------------------------------------------------------


def _sample(archive: Archive) -> Any:
    sara = a_prisoner(archive.db, name_fa="سارا نمونه")
    letter = a_letter(archive.db, sara, "March 2011", "=HYPERLINK(evil)")
    events.add(
        archive.db,
        Event(
            sara.id,
            EventType.ARREST,
            d("2011-02-28"),
            place="Evin",
            description="Taken from home at night by plain-clothes agents, who searched "
            "every room and took her books, her laptop and the family's photographs.",
            source_ids=(letter.id,),
        ),
    )
    events.add(
        archive.db,
        Event(sara.id, EventType.HUNGER_STRIKE, d("1403/03/01"), ongoing=True, place="Evin"),
    )
    return build_timeline(archive.db, sara.id, today=TODAY)


def test_text_export_has_the_facts_on_top_and_one_row_per_entry(archive: Archive):
    text = timeline_export.to_text(_sample(archive))
    lines = text.splitlines()
    assert lines[0] == "Chronology of Sara Example (سارا نمونه)"
    assert "Facts as of 15 June 2024 · 26 Khordad 1403" in lines
    assert any(
        line.startswith("  Hunger strike:") and "26 days, still going on" in line for line in lines
    )
    assert any(line.startswith("  Current place:") and "Evin (held)" in line for line in lines)
    assert any("28 February 2011" in line and "arrest" in line for line in lines)
    assert any("March 2011" in line and "letter (wrote)" in line for line in lines)
    # The long description wraps within its column instead of being cut.
    assert any(line.strip() == "books, her laptop and the family's photographs." for line in lines)


def test_text_export_in_the_jalali_calendar_gives_today_in_jalali_first(archive: Archive):
    text = timeline_export.to_text(_sample(archive), Calendar.JALALI)
    assert "Facts as of 26 Khordad 1403 · 15 Jun 2024" in text
    # Each entry keeps the calendar it was entered in, whatever calendar is chosen.
    assert "from 1 Khordad 1403 · 21 May 2024, ongoing" in text
    assert "28 February 2011 · 9 Esfand 1389" in text


def test_a_month_keeps_its_calendar_and_reads_the_other_calendars_months_briefly():
    entry = ev(EventType.TRANSFER, "c. March 2011")
    assert timeline_export.date_text(entry) == "c. March 2011 · Esfand 1389 – Farvardin 1390"
    span = ev(EventType.SOLITARY, "Mordad 1403", "Zemestan 1403")
    assert timeline_export.date_text(span) == (
        "from Mordad 1403 · Jul–Aug 2024 to winter 1403 · Dec 2024 – Mar 2025"
    )


def test_csv_export_has_a_header_iso_and_shown_dates_and_defused_formulas(archive: Archive):
    result = _sample(archive)
    rows = list(csv.DictReader(io.StringIO(timeline_export.to_csv(result, Calendar.JALALI))))
    assert list(rows[0]) == list(timeline_export.CSV_COLUMNS)
    arrest, letter, strike = rows
    assert (arrest["type"], arrest["date_iso"], arrest["place"]) == ("arrest", "2011-02-28", "Evin")
    assert arrest["source_ids"] == letter["id"]
    assert (letter["date_iso"], letter["precision"], letter["relation"]) == (
        "2011-03",
        "month",
        "wrote",
    )
    assert letter["title"] == "'=HYPERLINK(evil)"
    assert (strike["date"], strike["ongoing"]) == ("1 Khordad 1403 · 21 May 2024", "yes")
    # Machine-readable beside readable: ISO dates, precision, circa and the calendar typed.
    assert (strike["date_iso"], strike["precision"], strike["calendar"]) == (
        "2024-05-21",
        "day",
        "jalali",
    )
    assert letter["date"] == "March 2011 · Esfand 1389 – Farvardin 1390"
    assert (letter["circa"], letter["calendar"]) == ("no", "gregorian")


def test_csv_file_starts_with_a_byte_order_mark_for_excel(archive: Archive):
    data = timeline_export.to_csv_file_bytes(_sample(archive))
    assert data.startswith(b"\xef\xbb\xbfkind,id,type,")
    assert "سارا" not in data.decode("utf-8-sig")  # names only in the text export's title


def test_csv_file_keeps_persian_whole_for_a_spreadsheet(archive: Archive):
    sara = a_prisoner(archive.db)
    events.add(archive.db, Event(sara.id, EventType.TRANSFER, d("c. 1390"), place="قرچک، ورامین"))
    data = timeline_export.to_csv_file_bytes(build_timeline(archive.db, sara.id, today=TODAY))
    assert data.count(b"\xef\xbb\xbf") == 1  # one byte-order mark, at the start
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["place"] == "قرچک، ورامین"
    assert (row["date"], row["date_iso"]) == ("c. 1390 · 2011–2012", "~2011-03-21/2012-03-19")


def test_export_never_overwrites_an_existing_file(tmp_path: Path):
    target = tmp_path / "chronology.csv"
    timeline_export.write_new_file(target, b"first")
    with pytest.raises(FileNotWritable, match="already exists"):
        timeline_export.write_new_file(target, b"second")
    with pytest.raises(FileNotWritable, match="already exists"):
        timeline_export.refuse_existing(target)
    assert target.read_bytes() == b"first"


def test_entries_carry_their_tags_so_a_view_can_filter_by_them(archive: Archive):
    from amanat.core.records import Tag
    from amanat.core.storage import tags

    sara = a_prisoner(archive.db)
    solitary = tags.add(archive.db, Tag("solitary"))
    letter = documents.add(
        archive.db,
        Document(DocumentKind.LETTER, "Letter", d("2020-01-01"), sara.id, tag_ids=(solitary.id,)),
    )
    tagged = events.add(
        archive.db, Event(sara.id, EventType.SOLITARY, d("2020-02-01"), tag_ids=(solitary.id,))
    )
    plain = events.add(archive.db, Event(sara.id, EventType.VISIT, d("2020-03-01")))
    by_id = {e.id: e for e in build_timeline(archive.db, sara.id, today=TODAY).entries}
    assert by_id[letter.id].tag_ids == (solitary.id,)
    assert by_id[tagged.id].tag_ids == (solitary.id,)
    assert by_id[plain.id].tag_ids == ()


def test_removing_an_event_takes_it_out_of_the_chronology_and_keeps_its_source(archive: Archive):
    sara = a_prisoner(archive.db)
    letter = a_letter(archive.db, sara, "2020-01-01")
    event = events.add(
        archive.db, Event(sara.id, EventType.ARREST, d("2020-02-01"), source_ids=(letter.id,))
    )
    events.remove(archive.db, event.id)
    assert build_timeline(archive.db, sara.id, today=TODAY).events == ()
    assert documents.get(archive.db, letter.id).title == letter.title
    with pytest.raises(RecordNotFound):
        events.remove(archive.db, event.id)
