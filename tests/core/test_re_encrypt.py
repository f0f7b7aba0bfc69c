"""Changing the password with re-encryption: a new data key, so no earlier keys.json opens
the archive, whatever password it holds; and a crash at any step leaves it openable
(security review, finding 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from amanat.core import keyslots, vault
from amanat.core.errors import AmanatError, DatabaseDamaged, FileProblem, WrongPassword
from amanat.core.keyslots import FLOOR
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest

NEW = "plum river ostrich lantern velvet"


@pytest.fixture
def filled(archive_folder: Path) -> Path:
    with Archive.open(archive_folder, PASSWORD) as archive:
        documents.add(archive.db, Document(kind=DocumentKind.LETTER, title="A letter"))
    return archive_folder


def test_an_old_key_file_opens_after_a_plain_change_but_not_after_re_encryption(
    filled: Path, tmp_path: Path
):
    old_keys = tmp_path / "old-keys.json"
    shutil.copy(filled / "keys.json", old_keys)

    with Archive.open(filled, PASSWORD) as archive:
        archive.change_password(NEW, kdf=FLOOR)
    shutil.copy(old_keys, filled / "keys.json")  # the copy in an earlier backup
    Archive.open(filled, PASSWORD).lock()  # what a plain change does not protect against

    with Archive.open(filled, PASSWORD) as archive:
        assert archive.change_password_and_re_encrypt(NEW, kdf=FLOOR) is None
    with Archive.open(filled, NEW) as archive:
        assert [d.title for d in documents.list_documents(archive.db)] == ["A letter"]
    shutil.copy(filled / "keys.json", tmp_path / "new-keys.json")
    shutil.copy(old_keys, filled / "keys.json")
    with pytest.raises(DatabaseDamaged, match=r"re-encrypted after this keys\.json was saved"):
        Archive.open(filled, PASSWORD)
    shutil.copy(tmp_path / "new-keys.json", filled / "keys.json")
    Archive.open(filled, NEW).lock()
    assert not (filled / keyslots.PENDING_FILE).exists()


def test_re_encryption_replaces_the_recovery_code(filled: Path):
    with Archive.open(filled, PASSWORD) as archive:
        old_code = archive.add_recovery_code(kdf=FLOOR)
        new_code = archive.change_password_and_re_encrypt(NEW, kdf=FLOOR)
    assert new_code is not None and new_code != old_code
    Archive.open_with_recovery_code(filled, new_code).lock()
    with pytest.raises(AmanatError):
        Archive.open_with_recovery_code(filled, old_code)
    with pytest.raises(WrongPassword):
        Archive.open(filled, PASSWORD)


def test_a_crash_after_the_rekey_and_before_the_key_file_is_replaced_is_finished_at_open(
    filled: Path, monkeypatch: pytest.MonkeyPatch
):
    before = records_digest(filled)

    def power_cut(folder: Path) -> None:
        raise FileProblem(path=str(folder), reason="the power went")

    with Archive.open(filled, PASSWORD) as archive:
        monkeypatch.setattr(keyslots, "promote_pending", power_cut)
        with pytest.raises(FileProblem):
            archive.change_password_and_re_encrypt(NEW, kdf=FLOOR)
        monkeypatch.undo()
    assert (filled / keyslots.PENDING_FILE).exists()
    with pytest.raises(WrongPassword):  # the database has the new key now
        Archive.open(filled, PASSWORD)
    assert records_digest(filled, NEW) == before
    assert not (filled / keyslots.PENDING_FILE).exists()
    Archive.open(filled, NEW).lock()  # keys.json itself is the new one now


def test_a_crash_before_the_rekey_leaves_the_old_password_working(
    filled: Path, monkeypatch: pytest.MonkeyPatch
):
    before = records_digest(filled)

    def power_cut(connection: object, key: bytearray) -> None:
        raise FileProblem(path="archive.db", reason="the power went")

    with Archive.open(filled, PASSWORD) as archive:
        monkeypatch.setattr(vault, "_rekey", power_cut)
        with pytest.raises(FileProblem):
            archive.change_password_and_re_encrypt(NEW, kdf=FLOOR)
        monkeypatch.undo()
    assert (filled / keyslots.PENDING_FILE).exists()
    with pytest.raises(WrongPassword):
        Archive.open(filled, NEW)
    assert records_digest(filled) == before
    assert not (filled / keyslots.PENDING_FILE).exists()
