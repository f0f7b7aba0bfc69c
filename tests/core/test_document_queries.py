"""The document list's queries: ids in one query, summaries a page at a time, counts."""

from __future__ import annotations

from amanat.core.dates import FuzzyDate
from amanat.core.names import PersonName
from amanat.core.records import Document, DocumentKind, Person, Tag
from amanat.core.storage import documents, pages, people, tags
from amanat.core.storage.documents import DocumentFilter
from amanat.core.vault import Archive
from tests.helpers import scan_files as make

MANY = 100_000


def _insert_many(archive: Archive, count: int) -> None:
    """Documents straight into their table, made by SQLite itself: storage's add would index
    and audit each one, which takes minutes for this many. Every 7th is undated; titles are
    a permutation of the numbers (7919 is prime), so sorting by title really reorders."""
    with archive.db.transaction():
        archive.db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?),"
            " made(i, day) AS (SELECT i, CASE WHEN i % 7 THEN date('2000-01-01',"
            "   '+' || (i % 9000) || ' days') END FROM n)"
            " INSERT INTO documents (id, kind, title, date_start, date_end, date_precision,"
            " date_circa, date_calendar, consent_audience, created, modified)"
            " SELECT printf('doc-%06d', i), CASE WHEN i % 3 THEN 'letter' ELSE 'testimony' END,"
            " printf('Letter %06d', (i * 7919) % ?), day, day,"
            " CASE WHEN day IS NOT NULL THEN 'day' END, CASE WHEN day IS NOT NULL THEN 0 END,"
            " CASE WHEN day IS NOT NULL THEN 'gregorian' END, 'private',"
            " '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00' FROM made",
            (count, count),
        )


def test_ids_of_a_hundred_thousand_documents_come_back_in_order(archive: Archive) -> None:
    _insert_many(archive, MANY)
    db = archive.db
    by_title = documents.ids(db, DocumentFilter(), "title", False)
    assert len(by_title) == MANY
    titles = [s.title for s in documents.summaries(db, by_title[:64])]
    assert titles == [f"Letter {n:06d}" for n in range(64)]
    newest_first = documents.ids(db, DocumentFilter(), "date", True)
    first = documents.summaries(db, newest_first[:3])
    assert all(s.date is not None for s in first)
    assert [s.date.start for s in first if s.date] == sorted(
        (s.date.start for s in first if s.date), reverse=True
    )
    assert documents.summaries(db, newest_first[-1:])[0].date is None  # undated last
    assert documents.count_matching(db, DocumentFilter()) == MANY


def test_summaries_name_people_tags_and_the_first_page(archive: Archive) -> None:
    db = archive.db
    narges = people.add(db, Person("Narges", name_fa="نرگس", name_latin="Narges"))
    mother = people.add(db, Person("Mother"))
    lawyer = people.add(db, Person("Lawyer"))
    solitary = tags.ensure(db, "conditions/solitary", "#3355aa")
    letter = documents.add(
        db,
        Document(
            DocumentKind.LETTER,
            "From Evin",
            date=FuzzyDate.of_month(2011, 3),
            author_id=narges.id,
            recipient_ids=(mother.id, narges.id),
            concerned_ids=(lawyer.id,),
            tag_ids=(solitary.id,),
        ),
    )
    first = pages.add(db, letter.id, make.png())
    pages.add(db, letter.id, make.jpeg())
    bare = documents.add(db, Document(DocumentKind.NOTE, "A note"))
    summary, plain = documents.summaries(db, [letter.id, bare.id])
    assert summary.people == (
        PersonName("Narges", "نرگس", "Narges"),
        PersonName("Mother"),
        PersonName("Lawyer"),
    )
    assert summary.tags == (("conditions/solitary", "#3355aa"),)
    assert summary.first_page_id == first.id
    assert summary.date == FuzzyDate.of_month(2011, 3)
    assert (plain.people, plain.tags, plain.first_page_id, plain.date) == ((), (), None, None)
    assert documents.summaries(db, ["gone", bare.id]) == [plain]


def test_ids_follow_every_filter_and_order(archive: Archive) -> None:
    db = archive.db
    narges = people.add(db, Person("Narges"))
    zahra = people.add(db, Person("Zahra"))
    tag = tags.add(db, Tag("health"))
    a = documents.add(db, Document(DocumentKind.LETTER, "b", author_id=zahra.id))
    b = documents.add(db, Document(DocumentKind.LETTER, "a", concerned_ids=(narges.id,)))
    c = documents.add(db, Document(DocumentKind.NOTE, "c", tag_ids=(tag.id,)))
    every = DocumentFilter()
    assert documents.ids(db, every, "title", False) == [b.id, a.id, c.id]
    assert documents.ids(db, every, "title", True) == [c.id, a.id, b.id]
    assert documents.ids(db, every, "people", False) == [b.id, a.id, c.id]
    assert documents.ids(db, every, "people", True) == [a.id, b.id, c.id]
    assert documents.ids(db, every, "tags", False)[0] == c.id
    assert documents.ids(db, every, "kind", False) == [b.id, a.id, c.id]
    assert documents.ids(db, DocumentFilter(person_id=narges.id), "date", True) == [b.id]
    assert documents.ids(db, DocumentFilter(tag_id=tag.id), "date", True) == [c.id]
    documents.move_to_trash(db, c.id)
    assert documents.ids(db, DocumentFilter(in_trash=True), "date", True) == [c.id]
    assert documents.count_matching(db, DocumentFilter(in_trash=True)) == 1
    assert documents.count_matching(db, every) == documents.count(db) == 2
