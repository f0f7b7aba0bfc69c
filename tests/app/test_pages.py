"""The pages of a document that exists: files added after its last page with the import's
checks, a page moved to another place, removed to the trash and put back; what the family
would not expect is refused with one sentence and the archive unchanged."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from amanat.app import documents as documents_app
from amanat.app import pages
from amanat.app.annotations import document_annotations
from amanat.core import schema
from amanat.core.errors import InvalidInput, RecordNotFound
from amanat.core.jobs import Progress
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents
from amanat.core.storage import pages as stored_pages
from amanat.core.storage.annotations import on_page
from amanat.core.vault import Archive
from tests.helpers.archives import back_to_version
from tests.helpers.records import a_letter, a_prisoner, png_bytes
from tests.helpers.scan_files import jpeg

_sizes = itertools.count(40)


def _files(folder: Path, *names: str) -> list[Path]:
    """Picture files with different contents, so none is taken for another."""
    paths = []
    for name in names:
        path = folder / name
        path.write_bytes(png_bytes(next(_sizes), 30))
        paths.append(path)
    return paths


def _letter_with_pages(archive: Archive, folder: Path, count: int) -> tuple[str, list[str]]:
    letter = a_letter(archive, a_prisoner(archive))
    names = [f"page{n}.png" for n in range(1, count + 1)]
    pages.add_pages(archive, letter.id, _files(folder, *names))
    return letter.id, [p.id for p in stored_pages.pages_of(archive.db, letter.id)]


def _everything(archive: Archive) -> list[object]:
    """Every row of every table (the search index aside), to prove nothing changed."""
    tables = archive.db.all(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'search_index_%' ORDER BY name"
    )
    return [archive.db.all(f'SELECT * FROM "{name}" ORDER BY 1') for (name,) in tables]


def _order(archive: Archive, document_id: str) -> list[tuple[int, str]]:
    return [(p.number, p.id) for p in stored_pages.pages_of(archive.db, document_id)]


def test_files_are_added_after_the_last_page_with_progress(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, first = _letter_with_pages(archive, tmp_path, 2)
    (tmp_path / "kitchen.jpg").write_bytes(jpeg(gps=True))
    heard: list[Progress] = []

    outcome = pages.add_pages(
        archive, document_id, [tmp_path / "kitchen.jpg", *_files(tmp_path, "x.png")], heard.append
    )

    [added] = outcome.report.documents
    assert added.document_id == document_id
    assert len(added.page_ids) == 2
    stored = stored_pages.pages_of(archive.db, document_id)
    assert [p.number for p in stored] == [1, 2, 3, 4]
    assert [p.id for p in stored] == [*first, *added.page_ids]
    assert stored[2].original_name == "kitchen.jpg"
    # Only the page just added is warned about, and no new document was made.
    assert [f.original_name for f in outcome.flagged] == ["kitchen.jpg"]
    assert documents.count(archive.db) == 1
    assert (heard[-1].done, heard[-1].total) == (2, 2)


def test_a_folder_of_mixed_files_adds_what_it_can_and_names_the_rest(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, _ = _letter_with_pages(archive, tmp_path, 1)
    folder = tmp_path / "dropped"
    folder.mkdir()
    _files(folder, "a.png", "c.png")
    (folder / "b.txt").write_text("a shopping list", encoding="utf-8")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")

    outcome = pages.add_pages(archive, document_id, [folder])

    assert [p.original_name for p in stored_pages.pages_of(archive.db, document_id)] == [
        "page1.png",
        "a.png",
        "c.png",
    ]
    assert sorted(Path(r.path).name for r in outcome.report.refused) == ["b.txt", "broken.jpg"]
    for refusal in outcome.report.refused:
        assert Path(refusal.path).name in refusal.message
        assert refusal.message.count(".") <= 3  # one sentence, not a traceback


def test_a_cancel_keeps_the_files_added_before_it(archive: Archive, tmp_path: Path) -> None:
    document_id, _ = _letter_with_pages(archive, tmp_path, 1)
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 1

    outcome = pages.add_pages(
        archive, document_id, _files(tmp_path, "a.png", "b.png"), None, cancel
    )

    assert outcome.report.cancelled
    assert len(stored_pages.pages_of(archive.db, document_id)) == 2


def test_pages_cannot_be_added_to_a_missing_or_trashed_document(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, _ = _letter_with_pages(archive, tmp_path, 1)
    documents.move_to_trash(archive.db, document_id)
    paths = _files(tmp_path, "late.png")
    before = _everything(archive)

    with pytest.raises(InvalidInput) as refused:
        pages.add_pages(archive, document_id, paths)
    assert refused.value.message == (
        "This document is in the trash; restore it before changing its pages."
    )
    with pytest.raises(RecordNotFound):
        pages.add_pages(archive, "no-such-document", paths)
    assert _everything(archive) == before


@pytest.mark.parametrize(
    ("moved", "position", "expected"),
    [(0, 3, [1, 2, 0, 3]), (3, 1, [3, 0, 1, 2]), (2, 2, [0, 2, 1, 3]), (1, 2, [0, 1, 2, 3])],
)
def test_a_page_moves_to_its_new_place_and_the_others_close_up(
    archive: Archive, tmp_path: Path, moved: int, position: int, expected: list[int]
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 4)

    page = pages.move_page(archive, ids[moved], position)

    assert page.number == position
    assert _order(archive, document_id) == [(n + 1, ids[i]) for n, i in enumerate(expected)]


@pytest.mark.parametrize("position", [0, 4, -1])
def test_a_place_outside_the_document_is_refused(
    archive: Archive, tmp_path: Path, position: int
) -> None:
    _, ids = _letter_with_pages(archive, tmp_path, 3)
    before = _everything(archive)
    with pytest.raises(InvalidInput) as refused:
        pages.move_page(archive, ids[0], position)
    assert refused.value.message == (
        f"Place {position} is not in the document: give a place from 1 to 3."
    )
    assert _everything(archive) == before


def test_a_removed_page_waits_in_the_trash_and_comes_back_to_its_place(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 3)

    removed = pages.remove_page(archive, ids[1])

    assert removed.removed_from == 2
    assert removed.document_title == "Letter from Evin"
    assert _order(archive, document_id) == [(1, ids[0]), (2, ids[2])]
    assert [r.page.id for r in pages.removed_pages(archive)] == [ids[1]]
    assert [r.page.id for r in pages.removed_pages(archive, document_id)] == [ids[1]]
    summary = documents.summaries(archive.db, [document_id])[0]
    assert summary.first_page_id == ids[0]
    # A removed page cannot be moved or removed again until it is back.
    with pytest.raises(InvalidInput, match=r"This page is in the trash; restore it first\."):
        pages.move_page(archive, ids[1], 1)

    page = pages.restore_page(archive, ids[1])

    assert page.number == 2
    assert _order(archive, document_id) == [(1, ids[0]), (2, ids[1]), (3, ids[2])]
    assert pages.removed_pages(archive) == []
    with pytest.raises(InvalidInput, match="This page is not in the trash"):
        pages.restore_page(archive, ids[1])


def test_a_page_restored_to_a_shorter_document_goes_after_the_last(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 3)
    pages.remove_page(archive, ids[2])
    pages.remove_page(archive, ids[1])
    pages.restore_page(archive, ids[2])
    assert _order(archive, document_id) == [(1, ids[0]), (2, ids[2])]


def test_new_pages_follow_the_last_page_there_not_a_removed_one(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 2)
    pages.remove_page(archive, ids[1])
    outcome = pages.add_pages(archive, document_id, _files(tmp_path, "zz.png"))
    [new] = outcome.report.documents[0].page_ids
    assert _order(archive, document_id) == [(1, ids[0]), (2, new)]


def test_the_only_page_of_a_letter_stays(archive: Archive, tmp_path: Path) -> None:
    document_id, [only] = _letter_with_pages(archive, tmp_path, 1)
    before = _everything(archive)
    with pytest.raises(InvalidInput) as refused:
        pages.remove_page(archive, only)
    assert refused.value.message == (
        "This is the letter's only page, so it stays; to remove the letter, move it to the trash."
    )
    assert _everything(archive) == before
    assert _order(archive, document_id) == [(1, only)]


def test_the_only_page_of_a_testimony_can_go_its_text_stays(
    archive: Archive, tmp_path: Path
) -> None:
    testimony = documents.add(
        archive.db, Document(kind=DocumentKind.TESTIMONY, title="What the guard said")
    )
    pages.add_pages(archive, testimony.id, _files(tmp_path, "scan.png"))
    [only] = stored_pages.pages_of(archive.db, testimony.id)
    pages.remove_page(archive, only.id)
    assert stored_pages.pages_of(archive.db, testimony.id) == []


def test_emptying_the_trash_forgets_removed_pages_and_their_files(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 2)
    sha = stored_pages.get(archive.db, ids[1]).sha256
    pages.remove_page(archive, ids[1])

    documents_app.empty_trash(archive)

    assert pages.removed_pages(archive) == []
    with pytest.raises(RecordNotFound):
        stored_pages.get(archive.db, ids[1])
    assert archive.db.value("SELECT count(*) FROM files WHERE sha256 = ?", (sha,)) == 0
    assert _order(archive, document_id) == [(1, ids[0])]


def test_a_file_of_a_removed_page_dropped_again_says_where_it_waits(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 2)
    pages.remove_page(archive, ids[1])
    outcome = pages.add_pages(archive, document_id, [tmp_path / "page2.png"])
    [duplicate] = outcome.report.duplicates
    assert "a page of “Letter from Evin” in the trash" in duplicate.message


def test_unknown_pages_are_named_as_such(archive: Archive) -> None:
    for act in (
        lambda: pages.move_page(archive, "nope", 1),
        lambda: pages.remove_page(archive, "nope"),
        lambda: pages.restore_page(archive, "nope"),
    ):
        with pytest.raises(RecordNotFound, match=r"There is no page with the id nope\."):
            act()


def test_an_archive_from_before_removed_pages_keeps_its_pages_in_order(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 2)
    db = archive.db
    with db.transaction():
        back_to_version(db, 5)  # undoes 7 and 6; 8 and 9 run again as they are

    assert schema.migrate(db) == schema.LATEST

    assert _order(archive, document_id) == [(1, ids[0]), (2, ids[1])]
    pages.remove_page(archive, ids[0])
    assert _order(archive, document_id) == [(1, ids[1])]


def test_a_note_on_a_removed_page_stays_listed_without_a_page_number(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 2)
    on_page(archive.db, ids[1], 0.1, 0.1, 0.3, 0.2, "the censor's stamp")
    pages.remove_page(archive, ids[1])
    [row] = document_annotations(archive, document_id)
    assert row.page_number is None
    pages.restore_page(archive, ids[1])
    [row] = document_annotations(archive, document_id)
    assert row.page_number == 2


def test_the_pages_of_a_document_in_the_trash_stay_as_they_are(
    archive: Archive, tmp_path: Path
) -> None:
    document_id, ids = _letter_with_pages(archive, tmp_path, 3)
    pages.remove_page(archive, ids[2])
    documents.move_to_trash(archive.db, document_id)
    before = _everything(archive)
    for act in (
        lambda: pages.move_page(archive, ids[0], 2),
        lambda: pages.remove_page(archive, ids[0]),
        lambda: pages.restore_page(archive, ids[2]),
    ):
        with pytest.raises(InvalidInput) as refused:
            act()
        assert refused.value.message == (
            "This document is in the trash; restore it before changing its pages."
        )
    assert _everything(archive) == before
