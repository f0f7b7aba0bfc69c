"""``amanat redact``, ``redact-text``, ``redactions`` and ``unredact``: the page export
(sanitised or "original") and the export plan show the redactions applied; each bad input is
one sentence on stderr and the archive exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from amanat.core import leaving
from tests.helpers.archives import records_digest
from tests.helpers.cli import UUID_PATTERN, Cli, assert_user_error, make_png
from tests.helpers.faces import drawn_face

BODY = "She was held at 12 Quokka Street with two others."
SECRET = "12 Quokka Street"


def _letter(cli: Cli, tmp_path: Path) -> tuple[str, str, str]:
    """A letter with one red 100 × 50 page and a transcription: (document, page, text)."""
    document = cli.add_doc("--kind", "letter", "--title", "Letter from Evin")
    picture = make_png(tmp_path / "scan.png", (100, 50))
    (page,) = cli.ok("page", "add", document, picture, "--json").json()["page_ids"]
    body = tmp_path / "body.txt"
    body.write_text(BODY, encoding="utf-8")
    text = cli.ok("text", "add", document, "--kind", "transcription", "--language", "en",
                  "--file", body, "--json").json()["id"]  # fmt: skip
    return document, page, text


def _dark(path: Path, box: tuple[int, int, int, int]) -> bool:
    with Image.open(path) as image:
        extrema = image.convert("RGB").crop(box).getextrema()
    return all(high < 40 for _low, high in extrema)  # type: ignore[misc]


def test_a_redacted_rectangle_is_black_in_both_page_exports(cli: Cli, tmp_path: Path) -> None:
    _document, page, _text = _letter(cli, tmp_path)
    made = cli.ok("redact", page, "--rect", "50,0,50,100").out.strip()
    assert re.fullmatch(UUID_PATTERN, made)
    for option in ("--sanitised", "--original"):
        out = tmp_path / f"out{option}.png"
        said = cli.ok("page", "export", page, out, option).out
        assert said == f"Wrote a sanitised copy with its redactions blacked out to {out}.\n"
        assert _dark(out, (50, 0, 100, 50)), option
        assert not _dark(out, (0, 0, 48, 50)), option


def test_a_redacted_passage_is_listed_and_leaves_the_export_plan_as_a_mark(
    cli: Cli, tmp_path: Path
) -> None:
    document, page, text = _letter(cli, tmp_path)
    start = BODY.index(SECRET)
    cli.ok("redact-text", text, "--start", str(start), "--end", str(start + len(SECRET)))
    cli.ok("redact", page, "--rect", "0,0,10,10")
    listed = cli.ok("redactions", "--doc", document).out.splitlines()
    assert any("page 1" in line and "0,0,10,10%" in line for line in listed)
    assert any(f"{start}–{start + len(SECRET)}" in line and SECRET in line for line in listed)
    as_json = cli.ok("redactions", "--json").json()
    assert {r["document_id"] for r in as_json} == {document} and len(as_json) == 2

    plan = cli.ok("export", "--doc", document, "--passphrase-file", cli.password_file,
                  "-o", tmp_path / "b.age", "--dry-run").out  # fmt: skip
    assert "Redacted: 1 page(s)" in plan and "Redacted: 1 passage(s)" in plan


def test_unredact_takes_a_redaction_off(cli: Cli, tmp_path: Path) -> None:
    _document, page, _text = _letter(cli, tmp_path)
    made = cli.ok("redact", page, "--rect", "0,0,100,100").out.strip()
    assert cli.ok("unredact", made).out.strip() == f"Took the redaction {made} off."
    out = tmp_path / "out.png"
    cli.ok("page", "export", page, out)
    assert not _dark(out, (0, 0, 100, 50))
    assert cli.ok("redactions").out.strip() == "No redactions."
    assert_user_error(cli("unredact", made), "no redaction", made)


@pytest.mark.parametrize(
    ("rect", "words"),
    [
        ("10,10,0,20", ("inside the page", "width and a height")),
        ("90,10,20,20", ("inside the page",)),
        ("-5,10,20,20", ("inside the page",)),
        ("10,10,20", ("rectangle",)),
        ("a,b,c,d", ("rectangle",)),
    ],
)
def test_a_bad_rectangle_is_one_sentence_and_changes_nothing(
    cli: Cli, tmp_path: Path, rect: str, words: tuple[str, ...]
) -> None:
    _document, page, _text = _letter(cli, tmp_path)
    before = records_digest(cli.archive)
    assert_user_error(cli("redact", page, f"--rect={rect}"), *words)
    assert records_digest(cli.archive) == before


def test_a_bad_passage_or_unknown_record_is_one_sentence_and_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    _document, _page, text = _letter(cli, tmp_path)
    before = records_digest(cli.archive)
    assert_user_error(cli("redact-text", text, "--start", "5", "--end", "500"), "not inside")
    assert_user_error(cli("redact-text", text, "--start", "5", "--end", "5"), "not inside")
    assert_user_error(cli("redact-text", "nope", "--start", "0", "--end", "1"), "no text")
    assert_user_error(cli("redact", "nope", "--rect", "1,1,1,1"), "no page")
    assert_user_error(cli("redactions", "--doc", "nope"), "no document")
    assert records_digest(cli.archive) == before


def test_the_mark_is_never_the_words(cli: Cli, tmp_path: Path) -> None:
    document, _page, text = _letter(cli, tmp_path)
    start = BODY.index(SECRET)
    cli.ok("redact-text", text, "--start", str(start), "--end", str(start + len(SECRET)))
    # The text itself is unchanged in the archive: only what leaves is marked.
    (shown,) = cli.ok("text", "list", document, "--json").json()
    assert shown["body"] == BODY
    assert leaving.mark_for(len(SECRET)) == leaving.MARK * 12


def test_faces_prints_a_redact_command_for_each_face_found(cli: Cli, tmp_path: Path) -> None:
    document = cli.add_doc("--kind", "letter", "--title", "Photo from a visit")
    photo = tmp_path / "visit.png"
    drawn_face(100).save(photo)
    (page,) = cli.ok("page", "add", document, photo, "--json").json()["page_ids"]
    (line,) = cli.ok("faces", page).out.splitlines()
    assert line.startswith(f"amanat redact {page} --rect ")
    # The command printed redacts the face.
    cli.ok(*line.split()[1:])
    assert cli.ok("faces", page, "--json").json() == []
    assert "No faces found" in cli.ok("faces", page).out
