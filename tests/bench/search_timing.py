"""The search queries, how they are timed, and the timings that need a process of their own.

SQLCipher's memory security (``PRAGMA cipher_memory_security = ON``) wipes every block SQLite
frees and locks SQLite's memory, and once switched on it stays on for the whole process,
unencrypted connections included. The archive leaves it off (docs/search.md); to show what it
would cost, the search case also runs
``python -m tests.bench.search_timing FOLDER PLAIN_FILE REPETITIONS on|off`` in a fresh process
with the other setting, and reads the timings back as JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from amanat.core import keyslots, search, vault
from amanat.core.database import Database
from amanat.core.keyslots import SlotKind
from amanat.core.normalise import fts_query
from tests.bench import corpus, engines

PASSWORD = "a long benchmark passphrase ۱۴۰۲"
ZWNJ = corpus.ZWNJ

QUERIES = (
    # Single Persian words, from very common to uncommon.
    "زندان",
    "نامه",
    "مادر",
    "بازجویی",
    "انفرادی",
    # As users type them: Arabic yeh and kaf, with and without ZWNJ, Persian digits.
    "زنداني",
    "پزشكي",
    f"می{ZWNJ}خواهم",
    "میخواهم",
    "۲۰۹",
    # Places in both scripts.
    "اوین",
    "قرچک",
    "Evin",
    "Qarchak",
    # English words.
    "prison",
    "lawyer",
    "interrogation",
    # Two words, and one quoted phrase.
    "hunger strike",
    "اعتصاب غذا",
    "Evin prison",
    "بند ۲۰۹",
    "solitary confinement",
    '"hunger strike"',
    # Beginnings of words (every term is a prefix match).
    "interrog",
    "بازجو",
    "hospit",
    # A name in a dozen texts, in both scripts.
    corpus.RARE_NAME[0],
    corpus.RARE_NAME[1],
    # The most common word of each language.
    "the",
    "و",
)

# The spellings writers vary, typed the other way from how the corpus has them (issue 17): a
# space where the texts have ZWNJ, a digit glued to its word, a hamza seat, the ezafe, emphasis,
# presentation forms, an Urdu heh. Before the folds most of these found nothing.
VARIANT_QUERIES = (
    "می خواهم",
    "نامه ها",
    "نمی دانم",
    "بچه ها",
    "خانواده ام",
    "بند۲۰۹",
    "رجائی",
    "نامهٔ",
    "زندااان",
    "ﺯﻧﺪﺍﻥ",
    "نامہ",
)
ALL_QUERIES = QUERIES + VARIANT_QUERIES

# The query shape search.search used for every unfiltered search before common words were
# capped (search.COMMON): rank every match with bm25, then join only the rows returned. Timed on
# its own, without snippets, to show what ranking all of a common word's matches costs. (The
# product makes snippets from the records as written, not with FTS5's snippet(); this SQL asks
# for none, so that it times the ranking and nothing else.)
RANK_FIRST_SQL = """
WITH best AS (
    SELECT record_type, record_id, document_id, person_id, title,
           '' AS snippet,
           bm25(search_index, 5.0, 1.0) AS score
    FROM search_index WHERE search_index MATCH :query ORDER BY score LIMIT :limit
)
SELECT b.record_type, b.record_id, b.document_id, coalesce(b.person_id, e.person_id),
       CASE WHEN b.record_type IN ('text', 'annotation') THEN d.title ELSE b.title END,
       b.snippet, b.score
FROM best b
LEFT JOIN documents d ON d.id = b.document_id
LEFT JOIN events e ON b.record_type = 'event' AND e.id = b.record_id
ORDER BY b.score
"""


@dataclass
class Subject:
    """One way of answering the queries, and its timings."""

    label: str
    answer: Callable[[str], list[str]]
    """Runs a query; returns the ids of the records found, best first."""
    runs: dict[str, list[float]] = field(default_factory=dict)
    top: dict[str, list[str]] = field(default_factory=dict)

    def all_runs(self) -> list[float]:
        return [seconds for runs in self.runs.values() for seconds in runs]


def product_search(db: Database) -> Callable[[str], list[str]]:
    return lambda query: [hit.record_id for hit in search.search(db, query)]


def rank_first_search(db: Database) -> Callable[[str], list[str]]:
    def answer(query: str) -> list[str]:
        expression = fts_query(query)
        if expression is None:
            return []
        rows = db.all(RANK_FIRST_SQL, {"query": expression, "limit": 50})
        return [row[1] for row in rows]

    return answer


def measure(subjects: Sequence[Subject], queries: Sequence[str], repetitions: int) -> None:
    for subject in subjects:
        for query in queries:  # warm-up: first-use costs and the page cache
            subject.answer(query)
        subject.runs = {query: [] for query in queries}
    # Rounds over all queries, each query going to every subject in turn, so that drift in the
    # machine's speed (other processes, CPU clock) affects every subject alike.
    for _ in range(repetitions):
        for query in queries:
            for subject in subjects:
                started = time.perf_counter()
                found = subject.answer(query)
                subject.runs[query].append(time.perf_counter() - started)
                subject.top[query] = found


# --- The process without memory security ----------------------------------------------------


def isolated_labels(memory_security_on: bool) -> tuple[str, str]:
    """The labels of the plain file's and the archive's timings in the child process."""
    setting = "on" if memory_security_on else "off"
    return (
        f"{engines.CIPHER_PLAIN_NAME}, memory security {setting}",
        f"archive, memory security {setting}",
    )


def open_with_memory_security(folder: Path, on: bool) -> Database:
    """The archive opened like vault does it, with ``cipher_memory_security`` as asked."""
    key_file = keyslots.read(folder)
    data_key = keyslots.unwrap(key_file, SlotKind.PASSWORD, keyslots.password_secret(PASSWORD))
    connection = sqlcipher3.connect(str(folder / vault.DATABASE_FILE), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    connection.execute(f"PRAGMA cipher_memory_security = {'ON' if on else 'OFF'}")
    for pragma in vault._PRAGMAS:
        if "cipher_memory_security" not in pragma:
            connection.execute(pragma)
    return Database(connection, str(folder))


def memory_security(db: Database) -> bool:
    return str(db.value("PRAGMA cipher_memory_security")) == "1"


def run_isolated(
    folder: Path, plain_file: Path, repetitions: int, memory_security_on: bool
) -> dict[str, Subject]:
    """Time the queries in a child process with memory security as asked; returns its
    subjects by label."""
    command = [
        sys.executable,
        "-m",
        "tests.bench.search_timing",
        str(folder),
        str(plain_file),
        str(repetitions),
        "on" if memory_security_on else "off",
    ]
    repository = Path(__file__).resolve().parents[2]
    finished = subprocess.run(command, cwd=repository, check=True, capture_output=True, text=True)
    results: dict[str, Any] = json.loads(finished.stdout)
    subjects = {}
    for label, data in results.items():
        subject = Subject(label, lambda query: [])
        subject.runs, subject.top = data["runs"], data["top"]
        subjects[label] = subject
    return subjects


def _isolated_main(arguments: Sequence[str]) -> int:
    folder, plain_file, repetitions = Path(arguments[0]), Path(arguments[1]), int(arguments[2])
    on = arguments[3] == "on"
    archive = open_with_memory_security(folder, on)  # first: it decides for the process
    plain = engines.CIPHER_PLAIN.open(plain_file)
    if memory_security(plain) != on or memory_security(archive) != on:
        raise SystemExit(f"memory security is not {arguments[3]} in the child process")
    plain_label, archive_label = isolated_labels(on)
    subjects = [
        Subject(plain_label, product_search(plain)),
        Subject(archive_label, product_search(archive)),
    ]
    measure(subjects, ALL_QUERIES, repetitions)
    json.dump(
        {subject.label: {"runs": subject.runs, "top": subject.top} for subject in subjects},
        sys.stdout,
    )
    plain.close()
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(_isolated_main(sys.argv[1:]))
