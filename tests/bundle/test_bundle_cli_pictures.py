"""``amanat import-bundle`` draws the arriving pages' thumbnails and previews after the
import's commit; stopped there (Ctrl-C), the bundle is in whole and it says how many pages
are left for the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from amanat.cli import bundles as bundle_commands
from amanat.core.bundle import contacts, identity
from amanat.core.bundle.export import ExportScope
from amanat.core.scans import previews
from amanat.core.storage import pages
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import export_to, fill, new_archive
from tests.helpers.cli import Cli


def _bundle(archive_folder: Path, advocate_folder: Path, tmp_path: Path) -> str:
    """A bundle of the prisoner's documents, from a signer the advocate verified; returns
    the letter's id."""
    with Archive.open(archive_folder, PASSWORD) as family, new_archive(advocate_folder) as advocate:
        sample = fill(family)
        keys = identity.ensure(family.db)
        contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
        export_to(family, advocate, tmp_path / "b.age", ExportScope(person_id=sample.prisoner))
    return sample.letter


def test_import_bundle_draws_the_pictures_after_the_commit(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    advocate_folder = tmp_path / "advocate.amanat"
    letter = _bundle(archive_folder, advocate_folder, tmp_path)
    result = Cli(advocate_folder, password_file).ok("import-bundle", tmp_path / "b.age")
    assert "stopped" not in result.err
    with Archive.open(advocate_folder, PASSWORD) as advocate:
        [page] = pages.pages_of(advocate.db, letter)
        assert pages.image(advocate.db, page.id, "thumbnail") is not None
        assert previews.missing(advocate.db) == []


def test_stopped_while_drawing_it_keeps_the_bundle_and_says_what_is_left(
    archive_folder: Path, password_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    advocate_folder = tmp_path / "advocate.amanat"
    letter = _bundle(archive_folder, advocate_folder, tmp_path)

    @contextmanager
    def interrupted() -> Iterator[Callable[[], bool]]:
        yield lambda: True  # as if Ctrl-C came as the pictures began

    monkeypatch.setattr(bundle_commands, "interruptible", interrupted)
    result = Cli(advocate_folder, password_file).ok("import-bundle", tmp_path / "b.age")
    assert "Imported" in result.out
    assert "stopped; pages still without a thumbnail or preview: 1." in result.err
    with Archive.open(advocate_folder, PASSWORD) as advocate:
        [page] = pages.pages_of(advocate.db, letter)  # the bundle is in
        assert previews.missing(advocate.db) == [page.id]
