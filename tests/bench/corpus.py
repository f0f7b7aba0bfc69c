"""Synthetic archive content for the benchmarks: people, tags, documents and texts in Persian,
English and a mix of both, generated from word lists with a seeded generator.

Everything here, ids and times included, is a pure function of the seed, so the encrypted
archive and the plain baseline receive exactly the same records and every run of the benchmark
measures the same data.
"""

from __future__ import annotations

import datetime
import itertools
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import jdatetime  # type: ignore[import-untyped, unused-ignore]

from amanat.core.dates import Calendar, FuzzyDate
from amanat.core.records import (
    Document,
    DocumentKind,
    Person,
    PersonStatus,
    Role,
    Tag,
    Text,
    TextKind,
)

ZWNJ = "\u200c"

# Fixed, so that records are identical between runs: `records.now()` would differ.
CREATED = datetime.datetime(2024, 5, 1, 9, 30, tzinfo=datetime.UTC)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Function words first, then content words roughly from most to least frequent. Spelling
# variants the normaliser must bring together are among them: words with and without ZWNJ,
# Persian and ASCII digits, and (rarer, near the end) Arabic yeh and kaf as typed on Arabic
# keyboards.
PERSIAN_FUNCTION_WORDS = _words(
    "و در به از که این را با است برای آن یک خود تا بود شد هم ما من او نیز اما بر هر"
)
PERSIAN_CONTENT_WORDS = _words(
    "نامه زندان زندانی خانواده مادر پدر همسر فرزند دختر پسر وکیل دادگاه سلام عزیزم"
    f" می{ZWNJ}خواهم میخواهم می{ZWNJ}نویسم مینویسم نمی{ZWNJ}دانم نامه{ZWNJ}ها سال{ZWNJ}ها"
    f" خانواده{ZWNJ}ام بچه{ZWNJ}ها روزها"
    " قاضی حکم حبس سال روز ماه بازجویی بازجو انفرادی سلول بند ملاقات مرخصی اعتصاب غذا"
    " دارو بیمارستان درمان پزشک بیماری اتهام امنیت ملی تبلیغ علیه آزادی عدالت حقوق زن"
    " زندگی امید صبر دلتنگی کتاب هواخوری تلفن تماس انتقال تبعید وثیقه تجدیدنظر شعبه انقلاب"
    " زنداني بيمارستان پزشكي كتاب ملاقاتي"
    f" چشم{ZWNJ}بند نگهبان شب صبح پنجره دیوار حیاط بهار پاییز زمستان تابستان دلم برایتان"
    " ۲۰۹ ۲۴۰ ۳۵۰ ۱۴۰۱ ۱۴۰۲ ۱۳۹۸ ۱۳۸۸ 209"
    f" اوین قرچک رجایی{ZWNJ}شهر قزلحصار وکیل{ZWNJ}آباد تهران کرج مشهد شیراز تبریز اهواز"
    " سنندج ارومیه زاهدان رشت اوين"
)
ENGLISH_FUNCTION_WORDS = _words(
    "the and of to in a was she he they is for on with at by from my her his not we"
)
ENGLISH_CONTENT_WORDS = _words(
    "letter prison prisoner family mother father sister brother husband wife child lawyer"
    " court judge sentence years months days interrogation interrogator solitary confinement"
    " cell ward visit furlough hunger strike medical care denied hospital medicine charges"
    " security national propaganda against state freedom justice rights human women life hope"
    " appeal revolutionary branch bail transfer exile guard guards blindfold phone call wrote"
    " dear morning night window wall yard spring autumn winter summer books waiting"
    " Evin Qarchak Rajaei Shahr Ghezel Hesar Vakilabad Tehran Karaj Mashhad Shiraz Tabriz"
    " Ahvaz Sanandaj Urmia Zahedan Rasht 209 240 350 2022 2023 2019"
)
# People's names, the same person at the same position in both scripts; the texts also use
# the Arabic-keyboard spellings at the end of the Persian lists.
LATIN_FIRST_NAMES = _words(
    "Maryam Narges Zahra Fatemeh Sepideh Nasrin Golrokh Atena Reza Ali Hossein Mohammad"
    " Mehdi Saeed Amir Navid Behnam Keyvan Zhila Shirin"
)
PERSIAN_FIRST_NAMES = _words(
    "مریم نرگس زهرا فاطمه سپیده نسرین گلرخ آتنا رضا علی حسین محمد مهدی سعید امیر نوید بهنام"
    " کیوان ژیلا شیرین علي"
)
LATIN_SURNAMES = _words(
    "Ahmadi Mohammadi Hosseini Rezaei Karimi Mousavi Jafari Ebrahimi Ghasemi Sadeghi Rahimi"
    " Nouri Kazemi"
)
PERSIAN_SURNAMES = _words(
    "احمدی محمدی حسینی رضایی کریمی موسوی جعفری ابراهیمی قاسمی صادقی رحیمی نوری کاظمی رضايي كريمي"
)

# A name that occurs in only a handful of texts: the search a lawyer makes for one witness.
RARE_NAME = ("Dehghanpour", f"دهقان{ZWNJ}پور")

TAG_PATHS = (
    "conditions/solitary",
    "conditions/medical care denied",
    "conditions/hunger strike",
    "legal/trial",
    "legal/appeal",
    "legal/bail",
    "family/visit",
    "family/phone call",
    "transfer",
    "torture",
    "furlough",
    "letters from prison",
)

_FIRST_DAY = datetime.date(2009, 6, 12)
_DAYS = (datetime.date(2024, 12, 31) - _FIRST_DAY).days


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: Sequence[str]
    cumulative: Sequence[float]

    @classmethod
    def zipf(cls, words: Sequence[str]) -> Vocabulary:
        """Word n (from 1) drawn with a weight of 1/n, as word frequencies fall in text."""
        weights = [1.0 / rank for rank in range(1, len(words) + 1)]
        return cls(words, list(itertools.accumulate(weights)))

    def pick(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


# Real letters use thousands of words. With only the ~150 listed, every one of them would be
# in most texts and every query would match half the archive. Made-up filler words between
# the content words give those a realistic spread: the first content words still appear in
# about half the texts, the last (places, rare spellings) in one or two percent.
_FILLER_PER_WORD = 15
_PERSIAN_SYLLABLES = _words(
    "با بی تا ته دا ده را ری سا سه کا که لا له ما مه نا نه فا شا شی زا گل پر"
)
_LATIN_SYLLABLES = _words("ka ro mi ne la to vi sa de lu po ri be fa go")


def _filler(seed: int, syllables: Sequence[str], endings: Sequence[str]) -> Iterator[str]:
    rng = random.Random(seed)
    while True:
        parts = rng.choices(syllables, k=rng.randrange(2, 4))
        yield "".join(parts) + rng.choice(endings)


def _vocabulary(
    function_words: Sequence[str], content_words: Sequence[str], filler: Iterator[str]
) -> Vocabulary:
    words = list(function_words)
    for word in content_words:
        words.append(word)
        words.extend(itertools.islice(filler, _FILLER_PER_WORD))
    return Vocabulary.zipf(words)


_PERSIAN = _vocabulary(
    PERSIAN_FUNCTION_WORDS,
    PERSIAN_CONTENT_WORDS[:12]
    + PERSIAN_FIRST_NAMES
    + PERSIAN_CONTENT_WORDS[12:]
    + PERSIAN_SURNAMES,
    _filler(1, _PERSIAN_SYLLABLES, ("", *"نرمشتد")),
)
_ENGLISH = _vocabulary(
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_CONTENT_WORDS[:12] + LATIN_FIRST_NAMES + ENGLISH_CONTENT_WORDS[12:] + LATIN_SURNAMES,
    _filler(2, _LATIN_SYLLABLES, ("", *"nrslt")),
)


def seeded_id(rng: random.Random) -> str:
    """A UUID4 string like `records.new_id`, but drawn from the seeded generator."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def text_body(rng: random.Random, words: int, rare_name: bool = False) -> tuple[str, str]:
    """(language, body): Persian, English, or Persian with one word in six English,
    with sentence punctuation every dozen words or so."""
    style = rng.random()
    if style < 0.45:
        language, tokens = "fa", _PERSIAN.pick(rng, words)
    elif style < 0.75:
        language, tokens = "en", _ENGLISH.pick(rng, words)
    else:
        language = "fa"
        foreign = words // 6
        tokens = _PERSIAN.pick(rng, words - foreign) + _ENGLISH.pick(rng, foreign)
        rng.shuffle(tokens)
    comma = "," if language == "en" else "،"
    for position in range(11, len(tokens), 12):
        tokens[position] += "." if rng.random() < 0.6 else comma
    if rare_name:
        tokens.insert(rng.randrange(len(tokens) + 1), RARE_NAME[language == "fa"])
    return language, " ".join(tokens)


def people(seed: int, count: int) -> list[Person]:
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        first = rng.randrange(len(LATIN_FIRST_NAMES))
        last = rng.randrange(len(LATIN_SURNAMES))
        latin = f"{LATIN_FIRST_NAMES[first]} {LATIN_SURNAMES[last]}"
        result.append(
            Person(
                display_name=latin,
                name_fa=f"{PERSIAN_FIRST_NAMES[first]} {PERSIAN_SURNAMES[last]}",
                name_latin=latin,
                roles=(Role.PRISONER,),
                birth_year=rng.randrange(1950, 2005),
                status=rng.choice(list(PersonStatus)),
                id=seeded_id(rng),
                created=CREATED,
                modified=CREATED,
            )
        )
    return result


def tag_tree(seed: int) -> list[Tag]:
    """The tags of TAG_PATHS, each parent before its children."""
    rng = random.Random(seed)
    by_path: dict[str, Tag] = {}
    for path in TAG_PATHS:
        parent: Tag | None = None
        names = path.split("/")
        for depth, name in enumerate(names, start=1):
            key = "/".join(names[:depth])
            if key not in by_path:
                by_path[key] = Tag(
                    name=name,
                    parent_id=None if parent is None else parent.id,
                    id=seeded_id(rng),
                    created=CREATED,
                    modified=CREATED,
                )
            parent = by_path[key]
    return list(by_path.values())


def fuzzy_date(rng: random.Random) -> FuzzyDate | None:
    """Mostly exact days, some only a month, some entered in the Jalali calendar, a few
    undated, so sorting by date meets every shape of stored date."""
    roll = rng.random()
    if roll < 0.03:
        return None
    day = _FIRST_DAY + datetime.timedelta(days=rng.randrange(_DAYS))
    if roll < 0.18:
        return FuzzyDate.of_month(day.year, day.month)
    if roll < 0.28:
        return FuzzyDate.of_day(day.year, day.month, day.day, circa=True)
    if roll < 0.38:
        jalali = jdatetime.date.fromgregorian(date=day)
        return FuzzyDate.of_day(jalali.year, jalali.month, jalali.day, Calendar.JALALI)
    return FuzzyDate.of_day(day.year, day.month, day.day)


@dataclass(frozen=True, slots=True)
class Letter:
    """A document with its texts, added together."""

    document: Document
    texts: tuple[Text, ...]


def letters(
    seed: int,
    count: int,
    person_ids: Sequence[str],
    tag_ids: Sequence[str],
    texts_per_document: int,
    words: tuple[int, int],
    rare_names: int = 0,
) -> Iterator[Letter]:
    """`count` documents, each about one person with one tag and `texts_per_document` texts
    of between `words[0]` and `words[1]` words. `rare_names` of the texts, spread evenly,
    mention RARE_NAME. Generated lazily: 100,000 texts would hold hundreds of MB."""
    rng = random.Random(seed)
    total_texts = count * texts_per_document
    rare_every = total_texts // rare_names if rare_names else 0
    kinds = list(DocumentKind)
    for number in range(count):
        title_language, title = text_body(rng, rng.randrange(3, 8))
        document = Document(
            kind=rng.choice(kinds),
            title=title,
            date=fuzzy_date(rng),
            concerned_ids=(rng.choice(person_ids),),
            languages=(title_language,),
            tag_ids=(rng.choice(tag_ids),),
            id=seeded_id(rng),
            created=CREATED,
            modified=CREATED,
        )
        texts = []
        for offset in range(texts_per_document):
            serial = number * texts_per_document + offset
            rare = bool(rare_every) and serial % rare_every == rare_every // 2
            language, body = text_body(rng, rng.randrange(words[0], words[1] + 1), rare)
            texts.append(
                Text(
                    document_id=document.id,
                    kind=TextKind.TRANSLATION if offset else TextKind.TRANSCRIPTION,
                    language=language,
                    body=body,
                    id=seeded_id(rng),
                    created=CREATED,
                    modified=CREATED,
                )
            )
        yield Letter(document, tuple(texts))
