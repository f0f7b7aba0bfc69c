"""A keys.json written by an attacker (with its checksum fixed up, which anyone can do) can
neither hang the open, nor exhaust memory, nor crash it with a raw error: every such file is
"keys.json is damaged", and the archive stays as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from amanat.core import keyslots
from amanat.core.errors import KeysDamaged
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest


def _rewrite(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / "keys.json"
    document = json.loads(path.read_text())
    del document["checksum"]
    change(document)
    document["checksum"] = keyslots._checksum(document)
    path.write_text(json.dumps(document))


def _kdf(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["slots"][0]["kdf"][field] = value

    return change


def _slot(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["slots"][0][field] = value

    return change


def _top(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document[field] = value

    return change


HOSTILE = {
    "2^31 passes (would hang)": _kdf("iterations", 2**31),
    "65 passes": _kdf("iterations", 65),
    "2^31 KiB of memory": _kdf("memory_kib", 2**31),
    "just over 4 GiB": _kdf("memory_kib", 4 * 1024 * 1024 + 1),
    "17 lanes": _kdf("lanes", 17),
    "2^24 lanes": _kdf("lanes", 2**24),
    "passes as text": _kdf("iterations", "3"),
    "passes as a fraction": _kdf("iterations", 3.5),
    "lanes as true": _kdf("lanes", True),
    "empty salt": _slot("salt", ""),
    "short salt": _slot("salt", "AAAA"),
    "long salt": _slot("salt", "A" * 64),
    "salt as a number": _slot("salt", 7),
    "short nonce": _slot("nonce", "AAAA"),
    "truncated wrapped key": _slot("wrapped_key", "AAAA"),
    "a slot that is a list": lambda d: d["slots"].__setitem__(0, [1, 2]),
    "slots that are a dict": _top("slots", {"a": 1}),
    "a thousand slots": lambda d: d.__setitem__("slots", d["slots"] * 1000),
    "database salt not hex": _top("database_salt", "zz" * 16),
    "database salt too short": _top("database_salt", "00"),
    "archive id as a list": _top("archive_id", ["x"]),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_key_file_is_called_damaged_and_the_archive_is_untouched(
    archive_folder: Path, change: Callable[[dict[str, Any]], None]
):
    before = records_digest(archive_folder)
    good = (archive_folder / "keys.json").read_bytes()
    _rewrite(archive_folder, change)
    with pytest.raises(KeysDamaged, match=r"keys\.json in .* is damaged"):
        Archive.open(archive_folder, PASSWORD)
    (archive_folder / "keys.json").write_bytes(good)
    assert records_digest(archive_folder) == before


@pytest.mark.parametrize(
    "content",
    [b"[" * 200_000, b'{"a":' * 100_000, b"{" + b" " * 100_000 + b"}", b"\xff\xfe", b"[]", b"7"],
    ids=[
        "200,000 brackets",
        "100,000 nested objects",
        "over the size cap",
        "not text",
        "a list",
        "a number",
    ],
)
def test_key_file_that_is_not_a_key_file_is_called_damaged(archive_folder: Path, content: bytes):
    (archive_folder / "keys.json").write_bytes(content)
    with pytest.raises(KeysDamaged, match=r"keys\.json in .* is damaged"):
        Archive.open(archive_folder, PASSWORD)
