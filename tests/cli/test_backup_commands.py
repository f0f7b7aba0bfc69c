"""``amanat backup FILE`` and ``amanat restore FILE DIR``: a restored archive is the same
archive, and a damaged backup never leaves a half-restored folder behind."""

from __future__ import annotations

import io
import json
import os
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, copy_archive, records_digest
from tests.helpers.cli import Cli, Populated, assert_user_error, run_cli


@pytest.fixture(scope="module")
def backup_file(populated: Populated, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A copy is backed up: a backup records its date inside the archive it copies, and the
    # shared archive stays as it was for every other test.
    home = tmp_path_factory.mktemp("backup")
    copy = Cli(copy_archive(populated.folder, home / "family.amanat"), populated.password_file)
    path = home / "family.amanat-backup"
    written = copy.ok("backup", path)
    assert str(path) in written.out
    return path


def test_restore_gives_back_the_same_archive(
    populated: Populated, backup_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "restored.amanat"
    restored = run_cli("restore", backup_file, folder)
    assert restored.code == 0, restored.err
    with Archive.open(populated.folder, PASSWORD) as original:
        archive_id = original.archive_id
    assert archive_id in restored.out
    assert str(folder) in restored.out

    assert records_digest(folder) == populated.digest
    with Archive.open(folder, PASSWORD) as archive:
        assert archive.archive_id == archive_id
    Cli(folder, populated.password_file).ok("check")


def test_backup_holds_nothing_decrypted(populated: Populated, backup_file: Path) -> None:
    data = backup_file.read_bytes()
    for plaintext in ("Letter from Evin", "Narges", "زندانی", "SQLite format 3"):
        assert plaintext.encode("utf-8") not in data


def test_backup_includes_changes_made_just_before(
    populated_cli: Cli, tmp_path: Path, password_file: Path
) -> None:
    person = populated_cli.add_person("Added just before the backup")
    populated_cli.ok("backup", tmp_path / "b.backup")
    folder = tmp_path / "restored.amanat"
    assert run_cli("restore", tmp_path / "b.backup", folder).code == 0
    people = Cli(folder, password_file).ok("person", "list", "--json").json()
    assert person in {p["id"] for p in people}


def test_backup_into_a_missing_folder_exits_1(populated: Populated, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "b.backup"
    assert_user_error(populated.cli("backup", target), str(target))
    assert not target.parent.exists()


def test_restore_into_an_existing_folder_exits_1_and_leaves_it_alone(
    backup_file: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "letter.txt").write_text("keep me")
    assert_user_error(run_cli("restore", backup_file, existing), "already holds files")
    assert [p.name for p in existing.iterdir()] == ["letter.txt"]
    assert (existing / "letter.txt").read_text() == "keep me"


def test_restore_of_a_missing_file_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "restored.amanat"
    assert_user_error(run_cli("restore", tmp_path / "nothing.backup", folder), "nothing.backup")
    assert not folder.exists()


def _offset_in(path: Path, name: str) -> int:
    """Where the bytes of the backup's member ``name`` start, plus a little."""
    with tarfile.open(path) as tar:
        return tar.getmember(name).offset_data + 10


def _flip_in(name: str) -> Callable[[bytes, Path], bytes]:
    def damage(data: bytes, path: Path) -> bytes:
        at = _offset_in(path, name)
        return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]

    return damage


DAMAGE: dict[str, Callable[[bytes, Path], bytes]] = {
    "a bit flipped in archive.db": _flip_in("archive.db"),
    "a bit flipped in keys.json": _flip_in("keys.json"),
    "a bit flipped in the first header": lambda data, path: bytes([data[0] ^ 0x01]) + data[1:],
    "cut in half": lambda data, path: data[: len(data) // 2],
    "cut inside the manifest": lambda data, path: data[: _offset_in(path, "amanat-backup.json")],
    "random bytes": lambda data, path: os.urandom(len(data)),
    "empty": lambda data, path: b"",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_restore_of_a_damaged_backup_exits_1_and_creates_nothing(
    backup_file: Path, tmp_path: Path, damage: Callable[[bytes, Path], bytes]
) -> None:
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(damage(backup_file.read_bytes(), backup_file))
    target_parent = tmp_path / "restores"
    target_parent.mkdir()
    folder = target_parent / "restored.amanat"

    result = run_cli("restore", damaged, folder)

    assert_user_error(result, "damaged", str(damaged))
    assert not folder.exists()
    assert list(target_parent.iterdir()) == []  # no half-restored staging folder either


def test_restore_of_a_backup_whose_manifest_lacks_the_archive_id_exits_1(
    backup_file: Path, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.backup"
    with tarfile.open(backup_file) as source, tarfile.open(edited, "w") as target:
        for member in source.getmembers():
            extracted = source.extractfile(member)
            assert extracted is not None
            data = extracted.read()
            if member.name == "amanat-backup.json":
                manifest = json.loads(data)
                del manifest["archive_id"]
                data = json.dumps(manifest).encode()
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    folder = tmp_path / "restored.amanat"
    assert_user_error(run_cli("restore", edited, folder), "damaged")
    assert not folder.exists()


def test_restore_where_the_folder_cannot_be_made_exits_1(backup_file: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("I am a file")
    result = run_cli("restore", backup_file, not_a_folder / "restored.amanat")
    assert_user_error(result, "restored.amanat")
    assert not_a_folder.read_text() == "I am a file"


def test_backup_to_a_folder_then_again_copies_only_what_is_new(
    populated_cli: Cli, tmp_path: Path, password_file: Path
) -> None:
    stick = tmp_path / "stick"
    first = populated_cli.ok("backup", "--to-folder", stick)
    assert str(stick) in first.out
    populated_cli.add_person("Added after the first backup")
    # The archive as the second backup finds it: once written, the backup's date is kept in
    # the archive, which then differs from its backup by that date (and its audit entry).
    expected = records_digest(populated_cli.archive)
    again = populated_cli.ok("backup", "--to-folder", stick)
    assert "0 new byte(s)" in again.out  # a person has no stored pages
    folder = tmp_path / "restored.amanat"
    assert run_cli("restore", stick, folder).code == 0
    assert records_digest(folder) == expected
    Cli(folder, password_file).ok("check", "--full")


def test_backup_needs_a_file_or_a_folder_but_not_both(populated_cli: Cli, tmp_path: Path) -> None:
    assert populated_cli("backup").code == 2
    assert populated_cli("backup", tmp_path / "b", "--to-folder", tmp_path / "d").code == 2
    assert not (tmp_path / "b").exists() and not (tmp_path / "d").exists()
