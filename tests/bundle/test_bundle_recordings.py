"""Recordings leaving in bundles: stripped of their tags unless originals are asked for,
held back with their document when consent says so, arriving as recordings on the other
side, and played by the reader inside the bundle from the files beside it, with the
transcript beside them and no network."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from amanat.core.bundle import contacts, identity
from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export
from amanat.core.bundle.importer import import_bundle
from amanat.core.leaving import page_as_it_leaves
from amanat.core.recordings import facts, probe
from amanat.core.records import (
    Audience,
    Consent,
    Document,
    DocumentKind,
    Text,
    TextKind,
)
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, pages, texts
from amanat.core.vault import Archive
from tests.helpers import recordings
from tests.helpers.browser import Browser, headless
from tests.helpers.bundles import export_to, members, new_archive

TEHRAN = "+35.6892+051.3890/"
PHONE = "SM-A105F"
TRANSCRIPT = "Maman, I am well. They let me call on Thursdays."


@dataclass
class Call:
    archive: Archive
    advocate: Archive
    document_id: str
    page_id: str
    original: bytes
    folder: Path

    def bundle(self, name: str, options: ExportOptions | None = None) -> dict[str, bytes]:
        path = export_to(
            self.archive,
            self.advocate,
            self.folder / name,
            ExportScope(document_ids=(self.document_id,)),
            options,
        )
        return members(path, identity.ensure(self.advocate.db).age_identity)


def _add_call(archive: Archive, folder: Path, name: str, data: bytes, consent: Consent) -> str:
    document = documents.add(
        archive.db, Document(DocumentKind.TESTIMONY, "Call from Evin", consent=consent)
    )
    path = folder / name
    path.write_bytes(data)
    import_files(archive.db, [path], ImportOptions(document_id=document.id))
    texts.add(archive.db, Text(document.id, TextKind.TRANSCRIPTION, "en", TRANSCRIPT))
    return document.id


@pytest.fixture
def call(archive: Archive, tmp_path: Path) -> Iterator[Call]:
    data = recordings.recording(
        "ogg", 2.0, tags={"location": TEHRAN, "model": PHONE, "artist": "Roya"}
    )
    document_id = _add_call(archive, tmp_path, "call.ogg", data, Consent(Audience.ADVOCATES))
    [page] = pages.pages_of(archive.db, document_id)
    advocate = new_archive(tmp_path / "advocate.amanat")
    yield Call(archive, advocate, document_id, page.id, data, tmp_path)
    if advocate.db.is_open:
        advocate.lock()


def _files(bundle: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in bundle.items() if name.startswith("files/")}


def test_a_recording_leaves_stripped_by_default(call: Call) -> None:
    plan = plan_export(call.archive.db, ExportScope(document_ids=(call.document_id,)))
    [warning] = [w for w in plan.warnings if "recording" in w]
    assert warning.startswith("1 recording(s) leave as stripped copies")
    assert "Ogg: the sound only" in warning
    [(name, data)] = _files(call.bundle("b.age")).items()
    assert data != call.original
    assert name == f"files/{hashlib.sha256(data).hexdigest()}"
    for secret in (b"35.6892", PHONE.encode(), b"Roya"):
        assert secret in call.original
        assert secret not in data
    # Still the whole call, in its own format.
    stripped = probe.probe("stripped", data, "audio/ogg")
    assert stripped.facts.duration == pytest.approx(2.0, abs=0.05)
    assert not stripped.report.has_location and not stripped.report.has_person_name


def test_originals_leave_byte_for_byte_when_asked(call: Call) -> None:
    [data] = _files(call.bundle("b.age", ExportOptions(originals=True))).values()
    assert data == call.original


@pytest.mark.parametrize("name", ["mp3", "m4a", "mp4", "mov", "webm", "wav", "amr", "aac"])
def test_every_format_strips_to_a_recording_of_its_own_format(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    tags = {"location": TEHRAN, "make": "samsung", "model": PHONE, "artist": "Roya"}
    data = recordings.recording(name, 1.0, tags=tags)
    path = tmp_path / f"call.{name}"
    path.write_bytes(data)
    [document] = import_files(archive.db, [path]).documents
    [page_id] = document.page_ids
    page = pages.get(archive.db, page_id)
    copy = page_as_it_leaves(archive.db, page_id, keep_metadata=False)
    assert copy.sanitised and copy.mime_type == page.mime_type
    assert copy.suffix == f".{name}"
    assert b"35.6892" not in copy.data and PHONE.encode() not in copy.data
    stripped = probe.probe("copy", copy.data, page.mime_type)
    original = facts.from_json(pages.scan_details(archive.db, page_id).metadata)
    assert original is not None
    assert stripped.facts.duration == pytest.approx(original.duration, abs=0.1)
    assert [s.codec for s in stripped.facts.streams] == [s.codec for s in original.streams]
    assert not stripped.report.has_location and not stripped.report.authors
    assert stripped.report.camera == ""


def test_consent_holds_a_private_call_back(archive: Archive, tmp_path: Path) -> None:
    data = recordings.recording("ogg", 1.0)
    private = _add_call(archive, tmp_path, "private.ogg", data, Consent(Audience.PRIVATE))
    shared = _add_call(
        archive, tmp_path, "shared.wav", recordings.wav(1.0), Consent(Audience.ADVOCATES)
    )
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        bundle = export_to(
            archive,
            advocate,
            tmp_path / "b.age",
            ExportScope(document_ids=(private, shared)),
            ExportOptions(originals=True),
        )
        sent = members(bundle, identity.ensure(advocate.db).age_identity)
    finally:
        advocate.lock()
    files = list(_files(sent).values())
    assert files == [recordings.wav(1.0)]
    assert all(data not in value for value in sent.values())


def test_a_recording_arrives_as_a_recording(call: Call) -> None:
    keys = identity.ensure(call.archive.db)
    contacts.add(call.advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    path = export_to(
        call.archive,
        call.advocate,
        call.folder / "b.age",
        ExportScope(document_ids=(call.document_id,)),
    )
    import_bundle(call.advocate.db, path, [identity.ensure(call.advocate.db).age_identity])
    [arrived] = call.advocate.db.all("SELECT id, mime_type FROM pages")
    assert arrived[1] == "audio/ogg"
    assert pages.without_image(call.advocate.db, "preview") == []


# --- The reader inside the bundle, in headless Chromium ------------------------------------


def _extracted(bundle: dict[str, bytes], folder: Path) -> Path:
    for name, data in bundle.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder / "index.html"


def test_the_reader_plays_the_call_beside_its_transcript_with_no_network(call: Call) -> None:
    video = recordings.recording("webm", 2.0)
    _add_call(call.archive, call.folder, "hearing.webm", video, Consent(Audience.ADVOCATES))
    both = ExportScope(document_ids=tuple(d.id for d in documents.list_documents(call.archive.db)))
    path = export_to(call.archive, call.advocate, call.folder / "b.age", both)
    bundle = members(path, identity.ensure(call.advocate.db).age_identity)
    page = _extracted(bundle, call.folder / "extracted")
    html = page.read_text(encoding="utf-8")
    assert "media-src 'self' file:" in html
    assert '<audio controls preload="metadata">' in html
    assert '<video controls preload="metadata">' in html
    with headless() as browser:
        visit = browser.open(page.as_uri())
        assert [u for u in visit.requests if not u.startswith(("file://", "data:"))] == []
        _wait_for_media(browser)
        assert visit.failed == [] and visit.console == []
        found = browser.evaluate(
            "[...document.querySelectorAll('audio, video')].map(m => "
            "[m.tagName, m.readyState, Math.round(m.duration), m.error && m.error.code])"
        )
        assert sorted(tag for tag, *_ in found) == ["AUDIO", "VIDEO"]
        for _tag, ready, duration, error in found:
            assert (ready >= 1, duration, error) == (True, 2, None), found
        assert browser.evaluate("document.querySelector('video').videoWidth") == 64
        text = browser.evaluate("document.body.innerText")
        assert TRANSCRIPT in text
        # The transcript stands beside the player, in the same document's block.
        assert browser.evaluate(
            "[...document.querySelectorAll('article')].some(a => a.querySelector('audio') && "
            f"a.innerText.includes({TRANSCRIPT!r}))"
        )


def _wait_for_media(browser: Browser) -> None:
    for _ in range(100):
        if browser.evaluate(
            "[...document.querySelectorAll('audio, video')]"
            ".every(m => m.readyState >= 1 || m.error)"
        ):
            return
        time.sleep(0.05)
    raise AssertionError("the recordings did not load")
