"""``amanat text add``, ``text edit`` and ``text list``: texts come from UTF-8 files, are
found by search once added or changed, and a file that cannot be used changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.archives import records_digest
from tests.helpers.cli import UUID_PATTERN, Cli, Populated, WriteFile, assert_user_error

TRANSLATION = "I am held in solitary confinement and have no books.\nGreet my mother.\n"


def test_text_add_adds_a_translation_that_list_and_search_find(
    populated_cli: Cli, populated: Populated, write_file: WriteFile
) -> None:
    path = write_file("translation.txt", TRANSLATION)
    added = populated_cli.ok(
        "text", "add", populated.letter, "--file", path, "--language", "en", "--kind",
        "translation",
    )  # fmt: skip
    text_id = added.out.strip()
    assert re.fullmatch(UUID_PATTERN, text_id)

    listed = populated_cli.ok("text", "list", populated.letter, "--json").json()
    assert [(t["kind"], t["language"]) for t in listed] == [
        ("transcription", "fa"),
        ("translation", "en"),
    ]
    assert listed[1] == {**listed[1], "id": text_id, "body": TRANSLATION, "status": "draft"}
    lines = populated_cli.ok("text", "list", populated.letter).out.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(f"{text_id}  translation")
    assert "I am held in solitary confinement" in lines[1]
    assert populated.letter in populated_cli.ok("search", "solitary confinement").out


def test_text_add_is_a_transcription_unless_told(
    populated_cli: Cli, populated: Populated, write_file: WriteFile
) -> None:
    path = write_file("note.txt", "The court refused the appeal.\n")
    added = populated_cli.ok(
        "text", "add", populated.court, "--file", path, "--language", "EN", "--json"
    ).json()
    assert (added["kind"], added["language"], added["document_id"]) == (
        "transcription",
        "en",
        populated.court,
    )


def test_text_edit_replaces_the_body_and_keeps_language_and_kind(
    populated_cli: Cli, populated: Populated, write_file: WriteFile
) -> None:
    [text] = populated_cli.ok("text", "list", populated.testimony, "--json").json()
    body = "او را در بند ۲۰۹ زندانی کردند.\nپزشک او را ندید.\n"
    edited = populated_cli.ok(
        "text", "edit", text["id"], "--file", write_file("new.txt", body), "--status", "checked"
    )
    assert edited.out == f"Saved the transcription (fa) {text['id']}.\n"
    [after] = populated_cli.ok("text", "list", populated.testimony, "--json").json()
    assert (after["body"], after["language"], after["kind"], after["status"]) == (
        body,
        "fa",
        "transcription",
        "checked",
    )
    assert populated.testimony in populated_cli.ok("search", "پزشک").out


def test_text_list_of_an_unknown_document_is_refused(populated: Populated) -> None:
    assert_user_error(populated.cli("text", "list", "no-such-doc"), "no-such-doc")


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"\xff\xfe\x00d\x00a", ("not UTF-8",)), (None, ("missing.txt",))],
    ids=["not-utf-8", "missing-file"],
)
def test_text_add_and_edit_refuse_a_file_they_cannot_read(
    populated_cli: Cli,
    populated: Populated,
    write_file: WriteFile,
    tmp_path: Path,
    content: bytes | None,
    words: tuple[str, ...],
) -> None:
    path = write_file("bad.txt", content) if content is not None else tmp_path / "missing.txt"
    [text] = populated_cli.ok("text", "list", populated.testimony, "--json").json()
    added = populated_cli("text", "add", populated.letter, "--file", path, "--language", "en")
    assert_user_error(added, *words)
    assert_user_error(populated_cli("text", "edit", text["id"], "--file", path), *words)
    assert records_digest(populated_cli.archive) == populated.digest


def test_text_add_to_an_unknown_document_and_edit_of_an_unknown_text_are_refused(
    populated_cli: Cli, populated: Populated, write_file: WriteFile
) -> None:
    path = write_file("t.txt", "text")
    assert_user_error(
        populated_cli("text", "add", "no-such-doc", "--file", path, "--language", "en"),
        "no-such-doc",
    )
    assert_user_error(populated_cli("text", "edit", "no-such-text", "--file", path), "no-such-text")
    assert_user_error(
        populated_cli("text", "add", populated.letter, "--file", path, "--language", " "),
        "language",
    )
    assert records_digest(populated_cli.archive) == populated.digest
