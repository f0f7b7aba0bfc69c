"""``amanat check`` and ``amanat audit verify`` on archives that were damaged or tampered
with: exit status 1 with one line on stderr, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from amanat.core.vault import DATABASE_FILE, Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import Cli, assert_user_error


def damage_page_of(folder: Path, table: str) -> None:
    """Flip one byte in the middle of the first database page of ``table``, as a failing
    disk would; SQLCipher's page authentication then rejects that page."""
    with Archive.open(folder, PASSWORD) as archive:
        root = int(archive.db.value("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)))
        page_size = int(archive.db.value("PRAGMA page_size"))
    database = folder / DATABASE_FILE
    data = bytearray(database.read_bytes())
    data[(root - 1) * page_size + page_size // 2] ^= 0x01
    database.write_bytes(bytes(data))


def test_check_of_a_damaged_page_exits_1_listing_the_problems(populated_cli: Cli) -> None:
    damage_page_of(populated_cli.archive, "people")
    result = populated_cli("check")
    assert_user_error(result, "problem", "backup")
    assert result.out.startswith("Problem: ")
    assert "HMAC" in result.out or "page" in result.out


def test_audit_verify_of_a_damaged_audit_log_exits_1(populated_cli: Cli) -> None:
    damage_page_of(populated_cli.archive, "audit_log")
    assert_user_error(populated_cli("audit", "verify"), "damaged")


def test_audit_verify_names_an_entry_changed_afterwards(populated_cli: Cli) -> None:
    with Archive.open(populated_cli.archive, PASSWORD) as archive:
        archive.db.execute("UPDATE audit_log SET summary = 'added nobody' WHERE seq = 2")
    assert_user_error(populated_cli("audit", "verify"), "entry 2")
    checked = populated_cli("check")
    assert_user_error(checked, "1 problem")
    assert "audit log entry 2" in checked.out


@pytest.mark.parametrize("command", [["check"], ["search", "letter"]], ids=["check", "search"])
def test_damaged_search_index_exits_1(populated_cli: Cli, command: list[str]) -> None:
    damage_page_of(populated_cli.archive, "search_index_config")
    assert_user_error(populated_cli(*command))


def test_check_names_the_letter_whose_stored_page_was_damaged(populated_cli: Cli) -> None:
    [segment] = (populated_cli.archive / "segments").iterdir()
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0x01
    segment.write_bytes(bytes(data))
    assert populated_cli("check").code == 0  # the quick check reads no stored page
    result = populated_cli("check", "--full")
    assert_user_error(result, "problem")
    assert "has damaged or missing page files" in result.out
    report = populated_cli("check", "--full", "--json")
    assert report.code == 1
    damaged = json.loads(report.out)["damaged"]
    assert len(damaged) == 1 and damaged[0]["pages"] == [1]


def test_check_of_a_segment_cut_short_exits_1_naming_the_document(populated_cli: Cli) -> None:
    [segment] = (populated_cli.archive / "segments").iterdir()
    os.truncate(segment, segment.stat().st_size // 3)
    result = populated_cli("check")
    assert_user_error(result, "problem")
    assert "shorter than recorded" in result.out
    assert "has damaged or missing page files" in result.out
