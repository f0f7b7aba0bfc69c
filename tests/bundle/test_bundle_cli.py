"""The bundle commands: identity show, contact add, export, verify-bundle, import-bundle."""

from __future__ import annotations

import re
from pathlib import Path

from amanat.core.scans import previews
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD, records_digest
from tests.helpers.bundles import fill, new_archive
from tests.helpers.cli import Cli, assert_user_error, run_cli


def _cli(folder: Path, password_file: Path) -> Cli:
    return Cli(folder, password_file)


def test_export_verify_and_import_from_the_command_line(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    with Archive.open(archive_folder, PASSWORD) as opened:
        sample = fill(opened)
    new_archive(tmp_path / "advocate.amanat").lock()
    family = _cli(archive_folder, password_file)
    advocate = _cli(tmp_path / "advocate.amanat", password_file)

    theirs = advocate.ok("identity", "show", "--json").json()
    ours = family.ok("identity", "show", "--json").json()
    assert theirs["age_recipient"].startswith("age1") and len(ours["fingerprint"]) == 29
    family.ok("contact", "add", "Advocate", theirs["age_recipient"])
    advocate.ok(
        "contact", "add", "Family lawyer", ours["age_recipient"], "--signing-key",
        ours["signing_key"], "--verified",
    )  # fmt: skip
    listed = advocate.ok("contact", "list", "--json").json()
    assert listed[0]["verified"] and listed[0]["fingerprint"] == ours["fingerprint"]

    bundle = tmp_path / "b.age"
    shown = family.ok(
        "export", "--person", sample.prisoner, "--recipient", theirs["age_recipient"], "-o", bundle
    )
    assert "Held back:" in shown.out and "withdrew consent" in shown.out
    assert re.search(r"Witness [A-Z]{5}", shown.out)

    verified = advocate.ok("verify-bundle", bundle, "--identity")
    assert "Family lawyer (verified contact)" in verified.out
    imported = advocate.ok("import-bundle", bundle, "--json").json()
    assert imported["imported"] and imported["counts"]["documents"] == 3
    with Archive.open(tmp_path / "advocate.amanat", PASSWORD) as opened:
        arrived = opened.db.value("SELECT count(*) FROM pages")
        assert arrived and previews.missing(opened.db) == []  # previews made before it ended
    again = advocate.ok("import-bundle", bundle)
    assert "imported before" in again.out


def test_a_passphrase_bundle_and_hostile_input_from_the_command_line(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    with Archive.open(archive_folder, PASSWORD) as opened:
        sample = fill(opened)
    new_archive(tmp_path / "advocate.amanat").lock()
    family = _cli(archive_folder, password_file)
    advocate = _cli(tmp_path / "advocate.amanat", password_file)
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long shared passphrase\n")
    bundle = tmp_path / "b.age"
    family.ok("export", "--doc", sample.letter, "--passphrase-file", passphrase, "-o", bundle)

    # Unknown signer: verify reports it (exit 1), import refuses unless told to accept.
    verified = advocate("verify-bundle", bundle, "--passphrase-file", passphrase)
    assert verified.code == 1 and "UNKNOWN SIGNER" in verified.out
    fingerprint = re.search(r"--accept-signer '([0-9 ]+)'", verified.err)
    assert fingerprint is not None
    before = records_digest(tmp_path / "advocate.amanat")
    assert_user_error(
        advocate("import-bundle", bundle, "--passphrase-file", passphrase), "none of your contacts"
    )
    flipped = bytearray(bundle.read_bytes())
    flipped[len(flipped) // 2] ^= 0x40
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(bytes(flipped))
    assert_user_error(
        advocate(
            "import-bundle",
            damaged,
            "--passphrase-file",
            passphrase,
            "--accept-signer",
            fingerprint[1],
        ),
        "changed or damaged",
    )
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n")
    assert_user_error(advocate("verify-bundle", bundle, "--passphrase-file", wrong), "passphrase")
    assert records_digest(tmp_path / "advocate.amanat") == before
    assert_user_error(
        advocate(
            "import-bundle", bundle, "--passphrase-file", passphrase, "--accept-signer", "1234"
        ),
        "another key",
    )
    imported = advocate.ok(
        "import-bundle", bundle, "--passphrase-file", passphrase, "--accept-signer", fingerprint[1]
    )
    assert "Imported: " in imported.out


def test_export_makes_a_passphrase_when_none_is_given(
    archive_folder: Path, password_file: Path, tmp_path: Path
):
    with Archive.open(archive_folder, PASSWORD) as opened:
        sample = fill(opened)
    family = _cli(archive_folder, password_file)
    result = family.ok("export", "--doc", sample.letter, "-o", tmp_path / "b.age")
    line = next(x for x in result.out.splitlines() if x.startswith("Passphrase: "))
    assert len(line.removeprefix("Passphrase: ").replace("-", "")) == 32


def test_export_with_nothing_chosen_is_a_clear_error(archive_folder: Path, password_file: Path):
    result = run_cli(
        "export", "-o", "x.age", "--archive", archive_folder, "--password-file", password_file
    )
    assert_user_error(result, "choose a person")
