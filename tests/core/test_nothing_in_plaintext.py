"""Nothing sensitive reaches the disk in plaintext: a distinctive string put into every kind of
record, and into an image, must not be found in any file the program could have written."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo

from tests.helpers import recordings
from tests.helpers.archives import PASSWORD

CANARY = "QuokkaCanary7731"
CANARY_FA = "قناریکوکا"
REPO = Path(__file__).resolve().parents[2]


def canary_png() -> bytes:
    info = PngInfo()
    info.add_text("Comment", f"{CANARY} {CANARY_FA}")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def encodings_of(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def files_holding(folder: Path, needles: list[bytes]) -> list[str]:
    holders = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                holders.append(str(path))
    return holders


def test_canary_strings_are_nowhere_in_plaintext(tmp_path: Path):
    home, temp, inputs = tmp_path / "home", tmp_path / "tmp", tmp_path / "inputs"
    for folder in (home, temp, inputs):
        folder.mkdir()
    archive = home / "Documents" / "family.amanat"
    archive.parent.mkdir()
    (inputs / "password.txt").write_text(PASSWORD + "\n")
    (inputs / "letter.txt").write_text(f"{CANARY} {CANARY_FA} نامه", encoding="utf-8")
    (inputs / "scan.png").write_bytes(canary_png())
    # A voice note whose tags hold the canary, probed and stripped in the decoding workers.
    call = recordings.recording("ogg", 1.0, tags={"title": CANARY, "artist": CANARY_FA})
    (inputs / "call.ogg").write_bytes(call)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "TMPDIR": str(temp),
        "PYTHONPATH": str(REPO / "desktop"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "AMANAT_ARCHIVE": str(archive),
        "AMANAT_PASSWORD_FILE": str(inputs / "password.txt"),
        "LANG": "C.UTF-8",
    }

    def amanat(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "amanat.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    amanat("init", str(archive), "--password-file", str(inputs / "password.txt"))
    person = amanat("person", "add", "--name", f"{CANARY} {CANARY_FA}", "--name-fa", CANARY_FA)
    amanat("tag", "add", f"{CANARY}-tag")
    amanat(
        "doc",
        "add",
        "--kind",
        "letter",
        "--title",
        f"{CANARY} title {CANARY_FA}",
        "--person",
        person,
        "--text-file",
        str(inputs / "letter.txt"),
        "--language",
        "fa",
        "--page",
        str(inputs / "scan.png"),
        "--tag",
        f"{CANARY}-tag",
        "--date",
        "1401-07-07",
    )
    amanat(
        "event", "add", "--person", person, "--type", "arrest", "--date", "2020", "--place", CANARY
    )
    assert CANARY in amanat("search", CANARY)
    imported = amanat("import", str(inputs / "call.ogg"), "--json")
    [call_page] = re.findall(r'"page_ids": \[\s*"([0-9a-f-]+)"', imported)
    amanat("page", "export", call_page, str(inputs / "stripped.ogg"))
    assert CANARY.encode() not in (inputs / "stripped.ogg").read_bytes()  # its tags are gone
    amanat("backup", str(home / "Documents" / "family-backup.tar"))
    amanat("check", "--full")

    # The scan is sealed in a segment: neither its bytes, nor its SHA-256 (as hex or raw),
    # which would let a seized disk be checked against a known photo, appear anywhere.
    scan = (inputs / "scan.png").read_bytes()
    digest = hashlib.sha256(scan)
    needles = encodings_of(CANARY) + encodings_of(CANARY_FA)
    needles += [
        scan[:4096],
        digest.digest(),
        digest.hexdigest().encode(),
        digest.hexdigest()[:12].encode(),
    ]
    call_digest = hashlib.sha256(call)
    needles += [call[:4096], call[-4096:], call_digest.digest(), call_digest.hexdigest().encode()]
    # Make sure the scan could see the canary at all: the inputs hold it in plaintext.
    assert files_holding(inputs, needles)
    searched = [
        archive,
        temp,
        home / "Documents",
        home / ".config",
        home / ".cache",
        home / ".local" / "share",
    ]
    for folder in searched:
        assert files_holding(folder, needles) == [], folder
    assert not (archive / "archive.db").read_bytes().startswith(b"SQLite format 3")
    assert sorted(p.name for p in archive.iterdir()) == ["archive.db", "keys.json", "segments"]
    # One segment, named at random: its name says nothing of what it holds.
    [segment] = (archive / "segments").iterdir()
    assert re.fullmatch("[0-9a-f]{32}", segment.name)
    # Nothing else appeared in the home folder beyond the archive and its backup.
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == [
        "Documents",
        "Documents/family-backup.tar",
        "Documents/family.amanat",
        "Documents/family.amanat/archive.db",
        "Documents/family.amanat/keys.json",
        "Documents/family.amanat/segments",
        f"Documents/family.amanat/segments/{segment.name}",
    ]
    assert list(temp.iterdir()) == []
