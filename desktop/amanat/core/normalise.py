"""Text normalisation for search: one form for indexed text and for queries, so spelling variants
of Persian (and Arabic-typed) words meet, and safe FTS5 MATCH expressions built from user input.
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
    # in everyday use: "پائیز"/"پاییز", "رئیس"/"رییس", "مؤسسه"/"موسسه", "اعضاء"/"اعضا".
    "\u0626": _PERSIAN_YEH,  # ئ
    "\u0624": _WAW,  # ؤ
    "\u0621": "",  # ء on its own line: Persian mostly drops the final one ("اعضا", "انشا")
    # Ezafe on a word ending in heh is written "خانهٔ" (heh + hamza above, the hamza is removed
    # below with the other marks), "خانۀ" (one code point) or just "خانه". All three must meet,
    # and a search for "خانه" must find each, so ۀ becomes a plain ه.
    "\u06c0": _HEH,  # ۀ
    # Teh marbuta: Arabic-typed names "فاطمة", "طاهرة" are "فاطمه", "طاهره" in Persian.
    "\u0629": _HEH,  # ة
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
    # ZWNJ: Persian writes "می‌خواهم" with it, many type "میخواهم". unicode61 splits tokens at
    # ZWNJ (it is not a letter), which would make "می‌خواهم" the two tokens "می" and "خواهم" and
    # never meet "میخواهم". Removing it joins the parts into one token, so both spellings match.
    # "می خواهم" typed with a real space stays two tokens; there is no telling that space from a
    # word boundary, so that variant is left to the prefix search of the query.
    (0x200C, 0x200C),
    # Zero-width space: in Persian text it is almost always a ZWNJ typed with the wrong key, so
    # it is treated like one.
    (0x200B, 0x200B),
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


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in _LETTERS.items()}
    for first, last in _REMOVED_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    table.update(dict.fromkeys(_SPACES, " "))
    # digits.py decides what a digit is; one translate table keeps normalise to a single pass.
    table.update({ord(d): to_ascii_digits(d) for d in PERSIAN_DIGITS + ARABIC_INDIC_DIGITS})
    for first, last in _PRESENTATION_RANGES:
        for code in range(first, last + 1):
            if code in table:  # U+FEFF is removed, not folded
                continue
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
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


def normalise(text: str) -> str:
    """Return `text` in the form that is indexed and searched (see the comments above)."""
    if text.isascii():  # nothing below changes ASCII, and isascii() costs nothing
        return text
    # NFC before the table, so decomposed input (macOS, some keyboards) is folded like the
    # precomposed letter: ۀ sent as ە + hamza above must become ه, not a bare ە left behind
    # once the table has stripped the hamza.
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_TRANSLATE)
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
    return "".join(pieces), offsets
