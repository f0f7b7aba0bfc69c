"""``index.html``, the reader inside every bundle: one page that shows an advocate without
Amanat what the bundle holds (the people, the chronology, each document with its pages and
texts side by side, the shareable annotations highlighted) in any current browser, after
``age -d`` and ``tar -x``.

It is made only from what the export already put into the tar (the records' JSON and the
page files' names), never from the archive, so whatever the export left out or redacted is
absent from the reader too. It is self-contained: the Persian font is inside it, its few
lines of script are inline, and its Content-Security-Policy forbids every load but the page
pictures beside it, so opening it asks nothing of the network. A picture that is not beside
it (the page opened alone, or from an incomplete extraction) is named in a visible sentence.

It opens in the sender's language (Persian right to left with Jalali dates, or English with
Gregorian ones) and switches to the other with one button: both are in the page, and the
switch only shows one and hides the other.
"""

from __future__ import annotations

import base64
import datetime
import html
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from amanat.core.bundle import record_json, timed_lines
from amanat.core.bundle.timed_lines import TimedLine
from amanat.core.dates import Calendar, FuzzyDate, Precision, format_date
from amanat.core.digits import to_persian_digits
from amanat.core.file_types import is_recording
from amanat.core.records import (
    Annotation,
    Document,
    Event,
    ImageRegion,
    Person,
    Text,
    TextRange,
    TimeRange,
)
from amanat.core.resources import resource
from amanat.core.time_ranges import clock, range_clock

SIGNATURE_COMMANDS: Final = (
    "openssl base64 -d -A -in manifest.sig -out manifest.sig.raw",
    "openssl pkeyutl -verify -pubin -inkey sender.pem -rawin -in manifest.json "
    "-sigfile manifest.sig.raw",
)
"""Checking the sender's signature with a standard tool (OpenSSL 3): the signature is base64
on one line in ``manifest.sig``, OpenSSL wants its raw 64 bytes. "Signature Verified
Successfully" means ``manifest.json`` is exactly what the holder of ``sender.pem`` signed;
each file's SHA-256 in it then vouches for that file."""


class Language(StrEnum):
    """The language a reader opens in: the sender's."""

    ENGLISH = "en"
    PERSIAN = "fa"


# Every sentence of the page in both languages: (English, Persian).
_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Amanat bundle", "بستهٔ امانت"),
    "switch": ("فارسی", "English"),
    "made": ("Made on", "ساخته‌شده در"),
    "fingerprint": ("Sender's fingerprint", "اثر انگشت فرستنده"),
    "compare": (
        "Compare it with the one the sender reads you by phone.",
        "آن را با اثر انگشتی که فرستنده تلفنی برایتان می‌خواند مقایسه کنید.",
    ),
    "missing": (
        "Some page pictures are missing beside this page. Extract the whole bundle "
        "(tar -xf) into one folder and open index.html from there. Missing:",
        "تصویر برخی صفحه‌ها کنار این صفحه نیست. همهٔ بسته را (با tar -xf) در یک پوشه باز "
        "کنید و index.html را از همان‌جا بگشایید. فایل‌های غایب:",
    ),
    "people": ("People", "افراد"),
    "pseudonym": ("an anonymised witness, under a pseudonym", "شاهدی ناشناس، با نام مستعار"),
    "chronology": ("Chronology", "گاه‌شمار"),
    "no-events": ("No events were sent.", "رویدادی فرستاده نشده است."),
    "documents": ("Documents", "اسناد"),
    "no-documents": ("No documents were sent.", "سندی فرستاده نشده است."),
    "undated": ("undated", "بی‌تاریخ"),
    "sources": ("Sources", "منابع"),
    "author": ("Author", "نویسنده"),
    "when": ("Date", "تاریخ"),
    "who": ("Person", "فرد"),
    "what": ("Event", "رویداد"),
    "where": ("Place", "مکان"),
    "no-pages": ("No page pictures.", "تصویر صفحه‌ای ندارد."),
    "recording": ("Recording", "ضبط"),
    "cannot-play": (
        "If it does not play here, this browser cannot decode its format; the file is "
        "beside this page, to open in a media player:",
        "اگر اینجا پخش نمی‌شود، این مرورگر قالب آن را نمی‌شناسد؛ پرونده کنار همین صفحه است "
        "و می‌توانید آن را در یک پخش‌کنندهٔ صدا و ویدیو باز کنید:",
    ),
    "no-texts": ("No texts.", "متنی ندارد."),
    "notes": ("Annotations", "یادداشت‌ها"),
    "on-page": ("on page", "روی صفحه"),
    "verify": ("Checking who sent it", "بررسی فرستنده"),
    "verify-amanat": (
        "Amanat checks the signature when it imports the bundle (Import bundle…). Without "
        "Amanat, OpenSSL 3 checks it; in the folder of the extracted bundle run:",
        "امانت هنگام وارد کردن بسته (وارد کردن بسته…) امضا را بررسی می‌کند. بدون امانت، "
        "OpenSSL 3 آن را بررسی می‌کند؛ در پوشهٔ بستهٔ بازشده این فرمان‌ها را اجرا کنید:",
    ),
    "verify-result": (
        "“Signature Verified Successfully” means manifest.json is exactly what the holder of "
        "sender.pem signed; it lists every file of the bundle with its SHA-256 "
        "(sha256sum FILE shows a file's).",
        "«Signature Verified Successfully» یعنی manifest.json همان است که دارندهٔ sender.pem "
        "امضا کرده؛ این فایل همهٔ فایل‌های بسته را با SHA-256 هرکدام فهرست می‌کند "
        "(sha256sum FILE آن را برای یک فایل نشان می‌دهد).",
    ),
    "keep-safe": (
        "Keep these files as safe as the people in them.",
        "این فایل‌ها را به اندازهٔ جان کسانی که در آن‌ها هستند امن نگه دارید.",
    ),
}

_NAMES_FA: Final[dict[str, str]] = {
    # Document kinds
    "letter": "نامه",
    "testimony": "شهادت",
    "court": "سند دادگاه",
    "note": "یادداشت",
    "other": "دیگر",
    # Roles
    "prisoner": "زندانی",
    "relative": "خویشاوند",
    "lawyer": "وکیل",
    "witness": "شاهد",
    "official": "مقام رسمی",
    # Statuses
    "detained": "در بازداشت",
    "released": "آزادشده",
    "on-furlough": "در مرخصی",
    "in-exile": "در تبعید",
    "executed": "اعدام‌شده",
    "deceased": "درگذشته",
    "unknown": "نامعلوم",
    # Event types
    "arrest": "بازداشت",
    "interrogation": "بازجویی",
    "charge": "اتهام",
    "trial": "دادگاه",
    "sentence": "حکم",
    "appeal": "تجدیدنظر",
    "transfer": "انتقال",
    "solitary-confinement": "سلول انفرادی",
    "hunger-strike": "اعتصاب غذا",
    "medical": "پزشکی",
    "visit": "ملاقات",
    "furlough": "مرخصی",
    "release": "آزادی",
    # Text kinds
    "transcription": "رونویسی",
    "translation": "ترجمه",
    "summary": "خلاصه",
}


@dataclass(frozen=True, slots=True)
class _Contents:
    """The records of the bundle, read back from their JSON."""

    people: dict[str, tuple[Person, bool]]
    documents: list[Document]
    pages: dict[str, list[tuple[int, str, str, str]]]
    """Per document: (number, file path in the bundle, page id, type), in page order."""
    texts: dict[str, list[Text]]
    events: list[Event]
    annotations: list[Annotation]
    times: dict[str, tuple[TimedLine, ...]]
    """Per text id, the times at which its lines are spoken in its document's recording."""


def reader_html(
    records: Mapping[str, bytes],
    language: Language,
    created: datetime.datetime,
    fingerprint: str,
) -> bytes:
    """The reader for a bundle whose records (path in the tar → JSON bytes) are ``records``."""
    contents = _read(records)
    opening = language.value
    other = Language.ENGLISH if language is Language.PERSIAN else Language.PERSIAN
    direction = "rtl" if language is Language.PERSIAN else "ltr"
    font = base64.b64encode(resource("fonts", "Vazirmatn-Regular.ttf").read_bytes()).decode()
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{opening}" dir="{direction}" data-other="{other.value}">',
        "<head>",
        '<meta charset="utf-8">',
        # Nothing may load but the pictures beside this file (and the font inside it): a
        # reader that fetched anything would tell a server who opened which bundle, when.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src 'self' file:; media-src 'self' file:; style-src 'unsafe-inline'; "
        "font-src data:; "
        "script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(' · '.join(_WORDS['title']))}</title>",
        "<style>",
        f"@font-face {{ font-family: Vazirmatn; src: url(data:font/ttf;base64,{font}); }}",
        _STYLE,
        "</style>",
        f"<script>{_SCRIPT}</script>",
        "</head>",
        "<body>",
        '<header><button id="switch" type="button">' + _both("switch") + "</button>",
        f"<h1>{_both('title')}</h1>",
        f"<p>{_both('made')}: {_date_both(created.date())}<br>",
        f"{_both('fingerprint')}: <code>{_e(fingerprint)}</code> {_both('compare')}</p>",
        '<div id="missing" hidden><p>' + _both("missing") + '</p><ul id="missing-list"></ul>',
        "</div></header>",
        "<main>",
        _people(contents),
        _chronology(contents),
        _documents(contents),
        _verification(),
        "</main>",
        f"<footer><p>{_both('keep-safe')}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode()


def _read(records: Mapping[str, bytes]) -> _Contents:
    people: dict[str, tuple[Person, bool]] = {}
    documents: list[Document] = []
    pages: dict[str, list[tuple[int, str, str, str]]] = {}
    texts: dict[str, list[Text]] = {}
    events: list[Event] = []
    annotations: list[Annotation] = []
    times: dict[str, tuple[TimedLine, ...]] = {}
    for path, data in records.items():
        parts = path.split("/")
        if len(parts) != 3 or parts[0] != "records":
            continue  # the audit log: not shown
        value = record_json.decode(data)
        kind = parts[1]
        if kind == "people":
            person, pseudonym = record_json.parse_person(value)
            people[person.id] = (person, pseudonym)
        elif kind == "documents":
            documents.append(record_json.parse_document(value))
        elif kind == "pages":
            page = record_json.parse_page(value).page
            listed = pages.setdefault(page.document_id, [])
            listed.append((page.number, f"files/{page.sha256}", page.id, page.mime_type))
        elif kind == "texts":
            text = record_json.parse_text(value)
            texts.setdefault(text.document_id, []).append(text)
            times[text.id] = record_json.parse_text_times(value, text)
        elif kind == "events":
            events.append(record_json.parse_event(value))
        elif kind == "annotations":
            annotations.append(record_json.parse_annotation(value))
    for listed in pages.values():
        listed.sort()
    documents.sort(key=lambda d: (d.date is None, d.date and d.date.start, d.title))
    events.sort(key=lambda e: (e.date.start, e.date.end))
    return _Contents(people, documents, pages, texts, events, annotations, times)


# --- Pieces of the page -------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _both(key: str) -> str:
    english, persian = _WORDS[key]
    return _pair(english, persian)


def _pair(english: str, persian: str) -> str:
    """One thing said in both languages: the switch shows the one of the page's language."""
    return (
        f'<span class="en" lang="en" dir="ltr">{_e(english)}</span>'
        f'<span class="fa" lang="fa" dir="rtl">{_e(persian)}</span>'
    )


def _name(value: str) -> str:
    """A kind, role, status or event type in both languages."""
    english = value.replace("-", " ")
    return _pair(english, _NAMES_FA.get(value, english))


def _date_both(day: datetime.date) -> str:
    fuzzy = FuzzyDate(day, day, Precision.DAY)
    return _fuzzy_both(fuzzy)


def _fuzzy_both(date: FuzzyDate | None) -> str:
    if date is None:
        return _both("undated")
    return _pair(
        format_date(date, Calendar.GREGORIAN, "en"), format_date(date, Calendar.JALALI, "fa")
    )


def _person_name(contents: _Contents, person_id: str | None) -> str:
    if person_id is None or person_id not in contents.people:
        return ""
    return f"<bdi>{_e(contents.people[person_id][0].display_name)}</bdi>"


def _people(contents: _Contents) -> str:
    rows = []
    for person, pseudonym in sorted(contents.people.values(), key=lambda p: p[0].display_name):
        names = [person.display_name] + [
            n for n in (person.name_fa, person.name_latin) if n and n != person.display_name
        ]
        shown = " · ".join(f"<bdi>{_e(n)}</bdi>" for n in names)
        about = [_name(role.value) for role in person.roles]
        if pseudonym:
            about.append(_both("pseudonym"))
        elif person.status.value != "unknown":
            about.append(_name(person.status.value))
        rows.append(
            f'<li id="person-{_e(person.id)}"><strong>{shown}</strong>'
            + (f" — {', '.join(about)}" if about else "")
            + "</li>"
        )
    return f"<section><h2>{_both('people')}</h2><ul>{''.join(rows)}</ul></section>"


def _chronology(contents: _Contents) -> str:
    if not contents.events:
        return f"<section><h2>{_both('chronology')}</h2><p>{_both('no-events')}</p></section>"
    titles = {d.id: d.title for d in contents.documents}
    headings = "".join(
        f"<th>{_both(key)}</th>" for key in ("when", "who", "what", "where", "sources")
    )
    rows = []
    for event in contents.events:
        when = _fuzzy_both(event.date)
        if event.end_date is not None:
            when += " – " + _fuzzy_both(event.end_date)
        what = _name(event.type.value)
        if event.description:
            what += f": <bdi>{_e(event.description)}</bdi>"
        sources = ", ".join(
            f'<a href="#document-{_e(s)}"><bdi>{_e(titles[s])}</bdi></a>'
            for s in event.source_ids
            if s in titles
        )
        rows.append(
            "<tr>"
            f"<td>{when}</td>"
            f"<td>{_person_name(contents, event.person_id)}</td>"
            f"<td>{what}</td>"
            f"<td><bdi>{_e(event.place)}</bdi></td>"
            f"<td>{sources}</td>"
            "</tr>"
        )
    return (
        f"<section><h2>{_both('chronology')}</h2><table><thead><tr>{headings}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _documents(contents: _Contents) -> str:
    if not contents.documents:
        return f"<section><h2>{_both('documents')}</h2><p>{_both('no-documents')}</p></section>"
    notes_on: dict[str, list[Annotation]] = {}
    for note in contents.annotations:
        target = note.target
        on = target.text_id if isinstance(target, TextRange) else target.page_id
        notes_on.setdefault(on, []).append(note)
    numbers = {note.id: number for number, note in enumerate(contents.annotations, start=1)}
    shown = [_document(contents, d, notes_on, numbers) for d in contents.documents]
    return f"<section><h2>{_both('documents')}</h2>{''.join(shown)}</section>"


def _document(
    contents: _Contents,
    document: Document,
    notes_on: Mapping[str, Sequence[Annotation]],
    numbers: Mapping[str, int],
) -> str:
    heading = (
        f'<article id="document-{_e(document.id)}"><h3><bdi>{_e(document.title)}</bdi></h3>'
        f'<p class="about">{_name(document.kind.value)} · {_fuzzy_both(document.date)}'
    )
    author = _person_name(contents, document.author_id)
    if author:
        heading += f" · {_both('author')}: {author}"
    heading += "</p>"
    pictures = []
    # A text's time codes are times in the document's recording: its first one, if several.
    player = next(
        (
            _player_id(p)
            for _, _, p, mime in contents.pages.get(document.id, [])
            if is_recording(mime)
        ),
        None,
    )
    for number, path, page_id, mime in contents.pages.get(document.id, []):
        if is_recording(mime):
            pictures.append(_recording(number, path, mime, _player_id(page_id)))
            continue
        boxes = "".join(
            _region(note.target, numbers[note.id])
            for note in notes_on.get(page_id, [])
            if isinstance(note.target, ImageRegion)
        )
        pictures.append(
            f'<figure><div class="picture"><img src="{_e(path)}" alt="{_e(path)}" '
            f'loading="eager" onerror="amanatMissing(this)">{boxes}</div>'
            f"<figcaption>{_pair(f'Page {number}', f'صفحهٔ {to_persian_digits(str(number))}')}"
            "</figcaption></figure>"
        )
    texts = [
        _text(t, notes_on.get(t.id, []), numbers, contents.times.get(t.id, ()), player)
        for t in contents.texts.get(document.id, [])
    ]
    notes = [n for t in contents.texts.get(document.id, []) for n in notes_on.get(t.id, [])]
    notes += [n for _, _, p, _ in contents.pages.get(document.id, []) for n in notes_on.get(p, [])]
    listed = "".join(
        f'<li value="{numbers[n.id]}" dir="auto">{_moment(n)}<bdi>{_e(n.body)}</bdi></li>'
        for n in sorted(notes, key=lambda n: numbers[n.id])
    )
    return (
        heading
        + '<div class="side-by-side"><div class="pages">'
        + ("".join(pictures) or f"<p>{_both('no-pages')}</p>")
        + '</div><div class="texts">'
        + ("".join(texts) or f"<p>{_both('no-texts')}</p>")
        + (f'<h4>{_both("notes")}</h4><ol class="notes">{listed}</ol>' if listed else "")
        + "</div></div></article>"
    )


def _player_id(page_id: str) -> str:
    return f"recording-{page_id}"


def _recording(number: int, path: str, mime: str, player: str) -> str:
    """A recording played by the browser from the file beside the page: no network, no
    player of its own. Only the metadata is read until the reader presses play."""
    element = "video" if mime.startswith("video/") else "audio"
    return (
        f'<figure class="recording" id="{_e(player)}"><{element} controls preload="metadata">'
        f'<source src="{_e(path)}" type="{_e(mime)}"></{element}>'
        f"<figcaption>{_both('recording')} · "
        f"{_pair(f'Page {number}', f'صفحهٔ {to_persian_digits(str(number))}')}"
        f'<br><small>{_both("cannot-play")} <code dir="ltr">{_e(path)}</code></small>'
        "</figcaption></figure>"
    )


def _moment(note: Annotation) -> str:
    """The time range a note on a recording is about, before its words."""
    if not isinstance(note.target, TimeRange):
        return ""
    return f'<span class="moment" dir="ltr">{_e(range_clock(note.target))}</span> '


def _region(region: ImageRegion, number: int) -> str:
    def percent(fraction: float) -> str:
        return f"{max(0.0, min(1.0, fraction)) * 100:.3f}%"

    return (
        f'<span class="region" style="left:{percent(region.x)};top:{percent(region.y)};'
        f'width:{percent(region.width)};height:{percent(region.height)}">{number}</span>'
    )


def _text(
    text: Text,
    notes: Sequence[Annotation],
    numbers: Mapping[str, int],
    times: Sequence[TimedLine] = (),
    player: str | None = None,
) -> str:
    """A text with its annotated passages marked, each with its note's number, and each
    time-coded line shown with its time: with a recording in the document, a line to click
    (or reach with Tab and press Enter) that plays the recording from there."""
    body = text.body
    ranges = [
        (max(0, n.target.start), min(len(body), n.target.end), numbers[n.id])
        for n in notes
        if isinstance(n.target, TextRange) and n.target.start < n.target.end
    ]
    starts = timed_lines.line_offsets(body)
    lines: dict[int, tuple[int, TimedLine]] = {}
    for timed in times:
        start = starts[timed.line - 1]
        end = starts[timed.line] - 1 if timed.line < len(starts) else len(body)
        lines[start] = (end, timed)
    line_ends = {end for end, _ in lines.values()}
    cuts = sorted(
        {0, len(body), *(r[0] for r in ranges), *(r[1] for r in ranges), *lines, *line_ends}
    )
    pieces = []
    for start, end in itertools.pairwise(cuts):
        if start in lines:
            pieces.append(_timed_line_opening(lines[start][1], player))
        covering = sorted(number for (s, e, number) in ranges if s <= start and end <= e)
        piece = _e(body[start:end])
        if covering:
            label = ",".join(str(number) for number in covering)
            piece = f'<mark data-notes="{label}">{piece}<sup>{label}</sup></mark>'
        pieces.append(piece)
        if end in line_ends:
            pieces.append("</span>")
    heading = f"{_name(text.kind.value)} ({_e(text.language)})"
    return (
        f'<div class="text"><h4>{heading}</h4>'
        f'<div class="body" lang="{_e(text.language)}" dir="auto">{"".join(pieces)}</div></div>'
    )


def _timed_line_opening(timed: TimedLine, player: str | None) -> str:
    shown = clock(timed.seconds)
    label = f'<span class="time">{_pair(shown, to_persian_digits(shown))}</span>'
    if player is None:  # no recording came with it: the time is only shown
        return f'<span class="timed">{label}'
    return (
        f'<span class="timed" role="button" tabindex="0" data-time="{timed.seconds!r}" '
        f'data-player="{_e(player)}">{label}'
    )


def _verification() -> str:
    commands = "\n".join(_e(c) for c in SIGNATURE_COMMANDS)
    return (
        f'<section id="verify"><h2>{_both("verify")}</h2><p>{_both("verify-amanat")}</p>'
        f'<pre dir="ltr">{commands}</pre><p>{_both("verify-result")}</p></section>'
    )


_STYLE: Final = """
html { font-family: Vazirmatn, sans-serif; line-height: 1.6; color: #1d1d1d; background: #fff; }
body { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem; }
html[lang="fa"] .en, html[lang="en"] .fa { display: none; }
header { border-bottom: 2px solid #555; margin-bottom: 1rem; }
#switch { float: inline-end; font: inherit; padding: 0.2rem 0.8rem; cursor: pointer; }
#missing { background: #fff0d0; border: 2px solid #b36b00; padding: 0.5rem 1rem; }
code, pre { font-family: monospace; }
pre { background: #f3f3f3; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th { text-align: start; background: #eee; padding: 0.3rem 0.5rem; }
td { border-top: 1px solid #ccc; padding: 0.3rem 0.5rem; vertical-align: top; }
article { border-top: 1px solid #aaa; padding-top: 0.5rem; margin-top: 1.5rem; }
.about { color: #444; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
@media (max-width: 50rem) { .side-by-side { grid-template-columns: 1fr; } }
figure { margin: 0 0 1rem 0; }
.picture { position: relative; display: inline-block; max-width: 100%; }
.picture img { max-width: 100%; display: block; border: 1px solid #999; min-height: 2rem; }
.recording audio, .recording video { width: 100%; max-width: 100%; display: block; }
.region { position: absolute; border: 3px solid #d4a000; background: rgba(255, 215, 0, 0.2);
  font-size: 0.8rem; color: #000; }
.body { white-space: pre-wrap; border: 1px solid #ddd; padding: 0.5rem; }
.time { font-size: 0.8em; color: #555; margin-inline-end: 0.6em; user-select: none; }
.timed[role="button"] { cursor: pointer; border-radius: 0.2rem; }
.timed[role="button"]:hover { background: #eef4fb; }
.timed[role="button"]:focus-visible { outline: 2px solid #1a5fb4; }
.timed.spoken { background: #cfe3fa; }
mark { background: #ffe680; }
mark sup { color: #7a5a00; }
"""

# The switch turns the page to the other language; amanatMissing names a picture that did not
# load, in the notice at the top, instead of leaving an empty frame. A time-coded line plays
# its document's recording from its time (a click, or Enter or Space on it), and while the
# recording plays the line being spoken (the last one whose time has come) is highlighted.
_SCRIPT: Final = """
function amanatMissing(img) {
  var notice = document.getElementById("missing");
  var item = document.createElement("li");
  item.textContent = img.getAttribute("src");
  item.dir = "ltr";
  document.getElementById("missing-list").appendChild(item);
  notice.hidden = false;
}
function amanatPlayer(line) {
  var figure = document.getElementById(line.getAttribute("data-player"));
  return figure && figure.querySelector("audio, video");
}
function amanatPlayFrom(line) {
  var player = amanatPlayer(line);
  if (!player) return;
  player.currentTime = parseFloat(line.getAttribute("data-time"));
  var playing = player.play();
  if (playing && playing.catch) playing.catch(function () {});
}
function amanatSpoken(player) {
  var figure = player.closest("figure");
  var lines = document.querySelectorAll('.timed[data-player="' + figure.id + '"]');
  var now = player.currentTime, spoken = null, since = -1;
  lines.forEach(function (line) {
    var time = parseFloat(line.getAttribute("data-time"));
    if (time <= now && time >= since) { spoken = line; since = time; }
  });
  lines.forEach(function (line) {
    line.classList.toggle("spoken", line === spoken);
    if (line === spoken) line.setAttribute("aria-current", "true");
    else line.removeAttribute("aria-current");
  });
}
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".timed[data-player]").forEach(function (line) {
    line.addEventListener("click", function () { amanatPlayFrom(line); });
    line.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        amanatPlayFrom(line);
      }
    });
  });
  document.querySelectorAll("figure.recording audio, figure.recording video")
    .forEach(function (player) {
      ["timeupdate", "seeked"].forEach(function (name) {
        player.addEventListener(name, function () { amanatSpoken(player); });
      });
    });
  document.getElementById("switch").addEventListener("click", function () {
    var root = document.documentElement;
    var other = root.getAttribute("data-other");
    root.setAttribute("data-other", root.lang);
    root.lang = other;
    root.dir = other === "fa" ? "rtl" : "ltr";
  });
});
"""
