"""A recording's stripped copy goes into a bundle without being held: measured, then made
again straight into the tar (core/bundle/stripped_recordings.py). The copy is the same
bytes as the one made whole, in every format; the bundle holds a few megabytes of a large
recording; a copy that comes out differently when made again, a cancel half-way through and
a worker stopped mid-copy leave no bundle, partial or whole."""

from __future__ import annotations

import hashlib
import io
import tarfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from amanat.core.bundle import X25519Identity, X25519Recipient, identity, stripped_recordings
from amanat.core.bundle.container import TarWriter
from amanat.core.bundle.export import ExportScope, plan_export, write_bundle
from amanat.core.bundle.importer import import_bundle
from amanat.core.database import Database
from amanat.core.errors import ExportCancelled, PageDamaged, RecordingCopyUnsteady
from amanat.core.leaving import page_as_it_leaves
from amanat.core.records import Audience, Consent, Document, DocumentKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.core.test_recordings_streamed import MB, noisy_wav
from tests.helpers import recordings, scan_files
from tests.helpers.bundles import members, new_archive

TAGS = {"location": "+35.6892+051.3890/", "model": "SM-A105F", "artist": "Roya"}

WRITES_BACK = {"mp3", "m4a", "mp4", "mov", "webm", "wav"}
"""The formats whose muxer goes back to fill in sizes (measured: an MP4's mdat size, a
WAV's RIFF and data sizes, a WebM's header, an MP3's Xing frame); the others write in
order."""


def _imported(archive: Archive, path: Path) -> tuple[str, str]:
    """(document id, page id) of ``path`` imported as a document of its own."""
    document = documents.add(
        archive.db, Document(DocumentKind.TESTIMONY, "Hearing", consent=Consent(Audience.ADVOCATES))
    )
    import_files(archive.db, [path], ImportOptions(document_id=document.id))
    [page] = pages.pages_of(archive.db, document.id)
    return document.id, page.id


def _bundle(db: Database, document_id: str, path: Path, cancel: Any = None) -> X25519Identity:
    key = X25519Identity.generate()
    plan = plan_export(db, ExportScope(document_ids=(document_id,)))
    write_bundle(db, plan, path, [key.recipient()], cancel=cancel)
    return key


@pytest.mark.parametrize("name", ["mp3", "m4a", "aac", "ogg", "amr", "mp4", "webm", "mov", "wav"])
def test_every_format_streams_the_same_bytes_as_the_copy_made_whole(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    data = recordings.wav(2.0) if name == "wav" else recordings.recording(name, 2.0, tags=TAGS)
    path = tmp_path / f"call.{name}"
    path.write_bytes(data)
    _, page_id = _imported(archive, path)
    whole = page_as_it_leaves(archive.db, page_id, keep_metadata=False).data

    measured = stripped_recordings.measure(archive.db, page_id)
    # The remux is deterministic: the same size, the same writes back, the same hash.
    assert stripped_recordings.measure(archive.db, page_id) == measured
    assert (measured.size, measured.sha256) == (len(whole), hashlib.sha256(whole).hexdigest())
    assert bool(measured.written_back) == (name in WRITES_BACK)
    assert sum(len(data) for _, data in measured.written_back) < 4096

    pieces: list[bytes] = []
    stripped_recordings.write(archive.db, page_id, measured, pieces.append)
    assert b"".join(pieces) == whole
    # In pieces as the muxer writes them (FFmpeg's 32 KiB buffer at most), never whole.
    assert max(len(piece) for piece in pieces) <= 64 * 1024


def test_a_bundle_carries_the_copy_made_whole_and_imports_verified(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "hearing.mp4"
    path.write_bytes(recordings.recording("mp4", 2.0, tags=TAGS))
    document_id, page_id = _imported(archive, path)
    whole = page_as_it_leaves(archive.db, page_id, keep_metadata=False).data
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        key = identity.ensure(advocate.db).age_identity
        plan = plan_export(archive.db, ExportScope(document_ids=(document_id,)))
        bundle = tmp_path / "b.age"
        recipient = identity.ensure(advocate.db).age_recipient
        write_bundle(archive.db, plan, bundle, [X25519Recipient.parse(recipient)])
        sent = members(bundle, key)
        assert sent[f"files/{hashlib.sha256(whole).hexdigest()}"] == whole
        # The import checks the file against the manifest's hash as it reads it.
        import_bundle(advocate.db, bundle, [key], accepted_signer=_fingerprint(archive))
        [(arrived,)] = advocate.db.all("SELECT sha256 FROM pages")
        assert arrived == hashlib.sha256(whole).hexdigest()
    finally:
        advocate.lock()


def test_a_letter_with_its_call_between_two_photos_arrives_whole(
    archive: Archive, tmp_path: Path
) -> None:
    """The photos are written by the bundle's second thread, the recording on this one: each
    waits for the one before, in order."""
    paths = [tmp_path / "first.jpg", tmp_path / "call.wav", tmp_path / "last.png"]
    paths[0].write_bytes(scan_files.jpeg(gps=True))
    noisy_wav(paths[1], 3 * MB)
    paths[2].write_bytes(scan_files.png())
    document = documents.add(
        archive.db, Document(DocumentKind.LETTER, "Letter and the call about it")
    )
    import_files(archive.db, paths, ImportOptions(document_id=document.id))
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        key = identity.ensure(advocate.db).age_identity
        plan = plan_export(archive.db, ExportScope(document_ids=(document.id,)))
        bundle = tmp_path / "b.age"
        recipient = X25519Recipient.parse(identity.ensure(advocate.db).age_recipient)
        write_bundle(archive.db, plan, bundle, [recipient])
        sent = [name for name in members(bundle, key) if name.startswith("files/")]
        assert len(sent) == 3
        import_bundle(advocate.db, bundle, [key], accepted_signer=_fingerprint(archive))
        arrived = advocate.db.all("SELECT mime_type FROM pages ORDER BY number")
        assert [mime for (mime,) in arrived] == ["image/jpeg", "audio/wav", "image/png"]
    finally:
        advocate.lock()


def _fingerprint(archive: Archive) -> str:
    return identity.ensure(archive.db).fingerprint


def test_a_bundle_of_a_large_recording_holds_a_few_megabytes_of_it(
    archive: Archive, tmp_path: Path
) -> None:
    warm_document, _ = _imported(archive, _wav(tmp_path / "warm.wav", 1))
    _bundle(archive.db, warm_document, tmp_path / "warm.age")  # workers and modules, now
    call = noisy_wav(tmp_path / "call.wav", 40 * MB)
    document_id, page_id = _imported(archive, call)
    tracemalloc.start()
    try:
        key = _bundle(archive.db, document_id, tmp_path / "b.age")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Held whole (as before), the copy alone would be 40 MB, and made twice.
    assert peak < 6 * MB, f"{peak / MB:.1f} MB"
    whole = page_as_it_leaves(archive.db, page_id, keep_metadata=False).data
    digest = hashlib.sha256(whole).hexdigest()
    del whole
    sent = members(tmp_path / "b.age", key)
    assert hashlib.sha256(sent[f"files/{digest}"]).hexdigest() == digest


def _wav(path: Path, seconds: float) -> Path:
    path.write_bytes(recordings.wav(seconds))
    return path


class _Changing:
    """Passes the muxer's writes on, changing them as ``change`` says."""

    def __init__(self, out: Any, change: Callable[[int, int, bytes], bytes]) -> None:
        self._out = out
        self._change = change
        self._writes = 0

    def seek(self, *place: int) -> int:
        return int(self._out.seek(*place))

    def tell(self) -> int:
        return int(self._out.tell())

    def write(self, data: bytes) -> int:
        self._writes += 1
        changed = self._change(self._writes, self._out.tell(), data)
        self._out.write(changed)
        return len(data)


def _on_pass(
    monkeypatch: pytest.MonkeyPatch, number: int, change: Callable[[int, int, bytes], bytes]
) -> None:
    """The ``number``th remux of a recording (1 measured, 2 hashed, 3 written) changed."""
    real = stripped_recordings.strip_into
    passes = iter(range(1, 100))

    def strip_into(db: Database, page_id: str, out: IO[bytes]) -> None:
        if next(passes) == number:
            out = _Changing(out, change)  # type: ignore[assignment]
        real(db, page_id, out)

    monkeypatch.setattr(stripped_recordings, "strip_into", strip_into)


def _flip_one_byte(write: int, place: int, data: bytes) -> bytes:
    return bytes([data[0] ^ 1]) + data[1:] if write == 20 else data


def _one_more_byte(write: int, place: int, data: bytes) -> bytes:
    return data + b"\0" if write == 20 else data


def _back_elsewhere(write: int, place: int, data: bytes) -> bytes:
    return bytes(len(data)) if place < 64 and write > 20 else data


@pytest.mark.parametrize(
    ("number", "change"),
    [
        (3, _flip_one_byte),  # the copy written differs from the one hashed
        (2, _flip_one_byte),  # the one hashed differs from the one written
        (3, _one_more_byte),  # longer than measured: stopped before it overruns its member
        (2, _back_elsewhere),  # the muxer went back with other bytes than the first time
        (3, _back_elsewhere),
    ],
)
def test_a_copy_that_comes_out_differently_refuses_the_bundle_in_one_sentence(
    archive: Archive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    number: int,
    change: Callable[[int, int, bytes], bytes],
) -> None:
    document_id, _ = _imported(archive, noisy_wav(tmp_path / "call.wav", 2 * MB))
    folder = tmp_path / "out"
    folder.mkdir()
    _on_pass(monkeypatch, number, change)
    with pytest.raises(RecordingCopyUnsteady) as refused:
        _bundle(archive.db, document_id, folder / "b.age")
    assert refused.value.message == (
        "No bundle was written: the stripped copy of call.wav came out differently each "
        "time it was made, so the bundle could not vouch for it; leave that recording out, "
        "or export its stripped copy on its own."
    )
    assert list(folder.iterdir()) == []  # no bundle, and no partial one
    monkeypatch.undo()
    _bundle(archive.db, document_id, folder / "b.age")  # the workers are ready for the next
    assert [p.name for p in folder.iterdir()] == ["b.age"]


@pytest.mark.parametrize("after", [40, 3000, 5000], ids=["measuring", "hashing", "writing"])
def test_a_cancel_while_the_copy_is_made_leaves_no_bundle(
    archive: Archive, tmp_path: Path, after: int
) -> None:
    document_id, _ = _imported(archive, noisy_wav(tmp_path / "call.wav", 4 * MB))
    folder = tmp_path / "out"
    folder.mkdir()
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > after

    with pytest.raises(ExportCancelled):
        _bundle(archive.db, document_id, folder / "b.age", cancel=cancel)
    assert after < asked < after + 5  # stopped at once, not at the end of the recording
    assert list(folder.iterdir()) == []
    _bundle(archive.db, document_id, folder / "b.age")
    assert [p.name for p in folder.iterdir()] == ["b.age"]


def test_the_cancels_land_in_the_passes_they_are_named_after(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counts above fall in each of the three passes, for this call (a WAV's muxer goes
    back to fill in its sizes, so it is made three times, each asking as often)."""
    document_id, _ = _imported(archive, noisy_wav(tmp_path / "call.wav", 4 * MB))
    asked = 0
    at_write: list[int] = []
    real = stripped_recordings.write

    def write(*args: Any, **kwargs: Any) -> None:
        at_write.append(asked)
        real(*args, **kwargs)

    monkeypatch.setattr(stripped_recordings, "write", write)

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return False

    _bundle(archive.db, document_id, tmp_path / "b.age", cancel=cancel)
    [start] = at_write
    assert 40 < start / 2 < 3000 < start < 5000 < asked


def test_a_worker_that_goes_back_without_end_is_refused_as_damaged(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the muxer writes over is kept until the copy is written, so only so much."""
    document_id, _ = _imported(archive, noisy_wav(tmp_path / "call.wav", 2 * MB))
    monkeypatch.setattr(stripped_recordings, "MOST_WRITTEN_BACK", 4)  # a WAV goes back for 8
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(PageDamaged) as refused:
        _bundle(archive.db, document_id, folder / "b.age")
    assert refused.value.message == (
        "call.wav cannot be copied out of the archive: its stored file is damaged or "
        "incomplete (the decoder failed on it). Run a check of the archive, or leave that page "
        "out."
    )
    assert list(folder.iterdir()) == []


def test_a_member_written_in_pieces_must_be_exactly_its_size() -> None:
    out = io.BytesIO()
    with TarWriter(out, 0) as tar, tar.adding("files/a", 5) as write:
        write(b"ab")
        write(b"cde")
    with tarfile.open(fileobj=io.BytesIO(out.getvalue())) as read:
        extracted = read.extractfile("files/a")
        assert extracted is not None and extracted.read() == b"abcde"
    for pieces in ([b"ab"], [b"abc", b"def"]):
        with (
            pytest.raises(ValueError),
            TarWriter(io.BytesIO(), 0) as tar,
            tar.adding("files/a", 5) as write,
        ):
            for piece in pieces:
                write(piece)
