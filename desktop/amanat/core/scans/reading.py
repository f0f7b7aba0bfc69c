"""Reading one file into pages, off the database thread: read the bytes once, hash them,
decide the type by content, decode within limits, and make each page's metadata report,
thumbnail and preview. Nothing here touches the database or writes anywhere.

The file is read and hashed here; it is decoded in a worker process (core/decoding), which
gets its bytes and nothing else, so whatever a damaged or hostile file does to a decoder
costs that file only.

A recording (up to a gigabyte by default) is never read whole: it is hashed here a
megabyte at a time, the worker opens it itself and demuxes it through a file object, and
the database thread seals it from the disk chunk by chunk (``objects.put_file``), checking
that it still holds the bytes hashed here."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from amanat.core import decoding
from amanat.core.errors import (
    Detail,
    RecordingTooBig,
    ScanChanged,
    ScanDamaged,
    ScanEmpty,
    ScanRefused,
    ScanTooBig,
    ScanUnreadable,
    os_reason,
)
from amanat.core.file_types import is_recording, mime_type_of
from amanat.core.recordings import kinds, probe
from amanat.core.recordings.headers import Seekable
from amanat.core.scans import pdf, pictures
from amanat.core.scans.formats import (
    DECODING_ERRORS,
    MB,
    PDF,
    TIFF,
    ScanLimits,
    describe,
    detect,
    frames,
    open_picture,
)
from amanat.core.scans.metadata import MetadataReport, pdf_report, picture_report
from amanat.core.segments.objects import FileOnDisk
from amanat.core.storage.pages import PageImage, ScannedPage


@dataclass(frozen=True, slots=True)
class ReadFile:
    """A file read and turned into pages, ready to be written in one transaction."""

    path: Path
    data: bytes | FileOnDisk
    """The bytes, or for a recording the file, sealed from the disk when it is written."""
    sha256: str
    mime_type: str
    pages: tuple[ScannedPage, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Decoded:
    """What the decoding worker sends back about one file: all but its bytes and hash,
    which the caller has already."""

    mime_type: str
    pages: tuple[ScannedPage, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KnownFile:
    """A file whose SHA-256 the archive already held when the import began; not decoded."""

    path: Path
    sha256: str


@dataclass(frozen=True, slots=True)
class RefusedFile:
    path: Path
    error: ScanRefused

    @property
    def message(self) -> str:
        return self.error.message


Outcome = ReadFile | KnownFile | RefusedFile


def read_scan(
    path: Path,
    limits: ScanLimits,
    known: frozenset[str] = frozenset(),
    previews: bool = True,
) -> Outcome:
    """Everything about one file that can be done off the database thread. A file the
    archive cannot take comes back as a RefusedFile naming it, never as an exception.

    With ``previews`` False, a picture's pages get their thumbnail only, decoded at the
    thumbnail's scale (a quarter of the decoding work of a 12 MP photo's preview); the
    previews are made afterwards by ``scans.previews``. PDF pages always get both, from the
    one rendering they need anyway."""
    name = str(path)
    try:
        data = _read(path, name, limits)
        if isinstance(data, FileOnDisk):
            return _read_recording_on_disk(data, known)
        digest = hashlib.sha256(data).hexdigest()  # releases the GIL for large buffers
        if digest in known:
            return KnownFile(path, digest)
        decoded = decoding.run(name, decode, name, data, limits, previews)
        return ReadFile(path, data, digest, decoded.mime_type, decoded.pages, decoded.notes)
    except ScanRefused as error:
        return RefusedFile(path, error)
    except MemoryError:
        return RefusedFile(path, ScanDamaged(name=name, detail=Detail("out-of-memory")))


def read_data(data: bytes, name: str, limits: ScanLimits) -> ReadFile:
    """The same as ``read_scan`` for a file already in memory (a scan made by another part
    of the program, such as the demo). Raises the ScanRefused naming ``name`` instead of
    returning it."""
    if len(data) > limits.max_bytes(mime_type_of(data[:_HEAD])):
        raise _too_big(name, len(data), limits, mime_type_of(data[:_HEAD]))
    if not data:
        raise ScanEmpty(name=name)
    digest = hashlib.sha256(data).hexdigest()
    decoded = decoding.run(name, decode, name, data, limits, True)
    return ReadFile(Path(name), data, digest, decoded.mime_type, decoded.pages, decoded.notes)


def decode(name: str, data: bytes, limits: ScanLimits, previews: bool = True) -> Decoded:
    """In a decoding worker: the pages of one file. Any exception a decoder raises, of
    whatever type (Pillow's frame seek in a damaged TIFF raises TypeError), refuses the
    file as damaged, by name."""
    mime = detect(data, name)
    try:
        if mime == PDF:
            return _read_pdf(name, data, limits)
        if is_recording(mime):
            return _read_recording(name, data, mime)
        return _read_picture(name, data, mime, limits, previews)
    except (ScanRefused, MemoryError):
        raise
    except Exception as error:  # see the docstring
        if is_recording(mime):
            raise ScanDamaged(name=name, detail=kinds.damaged(mime)) from error
        raise ScanDamaged(name=name, detail=describe(error, mime)) from error


def _read(path: Path, name: str, limits: ScanLimits) -> bytes | FileOnDisk:
    """The file's bytes; for a recording, the file itself with its size, to be read in
    passes and never whole."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ScanUnreadable(name=name, reason=Detail("not-a-file"))
        with open(path, "rb") as handle:
            # The first bytes say whether it is a recording, which has a limit of its own.
            head = handle.read(_HEAD)
            mime = mime_type_of(head)
            limit = limits.max_bytes(mime)
            if size > limit:
                raise _too_big(name, size, limits, mime)
            if is_recording(mime):
                return FileOnDisk(path, size, name)
            # One byte more than the limit: a file that grew since stat() is still caught.
            handle.seek(0)
            data = handle.read(limit + 1)
    except OSError as error:
        raise ScanUnreadable(name=name, reason=os_reason(error)) from error
    if len(data) > limit:
        raise _too_big(name, len(data), limits, mime)
    if not data:
        raise ScanEmpty(name=name)
    return data


_HEAD = 4096
"""Bytes enough for every signature file_types knows."""
_HASHING = 1 << 20
"""A recording is hashed a megabyte at a time (hashlib releases the GIL for each)."""


def _read_recording_on_disk(source: FileOnDisk, known: frozenset[str]) -> Outcome:
    """Hash the recording a piece at a time, then have a worker read it from the disk."""
    digest, head = _hash(source)
    if digest in known:
        return KnownFile(source.path, digest)
    mime = mime_type_of(head)
    if not is_recording(mime):  # it began as one when it was found
        raise ScanChanged(name=source.name)
    decoded = decoding.run(
        source.name, read_recording_at, source.name, str(source.path), source.size, mime
    )
    return ReadFile(source.path, source, digest, decoded.mime_type, decoded.pages, decoded.notes)


def _hash(source: FileOnDisk) -> tuple[str, bytes]:
    """The SHA-256 of the file, which must still be the size it was found to be, and its
    first bytes."""
    digest = hashlib.sha256()
    head = b""
    read = 0
    try:
        with open(source.path, "rb") as handle:
            # One piece past the size at most: a file that keeps growing is not followed.
            while read <= source.size and (piece := handle.read(_HASHING)):
                digest.update(piece)
                head = head or piece[:_HEAD]
                read += len(piece)
    except OSError as error:
        raise ScanUnreadable(name=source.name, reason=os_reason(error)) from error
    if read != source.size:
        raise ScanChanged(name=source.name)
    return digest.hexdigest(), head


def read_recording_at(name: str, where: str, size: int, mime: str) -> Decoded:
    """In a decoding worker: the page of the recording at ``where``, which it opens itself
    and reads no further than its first ``size`` bytes (FFmpeg gets a file object, never
    the path). ScanChanged when its first bytes no longer say ``mime``."""
    try:
        with open(where, "rb") as handle:
            bounded = _FirstBytes(handle, size)
            if mime_type_of(bounded.read(_HEAD)) != mime:
                raise ScanChanged(name=name)
            bounded.seek(0)
            return _read_recording(name, bounded, mime)
    except (ScanRefused, MemoryError):
        raise
    except OSError as error:
        raise ScanUnreadable(name=name, reason=os_reason(error)) from error
    except Exception as error:  # as in ``decode``: whatever a demuxer raises
        raise ScanDamaged(name=name, detail=kinds.damaged(mime)) from error


class _FirstBytes:
    """The first ``size`` bytes of an open file, as a file: what is read ends there, however
    the file grows meanwhile."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle = handle
        self._size = size

    def read(self, size: int = -1, /) -> bytes:
        left = self._size - self._handle.tell()
        if left <= 0:
            return b""
        return self._handle.read(left if size < 0 else min(size, left))

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        if whence == os.SEEK_END:
            offset, whence = self._size + offset, os.SEEK_SET
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True


def _too_big(name: str, size: int, limits: ScanLimits, mime: str) -> ScanTooBig:
    limit = _megabytes(limits.max_bytes(mime))
    if is_recording(mime):
        return RecordingTooBig(name=name, size_mb=_megabytes(size), limit_mb=limit)
    return ScanTooBig(name=name, size_mb=_megabytes(size), limit_mb=limit)


def _megabytes(size: int) -> str:
    return f"{size / MB:,.1f}" if size < 10 * MB else f"{size / MB:,.0f}"


def _read_picture(name: str, data: bytes, mime: str, limits: ScanLimits, previews: bool) -> Decoded:
    image, mime = open_picture(data, mime, name)
    notes: list[str] = []
    try:
        with image:
            if mime == TIFF:
                pages = tuple(
                    _page(image, index, previews) for index in frames(image, name, limits)
                )
            else:
                pages = (_page(image, None, previews),)
    except ScanRefused:
        raise
    except DECODING_ERRORS as error:
        raise ScanDamaged(name=name, detail=describe(error, mime)) from error
    if any(MetadataReport.from_json(p.metadata).animated for p in pages):
        notes.append(
            f"{name} is an animation; its first picture is shown as the page, "
            "and the whole file is kept as the original."
        )
    return Decoded(mime, pages, tuple(notes))


def _page(image: Image.Image, source_page: int | None, previews: bool) -> ScannedPage:
    width, height = image.size  # before draft() shrinks it: the original's pixel size
    scale = pictures.PREVIEW_LONGEST if previews else pictures.THUMBNAIL_LONGEST
    pictures.decode_for_display(image, scale)
    image.load()  # decodes (at draft scale); text chunks after the pixel data arrive now
    decoding.alive()
    report = picture_report(image)
    if previews:
        images: tuple[PageImage, ...] = pictures.display_images(image, report.orientation)
    else:
        images = (pictures.thumbnail_image(image, report.orientation),)
    return ScannedPage(
        source_page=source_page,
        width=width,
        height=height,
        metadata=report.to_json(),
        has_location=report.has_location,
        has_person_name=report.has_person_name,
        images=images,
    )


def _read_pdf(name: str, data: bytes, limits: ScanLimits) -> Decoded:
    def make(index: int, rendering: Image.Image, info: dict[str, str]) -> ScannedPage:
        decoding.alive()
        report = pdf_report(info)
        thumbnail, preview = pictures.display_images(rendering, 1)
        # A PDF page has no pixel size of its own; its preview has.
        return ScannedPage(
            source_page=index,
            width=None,
            height=None,
            metadata=report.to_json(),
            has_location=report.has_location,
            has_person_name=report.has_person_name,
            images=(thumbnail, preview),
        )

    pages = pdf.each_page(data, name, limits, pictures.PREVIEW_LONGEST, make)
    return Decoded(PDF, tuple(pages))


def _read_recording(name: str, data: bytes | Seekable, mime: str) -> Decoded:
    """A recording is one page with no pictures: the window shows its player, not a
    picture of it. Its streams and tags make the page's metadata report."""
    probed = (
        probe.probe(name, data, mime)
        if isinstance(data, bytes)
        else probe.probe_file(name, data, mime)
    )
    size = probed.video_size
    notes = (
        ()
        if probed.facts.playable
        else (
            f"{name} is kept as evidence, byte for byte, but it cannot be played here: "
            "its sound or picture is in a format Amanat cannot decode.",
        )
    )
    return Decoded(
        mime,
        (
            ScannedPage(
                source_page=None,
                width=size[0] if size else None,
                height=size[1] if size else None,
                metadata=probe.to_json(probed),
                has_location=probed.report.has_location,
                has_person_name=probed.report.has_person_name,
                images=(),
            ),
        ),
        notes,
    )
