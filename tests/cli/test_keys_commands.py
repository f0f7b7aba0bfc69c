"""Passwords and recovery codes from the command line: passwd, recovery-code, init, and how
password files are read."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from amanat.core import keyslots
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.cli import Cli, WriteFile, assert_user_error, run_cli

NEW_PASSWORD = "a new and longer passphrase"
CODE_PATTERN = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}\b")

pytestmark = pytest.mark.usefixtures("fast_kdf")


def recovery_code(cli: Cli) -> str:
    result = cli.ok("recovery-code")
    [code] = CODE_PATTERN.findall(result.out)
    return code


def with_typo(code: str) -> str:
    """The code with one character changed to another of the recovery alphabet."""
    replacement = "7" if code[5] != "7" else "8"
    return code[:5] + replacement + code[6:]


# --- passwd ------------------------------------------------------------------------------


def test_passwd_replaces_the_password(cli: Cli, write_file: WriteFile) -> None:
    person = cli.add_person("Narges")
    new_file = write_file("new.txt", NEW_PASSWORD + "\n")

    changed = cli.ok("passwd", "--new-password-file", new_file)
    assert "changed" in changed.out

    old = cli("person", "list")
    assert_user_error(old, "password")
    assert old.out == ""
    with_new = Cli(cli.archive, new_file).ok("person", "list", "--json").json()
    assert [p["id"] for p in with_new] == [person]


def test_passwd_says_what_a_plain_change_and_a_re_encryption_each_protect_against(
    cli: Cli, write_file: WriteFile, tmp_path: Path
) -> None:
    person = cli.add_person("Narges")
    code = recovery_code(cli)
    old_keys = (cli.archive / "keys.json").read_bytes()
    new_file = write_file("new.txt", NEW_PASSWORD + "\n")
    plain = cli.ok("passwd", "--new-password-file", new_file)
    assert "earlier backup) still opens it with the old password" in plain.out
    assert "--re-encrypt" in plain.out

    newer_file = write_file("newer.txt", "plum river ostrich lantern velvet\n")
    re_encrypted = Cli(cli.archive, new_file).ok(
        "passwd", "--new-password-file", newer_file, "--re-encrypt"
    )
    assert "neither the old password nor any earlier keys.json opens it" in re_encrypted.out
    assert "The old recovery code no longer works" in re_encrypted.out
    new_code = re.search(r"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})", re_encrypted.out)
    assert new_code is not None and new_code[1] != code
    assert [
        p["id"] for p in Cli(cli.archive, newer_file).ok("person", "list", "--json").json()
    ] == [person]
    (cli.archive / "keys.json").write_bytes(old_keys)  # an earlier backup's copy
    assert_user_error(cli("person", "list"), "damaged")


def test_passwd_refuses_a_password_shorter_than_8_and_keeps_the_old_one(
    cli: Cli, write_file: WriteFile
) -> None:
    short = write_file("short.txt", "1234567\n")
    assert_user_error(cli("passwd", "--new-password-file", short), "too short", "8")
    cli.ok("person", "list")
    assert_user_error(Cli(cli.archive, short)("person", "list"), "password")


def test_passwd_without_a_new_password_file_or_terminal_is_usage_error(cli: Cli) -> None:
    result = cli("passwd")
    assert result.code == 2
    assert "--new-password-file" in result.err
    cli.ok("person", "list")


def test_passwd_audit_log_records_the_change(cli: Cli, write_file: WriteFile) -> None:
    cli.ok("passwd", "--new-password-file", write_file("new.txt", NEW_PASSWORD))
    entries = Cli(cli.archive, write_file("new.txt", NEW_PASSWORD)).ok("audit", "list", "--json")
    assert [e["action"] for e in entries.json()] == ["password-changed"]


# --- Recovery codes ----------------------------------------------------------------------


def test_recovery_code_opens_the_archive(cli: Cli, write_file: WriteFile) -> None:
    person = cli.add_person("Narges")
    code = recovery_code(cli)
    code_file = write_file("code.txt", code + "\n")

    result = run_cli(
        "person", "list", "--json", "--archive", cli.archive, "--recovery-code-file", code_file
    )
    assert result.code == 0, result.err
    assert [p["id"] for p in result.json()] == [person]


def test_recovery_code_with_a_typo_exits_1_saying_so(cli: Cli, write_file: WriteFile) -> None:
    code = recovery_code(cli)
    code_file = write_file("code.txt", with_typo(code))
    result = run_cli("person", "list", "--archive", cli.archive, "--recovery-code-file", code_file)
    assert_user_error(result, "typing mistake")


def test_recovery_code_of_another_archive_exits_1(cli: Cli, write_file: WriteFile) -> None:
    recovery_code(cli)
    other = write_file("other.txt", keyslots.new_recovery_code())
    result = run_cli("person", "list", "--archive", cli.archive, "--recovery-code-file", other)
    assert_user_error(result, "does not open")


def test_recovery_code_file_on_an_archive_without_one_exits_1(
    cli: Cli, write_file: WriteFile
) -> None:
    code_file = write_file("code.txt", keyslots.new_recovery_code())
    result = run_cli("person", "list", "--archive", cli.archive, "--recovery-code-file", code_file)
    assert_user_error(result, "no recovery code")


def test_a_new_recovery_code_replaces_the_earlier_one(cli: Cli, write_file: WriteFile) -> None:
    first = recovery_code(cli)
    second_run = cli.ok("recovery-code")
    assert "earlier recovery code no longer works" in second_run.out
    [second] = CODE_PATTERN.findall(second_run.out)
    assert second != first

    def open_with(code: str) -> int:
        code_file = write_file("code.txt", code)
        return run_cli(
            "person", "list", "--archive", cli.archive, "--recovery-code-file", code_file
        ).code

    assert open_with(first) == 1
    assert open_with(second) == 0


# --- init --------------------------------------------------------------------------------


def test_init_refuses_a_short_password_and_creates_nothing(
    tmp_path: Path, write_file: WriteFile
) -> None:
    folder = tmp_path / "new.amanat"
    result = run_cli("init", folder, "--password-file", write_file("short.txt", "short"))
    assert_user_error(result, "too short")
    assert not folder.exists()


@pytest.mark.parametrize("password", ["12345678", "qwertyuiop", "ضصثقفغعهخحجچ"])
def test_init_and_passwd_refuse_a_guessable_password(
    tmp_path: Path, write_file: WriteFile, cli: Cli, password: str
) -> None:
    folder = tmp_path / "new.amanat"
    weak = write_file("weak.txt", password)
    result = run_cli("init", folder, "--password-file", weak)
    assert_user_error(result, "too easy to guess", "passphrase of five or more unrelated words")
    assert not folder.exists()
    keys_before = (cli.archive / "keys.json").read_bytes()
    assert_user_error(cli("passwd", "--new-password-file", weak), "too easy to guess")
    assert (cli.archive / "keys.json").read_bytes() == keys_before


def test_init_under_a_regular_file_exits_1(tmp_path: Path, password_file: Path) -> None:
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("I am a file")
    folder = not_a_folder / "x.amanat"
    result = run_cli("init", folder, "--password-file", password_file)
    assert_user_error(result, "Cannot create the archive", str(folder))
    assert not_a_folder.read_text() == "I am a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_init_in_a_read_only_folder_exits_1(tmp_path: Path, password_file: Path) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        folder = parent / "x.amanat"
        result = run_cli("init", folder, "--password-file", password_file)
        assert_user_error(result, "Cannot create the archive", "permission")
        assert not folder.exists()
    finally:
        parent.chmod(0o700)


def test_init_then_open_in_process(tmp_path: Path, password_file: Path) -> None:
    folder = tmp_path / "new.amanat"
    created = run_cli("init", folder, "--password-file", password_file)
    assert created.code == 0, created.err
    assert str(folder) in created.out
    assert "recovery-code" in created.out
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db", "keys.json", "segments"]
    Archive.open(folder, PASSWORD).lock()


def test_init_reads_the_password_file_from_the_environment(
    tmp_path: Path, password_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMANAT_PASSWORD_FILE", str(password_file))
    folder = tmp_path / "new.amanat"
    result = run_cli("init", folder)
    assert result.code == 0, result.err
    Archive.open(folder, PASSWORD).lock()


def test_init_accepts_the_password_file_before_the_command(
    tmp_path: Path, password_file: Path
) -> None:
    folder = tmp_path / "new.amanat"
    result = run_cli("--password-file", password_file, "init", folder)
    assert result.code == 0, result.err
    Archive.open(folder, PASSWORD).lock()


# --- Password files ----------------------------------------------------------------------


def test_password_file_uses_only_the_first_line(cli: Cli, write_file: WriteFile) -> None:
    two_lines = write_file("two-lines.txt", PASSWORD + "\r\nsomething else\n")
    Cli(cli.archive, two_lines).ok("person", "list")


def test_missing_password_file_exits_1_naming_it(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.txt"
    assert_user_error(Cli(cli.archive, missing)("person", "list"), str(missing))


def test_password_file_that_is_not_utf8_exits_1(cli: Cli, write_file: WriteFile) -> None:
    # What PowerShell 5's `echo password > file` writes: UTF-16 with a byte-order mark.
    utf16 = write_file("utf16.txt", (PASSWORD + "\r\n").encode("utf-16"))
    assert_user_error(Cli(cli.archive, utf16)("person", "list"), str(utf16))


def test_password_file_with_a_utf8_byte_order_mark_opens(cli: Cli, write_file: WriteFile) -> None:
    with_bom = write_file("bom.txt", ("\ufeff" + PASSWORD + "\r\n").encode("utf-8"))
    Cli(cli.archive, with_bom).ok("person", "list")


def test_removed_recovery_code_no_longer_opens_the_archive(cli: Cli, write_file: WriteFile) -> None:
    code_file = write_file("code.txt", recovery_code(cli) + "\n")
    assert "was removed" in cli.ok("recovery-code", "--remove").out
    result = run_cli("person", "list", "--archive", cli.archive, "--recovery-code-file", code_file)
    assert_user_error(result, "no recovery code")
    assert "nothing was changed" in cli.ok("recovery-code", "--remove").out
