"""Time-coded lines in the reader inside a bundle, in headless Chromium with the network cut
off: each timed line shows its time (Persian digits in Persian), a click or Enter on it plays
the call from there, and the line being spoken is highlighted as the call plays."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.bundle.reader import Language
from amanat.core.records import Audience, Consent, Document, DocumentKind, Text, TextKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, texts
from amanat.core.storage import timecodes as timecode_store
from amanat.core.vault import Archive
from tests.helpers import recordings
from tests.helpers.browser import Browser, headless
from tests.helpers.bundles import export_to, members, new_archive

LINES = (
    "Maman: Are you eating?",
    "Nasrin: They give us bread and tea.",
    "Maman: We miss you.",
)
TIMES = (0.0, 2.0, 4.0)


@dataclass
class Reader:
    pages: dict[Language, Path]
    untimed: str


@pytest.fixture
def reader(archive: Archive, tmp_path: Path) -> Reader:
    """A six-second call with its transcription timed line by line, and an untimed note,
    exported in both languages and extracted."""
    db = archive.db
    document = documents.add(
        db,
        Document(DocumentKind.TESTIMONY, "Call from Evin", consent=Consent(Audience.ADVOCATES)),
    )
    call = tmp_path / "call.ogg"
    call.write_bytes(recordings.recording("ogg", 6.0))
    import_files(db, [call], ImportOptions(document_id=document.id))
    body = "\n".join(LINES) + "\n"
    text = texts.add(db, Text(document.id, TextKind.TRANSCRIPTION, "en", body))
    for line, seconds in zip(LINES, TIMES, strict=True):
        timecode_store.mark(db, text.id, body.index(line), seconds)
    untimed = "Summary: the call was cut after six seconds."
    texts.add(db, Text(document.id, TextKind.SUMMARY, "en", untimed))
    advocate = new_archive(tmp_path / "advocate.amanat")
    found = {}
    try:
        for language in Language:
            path = export_to(
                archive,
                advocate,
                tmp_path / f"{language.value}.age",
                ExportScope(document_ids=(document.id,)),
                ExportOptions(language=language),
            )
            folder = tmp_path / f"extracted-{language.value}"
            for name, data in members(path, identity.ensure(advocate.db).age_identity).items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            found[language] = folder / "index.html"
    finally:
        advocate.lock()
    return Reader(found, untimed)


@pytest.fixture
def browser() -> Iterator[Browser]:
    with headless() as opened:
        yield opened


def _as_a_person(browser: Browser, expression: str) -> Any:
    """``expression`` evaluated as if the reader had clicked: the browser lets a page play
    sound only after a gesture."""
    result = browser.call(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True, "userGesture": True}
    )
    assert "exceptionDetails" not in result, result
    return result["result"].get("value")


def _open(browser: Browser, page: Path) -> None:
    visit = browser.open(page.as_uri())
    assert [u for u in visit.requests if not u.startswith(("file://", "data:"))] == []
    for _ in range(100):
        if browser.evaluate("document.querySelector('audio').readyState >= 1"):
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the call did not load")


def _spoken(browser: Browser) -> list[str]:
    found = browser.evaluate(
        "[...document.querySelectorAll('.timed.spoken')].map(l => l.innerText)"
    )
    assert isinstance(found, list)
    return found


def _settled(browser: Browser, check: str) -> None:
    for _ in range(100):
        if browser.evaluate(check):
            return
        time.sleep(0.05)
    raise AssertionError(f"never true: {check}")


def test_each_timed_line_shows_its_time_and_plays_the_call_from_there(
    reader: Reader, browser: Browser
) -> None:
    _open(browser, reader.pages[Language.ENGLISH])
    lines = browser.evaluate(
        "[...document.querySelectorAll('.timed')].map(l => "
        "[l.innerText, l.getAttribute('role'), l.tabIndex, l.dataset.time])"
    )
    assert [(role, tab, float(at)) for _, role, tab, at in lines] == [
        ("button", 0, seconds) for seconds in TIMES
    ]
    for (text, *_), clock, line in zip(lines, ("0:00", "0:02", "0:04"), LINES, strict=True):
        assert text.startswith(clock) and text.endswith(line)
    # The text without times is shown as it was, with no line to click.
    assert browser.evaluate(
        "[...document.querySelectorAll('.text')].some(t => "
        f"t.innerText.includes({reader.untimed!r}) && !t.querySelector('.timed'))"
    )

    # A click on the second line: the call jumps to 0:02 and plays.
    state = _as_a_person(
        browser,
        "(() => { const line = document.querySelectorAll('.timed')[1]; line.click();"
        " const player = document.querySelector('audio');"
        " return [player.currentTime, player.paused]; })()",
    )
    assert state[0] == pytest.approx(2.0, abs=0.05) and state[1] is False
    _settled(browser, "document.querySelector('audio').currentTime > 2.05")  # it plays on
    _as_a_person(browser, "document.querySelector('audio').pause()")

    # Reached with the keyboard: focused, and Enter plays from its time.
    at = _as_a_person(
        browser,
        "(() => { const line = document.querySelectorAll('.timed')[2]; line.focus();"
        " document.activeElement.dispatchEvent(new KeyboardEvent('keydown',"
        " {key: 'Enter', bubbles: true}));"
        " const player = document.querySelector('audio'); player.pause();"
        " return [document.activeElement === line, player.currentTime]; })()",
    )
    assert at[0] is True and at[1] == pytest.approx(4.0, abs=0.3)
    assert browser.visit.console == []


def test_the_line_being_spoken_is_highlighted_as_the_call_plays(
    reader: Reader, browser: Browser
) -> None:
    _open(browser, reader.pages[Language.ENGLISH])
    for seconds, spoken in ((4.5, LINES[2]), (2.5, LINES[1]), (0.5, LINES[0]), (2.0, LINES[1])):
        browser.evaluate(f"document.querySelector('audio').currentTime = {seconds}")
        _settled(
            browser,
            "(() => { const s = document.querySelector('.timed.spoken');"
            f" return s !== null && s.innerText.endsWith({spoken!r}); }})()",
        )
        assert len(_spoken(browser)) == 1
        assert (
            browser.evaluate("document.querySelector('.timed.spoken').getAttribute('aria-current')")
            == "true"
        )
    # Playing carries the highlight from one line to the next.
    browser.evaluate("document.querySelector('audio').currentTime = 1.6")
    _as_a_person(browser, "document.querySelector('audio').play()")
    _settled(
        browser,
        "(() => { const s = document.querySelector('.timed.spoken');"
        f" return s !== null && s.innerText.endsWith({LINES[1]!r}); }})()",
    )
    browser.evaluate("document.querySelector('audio').pause()")
    assert browser.visit.console == []


def test_in_persian_the_times_are_in_persian_digits(reader: Reader, browser: Browser) -> None:
    _open(browser, reader.pages[Language.PERSIAN])
    times = browser.evaluate("[...document.querySelectorAll('.timed .time')].map(t => t.innerText)")
    assert times == ["۰:۰۰", "۰:۰۲", "۰:۰۴"]
    browser.evaluate("document.getElementById('switch').click()")
    times = browser.evaluate("[...document.querySelectorAll('.timed .time')].map(t => t.innerText)")
    assert times == ["0:00", "0:02", "0:04"]
