"""The reader inside every bundle (index.html), the sender's key as PEM and the README: made
from what leaves and nothing else, listed and signed like every other file, and the
signature checkable with OpenSSL by the exact commands they give."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from amanat.core.bundle import ScryptIdentity, X25519Identity, decrypt, identity
from amanat.core.bundle.export import ExportOptions, ExportScope
from amanat.core.bundle.importer import verify_bundle
from amanat.core.bundle.reader import SIGNATURE_COMMANDS, Language
from amanat.core.errors import BundleDamaged
from amanat.core.vault import Archive
from tests.helpers.archives import PASSWORD
from tests.helpers.bundles import (
    CANARIES,
    SHARED_NOTE,
    Members,
    Sample,
    export_to,
    fill,
    members,
    new_archive,
    repack,
)
from tests.helpers.cli import Cli


@pytest.fixture
def opened(tmp_path: Path, archive: Archive) -> tuple[Sample, dict[str, bytes]]:
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        bundle = export_to(
            archive, advocate, tmp_path / "case.amanatbundle", ExportScope(sample.prisoner)
        )
        key: X25519Identity = identity.ensure(advocate.db).age_identity
        return sample, members(bundle, key)
    finally:
        advocate.lock()


def test_reader_key_and_licence_come_first_listed_and_hashed(
    opened: tuple[Sample, dict[str, bytes]],
) -> None:
    _, files = opened
    names = list(files)
    assert names[:6] == [
        "manifest.json",
        "manifest.sig",
        "README.txt",
        "index.html",
        "sender.pem",
        "OFL.txt",
    ]
    listed = {entry["path"] for entry in json.loads(files["manifest.json"])["files"]}
    assert {"index.html", "sender.pem", "OFL.txt"} <= listed
    assert files["OFL.txt"].startswith(b"Copyright")


def test_reader_shows_what_left_and_nothing_that_stayed_home(
    opened: tuple[Sample, dict[str, bytes]],
) -> None:
    _, files = opened
    page = files["index.html"].decode()
    for canary in CANARIES:
        assert canary not in page, canary
    assert "Letter from Evin" in page
    assert "They keep me alone in a cell." not in page  # the annotated passage is cut up…
    assert "They " in page and "alone in a cell." in page  # …by the mark of the shared note
    assert '<mark data-notes="' in page
    assert SHARED_NOTE in page
    assert "Witness " in page  # the anonymised witness under their pseudonym
    # Every page picture is the sanitised file that travels in the bundle.
    pictures = [name for name in files if name.startswith("files/")]
    assert pictures
    for name in pictures:
        assert f'src="{name}"' in page


def test_reader_loads_nothing_from_elsewhere(opened: tuple[Sample, dict[str, bytes]]) -> None:
    page = opened[1]["index.html"].decode()
    # Every address in it: the pictures beside it, and places on the page itself. (The
    # browser test checks what a browser really asks for.)
    for address in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert re.fullmatch(r"files/[0-9a-f]{64}|#[a-z]+-[0-9a-f-]{36}", address), address
    assert re.findall(r"url\((.{0,20})", page) == ["data:font/ttf;base64"]
    assert "default-src 'none'" in page
    assert "@font-face" in page and "base64," in page


def test_reader_opens_in_persian_when_asked(tmp_path: Path, archive: Archive) -> None:
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        bundle = export_to(
            archive,
            advocate,
            tmp_path / "fa.amanatbundle",
            ExportScope(sample.prisoner),
            ExportOptions(language=Language.PERSIAN),
        )
        page = members(bundle, identity.ensure(advocate.db).age_identity)["index.html"].decode()
    finally:
        advocate.lock()
    assert '<html lang="fa" dir="rtl" data-other="en">' in page
    assert "۱۳۹۸" in page  # the arrest, 3 November 2019, in the Jalali year 1398


def test_readme_gives_the_same_signature_commands(
    opened: tuple[Sample, dict[str, bytes]],
) -> None:
    readme = opened[1]["README.txt"].decode()
    page = opened[1]["index.html"].decode()
    for command in SIGNATURE_COMMANDS:
        assert command in readme
        assert command in page


def _openssl() -> str:
    found = shutil.which("openssl")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("openssl is missing: CI must have it to check the commands we give")
        pytest.skip("openssl is not installed here")
    return found


def _extract(files: dict[str, bytes], folder: Path) -> None:
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _run_commands(folder: Path) -> subprocess.CompletedProcess[str]:
    result = None
    for command in SIGNATURE_COMMANDS:
        result = subprocess.run(
            command.split(), cwd=folder, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            return result
    assert result is not None
    return result


def test_openssl_verifies_the_signature_with_the_commands_given(
    tmp_path: Path, opened: tuple[Sample, dict[str, bytes]]
) -> None:
    _openssl()
    folder = tmp_path / "extracted"
    _extract(opened[1], folder)
    result = _run_commands(folder)
    assert result.returncode == 0, result.stderr
    assert "Signature Verified Successfully" in result.stdout


def test_openssl_refuses_a_changed_manifest(
    tmp_path: Path, opened: tuple[Sample, dict[str, bytes]]
) -> None:
    _openssl()
    folder = tmp_path / "extracted"
    _extract(opened[1], folder)
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"audit": false', b'"audit": true'))
    result = _run_commands(folder)
    assert result.returncode != 0
    assert "Signature Verified Successfully" not in result.stdout


def test_export_command_makes_the_reader_in_the_language_asked(
    archive_folder: Path, password_file: Path, tmp_path: Path
) -> None:
    with Archive.open(archive_folder, PASSWORD) as opened:
        sample = fill(opened)
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long shared passphrase\n")
    cli = Cli(archive_folder, password_file)
    bundle = tmp_path / "b.age"
    cli.ok(
        "export", "--person", sample.prisoner, "--passphrase-file", passphrase,
        "--reader-language", "fa", "-o", bundle,
    )  # fmt: skip
    with open(bundle, "rb") as handle:
        plain = decrypt(handle, [ScryptIdentity("a long shared passphrase")]).read()
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        names = tar.getnames()
        reader = tar.extractfile("index.html")
        assert reader is not None
        page = reader.read().decode()
    assert names[3] == "index.html"
    assert '<html lang="fa" dir="rtl"' in page


@pytest.mark.parametrize("name", ["index.html", "sender.pem", "OFL.txt"])
def test_a_reader_key_or_licence_changed_after_signing_is_refused(
    tmp_path: Path, archive: Archive, name: str
) -> None:
    """They are signed like the records: a reader that shows something else, or a key that
    would let someone else's signature pass OpenSSL, makes the bundle damaged."""
    sample = fill(archive)
    advocate = new_archive(tmp_path / "advocate.amanat")
    try:
        bundle = export_to(archive, advocate, tmp_path / "b.age", ExportScope(sample.prisoner))
        key = identity.ensure(advocate.db).age_identity

        def change(listed: Members) -> Members:
            # One byte changed, the size kept: only its hash can tell.
            return [(n, d[:-1] + b"!" if n == name else d) for n, d in listed]

        tampered = repack(bundle, key, change, tmp_path / "tampered.age")
        with pytest.raises(BundleDamaged) as refused:
            verify_bundle(advocate.db, tampered, [key])  # whoever signed it
        assert "SHA-256" in str(refused.value) and name in str(refused.value)
        assert advocate.db.value("SELECT count(*) FROM documents") == 0
    finally:
        advocate.lock()
