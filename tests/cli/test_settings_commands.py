"""The settings kept inside the archive, from the command line (`amanat settings show|set`),
through the use cases Settings… in the window saves with: what one sets, the other reads,
with its audit entry; a value that cannot be read is refused in one sentence that says what
the setting takes, and changes nothing."""

from __future__ import annotations

import pytest

from amanat.app import settings
from amanat.core.dates import Calendar
from amanat.core.records import Visibility
from amanat.core.settings import ArchiveSettings
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.cli import Cli, assert_user_error


def _stored(cli: Cli) -> ArchiveSettings:
    with Archive.open(cli.archive, PASSWORD) as archive:
        return settings.load_settings(archive)


def test_show_lists_every_setting_not_set_at_first(cli: Cli) -> None:
    shown = cli.ok("settings", "show").out.splitlines()
    assert [line.split()[0] for line in shown] == [
        "calendar", "auto-lock", "lock-with-computer", "clipboard", "name", "annotations",
        "recording-limit",
    ]  # fmt: skip
    assert all(line.endswith("not set (the default)") for line in shown)
    assert cli.ok("settings", "show", "--json").json() == {
        "calendar": None, "auto-lock": None, "lock-with-computer": None,
        "clipboard": None, "name": None, "annotations": None, "recording-limit": None,
    }  # fmt: skip


def test_set_stores_what_the_window_reads(cli: Cli) -> None:
    for name, value, said in (
        ("calendar", "Jalali", "jalali"),
        ("auto-lock", "2.5", "2.5"),
        ("lock-with-computer", "no", "no"),
        ("clipboard", "0", "0"),
        ("name", "  Shirin  ", "Shirin"),
        ("annotations", "shareable", "shareable"),
    ):
        assert cli.ok("settings", "set", name, value).out == f"{name} is now {said}.\n"
    # What Settings… in the window loads (gui/main_window.py applies load_settings).
    assert _stored(cli) == ArchiveSettings(
        calendar=Calendar.JALALI,
        auto_lock_minutes=2.5,
        annotator_name="Shirin",
        annotation_visibility=Visibility.SHAREABLE,
        lock_with_computer=False,
        clipboard_seconds=0,
    )
    shown = dict(line.split(maxsplit=1) for line in cli.ok("settings", "show").out.splitlines())
    assert shown["calendar"] == "jalali" and shown["lock-with-computer"] == "no"
    assert shown["name"] == "Shirin"


def test_a_setting_made_in_the_window_is_shown(cli: Cli) -> None:
    with Archive.open(cli.archive, PASSWORD) as archive:
        settings.save_settings(archive, ArchiveSettings(auto_lock_minutes=15.0))
    assert cli.ok("settings", "show", "--json").json()["auto-lock"] == "15"


def test_each_change_is_in_the_audit_log(cli: Cli) -> None:
    cli.ok("settings", "set", "name", "Shirin")
    cli.ok("settings", "set", "calendar", "jalali", "--actor", "Shirin")
    entries = cli.ok("audit", "list", "--json").json()
    changed = [e for e in entries if e["record_type"] == "setting"]
    assert [e["summary"] for e in changed] == [
        "set annotator name to Shirin", "set calendar to jalali",
    ]  # fmt: skip
    assert changed[-1]["actor"] == "Shirin"


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("calendar", "lunar", ["lunar", "gregorian or jalali"]),
        ("auto-lock", "ten", ["ten", "minutes"]),
        ("auto-lock", "nan", ["nan", "minutes"]),
        ("auto-lock", "-1", ["0 and 1440 minutes"]),
        ("clipboard", "1.5", ["1.5", "seconds"]),
        ("clipboard", "999999", ["0 and 3600 seconds"]),
        ("lock-with-computer", "maybe", ["maybe", "yes or no"]),
        ("annotations", "public", ["public", "private or shareable"]),
        ("name", "x" * 201, ["at most 200 characters"]),
    ],
)
def test_a_value_that_cannot_be_read_is_refused_and_changes_nothing(
    cli: Cli, name: str, value: str, words: list[str]
) -> None:
    before = records_digest(cli.archive)
    assert_user_error(cli("settings", "set", name, value), *words)
    assert records_digest(cli.archive) == before
    assert _stored(cli) == ArchiveSettings()


def test_an_unknown_setting_is_a_usage_error(cli: Cli) -> None:
    result = cli("settings", "set", "language", "fa")  # the window's own, not the archive's
    assert result.code == 2
    assert "invalid choice" in result.err
