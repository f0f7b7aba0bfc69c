"""What scripts rely on: exit status 0 on success, 1 with one line on stderr for anything the
user can cause, 2 for wrong usage; and a bad input leaves the archive exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.cli import (
    Cli,
    Populated,
    WriteFile,
    assert_user_error,
    make_png,
    run_cli,
    run_subprocess,
)

# --- In a real process -------------------------------------------------------------------


def test_wrong_password_exits_1_with_one_line(populated: Populated, write_file: WriteFile) -> None:
    wrong = write_file("wrong.txt", "not the password\n")
    result = run_subprocess(
        "person", "list", "--archive", populated.folder, "--password-file", wrong
    )
    assert_user_error(result, "password")
    assert result.out == ""


def test_unknown_command_exits_2(populated: Populated) -> None:
    result = run_subprocess("persons", "list", "--archive", populated.folder)
    assert result.code == 2
    assert "usage:" in result.err
    assert "Traceback" not in result.err


def test_missing_required_option_exits_2(populated: Populated) -> None:
    result = run_subprocess(
        "person", "add", "--archive", populated.folder, "--password-file", populated.password_file
    )
    assert result.code == 2
    assert "--name" in result.err
    assert "Traceback" not in result.err


def test_no_password_file_and_no_terminal_exits_2(populated: Populated) -> None:
    result = run_subprocess("person", "list", "--archive", populated.folder)
    assert result.code == 2
    assert "usage:" in result.err
    assert "--password-file" in result.err
    assert "Traceback" not in result.err


def test_no_archive_option_or_variable_exits_2(populated: Populated) -> None:
    result = run_subprocess("person", "list", "--password-file", populated.password_file)
    assert result.code == 2
    assert "AMANAT_ARCHIVE" in result.err
    assert "Traceback" not in result.err


def test_archive_and_password_file_from_the_environment(populated_cli: Cli) -> None:
    result = run_subprocess(
        "person",
        "add",
        "--name",
        "From a script",
        env={
            "AMANAT_ARCHIVE": str(populated_cli.archive),
            "AMANAT_PASSWORD_FILE": str(populated_cli.password_file),
        },
    )
    assert result.code == 0, result.err
    person_id = result.out.strip()
    people = populated_cli.ok("person", "list", "--json").json()
    assert "From a script" in {p["display_name"] for p in people if p["id"] == person_id}


def test_impossible_date_exits_1_naming_the_date(populated: Populated) -> None:
    result = run_subprocess(
        "doc", "add", "--kind", "letter", "--title", "T", "--date", "2011-13-40",
        "--archive", populated.folder, "--password-file", populated.password_file,
    )  # fmt: skip
    assert_user_error(result, "2011-13-40")


def test_init_on_an_existing_folder_exits_1(populated: Populated, password_file: Path) -> None:
    result = run_subprocess("init", populated.folder, "--password-file", password_file)
    assert_user_error(result, "already exists", str(populated.folder))


def test_init_creates_an_archive_that_opens(tmp_path: Path, password_file: Path) -> None:
    # The one real init of the suite: Argon2id is calibrated on this machine (~1-3 s).
    folder = tmp_path / "new.amanat"
    result = run_subprocess("init", folder, "--password-file", password_file)
    assert result.code == 0, result.err
    assert str(folder) in result.out
    with Archive.open(folder, PASSWORD) as archive:
        assert archive.archive_id in result.out


# --- In this process ---------------------------------------------------------------------


def test_options_may_come_before_the_command(populated: Populated) -> None:
    result = run_cli(
        "--archive", populated.folder, "--password-file", populated.password_file, "--json",
        "person", "list",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert populated.narges in {p["id"] for p in result.json()}


def test_no_archive_at_the_path_exits_1(tmp_path: Path, password_file: Path) -> None:
    missing = tmp_path / "nowhere.amanat"
    assert_user_error(Cli(missing, password_file)("person", "list"), str(missing))


def test_archive_open_elsewhere_exits_1(populated_cli: Cli) -> None:
    with Archive.open(populated_cli.archive, PASSWORD):
        assert_user_error(populated_cli("person", "list"), "open in another")
    populated_cli.ok("person", "list")


def test_text_file_without_language_is_usage_error(cli: Cli, write_file: WriteFile) -> None:
    text = write_file("t.txt", "نامه")
    result = cli("doc", "add", "--kind", "letter", "--title", "T", "--text-file", text)
    assert result.code == 2
    assert "--language" in result.err


def test_unknown_kind_is_usage_error(cli: Cli) -> None:
    result = cli("doc", "add", "--kind", "diary", "--title", "T")
    assert result.code == 2
    assert "diary" in result.err


def test_damaged_key_file_exits_1(populated_cli: Cli) -> None:
    keys = populated_cli.archive / "keys.json"
    keys.write_bytes(keys.read_bytes().replace(b'"iterations": 3', b'"iterations": 4'))
    assert_user_error(populated_cli("person", "list"), "keys.json", "damaged")


# --- Bad input leaves the archive exactly as it was --------------------------------------


def _bad_inputs(populated: Populated, tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Each: the command (which names a tag not yet in the archive, so a half-done change
    would show) and a word its error must contain."""
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes("Café in Évin".encode("latin-1"))
    text = tmp_path / "text.txt"
    text.write_text("نامه", encoding="utf-8")
    page = make_png(tmp_path / "page.png")
    fake_scan = tmp_path / "fake-scan.jpg"
    fake_scan.write_text("this is a text file, whatever its name says", encoding="utf-8")
    doc = ["doc", "add", "--kind", "letter", "--tag", "new/tag"]
    event = ["event", "add", "--type", "arrest", "--tag", "new/tag"]
    return {
        "doc with an impossible date": (
            [*doc, "--title", "T", "--date", "2011-02-30", "--person", populated.narges],
            "2011-02-30",
        ),
        "doc for an unknown person": (
            [*doc, "--title", "T", "--person", "no-such-person", "--page", str(page)],
            "no-such-person",
        ),
        "doc by an unknown author": ([*doc, "--title", "T", "--author", "nobody"], "nobody"),
        "doc without a title": ([*doc, "--title", "  ", "--page", str(page)], "title"),
        "doc with a blank language": (
            [*doc, "--title", "T", "--text-file", str(text), "--language", " "],
            "language",
        ),
        "doc with a missing page file": (
            [*doc, "--title", "T", "--page", str(tmp_path / "missing.png")],
            "missing.png",
        ),
        "doc with a page that is not a picture": (
            [*doc, "--title", "T", "--page", str(page), "--page", str(fake_scan)],
            "fake-scan.jpg",
        ),
        "doc with a text file that is not UTF-8": (
            [*doc, "--title", "T", "--text-file", str(not_utf8), "--language", "fr"],
            "UTF-8",
        ),
        "event ending before it starts": (
            [*event, "--person", populated.narges, "--date", "2011-03", "--end", "2010"],
            "end date",
        ),
        "event of an unknown person": (
            [*event, "--person", "no-such-person", "--date", "2011"],
            "no-such-person",
        ),
        "event with an unknown source": (
            [*event, "--person", populated.narges, "--date", "2011", "--source", "no-such-doc"],
            "no-such-doc",
        ),
        "tag with a bad colour": (["tag", "add", "new/tag", "--colour", "red"], "red"),
    }


BAD_INPUTS = [
    "doc with an impossible date",
    "doc for an unknown person",
    "doc by an unknown author",
    "doc without a title",
    "doc with a blank language",
    "doc with a missing page file",
    "doc with a page that is not a picture",
    "doc with a text file that is not UTF-8",
    "event ending before it starts",
    "event of an unknown person",
    "event with an unknown source",
    "tag with a bad colour",
]


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_exits_1_and_leaves_the_archive_as_it_was(
    case: str, populated: Populated, populated_cli: Cli, tmp_path: Path
) -> None:
    command, word = _bad_inputs(populated, tmp_path)[case]
    result = populated_cli(*command)
    assert_user_error(result, word)
    assert result.out == ""
    assert records_digest(populated_cli.archive) == populated.digest
