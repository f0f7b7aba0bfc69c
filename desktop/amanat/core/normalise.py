"""Text normalisation for search: one form for indexed text and for queries, so spelling variants
of Persian (and Arabic-typed) words meet, and safe FTS5 MATCH expressions built from user input.

Every fold, with the spellings it brings together (each pair is tested both ways, stored in one
form and searched in the other, as a word and inside a quoted phrase):

- Arabic letters to Persian: "كتاب" / "کتاب", "موسى" / "موسی", "فاطمة" / "فاطمه".
- Neighbouring scripts' letters to Persian: Urdu "ہ" "ھ" "ے" and Kurdish "ە": "دوستے" /
  "دوستی", "ھمه" / "همه".
- Hamza on its seats: "أحمد" / "احمد", "هیأت" / "هیئت" / "هیات", "مسأله" / "مسئله" /
  "مساله", "رئیس" / "رییس", "مسؤول" / "مسئول" / "مسوول", "اعضاء" / "اعضا" (see _hamza_seat).
- Ezafe: "خانۀ" / "خانهٔ" / "خانه‌ی" / "خانه ی" / "خانه".
- Verbal prefixes and suffixes glued to their word whether written with ZWNJ, a space or
  nothing: "می‌خواهم" / "می خواهم" / "میخواهم", "نمی کنم" / "نمی‌کنم", "کتاب ها" / "کتاب‌ها" /
  "کتابها", "زمین لرزه ای" / "زمین لرزه‌ای", "بزرگ ترین" / "بزرگ‌ترین" (see _AFFIXES).
- A digit glued to a word is separated from it: "۹کیلومتر" / "۹ کیلومتر".
- Letters repeated for emphasis: "سلاممم" / "سلام" (runs of three or more, see _REPEATED).
- Persian and Arabic-Indic digits to ASCII: "۲۰۹" / "٢٠٩" / "209".
- Short vowels, Quranic marks, tatweel, bidi controls and joiners removed: "مُحَمَّد" / "محمد",
  "نـــامه" / "نامه".
- Arabic presentation forms and ligatures to letters: "ﻻﻟﻪ" / "لاله", and the honorific
  ligatures to their words, so "ﷺ" and "صلی الله علیه وسلم" find each other.
"""

from __future__ import annotations

import re
import unicodedata

from amanat.core.digits import ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, to_ascii_digits

# The index is kept inside the archive, so whatever this module does to text is baked into every
# archive built with it. Change a mapping and old indexes stop matching new queries until they are
# rebuilt: that is why the sets below are spelled out code point by code point instead of being
# derived from the Unicode database of whichever Python happens to run.

_ALEF = "\u0627"  # ا
_WAW = "\u0648"  # و
_HEH = "\u0647"  # ه
_PERSIAN_YEH = "\u06cc"  # ی
_KEHEH = "\u06a9"  # ک

_LETTERS: dict[str, str] = {
    # Arabic keyboards and Arabic-made fonts give ي ى ك; Persian spells them ی ک. Both kinds
    # of text reach the archive (letters typed on borrowed machines, copied from Arabic sites).
    "\u064a": _PERSIAN_YEH,  # ي Arabic yeh
    "\u0649": _PERSIAN_YEH,  # ى alef maksura: Arabic-style final yeh, "موسى" for "موسی"
    "\u0643": _KEHEH,  # ك Arabic kaf
    # Hamza: Persian spelling leaves it off the alef ("احمد", "ابراهیم") where Arabic writes
    # "أحمد", "إبراهيم", and a Persian user searching a name types the bare form. Words told apart
    # only by hamza on alef are practically absent from Persian, so folding loses nothing.
    "\u0623": _ALEF,  # أ
    "\u0625": _ALEF,  # إ
    "\u0671": _ALEF,  # ٱ alef wasla (Quranic and Arabic-typed text)
    # آ is folded too. Keeping it distinct would be more faithful to spelling, but for search it is
    # the wrong trade: the madda is often dropped in handwriting and so in transcripts of letters,
    # and someone who searches "آزاده" expects to find "ازاده" written without it, and the other
    # way round. Pairs that really differ only by madda ("آمل"/"امل") are rare and the extra hit
    # is cheap; a missed testimony is not. Lucene's Persian analyzer makes the same choice.
    "\u0622": _ALEF,  # آ
    # Persian spelling reform turned many hamza seats into plain letters, and both spellings are
    # in everyday use: "مؤسسه"/"موسسه", "اعضاء"/"اعضا". ئ is left for _hamza_seat, which
    # needs its neighbours to choose between ی and ا.
    "\u0624": _WAW,  # ؤ
    "\u0621": "",  # ء on its own line: Persian mostly drops the final one ("اعضا", "انشا")
    # Ezafe on a word ending in heh is written "خانهٔ" (heh + hamza above, the hamza is removed
    # below with the other marks), "خانۀ" (one code point) or just "خانه". All three must meet,
    # and a search for "خانه" must find each, so ۀ becomes a plain ه.
    "\u06c0": _HEH,  # ۀ
    # Teh marbuta: Arabic-typed names "فاطمة", "طاهرة" are "فاطمه", "طاهره" in Persian.
    "\u0629": _HEH,  # ة
    # Letters of Urdu, Kurdish and Pashto keyboards that stand for Persian ones: text copied from
    # those sites, or typed on a machine set up for them, would otherwise never match.
    "\u06c1": _HEH,  # ہ Urdu heh goal
    "\u06c2": _HEH,  # ۂ heh goal with hamza (an Urdu ezafe)
    "\u06be": _HEH,  # ھ heh doachashmee: "ھمه" for "همه"
    "\u06d5": _HEH,  # ە Kurdish ae
    "\u06d2": _PERSIAN_YEH,  # ے yeh barree: "دوستے" for "دوستی"
    "\u06d3": _PERSIAN_YEH,  # ۓ yeh barree with hamza
    "\u06cd": _PERSIAN_YEH,  # ۍ Pashto yeh with tail
    "\u06d0": _PERSIAN_YEH,  # ې Pashto e
    "\u06aa": _KEHEH,  # ڪ swash kaf
}

# Honorific ligatures that Unicode gives no decomposition (so NFKC below leaves them as they
# are): each becomes its words, as the older ligatures ﷺ and ﷻ do through NFKC. A query typed
# with the ligature is folded the same way, so the ligature and its words find each other.
_LIGATURE_WORDS: dict[str, str] = {
    "\ufd40": "رحمه الله",
    "\ufd41": "رضی الله عنه",
    "\ufd42": "رضی الله عنها",
    "\ufd43": "رضی الله عنهم",
    "\ufd44": "رضی الله عنهما",
    "\ufd45": "رضی الله عنهن",
    "\ufd46": "صلی الله علیه و آله",
    "\ufd47": "علیه السلام",
    "\ufd48": "علیهم السلام",
    "\ufd49": "علیهما السلام",
    "\ufd4a": "علیه الصلاة و السلام",
    "\ufd4b": "قدس سره",
    "\ufd4c": "صلی الله علیه و آله و سلم",
    "\ufd4d": "علیها السلام",
    "\ufd4e": "تبارک و تعالی",
    "\ufd4f": "رحمهم الله",
    "\ufdcf": "سلامه علینا",
    "\ufdfd": "بسم الله الرحمن الرحیم",
    "\ufdfe": "سبحانه و تعالی",
    "\ufdff": "عز و جل",
}

# Marks and controls that carry no letter. All of these are separators for unicode61 (it splits
# "مُحَمَّد" into four one-letter tokens), so they must go before the tokenizer sees the text.
_REMOVED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # honorific signs written above names (sallallahou, alayhe, ...)
    (0x064B, 0x065F),  # short vowels, tanvin, shadda, sukun, combining madda and hamza
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x08D3, 0x08FF),  # Quranic marks of the Arabic Extended-A block
    (0x0640, 0x0640),  # tatweel: "نـــامه" is "نامه" stretched for looks
    # ZWNJ (U+200C) is not here: _glue_affixes needs to see it before it goes, see there.
    (0x200D, 0x200D),  # ZWJ
    (0x200E, 0x200F),  # LRM, RLM
    (0x061C, 0x061C),  # ALM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0x2060, 0x2060),  # word joiner
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0x00AD, 0x00AD),  # soft hyphen
)

# Spaces that look like a space but are not U+0020. They become a plain space so the text reads
# and tokenizes the same; line breaks and tabs are kept as they are.
_SPACES = (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)

# Arabic presentation forms (contextual shapes and ligatures such as ﻻ, ﷲ, ﷼) come from old
# PDFs and from text extracted out of rendered pages. They are compatibility characters, which
# NFC leaves alone, and unicode61 indexes them as letters of their own, so "ﻻﻟﻪ" would never meet
# "لاله". They are folded with NFKC, but only these blocks: NFKC over the whole text would also
# rewrite things a reader should keep, such as superscripts, fractions or full-width forms.
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


_ZWNJ = "\u200c"


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _LETTERS.items()}
    for first, last in _REMOVED_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    table.update(dict.fromkeys(_SPACES, " "))
    # Zero-width space: in Persian text it is almost always a ZWNJ typed with the wrong key, so
    # it is treated like one.
    table[0x200B] = _ZWNJ
    # digits.py decides what a digit is; one translate table keeps normalise to a single pass.
    table.update({ord(d): to_ascii_digits(d) for d in PERSIAN_DIGITS + ARABIC_INDIC_DIGITS})
    for first, last in _PRESENTATION_RANGES:
        for code in range(first, last + 1):
            if code in table:  # U+FEFF is removed, not folded
                continue
            char = chr(code)
            folded = _LIGATURE_WORDS.get(char) or unicodedata.normalize("NFKC", char)
            if folded == char:
                continue
            # The folded letters go through the rest of the table here, so one translate pass
            # over the text is enough (ﷺ holds an alef maksura, ﷲ a shadda...). The isolated
            # forms of vowel signs fold to a space or tatweel plus the mark; they are marks and
            # vanish like the marks themselves.
            folded = folded.translate(table)
            table[code] = folded if folded.strip() else ""
    return table


_TABLE = _build_table()

# str.translate treats a character missing from the table as a KeyError raised and caught,
# which costs more than the lookup itself. Mapping every character of the blocks real text is made
# of (Latin, Greek, Cyrillic, Hebrew, Arabic, general punctuation, presentation forms) to itself
# makes normalise about twice as fast on Persian text; other characters still work, only slower.
_IDENTITY_RANGES = (range(0x0000, 0x0800), range(0x2000, 0x2070), range(0xFB50, 0xFF00))
_TRANSLATE: dict[int, str | int | None] = {
    **{code: code for block in _IDENTITY_RANGES for code in block},
    **_TABLE,
}


# --- Folds that look at a letter's neighbours -------------------------------------------------
#
# The table above maps one character at a time. The folds below need the characters around
# it (is this ZWNJ before a suffix? is this ئ before a ت?), so they run as regular expressions
# on the translated text. Each yields *edits* (start, end, replacement) instead of a new string,
# so that normalise_with_offsets can apply exactly the same edits and still lead every character
# back to the one the user wrote: one definition of each fold, two ways of applying it.

Edit = tuple[int, int, str]

# Letters of the Arabic script as they are after the table (digits are ASCII by then, marks and
# tatweel gone). Latin letters are left out of the folds below on purpose: "mp3", "A4" and
# "2nd" are written glued and searched glued.
_LETTER = "[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff]"
# Any character of a token for unicode61: what a suffix must not be followed by.
_TOKEN_CHAR = r"[^\W_]"
_JOINER = f"[ {_ZWNJ}]"

# A digit glued to a word ("۹کیلومتر", "بند۲۰۹") hides both from a search: unicode61 makes one
# token of letters and digits. A space between them makes two tokens.
# (Each pattern starts with what it must find rather than a look-behind, which Python's
# engine would try at every position of the text.)
_DIGITS = re.compile("[0-9]+")

# ئ spelt three ways: "هیئت" / "هیأت" / "هیات", "رئیس" / "رییس", "مسئول" / "مسؤول" / "مسوول".
# The letter it stands for depends on its neighbours; see _hamza_seat.
_YEH_HAMZA = re.compile("\u0626")

# Letters repeated for emphasis: "سلاممم", "خیلییییی". Persian words have doubled letters
# ("ممنون", "پاییز", "موسسه", "طاووس") but never three of one letter in a row, so a run of
# three or more is emphasis and becomes one letter; a pair is left alone, since "سلامم" (my
# greeting) and "ممنون" are words as written. One letter, not two, because emphasis nearly
# always stretches a letter written once ("عالییی" is "عالی"); the price is that a stretched
# double letter ("پاییییز") folds to one ("پایز") and is found by that spelling only.
# (The one range, not _LETTER's list, makes this scan of every character twice as fast; the
# few non-letters in it, such as "۔", are punctuation the index ignores anyway.)
_REPEATED = re.compile("([\u0621-\u06ff])\\1{2,}")

# The ezafe after a word ending in heh is written "خانۀ", "خانهٔ" (both already "خانه" through the
# table), "خانه‌ی" or "خانه ی": that ی on its own after heh is the ezafe and is dropped, so all
# four meet "خانه". Glued, "خانهی" is not a way anyone writes the ezafe, and words do end in هی
# ("ماهی", "گواهی"), so that spelling is left alone.
_EZAFE = re.compile(f"\u0647({_JOINER}+\u06cc)(?!{_TOKEN_CHAR})")

# Prefixes and suffixes that Persian writers join with ZWNJ, a space or nothing, all three in
# common use, often in one letter. They are glued to their word on both sides (the index and the
# query), so "می خواهم", "می‌خواهم" and "میخواهم" are the one token "میخواهم".
#
# Why glue and not split: splitting would need to recognise a prefix or suffix inside a glued
# word, and "میز" (table), "تنها" (alone), "بیمار" (ill) start or end with the same letters as
# one; gluing only acts on a piece that stands alone after a ZWNJ or a space, and such a piece
# ("ها", "ترین", "نمی") is an affix. ZWNJ is simply removed, which glues what it stood between:
# an affix, or the parts of a compound, so "کتاب‌خانه" meets "کتابخانه". Because both
# sides are glued the same way, a quoted phrase ("می خواهم بروم") is the same tokens in the
# query as in the index and phrase matching works unchanged. The cost: a few separate words
# spelt like an affix are glued to the word before them ("لباس تر", wet clothes, becomes
# "لباستر"), so they are found as part of that word and not on their own.
_PREFIXES = ("نمی", "می", "بی")
_SUFFIXES = (
    # Plurals, with the ezafe and possessives after them.
    "هایشان", "هایتان", "هایمان", "هایی", "هایم", "هایت", "هایش", "های", "ها",
    # Comparative and superlative, agent and its noun.
    "ترین", "تری", "تر", "گری", "گر",
    # The indefinite and relative ی, and the short forms of "to be" and of the possessives.
    "ای", "ایم", "اید", "اند", "ام", "ات", "اش", "یی", "ی",
)  # fmt: skip
# Longest first, so "هایشان" is not taken for "ها" followed by a word.
_AFFIX_WORD = "|".join(sorted(_SUFFIXES, key=len, reverse=True))
# ZWNJ is gone when these run (it glues like nothing at all), so only spaces are left to glue.
_BEFORE_SUFFIX = re.compile(f" +(?=(?:{_AFFIX_WORD})(?!{_TOKEN_CHAR}))")
_AFTER_PREFIX = re.compile(f"(?:{'|'.join(_PREFIXES)})( +)(?={_LETTER})")
_IS_TOKEN_CHAR = re.compile(_TOKEN_CHAR)
_REMAINING_ZWNJ = re.compile(_ZWNJ)


def _hamza_seat(text: str, index: int) -> str:
    """The letter ئ at ``index`` is written as when spelt without hamza."""
    after = text[index + 1 : index + 2]
    before = text[index - 1 : index] if index else ""
    if after in ("\u06cc", "\u0627", "\u0647") or not _IS_LETTER.match(after or " "):
        return _PERSIAN_YEH  # "رئیس" "رییس", "تئاتر" "تیاتر", "ارائه" "ارایه", "شیئ" "شی"
    if after == _WAW:
        return _WAW  # "مسئول" "مسوول", as "مسؤول" is through the table
    if before in (_ALEF, _WAW):
        return _PERSIAN_YEH  # "دائم" "دایم", "ائتلاف" "ایتلاف"
    return _ALEF  # "هیئت" "هیات", "مسئله" "مساله", "جرئت" "جرات", as "هیأت" "مسأله"


def _edits(text: str, step: str) -> list[Edit]:
    if step == "digits":
        edits: list[Edit] = []
        for m in _DIGITS.finditer(text):
            if m.start() and _IS_LETTER.match(text, m.start() - 1):
                edits.append((m.start(), m.start(), " "))
            if _IS_LETTER.match(text, m.end()):
                edits.append((m.end(), m.end(), " "))
        return edits
    if step == "hamza":
        return [
            (m.start(), m.end(), _hamza_seat(text, m.start())) for m in _YEH_HAMZA.finditer(text)
        ]
    if step == "repeated":
        return [(m.start() + 1, m.end(), "") for m in _REPEATED.finditer(text)]
    if step == "ezafe":
        return [(m.start(1), m.end(1), "") for m in _EZAFE.finditer(text)]
    if step == "suffixes":  # after a letter of a word, not at the start of a line
        return [
            (m.start(), m.end(), "")
            for m in _BEFORE_SUFFIX.finditer(text)
            if m.start() and _IS_LETTER.match(text, m.start() - 1)
        ]
    if step == "prefixes":  # a word of its own: no letter or digit before it
        return [
            (m.start(1), m.end(1), "")
            for m in _AFTER_PREFIX.finditer(text)
            if not (m.start() and _IS_TOKEN_CHAR.match(text, m.start() - 1))
        ]
    return [(m.start(), m.end(), "") for m in _REMAINING_ZWNJ.finditer(text)]


# One pass of these steps, in this order, leaves nothing for any of them to do, which is what
# keeps normalise idempotent (tested on random mixtures). The ezafe goes first, while its ZWNJ is
# still there to tell "خانه‌ی" from the word "ماهی"; then ZWNJ goes, so that what it stood
# between is seen as one (a ZWNJ inside "ه‌ا" would otherwise hide an affix until a second
# pass); then digits are set apart, so that "ی2" holds a stand-alone ی; repeated letters are
# collapsed before gluing ("کتاب ههها" has a suffix only once its heh are one) and again after
# it, since gluing "خیلی" and "یی" makes three.
_STEPS = ("ezafe", "zwnj", "digits", "hamza", "repeated", "suffixes", "prefixes", "repeated")
# A quick test for whether any step can apply: most text of most archives has some of these,
# but titles, names and English text often have none.
_NEEDS_STEPS = re.compile(f"[ {_ZWNJ}\u0626]|({_LETTER})\\1\\1|[0-9]")
_IS_LETTER = re.compile(_LETTER)


def _apply(text: str, edits: list[Edit], offsets: list[int] | None) -> tuple[str, list[int]]:
    """``text`` with ``edits`` made (in order, not overlapping); with ``offsets``, the offsets
    of the result's characters too: a replacement's characters take the offset of what they
    replace (or of the character they are put before)."""
    pieces: list[str] = []
    moved: list[int] = []
    done = 0
    for start, end, replacement in edits:
        pieces += [text[done:start], replacement]
        if offsets is not None:
            moved += offsets[done:start]
            origin = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
            moved += [origin] * len(replacement)
        done = end
    pieces.append(text[done:])
    if offsets is not None:
        moved += offsets[done:]
    return "".join(pieces), moved


def _fold_words(text: str, offsets: list[int] | None = None) -> tuple[str, list[int]]:
    if _NEEDS_STEPS.search(text) is None:
        return text, offsets or []
    glued = False
    for number, step in enumerate(_STEPS):
        if number == len(_STEPS) - 1 and not glued:
            break  # the second collapse is for what gluing made; nothing was glued
        if step == "zwnj" and offsets is None:
            text = text.replace(_ZWNJ, "")  # the same edits, without the offsets: faster
            continue
        edits = _edits(text, step)
        while edits:
            glued = glued or step in ("suffixes", "prefixes")
            text, moved = _apply(text, edits, offsets)
            offsets = moved if offsets is not None else None
            # Two pieces glued can make a suffix that stands alone in turn ("ا ی" is "ای"):
            # only this step can feed itself, and only in text no one writes, but a second
            # look keeps normalise idempotent whatever it is given.
            edits = _edits(text, step) if step == "suffixes" else []
    return text, offsets or []


def normalise(text: str) -> str:
    """Return `text` in the form that is indexed and searched (see the comments above)."""
    if text.isascii():  # nothing here changes ASCII, and isascii() costs nothing
        return text
    # NFC before the table, so decomposed input (macOS, some keyboards) is folded like the
    # precomposed letter: ۀ sent as ە + hamza above must become ه, not a bare ە left behind
    # once the table has stripped the hamza.
    text = unicodedata.normalize("NFC", text)
    text, _ = _fold_words(text.translate(_TRANSLATE))
    # Removing a joiner or mark can bring a base letter next to a combining mark it composes
    # with ("e", ZWJ, U+0301); composing again keeps the result NFC and normalise idempotent.
    # On text that is already NFC (nearly all of it) this is only a quick check.
    return unicodedata.normalize("NFC", text)


# Quotation marks a user may type around a phrase: ASCII, Persian guillemets, "smart" quotes.
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"'})


def _is_token_char(char: str) -> bool:
    # The same rule as FTS5's unicode61: letters, numbers and private-use characters make up
    # tokens, everything else separates them. Combining diacritics (U+0300–U+036F) are part of a
    # token for unicode61 with remove_diacritics, so they are here too.
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co" or "\u0300" <= char <= "\u036f"


def _words(text: str) -> list[str]:
    # A per-character loop is fine here: it runs over a typed query, not over the archive.
    words: list[str] = []
    start = None
    for index, char in enumerate(text):
        if _is_token_char(char):
            if start is None:
                start = index
        elif start is not None:
            words.append(text[start:index])
            start = None
    if start is not None:
        words.append(text[start:])
    return words


def search_terms(query: str) -> list[str]:
    """Split a user's query into normalised terms: words, and "quoted phrases" as one term.

    A phrase term is its words joined by single spaces. A quote left open runs to the end of
    the query. Punctuation and FTS5 operator characters only separate words.
    """
    parts = normalise(query).translate(_QUOTES).split('"')
    terms: list[str] = []
    for index, part in enumerate(parts):
        words = _words(part)
        if index % 2:  # inside quotes
            if words:
                terms.append(" ".join(words))
        else:
            terms.extend(words)
    return terms


def fts_query(query: str) -> str | None:
    """Build a safe FTS5 MATCH expression from user input, or None if it has no terms.

    Every term is a quoted string, so nothing the user types (AND, OR, NOT, NEAR, brackets,
    column filters, ^) is read as syntax; each is a prefix match, because Persian attaches
    suffixes ("نامه" must find "نامه‌ها"), and the terms are ANDed.
    """
    terms = search_terms(query)
    if not terms:
        return None
    # Terms cannot contain '"' (it separates them), but doubling it is what makes a quoted
    # string safe in FTS5, so it is done regardless of how the terms were made.
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def _length_changing_class() -> str:
    # The characters normalise() removes or turns into more than one: everywhere else the
    # normalised text runs in step with the original.
    changing = sorted(code for code, value in _TABLE.items() if value is None or len(value) != 1)
    ranges: list[tuple[int, int]] = []
    for code in changing:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


_LENGTH_CHANGING = re.compile(_length_changing_class())


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` normalised as ``normalise`` does, with, for each character of the result, the
    index of the character of ``text`` it came from; so a match found in the normalised form
    can be shown in the text the user wrote.

    Character by character, without the NFC steps of ``normalise``: a letter followed by a
    combining mark that NFC would compose stays two characters here. Both spellings still
    meet the same query, since the marks are either removed here or folded by the tokenizer.
    The folds that glue or separate words are the same edits as in ``normalise``.
    """
    if text.isascii():
        return text, list(range(len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for found in _LENGTH_CHANGING.finditer(text):
        index = found.start()
        pieces.append(text[done:index].translate(_TRANSLATE))
        offsets.extend(range(done, index))
        piece = text[index].translate(_TRANSLATE)
        pieces.append(piece)
        offsets.extend([index] * len(piece))
        done = index + 1
    pieces.append(text[done:].translate(_TRANSLATE))
    offsets.extend(range(done, len(text)))
    return _fold_words("".join(pieces), offsets)
