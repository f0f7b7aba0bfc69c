"""The reader inside a bundle, opened in headless Chromium with the network cut off: it asks
for nothing but the files beside it, its console stays clean, it names the pictures that are
not beside it, and it switches between Persian and English.

Set AMANAT_READER_SCREENSHOTS to a folder to keep screenshots of it in both languages."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.bundle.reader import Language
from amanat.core.vault import Archive
from tests.helpers.browser import Browser, headless
from tests.helpers.bundles import CANARIES, SHARED_NOTE, export_to, fill, members, new_archive


@pytest.fixture
def extracted(tmp_path: Path, archive: Archive) -> dict[Language, Path]:
    """The sample bundle, exported in each language and extracted as `tar -xf` would."""
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    folders = {}
    try:
        for language in Language:
            bundle = export_to(
                archive,
                advocate,
                tmp_path / f"{language.value}.amanatbundle",
                ExportScope(sample.prisoner),
                ExportOptions(language=language),
            )
            folder = tmp_path / f"extracted-{language.value}"
            for name, data in members(bundle, identity.ensure(advocate.db).age_identity).items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            folders[language] = folder
    finally:
        advocate.lock()
    return folders


@pytest.fixture
def browser() -> Iterator[Browser]:
    with headless() as opened:
        yield opened


def _left_the_folder(requests: list[str]) -> list[str]:
    """Requests for anything but a file (the page, its pictures) or the font inside it."""
    return [url for url in requests if not url.startswith(("file://", "data:font/ttf;base64,"))]


def _visible_text(browser: Browser) -> str:
    text = browser.evaluate("document.body.innerText")
    assert isinstance(text, str)
    return text


def test_reader_opens_with_no_network_request_and_a_clean_console(
    extracted: dict[Language, Path], browser: Browser
) -> None:
    page = extracted[Language.ENGLISH] / "index.html"
    visit = browser.open(page.as_uri())
    assert visit.requests[0] == page.as_uri()
    assert _left_the_folder(visit.requests) == []
    assert [url for url in visit.requests if "/files/" in url]  # the page pictures loaded…
    assert visit.failed == []
    assert visit.console == []
    # …and were drawn: every picture has pixels, and the notice of missing ones is hidden.
    assert browser.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert browser.evaluate("document.getElementById('missing').hidden") is True
    text = _visible_text(browser)
    assert "Letter from Evin" in text and SHARED_NOTE in text
    assert "Mahtab Rezvani" in text  # the people and the chronology
    for canary in CANARIES:
        assert canary not in text


def test_reader_opened_without_its_files_says_which_are_missing(
    extracted: dict[Language, Path], browser: Browser, tmp_path: Path
) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(extracted[Language.ENGLISH] / "index.html", alone / "index.html")
    pictures = sorted(p.name for p in (extracted[Language.ENGLISH] / "files").iterdir())
    visit = browser.open((alone / "index.html").as_uri())
    assert _left_the_folder(visit.requests) == []
    # The console shows each failed load; the page says it in words anyone can act on.
    assert len(visit.failed) == len(pictures)
    assert any("Failed to load resource" in line for line in visit.console)
    assert browser.evaluate("document.getElementById('missing').hidden") is False
    text = _visible_text(browser)
    assert "Some page pictures are missing beside this page" in text
    assert "tar -xf" in text
    for name in pictures:
        assert f"files/{name}" in text


def test_reader_opens_in_persian_right_to_left_and_switches_to_english(
    extracted: dict[Language, Path], browser: Browser
) -> None:
    screenshots = os.environ.get("AMANAT_READER_SCREENSHOTS")
    browser.open((extracted[Language.PERSIAN] / "index.html").as_uri(), height=1100)
    assert browser.evaluate("document.documentElement.lang") == "fa"
    assert browser.evaluate("getComputedStyle(document.body).direction") == "rtl"
    text = _visible_text(browser)
    assert "افراد" in text and "گاه‌شمار" in text
    assert "۱۳۹۸" in text  # the arrest in November 2019, in the Jalali year 1398
    assert "People" not in text
    if screenshots:
        browser.screenshot(Path(screenshots) / "fa-bundle-reader.png")
    browser.evaluate("document.getElementById('switch').click()")
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("getComputedStyle(document.body).direction") == "ltr"
    text = _visible_text(browser)
    assert "People" in text and "Chronology" in text and "3 November 2019" in text
    assert "افراد" not in text
    if screenshots:
        browser.screenshot(Path(screenshots) / "en-bundle-reader.png")


def test_a_page_that_reaches_out_is_caught(browser: Browser, tmp_path: Path) -> None:
    """The check above can fail: a page asking a server for a picture shows up."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="https://example.invalid/pixel.png">')
    visit = browser.open(page.as_uri())
    assert _left_the_folder(visit.requests) == ["https://example.invalid/pixel.png"]
    assert visit.failed
