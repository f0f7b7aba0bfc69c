"""``amanat search``: Persian spelling variants meet, filters narrow, output for people and
for scripts."""

from __future__ import annotations

from typing import Any

from tests.helpers.cli import Populated, assert_user_error

ARABIC_YEH = "\u064a"  # ي
ARABIC_KAF = "\u0643"  # ك


def search(populated: Populated, *args: str) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = populated.cli.ok("search", *args, "--json").json()
    return hits


def documents_found(populated: Populated, *args: str) -> set[str]:
    return {hit["document_id"] for hit in search(populated, *args) if hit["document_id"]}


def test_search_with_arabic_yeh_finds_persian_text(populated: Populated) -> None:
    query = "زندانی".replace("ی", ARABIC_YEH)
    assert query != "زندانی"
    assert documents_found(populated, query) == {populated.letter, populated.testimony}


def test_search_with_arabic_kaf_finds_persian_text(populated: Populated) -> None:
    query = "کتاب".replace("ک", ARABIC_KAF)
    assert query != "کتاب"
    hits = search(populated, query)
    assert [(h["record_type"], h["document_id"]) for h in hits] == [("text", populated.letter)]
    assert hits[0]["title"] == "Letter from Evin"
    assert "\x02کتاب\x03" in hits[0]["snippet"]


def test_search_filters_by_person_tag_and_kind(populated: Populated) -> None:
    both = {populated.letter, populated.testimony}
    assert documents_found(populated, "زندانی") == both
    assert documents_found(populated, "زندانی", "--person", populated.narges) == {populated.letter}
    assert documents_found(populated, "زندانی", "--person", populated.reza) == {populated.testimony}
    # A parent tag includes its children.
    assert documents_found(populated, "زندانی", "--tag", "conditions") == {populated.letter}
    assert documents_found(populated, "زندانی", "--kind", "testimony") == {populated.testimony}
    assert documents_found(populated, "زندانی", "--kind", "court") == set()


def test_search_filters_by_date(populated: Populated) -> None:
    assert documents_found(populated, "زندانی", "--since", "2012-01-01") == {populated.testimony}
    assert documents_found(populated, "زندانی", "--until", "1389") == {populated.letter}


def test_search_finds_people_by_persian_name(populated: Populated) -> None:
    hits = search(populated, "نرگس")
    assert [(h["record_type"], h["person_id"]) for h in hits] == [("person", populated.narges)]


def test_search_prints_ids_titles_and_marked_snippets(populated: Populated) -> None:
    out = populated.cli.ok("search", "sentenced").out
    assert populated.court in out
    assert "Court ruling" in out
    assert "[sentenced]" in out
    assert "\x02" not in out and "\x03" not in out


def test_search_that_finds_nothing_says_so(populated: Populated) -> None:
    assert populated.cli.ok("search", "xylophone").out.strip() == "Nothing found."
    assert search(populated, "xylophone") == []


def test_search_with_an_unknown_tag_exits_1(populated: Populated) -> None:
    assert_user_error(populated.cli("search", "زندانی", "--tag", "no-such-tag"), "no-such-tag")


def test_search_query_syntax_is_not_interpreted(populated: Populated) -> None:
    # FTS5 operators and quotes typed by a user are words, not syntax errors.
    result = populated.cli("search", 'زندانی OR "', "--json")
    assert result.code == 0, result.err
    assert result.json() == []
