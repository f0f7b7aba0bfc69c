"""Every way the archive's two files can be missing or damaged gets one sentence and exit 1,
and the command leaves both files byte for byte as they were (it must not "repair" anything)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import Cli, assert_user_error

Damage = Callable[[Path, Path], None]


def _truncate(name: str, keep: int) -> Damage:
    def damage(folder: Path, elsewhere: Path) -> None:
        path = folder / name
        path.write_bytes(path.read_bytes()[:keep])

    return damage


def _flip(name: str, offset: int) -> Damage:
    def damage(folder: Path, elsewhere: Path) -> None:
        path = folder / name
        data = bytearray(path.read_bytes())
        data[offset] ^= 0x20
        path.write_bytes(bytes(data))

    return damage


def _remove(name: str) -> Damage:
    def damage(folder: Path, elsewhere: Path) -> None:
        (folder / name).unlink()

    return damage


def _edit_key_file(folder: Path, elsewhere: Path) -> None:
    path = folder / "keys.json"
    document = json.loads(path.read_text())
    document["slots"][0]["kdf"]["memory_kib"] //= 2
    path.write_text(json.dumps(document))


def _other_archives(name: str) -> Damage:
    def damage(folder: Path, elsewhere: Path) -> None:
        other = elsewhere / "other.amanat"
        Archive.create(other, PASSWORD, kdf=FLOOR).lock()
        shutil.copy(other / name, folder / name)

    return damage


CASES: dict[str, tuple[Damage, str]] = {
    "keys.json missing": (_remove("keys.json"), "keys.json is missing"),
    "keys.json truncated": (_truncate("keys.json", 200), "damaged or was edited"),
    "keys.json edited": (_edit_key_file, "damaged or was edited"),
    "keys.json from another archive": (_other_archives("keys.json"), "different archive"),
    "archive.db missing": (_remove("archive.db"), "archive.db is missing"),
    "archive.db truncated to nothing": (_truncate("archive.db", 0), "damaged"),
    "archive.db cut inside the first page": (_truncate("archive.db", 3000), "damaged"),
    "archive.db with a byte flipped in the first page": (_flip("archive.db", 100), "damaged"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_damaged_archive_gets_one_sentence_and_is_left_exactly_as_it_was(
    case: str, populated_cli: Cli, tmp_path: Path
) -> None:
    damage, words = CASES[case]
    damage(populated_cli.archive, tmp_path)
    before = {str(p): p.read_bytes() for p in populated_cli.archive.rglob("*") if p.is_file()}
    result = populated_cli("doc", "list")
    assert_user_error(result, words)
    after = {str(p): p.read_bytes() for p in populated_cli.archive.rglob("*") if p.is_file()}
    assert after == before


def test_byte_flipped_in_a_later_page_is_reported_by_check(populated_cli: Cli) -> None:
    path = populated_cli.archive / "archive.db"
    data = bytearray(path.read_bytes())
    data[len(data) // 4096 // 2 * 4096 + 777] ^= 0x01
    path.write_bytes(bytes(data))
    result = populated_cli("check")
    assert result.code == 1
    assert "HMAC" in result.out
    assert result.err.startswith("amanat: the archive has")
