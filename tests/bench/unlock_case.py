"""Case (a), unlock: from typing the password to the first screenful of the document list,
in an archive of 10,000 letters about 200 people.

Unlocking is key derivation (Argon2id, deliberately about a second) followed by everything
the archive adds on top of a plain database: reading keys.json, opening the SQLCipher
connection, its pragmas, the migrations check, and the first queries through decryption.
The baseline opens the same rows in a plain SQLite file and runs the same first screen.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from amanat.core import keyslots
from amanat.core.database import Database
from amanat.core.storage import documents, people, tags
from amanat.core.vault import Archive
from tests.bench import corpus, engines
from tests.bench.loading import Plan, Target, add_people_and_tags, load
from tests.bench.measure import clocked, median, mib, ms, progress, ratio, secs, timed
from tests.bench.report import Section

NAME = "unlock"
PASSWORD = "a long benchmark passphrase ۱۴۰۲"
SEED = 20240501
FIRST_SCREEN = 50


@dataclass(frozen=True, slots=True)
class Sizes:
    documents: int
    people: int
    words: tuple[int, int]
    repetitions: int
    calibrate: bool
    """Quick runs keep the floor parameters: calibrating alone takes several seconds."""


FULL = Sizes(documents=10_000, people=200, words=(20, 60), repetitions=7, calibrate=True)
QUICK = Sizes(documents=300, people=20, words=(20, 60), repetitions=3, calibrate=False)


def first_screen(db: Database) -> int:
    """What a lazily loading document list shows first: how many documents there are, every
    id in date order (for the scroll bar), then the 50 newest in full with the names of
    their people and tags. Returns the number of documents."""
    total = documents.count(db)
    ids = [
        row[0]
        for row in db.all("SELECT id FROM documents WHERE trashed IS NULL ORDER BY date_start DESC")
    ]
    shown = [documents.get(db, document_id) for document_id in ids[:FIRST_SCREEN]]
    person_ids = dict.fromkeys(person for doc in shown for person in doc.people_ids)
    tag_ids = dict.fromkeys(tag for doc in shown for tag in doc.tag_ids)
    names = [people.get(db, person_id).display_name for person_id in person_ids]
    paths = [tags.path_of(db, tag_id) for tag_id in tag_ids]
    if len(shown) != min(FIRST_SCREEN, total) or not names or not paths:
        raise AssertionError("the first screen came out incomplete")
    return total


@dataclass
class Steps:
    """One unlock, in seconds."""

    derivation: float
    open_rest: float
    screen: float

    @property
    def after_derivation(self) -> float:
        return self.open_rest + self.screen

    @property
    def total(self) -> float:
        return self.derivation + self.after_derivation


_STEP_ROWS: tuple[tuple[str, Callable[[Steps], float]], ...] = (
    ("key derivation (Argon2id, inside `Archive.open`)", lambda s: s.derivation),
    (
        "rest of opening: keys.json, connect, pragmas, first read, migrations check",
        lambda s: s.open_rest,
    ),
    ("first screen", lambda s: s.screen),
    ("**everything after key derivation**", lambda s: s.after_derivation),
    ("unlock in all (open + first screen)", lambda s: s.total),
)


def run(workdir: Path, quick: bool) -> Section:
    sizes = QUICK if quick else FULL
    section = Section(f"Unlock: {sizes.documents:,} documents, {sizes.people} people")
    plain = engines.plain_engines()

    if sizes.calibrate:
        progress("calibrating key derivation")
        calibration_seconds, params = timed(keyslots.calibrate)
        chosen = f"chosen by `keyslots.calibrate()` in {secs(calibration_seconds)}"
    else:
        params = keyslots.FLOOR
        chosen = "the floor (`--quick` skips calibration)"

    # --- Build -----------------------------------------------------------------------------
    folder = workdir / "unlock.amanat"
    plain_path = workdir / "unlock-plain.db"
    create_seconds, archive = timed(lambda: Archive.create(folder, PASSWORD, kdf=params))
    targets = [Target("archive", archive.db), Target(plain[0].label, plain[0].open(plain_path))]
    everyone = corpus.people(SEED, sizes.people)
    tree = corpus.tag_tree(SEED + 1)
    add_people_and_tags(targets, everyone, tree)
    letters = corpus.letters(
        SEED + 2,
        sizes.documents,
        [person.id for person in everyone],
        [tag.id for tag in tree],
        texts_per_document=1,
        words=sizes.words,
    )
    # One transaction, as an import of a whole collection would do.
    plan = Plan(
        transaction_documents=sizes.documents,
        sample_documents=min(1_000, sizes.documents),
    )
    progress(f"building {sizes.documents:,} documents, twice")
    loaded = load(targets, letters, sizes.documents, plan)
    archive.lock()
    engines.close(targets[1].db)
    archive_size, plain_size = engines.size_of(folder), engines.size_of(plain_path)

    # --- Measure ---------------------------------------------------------------------------
    progress(f"unlocking {sizes.repetitions + 1} times")
    slot = keyslots.read(folder).slots[0]
    secret = keyslots.password_secret(PASSWORD)
    derivations = [timed(lambda: slot.kdf.derive(secret, slot.salt))[0] for _ in range(5)]

    unlocks: list[Steps] = []
    plain_unlocks: dict[str, list[Steps]] = {engine.label: [] for engine in plain}
    total = 0
    with clocked(keyslots, "unwrap") as unwrap:
        # The first round warms up imports and first-use costs; the rounds alternate between
        # the databases so that drift in the machine's speed affects each alike.
        for round_number in range(sizes.repetitions + 1):
            before = unwrap.seconds
            steps, total = _unlock(lambda: Archive.open(folder, PASSWORD))
            steps.derivation = unwrap.seconds - before
            steps.open_rest -= steps.derivation
            if round_number:
                unlocks.append(steps)
            for engine in plain:
                steps, _ = _unlock(_plain_opener(engine, plain_path))
                if round_number:
                    plain_unlocks[engine.label].append(steps)

    # What the first screen avoids: loading every document in full before showing any.
    progress("listing every document")
    archive = Archive.open(folder, PASSWORD)
    listed = [_list_all(archive.db)]
    archive.lock()
    for engine in plain:
        db = engine.open(plain_path)
        listed.append(_list_all(db))
        db.close()

    # --- Report ----------------------------------------------------------------------------
    section.text(
        f"Each document has a title, a date, one concerned person of {sizes.people}, one tag"
        f" and one text of {sizes.words[0]}–{sizes.words[1]} words (Persian, English or both)."
        f" Medians of {sizes.repetitions} unlocks after one warm-up, alternating between the"
        f" databases. The first screen is `documents.count`, every id ordered by date, then"
        f" `documents.get` for the newest {FIRST_SCREEN} and the names of their people and"
        " tags, the way a lazily loading list would fill its first page."
    )
    section.text(
        f"Argon2id parameters: memory {params.memory_kib // 1024} MiB, {params.iterations}"
        f" iterations, {params.lanes} lanes, {chosen}. `KdfParams.derive` on its own: median"
        f" {secs(median(derivations))} of 5 (min {secs(min(derivations))},"
        f" max {secs(max(derivations))})."
    )
    headers = ["unlock step", "archive"]
    for engine in plain:
        headers += [engine.label, "ratio"]
    rows = []
    for label, pick in _STEP_ROWS:
        measured = median([pick(steps) for steps in unlocks])
        row = [label, ms(measured)]
        for engine in plain:
            base = median([pick(steps) for steps in plain_unlocks[engine.label]])
            if label.startswith("key derivation"):
                row += ["–", "–"]
            else:
                row += [ms(base), ratio(measured, base)]
        rows.append(row)
    row = [f"for comparison: `documents.list_documents()`, all {total:,} in full", ms(listed[0])]
    for base in listed[1:]:
        row += [ms(base), ratio(listed[0], base)]
    rows.append(row)
    section.table(headers, rows)
    section.text(
        'Baselines have no key derivation, so their "unlock in all" is the same as'
        ' "everything after key derivation"; the ratio on that row is the whole wait'
        " compared with opening an unencrypted file. The last row (median of 3, connection"
        " already open) is what a list that loads everything before showing anything would"
        " wait for on top of unlocking."
    )

    archive_target, plain_target = targets
    section.table(
        ["build", "archive", plain_target.label, "ratio"],
        [
            [
                f"{sizes.people} people, {len(tree)} tags, {loaded.documents:,} documents and"
                f" {loaded.texts:,} texts via `amanat.core.storage`, one transaction",
                secs(archive_target.seconds),
                secs(plain_target.seconds),
                ratio(archive_target.seconds, plain_target.seconds),
            ],
            [
                "of which `search.index` (normalise + FTS5 insert)",
                secs(archive_target.index_seconds),
                secs(plain_target.index_seconds),
                ratio(archive_target.index_seconds, plain_target.index_seconds),
            ],
            [
                "size on disk after checkpoint",
                mib(archive_size),
                mib(plain_size),
                ratio(archive_size, plain_size),
            ],
        ],
    )
    notes = [
        f"`Archive.create` (with one key derivation): {secs(create_seconds)}.",
        f"Documents counted by the first screen: {total:,}.",
    ]
    notes.append(loaded.describe(plan))
    section.bullets(notes)
    shutil.rmtree(folder)
    plain_path.unlink()
    return section


def _list_all(db: Database) -> float:
    return median([timed(lambda: documents.list_documents(db))[0] for _ in range(3)])


class _PlainOpen:
    """A plain database standing in for an unlocked Archive: open, ``db``, ``lock``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def lock(self) -> None:
        self.db.close()


def _plain_opener(engine: engines.PlainEngine, path: Path) -> Callable[[], _PlainOpen]:
    return lambda: _PlainOpen(engine.open(path))


def _unlock(opener: Callable[[], Archive | _PlainOpen]) -> tuple[Steps, int]:
    started = time.perf_counter()
    opened = opener()
    is_open = time.perf_counter()
    total = first_screen(opened.db)
    done = time.perf_counter()
    opened.lock()
    return Steps(derivation=0.0, open_rest=is_open - started, screen=done - is_open), total
