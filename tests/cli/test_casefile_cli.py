"""``amanat casefile``: the PDF is written, holds nothing that stays home, and bad input is
one sentence with no file left behind."""

from __future__ import annotations

from pathlib import Path

from amanat.core.vault import Archive
from tests.core.test_timeline_pdf import pdf_text
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import CANARIES, fill
from tests.helpers.cli import Cli, assert_user_error


def test_casefile_command(archive_folder: Path, password_file: Path, tmp_path: Path) -> None:
    with Archive.open(archive_folder, PASSWORD) as opened:
        sample = fill(opened)
    cli = Cli(archive_folder, password_file)
    target = tmp_path / "case.pdf"
    done = cli.ok("casefile", sample.prisoner, "-o", target, "--calendar", "jalali")
    assert "Wrote the case file of Mahtab Rezvani" in done.out
    text = pdf_text(target.read_bytes())
    assert "12 Aban 1398" in text  # the arrest of 3 November 2019
    for canary in CANARIES:
        assert canary not in text
    assert_user_error(cli("casefile", sample.prisoner, "-o", target), "exists")
    missing = tmp_path / "nobody.pdf"
    assert_user_error(
        cli("casefile", "00000000-0000-4000-8000-000000000000", "-o", missing), "person"
    )
    assert not missing.exists()
