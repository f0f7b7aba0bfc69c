"""The Persian translation file: complete, faithful to its placeholders, up to date with the
source, and compiled into the .qm the application loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "amanat_fa.ts"
QM = TRANSLATIONS / "amanat_fa.qm"
BIN = Path(sys.executable).parent
# As `make translations` runs it.
LUPDATE_OPTIONS = ("-silent", "-extensions", "py", "-locations", "none", "-no-obsolete")

# {path} for the core's error values, %1…%9 for labels.fill and tr's arguments, %n for plurals
# (the translation may write %Ln: the same number in Persian digits), and HTML tags.
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?[1-9n]|</?[a-z]+>")
_LATIN = re.compile(r"[A-Za-z]")
# Latin letters a Persian sentence keeps: file names and formats, keyboard shortcuts,
# the demo password, placeholders, HTML tags, commands and options of the command line, and
# the age format's names.
_KEPT_LATIN = re.compile(
    r"«amanat [a-z ]+»|--[a-z-]+|-o FILE|"
    r"\{[a-z_]+\}|%L?[1-9n]|</?[a-z]+>|\*\.[a-z0-9][a-z0-9-]*|\(\*\)|keys\.json|archive\.db|NAME\.amanat"
    r"|(?:(?:Ctrl|Shift|Alt)\+)+\S?|\b(?:Home|JPEG|PNG|TIFF|WebP|HEIC|GIF|PDF|CSV|demo|ps|he|age)\b"
    r"|\b(?:MP3|M4A|AAC|Ogg|WAV|AMR|MP4|WebM|MOV)\b"
    r"|\b(?:amanatsign1|BEGIN|END)\b"
    # The age format's own names, which a reader checks against its specification.
    r"|\b(?:age1|AGE-SECRET-KEY-1|MAC|X25519|scrypt|base64|SHA-256)(?![\w-])"
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    finished: bool


def _messages(path: Path) -> list[Message]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            found.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    tuple(forms) if message.get("numerus") == "yes" else (translation.text or "",),
                    translation.get("type") != "unfinished",
                )
            )
    return found


def _placeholders(text: str) -> set[str]:
    return {p.replace("%L", "%") for p in _PLACEHOLDER.findall(text)}


def test_every_message_is_translated_and_finished() -> None:
    messages = _messages(TS)
    assert len(messages) > 300
    problems = [
        f"{m.context}: {m.source!r}"
        for m in messages
        if not m.finished or not all(t.strip() for t in m.translations)
    ]
    assert problems == [], "\n".join(problems)


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    problems = [
        f"{m.context}: {m.source!r} -> {t!r}"
        for m in _messages(TS)
        for t in m.translations
        if _placeholders(t) != _placeholders(m.source)
    ]
    assert problems == [], "\n".join(problems)


def test_translations_are_written_in_persian() -> None:
    # A translation left in English (copied source, a forgotten word) shows as English in
    # the Persian window; only the names of files, formats and keys may stay Latin.
    problems = [
        f"{m.context}: {t!r}"
        for m in _messages(TS)
        for t in m.translations
        if _LATIN.search(_KEPT_LATIN.sub("", t))
    ]
    assert problems == [], "\n".join(problems)


def test_the_translation_file_has_every_string_of_the_source(tmp_path: Path) -> None:
    # lupdate over a copy: a string added to the source but not to the .ts (the translator
    # would never see it) shows up as a new, unfinished message.
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [BIN / "pyside6-lupdate", *LUPDATE_OPTIONS, ROOT / "desktop" / "amanat", "-ts", copy],
        check=True,
        capture_output=True,
    )
    before = {(m.context, m.source) for m in _messages(TS)}
    after = {(m.context, m.source) for m in _messages(copy)}
    assert sorted(after - before) == [], "run `make translations` and translate the new strings"
    assert sorted(before - after) == [], "run `make translations` to drop strings no longer used"


def test_the_compiled_translation_is_the_translation_file(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run(
        [BIN / "pyside6-lrelease", "-silent", TS, "-qm", fresh], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


@pytest.mark.parametrize(
    ("context", "source", "persian"),
    [("MainWindow", "Lock", "قفل"), ("Labels", "Solar Hijri", "هجری شمسی")],
)
def test_the_application_loads_the_persian_translation(
    qapp: object, context: str, source: str, persian: str
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(context, source) == persian
    finally:
        QCoreApplication.removeTranslator(translator)
