"""``amanat page add|move|remove|restore|removed``: the pages of a letter that exists, as text
and as JSON; each bad input one sentence on stderr and the archive exactly as it was."""

from __future__ import annotations

from pathlib import Path

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.cli import Cli, assert_user_error, make_png


def _letter(cli: Cli, tmp_path: Path, pages: int, kind: str = "letter") -> tuple[str, list[str]]:
    """A document with ``pages`` pages, added through ``page add``; their ids in order."""
    document = cli.add_doc("--kind", kind, "--title", "Letter from Evin")
    files = [make_png(tmp_path / f"p{n}.png", (10 + n, 10)) for n in range(pages)]
    added = cli.ok("page", "add", document, *files, "--json").json() if files else {}
    return document, list(added.get("page_ids", []))


def _order(cli: Cli, document: str) -> list[str]:
    shown = cli.ok("doc", "show", document, "--json").json()
    return [p["id"] for p in shown["pages"]]


def test_page_add_puts_files_after_the_last_page(cli: Cli, tmp_path: Path) -> None:
    document, first = _letter(cli, tmp_path, 2)
    folder = tmp_path / "more"
    folder.mkdir()
    make_png(folder / "b.png", (30, 30))
    make_png(folder / "a.png", (31, 30))

    result = cli.ok("page", "add", document, folder)

    *ids, summary = result.out.splitlines()
    assert summary == "Added 2 page(s) from 2 file(s); the document now has 4 page(s)."
    assert _order(cli, document) == [*first, *ids]
    names = [p["original_name"] for p in cli.ok("doc", "show", document, "--json").json()["pages"]]
    assert names == ["p0.png", "p1.png", "a.png", "b.png"]


def test_page_add_json_names_the_pages_and_the_refused_files(cli: Cli, tmp_path: Path) -> None:
    document, _ = _letter(cli, tmp_path, 1)
    folder = tmp_path / "mixed"
    folder.mkdir()
    make_png(folder / "good.png", (40, 20))
    (folder / "notes.txt").write_text("not a picture", encoding="utf-8")

    result = cli("page", "add", document, folder, "--json")

    assert result.code == 1  # a file was refused, as `amanat import` says it
    data = result.json()
    assert len(data["page_ids"]) == 1
    assert data["pages"] == 2
    [refused] = data["refused"]
    assert refused["path"].endswith("notes.txt")
    assert_user_error(result, "notes.txt")


def test_page_add_refuses_an_unreadable_file_by_name_and_adds_the_rest(
    cli: Cli, tmp_path: Path
) -> None:
    document, _ = _letter(cli, tmp_path, 1)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 half a photo")
    good = make_png(tmp_path / "good.png", (41, 20))

    result = cli("page", "add", document, broken, good)

    assert_user_error(result, "broken.jpg")
    assert len(_order(cli, document)) == 2


def test_page_add_to_a_missing_or_trashed_document_changes_nothing(
    cli: Cli, archive_folder: Path, tmp_path: Path
) -> None:
    document, _ = _letter(cli, tmp_path, 1)
    cli.ok("doc", "trash", document)
    late = make_png(tmp_path / "late.png", (50, 20))
    before = records_digest(archive_folder)

    assert_user_error(cli("page", "add", document, late), "in the trash", "restore it")
    assert_user_error(cli("page", "add", "no-such-id", late), "There is no document")
    assert records_digest(archive_folder) == before


def test_page_move_reorders_and_says_the_new_place(cli: Cli, tmp_path: Path) -> None:
    document, ids = _letter(cli, tmp_path, 3)

    result = cli.ok("page", "move", ids[2], "--to", "1")

    assert result.out.strip() == f"Page {ids[2]} is now page 1 of its document."
    assert _order(cli, document) == [ids[2], ids[0], ids[1]]
    moved = cli.ok("page", "move", ids[2], "--to", "3", "--json").json()
    assert (moved["id"], moved["number"]) == (ids[2], 3)
    assert _order(cli, document) == ids


def test_page_move_outside_the_document_is_one_sentence(
    cli: Cli, archive_folder: Path, tmp_path: Path
) -> None:
    _, ids = _letter(cli, tmp_path, 2)
    before = records_digest(archive_folder)
    assert_user_error(
        cli("page", "move", ids[0], "--to", "5"),
        "Place 5 is not in the document: give a place from 1 to 2.",
    )
    assert_user_error(cli("page", "move", "nope", "--to", "1"), "There is no page with the id nope")
    assert cli("page", "move", ids[0], "--to", "first").code == 2  # not a number: usage
    assert records_digest(archive_folder) == before


def test_page_remove_to_the_trash_and_restore(cli: Cli, tmp_path: Path) -> None:
    document, ids = _letter(cli, tmp_path, 3)

    removed = cli.ok("page", "remove", ids[0])

    assert removed.out.strip() == (
        f"Moved page 1 of “Letter from Evin” to the trash. Restore it with: "
        f"amanat page restore {ids[0]}"
    )
    assert _order(cli, document) == ids[1:]
    [listed] = cli.ok("page", "removed").out.splitlines()
    assert listed.startswith(f"{ids[0]}  page 1 of “Letter from Evin”  p0.png  removed ")
    as_json = cli.ok("page", "removed", "--document", document, "--json").json()
    assert [(r["page"]["id"], r["removed_from"]) for r in as_json] == [(ids[0], 1)]

    restored = cli.ok("page", "restore", ids[0], "--json").json()

    assert restored["number"] == 1
    assert _order(cli, document) == ids
    assert cli.ok("page", "removed").out == ""


def test_page_remove_json_and_a_second_remove_is_refused(
    cli: Cli, archive_folder: Path, tmp_path: Path
) -> None:
    _, ids = _letter(cli, tmp_path, 2)
    data = cli.ok("page", "remove", ids[1], "--json").json()
    assert (data["page"]["id"], data["removed_from"]) == (ids[1], 2)
    before = records_digest(archive_folder)
    assert_user_error(cli("page", "remove", ids[1]), "This page is in the trash; restore it first.")
    assert_user_error(cli("page", "move", ids[1], "--to", "1"), "in the trash")
    assert_user_error(cli("page", "restore", ids[0]), "not in the trash")
    assert records_digest(archive_folder) == before


def test_the_only_page_of_a_letter_is_not_removed(
    cli: Cli, archive_folder: Path, tmp_path: Path
) -> None:
    document, [only] = _letter(cli, tmp_path, 1)
    before = records_digest(archive_folder)
    assert_user_error(
        cli("page", "remove", only),
        "This is the letter's only page, so it stays; to remove the letter, move it to the trash.",
    )
    assert records_digest(archive_folder) == before
    assert _order(cli, document) == [only]


def test_emptying_the_trash_deletes_removed_pages_for_good(
    cli: Cli, archive_folder: Path, tmp_path: Path
) -> None:
    document, ids = _letter(cli, tmp_path, 2)
    cli.ok("page", "remove", ids[1])
    cli.ok("trash", "empty")
    assert cli.ok("page", "removed").out == ""
    assert_user_error(cli("page", "restore", ids[1]), "There is no page")
    with Archive.open(archive_folder, PASSWORD) as archive:
        assert archive.db.value("SELECT count(*) FROM pages") == 1
        assert archive.db.value("SELECT count(*) FROM files") == 1
    assert _order(cli, document) == ids[:1]


def test_page_removed_for_an_unknown_document_says_so(cli: Cli) -> None:
    assert_user_error(cli("page", "removed", "--document", "nope"), "There is no document")


def test_the_help_says_where_a_removed_page_goes(cli: Cli) -> None:
    result = cli("page", "remove", "--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    assert "'page restore' puts it back where it was" in text
    assert "A letter's only page stays" in text
