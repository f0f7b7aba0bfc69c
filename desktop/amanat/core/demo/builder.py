"""Writing the invented content and the drawn pages into a new archive, in one transaction,
with the page images drawn in a few threads meanwhile."""

from __future__ import annotations

import datetime
import os
import random
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

from amanat.core.database import Database
from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date, parse_date
from amanat.core.demo.drawn_pages import Box, Scan, court_scan, letter_scan
from amanat.core.demo.invented import (
    ABOUT_EN,
    ABOUT_FA,
    ANNOUNCEMENT,
    CALL_FRAGMENTS,
    CALLS,
    CARRIED,
    CHRONOLOGY_EN,
    CLOSINGS,
    COURT,
    EVENTS,
    FRAGMENTS,
    FURLOUGH_REQUEST_EN,
    FURLOUGH_REQUEST_FA,
    LETTERS,
    MEETING_LENGTH,
    MEETINGS,
    OPEN_LETTER_FA,
    OPENINGS,
    PLACES,
    RECORDED_CALL,
    RELATION,
    ROUTINE,
    TAGS,
    TESTIMONY,
    TRANSLATOR,
    Call,
    Court,
    Letter,
    Meeting,
    Pair,
    Place,
    RecordedCall,
    Testimony,
    invented_people,
)
from amanat.core.demo.recorded_call import sound_of_call
from amanat.core.digits import to_persian_digits
from amanat.core.jobs import Progress, Report
from amanat.core.keyslots import KdfParams
from amanat.core.records import (
    Annotation,
    Consent,
    Document,
    DocumentKind,
    Event,
    ImageRegion,
    Person,
    Provenance,
    Text,
    TextKind,
    TextStatus,
    Visibility,
)
from amanat.core.scans.importer import add_pages
from amanat.core.storage import annotations as annotation_store
from amanat.core.storage import documents, events, people, tags, texts, timecodes
from amanat.core.vault import Archive

SEED = 1403
DEMO_PASSWORD = "demo"


def build_demo(
    folder: Path,
    password: str = DEMO_PASSWORD,
    kdf: KdfParams | None = None,
    progress: Report | None = None,
) -> None:
    """Create the demo archive at ``folder`` (which must not exist) and lock it again.

    ``kdf`` None calibrates key derivation as for a real archive. ``progress`` is told how
    many of the building steps are done as the content is written. If anything fails, the
    half-made archive is removed: a demo that is missing pieces would only mislead.
    """
    archive = Archive.create(folder, password, kdf=kdf, actor="demo")
    try:
        # Page images are drawn in a few threads (Pillow releases the interpreter lock for
        # its heavy work) while this thread writes the records.
        workers = max(1, min(4, os.cpu_count() or 1))
        with ThreadPoolExecutor(workers, thread_name_prefix="amanat-demo") as pool:
            builder = _Builder(archive.db, random.Random(SEED), progress, pool)
            try:
                # One transaction: hundreds of records commit at once, not with a sync each.
                with archive.db.transaction():
                    builder.build()
            finally:
                pool.shutdown(cancel_futures=True)
    except BaseException:
        archive.lock()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    archive.lock()


# --- Building ------------------------------------------------------------------------------


_ONE_PAGE_LETTERS = {"L7": "blue", "K6": "black"}
"""The letters not in LETTERS, with their ink."""


class _Builder:
    def __init__(
        self, db: Database, rng: random.Random, progress: Report | None, pool: Executor
    ) -> None:
        self.db = db
        self.rng = rng
        self.progress = progress
        self.pool = pool
        self.scans: dict[str, list[Future[Scan]]] = {}
        """Page images being drawn, by document key, in page order."""
        self.call_sound: Future[bytes] | None = None
        """The recorded call's sound, being made and encoded."""
        self.people: dict[str, Person] = {}
        self.tags: dict[str, str] = {}
        self.documents: dict[str, Document] = {}
        self.texts: dict[str, Text] = {}
        """Texts by document key and language, e.g. "T1/en"."""
        self.censored: tuple[str, Box] | None = None
        """The page id and rectangle of the letter the censor blacked out."""

    def build(self) -> None:
        self._start_scans()
        steps: list[Callable[[], None]] = [self._add_people_and_tags, self._add_about]
        steps += [partial(self._add_letter, letter) for letter in LETTERS]
        steps += [self._add_special_letters]
        steps += [partial(self._add_testimony, testimony) for testimony in TESTIMONY]
        steps += [partial(self._add_court, court) for court in COURT]
        steps += [partial(self._add_meeting, meeting) for meeting in MEETINGS]
        steps += [partial(self._add_call, call) for call in CALLS]
        steps += [partial(self._add_recorded_call, RECORDED_CALL)]
        steps += [self._add_chronology, self._add_events, self._add_annotations]
        for done, step in enumerate(steps):
            if self.progress is not None:
                self.progress(Progress(done, len(steps)))
            step()
        if self.progress is not None:
            self.progress(Progress(len(steps), len(steps)))

    def _start_scans(self) -> None:
        """Start drawing every page image. Each page has its own seed, drawn here in a fixed
        order, so the images do not depend on the threads' timing."""
        letters = [(x.key, x.pages, x.ink, x.censored) for x in LETTERS]
        letters += [(key, 1, ink, False) for key, ink in _ONE_PAGE_LETTERS.items()]
        for key, count, ink, censored in letters:
            self.scans[key] = [
                self.pool.submit(
                    letter_scan, self.rng.getrandbits(64), ink, n == count - 1, censored and n == 0
                )
                for n in range(count)
            ]
        # Its own seed, not one drawn from self.rng: the rest of the demo stays as it was.
        self.call_sound = self.pool.submit(sound_of_call, RECORDED_CALL, SEED)
        for court in COURT:
            self.scans[court.key] = [
                self.pool.submit(court_scan, self.rng.getrandbits(64), n == court.pages - 1)
                for n in range(court.pages)
            ]

    # --- Records ---

    def _add_people_and_tags(self) -> None:
        for key, person in invented_people().items():
            self.people[key] = people.add(self.db, person)
        for path, colour in TAGS:
            self.tags[path] = tags.ensure(self.db, path, colour=colour).id

    def _document(
        self,
        key: str,
        kind: DocumentKind,
        title: str,
        date: FuzzyDate | None,
        languages: tuple[str, ...],
        *,
        author: str | None = None,
        to: Sequence[str] = (),
        about: Sequence[str] = (),
        received: tuple[str, str, str] | None = None,
        consent: Consent | None = None,
        tag_paths: Sequence[str] = (),
    ) -> Document:
        provenance = Provenance()
        if received is not None:
            giver, when, how = received
            provenance = Provenance(_received_from(self.people, giver), parse_date(when), how)
        document = documents.add(
            self.db,
            Document(
                kind=kind,
                title=title,
                date=date,
                author_id=self.people[author].id if author else None,
                recipient_ids=tuple(self.people[p].id for p in to),
                concerned_ids=tuple(self.people[p].id for p in about),
                languages=languages,
                provenance=provenance,
                consent=consent or Consent(),
                tag_ids=tuple(self.tags[t] for t in tag_paths),
            ),
        )
        self.documents[key] = document
        return document

    def _text(
        self,
        key: str,
        kind: TextKind,
        language: str,
        body: str,
        made_by: str,
        status: TextStatus = TextStatus.CHECKED,
    ) -> Text:
        text = Text(
            document_id=self.documents[key].id,
            kind=kind,
            language=language,
            body=body,
            made_by=made_by,
            status=status,
        )
        self.texts[f"{key}/{language}"] = texts.add(self.db, text)
        return text

    # --- Content ---

    def _add_about(self) -> None:
        self._document(
            "about",
            DocumentKind.NOTE,
            "About this demo archive: everything here is invented",
            # Dated after everything else so that it heads the newest-first list.
            parse_date("1404"),
            ("en", "fa"),
        )
        self._text("about", TextKind.SUMMARY, "en", ABOUT_EN, "Amanat")
        self._text("about", TextKind.SUMMARY, "fa", ABOUT_FA, "Amanat")

    def _add_letter(self, letter: Letter) -> None:
        writer = self.people[letter.writer]
        date = parse_date(letter.date)
        place = PLACES[letter.place]
        title = (
            f"{writer.display_name} to {RELATION[letter.to]}: {_short(place.en)}, "
            f"{format_date(date, date.calendar)}"
        )
        tag_paths = letter.tags if letter.translated else (*letter.tags, "to-translate")
        self._document(
            letter.key,
            DocumentKind.LETTER,
            title,
            date,
            ("fa",),
            author=letter.writer,
            to=(letter.to,),
            about=(letter.writer,),
            received=letter.received,
            tag_paths=tag_paths,
        )
        fa, en = self._compose(letter, date, place)
        transcriber = self.people[letter.received[0]].display_name
        status = TextStatus.CHECKED if letter.checked else TextStatus.DRAFT
        self._text(letter.key, TextKind.TRANSCRIPTION, "fa", fa, transcriber, status)
        if letter.translated:
            self._text(letter.key, TextKind.TRANSLATION, "en", en, TRANSLATOR, status)
        self._add_pages(letter.key, letter.received[1])

    def _compose(self, letter: Letter, date: FuzzyDate, place: Place) -> tuple[str, str]:
        """The Persian letter and its English translation, sentence for sentence."""
        rng = self.rng
        topical = list(letter.lead)
        for topic in letter.topics:
            pool = [pair for pair in FRAGMENTS[topic] if pair not in letter.lead]
            topical += rng.sample(pool, k=min(len(pool), rng.choice((1, 2, 2))))
        general = rng.sample(FRAGMENTS["general"], k=letter.general)
        sentences = general[:1] + topical + general[1:]
        # Paragraphs of one to three sentences, as people write letters.
        paragraphs: list[list[Pair]] = []
        while sentences:
            size = rng.randint(1, 3)
            paragraphs.append(sentences[:size])
            sentences = sentences[size:]
        pair = (letter.writer, letter.to)
        heading_fa, heading_en = place.fa, place.en
        if date.precision is Precision.DAY:
            heading_fa += "، " + format_date(date, Calendar.JALALI, "fa")
            heading_en += ", " + format_date(date, date.calendar)
            if date.calendar is Calendar.JALALI:
                heading_en += f" ({format_date(date, Calendar.GREGORIAN)})"
        fa = "\n\n".join(
            [heading_fa, OPENINGS[pair][0]]
            + [" ".join(s[0] for s in p) for p in paragraphs]
            + [CLOSINGS[pair][0]]
        )
        en = "\n\n".join(
            [heading_en, OPENINGS[pair][1]]
            + [" ".join(s[1] for s in p) for p in paragraphs]
            + [CLOSINGS[pair][1]]
        )
        return fa, en

    def _add_special_letters(self) -> None:
        date = parse_date("Esfand 1403")
        self._document(
            "L7",
            DocumentKind.LETTER,
            f"Mahtab Rezvani to her former pupils: open letter, {format_date(date, date.calendar)}",
            date,
            ("fa",),
            author="mahtab",
            about=("mahtab",),
            received=("babak", "Farvardin 1404", CARRIED),
            tag_paths=("advocacy", "to-translate"),
        )
        self._text("L7", TextKind.TRANSCRIPTION, "fa", OPEN_LETTER_FA, "Babak Rezvani")
        self._add_pages("L7", "Farvardin 1404")

        date = parse_date("2023-08-09")
        self._document(
            "K6",
            DocumentKind.LETTER,
            f"Kaveh Amirzadeh to his lawyer: Ghezel Hesar, {format_date(date, date.calendar)}",
            date,
            ("fa",),
            author="kaveh",
            to=("farhad",),
            about=("kaveh",),
            received=("leila", "2023-08-16", "Brought to the lawyer's office by his wife."),
            tag_paths=("conditions/medical-care-denied", "legal"),
        )
        self._text("K6", TextKind.TRANSCRIPTION, "fa", FURLOUGH_REQUEST_FA, "Farhad Sadeghpour")
        self._text("K6", TextKind.TRANSLATION, "en", FURLOUGH_REQUEST_EN, TRANSLATOR)
        self._add_pages("K6", "2023-08-16")

    def _add_testimony(self, testimony: Testimony) -> None:
        date = parse_date(testimony.date)
        # The anonymised witness's name stays in the archive; only export replaces it.
        self._document(
            testimony.key,
            DocumentKind.TESTIMONY,
            testimony.title,
            date,
            ("fa",),
            author=testimony.witness,
            to=("farhad",),
            about=(testimony.about, *testimony.named),
            received=(testimony.witness, testimony.date, testimony.how),
            consent=testimony.consent,
            tag_paths=testimony.tags,
        )
        self._text(testimony.key, TextKind.TRANSCRIPTION, "fa", testimony.fa, "Farhad Sadeghpour")
        made_by = "Farhad Sadeghpour" if testimony.en_kind is TextKind.SUMMARY else TRANSLATOR
        self._text(testimony.key, testimony.en_kind, "en", testimony.en, made_by)

    def _add_court(self, court: Court) -> None:
        date = parse_date(court.date)
        case = _case_number(self.rng, date)
        self._document(
            court.key,
            DocumentKind.COURT,
            court.title,
            date,
            ("fa",),
            to=("farhad",),
            about=(court.prisoner,),
            received=("farhad", court.date, "Copy from the judiciary's e-services account."),
            tag_paths=("legal", *court.tags),
        )
        fa = court.fa.format(case=to_persian_digits(case))
        self._text(court.key, TextKind.TRANSCRIPTION, "fa", fa, "Farhad Sadeghpour")
        en = court.en.format(case=case)
        self._text(court.key, TextKind.SUMMARY, "en", en, "Farhad Sadeghpour")
        for number, scan in enumerate(self.scans[court.key], start=1):
            data, _ = scan.result()
            add_pages(self.db, self.documents[court.key].id, data, f"scan-{case}-{number}.jpg")

    def _add_meeting(self, meeting: Meeting) -> None:
        date = parse_date(meeting.date)
        client = self.people[meeting.client]
        place = PLACES[meeting.place]
        key = f"meeting-{meeting.client}-{meeting.date}"
        minutes = self.rng.choice((15, 20, 30, 40))
        routine = self.rng.sample(ROUTINE, k=self.rng.randint(1, 2))
        lines = [MEETING_LENGTH.format(minutes=minutes), *meeting.facts, *routine]
        self._document(
            key,
            DocumentKind.NOTE,
            f"Lawyer's notes: meeting with {client.display_name}, "
            f"{format_date(date, date.calendar)}",
            date,
            ("en",),
            author="farhad",
            about=(meeting.client,),
            tag_paths=("legal",),
        )
        body = f"Meeting with {client.display_name} at {place.en}.\n" + "\n".join(
            f"- {line}" for line in lines
        )
        self._text(key, TextKind.SUMMARY, "en", body, "Farhad Sadeghpour")

    def _add_call(self, call: Call) -> None:
        date = parse_date(call.date)
        caller = self.people[call.caller]
        relative = self.people[call.relative]
        key = f"call-{call.caller}-{call.date}"
        first_fa = caller.name_fa.split()[0]
        first_en = caller.display_name.split()[0]
        chosen = [call.fact, *self.rng.sample(CALL_FRAGMENTS, k=self.rng.randint(2, 3))]
        minutes = self.rng.choice((4, 5, 7, 10))
        fa = f"امروز {first_fa} زنگ زد؛ تماس {to_persian_digits(str(minutes))} دقیقه طول کشید. "
        fa += " ".join(pair[0] for pair in chosen)
        en = f"{first_en} called today; the call lasted {minutes} minutes. "
        en += " ".join(pair[1] for pair in chosen)
        self._document(
            key,
            DocumentKind.NOTE,
            f"یادداشت تماس تلفنی با {first_fa}، {format_date(date, Calendar.JALALI, 'fa')}",
            date,
            ("fa",),
            author=call.relative,
            about=(call.caller,),
            tag_paths=("family",),
        )
        self._text(key, TextKind.TRANSCRIPTION, "fa", fa, relative.display_name)
        self._text(key, TextKind.TRANSLATION, "en", en, TRANSLATOR, TextStatus.DRAFT)

    def _add_recorded_call(self, call: RecordedCall) -> None:
        """The call's recording, imported as a user's is, with its transcription and
        translation, each line marked with the second it starts: the player and the timed
        lines, seen at once."""
        date = parse_date(call.date)
        caller, relative = self.people[call.caller], self.people[call.relative]
        key = f"recorded-{call.about}"
        self._document(
            key,
            DocumentKind.NOTE,
            f"{caller.display_name} to {RELATION[call.relative]}: recorded call about his "
            f"letter to his lawyer, {format_date(date, date.calendar)}",
            date,
            ("fa", "en"),
            author=call.caller,
            to=(call.relative,),
            about=(call.caller,),
            received=(call.relative, call.date, "Recorded on her phone during the call."),
            tag_paths=("family", "conditions/medical-care-denied"),
        )
        assert self.call_sound is not None, "the sound was started with the scans"
        add_pages(self.db, self.documents[key].id, self.call_sound.result(), call.file_name)
        for index, kind, made_by in (
            (0, TextKind.TRANSCRIPTION, relative.display_name),
            (1, TextKind.TRANSLATION, TRANSLATOR),
        ):
            names = (caller.name_fa, relative.name_fa) if index == 0 else (
                caller.display_name, relative.display_name
            )  # fmt: skip
            speakers = {
                "": ANNOUNCEMENT[index],
                call.caller: names[0].split()[0],
                call.relative: names[1].split()[0],
            }
            lines = [f"{speakers[line.speaker]}: {line.words[index]}" for line in call.lines]
            language = ("fa", "en")[index]
            self._text(key, kind, language, "\n".join(lines), made_by)
            text_id = self.texts[f"{key}/{language}"].id
            offset = 0
            for line, written in zip(call.lines, lines, strict=True):
                timecodes.mark(self.db, text_id, offset, line.start)
                offset += len(written) + 1

    def _add_chronology(self) -> None:
        self._document(
            "chronology",
            DocumentKind.NOTE,
            "Working chronology: Mahtab Rezvani (draft)",
            parse_date("1403-06-10"),
            ("en",),
            author="farhad",
            about=("mahtab",),
            tag_paths=("legal",),
        )
        self._text(
            "chronology", TextKind.SUMMARY, "en", CHRONOLOGY_EN, "Farhad Sadeghpour",
            TextStatus.DRAFT,
        )  # fmt: skip

    def _add_events(self) -> None:
        for spec in EVENTS:
            place = PLACES[spec.place].en if spec.place in PLACES else spec.place
            events.add(
                self.db,
                Event(
                    person_id=self.people[spec.person].id,
                    type=spec.type,
                    date=parse_date(spec.date),
                    end_date=parse_date(spec.end) if spec.end else None,
                    ongoing=spec.ongoing,
                    place=place,
                    description=spec.description,
                    source_ids=tuple(self.documents[key].id for key in spec.sources),
                    tag_ids=tuple(self.tags[path] for path in spec.tags),
                ),
            )

    def _add_annotations(self) -> None:
        lawyer, brother = "Farhad Sadeghpour", "Babak Rezvani"
        shareable, private = Visibility.SHAREABLE, Visibility.PRIVATE
        notes = (
            ("T1/fa", "هر دو چشم‌بند داشتیم",
             "Blindfolded in the corridor: matches her own letter from Ward 209 of 20 Azar "
             "1398.", lawyer, shareable, ("conditions/ill-treatment",)),
            ("T1/en", "she had not been allowed to call her family for three weeks",
             "Three weeks without contact with her family. Use in the complaint about "
             "incommunicado detention.", lawyer, shareable, ("conditions/incommunicado",)),
            ("T1/en", "the marks of handcuffs",
             "Ask whether anyone else saw this. No medical examination was recorded.",
             lawyer, private, ()),
            ("C2/en", "her chosen lawyer was not admitted",
             "Main ground of appeal; bring the refusal from the court office.", lawyer,
             private, ("legal/no-lawyer", "legal/appeal")),
            ("T3/en", "On the twelfth day he fainted in the yard",
             "Fits Kaveh's own letter of 23 December 2021, written on day eight of the strike.",
             lawyer, shareable, ("conditions/hunger-strike", "conditions/medical-care-denied")),
            ("L4/fa", format_date(parse_date("1401-01-08"), Calendar.JALALI, "fa"),
             "مادر این نامه را سه هفته بعد از تاریخش گرفت؛ مهر سانسور روی پاکت بود.", brother,
             private, ("conditions/censorship",)),
            ("T5/en", "each time we were told at the gate that the visit had been cancelled",
             "Dates of the three visits are in her phone; ask her to add them.", lawyer,
             private, ("conditions/visits-denied",)),
        )  # fmt: skip
        for text_key, passage, body, author, visibility, tag_paths in notes:
            text = self.texts[text_key]
            start = text.body.index(passage)
            annotation_store.on_text(
                self.db,
                text.id,
                start,
                start + len(passage),
                body,
                author=author,
                visibility=visibility,
                tag_ids=tuple(self.tags[path] for path in tag_paths),
            )
        assert self.censored is not None, "the censored letter has been added"
        page_id, (x, y, width, height) = self.censored
        annotation_store.add(
            self.db,
            _image_annotation(
                page_id,
                (x, y, width, height),
                "Lines blacked out by the prison censor before the letter was handed over.",
                lawyer,
                (self.tags["conditions/censorship"],),
            ),
        )

    # --- Pages ---

    def _add_pages(self, key: str, taken: str) -> None:
        """The letter's photographed pages, named as a phone names photos when taken."""
        document_id = self.documents[key].id
        day = parse_date(taken).start
        taken_at = datetime.datetime(day.year, day.month, day.day, self.rng.randint(8, 21))
        taken_at += datetime.timedelta(seconds=self.rng.randrange(3600))
        for scan in self.scans[key]:
            data, box = scan.result()
            [page] = add_pages(self.db, document_id, data, f"IMG_{taken_at:%Y%m%d_%H%M%S}.jpg")
            taken_at += datetime.timedelta(seconds=self.rng.randint(6, 40))
            if box is not None:
                self.censored = (page.id, box)


def _image_annotation(
    page_id: str,
    box: Box,
    body: str,
    author: str,
    tag_ids: tuple[str, ...],
) -> Annotation:
    x, y, width, height = box
    return Annotation(
        target=ImageRegion(page_id=page_id, x=x, y=y, width=width, height=height),
        body=body,
        author=author,
        visibility=Visibility.SHAREABLE,
        tag_ids=tag_ids,
    )


def _received_from(everyone: dict[str, Person], key: str) -> str:
    relation = {
        "fereshteh": "mother",
        "babak": "brother",
        "leila": "wife",
        "hamid": "father",
        "farhad": "lawyer",
    }
    person = everyone[key]
    return f"{person.display_name} ({relation[key]})" if key in relation else person.display_name


def _case_number(rng: random.Random, date: FuzzyDate) -> str:
    """An invented judiciary number: the Jalali year, shortened before 1400, then digits."""
    start = date.start
    year = start.year - (621 if (start.month, start.day) >= (3, 21) else 622)
    prefix = str(year)[2:] if year < 1400 else str(year)
    return prefix + "".join(str(rng.randrange(10)) for _ in range(14))


def _short(place: str) -> str:
    """Shortened as titles are typed: "Evin Prison, Ward 209" becomes "Evin, Ward 209"."""
    return place.replace(" Prison", "")
