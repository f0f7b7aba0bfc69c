"""Previews made after an import: an import that leaves them for later gives each photo its
thumbnail only, and the second pass makes previews that are the same as an import making
them at once would have made, upright, for the right frame, and kept across a cancel."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from amanat.core.scans import ImportOptions, import_files, previews
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers import scan_files as make


def _import(archive: Archive, folder: Path, files: dict[str, bytes], later: bool) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    report = import_files(archive.db, paths, ImportOptions(previews_later=later))
    assert not report.refused
    return [page_id for document in report.documents for page_id in document.page_ids]


def _picture(image: pages.PageImage | None) -> Image.Image:
    assert image is not None
    return Image.open(io.BytesIO(image.data))


def test_an_import_that_leaves_previews_for_later_gives_thumbnails_only(
    archive: Archive, tmp_path: Path
) -> None:
    ids = _import(archive, tmp_path, {"a.jpg": make.jpeg(), "b.png": make.png()}, later=True)
    assert len(ids) == 2
    for page_id in ids:
        assert pages.image(archive.db, page_id, "thumbnail") is not None
        assert pages.image(archive.db, page_id, "preview") is None
    assert previews.missing(archive.db) == ids


def test_the_second_pass_makes_the_previews_an_import_would_have_made(
    archive: Archive, tmp_path: Path
) -> None:
    photo = make.jpeg(make.marked((2400, 1600)), orientation=6)
    ids = _import(archive, tmp_path / "later", {"a.jpg": photo}, later=True)
    seen: list[tuple[int, int]] = []
    made = previews.make_previews(
        archive.db, ids, progress=lambda p: seen.append((p.done, p.total))
    )
    assert made == 1
    assert seen == [(1, 1)]
    assert previews.missing(archive.db) == []
    later = _picture(pages.image(archive.db, ids[0], "preview"))

    at_once_ids = _import(
        archive,
        tmp_path / "now",
        {"b.jpg": make.jpeg(make.marked((2400, 1600)), orientation=6, quality=89)},
        later=False,
    )
    at_once = _picture(pages.image(archive.db, at_once_ids[0], "preview"))
    assert later.size == at_once.size
    assert later.size == (2400, 1600)  # stored turned a quarter; orientation 6 puts it back
    # The red corner of the upright picture is top left, whatever pass made it.
    assert later.convert("RGB").getpixel((5, 5))[0] > 180


def test_each_frame_of_a_tiff_gets_its_own_preview(archive: Archive, tmp_path: Path) -> None:
    ids = _import(archive, tmp_path, {"letter.tif": make.tiff(3)}, later=True)
    assert len(ids) == 3
    assert previews.make_previews(archive.db, ids) == 3
    shades = [
        _picture(pages.image(archive.db, i, "preview")).convert("L").getpixel((1, 1)) for i in ids
    ]
    assert shades == [0, 40, 80]
    # Made again from the originals, frame by frame, the same shades come back.
    assert previews.make_preview(archive.db, ids[2]) is not None
    assert _picture(pages.image(archive.db, ids[2], "preview")).convert("L").getpixel((1, 1)) == 80


def test_a_cancelled_pass_keeps_what_it_made_and_the_next_one_finishes(
    archive: Archive, tmp_path: Path
) -> None:
    files = {f"{n}.jpg": make.jpeg(make.marked((300 + n, 200))) for n in range(4)}
    ids = _import(archive, tmp_path, files, later=True)
    asked = iter([False, True])
    made = previews.make_previews(archive.db, ids, cancel=lambda: next(asked, True))
    assert made == 1
    assert previews.missing(archive.db) == ids[1:]
    assert previews.make_previews(archive.db, previews.missing(archive.db)) == 3
    assert previews.missing(archive.db) == []


def test_a_page_that_cannot_be_drawn_is_left_as_it_was(archive: Archive, tmp_path: Path) -> None:
    ids = _import(archive, tmp_path, {"a.jpg": make.jpeg()}, later=True)
    # The stored original damaged after the import (it cannot happen through Amanat; a
    # damaged disk can): no preview, no exception, the thumbnail still there.
    segment, start = archive.db.one(
        "SELECT o.segment, o.start FROM files f JOIN objects o ON o.id = f.object_id"
    )
    with open(archive.folder / "segments" / segment, "r+b") as handle:
        handle.seek(start)
        handle.write(bytes(100))
    assert previews.make_preview(archive.db, ids[0]) is None
    assert previews.make_previews(archive.db, ids) == 0
    assert pages.image(archive.db, ids[0], "thumbnail") is not None
    assert previews.missing(archive.db) == ids
