"""The demo's content: invented people, letters, testimony, court papers, lawyers' notes and
events, in fixed tables (see the package's docstring: NOTHING IN IT IS REAL). Only the places
and the names of the charges are real."""

from __future__ import annotations

from dataclasses import dataclass

from amanat.core.records import (
    Audience,
    Consent,
    EventType,
    Person,
    PersonStatus,
    Role,
    TextKind,
)

TRANSLATOR = "Volunteer translator"

# --- People ------------------------------------------------------------------------------

_INVENTED = "\n\n(An invented person in the Amanat demo archive.)"


def invented_people() -> dict[str, Person]:
    def person(
        display: str,
        fa: str,
        roles: tuple[Role, ...],
        status: PersonStatus,
        born: int | None,
        notes: str,
        aliases: tuple[str, ...] = (),
        latin: str = "",
    ) -> Person:
        return Person(
            display_name=display,
            name_fa=fa,
            name_latin=latin or display,
            aliases=aliases,
            roles=roles,
            birth_year=born,
            status=status,
            notes=notes + _INVENTED,
        )

    prisoner, relative, witness = Role.PRISONER, Role.RELATIVE, Role.WITNESS
    return {
        "mahtab": person(
            "Mahtab Rezvani",
            "مهتاب رضوانی",
            (prisoner,),
            PersonStatus.DETAINED,
            1986,
            "Primary-school teacher from Karaj and member of a teachers' association. "
            "Serving a five-year sentence; held in Qarchak since Esfand 1400.",
            aliases=("Mahtab Rezwani", "Mahtab Rezvāni"),
        ),
        "kaveh": person(
            "Kaveh Amirzadeh",
            "کاوه امیرزاده",
            (prisoner,),
            PersonStatus.ON_FURLOUGH,
            1978,
            "Lathe operator and workers' representative at a metal works south of Tehran. "
            "On medical furlough since Farvardin 1403, renewed month by month.",
            aliases=("Kave Amirzade",),
        ),
        "parisa": person(
            "Parisa Niknam",
            "پریسا نیک‌نام",
            (prisoner,),
            PersonStatus.RELEASED,
            2001,
            "Architecture student, arrested in autumn 2022 and released under the amnesty "
            "of Bahman 1401. Barred from returning to university.",
            aliases=("Parisa Nik-Nam",),
        ),
        "fereshteh": person(
            "Fereshteh Golestani",
            "فرشته گلستانی",
            (relative, witness),
            PersonStatus.UNKNOWN,
            1957,
            "Mahtab's mother. Visits Qarchak every other week when visits are allowed.",
        ),
        "babak": person(
            "Babak Rezvani",
            "بابک رضوانی",
            (relative, witness),
            PersonStatus.UNKNOWN,
            1983,
            "Mahtab's older brother; photographs her letters and keeps this archive.",
        ),
        "leila": person(
            "Leila Moshiri",
            "لیلا مشیری",
            (relative, witness),
            PersonStatus.UNKNOWN,
            1981,
            "Kaveh's wife. Nurse.",
        ),
        "sara": person(
            "Sara Amirzadeh",
            "سارا امیرزاده",
            (relative,),
            PersonStatus.UNKNOWN,
            2010,
            "Kaveh and Leila's daughter.",
        ),
        "hamid": person(
            "Hamid Niknam",
            "حمید نیک‌نام",
            (relative, witness),
            PersonStatus.UNKNOWN,
            1968,
            "Parisa's father. Pharmacist in Tehran.",
        ),
        "farhad": person(
            "Farhad Sadeghpour",
            "فرهاد صادق‌پور",
            (Role.LAWYER,),
            PersonStatus.UNKNOWN,
            1975,
            "Lawyer for Mahtab Rezvani, Kaveh Amirzadeh and Parisa Niknam.",
            aliases=("Farhad Sadeqpour",),
        ),
        "roya": person(
            "Roya Esfandiari",
            "رویا اسفندیاری",
            (witness,),
            PersonStatus.RELEASED,
            1990,
            "Former detainee; shared Ward 209 and later Qarchak with Mahtab.",
        ),
        "omid": person(
            "Omid Bahrami",
            "امید بهرامی",
            (witness,),
            PersonStatus.RELEASED,
            1993,
            "Shared a hall with Kaveh in Ghezel Hesar. Asked to be anonymised.",
        ),
        "shabnam": person(
            "Shabnam Yazdani",
            "شبنم یزدانی",
            (witness,),
            PersonStatus.RELEASED,
            2000,
            "Detained with Parisa in autumn 2022. Withdrew her testimony in Esfand 1401.",
        ),
        "haj-saeed": person(
            "“Haj Saeed” (interrogator)",
            "«حاج سعید» (بازجو)",
            (Role.OFFICIAL,),
            PersonStatus.UNKNOWN,
            None,
            "Interrogator in Ward 209, known to detainees only by this name, almost "
            "certainly an alias.",
            latin="Haj Saeed",
        ),
    }


# --- Places and tags -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    en: str
    fa: str


PLACES = {
    "karaj": Place("Karaj, the family home", "کرج، منزل خانواده"),
    "tehran": Place("Tehran", "تهران"),
    "209": Place("Evin Prison, Ward 209", "زندان اوین، بند ۲۰۹"),
    "evin-women": Place("Evin Prison, Women's Ward", "زندان اوین، بند زنان"),
    "evin-4": Place("Evin Prison, Ward 4", "زندان اوین، بند ۴"),
    "qarchak": Place("Qarchak Prison", "زندان قرچک ورامین"),
    "ghezel": Place("Ghezel Hesar Prison, Hall 2", "زندان قزل‌حصار، سالن ۲"),
    "court-24": Place(
        "Islamic Revolutionary Court of Tehran, Branch 24", "دادگاه انقلاب تهران، شعبهٔ ۲۴"
    ),
    "court-29": Place(
        "Islamic Revolutionary Court of Tehran, Branch 29", "دادگاه انقلاب تهران، شعبهٔ ۲۹"
    ),
    "appeal-54": Place("Tehran Court of Appeal, Branch 54", "دادگاه تجدیدنظر تهران، شعبهٔ ۵۴"),
    "prosecutor": Place(
        "Prosecutor's office at Evin (District 33)", "دادسرای ناحیهٔ ۳۳ تهران (اوین)"
    ),
}

# Parents come before their children so each parent gets its own colour.
TAGS = (
    ("conditions", "#9d2b3c"),
    ("conditions/solitary", "#aa3355"),
    ("conditions/medical-care-denied", "#d1495b"),
    ("conditions/hunger-strike", "#e76f51"),
    ("conditions/visits-denied", "#c05299"),
    ("conditions/incommunicado", "#8e5572"),
    ("conditions/ill-treatment", "#7b2d26"),
    ("conditions/censorship", "#5c4d7d"),
    ("legal", "#2a6f97"),
    ("legal/charges", "#014f86"),
    ("legal/appeal", "#3a86b4"),
    ("legal/bail", "#468faf"),
    ("legal/no-lawyer", "#61a5c2"),
    ("family", "#e9a03b"),
    ("advocacy", "#2a9d8f"),
    ("advocacy/ready-to-share", "#40916c"),
    ("to-translate", "#8d99ae"),
)


# --- Letters -------------------------------------------------------------------------------

# Sentences of invented letters, each a Persian original and its English translation. A letter
# takes a few from the pools of its topics and a few general ones, chosen by the seeded
# generator, so every letter reads differently while staying consistent with its timeline.
Pair = tuple[str, str]
# Sentences that other records refer to, so their letters must contain them.
_BLINDFOLD = (
    "هر بار که برای بازجویی می‌برندم، چشم‌بند می‌زنند.",
    "Every time they take me to interrogation they blindfold me.",
)
_DAY_EIGHT = (
    "امروز روز هشتم اعتصاب غذای من است؛ فقط آب و قند می‌خورم.",
    "Today is the eighth day of my hunger strike; I take only water and sugar.",
)
_WHY_KAVEH = (
    "غذا نمی‌خورم چون برخلاف آیین‌نامه مرا کنار محکومان جرائم خشن نگه می‌دارند.",
    "I have stopped eating because, against the regulations, they keep me among men convicted "
    "of violent crimes.",
)
_WHY_MAHTAB = (
    "اعتصاب غذا کرده‌ام چون بدون هیچ حکمی به اینجا منتقلم کردند.",
    "I went on hunger strike because they moved me here without any order.",
)
FRAGMENTS: dict[str, tuple[Pair, ...]] = {
    "general": (
        (
            "حالم خوب است و روحیه‌ام بهتر از آن است که فکر می‌کنید.",
            "I am well, and my spirits are better than you think.",
        ),
        (
            "هر روز صبح از پنجرهٔ کوچک بند تکه‌ای از آسمان را می‌بینم و به شما فکر می‌کنم.",
            "Every morning I see a piece of sky through the ward's small window and think of you.",
        ),
        (
            "کتاب‌هایی که فرستاده بودید هنوز به دستم نرسیده است.",
            "The books you sent have still not reached me.",
        ),
        (
            "هم‌بندی‌هایم مهربان‌اند و هرچه داریم با هم قسمت می‌کنیم.",
            "The others in the ward are kind, and we share whatever we have.",
        ),
        ("دلم برای صدای خنده‌هایتان تنگ شده است.", "I miss the sound of your laughter."),
        (
            "اینجا یاد گرفته‌ام که صبر هم نوعی ایستادگی است.",
            "In here I have learned that patience is also a way of standing firm.",
        ),
        (
            "هواخوری فقط نیم ساعت در روز است و گاهی همان را هم لغو می‌کنند.",
            "We get only half an hour in the yard each day, and sometimes even that is cancelled.",
        ),
        (
            "نامه‌هایتان را آن‌قدر می‌خوانم تا نامهٔ بعدی برسد.",
            "I read your letters over and over until the next one arrives.",
        ),
        (
            "غذای زندان کم است و بیشتر چیزها را با پولی که واریز می‌کنید از فروشگاه می‌خریم.",
            "Prison food is scarce; we buy most things at the shop with the money you deposit.",
        ),
        (
            "اگر اجازه دادند، برای ملاقات بعدی جوراب گرم و عینک مطالعه‌ام را بیاورید.",
            "If they allow it, please bring warm socks and my reading glasses to the next visit.",
        ),
        (
            "از وکیلم خبری ندارم؛ لطفاً با او تماس بگیرید.",
            "I have had no news from my lawyer; please get in touch with him.",
        ),
        (
            "شب‌ها که چراغ‌ها خاموش می‌شود، شعرهایی را که از بر دارم برای خودم زمزمه می‌کنم.",
            "At night when the lights go out, I whisper to myself the poems I know by heart.",
        ),
        (
            "نگران خرج و مخارج من نباشید؛ هرچه لازم دارم دارم.",
            "Don't worry about my expenses; I have everything I need.",
        ),
        (
            "سلام مرا به همسایه‌ها و همهٔ کسانی که احوالم را می‌پرسند برسانید.",
            "Give my greetings to the neighbours and to everyone who asks after me.",
        ),
        (
            "این روزها کمی نقاشی می‌کشم؛ مداد رنگی اینجا از طلا گران‌تر است.",
            "These days I draw a little; coloured pencils are worth more than gold in here.",
        ),
        (
            "تلفن بند بیشتر روزها خراب است و برای همین کمتر زنگ می‌زنم.",
            "The ward telephone is broken most days, which is why I call less often.",
        ),
        (
            "امروز یکی از هم‌بندی‌ها آزاد شد و همهٔ بند برایش دست زدیم.",
            "One of the others was released today and the whole ward clapped.",
        ),
    ),
    "solitary": (
        (
            "سلول انفرادی دو متر در یک و نیم متر است و چراغش هیچ‌وقت خاموش نمی‌شود.",
            "The solitary cell is two metres by one and a half, and its light is never "
            "switched off.",
        ),
        (
            "روزها را با خط‌هایی که روی دیوار می‌کشم می‌شمارم.",
            "I count the days with lines I scratch on the wall.",
        ),
        _BLINDFOLD,
        (
            "بازجو می‌گفت اگر همکاری کنم زودتر آزاد می‌شوم.",
            "The interrogator kept saying I would be released sooner if I cooperated.",
        ),
    ),
    "hunger": (
        (
            "لب‌هایم خشک شده، اما ذهنم روشن است.",
            "My lips are cracked, but my mind is clear.",
        ),
        (
            "پزشک بهداری هر روز فشارم را می‌گیرد و می‌گوید وزنم کم شده است.",
            "The clinic doctor takes my blood pressure every day and says I have lost weight.",
        ),
    ),
    "medical": (
        (
            "پزشک زندان گفت باید به بیمارستان بروم، اما دادستانی هنوز اجازه نداده است.",
            "The prison doctor said I must go to hospital, but the prosecutor's office has "
            "still not given permission.",
        ),
        (
            "داروهایی را که آورده بودید تحویل نگرفتند.",
            "They refused to accept the medicines you brought.",
        ),
    ),
    "back": (
        (
            "کمرم هنوز درد می‌کند و شب‌ها خوابم نمی‌برد.",
            "My back still hurts and I cannot sleep at night.",
        ),
        (
            "دکتر بهداری گفت دیسک کمرم بیرون زده و باید عکس بگیرند.",
            "The clinic doctor said I have a slipped disc and need a scan.",
        ),
    ),
    "heart": (
        (
            "قلبم گاهی بی‌دلیل تند می‌زند و نفسم می‌گیرد.",
            "My heart sometimes races for no reason and I get short of breath.",
        ),
        (
            "قرص‌هایی که بهداری می‌دهد فقط خوابم را زیاد می‌کند.",
            "The pills the clinic gives me only make me sleep more.",
        ),
    ),
    "crowded": (
        (
            "اینجا شب‌ها سرد است و پتو به همه نمی‌رسد.",
            "It is cold here at night and there are not enough blankets for everyone.",
        ),
        (
            "بند برای صد نفر ساخته شده، اما بیش از دویست نفر اینجا هستیم.",
            "The ward was built for a hundred people, but there are more than two hundred of us.",
        ),
        (
            "آب گرم فقط دو ساعت در روز وصل است.",
            "There is hot water for only two hours a day.",
        ),
    ),
    "transfer": (
        (
            "نیمه‌شب و بی‌خبر منتقلم کردند؛ حتی اجازه ندادند وسایلم را جمع کنم.",
            "They moved me without warning in the middle of the night; they did not even "
            "let me pack my things.",
        ),
        (
            "هنوز کسی به من نگفته است چرا اینجا هستم.",
            "Nobody has told me yet why I am here.",
        ),
    ),
    "sentence": (
        (
            "حکم را شنیدم و آرامم؛ پنج سال هم می‌گذرد.",
            "I have heard the sentence and I am calm; five years will pass too.",
        ),
        (
            "لطفاً به خاطر من از کار و زندگی‌تان نزنید.",
            "Please don't give up your work and your lives on my account.",
        ),
    ),
    "teacher": (
        (
            "به شاگردانم بگویید درس‌هایشان را رها نکنند.",
            "Tell my pupils not to give up on their lessons.",
        ),
        (
            "اینجا به چند نفر از هم‌بندی‌ها خواندن و نوشتن یاد می‌دهم.",
            "In here I am teaching a few of the others to read and write.",
        ),
    ),
    "labour": (
        (
            "به همکارانم در کارخانه بگویید هنوز حقوق چهار ماه را طلب دارند و نباید کوتاه بیایند.",
            "Tell my colleagues at the works they are still owed four months' wages and "
            "must not back down.",
        ),
        (
            "اینجا هم کارگرند؛ بیشتر هم‌سالنی‌هایم برای بدهی و چک برگشتی زندانی‌اند.",
            "There are workers in here too; most of the men in my hall are inside for debts "
            "and bounced cheques.",
        ),
    ),
    "daughter": (
        (
            "درس‌هایت را خوب بخوان و مواظب مادرت باش.",
            "Study hard and look after your mother.",
        ),
        (
            "نقاشی‌ات را به دیوار کنار تختم چسبانده‌ام.",
            "I have stuck your drawing on the wall beside my bed.",
        ),
        (
            "وقتی برگردم، قول می‌دهم با هم به دریا برویم.",
            "When I come home, I promise we will go to the sea together.",
        ),
    ),
    "student": (
        (
            "نگران ترم دانشگاه نیستم؛ درس را بعداً هم می‌شود خواند.",
            "I am not worried about the university term; studies can wait.",
        ),
        (
            "اینجا دخترهایی هم‌سن من هستند که حتی نمی‌دانند اتهامشان چیست.",
            "There are girls my age in here who don't even know what they are charged with.",
        ),
        (
            "با مداد روی حاشیهٔ روزنامه نقشهٔ خانه‌ای را می‌کشم که روزی می‌سازم.",
            "In pencil, in the margins of a newspaper, I draw the plan of a house I will "
            "build one day.",
        ),
    ),
}

OPENINGS: dict[tuple[str, str], Pair] = {
    ("mahtab", "fereshteh"): ("مادر عزیزم، سلام.", "Dear Mother, hello."),
    ("mahtab", "babak"): ("بابک جان، برادر خوبم، سلام.", "Dear Babak, my good brother, hello."),
    ("kaveh", "leila"): ("لیلای عزیزم، سلام.", "My dear Leila, hello."),
    ("kaveh", "sara"): ("سارای قشنگم، سلام.", "My lovely Sara, hello."),
    ("parisa", "hamid"): ("بابای عزیزم، سلام.", "Dear Dad, hello."),
}
CLOSINGS: dict[tuple[str, str], Pair] = {
    ("mahtab", "fereshteh"): ("قربانت بروم، مهتاب", "With all my love, Mahtab"),
    ("mahtab", "babak"): ("خواهرت، مهتاب", "Your sister, Mahtab"),
    ("kaveh", "leila"): ("دوستت دارم، کاوه", "I love you. Kaveh"),
    ("kaveh", "sara"): ("بابا کاوه", "Your dad, Kaveh"),
    ("parisa", "hamid"): ("دخترت، پریسا", "Your daughter, Parisa"),
}
RELATION = {
    "fereshteh": "her mother",
    "babak": "her brother Babak",
    "leila": "his wife Leila",
    "sara": "his daughter Sara",
    "hamid": "her father",
    "farhad": "his lawyer",
}


@dataclass(frozen=True, slots=True)
class Letter:
    key: str
    writer: str
    to: str
    date: str
    """As the family typed it; Jalali or Gregorian, exact or fuzzy."""
    place: str
    topics: tuple[str, ...]
    received: tuple[str, str, str]
    """(from whom, when, how) the letter reached the archive."""
    lead: tuple[Pair, ...] = ()
    """Sentences the letter must contain, before those chosen from its topics."""
    general: int = 3
    pages: int = 1
    tags: tuple[str, ...] = ()
    translated: bool = True
    checked: bool = True
    censored: bool = False
    ink: str = "blue"


_HANDED = "Handed to the family at a visit; photographed with a phone."
_POSTED = "Sent through the prison office, opened by the censor; photographed with a phone."
CARRIED = "Carried out by a released cellmate; photographed with a phone."
LETTERS = (
    Letter(
        "L1", "mahtab", "fereshteh", "1398-09-20", "209", ("solitary",),
        ("babak", "1398-10-10", _POSTED), lead=(_BLINDFOLD,), general=2,
        tags=("conditions/solitary", "family"),
    ),
    Letter(
        "L2", "mahtab", "babak", "Dey 1398", "evin-women", ("teacher",),
        ("babak", "Dey 1398", _HANDED), tags=("family",), ink="black",
    ),
    Letter(
        "L3", "mahtab", "fereshteh", "Ordibehesht 1400", "evin-women", ("sentence", "teacher"),
        ("babak", "Khordad 1400", _HANDED), general=6, pages=3, tags=("family",),
    ),
    Letter(
        "L4", "mahtab", "fereshteh", "1401-01-08", "qarchak", ("transfer", "hunger"),
        ("fereshteh", "1401-01-29", _POSTED), lead=(_WHY_MAHTAB,), general=1, censored=True,
        tags=("conditions/hunger-strike", "conditions/censorship", "advocacy/ready-to-share"),
    ),
    Letter(
        "L5", "mahtab", "babak", "Paeez 1402", "qarchak", ("crowded", "teacher"),
        ("babak", "Azar 1402", CARRIED), ink="black",
    ),
    Letter(
        "L6", "mahtab", "fereshteh", "1403-05-14", "qarchak", ("heart", "medical"),
        ("fereshteh", "1403-05-20", _HANDED), pages=2,
        tags=("conditions/medical-care-denied", "family"), checked=False,
    ),
    Letter(
        "K1", "kaveh", "leila", "c. June 2019", "209", ("solitary",),
        ("leila", "July 2019", _POSTED), general=2, tags=("conditions/solitary",), ink="black",
    ),
    Letter(
        "K2", "kaveh", "sara", "2019-10-03", "evin-4", ("daughter",),
        ("leila", "2019-10-20", _HANDED), general=2, tags=("family",),
    ),
    Letter(
        "K3", "kaveh", "leila", "winter 2020", "evin-4", ("labour",),
        ("leila", "February 2021", _HANDED), general=5, pages=2, ink="black",
    ),
    Letter(
        "K4", "kaveh", "leila", "2021-12-23", "ghezel", ("hunger",),
        ("leila", "2022-01-09", CARRIED), lead=(_DAY_EIGHT, _WHY_KAVEH), general=2,
        tags=("conditions/hunger-strike", "advocacy/ready-to-share"),
    ),
    Letter(
        "K5", "kaveh", "sara", "spring 2022", "ghezel", ("daughter", "back"),
        ("leila", "June 2022", _HANDED), general=1, tags=("family",), translated=False,
    ),
    Letter(
        "P1", "parisa", "hamid", "Aban 1401", "qarchak", ("transfer", "student"),
        ("hamid", "Aban 1401", CARRIED), general=2,
    ),
    Letter(
        "P2", "parisa", "hamid", "1401-09-25", "qarchak", ("crowded", "student"),
        ("hamid", "1401-10-03", _HANDED), general=3, pages=2, tags=("family",),
    ),
    Letter(
        "P3", "parisa", "hamid", "Dey 1401", "evin-women", ("student",),
        ("hamid", "Bahman 1401", _HANDED), general=3, translated=False, checked=False,
        ink="black",
    ),
)  # fmt: skip

# Two letters are not made of fragments: an open letter and a formal one.
OPEN_LETTER_FA = (
    "شاگردان عزیزم، سلام.\n"
    "چهار سال است که کلاس‌مان را ندیده‌ام، اما هنوز اسم تک‌تک شما را به یاد دارم. شنیده‌ام "
    "بعضی از شما امسال به دبیرستان رفته‌اید. هیچ‌وقت نگذارید کسی به شما بگوید پرسیدن جرم است. "
    "هر جا که باشم، معلم شما می‌مانم.\n\n"
    "معلم‌تان، مهتاب رضوانی"
)
FURLOUGH_REQUEST_FA = (
    "جناب آقای صادق‌پور، با سلام و احترام.\n"
    "همان‌طور که در ملاقات گفتم، درد کمرم شدیدتر شده و پزشک بهداری نوشته است که درمان در "
    "زندان ممکن نیست. خواهش می‌کنم درخواست مرخصی استعلاجی مرا هرچه زودتر به اجرای احکام "
    "بدهید. رونوشت نامهٔ پزشک را همسرم برایتان می‌آورد.\n\n"
    "با سپاس، کاوه امیرزاده"
)
FURLOUGH_REQUEST_EN = (
    "Dear Mr Sadeghpour, with greetings and respect.\n"
    "As I said at our meeting, my back pain has grown worse and the clinic doctor has written "
    "that it cannot be treated in prison. Please submit my request for medical furlough to the "
    "sentence-enforcement office as soon as you can. My wife will bring you a copy of the "
    "doctor's note.\n\n"
    "With thanks, Kaveh Amirzadeh"
)

# --- Testimony -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Testimony:
    key: str
    title: str
    witness: str
    about: str
    date: str
    consent: Consent
    how: str
    fa: str
    en: str
    en_kind: TextKind = TextKind.TRANSLATION
    tags: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    """Others the testimony is about, besides the prisoner."""


TESTIMONY = (
    Testimony(
        "T1",
        "Testimony of Roya Esfandiari on Ward 209",
        "roya",
        "mahtab",
        "Esfand 1398",
        Consent(Audience.LEGAL_TEAM),
        "Interview with the lawyer, recorded with consent; transcribed the same week.",
        "من از آبان تا دی ۱۳۹۸ در بند ۲۰۹ اوین بودم. سلول مهتاب رضوانی دو سلول با سلول من "
        "فاصله داشت. هر روز صبح صدای نگهبان را می‌شنیدم که او را برای بازجویی می‌برد و معمولاً "
        "تا عصر برنمی‌گشت. یک بار در راهرو، وقتی هر دو چشم‌بند داشتیم، به من گفت سه هفته است "
        "اجازهٔ تماس با خانواده‌اش را نداده‌اند. بازجویش را «حاج سعید» صدا می‌زدند. بعدها در بند "
        "زنان دیدم که جای دستبند هنوز روی مچ دستش مانده بود.",
        "I was held in Ward 209 of Evin from Aban to Dey 1398 (November 2019 to January "
        "2020). Mahtab Rezvani's cell was two doors from mine. Every morning I heard the guard "
        "take her to interrogation, and she usually did not come back until evening. Once in "
        "the corridor, when we were both blindfolded, she told me she had not been allowed to "
        "call her family for three weeks. Her interrogator was called “Haj Saeed”. Later, in "
        "the women's ward, I saw the marks of handcuffs still on her wrist.",
        tags=("conditions/solitary", "conditions/ill-treatment"),
        named=("haj-saeed",),
    ),
    Testimony(
        "T2",
        "Testimony of Roya Esfandiari on Qarchak",
        "roya",
        "mahtab",
        "Khordad 1401",
        Consent(Audience.ADVOCATES),
        "Second interview, by video call from abroad; transcribed by the lawyer.",
        "در فروردین ۱۴۰۱ مرا هم به قرچک منتقل کردند. بند ما برای حدود صد نفر ساخته شده بود و "
        "بیش از دویست نفر در آن بودند. مهتاب از روز انتقال اعتصاب غذا کرده بود. پزشک بهداری "
        "گفت باید به بیمارستان برود، اما نگهبان‌ها گفتند دستوری از دادستانی نیامده است.",
        "In Farvardin 1401 (March–April 2022) I too was moved to Qarchak. Our ward had been built "
        "for about a hundred people and held over two hundred. Mahtab had been on hunger strike "
        "since the day of her transfer. The clinic doctor said she had to go to hospital, but "
        "the guards said no order had come from the prosecutor's office.",
        tags=("conditions/hunger-strike", "conditions/medical-care-denied"),
    ),
    Testimony(
        "T3",
        "Testimony of a former cellmate of Kaveh Amirzadeh (anonymised)",
        "omid",
        "kaveh",
        "2022-03-02",
        Consent(Audience.ADVOCATES, anonymise=True),
        "Met the lawyer in person after his release; he asked not to be named.",
        "از پاییز ۱۴۰۰ با کاوه امیرزاده در یک سالن در قزل‌حصار بودم. در آذر ماه، در اعتراض "
        "به نگهداری‌اش در کنار زندانیان جرائم خشن و برخلاف اصل تفکیک جرائم، اعتصاب غذا کرد. روز "
        "دوازدهم در هواخوری از هوش رفت. دو نگهبان او را به بهداری بردند و همان شب، بی‌آنکه "
        "پزشکی او را ببیند، به سالن برگرداندند. راضی‌ام این شهادت استفاده شود، اما نه با نام من.",
        "I shared a hall with Kaveh Amirzadeh in Ghezel Hesar from autumn 2021. In December "
        "he went on hunger strike in protest at being held among prisoners convicted of violent "
        "crimes, against the rule that prisoners be separated by offence. On the twelfth day "
        "he fainted in the yard. Two guards carried him to the clinic, and he was back in the "
        "hall the same night without having seen a doctor. I agree to this being used, but "
        "not with my name.",
        tags=("conditions/hunger-strike", "conditions/medical-care-denied"),
    ),
    Testimony(
        "T4",
        "شهادت بابک رضوانی دربارهٔ بازداشت خواهرش",
        "babak",
        "mahtab",
        "1398-08-25",
        Consent(Audience.LEGAL_TEAM),
        "Written by the witness himself and typed into the archive.",
        "ساعت شش صبح ۱۲ آبان ۱۳۹۸ زنگ خانه را زدند. چهار مرد با لباس شخصی بودند و برگه‌ای "
        "نشان دادند که اجازه ندادند بخوانیم. لپ‌تاپ و گوشی مهتاب و چند کارتن کتاب را بردند. "
        "مادرم پرسید او را کجا می‌برند و جوابی ندادند. تا ده روز بعد نمی‌دانستیم کجاست.",
        "Babak Rezvani describes his sister's arrest at the family home in Karaj at 6 a.m. "
        "on 12 Aban 1398 (3 November 2019): four plain-clothes men, a warrant the family was "
        "not allowed to read, the seizure of her laptop, phone and books, and ten days "
        "without knowing where she was held.",
        en_kind=TextKind.SUMMARY,
        tags=("conditions/incommunicado", "family"),
    ),
    Testimony(
        "T5",
        "Testimony of Leila Moshiri on cancelled visits",
        "leila",
        "kaveh",
        "1401-01-15",
        Consent(Audience.PUBLIC),
        "Recorded by a volunteer of the campaign; the witness read and approved the text.",
        "در پاییز ۱۴۰۰ سه بار با سارا تا قزل‌حصار رفتیم و هر سه بار دمِ در گفتند ملاقات لغو "
        "شده است. راه تهران تا کرج برای ما یک روز کامل است. سارا هر بار نقاشی‌ای برای پدرش "
        "می‌کشید و نتوانستیم آن را به دستش برسانیم.",
        "In the autumn of 1400 (2021) Sara and I went to Ghezel Hesar three times, and each "
        "time we were told at the gate that the visit had been cancelled. The journey from "
        "Tehran to Karaj takes us a whole day. Each time Sara had made a drawing for her "
        "father, and we could not get it to him.",
        tags=("conditions/visits-denied", "family", "advocacy/ready-to-share"),
    ),
    Testimony(
        "T6",
        "شهادت حمید نیک‌نام دربارهٔ بازداشت دخترش",
        "hamid",
        "parisa",
        "1401-09-02",
        Consent(Audience.LEGAL_TEAM),
        "Told to the lawyer at his office; typed up by the lawyer.",
        "پریسا شب ۲۴ مهر ۱۴۰۱ از دانشگاه به خانه برنگشت. دو روز بعد با شماره‌ای ناشناس تماس "
        "گرفت و فقط گفت حالش خوب است. دو هفته بعد فهمیدیم در قرچک است. برای وثیقه سند خانه را "
        "گرو گذاشتیم، اما قاضی قبول نکرد.",
        "Parisa did not come home from the university on the night of 24 Mehr 1401 (16 "
        "October 2022). Two days later she called from an unknown number and said only that "
        "she was well. Two weeks later we learned she was in Qarchak. We pledged the deed of "
        "our house as bail, but the judge refused it.",
        tags=("conditions/incommunicado", "legal/bail"),
    ),
    Testimony(
        "T7",
        "Testimony of Shabnam Yazdani (withdrawn)",
        "shabnam",
        "parisa",
        "Bahman 1401",
        Consent(Audience.PRIVATE, withdrawn=True),
        "Given to the lawyer in person. Withdrawn by the witness in Esfand 1401.",
        "من هم در پاییز ۱۴۰۱ بازداشت شدم و چند روز با پریسا نیک‌نام در یک سلول بودم. او را "
        "شب‌ها برای بازجویی می‌بردند و صبح که برمی‌گشت حرف نمی‌زد.",
        "The witness withdrew her consent in Esfand 1401 after her family was warned by the "
        "security services. This testimony must not leave the archive or be quoted. It is "
        "kept only so that the legal team knows it exists.",
        en_kind=TextKind.SUMMARY,
    ),
    Testimony(
        "T8",
        "Testimony of Parisa Niknam after her release",
        "parisa",
        "parisa",
        "June 2023",
        Consent(Audience.LEGAL_TEAM),
        "Recorded interview at the lawyer's office.",
        "حدود دو هفته در انفرادی ۲۰۹ بودم و بعد مرا به قرچک بردند. روزهای اول در قرنطینه "
        "بودیم؛ اتاقی بدون تخت که شب‌ها روی زمین می‌خوابیدیم. بازجو می‌خواست بگویم چه کسی ما را "
        "به تجمع دعوت کرده است. در بهمن با عفو آزاد شدم، اما هنوز از دانشگاه محرومم.",
        "I spent about two weeks in solitary in Ward 209, and then they took me to Qarchak. "
        "The first days we were in quarantine, a room without beds where we slept on the "
        "floor. The interrogator wanted me to say who had invited us to the gathering. I was "
        "released under the amnesty in Bahman, but I am still barred from university.",
        tags=("conditions/solitary",),
    ),
    Testimony(
        "T9",
        "شهادت فرشته گلستانی دربارهٔ ملاقات مرداد ۱۴۰۳",
        "fereshteh",
        "mahtab",
        "1403-05-22",
        Consent(Audience.PRIVATE),
        "Dictated to her son, who typed it in.",
        "در ملاقات ۲۰ مرداد ۱۴۰۳ مهتاب رنگ به رو نداشت. گفت قلبش تند می‌زند و دو ماه است منتظر "
        "اعزام به بیمارستان است. داروهایش را که برده بودم تحویل نگرفتند و گفتند باید از طریق "
        "بهداری درخواست بدهد.",
        "At the visit on 20 Mordad 1403 (10 August 2024) Mahtab was very pale. She said her "
        "heart races and that she has been waiting two months to be sent to hospital. They "
        "would not accept the medicines I had brought, and said she must ask through the "
        "prison clinic.",
        tags=("conditions/medical-care-denied", "family"),
    ),
)

# --- Court documents -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Court:
    key: str
    title: str
    prisoner: str
    date: str
    fa: str
    """Transcription; {case} becomes an invented case number in Persian digits."""
    en: str
    """The lawyer's summary; {case} becomes the same number in ASCII digits."""
    pages: int = 1
    tags: tuple[str, ...] = ()


COURT = (
    Court(
        "C1",
        "Indictment of Mahtab Rezvani",
        "mahtab",
        "Khordad 1399",
        "کیفرخواست\nشمارهٔ پرونده: {case}\nدادسرای عمومی و انقلاب تهران، ناحیهٔ ۳۳ (اوین)\n"
        "متهم: خانم مهتاب رضوانی، معلم، ساکن کرج.\n"
        "اتهام: ۱. اجتماع و تبانی به قصد ارتکاب جرم علیه امنیت کشور؛ ۲. فعالیت تبلیغی علیه "
        "نظام.\nدلایل: گزارش ضابطین، محتویات تلفن همراه متهم، عضویت در تشکل صنفی معلمان و شرکت "
        "در تجمعات.\nرسیدگی و صدور حکم به مجازات قانونی درخواست می‌شود.",
        "Indictment from the Tehran prosecutor's office at Evin (District 33), case {case}. "
        "Charges: (1) assembly and collusion against national security; (2) propaganda "
        "against the state. The evidence listed is an intelligence report, the contents of "
        "her phone, her membership of a teachers' association and her presence at "
        "gatherings. No act of violence is alleged.",
        pages=2,
        tags=("legal/charges",),
    ),
    Court(
        "C2",
        "Verdict in the case of Mahtab Rezvani, Revolutionary Court Branch 24",
        "mahtab",
        "1399-06-30",
        "دادنامه\nشمارهٔ دادنامه: {case}\nدادگاه انقلاب اسلامی تهران، شعبهٔ ۲۴\n"
        "دادگاه با توجه به محتویات پرونده بزه انتسابی را محرز دانسته و خانم مهتاب رضوانی را "
        "از بابت اجتماع و تبانی به پنج سال حبس تعزیری و از بابت فعالیت تبلیغی علیه نظام به "
        "یک سال حبس محکوم می‌نماید. مطابق مادهٔ ۱۳۴ قانون مجازات اسلامی مجازات اشد قابل اجراست. "
        "رأی صادره ظرف بیست روز قابل تجدیدنظر است.",
        "Verdict {case} of Branch 24 of the Islamic Revolutionary Court of Tehran: five "
        "years' imprisonment for assembly and collusion and one year for propaganda against "
        "the state; under Article 134 of the Islamic Penal Code only the longer term is "
        "served. Open to appeal within twenty days. The hearing lasted under an hour and her "
        "chosen lawyer was not admitted.",
        pages=2,
        tags=("legal/no-lawyer",),
    ),
    Court(
        "C3",
        "Appeal ruling for Mahtab Rezvani, Court of Appeal Branch 54",
        "mahtab",
        "Aban 1399",
        "دادنامهٔ تجدیدنظر\nشمارهٔ دادنامه: {case}\nشعبهٔ ۵۴ دادگاه تجدیدنظر استان تهران\n"
        "نظر به اینکه ایراد و اعتراض مؤثری که موجبات نقض دادنامهٔ تجدیدنظرخواسته را فراهم "
        "آورد به عمل نیامده است، ضمن رد تجدیدنظرخواهی خانم مهتاب رضوانی، دادنامهٔ "
        "تجدیدنظرخواسته تأیید می‌گردد. این رأی قطعی است.",
        "Ruling {case}: the appeal court rejected the appeal without a hearing and upheld the "
        "five-year sentence. The ruling is final. The only reasoning given is the standard "
        "formula that no effective objection was raised.",
        tags=("legal/appeal",),
    ),
    Court(
        "C4",
        "Summons to serve sentence, Mahtab Rezvani",
        "mahtab",
        "1400-01-25",
        "احضاریه\nشماره: {case}\nاجرای احکام کیفری دادسرای ناحیهٔ ۳۳ تهران\n"
        "خانم مهتاب رضوانی، به استناد دادنامهٔ قطعی صادره، ظرف پنج روز از تاریخ ابلاغ برای "
        "اجرای حکم به این واحد مراجعه نمایید. در صورت عدم حضور جلب خواهید شد.",
        "Summons {case} from the sentence-enforcement office: she must report within five "
        "days to begin serving her sentence, or be arrested.",
        pages=0,
    ),
    Court(
        "C5",
        "Detention order for Kaveh Amirzadeh",
        "kaveh",
        "Tir 1398",
        "قرار بازداشت موقت\nشماره: {case}\nدادسرای عمومی و انقلاب تهران، ناحیهٔ ۳۳\n"
        "در خصوص آقای کاوه امیرزاده، متهم به اجتماع و تبانی علیه امنیت کشور و اخلال در نظم "
        "عمومی، با توجه به دلایل موجود و بیم فرار، قرار بازداشت موقت به مدت یک ماه صادر "
        "می‌گردد. این قرار ظرف ده روز قابل اعتراض است.",
        "Order {case}: one month's pre-trial detention on charges of assembly and collusion "
        "and disturbing public order, citing a risk of flight. It was renewed twice; the "
        "family was never shown the renewals.",
        tags=("legal/charges",),
    ),
    Court(
        "C6",
        "Verdict in the case of Kaveh Amirzadeh, Revolutionary Court Branch 29",
        "kaveh",
        "1398-10-28",
        "دادنامه\nشمارهٔ دادنامه: {case}\nدادگاه انقلاب اسلامی تهران، شعبهٔ ۲۹\n"
        "دادگاه آقای کاوه امیرزاده را از بابت اجتماع و تبانی به قصد ارتکاب جرم علیه امنیت کشور "
        "به تحمل شش سال حبس تعزیری و دو سال ممنوعیت خروج از کشور محکوم می‌نماید. رأی صادره "
        "ظرف بیست روز قابل تجدیدنظر است.",
        "Verdict {case}: six years' imprisonment for assembly and collusion and a two-year "
        "travel ban. The verdict cites his part in organising a petition over unpaid wages "
        "at the works.",
        pages=2,
    ),
    Court(
        "C7",
        "Appeal ruling reducing the sentence of Kaveh Amirzadeh",
        "kaveh",
        "Ordibehesht 1399",
        "دادنامهٔ تجدیدنظر\nشمارهٔ دادنامه: {case}\nشعبهٔ ۵۴ دادگاه تجدیدنظر استان تهران\n"
        "با پذیرش بخشی از اعتراض آقای کاوه امیرزاده، مجازات حبس به چهار سال کاهش می‌یابد و "
        "دادنامه در باقی قسمت‌ها تأیید می‌گردد. این رأی قطعی است.",
        "Ruling {case}: Branch 54 of the Tehran Court of Appeal accepted part of the appeal "
        "and reduced the prison term to four years; the travel ban stands.",
        tags=("legal/appeal",),
    ),
    Court(
        "C8",
        "Medical furlough order for Kaveh Amirzadeh",
        "kaveh",
        "1403-01-20",
        "موافقت با مرخصی استعلاجی\nشماره: {case}\nاجرای احکام کیفری زندان قزل‌حصار\n"
        "با مرخصی استعلاجی آقای کاوه امیرزاده به مدت یک ماه با تودیع وثیقه موافقت می‌شود. "
        "تمدید مرخصی منوط به ارائهٔ گواهی پزشکی قانونی است.",
        "Order {case}: one month's medical furlough on bail, renewable only on a certificate "
        "from the state forensic medicine office. It has been renewed every month since.",
        tags=("legal/bail",),
    ),
    Court(
        "C9",
        "Indictment of Parisa Niknam",
        "parisa",
        "Dey 1401",
        "کیفرخواست\nشمارهٔ پرونده: {case}\nدادسرای عمومی و انقلاب تهران، ناحیهٔ ۳۳ (اوین)\n"
        "متهم: خانم پریسا نیک‌نام، دانشجو.\nاتهام: اجتماع و تبانی به قصد ارتکاب جرم علیه "
        "امنیت کشور.\nدلایل: تصاویر دوربین‌های شهری، اظهارات متهم در مرحلهٔ تحقیقات.",
        "Indictment {case} for assembly and collusion. The evidence listed is street-camera "
        "footage and her own statements under interrogation, which she says were made "
        "without a lawyer and under pressure.",
        pages=0,
        tags=("legal/charges", "legal/no-lawyer"),
    ),
    Court(
        "C10",
        "Release order under the amnesty, Parisa Niknam",
        "parisa",
        "Bahman 1401",
        "دستور آزادی\nشماره: {case}\nبا عنایت به شمول عفو، دستور آزادی خانم پریسا نیک‌نام "
        "صادر می‌شود. نامبرده موظف است تعهد کتبی مبنی بر عدم تکرار بسپارد.",
        "Order {case}: release under the amnesty of Bahman 1401, on condition of a written "
        "undertaking not to “repeat the offence”. She was later barred from her university.",
    ),
)

# --- Notes ---------------------------------------------------------------------------------

ABOUT_EN = (
    "This is a demonstration archive. Everything in it is invented: the prisoners, their "
    "families, the lawyer, the witnesses, the letters, the testimony, the court documents and "
    "the case numbers. Any likeness to real people is accidental. The prisons and courts are "
    "real places, named so that the demo looks like real use.\n\n"
    "Try searching for “Evin” or «قرچک», open a prisoner's timeline, read a letter next to its "
    "scan, and look at which testimony may be shared and which may not. The password is “demo”."
)
ABOUT_FA = (
    "این یک بایگانی نمایشی است. همه‌چیز در آن ساختگی است: زندانیان، خانواده‌ها، وکیل، "
    "شاهدان، نامه‌ها، شهادت‌ها، اسناد دادگاه و شماره‌های پرونده. هر شباهتی به افراد واقعی "
    "تصادفی است. زندان‌ها و دادگاه‌ها نام مکان‌های واقعی‌اند.\n\n"
    "برای آزمودن، «اوین» یا «قرچک» را جست‌وجو کنید، خط زمانی یک زندانی را باز کنید و نامه‌ای "
    "را کنار تصویرش بخوانید. گذرواژه «demo» است."
)

# Lawyer's meeting notes: what the meeting established, then routine lines chosen at random.
MEETING_LENGTH = "Met the client for {minutes} minutes; a guard stayed in the room throughout."
ROUTINE = (
    "To do: write to the sentence-enforcement office about the family's visit permits.",
    "To do: ask the family for the date of each cancelled visit, with any receipts.",
    "The client asked for books and for the family to be told not to worry.",
    "The client asked me to thank everyone who has written.",
)


@dataclass(frozen=True, slots=True)
class Meeting:
    client: str
    date: str
    place: str
    facts: tuple[str, ...]


MEETINGS = (
    Meeting("mahtab", "1399-05-10", "evin-women", (
        "I was shown the case file for one hour and not allowed to copy any of it.",
        "The client says the first 21 days of questioning took place without a lawyer.",
    )),
    Meeting("kaveh", "2020-02-03", "evin-4", (
        "Discussed grounds for appeal; the client wants to appeal even if it delays a pardon.",
        "The verdict relies on the wage petition; no act of violence is alleged.",
    )),
    Meeting("mahtab", "1401-02-20", "qarchak", (
        "The client has lost weight since the hunger strike but is clear and composed.",
        "Asked the prison clinic for the client's medical file; refused orally, no written "
        "decision.",
    )),
    Meeting("parisa", "1401-10-05", "evin-women", (
        "The client says the first 12 days of questioning took place without a lawyer.",
        "The client named two cellmates who could confirm the conditions; both still inside.",
    )),
    Meeting("kaveh", "2023-07-30", "ghezel", (
        "The clinic doctor has written that the back condition cannot be treated in prison.",
        "Agreed to file a request for medical furlough once his letter arrives.",
    )),
    Meeting("mahtab", "1403-06-02", "qarchak", (
        "Filed a written request for transfer to a cardiologist; to chase in two weeks.",
        "The client describes palpitations and breathlessness since spring.",
    )),
)  # fmt: skip

# Families' notes of phone calls: a fact of the call, then a few of these, in both languages.
CALL_FRAGMENTS: tuple[Pair, ...] = (
    ("گفت حالش خوب است، اما صدایش خسته بود.", "Said all is well, but sounded tired."),
    ("خواست برایش کتاب و لباس گرم بفرستیم.", "Asked us to send books and warm clothes."),
    (
        "گفت ملاقات هفتهٔ آینده لغو شده و دلیلش را نگفته‌اند.",
        "Said next week's visit has been cancelled, with no reason given.",
    ),
    ("پول فروشگاه را امروز واریز کردیم.", "We paid in the money for the prison shop today."),
    (
        "سلام همه را رساند و گفت نگران نباشیم.",
        "Sent greetings to everyone and told us not to worry.",
    ),
    ("تماس وسط حرف قطع شد.", "The line was cut off mid-sentence."),
    (
        "پرسید نامهٔ قبلی‌اش به دستمان رسیده یا نه.",
        "Asked whether the last letter had reached us.",
    ),
)


@dataclass(frozen=True, slots=True)
class Call:
    caller: str
    relative: str
    date: str
    fact: Pair


CALLS = (
    Call("mahtab", "babak", "1398-09-03", (
        "اولین تماس بعد از بازداشت بود؛ گفت در بند ۲۰۹ است.",
        "The first call since the arrest; said she is in Ward 209.",
    )),
    Call("kaveh", "leila", "2019-08-14", (
        "گفت او را به بند ۴ برده‌اند و حالا می‌تواند هفته‌ای یک بار زنگ بزند.",
        "Said he has been moved to Ward 4 and can now phone once a week.",
    )),
    Call("mahtab", "fereshteh", "1401-02-02", (
        "گفت اعتصاب را شکسته، اما هنوز ضعف دارد.",
        "Said she has ended the hunger strike but is still weak.",
    )),
    Call("kaveh", "leila", "2022-02-20", (
        "گفت کمردردش بدتر شده و هنوز او را نزد پزشک متخصص نبرده‌اند.",
        "Said his back is worse and he has still not been taken to a specialist.",
    )),
    Call("parisa", "hamid", "1401-08-30", (
        "گفت در قرچک است و روزهای اول در قرنطینه بوده است.",
        "Said she is in Qarchak and was kept in quarantine at first.",
    )),
    Call("mahtab", "babak", "1402-11-15", (
        "گفت بند شلوغ‌تر شده و آب گرم فقط دو ساعت در روز وصل است.",
        "Said the ward is more crowded and there is hot water for only two hours a day.",
    )),
)  # fmt: skip

# --- The recorded call ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallLine:
    speaker: str
    """A person's key, or "" for the prison's recorded announcement."""
    start: float
    end: float
    """Seconds into the recording."""
    words: Pair


@dataclass(frozen=True, slots=True)
class RecordedCall:
    """A call recorded on the family's phone, transcribed line by line against its time."""

    caller: str
    relative: str
    date: str
    about: str
    """The key of the letter the call is about."""
    seconds: float
    file_name: str
    lines: tuple[CallLine, ...]


ANNOUNCEMENT: Pair = ("پیام ضبط‌شده", "Recorded message")

RECORDED_CALL = RecordedCall(
    "kaveh", "leila", "2023-08-11", "K6", 34.0, "Call recording 2023-08-11 19-42.ogg", (
        CallLine("", 0.4, 3.6, (
            "این تماس از زندان قزل‌حصار برقرار شده است.",
            "This call is made from Ghezel Hesar Prison.",
        )),
        CallLine("leila", 4.3, 6.0, ("الو؟ کاوه، تویی؟", "Hello? Kaveh, is that you?")),
        CallLine("kaveh", 6.8, 10.6, (
            "سلام لیلا جان. برای آقای صادق‌پور نامه نوشتم و مرخصی درمانی خواستم.",
            "Hello, Leila dear. I have written to Mr Sadeghpour asking for medical furlough.",
        )),
        CallLine("leila", 11.3, 13.0, ("نامه را به کسی دادی؟", "Did you give it to anyone?")),
        CallLine("kaveh", 13.8, 18.6, (
            "دوشنبه در ملاقات به تو می‌دهمش. خودت ببرش دفترش، به کس دیگری نده.",
            "I will give it to you at the visit on Monday. Take it to his office yourself; "
            "give it to no one else.",
        )),
        CallLine("leila", 19.3, 21.0, ("کمرت چطور است؟", "How is your back?")),
        CallLine("kaveh", 21.8, 26.2, (
            "بدتر شده. دکتر بهداری فقط مسکن می‌دهد و می‌گوید باید بیمارستان بروم.",
            "Worse. The doctor at the clinic only gives painkillers and says I need a hospital.",
        )),
        CallLine("leila", 26.9, 29.6, (
            "همین هفته نامه را می‌برم. بچه‌ها سلام می‌رسانند.",
            "I will take the letter this week. The children send their love.",
        )),
        CallLine("kaveh", 30.3, 32.8, (
            "از طرف من ببوسشان. وقت تمام شد، خداحافظ.",
            "Kiss them for me. Time is up, goodbye.",
        )),
    ),
)  # fmt: skip
"""Kaveh phones his wife about the letter he wrote to his lawyer (K6) two days before."""

CHRONOLOGY_EN = (
    "Working chronology of the case of Mahtab Rezvani (draft, for the legal team only).\n"
    "12 Aban 1398: arrested at home in Karaj; ten days without news.\n"
    "Aban–Dey 1398: solitary confinement and interrogation in Ward 209.\n"
    "Bahman 1398: released on bail pending trial.\n"
    "Shahrivar 1399: sentenced to five years by Branch 24; chosen lawyer refused.\n"
    "Aban 1399: appeal rejected without a hearing.\n"
    "Ordibehesht 1400: began serving the sentence in Evin.\n"
    "Esfand 1400: moved to Qarchak without notice; hunger strike into Farvardin 1401.\n"
    "From Khordad 1403: repeated requests for hospital care, still unanswered."
)

# --- Events --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Event:
    person: str
    type: EventType
    date: str
    description: str
    place: str = ""
    """A key of PLACES, or the place itself."""
    end: str | None = None
    ongoing: bool = False
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


_E = EventType
EVENTS = (
    # Mahtab Rezvani, entered by her brother in the Jalali calendar.
    _Event("mahtab", _E.ARREST, "1398-08-12", "Arrested at home at dawn by four plain-clothes "
           "agents; laptop, phone and books seized.", "karaj", sources=("T4",)),
    _Event("mahtab", _E.SOLITARY, "1398-08-12", "Held in solitary confinement throughout "
           "interrogation.", "209", end="1398-10-05", sources=("L1", "T1"),
           tags=("conditions/solitary",)),
    _Event("mahtab", _E.INTERROGATION, "Aban 1398", "Daily interrogation, blindfolded, "
           "without a lawyer; no contact with her family for the first three weeks.", "209",
           end="Dey 1398", sources=("T1",), tags=("conditions/incommunicado",)),
    _Event("mahtab", _E.TRANSFER, "1398-10-05", "Moved out of solitary to the women's ward.",
           "evin-women"),
    _Event("mahtab", _E.RELEASE, "Bahman 1398", "Released on bail pending trial.", "evin-women",
           tags=("legal/bail",)),
    _Event("mahtab", _E.CHARGE, "Khordad 1399", "Indicted for assembly and collusion and for "
           "propaganda against the state.", "prosecutor", sources=("C1",),
           tags=("legal/charges",)),
    _Event("mahtab", _E.TRIAL, "1399-06-16", "Hearing of under an hour; her chosen lawyer was "
           "not admitted.", "court-24", sources=("C2",), tags=("legal/no-lawyer",)),
    _Event("mahtab", _E.SENTENCE, "1399-06-30", "Five years' imprisonment (six in total, the "
           "longer term to be served).", "court-24", sources=("C2",)),
    _Event("mahtab", _E.APPEAL, "Aban 1399", "Appeal rejected without a hearing; sentence "
           "final.", "appeal-54", sources=("C3",), tags=("legal/appeal",)),
    _Event("mahtab", _E.OTHER, "1400-02-05", "Reported to Evin to begin serving her sentence "
           "after a summons.", "evin-women", sources=("C4",)),
    _Event("mahtab", _E.VISIT, "c. Tir 1400", "First in-person visit with her mother in more "
           "than a year.", "evin-women"),
    _Event("mahtab", _E.TRANSFER, "1400-12-23", "Moved to Qarchak at night without notice, "
           "after signing a joint letter.", "qarchak", sources=("L4", "T2")),
    _Event("mahtab", _E.HUNGER_STRIKE, "1400-12-24", "Hunger strike against the transfer; "
           "ended after 26 days on a promise of review.", "qarchak", end="1401-01-20",
           sources=("L4", "T2"), tags=("conditions/hunger-strike",)),
    _Event("mahtab", _E.MEDICAL, "Tir 1401", "Clinic doctor asked for a hospital transfer; "
           "refused for lack of a prosecutor's order.", "qarchak", sources=("T2",),
           tags=("conditions/medical-care-denied",)),
    _Event("mahtab", _E.MEDICAL, "Khordad 1403", "Waiting for a cardiologist; the prosecutor "
           "has not approved a transfer to hospital.", "qarchak", ongoing=True,
           sources=("L6", "T9"), tags=("conditions/medical-care-denied",)),
    _Event("mahtab", _E.VISIT, "1403-05-20", "Visit with her mother; medicines refused at the "
           "gate.", "qarchak", sources=("T9",), tags=("family",)),
    _Event("mahtab", _E.LETTER, "Esfand 1403", "Open letter to her former pupils.", "qarchak",
           sources=("L7",), tags=("advocacy",)),
    # Kaveh Amirzadeh, entered by his wife in the Gregorian calendar.
    _Event("kaveh", _E.OTHER, "c. 2019", "Dismissed from the works after organising a petition "
           "over four months' unpaid wages.", "tehran"),
    _Event("kaveh", _E.ARREST, "May 2019", "Arrested after a workers' gathering in Tehran.",
           "tehran"),
    _Event("kaveh", _E.SOLITARY, "May 2019", "Solitary confinement during interrogation.",
           "209", end="2019-07-02", sources=("K1",), tags=("conditions/solitary",)),
    _Event("kaveh", _E.CHARGE, "Tir 1398", "Pre-trial detention order; renewed twice.",
           "prosecutor", sources=("C5",), tags=("legal/charges",)),
    _Event("kaveh", _E.TRANSFER, "2019-07-02", "Moved to the general ward.", "evin-4"),
    _Event("kaveh", _E.TRIAL, "2020-01-11", "Single hearing with his lawyer present.",
           "court-29"),
    _Event("kaveh", _E.SENTENCE, "2020-01-18", "Six years' imprisonment and a two-year travel "
           "ban.", "court-29", sources=("C6",)),
    _Event("kaveh", _E.APPEAL, "May 2020", "Sentence reduced to four years on appeal.",
           "appeal-54", sources=("C7",), tags=("legal/appeal",)),
    _Event("kaveh", _E.TRANSFER, "c. September 2021", "Moved to Ghezel Hesar and held among "
           "prisoners convicted of violent crimes.", "ghezel"),
    _Event("kaveh", _E.VISIT, "Paeez 1400", "Three visits cancelled at the gate that autumn.",
           "ghezel", sources=("T5",), tags=("conditions/visits-denied", "family")),
    _Event("kaveh", _E.HUNGER_STRIKE, "2021-12-16", "Hunger strike against being held with "
           "violent offenders; fainted on day twelve.", "ghezel", end="2022-01-06",
           sources=("K4", "T3"), tags=("conditions/hunger-strike",)),
    _Event("kaveh", _E.MEDICAL, "spring 2022", "Herniated disc diagnosed; hospital transfer "
           "delayed for months.", "ghezel", sources=("K5",),
           tags=("conditions/medical-care-denied",)),
    _Event("kaveh", _E.LETTER, "2023-08-09", "Asked his lawyer to apply for medical furlough.",
           "ghezel", sources=("K6",)),
    _Event("kaveh", _E.FURLOUGH, "1403-01-20", "On medical furlough on bail, renewed month by "
           "month.", "tehran", ongoing=True, sources=("C8",), tags=("legal/bail",)),
    # Parisa Niknam, entered by her father, partly in Persian.
    _Event("parisa", _E.ARREST, "1401-07-24", "بازداشت در راه بازگشت از دانشگاه؛ خانواده تا "
           "دو هفته از محل نگهداری‌اش خبر نداشت.", "tehran", sources=("T6",),
           tags=("conditions/incommunicado",)),
    _Event("parisa", _E.SOLITARY, "1401-07-24", "About two weeks in solitary confinement.",
           "209", end="1401-08-08", sources=("T8",), tags=("conditions/solitary",)),
    _Event("parisa", _E.INTERROGATION, "Mehr 1401", "Questioned about who had called the "
           "gathering.", "209", end="Aban 1401", sources=("T8",)),
    _Event("parisa", _E.TRANSFER, "1401-08-10", "انتقال به قرچک؛ روزهای اول در قرنطینه بدون تخت.",
           "qarchak", sources=("P1", "T8")),
    _Event("parisa", _E.VISIT, "c. Azar 1401", "First visit with her father, through glass.",
           "qarchak", sources=("P2",), tags=("family",)),
    _Event("parisa", _E.CHARGE, "Dey 1401", "Indicted for assembly and collusion.",
           "prosecutor", sources=("C9",), tags=("legal/charges",)),
    _Event("parisa", _E.TRANSFER, "Dey 1401", "Moved back to Evin.", "evin-women",
           sources=("P3",)),
    _Event("parisa", _E.RELEASE, "Bahman 1401", "Released under the amnesty on a written "
           "undertaking.", "evin-women", sources=("C10",)),
    _Event("parisa", _E.OTHER, "spring 2023", "Barred from returning to university.",
           "tehran", sources=("T8",)),
    _Event("parisa", _E.TESTIMONY, "June 2023", "Gave her own account to the lawyer.",
           "tehran", sources=("T8",)),
    _Event("parisa", _E.OTHER, "بهار ۱۴۰۳", "احضار به دادسرا برای توضیح دربارهٔ نوشته‌هایش در "
           "شبکه‌های اجتماعی.", "prosecutor"),
)  # fmt: skip
