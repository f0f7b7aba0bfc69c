"""Search finds a name wherever it is written, however it is spelled; the audit log records
every change and notices any edit."""

from __future__ import annotations

import datetime

import pytest

from amanat.core import audit, search
from amanat.core.dates import parse_date
from amanat.core.records import (
    Document,
    DocumentKind,
    Event,
    EventType,
    Person,
    Role,
    Text,
    TextKind,
)
from amanat.core.search import MATCH_END, MATCH_START, SearchFilters
from amanat.core.storage import annotations, documents, events, people, tags, texts
from amanat.core.vault import Archive


@pytest.fixture
def case(archive: Archive) -> dict[str, str]:
    db = archive.db
    with db.transaction():
        golrokh = people.add(
            db,
            Person(
                display_name="Golrokh Example",
                name_fa="گلرخ نمونه",
                roles=(Role.PRISONER,),
            ),
        )
        other = people.add(db, Person(display_name="Kaveh Other", roles=(Role.PRISONER,)))
        solitary = tags.ensure(db, "conditions/solitary")
        letter = documents.add(
            db,
            Document(
                kind=DocumentKind.LETTER,
                title="نامه از قرچک",
                date=parse_date("2019-06-10"),
                concerned_ids=(golrokh.id,),
                tag_ids=(solitary.id,),
            ),
        )
        text = texts.add(
            db,
            Text(
                letter.id,
                TextKind.TRANSCRIPTION,
                "fa",
                "مادر عزیزم، می‌خواهم بدانی که در بند ۲۰۹ هستم و کتاب‌ها را گرفتم.",
            ),
        )
        court = documents.add(
            db,
            Document(
                kind=DocumentKind.COURT,
                title="Verdict of branch 15",
                date=parse_date("2021-01-20"),
                concerned_ids=(other.id,),
            ),
        )
        annotation = annotations.on_text(db, text.id, 0, 4, "she writes to her mother first")
        event = events.add(
            db,
            Event(
                golrokh.id,
                EventType.TRANSFER,
                parse_date("2020-02"),
                place="Qarchak Prison",
                description="moved without notice",
            ),
        )
    return {
        "golrokh": golrokh.id,
        "other": other.id,
        "letter": letter.id,
        "court": court.id,
        "text": text.id,
        "annotation": annotation.id,
        "event": event.id,
        "solitary": solitary.id,
    }


def found(archive: Archive, query: str, filters: SearchFilters | None = None) -> set[str]:
    return {hit.record_id for hit in search.search(archive.db, query, filters)}


@pytest.mark.parametrize(
    "query",
    [
        "ميخواهم",  # Arabic yeh, no ZWNJ
        "می‌خواهم",  # as written
        "بند 209",  # Latin digits for Persian ones
        "بند ٢٠٩",  # Arabic-Indic digits
        "مادر",
    ],
)
def test_persian_text_is_found_whatever_the_spelling(
    archive: Archive, case: dict[str, str], query: str
):
    assert case["text"] in found(archive, query)


def test_person_is_found_by_name_in_either_script(archive: Archive, case: dict[str, str]):
    assert case["golrokh"] in found(archive, "Golrokh")
    assert case["golrokh"] in found(archive, "گلرخ")


def test_titles_events_annotations_and_tags_are_all_searched(
    archive: Archive, case: dict[str, str]
):
    assert case["letter"] in found(archive, "قرچک")
    assert case["event"] in found(archive, "Qarchak")
    assert case["annotation"] in found(archive, "mother")
    assert case["solitary"] in found(archive, "solitary")
    assert case["court"] in found(archive, "verdict")


def test_snippets_mark_the_matching_words(archive: Archive, case: dict[str, str]):
    [hit] = [h for h in search.search(archive.db, "Qarchak") if h.record_type == "event"]
    assert f"{MATCH_START}Qarchak{MATCH_END}" in hit.snippet
    assert hit.person_id == case["golrokh"]


@pytest.mark.parametrize(
    "query",
    [
        "كتابها",  # Arabic kaf, no ZWNJ
        "کتاب‌ها",  # as written
        "علي",  # Arabic yeh, without the shadda
        "عَلی",  # a short vowel the text does not have
        "350",  # Latin digits for Persian ones
        "۳۵۰",
        "شماره",  # no ezafe
        "شمارهٔ",  # with the ezafe hamza
        "نـامه",  # tatweel
    ],
)
def test_spelling_variants_meet_in_both_directions(archive: Archive, query: str) -> None:
    db = archive.db
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="نامهٔ شمارهٔ ۳"))
        text = texts.add(
            db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", "کتاب‌های علیّ را به بند ۳۵۰ بردند.")
        )
    assert {letter.id, text.id} & found(archive, query)


def test_snippets_and_titles_show_the_text_as_written_with_the_match_marked(
    archive: Archive,
) -> None:
    db = archive.db
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="نامهٔ شمارهٔ ۳"))
        text = texts.add(
            db,
            Text(letter.id, TextKind.TRANSCRIPTION, "fa", "سلام. مُحَمَّد را در بند ۳۵۰ دیدم."),
        )
    hits = {hit.record_id: hit for hit in search.search(db, "محمد 350")}
    assert hits[text.id].snippet == (
        f"سلام. {MATCH_START}مُحَمَّد{MATCH_END} را در بند {MATCH_START}۳۵۰{MATCH_END} دیدم."
    )
    assert hits[text.id].title == "نامهٔ شمارهٔ ۳"
    [hit] = search.search(db, "شماره")
    assert hit.title == "نامهٔ شمارهٔ ۳"  # not the indexed "نامه شماره 3"
    assert hit.snippet == f"نامهٔ {MATCH_START}شمارهٔ{MATCH_END} ۳"


def test_a_long_snippet_is_cut_around_the_first_match(archive: Archive) -> None:
    db = archive.db
    words = " ".join(f"واژه{n}" for n in range(40))
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="نامه"))
        texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", f"{words} زندان {words}"))
    [hit] = [h for h in search.search(db, "زندان") if h.record_type == "text"]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert f"{MATCH_START}زندان{MATCH_END}" in hit.snippet
    assert len(hit.snippet.split()) <= 18


@pytest.mark.parametrize(
    "query", ["Narges", "narges mohammadi", "نرگس", "نرگس محمدی", "نرگس محمدي", "Nargess"]
)
def test_a_person_with_names_in_both_scripts_is_found_by_either(
    archive: Archive, query: str
) -> None:
    with archive.db.transaction():
        narges = people.add(
            archive.db,
            Person(
                "نرگس",
                name_fa="نرگس محمدی",
                name_latin="Narges Mohammadi",
                aliases=("Nargess",),
                roles=(Role.PRISONER,),
            ),
        )
    hits = [hit for hit in search.search(archive.db, query) if hit.record_id == narges.id]
    assert len(hits) == 1
    assert hits[0].title == "نرگس"  # the name the archive shows, not every name indexed


@pytest.mark.parametrize("query", ["اعتصاب غذا", "hunger strike", "hunger-strike", "اوین"])
def test_an_event_is_found_by_its_type_in_persian_or_english(
    archive: Archive, case: dict[str, str], query: str
) -> None:
    with archive.db.transaction():
        strike = events.add(
            archive.db,
            Event(case["golrokh"], EventType.HUNGER_STRIKE, parse_date("1401/07"), place="اوین"),
        )
    assert strike.id in found(archive, query)
    assert case["event"] not in found(archive, query)  # the transfer is not a hunger strike


def test_a_title_match_ranks_above_a_body_match(archive: Archive, case: dict[str, str]):
    with archive.db.transaction():
        document = documents.add(
            archive.db, Document(kind=DocumentKind.NOTE, title="Hunger strike")
        )
        texts.add(
            archive.db,
            Text(document.id, TextKind.SUMMARY, "en", "Notes on a visit, then a hunger strike."),
        )
    hits = search.search(archive.db, "hunger")
    assert hits[0].record_id == document.id


def test_filters_narrow_by_person_kind_tag_and_date(archive: Archive, case: dict[str, str]):
    everything = found(archive, "Qarchak OR verdict mother")  # odd input is still safe
    assert isinstance(everything, set)
    assert found(archive, "branch", SearchFilters(person_id=case["other"])) == {case["court"]}
    assert found(archive, "branch", SearchFilters(person_id=case["golrokh"])) == set()
    assert found(archive, "مادر", SearchFilters(kind=DocumentKind.COURT)) == set()
    parent = tags.find(archive.db, "conditions")
    assert parent is not None
    assert case["text"] in found(archive, "مادر", SearchFilters(tag_id=parent.id))
    in_2019 = SearchFilters(since=datetime.date(2019, 1, 1), until=datetime.date(2019, 12, 31))
    assert case["text"] in found(archive, "مادر", in_2019)
    in_2021 = SearchFilters(since=datetime.date(2021, 1, 1))
    assert case["text"] not in found(archive, "مادر", in_2021)
    assert case["court"] in found(archive, "verdict", in_2021)


def test_documents_in_the_trash_are_not_found(archive: Archive, case: dict[str, str]):
    documents.move_to_trash(archive.db, case["letter"])
    assert found(archive, "مادر") == set()
    assert found(archive, "قرچک") == set()  # the title
    assert found(archive, "mother") == set()  # the annotation
    person = SearchFilters(person_id=case["golrokh"])
    assert found(archive, "مادر", person) == set()


def test_a_restored_document_is_found_again(archive: Archive, case: dict[str, str]):
    documents.move_to_trash(archive.db, case["letter"])
    documents.restore_from_trash(archive.db, case["letter"])
    assert case["text"] in found(archive, "مادر")
    assert case["annotation"] in found(archive, "mother")
    assert case["letter"] in found(archive, "قرچک")


def test_editing_a_text_in_the_trash_does_not_make_it_findable(
    archive: Archive, case: dict[str, str]
):
    documents.move_to_trash(archive.db, case["letter"])
    text = texts.get(archive.db, case["text"])
    texts.update(archive.db, Text(text.document_id, text.kind, "fa", "پدر", id=text.id))
    assert found(archive, "پدر") == set()
    documents.restore_from_trash(archive.db, case["letter"])
    assert found(archive, "پدر") == {case["text"]}


def test_edited_text_is_found_by_its_new_words_only(archive: Archive, case: dict[str, str]):
    text = texts.get(archive.db, case["text"])
    texts.update(archive.db, Text(text.document_id, text.kind, "fa", "پدر", id=text.id))
    assert case["text"] in found(archive, "پدر")
    assert case["text"] not in found(archive, "مادر")


def test_empty_or_punctuation_only_query_finds_nothing(archive: Archive, case: dict[str, str]):
    assert search.search(archive.db, "") == []
    assert search.search(archive.db, ' " ) ( * ') == []


# --- Audit log -------------------------------------------------------------------------


def test_every_change_appends_an_audit_entry(archive: Archive, case: dict[str, str]):
    logged = {(e.record_type, e.record_id) for e in audit.entries(archive.db)}
    for kind in ("letter", "text", "annotation", "event"):
        assert any(record_id == case[kind] for _, record_id in logged)
    before = len(audit.entries(archive.db))
    documents.move_to_trash(archive.db, case["court"])
    entries = audit.entries(archive.db)
    assert len(entries) == before + 1
    assert (entries[-1].action, entries[-1].actor) == ("trashed", "tester")


def test_intact_audit_chain_verifies(archive: Archive, case: dict[str, str]):
    report = audit.verify(archive.db)
    assert report.intact and report.entries == len(audit.entries(archive.db))


def test_edited_audit_entry_is_named_as_the_first_broken(archive: Archive, case: dict[str, str]):
    archive.db.execute("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 3")
    report = audit.verify(archive.db)
    assert (report.intact, report.first_broken) == (False, 3)
    assert "changed" in report.reason


def test_removed_audit_entry_breaks_the_chain_there(archive: Archive, case: dict[str, str]):
    archive.db.execute("DELETE FROM audit_log WHERE seq = 4")
    assert audit.verify(archive.db).first_broken == 4


def test_audit_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(
    archive: Archive, case: dict[str, str]
):
    entry = audit.entries(archive.db)[1]
    forged = audit._hash(
        entry.seq,
        entry.time,
        entry.actor,
        "deleted",
        entry.record_type,
        entry.record_id,
        entry.summary,
        entry.prev_hash,
    )
    archive.db.execute(
        "UPDATE audit_log SET action = 'deleted', hash = ? WHERE seq = ?", (forged, entry.seq)
    )
    assert audit.verify(archive.db).first_broken == entry.seq + 1


@pytest.mark.parametrize(
    ("written", "query", "marked"),
    [
        ("گفت می خواهم بروم", "می‌خواهم", "گفت {می خواهم} بروم"),
        ("گفت میخواهم بروم", '"می خواهم بروم"', "گفت {میخواهم بروم}"),
        ("این کتاب‌ها را بخوان", "کتاب ها", "این {کتاب‌ها} را بخوان"),
        ("در خانه ی پدری", "خانۀ پدری", "در {خانه ی} {پدری}"),
        ("زلزله ۹کیلومتر دورتر", "۹ کیلومتر", "زلزله {۹}{کیلومتر} دورتر"),
        ("سلاممم مادر", "سلام", "{سلاممم} مادر"),
        ("نامهٔ هیئت مدیره", "هیأت", "نامهٔ {هیئت} مدیره"),
    ],
)
def test_folded_spellings_are_found_and_marked_as_written(
    archive: Archive, written: str, query: str, marked: str
) -> None:
    db = archive.db
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="title"))
        text = texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", written))
    [hit] = [hit for hit in search.search(db, query) if hit.record_id == text.id]
    assert hit.snippet.replace(MATCH_START, "{").replace(MATCH_END, "}") == marked


def test_a_cancelled_search_stops_inside_sqlite_and_finds_nothing(
    archive: Archive, case: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "_CANCEL_EVERY", 1)  # ask at every step of SQLite's machine
    asked = []

    def typed_on() -> bool:
        asked.append(True)
        return len(asked) > 3  # the user types while SQLite is at work

    assert search.search(archive.db, "مادر", cancel=typed_on) == []
    stopped_after = len(asked)
    # The connection is left as it was: the next search runs to the end.
    asked.clear()
    kept = search.search(archive.db, "مادر", cancel=lambda: bool(asked.append(True)))
    assert [hit.record_id for hit in kept] == [
        h.record_id for h in search.search(archive.db, "مادر")
    ]
    assert case["text"] in {hit.record_id for hit in kept}
    # Stopped right after the first "yes", inside SQLite: the whole search asks many times more.
    assert stopped_after < 8 < len(asked)


@pytest.mark.parametrize("at", [0, 300, 400, 420, 440, 460, 480, 500, 520, 1500, 2900])
def test_a_snippet_from_the_start_of_a_long_text_is_the_snippet_of_the_whole(at: int) -> None:
    filler = "کتاب ها و نامه های او را "  # a suffix after a space, glued wherever the cut falls
    text = (filler * 200)[:at] + " می خواهم زندان را ببینم " + filler * 40
    terms = [[search._fold(word) for word in term.split(" ")] for term in ["میخواهم زندان"]]
    whole = search._snippet(text, terms, 0)
    assert whole is not None and MATCH_START in whole
    assert search.original_snippet(text, terms) == whole


def test_a_word_in_more_records_than_can_be_ranked_lists_them_in_the_order_added(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = archive.db
    added = []
    with db.transaction():
        letter = documents.add(db, Document(kind=DocumentKind.LETTER, title="letters"))
        for number in range(5):
            body = "زندان " * (1 + number) + f"روز {number}"  # the newest says it most often
            added.append(texts.add(db, Text(letter.id, TextKind.TRANSCRIPTION, "fa", body)).id)
    ranked = [hit.record_id for hit in search.search(db, "زندان")]
    assert ranked == added[::-1]  # bm25: most mentions first
    monkeypatch.setattr(search, "COMMON", 3)
    first = search.search(db, "زندان", limit=4)
    assert [hit.record_id for hit in first] == added[:4]
    assert all(hit.title == "letters" and MATCH_START in hit.snippet for hit in first)
    # A second word narrows the matches to a few, ranked again.
    assert [hit.record_id for hit in search.search(db, "زندان روز 3")] == [added[3]]
