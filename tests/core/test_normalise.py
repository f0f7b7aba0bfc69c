from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
import sqlcipher3

from amanat.core.normalise import fts_query, normalise, normalise_with_offsets, search_terms

ZWNJ = "\u200c"


# --- normalise: letters -------------------------------------------------------------------------


def test_arabic_yeh_and_kaf_match_persian() -> None:
    assert normalise("كيك") == "کیک"
    assert normalise("اوين") == normalise("اوین") == "اوین"


def test_alef_maksura_becomes_persian_yeh() -> None:
    assert normalise("موسى") == "موسی"


def test_hamza_on_alef_is_dropped_for_arabic_typed_names() -> None:
    assert normalise("أحمد") == "احمد"
    assert normalise("إبراهيم") == "ابراهیم"


def test_alef_madda_folds_to_alef_whether_composed_or_not() -> None:
    assert normalise("آرش") == normalise("ارش") == "ارش"
    assert normalise("ا\u0653رش") == "ارش"  # alef + combining madda, as some keyboards send it


def test_hamza_seats_fold_to_their_letter() -> None:
    assert normalise("پائیز") == normalise("پاییز")
    assert normalise("مؤسسه") == normalise("موسسه")
    assert normalise("اعضاء") == normalise("اعضا")


def test_ezafe_spellings_all_become_plain_heh() -> None:
    assert normalise("خانۀ") == normalise("خانهٔ") == normalise("خانه") == "خانه"


def test_teh_marbuta_becomes_heh() -> None:
    assert normalise("فاطمة") == "فاطمه"


# --- normalise: digits, marks, invisible characters, spaces ------------------------------------


def test_persian_and_arabic_indic_digits_become_ascii() -> None:
    assert normalise("۱۳۸۹/۱۲/۱۵") == "1389/12/15"
    assert normalise("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert normalise("بند ۳۵۰") == "بند 350"


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("مُحَمَّد", "محمد"),  # zamma, fatha, shadda
        ("حتماً", "حتما"),  # tanvin
        ("رحمٰن", "رحمن"),  # superscript alef
        ("خانهٔ", "خانه"),  # combining hamza above
        ("بِسْمِ", "بسم"),  # kasra, sukun
        ("عَلَيْهِ\u0610", "علیه"),  # honorific sign above a name
    ],
)
def test_short_vowels_and_marks_are_removed(marked: str, plain: str) -> None:
    assert normalise(marked) == plain


def test_tatweel_is_removed() -> None:
    assert normalise("نـــامه") == "نامه"


def test_zwnj_is_removed_so_the_parts_join() -> None:
    assert normalise("می" + ZWNJ + "خواهم") == normalise("میخواهم") == "میخواهم"
    assert normalise("نامه" + ZWNJ + "ها") == "نامهها"


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200e",  # LRM
        "\u200f",  # RLM
        "\u061c",  # ALM
        "\u202a",  # LRE
        "\u202b",  # RLE
        "\u202c",  # PDF
        "\u202d",  # LRO
        "\u202e",  # RLO
        "\u2066",  # LRI
        "\u2067",  # RLI
        "\u2068",  # FSI
        "\u2069",  # PDI
        "\u200d",  # ZWJ
        "\ufeff",  # BOM
        "\u00ad",  # soft hyphen
    ],
)
def test_bidi_marks_and_invisible_characters_are_removed(invisible: str) -> None:
    assert normalise(f"{invisible}اوین{invisible}evin{invisible}") == "اوینevin"
    assert normalise(f"زن{invisible}دان") == "زندان"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u200a", "\u2002", "\u3000"])
def test_unusual_spaces_become_a_plain_space(space: str) -> None:
    assert normalise(f"زندان{space}اوین") == "زندان اوین"


def test_line_breaks_and_tabs_are_kept() -> None:
    assert normalise("نامه\nاول\tدوم") == "نامه\nاول\tدوم"


# --- normalise: presentation forms, NFC, case --------------------------------------------------


def test_presentation_forms_fold_to_ordinary_letters() -> None:
    assert normalise("ﻻﻟﻪ") == "لاله"  # lam-alef ligature, initial lam, final heh
    assert normalise("ﺯﻧﺪﺍﻥ") == "زندان"
    assert normalise("ﷲ") == "الله"
    assert normalise("﷼") == "ریال"


def test_presentation_forms_go_through_the_other_mappings() -> None:
    assert normalise("ﻙ") == "ک"  # isolated Arabic kaf
    assert normalise("ﻱ") == "ی"  # isolated Arabic yeh
    assert normalise("ﺃ") == "ا"  # isolated alef with hamza
    assert normalise("ﻵ") == "لا"  # lam-alef with madda
    assert normalise("ﷺ") == "صلی الله علیه وسلم"  # alef maksura and Arabic yeh inside


def test_isolated_vowel_sign_forms_vanish_like_the_signs() -> None:
    assert normalise("حتماﹰ") == "حتما"
    assert normalise("حتمﹱا") == "حتما"


def test_decomposed_latin_is_composed() -> None:
    assert normalise("Mousavi\u0301 cafe\u0301") == "Mousaví café"


def test_mark_left_next_to_a_letter_after_removal_is_composed() -> None:
    assert normalise("e\u200d\u0301") == "é"


def test_case_is_left_to_the_tokenizer() -> None:
    assert normalise("Evin PRISON") == "Evin PRISON"


@pytest.mark.parametrize(
    "text",
    [
        "Letters from Evin prison, ward 350, 15 March 2011.",
        "من از زندان اوین برای شما نامه نوشتم.",
        "",
    ],
)
def test_clean_text_is_unchanged(text: str) -> None:
    assert normalise(text) == text


# --- normalise: idempotence ---------------------------------------------------------------------

TRICKY = [
    "",
    "   ",
    "مُحَمَّد",
    "می\u200cخواهم",
    "نـــامه\u200cها",
    "خانۀ خانهٔ",
    "ا\u0653\u0651رش",  # alef, madda, shadda: NFC composes across the shadda
    "ي\u0654",  # Arabic yeh + hamza composes to ئ
    "\u06d5\u0654",  # ae + hamza composes to ۀ
    "ﻻﻟﻪ ﷲ ﷺ ﹰ ﱞ ﻵ",
    "ﺍ\u0653",  # presentation alef followed by a combining madda
    "e\u200d\u0301 a\u0640\u0301 o\u200c\u0308",
    "\u202bزندان\u202c \u2067اوین\u2069 \ufeff",
    "۱۳۸۹ ١٣٨٩ 1389",
    "Straße ﬁ ①",
    "\x00\u00a0\u200b",
    "كتاب ي ى ك ة ء أ إ آ ؤ ئ ۀ",
]


@pytest.mark.parametrize("text", TRICKY)
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@pytest.mark.parametrize("text", [*TRICKY, "ۀ أ إ آ ؤ ئ", "Mousaví café"])
def test_canonically_equivalent_spellings_normalise_alike(text: str) -> None:
    # Decomposed input (ۀ sent as ە + hamza above, آ as ا + madda) must index like composed input.
    assert normalise(unicodedata.normalize("NFD", text)) == normalise(text)


@pytest.mark.parametrize(
    "text",
    [*TRICKY, "نامهٔ شمارهٔ ۳", "مُحَمَّدْ", "می\u200cخواهم", "ﻻﻟﻪ", "نـــامه", "plain ascii", ""],
)
def test_offsets_lead_each_normalised_character_back_to_the_original(text: str) -> None:
    # What search snippets rely on to show the matched words as the user wrote them.
    text = unicodedata.normalize("NFC", text)
    normal, offsets = normalise_with_offsets(text)
    # Only the last NFC step differs: a mark brought next to its letter stays apart.
    assert unicodedata.normalize("NFC", normal) == normalise(text)
    assert len(offsets) == len(normal)
    assert offsets == sorted(offsets)
    for position, origin in enumerate(offsets):
        assert normal[position] in normalise(text[origin]) or normalise(text[origin]) == " "


def test_normalise_is_idempotent_on_random_mixtures() -> None:
    # Characters chosen because they interact: bases that compose with marks, marks that are
    # removed, marks that are kept, joiners, presentation forms, digits, spaces.
    pool = (
        "اویهکeaoEي\u064aى\u0643ة\u0629ءأإآؤئۀ\u06d5"
        "\u064b\u064e\u0651\u0653\u0654\u0655\u0670\u06e1\u0640"
        "\u0300\u0301\u0308\u0327"
        "\u200b\u200c\u200d\u200e\u200f\u202b\u202c\ufeff\u00ad"
        "ﻻﺍﻙﻱﺃﷲﹰﹱ"
        "۱٢3 \u00a0\u202f\n"
    )
    rng = random.Random(20110315)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        once = normalise(text)
        assert normalise(once) == once, repr(text)


# --- search_terms -------------------------------------------------------------------------------


def test_search_terms_split_on_whitespace_and_punctuation() -> None:
    assert search_terms("زندان، اوین؛ بند۳۵۰؟ (evin) a:b ^x") == [
        "زندان",
        "اوین",
        "بند",
        "350",
        "evin",
        "a",
        "b",
        "x",
    ]


def test_search_terms_are_normalised() -> None:
    assert search_terms("  كودكان\u200cمان   مُحَمَّد ۱۳۸۹ ") == ["کودکانمان", "محمد", "1389"]


def test_search_terms_with_a_real_space_are_two_terms() -> None:
    assert search_terms("زندان اوین") == ["زندان", "اوین"]


def test_search_terms_glue_a_prefix_typed_with_a_space() -> None:
    assert search_terms("می خواهم") == ["میخواهم"]


def test_quoted_phrase_is_one_term() -> None:
    assert search_terms('letter "Evin  prison" 2011') == ["letter", "Evin prison", "2011"]


def test_persian_guillemets_and_smart_quotes_make_phrases() -> None:
    assert search_terms("«زندان اوین» نامه") == ["زندان اوین", "نامه"]
    assert search_terms("“ward 350” evin") == ["ward 350", "evin"]


def test_unclosed_quote_runs_to_the_end() -> None:
    assert search_terms('نامه "زندان اوین') == ["نامه", "زندان اوین"]


@pytest.mark.parametrize("query", ["", "   ", '"', '""', '" "', "()", "*^:-", "\u200c\u200f"])
def test_search_terms_without_words_are_empty(query: str) -> None:
    assert search_terms(query) == []


# --- fts_query ----------------------------------------------------------------------------------


def test_fts_query_quotes_each_term_as_a_prefix() -> None:
    assert fts_query("نامه اوين") == '"نامه"* "اوین"*'


def test_fts_query_keeps_phrases_together() -> None:
    assert fts_query('"evin prison" 350') == '"evin prison"* "350"*'


def test_fts_query_does_not_interpret_operators() -> None:
    assert fts_query("evin OR") == '"evin"* "OR"*'
    assert fts_query("NOT evin") == '"NOT"* "evin"*'
    assert fts_query("NEAR(evin qarchak)") == '"NEAR"* "evin"* "qarchak"*'
    assert fts_query("col:x") == '"col"* "x"*'
    assert fts_query("^evin*") == '"evin"*'


HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""',
    ")",
    "(",
    "()",
    "evin OR",
    "OR",
    "AND",
    "NOT",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 3)",
    "a:b",
    "{a b}:c",
    "-a",
    "^x",
    "*",
    "-",
    "+",
    "'",
    "\\",
    "\\\"'",
    "\x00",
    "evin\x00OR",
    'x" OR "y',
    'evin" NOT "qarchak',
    "\u200c",
    "ـــ",
    "«",
    "»",
    "a" * 2000,
    " OR ".join(["x"] * 200),
]

# What fts_query may produce: quoted strings with doubled inner quotes, each with a trailing *.
_SAFE = re.compile(r'"(?:[^"]|"")+"\*(?: "(?:[^"]|"")+"\*)*')


@pytest.mark.parametrize("query", HOSTILE)
def test_fts_query_on_hostile_input_is_none_or_only_quoted_prefixes(query: str) -> None:
    expression = fts_query(query)
    assert expression is None or _SAFE.fullmatch(expression), expression


@pytest.mark.parametrize("query", ["", " ", '"', ")", "*", "-", "^", "\u200f", "ـ"])
def test_fts_query_without_terms_is_none(query: str) -> None:
    assert fts_query(query) is None


# --- integration with FTS5 in SQLCipher ---------------------------------------------------------

ROWS = {
    1: "نامه" + ZWNJ + "اي از زندان اوين به كودكانم",  # Arabic yeh and kaf, ZWNJ
    2: "مُحَمَّد نوشت: می" + ZWNJ + "خواهم آزاد شوم",  # vowel marks, ZWNJ
    3: "تاریخ ۱۳۸۹/۱۲/۱۵ — بند ۳۵۰",  # Persian digits
    4: "سال ١٣٩٠ در قرچک",  # Arabic-Indic digits
    5: "Letter from Evin prison, ward 350",
    6: "Testimony about Qarchak women's ward",
    7: "نـــامه" + ZWNJ + "ها",  # tatweel, ZWNJ
    8: "ﻻﻟﻪ",  # presentation forms
    9: "أحمد",  # hamza on alef
    10: "خانۀ پدری",  # ezafe as one code point
    11: "\u200fمیخواهم\u200f برگردم",  # no ZWNJ, RLM around it
}


@pytest.fixture(scope="module")
def conn() -> Iterator[Any]:
    connection = sqlcipher3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE texts USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO texts(rowid, body) VALUES (?, ?)",
        [(rowid, normalise(text)) for rowid, text in ROWS.items()],
    )
    yield connection
    connection.close()


def _search(conn: Any, query: str) -> set[int]:
    expression = fts_query(query)
    if expression is None:
        return set()
    rows = conn.execute("SELECT rowid FROM texts WHERE texts MATCH ?", (expression,))
    return {row[0] for row in rows}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("اوین", {1}),  # Persian yeh finds Arabic yeh
        ("اوين", {1}),  # and the other way round
        ("کودکانم", {1}),
        ("زندان اوین", {1}),
        ("محمد", {2}),  # plain finds vowelled
        ("مُحمّد", {2}),  # vowelled query
        ("میخواهم", {2, 11}),  # without ZWNJ finds both spellings
        ("می" + ZWNJ + "خواهم", {2, 11}),  # with ZWNJ finds both spellings
        ("350", {3, 5}),  # ASCII finds Persian digits and ASCII
        ("۳۵۰", {3, 5}),  # Persian finds both too
        ("١٣٨٩", {3}),  # Arabic-Indic finds Persian
        ("1390", {4}),  # ASCII finds Arabic-Indic
        ("نامه", {1, 7}),  # prefix: "نامه‌ای", "نامه‌ها"; tatweel gone
        ("نـامه", {1, 7}),
        ("evin", {5}),
        ("EVIN Prison", {5}),  # case folded by the tokenizer
        ('"evin prison"', {5}),
        ('"prison evin"', set()),  # phrase order matters
        ("ward", {5, 6}),
        ("qarchak", {6}),
        ("قرچک", {4}),
        ("لاله", {8}),  # presentation forms were indexed as letters
        ("احمد", {9}),  # Persian user's spelling of an Arabic-typed name
        ("خانه", {10}),
        ("خانهٔ", {10}),
        ("زندان قرچک", set()),  # terms are ANDed
    ],
)
def test_variant_queries_find_exactly_the_right_rows(
    conn: Any, query: str, expected: set[int]
) -> None:
    assert _search(conn, query) == expected


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_run_through_match_without_error(conn: Any, query: str) -> None:
    _search(conn, query)  # raises sqlcipher3.OperationalError if the expression is not valid


def test_operator_words_are_searched_as_words(conn: Any) -> None:
    # Unquoted, "Testimony OR evin" would find rows 5 and 6; here OR is a word to be found.
    assert _search(conn, "Testimony OR evin") == set()
    assert _search(conn, "evin NOT prison") == set()
    assert _search(conn, "from") == {5}


# --- spellings writers vary: every form of each group finds every other --------------------------

SPELLINGS = {
    "verbal prefix می": ["می" + ZWNJ + "خواهم", "می خواهم", "میخواهم"],
    "verbal prefix نمی": ["نمی" + ZWNJ + "کنم", "نمی کنم", "نمیکنم"],
    "prefix بی": ["بی" + ZWNJ + "گناه", "بی گناه", "بیگناه"],
    "plural ها": ["کتاب" + ZWNJ + "ها", "کتاب ها", "کتابها"],
    "plural های": ["کتاب" + ZWNJ + "های", "کتاب های", "کتابهای"],
    "indefinite ای": ["زمین لرزه" + ZWNJ + "ای", "زمین لرزه ای", "زمین لرزهای"],
    "comparative تر": ["بزرگ" + ZWNJ + "تر", "بزرگ تر", "بزرگتر"],
    "superlative ترین": ["بزرگ" + ZWNJ + "ترین", "بزرگ ترین", "بزرگترین"],
    "agent گر": ["ستم" + ZWNJ + "گر", "ستم گر", "ستمگر"],
    "verb ending ام": ["رفته" + ZWNJ + "ام", "رفته ام"],
    "verb ending اید": ["آمده" + ZWNJ + "اید", "آمده اید"],
    "ezafe": ["خانۀ", "خانهٔ", "خانه" + ZWNJ + "ی", "خانه ی", "خانه"],
    "hamza هیأت": ["هیأت", "هیئت", "هیات"],
    "hamza مسأله": ["مسأله", "مسئله", "مساله"],
    "hamza مسئول": ["مسئول", "مسؤول", "مسوول"],
    "hamza رئیس": ["رئیس", "رییس"],
    "hamza ارائه": ["ارائه", "ارایه"],
    "glued digit": ["۹کیلومتر", "۹ کیلومتر", "9 کیلومتر"],
    "emphasis": ["سلاممم", "سلام"],
    "emphasis on a vowel": ["خیلیییی", "خیلی"],
    "lam-alef ligature": ["ﻻﻟﻪ", "لاله"],
    "honorific ﷺ": ["ﷺ", "صلی الله علیه وسلم"],
    "honorific ﵇": ["\ufd47", "علیه السلام"],
    "Urdu heh goal": ["نامہ", "نامه"],
    "Kurdish ae": ["نامە", "نامه"],
    "heh doachashmee": ["ھمه", "همه"],
    "yeh barree": ["دوستے", "دوستی"],
}


def _pairs() -> Iterator[tuple[str, str, str]]:
    for name, forms in SPELLINGS.items():
        for stored in forms:
            for typed in forms:
                if stored != typed:
                    yield name, stored, typed


def _fts_of(rows: dict[int, str]) -> Any:
    connection = sqlcipher3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE texts USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO texts(rowid, body) VALUES (?, ?)",
        [(rowid, normalise(text)) for rowid, text in rows.items()],
    )
    return connection


@pytest.mark.parametrize("name", SPELLINGS)
def test_each_spelling_is_one_form_once_normalised(name: str) -> None:
    folded = {normalise(form) for form in SPELLINGS[name]}
    if name == "ezafe":  # the ezafe marks go; "خانه" is the form all of them meet
        assert folded == {"خانه"}
    else:
        assert len(folded) == 1, folded


@pytest.mark.parametrize(("name", "stored", "typed"), list(_pairs()))
def test_stored_in_one_spelling_found_by_every_other(name: str, stored: str, typed: str) -> None:
    conn = _fts_of({1: f"او گفت {stored} و رفت", 2: "متنی دیگر بی ربط"})
    try:
        assert _search(conn, typed) == {1}, name
        # The same inside a quoted phrase, with a word on either side.
        assert _search(conn, f'"گفت {typed} و رفت"') == {1}, name
        assert _search(conn, f"«گفت {typed}»") == {1}, name
    finally:
        conn.close()


@pytest.mark.parametrize(
    "word",
    [
        "ماهی",  # a word ending in هی is not an ezafe
        "گواهی",
        "میز",  # starts like the prefix می
        "تنها",  # ends like the suffix ها
        "بیمار",  # starts like the prefix بی
        "پاییز",  # a doubled letter of the word itself
        "ممنون",
        "سلامم",  # two letters: "my greeting", not emphasis
        "طاووس",
    ],
)
def test_words_that_only_look_like_a_fold_are_left_alone(word: str) -> None:
    assert normalise(word) == word


def test_prefix_or_suffix_standing_alone_is_not_glued_to_punctuation_or_a_line() -> None:
    assert normalise("گفت: ای خدا") == "گفت: ای خدا"
    assert normalise("ها\nها") == "ها\nها"
    assert normalise("1 ها") == "1 ها"


def test_latin_letters_and_digits_stay_glued() -> None:
    assert normalise("mp3 و A4") == "mp3 و A4"


def test_hamza_written_as_a_separate_mark_on_farsi_yeh_is_still_found() -> None:
    # ی + hamza above does not compose to ئ; the mark goes and the yeh stays, as typed.
    assert normalise("ی\u0654") == "ی"
