"""Pages that arrive in a bundle are stored without pictures (drawing them was most of the
import's time); the previews pass (``scans.previews``) then draws each page's thumbnail and
preview from the verified original in the archive, never from anything the bundle carried.
A page without its pictures is a normal state of a whole archive: the check accepts it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from amanat.app import previews as app_previews
from amanat.core.bundle import X25519Identity, contacts, identity
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.bundle.importer import import_bundle
from amanat.core.check import check
from amanat.core.errors import ImportCancelled
from amanat.core.records import Document, DocumentKind
from amanat.core.scans import import_files, previews
from amanat.core.scans.importer import ImportOptions
from amanat.core.scans.pictures import PREVIEW_LONGEST, THUMBNAIL_LONGEST
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers import scan_files
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import export_to, new_archive


@pytest.fixture
def advocate(tmp_path: Path, archive: Archive) -> Iterator[Archive]:
    opened = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(opened.db, "Family lawyer", keys.age_recipient, keys.signing_key, verified=True)
    yield opened
    opened.lock()


def _key(advocate: Archive) -> X25519Identity:
    return identity.ensure(advocate.db).age_identity


def _scanned(archive: Archive, tmp_path: Path, name: str, *files: bytes) -> str:
    """A letter made by the scan import from ``files``, one after the other; returns its id."""
    paths = []
    for number, data in enumerate(files):
        path = tmp_path / f"{number}-{name}"
        path.write_bytes(data)
        paths.append(path)
    report = import_files(archive.db, paths, ImportOptions(one_document=True, title=name))
    for path in paths:
        path.unlink()
    [document] = report.documents
    return document.document_id


def _picture(image: pages.PageImage | None) -> Image.Image:
    assert image is not None
    picture = Image.open(io.BytesIO(image.data))
    assert picture.format == "JPEG" and picture.size == (image.width, image.height)
    return picture


def test_a_page_from_a_bundle_arrives_without_pictures_which_the_pass_then_draws(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    photo = scan_files.jpeg(scan_files.marked((640, 480)), orientation=6, gps=True)
    letter = _scanned(archive, tmp_path, "letter.jpg", photo)
    bundle = export_to(archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter,)))
    import_bundle(advocate.db, bundle, [_key(advocate)])

    [page] = pages.pages_of(advocate.db, letter)
    assert pages.image(advocate.db, page.id, "thumbnail") is None
    assert pages.image(advocate.db, page.id, "preview") is None
    # Complete and consistent as committed: the full check finds nothing wrong with it.
    report = check(advocate.db, full=True)
    assert report.healthy, report.problems
    # The pass finds it (before pages that only lack a preview) and draws both at once.
    assert previews.missing(advocate.db)[0] == page.id
    assert previews.make_previews(advocate.db, previews.missing(advocate.db)) >= 1
    assert page.id not in previews.missing(advocate.db)
    thumbnail = _picture(pages.image(advocate.db, page.id, "thumbnail"))
    # The photo was stored turned (EXIF orientation 6) and left upright: so is the thumbnail.
    assert thumbnail.size == (THUMBNAIL_LONGEST, THUMBNAIL_LONGEST * 3 // 4)
    assert _picture(pages.image(advocate.db, page.id, "preview")).size == (640, 480)


def test_a_page_shown_before_the_pass_gets_its_preview_and_thumbnail_at_once(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    letter = _scanned(
        archive, tmp_path, "letter.jpg", scan_files.jpeg(scan_files.marked((640, 480)))
    )
    bundle = export_to(archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter,)))
    import_bundle(advocate.db, bundle, [_key(advocate)])
    [page] = pages.pages_of(advocate.db, letter)
    preview = previews.make_preview(advocate.db, page.id)
    assert _picture(preview).size == (640, 480)
    assert _picture(pages.image(advocate.db, page.id, "thumbnail")).size == (256, 192)
    assert previews.missing(advocate.db) == []


def test_the_pass_draws_each_page_of_a_pdf_or_tiff_sent_as_original(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    court = _scanned(archive, tmp_path, "court.pdf", scan_files.pdf(pages=2))
    frames = _scanned(archive, tmp_path, "frames.tiff", scan_files.tiff(3, size=(400, 300)))
    bundle = export_to(
        archive,
        advocate,
        tmp_path / "b.age",
        ExportScope(document_ids=(court, frames)),
        ExportOptions(originals=True),
    )
    import_bundle(advocate.db, bundle, [_key(advocate)])
    assert advocate.db.value("SELECT count(*) FROM page_images") == 0
    assert len(previews.missing(advocate.db)) == 5
    assert previews.make_previews(advocate.db, previews.missing(advocate.db)) == 5

    pdf_pages = pages.pages_of(advocate.db, court)
    assert len(pdf_pages) == 2
    for page in pdf_pages:  # a PDF page gets both from its one rendering, as a scan's does
        _picture(pages.image(advocate.db, page.id, "thumbnail"))
        assert max(_picture(pages.image(advocate.db, page.id, "preview")).size) == (PREVIEW_LONGEST)
    shades = []
    for page in pages.pages_of(advocate.db, frames):
        thumbnail = _picture(pages.image(advocate.db, page.id, "thumbnail"))
        shades.append(thumbnail.convert("L").getpixel((5, 5)))
    # Each page is its own frame of the file (greys 0, 40, 80), not the first one thrice.
    assert len(shades) == 3 and shades[0] < shades[1] < shades[2]


def test_a_file_this_archive_has_already_keeps_its_pictures(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    photo = scan_files.jpeg(scan_files.marked((320, 240)))
    letter = _scanned(archive, tmp_path, "letter.jpg", photo)
    _scanned(advocate, tmp_path, "same.jpg", photo)  # the advocate scanned the same photo
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter,)),
        ExportOptions(originals=True),
    )  # fmt: skip
    import_bundle(advocate.db, bundle, [_key(advocate)])
    [page] = pages.pages_of(advocate.db, letter)
    # Copied in the import's transaction from the page here, not drawn again.
    assert _picture(pages.image(advocate.db, page.id, "thumbnail")).size == (256, 192)
    assert page.id not in previews.missing(advocate.db)


def test_a_file_that_cannot_be_drawn_arrives_without_pictures(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Notes"))
    pages.add(archive.db, letter.id, b"%not a picture at all\n" * 100, "notes.bin")
    broken = scan_files.jpeg()[:300]  # a JPEG cut short: its header reads, its pixels don't
    pages.add(archive.db, letter.id, broken, "cut.jpg")
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter.id,)),
        ExportOptions(originals=True),
    )  # fmt: skip
    report = import_bundle(advocate.db, bundle, [_key(advocate)])
    assert report.imported and report.counts["files"] == 2
    # The pass tries them, draws nothing and says so (so the window's pass stops).
    assert previews.make_previews(advocate.db, previews.missing(advocate.db)) == 0
    for page in pages.pages_of(advocate.db, letter.id):
        assert pages.image(advocate.db, page.id, "thumbnail") is None
    assert check(advocate.db, full=True).healthy


def test_a_cancelled_import_leaves_no_pictures(archive: Archive, advocate: Archive, tmp_path: Path):
    two = (scan_files.jpeg(), scan_files.jpeg(scan_files.marked((60, 90))))
    letter = _scanned(archive, tmp_path, "letter.jpg", *two)
    bundle = export_to(archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter,)))
    advocate_folder = tmp_path / "advocate.amanat"
    key = _key(advocate)
    advocate.lock()
    before = records_digest(advocate_folder)
    asked: list[str] = []

    def cancel() -> bool:
        # Cancel once the first file went through.
        return any(name.startswith("files/") for name in asked)

    with Archive.open(advocate_folder, PASSWORD) as opened:
        with pytest.raises(ImportCancelled):
            import_bundle(
                opened.db, bundle, [key], progress=lambda p: asked.append(p.current),
                cancel=cancel,
            )  # fmt: skip
        assert opened.db.value("SELECT count(*) FROM page_images") == 0
    assert records_digest(advocate_folder) == before


def test_pages_that_cannot_be_drawn_do_not_hold_back_the_window_s_pass(
    archive: Archive, advocate: Archive, tmp_path: Path
):
    letter = documents.add(archive.db, Document(DocumentKind.LETTER, "Notes"))
    for number in range(app_previews.PREVIEWS_AT_A_TIME + 1):  # more than one turn's worth
        pages.add(archive.db, letter.id, (b"not a picture %d\n" % number) * 50, f"{number}.bin")
    photo = pages.add(archive.db, letter.id, scan_files.jpeg(scan_files.marked((320, 240))))
    bundle = export_to(
        archive, advocate, tmp_path / "b.age", ExportScope(document_ids=(letter.id,)),
        ExportOptions(originals=True),
    )  # fmt: skip
    import_bundle(advocate.db, bundle, [_key(advocate)])
    assert previews.missing(advocate.db)[-1] == photo.id  # behind the ones that fail

    passed_over: set[str] = set()
    turns = 0
    while app_previews.make_some_previews(advocate, passed_over=passed_over):
        turns += 1
        assert turns < 10  # each page is tried once in a pass, then passed over
    assert pages.image(advocate.db, photo.id, "thumbnail") is not None
    assert len(passed_over) == app_previews.PREVIEWS_AT_A_TIME + 1
    assert previews.missing(advocate.db, excluding=passed_over) == []
