"""Thumbnails of recording pages, drawn by the previews pass that draws photos': a video gets
a frame from seconds in (decoded in a decoding worker), a sound a drawn waveform, a video
that cannot be decoded a drawn film sign; none gets a preview, and none is tried again."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import av
import pytest
from PIL import Image

from amanat.app.previews import make_missing_previews
from amanat.core.recordings import posters
from amanat.core.records import Document, DocumentKind
from amanat.core.scans import import_files
from amanat.core.scans.previews import missing
from amanat.core.storage import documents, pages
from amanat.core.storage.pages import ScannedPage
from amanat.core.vault import Archive
from tests.helpers import recordings


def _imported(archive: Archive, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    [document] = import_files(archive.db, [path]).documents
    [page_id] = document.page_ids
    return page_id


def _thumbnail(archive: Archive, page_id: str) -> Image.Image:
    picture = pages.image(archive.db, page_id, "thumbnail")
    assert picture is not None
    return Image.open(io.BytesIO(picture.data)).convert("RGB")


@pytest.mark.parametrize("name", ["mp4", "webm"])
def test_a_video_gets_a_frame_from_seconds_in_as_its_thumbnail(
    archive: Archive, tmp_path: Path, name: str
) -> None:
    page_id = _imported(archive, tmp_path, f"witness.{name}", recordings.recording(name, 6.0))
    assert page_id in missing(archive.db)
    make_missing_previews(archive)
    assert pages.image_kinds(archive.db, page_id) == {"thumbnail"}
    thumbnail = _thumbnail(archive, page_id)
    assert thumbnail.size == (64, 48)  # the video's own size: never enlarged
    # The test video's light square moves 4 pixels a frame (10 a second): at 2 s, a third
    # of the video, it covers x 36–56, where it was not at the start.
    assert min(thumbnail.getpixel((50, 12))) > 170  # type: ignore[arg-type]
    assert max(thumbnail.getpixel((10, 40))) < 70  # type: ignore[arg-type]
    stored = pages.image(archive.db, page_id, "thumbnail")
    assert stored is not None and stored.data != posters.video_thumbnail().data
    assert missing(archive.db) == []  # not drawn again at the next unlock


def test_a_video_that_cannot_be_decoded_keeps_the_drawn_film_sign(archive: Archive) -> None:
    document = documents.add(archive.db, Document(DocumentKind.TESTIMONY, "Testimony"))
    damaged = recordings.recording("mp4", 2.0)[:200] + b"\x00\xff" * 4000
    bare = ScannedPage(None, None, None, "{}", has_location=False, has_person_name=False,
                       images=())  # fmt: skip
    [page] = pages.add_scanned(
        archive.db, document.id, damaged, hashlib.sha256(damaged).hexdigest(), "video/mp4",
        [bare], original_name="witness.mp4",
    )  # fmt: skip
    assert make_missing_previews(archive) == 1  # no error, no refusal
    stored = pages.image(archive.db, page.id, "thumbnail")
    assert stored is not None and stored.data == posters.video_thumbnail().data
    assert missing(archive.db) == []


def test_a_sound_gets_the_drawn_waveform_without_its_file_being_read(
    archive: Archive, tmp_path: Path
) -> None:
    page_id = _imported(archive, tmp_path, "voice.ogg", recordings.recording("ogg", 1.0))
    make_missing_previews(archive)
    stored = pages.image(archive.db, page_id, "thumbnail")
    assert stored is not None and stored.data == posters.sound_thumbnail().data
    assert pages.image_kinds(archive.db, page_id) == {"thumbnail"}
    assert missing(archive.db) == []


def test_a_long_video_is_given_to_the_worker_as_its_beginning_and_end_only() -> None:
    size = posters.HEAD_BYTES + posters.TAIL_BYTES + 5_000_000
    asked: list[tuple[int, int]] = []

    def read(start: int, length: int) -> bytes:
        asked.append((start, length))
        return b"\x01" * length

    excerpt = posters.excerpt(size, read)
    assert asked == [(0, posters.HEAD_BYTES), (size - posters.TAIL_BYTES, posters.TAIL_BYTES)]
    assert excerpt.size == size


def test_a_video_whose_index_is_at_its_end_is_read_across_the_hole() -> None:
    data = recordings.recording("mp4", 6.0)  # the muxer writes the index last, as phones do
    index = data.rfind(b"moov") - 4
    assert index > data.find(b"mdat")
    # The file up to the frames of its first 3 seconds, and its index: what lies between
    # (the rest of the data) is missing, as in a long video's excerpt.
    with av.open(io.BytesIO(data)) as container:
        ends = [
            packet.pos + packet.size
            for packet in container.demux(container.streams.video[0])
            if packet.pos is not None
            and packet.pts is not None
            and packet.pts * packet.time_base <= 3
        ]
    head = data[: max(ends)]
    assert len(head) < index
    assert posters.poster_frame(posters.Excerpt(len(data), head, data[index:]), "video/mp4")
    assert posters.poster_frame(posters.Excerpt(len(data), head, b""), "video/mp4") is None
