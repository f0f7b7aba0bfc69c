"""Fuzzing keys.json: mutated bytes, and single fields given another value with the checksum
made to match again (as an adversary editing the file would). The archive opens, or is
refused with one sentence; it is never opened with weaker settings than it was written with,
and archive.db is untouched either way."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from amanat.core import keyslots
from amanat.core.check import check
from amanat.core.errors import AmanatError
from amanat.core.vault import DATABASE_FILE, Archive
from tests.fuzz import harness
from tests.helpers.archives import PASSWORD

CASES = 150
FIELD_CASES = 80
"""Fewer: a field that still parses makes the test derive a key (a fraction of a second)."""


def opener(folder: Path, original: bytes) -> harness.Check:
    database = folder / DATABASE_FILE
    database_digest = hashlib.sha256(database.read_bytes()).hexdigest()

    def one(data: bytes) -> str:
        (folder / keyslots.KEY_FILE).write_bytes(data)
        try:
            with Archive.open(folder, PASSWORD) as opened:
                assert opened.archive_id
            # What opened is never weaker than Amanat writes: every slot at least the floor.
            assert all(s.kdf.at_least_the_floor for s in keyslots.read(folder).slots)
            outcome = "opened"
        except AmanatError as error:
            message = str(error)
            assert "\n" not in message and message.endswith("."), message
            outcome = "refused"
        finally:
            (folder / keyslots.KEY_FILE).write_bytes(original)
        assert hashlib.sha256(database.read_bytes()).hexdigest() == database_digest
        return outcome

    return one


_VALUES = st.one_of(
    st.sampled_from((0, 1, 3, 4, 5, -1, 65535, 65536, 2**31, 2**64, 1.5, True, None, "", [], {})),
    st.text(max_size=12),
    st.binary(max_size=48).map(lambda b: base64.b64encode(b).decode()),
)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _leaves(item, (*path, index))]
    return [path]


@st.composite
def edited(draw: st.DrawFn, original: bytes) -> bytes:
    """keys.json with one field changed and its checksum recomputed."""
    document = json.loads(original)
    document.pop("checksum")
    path = draw(st.sampled_from(_leaves(document)))
    place = document
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = draw(_VALUES)
    document["checksum"] = keyslots._checksum(document)
    return json.dumps(document, indent=2, sort_keys=True).encode()


def test_mutated_key_files_open_or_are_refused(archive_folder: Path):
    original = (archive_folder / keyslots.KEY_FILE).read_bytes()
    cases = harness.examples(CASES)
    one = opener(archive_folder, original)
    outcomes = harness.run("keys-bytes", harness.mutated(original), one, cases)
    assert sum(outcomes.values()) >= cases
    with Archive.open(archive_folder, PASSWORD) as opened:
        assert check(opened.db).healthy


def test_key_files_with_a_field_changed_open_or_are_refused(archive_folder: Path):
    original = (archive_folder / keyslots.KEY_FILE).read_bytes()
    cases = harness.examples(FIELD_CASES)
    one = opener(archive_folder, original)
    outcomes = harness.run("keys-fields", edited(original), one, cases)
    assert sum(outcomes.values()) >= cases
    assert outcomes["refused"] > 0


def test_saved_key_file_cases_still_pass(archive_folder: Path):
    original = (archive_folder / keyslots.KEY_FILE).read_bytes()
    one = opener(archive_folder, original)
    for target in ("keys-bytes", "keys-fields"):
        for path in harness.saved(target):
            one(path.read_bytes())
