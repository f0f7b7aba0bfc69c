"""``amanat import``, ``amanat page show`` and ``amanat page export`` as a user types them."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from PIL import Image

from amanat.cli import main
from amanat.core.scans import previews
from amanat.core.vault import Archive
from tests.helpers import scan_files as make


def amanat(archive: Path, password_file: Path, *args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = [*map(str, args), "--archive", str(archive), "--password-file", str(password_file)]
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_import_show_and_export_a_photo(archive_folder: Path, password_file: Path, tmp_path: Path):
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(make.jpeg(orientation=6, gps=True, names=True))
    code, out, err = amanat(archive_folder, password_file, "import", photo, "--json")
    assert code == 0, err
    [document] = json.loads(out)["documents"]
    page_id = document["page_ids"][0]

    code, out, _ = amanat(archive_folder, password_file, "page", "show", page_id)
    assert code == 0
    assert "GPS position: 35.797083, 51.394500" in out
    assert "Warning: its metadata holds a location" in out
    assert f"Person named: {make.ARTIST}" in out
    assert "IMG_0042.jpg" in out

    original, sanitised = tmp_path / "original.jpg", tmp_path / "clean.jpg"
    code, _, err = amanat(
        archive_folder, password_file, "page", "export", page_id, original, "--original"
    )
    assert code == 0, err
    assert original.read_bytes() == photo.read_bytes()
    code, _, err = amanat(archive_folder, password_file, "page", "export", page_id, sanitised)
    assert code == 0, err
    assert make.ARTIST.encode() not in sanitised.read_bytes()
    with Image.open(sanitised) as clean:
        assert clean.size == (120, 80)  # upright
    code, _, err = amanat(archive_folder, password_file, "page", "export", page_id, sanitised)
    assert code == 1 and "already exists" in err


def test_import_of_one_letter_reports_the_refused_file_and_exits_1(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    (tmp_path / "1.jpg").write_bytes(make.jpeg())
    (tmp_path / "2.jpg").write_text("not a photo")
    (tmp_path / "3.png").write_bytes(make.png())
    code, out, err = amanat(
        archive_folder, password_file, "import", tmp_path / "1.jpg", tmp_path / "2.jpg",
        tmp_path / "3.png", "--one-document", "--title", "Letter of May", "--kind", "letter",
    )  # fmt: skip
    assert code == 1
    assert err.splitlines() == [
        f"amanat: {tmp_path / '2.jpg'} was not imported: it is not a picture (JPEG, PNG, "
        "TIFF, WebP, HEIC, GIF), a PDF or a recording (MP3, M4A, AAC, Ogg, WAV, AMR, MP4, "
        "WebM, MOV), whatever its name says."
    ]
    assert "2 page(s)  Letter of May" in out
    assert "Imported 2 page(s) from 3 file(s) as 1 document(s); 1 file(s) refused." in out
    # The previews left for after the files were in are made before the command ends.
    with Archive.open(archive_folder, password_file.read_text().strip()) as archive:
        assert previews.missing(archive.db) == []
        assert archive.db.value("SELECT count(*) FROM page_images WHERE kind = 'preview'") == 2

    code, out, _ = amanat(archive_folder, password_file, "import", tmp_path / "1.jpg")
    assert code == 0
    assert "already in the archive as page 1 of “Letter of May”" in out


def test_import_warns_about_pages_whose_metadata_holds_a_location_or_a_name(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    risky, plain = tmp_path / "IMG_0042.jpg", tmp_path / "scan.png"
    risky.write_bytes(make.jpeg(gps=True, names=True))
    plain.write_bytes(make.png())
    code, out, err = amanat(archive_folder, password_file, "import", risky, plain)
    assert code == 0, err
    warnings = [line for line in out.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1
    assert "IMG_0042.jpg" in warnings[0]
    assert "a location and a person's name" in warnings[0]

    code, out, err = amanat(
        archive_folder, password_file, "import", risky, plain, "--json", "--title", "again"
    )
    flagged = json.loads(out)["flagged"]
    assert flagged == []  # both files were already in: nothing new to warn about
