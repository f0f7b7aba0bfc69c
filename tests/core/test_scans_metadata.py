"""What a page's file says about its family, flagged before anything is shared; pages shown
upright; and sanitised copies from which every trace of that metadata is gone."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from amanat.core.scans import MetadataReport, import_files, metadata_report, sanitised_copy
from amanat.core.scans.formats import ScanLimits
from amanat.core.scans.reading import ReadFile, read_scan
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers import scan_files as make
from tests.helpers.records import a_letter, a_prisoner


def imported_page(archive: Archive, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    report = import_files(archive.db, [path])
    assert not report.refused, report.refused[0].message
    return report.documents[0].page_ids[0]


def picture(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.convert("RGB")


def is_red(colour: tuple[int, ...]) -> bool:
    red, green, blue = colour[:3]
    return red > 150 and green < 90 and blue < 90


def assert_upright(image: Image.Image) -> None:
    """The marked corner (red) is top-left, the picture is landscape, the others are white."""
    image = image.convert("RGB")
    width, height = image.size
    assert width > height
    assert is_red(image.getpixel((2, 2)))
    for corner in ((width - 3, 2), (2, height - 3), (width - 3, height - 3)):
        assert not is_red(image.getpixel(corner)), corner


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_jpeg_thumbnail_and_preview_come_out_upright(
    archive: Archive, tmp_path: Path, orientation: int
):
    page_id = imported_page(archive, tmp_path, "photo.jpg", make.jpeg(orientation=orientation))
    for kind in ("thumbnail", "preview"):
        stored = pages.image(archive.db, page_id, kind)
        assert stored is not None and stored.mime_type == "image/jpeg"
        assert_upright(picture(stored.data))
    assert metadata_report(archive.db, page_id).orientation == orientation


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_heic_thumbnail_comes_out_upright(archive: Archive, tmp_path: Path, orientation: int):
    page_id = imported_page(archive, tmp_path, "IMG.HEIC", make.heic(orientation=orientation))
    stored = pages.image(archive.db, page_id, "thumbnail")
    assert stored is not None
    assert_upright(picture(stored.data))


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_sanitised_copy_is_upright_and_honours_the_users_rotation(
    archive: Archive, tmp_path: Path, orientation: int
):
    page_id = imported_page(archive, tmp_path, "p.jpg", make.jpeg(orientation=orientation))
    assert_upright(picture(sanitised_copy(archive.db, page_id).data))
    pages.set_rotation(archive.db, page_id, 90)
    turned = picture(sanitised_copy(archive.db, page_id).data)
    assert turned.height > turned.width
    assert is_red(turned.getpixel((turned.width - 3, 2)))  # top-left went to top-right


def test_gps_position_is_read_and_flagged(archive: Archive, tmp_path: Path):
    page_id = imported_page(archive, tmp_path, "home.jpg", make.jpeg(gps=True))
    report = metadata_report(archive.db, page_id)
    assert report.gps is not None
    assert report.gps.latitude == pytest.approx(35.797083, abs=1e-5)
    assert report.gps.longitude == pytest.approx(51.3945, abs=1e-5)
    assert report.has_location and not report.has_person_name
    details = pages.scan_details(archive.db, page_id)
    assert details.has_location and not details.has_person_name
    document_id = pages.get(archive.db, page_id).document_id
    assert [p.id for p in pages.flagged_pages(archive.db, document_id)] == [page_id]


@pytest.mark.parametrize(
    ("name", "data"),
    [("phone.webp", make.webp()), ("iphone.heic", make.heic(gps=True))],
)
def test_gps_is_found_in_webp_and_heic(archive: Archive, tmp_path: Path, name: str, data: bytes):
    report = metadata_report(archive.db, imported_page(archive, tmp_path, name, data))
    assert report.gps is not None and report.has_location
    assert report.gps.latitude == pytest.approx(35.797083, abs=1e-5)


def test_camera_time_software_and_names_are_reported(archive: Archive, tmp_path: Path):
    data = make.jpeg(names=True, comment=True, xmp=True, iptc=True)
    page_id = imported_page(archive, tmp_path, "named.jpg", data)
    report = metadata_report(archive.db, page_id)
    assert report.camera == f"{make.MAKE} {make.MODEL}"
    assert report.captured == make.CAPTURED
    assert report.software == (make.SOFTWARE,)
    assert set(report.authors) == {
        make.ARTIST,
        make.COPYRIGHT,
        make.XP_AUTHOR,
        make.XMP_CREATOR,
        make.IPTC_BYLINE,
    }
    assert report.comments == (make.COMMENT,)
    assert {"EXIF", "XMP", "IPTC", "comment"} <= set(report.blocks)
    assert report.has_person_name and not report.has_location
    assert pages.scan_details(archive.db, page_id).has_person_name


def test_png_author_and_pdf_author_are_flagged(archive: Archive, tmp_path: Path):
    png_report = metadata_report(
        archive.db, imported_page(archive, tmp_path, "a.png", make.png(author=True))
    )
    assert png_report.authors == (make.PNG_AUTHOR,) and png_report.has_person_name
    pdf_report = metadata_report(archive.db, imported_page(archive, tmp_path, "a.pdf", make.pdf()))
    assert pdf_report.authors == (make.PDF_AUTHOR,) and pdf_report.has_person_name
    assert make.SOFTWARE in pdf_report.software


def test_a_plain_scan_is_not_flagged(archive: Archive, tmp_path: Path):
    report = metadata_report(archive.db, imported_page(archive, tmp_path, "s.png", make.png()))
    assert not report.has_location and not report.has_person_name
    assert report.lines()[-1] == ("Metadata blocks", "none")


def test_report_survives_its_json_form():
    [page] = _read(make.jpeg(gps=True, names=True, xmp=True)).pages
    report = MetadataReport.from_json(page.metadata)
    assert MetadataReport.from_json(report.to_json()) == report
    assert report.lines()[0][0] == "GPS position"


def _read(data: bytes) -> ReadFile:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x"
        path.write_bytes(data)
        result = read_scan(path, ScanLimits())
    assert isinstance(result, ReadFile)
    return result


def _gps_bytes() -> list[bytes]:
    """LATITUDE and LONGITUDE as EXIF rationals are stored, in either byte order."""
    found = []
    for value in (*make.LATITUDE, *make.LONGITUDE):
        numerator, denominator = (int(value * 10), 10) if value % 1 else (int(value), 1)
        for order in "<>":
            found.append(struct.pack(f"{order}II", numerator, denominator))
    return found


def _icc_jpeg() -> bytes:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    make.stored_for_orientation(make.marked(), 6).save(
        buffer,
        "JPEG",
        exif=make.exif_bytes(6, gps=True, names=True),
        comment=make.COMMENT,
        xmp=make.xmp_packet(),
        icc_profile=profile,
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "everything.jpg",
            make.jpeg(orientation=6, gps=True, names=True, comment=True, xmp=True, iptc=True),
        ),
        ("icc.jpg", _icc_jpeg()),
        ("author.png", make.png(author=True)),
        ("phone.webp", make.webp()),
        ("iphone.heic", make.heic(orientation=6, gps=True)),
        ("scanner.pdf", make.pdf(1)),
    ],
)
def test_sanitised_copy_holds_none_of_the_metadata(
    archive: Archive, tmp_path: Path, name: str, data: bytes
):
    page_id = imported_page(archive, tmp_path, name, data)
    before = metadata_report(archive.db, page_id)
    copy = sanitised_copy(archive.db, page_id)
    secrets = [
        *make.SECRETS,
        make.IPTC_BYLINE,
        make.PNG_AUTHOR,
        make.PDF_AUTHOR,
        *before.authors,
        *before.software,
        *before.comments,
    ]
    for secret in secrets:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in copy.data, secret
    for marker in (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"Photoshop", b"8BIM"):
        assert marker not in copy.data
    for packed in _gps_bytes():
        assert packed not in copy.data
    reopened = Image.open(io.BytesIO(copy.data))
    assert len(reopened.getexif()) == 0
    assert not set(reopened.info) & {"exif", "xmp", "icc_profile", "comment", "photoshop"}
    assert not getattr(reopened, "text", {})
    # The copy's own report is empty: nothing that could name or place anyone.
    after = _read(copy.data).pages[0]
    assert not after.has_location and not after.has_person_name
    assert MetadataReport.from_json(after.metadata).blocks == ()
    # The original is untouched.
    assert pages.original_bytes(archive.db, page_id) == data


def test_sanitised_copy_is_png_for_lossless_sources_and_jpeg_for_photos(
    archive: Archive, tmp_path: Path
):
    png_page = imported_page(archive, tmp_path, "s.png", make.png())
    jpeg_page = imported_page(archive, tmp_path, "p.jpg", make.jpeg())
    assert sanitised_copy(archive.db, png_page).mime_type == "image/png"
    assert sanitised_copy(archive.db, jpeg_page).suffix == ".jpg"
    assert picture(sanitised_copy(archive.db, png_page).data).getpixel((2, 2)) == make.RED


def test_cmyk_jpeg_is_shown_in_its_colours(archive: Archive, tmp_path: Path):
    page_id = imported_page(archive, tmp_path, "print.jpg", make.cmyk_jpeg())
    stored = pages.image(archive.db, page_id, "thumbnail")
    assert stored is not None
    assert is_red(picture(stored.data).getpixel((5, 5)))


def test_16_bit_png_keeps_its_tones_instead_of_turning_white(archive: Archive, tmp_path: Path):
    page_id = imported_page(archive, tmp_path, "deep.png", make.png_16_bit())
    stored = pages.image(archive.db, page_id, "thumbnail")
    assert stored is not None
    shown = picture(stored.data)
    dark, light = shown.getpixel((5, 16))[0], shown.getpixel((60, 16))[0]
    assert 30 <= dark <= 50 and 225 <= light <= 240  # 10,000 and 60,000 of 65,535
    copy = Image.open(io.BytesIO(sanitised_copy(archive.db, page_id).data))
    assert copy.mode.startswith("I")  # the sanitised copy stays 16-bit


def test_animated_gif_is_one_page_from_its_first_picture_with_a_note(
    archive: Archive, tmp_path: Path
):
    path = tmp_path / "moving.gif"
    path.write_bytes(make.animated_gif())
    report = import_files(archive.db, [path])
    assert len(report.documents[0].page_ids) == 1
    assert report.notes and str(path) in report.notes[0] and "animation" in report.notes[0]
    assert metadata_report(archive.db, report.documents[0].page_ids[0]).animated


def test_pdf_pages_are_shown_from_renderings(archive: Archive, tmp_path: Path):
    path = tmp_path / "court.pdf"
    path.write_bytes(make.pdf(2))
    [document] = import_files(archive.db, [path]).documents
    widths = []
    for page_id in document.page_ids:
        preview = pages.image(archive.db, page_id, "preview")
        assert preview is not None and preview.height == 1600
        shown = picture(preview.data)
        black = sum(1 for x in range(0, shown.width, 4) if shown.getpixel((x, 100))[0] < 60)
        widths.append(black)
    assert widths[1] > widths[0]  # page 2 has the longer bar: each page is its own rendering


def test_pages_added_before_the_pipeline_get_a_report_from_their_original(archive: Archive):
    letter = a_letter(archive, a_prisoner(archive))
    page = pages.add(archive.db, letter.id, make.jpeg(gps=True))
    assert metadata_report(archive.db, page.id).has_location
    assert documents.get(archive.db, letter.id).title
