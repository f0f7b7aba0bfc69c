"""Importing scans: every format becomes pages, bad files are refused by name while the rest
go in, duplicates are recognised, and a cancel leaves only whole documents."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from amanat.core import schema
from amanat.core.errors import RecordNotFound
from amanat.core.records import DocumentKind, Person
from amanat.core.scans import ImportOptions, ImportProgress, ImportReport, ScanLimits, import_files
from amanat.core.scans.formats import MAX_PIXELS
from amanat.core.storage import documents, pages, people
from amanat.core.vault import Archive
from tests.helpers import scan_files as make


def write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def import_(
    archive: Archive, folder: Path, files: dict[str, bytes], **options: object
) -> ImportReport:
    return import_files(archive.db, write(folder, files), ImportOptions(**options))  # type: ignore[arg-type]


def assert_only_whole_documents(archive: Archive) -> None:
    """Every document has pages numbered 1..n, every page its original, thumbnail and preview,
    and no original is left without a page."""
    db = archive.db
    for document in documents.list_documents(db):
        its_pages = pages.pages_of(db, document.id)
        assert [p.number for p in its_pages] == list(range(1, len(its_pages) + 1))
        for page in its_pages:
            assert hashlib.sha256(pages.original_bytes(db, page.id)).hexdigest() == page.sha256
            assert pages.image(db, page.id, "thumbnail") is not None
            assert pages.image(db, page.id, "preview") is not None
    assert (
        db.value("SELECT count(*) FROM files WHERE sha256 NOT IN (SELECT sha256 FROM pages)") == 0
    )
    assert (
        db.value("SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM pages)")
        == 0
    )


def test_archive_is_at_the_scans_schema_version(archive: Archive):
    assert archive.db.value("PRAGMA user_version") == schema.LATEST >= 2
    assert archive.db.value("SELECT count(*) FROM page_images") == 0


@pytest.mark.parametrize(
    ("name", "data", "mime", "page_count"),
    [
        ("photo.jpg", make.jpeg(), "image/jpeg", 1),
        ("scan.png", make.png(), "image/png", 1),
        ("scan.tif", make.tiff(3), "image/tiff", 3),
        ("photo.webp", make.webp(), "image/webp", 1),
        ("IMG_0001.HEIC", make.heic(), "image/heic", 1),
        ("office-scanner.pdf", make.pdf(3), "application/pdf", 3),
        ("cmyk.jpg", make.cmyk_jpeg(), "image/jpeg", 1),
        ("deep.png", make.png_16_bit(), "image/png", 1),
        ("moving.gif", make.animated_gif(), "image/gif", 1),
    ],
)
def test_each_format_becomes_pages_of_one_document(
    archive: Archive, tmp_path: Path, name: str, data: bytes, mime: str, page_count: int
):
    report = import_(archive, tmp_path, {name: data})
    assert not report.refused
    [imported] = report.documents
    its_pages = pages.pages_of(archive.db, imported.document_id)
    assert len(its_pages) == page_count
    for index, page in enumerate(its_pages):
        assert page.mime_type == mime
        assert page.sha256 == hashlib.sha256(data).hexdigest()
        assert pages.original_bytes(archive.db, page.id) == data  # byte for byte
        details = pages.scan_details(archive.db, page.id)
        assert details.source_page == (index if page_count > 1 else None)
        assert details.source_path == str(tmp_path / name)
    assert archive.db.value("SELECT count(*) FROM files") == 1  # a PDF or TIFF is kept once
    assert documents.get(archive.db, imported.document_id).title == Path(name).stem
    assert_only_whole_documents(archive)


def test_type_is_decided_by_content_not_by_name(archive: Archive, tmp_path: Path):
    report = import_(archive, tmp_path, {"letter.pdf": make.png(), "photo.png": make.jpeg()})
    [first, second] = report.documents
    assert pages.get(archive.db, first.page_ids[0]).mime_type == "image/png"
    assert pages.get(archive.db, second.page_ids[0]).mime_type == "image/jpeg"


def test_preview_of_a_large_lossless_scan_is_resized_to_1600(archive: Archive, tmp_path: Path):
    report = import_(archive, tmp_path, {"scan.png": make.png(make.marked((2400, 3600)))})
    preview = pages.image(archive.db, report.documents[0].page_ids[0], "preview")
    assert preview is not None and (preview.width, preview.height) == (1067, 1600)


def test_original_pixel_size_and_import_time_are_kept(archive: Archive, tmp_path: Path):
    report = import_(archive, tmp_path, {"a.jpg": make.jpeg(make.marked((300, 200)))})
    page = pages.get(archive.db, report.documents[0].page_ids[0])
    assert (page.width, page.height, page.original_name) == (300, 200, "a.jpg")
    assert page.imported is not None


def test_preview_of_a_large_photo_is_screen_sized(archive: Archive, tmp_path: Path):
    report = import_(archive, tmp_path, {"big.jpg": make.jpeg(make.marked((4000, 3000)))})
    page_id = report.documents[0].page_ids[0]
    preview = pages.image(archive.db, page_id, "preview")
    thumbnail = pages.image(archive.db, page_id, "thumbnail")
    assert preview is not None and thumbnail is not None
    # Draft decoding gives 2000 × 1500, close enough to 1600 not to be resampled again.
    assert (preview.width, preview.height) == (2000, 1500)
    assert (thumbnail.width, thumbnail.height) == (256, 192)
    assert Image.open(io.BytesIO(thumbnail.data)).size == (256, 192)


BAD_INPUTS = {
    "empty.jpg": (b"", "empty"),
    "truncated.jpg": (make.jpeg(make.marked((400, 300)))[:600], "ends too early"),
    "notes.jpg": (b"This is a text file, not a photo.\n" * 20, "not a picture (JPEG, PNG"),
    "bomb.png": (make.png_bomb(), "10,000,000,000 pixels"),
    "thousand.tif": (make.tiff(1000, size=(8, 8)), "more than 500 pages"),
    "locked.pdf": (make.encrypted_pdf(), "locked with a password"),
    "broken.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", "PDF structure"),
}


@pytest.mark.parametrize("bad_name", sorted(BAD_INPUTS))
def test_bad_file_is_refused_by_name_and_the_others_still_go_in(
    archive: Archive, tmp_path: Path, bad_name: str
):
    data, words = BAD_INPUTS[bad_name]
    files = {"before.jpg": make.jpeg(), bad_name: data, "after.png": make.png()}
    report = import_(archive, tmp_path, files)
    [refusal] = report.refused
    assert refusal.path == str(tmp_path / bad_name)
    assert str(tmp_path / bad_name) in refusal.message
    assert words in refusal.message
    assert refusal.message.endswith(".")
    assert [d.title for d in report.documents] == ["before", "after"]
    assert documents.count(archive.db) == 2
    assert_only_whole_documents(archive)


def test_bad_file_in_one_letter_leaves_the_good_pages_in_order(archive: Archive, tmp_path: Path):
    files = {
        "1.jpg": make.jpeg(),
        "2.jpg": make.jpeg()[:500],
        "3.png": make.png(),
        "4.tif": make.tiff(2),
    }
    report = import_(archive, tmp_path, files, one_document=True, title="Letter from Evin")
    [letter] = report.documents
    assert [r.path for r in report.refused] == [str(tmp_path / "2.jpg")]
    its_pages = pages.pages_of(archive.db, letter.document_id)
    assert [p.original_name for p in its_pages] == ["1.jpg", "3.png", "4.tif", "4.tif"]
    assert documents.get(archive.db, letter.document_id).title == "Letter from Evin"
    assert_only_whole_documents(archive)


def test_file_over_the_size_limit_is_refused_before_it_is_read(archive: Archive, tmp_path: Path):
    limits = ScanLimits(max_file_bytes=1000)
    big = make.jpeg(make.marked((400, 300)))
    assert len(big) > 1000
    report = import_(
        archive,
        tmp_path,
        {"big.jpg": big, "small.png": make.png(Image.new("L", (4, 4)))},
        limits=limits,
    )
    [refusal] = report.refused
    assert "big.jpg" in refusal.message and "more than the limit of 0.0 MB" in refusal.message
    assert len(report.documents) == 1


def test_default_size_limit_is_500_mb():
    assert ScanLimits().max_file_bytes == 500 * 1024 * 1024
    assert MAX_PIXELS == 200_000_000


def test_missing_file_and_folder_given_as_file_are_refused_by_name(
    archive: Archive, tmp_path: Path
):
    [good] = write(tmp_path, {"good.jpg": make.jpeg()})
    gone = tmp_path / "gone.jpg"
    report = import_files(archive.db, [gone, good])
    [refusal] = report.refused
    assert str(gone) in refusal.message and "could not be read" in refusal.message
    assert len(report.documents) == 1


def test_file_that_disappears_during_the_import_is_refused_and_the_rest_go_in(
    archive: Archive, tmp_path: Path
):
    paths = write(tmp_path, {f"{n}.jpg": make.jpeg(make.marked((50 + n, 40))) for n in range(6)})

    def progress(update: ImportProgress) -> None:
        if update.done == 1:
            paths[5].unlink()  # still queued: the pool reads only a few files ahead

    report = import_files(archive.db, paths, progress=progress)
    assert [r.path for r in report.refused] == [str(paths[5])]
    assert "there is no such file or folder" in report.refused[0].message
    assert len(report.documents) == 5
    assert_only_whole_documents(archive)


def test_unreadable_file_is_refused_by_name_and_the_rest_go_in(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from amanat.core.scans import reading

    paths = write(tmp_path, {f"{n}.jpg": make.jpeg(make.marked((50 + n, 40))) for n in range(3)})
    real_open = open

    # Tests run as root, where permission bits do not stop reading; refuse it at open().
    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == paths[1]:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(reading, "open", guarded_open, raising=False)
    report = import_files(archive.db, paths)
    assert [r.path for r in report.refused] == [str(paths[1])]
    assert "this user account is not allowed to use it" in report.refused[0].message
    assert str(paths[1]) in report.refused[0].message
    assert len(report.documents) == 2
    assert_only_whole_documents(archive)


def test_the_same_file_twice_is_stored_once_and_noted(archive: Archive, tmp_path: Path):
    data = make.jpeg()
    first = import_(archive, tmp_path / "a", {"letter.jpg": data})
    again = import_(archive, tmp_path / "b", {"copy-of-letter.jpg": data, "other.png": make.png()})
    [duplicate] = again.duplicates
    assert duplicate.page_id == first.documents[0].page_ids[0]
    assert "copy-of-letter.jpg" in duplicate.message and "“letter”" in duplicate.message
    assert [d.title for d in again.documents] == ["other"]
    assert archive.db.value("SELECT count(*) FROM files") == 2
    assert archive.db.value("SELECT count(*) FROM pages") == 2


def test_a_file_given_twice_in_one_import_is_stored_once(archive: Archive, tmp_path: Path):
    [path] = write(tmp_path, {"letter.jpg": make.jpeg()})
    report = import_files(archive.db, [path, path], ImportOptions(one_document=True))
    assert len(report.documents[0].page_ids) == 1
    assert len(report.duplicates) == 1


def test_a_folder_is_imported_in_name_order_without_hidden_files(archive: Archive, tmp_path: Path):
    folder = tmp_path / "letters"
    write(folder, {"b.png": make.png(), "a.jpg": make.jpeg(), ".DS_Store": b"junk"})
    write(folder / "sub", {"c.tif": make.tiff(1)})
    report = import_files(archive.db, [folder], ImportOptions(one_document=True))
    assert report.files == 3 and not report.refused
    page_names = [
        p.original_name for p in pages.pages_of(archive.db, report.documents[0].document_id)
    ]
    assert page_names == ["a.jpg", "b.png", "c.tif"]


def test_options_give_kind_title_and_person(archive: Archive, tmp_path: Path):
    narges = people.add(archive.db, Person("Narges"))
    report = import_(
        archive, tmp_path, {"x.jpg": make.jpeg()},
        kind=DocumentKind.COURT, title="Ruling", person_ids=(narges.id,),
    )  # fmt: skip
    document = documents.get(archive.db, report.documents[0].document_id)
    assert (document.kind, document.title, document.concerned_ids) == (
        DocumentKind.COURT,
        "Ruling",
        (narges.id,),
    )


def test_unknown_person_is_refused_before_anything_is_imported(archive: Archive, tmp_path: Path):
    with pytest.raises(RecordNotFound):
        import_(archive, tmp_path, {"x.jpg": make.jpeg()}, person_ids=("nobody",))
    assert documents.count(archive.db) == 0


def test_progress_reaches_the_caller_for_every_file(archive: Archive, tmp_path: Path):
    paths = write(tmp_path, {"a.jpg": make.jpeg(), "b.txt": b"text", "c.png": make.png()})
    seen: list[ImportProgress] = []
    import_files(archive.db, paths, progress=seen.append)
    assert [(p.done, p.total) for p in seen] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [p.current for p in seen[1:]] == [str(p) for p in paths]


def distinct_photos(count: int) -> dict[str, bytes]:
    return {f"{n:02}.jpg": make.jpeg(make.marked((60 + n, 40))) for n in range(count)}


def test_cancel_in_the_middle_keeps_only_whole_documents(archive: Archive, tmp_path: Path):
    paths = write(tmp_path, distinct_photos(8))
    done: list[int] = []
    report = import_files(
        archive.db, paths, progress=lambda p: done.append(p.done), cancel=lambda: len(done) > 3
    )
    assert report.cancelled
    assert len(report.documents) == 3
    assert documents.count(archive.db) == 3
    assert_only_whole_documents(archive)


def test_cancelling_a_one_document_import_leaves_nothing(archive: Archive, tmp_path: Path):
    before = archive.db.value("SELECT count(*) FROM audit_log")
    paths = write(tmp_path, distinct_photos(6))
    done: list[int] = []
    report = import_files(
        archive.db,
        paths,
        ImportOptions(one_document=True),
        progress=lambda p: done.append(p.done),
        cancel=lambda: len(done) > 3,
    )
    assert report.cancelled and report.documents == ()
    assert archive.db.value("SELECT count(*) FROM files") == 0
    assert archive.db.value("SELECT count(*) FROM pages") == 0
    assert archive.db.value("SELECT count(*) FROM audit_log") == before


def test_a_crash_while_writing_a_file_leaves_the_earlier_documents_whole(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    paths = write(tmp_path, distinct_photos(4))
    real = pages.add_scanned
    calls: list[int] = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("power cut")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "add_scanned", failing)
    with pytest.raises(OSError, match="power cut"):
        import_files(archive.db, paths)
    assert documents.count(archive.db) == 2
    assert_only_whole_documents(archive)


def test_thumbnails_are_stored_only_inside_the_database(archive: Archive, tmp_path: Path):
    source = tmp_path / "in"
    import_(archive, source, {"a.jpg": make.jpeg()})
    written = {p.name for p in archive.folder.iterdir()}
    assert written <= {"archive.db", "archive.db-wal", "archive.db-shm", "keys.json", "segments"}
    # The original and its preview are sealed objects in segments/; the thumbnail is not.
    kinds = archive.db.all("SELECT kind, object_id IS NOT NULL FROM page_images ORDER BY kind")
    assert kinds == [("preview", 1), ("thumbnail", 0)]
    assert archive.db.value("SELECT count(*) FROM objects") == 2
    assert sorted(p.name for p in source.iterdir()) == ["a.jpg"]
