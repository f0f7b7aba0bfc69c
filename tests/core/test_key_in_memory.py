"""After lock, the data key is nowhere in the process's memory: not raw, not as hex.

A child process creates an archive, locks it, opens it again, reads, and locks it again; then it
waits while this test reads every readable page of its memory through /proc/PID/mem. The key
is taken from keys.json with the password, so the child never has to hand it over (which would
leave a copy of its own). While an archive is open SQLCipher holds the key, as it must; the
promise is about after lock.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amanat.core import keyslots
from tests.helpers.archives import PASSWORD

_CHILD = """
import gc, sys
from pathlib import Path
from amanat.core.keyslots import FLOOR
from amanat.core.vault import Archive
folder = Path(sys.argv[1])
Archive.create(folder, sys.argv[2], kdf=FLOOR).lock()
archive = Archive.open(folder, sys.argv[2])
archive.db.all("SELECT * FROM meta")
if len(sys.argv) > 3:  # the old key file is kept for the test, then a new key is made
    (folder / "keys.old").write_bytes((folder / "keys.json").read_bytes())
    archive.change_password_and_re_encrypt(sys.argv[3], kdf=FLOOR)
archive.lock()
del archive
gc.collect()
print("locked", flush=True)
sys.stdin.readline()
"""

needs_proc = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/PID/mem, which only Linux has"
)


def _readable_memory(pid: int) -> list[bytes]:
    regions = []
    maps = Path(f"/proc/{pid}/maps").read_text()
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for line in maps.splitlines():
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            assert match is not None
            start, end, permissions = int(match[1], 16), int(match[2], 16), match[3]
            if not permissions.startswith("r") or line.endswith(("[vvar]", "[vsyscall]")):
                continue
            try:
                memory.seek(start)
                regions.append(memory.read(end - start))
            except OSError:
                continue  # a guard page or a device mapping: nothing of ours is there
    return regions


def _key_of(folder: Path, key_file_name: str, password: str) -> bytearray:
    reading = folder.parent / f"reading-{key_file_name}"
    reading.mkdir()
    (reading / keyslots.KEY_FILE).write_bytes((folder / key_file_name).read_bytes())
    key_file = keyslots.read(reading)
    return keyslots.unwrap(key_file, keyslots.SlotKind.PASSWORD, password.encode())


def _copies_after_lock(tmp_path: Path, *extra: str) -> tuple[Path, list[bytes]]:
    folder = tmp_path / "family.amanat"
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder), PASSWORD, *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        # Process hardening would make the child undumpable, and so unreadable to anyone
        # but root; this test is about what lock() leaves, so the child stays readable.
        env={**os.environ, "AMANAT_TEST_KEEP_DUMPABLE": "1"},
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        try:
            assert child.stdout.readline() == "locked\n"
            regions = _readable_memory(child.pid)
        finally:
            child.stdin.close()
    assert sum(len(region) for region in regions) > 10_000_000  # we did read the process
    return folder, regions


def _forms_found(key: bytearray, regions: list[bytes]) -> list[str]:
    forms = {
        "raw": bytes(key),
        "hex": key.hex().encode(),
        "upper-case hex": key.hex().upper().encode(),
    }
    return [name for name, form in forms.items() for region in regions if form in region]


@needs_proc
def test_no_copy_of_the_data_key_is_left_in_memory_after_lock(tmp_path: Path):
    folder, regions = _copies_after_lock(tmp_path)
    assert _forms_found(_key_of(folder, "keys.json", PASSWORD), regions) == []


@needs_proc
def test_neither_the_old_nor_the_new_key_is_left_after_re_encryption(tmp_path: Path):
    new_password = "plum river ostrich lantern velvet"
    folder, regions = _copies_after_lock(tmp_path, new_password)
    old, new = _key_of(folder, "keys.old", PASSWORD), _key_of(folder, "keys.json", new_password)
    assert old != new
    assert _forms_found(old, regions) == []
    assert _forms_found(new, regions) == []
