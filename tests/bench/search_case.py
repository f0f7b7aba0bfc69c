"""Case (b), search: 100,000 texts of a few hundred words, Persian, English and mixed, with
the spelling variants the normaliser must bring together, searched with `amanat.core.search`.

The baseline holds the same rows under the same schema in a plain SQLite file and answers the
same queries with the same function, hence the same SQL: FTS5 MATCH on `fts_query(q)`, bm25
ordering (or, past search.COMMON matches, the newest first), LIMIT 50, snippets made from the
records as written.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from amanat.core import keyslots, search
from amanat.core.normalise import fts_query
from amanat.core.vault import Archive
from tests.bench import corpus, engines
from tests.bench.loading import Plan, Target, add_people_and_tags, load
from tests.bench.measure import mib, ms, percentile, progress, ratio, secs
from tests.bench.report import Section
from tests.bench.search_timing import (
    ALL_QUERIES,
    PASSWORD,
    QUERIES,
    VARIANT_QUERIES,
    Subject,
    isolated_labels,
    measure,
    memory_security,
    product_search,
    rank_first_search,
    run_isolated,
)

NAME = "search"
SEED = 20240502


@dataclass(frozen=True, slots=True)
class Sizes:
    documents: int
    texts_per_document: int
    words: tuple[int, int]
    people: int
    repetitions: int
    diagnostic_repetitions: int
    """For the breakdown of where the time goes, which needs less precision."""
    plan: Plan

    @property
    def texts(self) -> int:
        return self.documents * self.texts_per_document


FULL = Sizes(
    documents=50_000,
    texts_per_document=2,
    words=(150, 300),
    people=200,
    repetitions=5,
    diagnostic_repetitions=2,
    plan=Plan(transaction_documents=1_000, sample_documents=2_500),
)
QUICK = Sizes(
    documents=150,
    texts_per_document=2,
    words=(150, 300),
    people=20,
    repetitions=1,
    diagnostic_repetitions=1,
    plan=Plan(transaction_documents=75, sample_documents=75),
)


def run(workdir: Path, quick: bool) -> Section:
    sizes = QUICK if quick else FULL
    section = Section(
        f"Search: {sizes.texts:,} texts in {sizes.documents:,} documents,"
        f" {len(QUERIES)} queries and {len(VARIANT_QUERIES)} spelling variants"
    )
    plain = engines.plain_engines()

    # --- Build -----------------------------------------------------------------------------
    # Key derivation is case (a)'s subject; here the floor keeps archive creation short.
    folder = workdir / "search.amanat"
    plain_path = workdir / "search-plain.db"
    archive = Archive.create(folder, PASSWORD, kdf=keyslots.FLOOR)
    targets = [Target("archive", archive.db), Target(plain[0].label, plain[0].open(plain_path))]
    everyone = corpus.people(SEED, sizes.people)
    tree = corpus.tag_tree(SEED + 1)
    add_people_and_tags(targets, everyone, tree)
    letters = corpus.letters(
        SEED + 2,
        sizes.documents,
        [person.id for person in everyone],
        [tag.id for tag in tree],
        texts_per_document=sizes.texts_per_document,
        words=sizes.words,
        rare_names=12,
    )
    progress(f"building {sizes.documents:,} documents with {sizes.texts:,} texts, twice")
    loaded = load(targets, letters, sizes.documents, sizes.plan)
    # What migration 5 costs an archive of this size: every entry normalised again from its
    # record (the same rows, so what is measured below is unchanged).
    progress("normalising the archive's index again, as migration 5 does")
    started = time.perf_counter()
    with archive.db.transaction():
        search.rebuild_index(archive.db)
    reindex_seconds = time.perf_counter() - started
    archive.lock()
    engines.close(targets[1].db)
    archive_size, plain_size = engines.size_of(folder), engines.size_of(plain_path)

    # --- Measure ---------------------------------------------------------------------------
    progress(f"timing {len(ALL_QUERIES)} queries")
    opened = Archive.open(folder, PASSWORD)
    plain_dbs = [engine.open(plain_path) for engine in plain]
    memory_security_on = memory_security(opened.db)
    setting = "on" if memory_security_on else "off"
    archive_subject = Subject(f"archive, memory security {setting}", product_search(opened.db))
    baseline = Subject(plain[0].label, product_search(plain_dbs[0]))
    cipher_plain = [
        Subject(engine.label, product_search(db))
        for engine, db in zip(plain[1:], plain_dbs[1:], strict=True)
    ]
    rank_first = Subject(
        f"archive, memory security {setting}, bm25 over every match (no cap), no snippets",
        rank_first_search(opened.db),
    )
    measure([archive_subject, baseline], ALL_QUERIES, sizes.repetitions)
    progress("timing them with one thing changed at a time")
    measure([*cipher_plain, rank_first], ALL_QUERIES, sizes.diagnostic_repetitions)
    matching = {
        query: int(
            plain_dbs[0].value(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (fts_query(query),)
            )
        )
        for query in ALL_QUERIES
    }
    opened.lock()
    for db in plain_dbs:
        db.close()
    other = "off" if memory_security_on else "on"
    progress(f"timing them in a process with memory security {other}")
    isolated = run_isolated(
        folder, plain_path, sizes.diagnostic_repetitions, not memory_security_on
    )
    isolated_plain, isolated_archive = isolated_labels(not memory_security_on)

    # --- Report ----------------------------------------------------------------------------
    section.text(
        f"Texts of {sizes.words[0]}–{sizes.words[1]} words drawn with Zipf-like frequencies from"
        " Persian and English word lists padded with made-up words (45 % Persian, 30 % English,"
        " 25 % Persian with one word in six English), with Arabic yeh and kaf, words with and"
        " without ZWNJ, and Persian digits. The spelling variants are words of the corpus typed"
        " the other way (a space for its ZWNJ, a glued digit, a hamza seat, the ezafe, emphasis,"
        " presentation forms, an Urdu heh). Each query ran once to warm up, then"
        f" {sizes.repetitions} times against each database in turn: `search.search(db, query)`,"
        " default limit 50, on a connection kept"
        " open as the application keeps it."
    )
    rows = []
    for queries, name in ((QUERIES, "the 30 queries"), (ALL_QUERIES, "with the variants")):
        for label, fraction in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
            measured = percentile(_runs(archive_subject, queries), fraction)
            base = percentile(_runs(baseline, queries), fraction)
            rows.append([f"{name}: {label}", ms(measured), ms(base), ratio(measured, base)])
    section.table(
        [
            f"{len(ALL_QUERIES)} queries × {sizes.repetitions} runs",
            archive_subject.label,
            baseline.label,
            "ratio",
        ],
        rows,
    )

    rows = []
    for query in ALL_QUERIES:
        measured = _p50(archive_subject, query)
        base = _p50(baseline, query)
        same = baseline.top[query] == archive_subject.top[query]
        rows.append(
            [
                f"`{query}`",
                f"{matching[query]:,}",
                ms(measured),
                ms(base),
                ratio(measured, base),
                "yes" if same else "**no**",
                ms(_p50(rank_first, query)),
            ]
        )
    section.table(
        [
            "query",
            "matching rows",
            "archive p50",
            "baseline p50",
            "ratio",
            "same top 50",
            "archive, bm25 over every match",
        ],
        rows,
    )

    section.text(
        "Where the time goes: the same queries against the same rows, changing one thing at a"
        " time. The archive and the baseline rows repeat the timings above; the others ran"
        f" {sizes.diagnostic_repetitions} times per query after a warm-up. SQLCipher's memory"
        " security is a setting of the whole process, so the rows marked * ran in a separate"
        f" process with it {other}. The last row runs"
        " `RANK_FIRST_SQL` (tests/bench/search_timing.py) on its own: bm25 over every match, as"
        " `search.search` did before a word in more than `search.COMMON` records was answered"
        " with the first of them in the order added; no snippets."
    )
    configurations = [
        baseline,
        *([isolated[isolated_plain]] if cipher_plain else []),
        *cipher_plain,
        isolated[isolated_archive],
        archive_subject,
        rank_first,
    ]
    base_p50 = percentile(baseline.all_runs(), 0.5)
    rows = []
    for subject in configurations:
        p50 = percentile(subject.all_runs(), 0.5)
        starred = subject.label in (isolated_plain, isolated_archive)
        agreeing = sum(subject.top[query] == archive_subject.top[query] for query in ALL_QUERIES)
        rows.append(
            [
                subject.label + (" *" if starred else ""),
                ms(p50),
                ms(percentile(subject.all_runs(), 0.95)),
                secs(sum(_p50(subject, query) for query in ALL_QUERIES)),
                ratio(p50, base_p50),
                f"{agreeing}/{len(ALL_QUERIES)}",
            ]
        )
    section.table(
        [
            "configuration",
            "p50",
            "p95",
            "one pass (sum of medians)",
            "p50 ÷ baseline",
            "same top 50 as archive",
        ],
        rows,
    )

    archive_target, plain_target = targets
    section.table(
        ["build", "archive", plain_target.label, "ratio"],
        [
            [
                f"{sizes.people} people, {len(tree)} tags, {loaded.documents:,} documents and"
                f" {loaded.texts:,} texts via `amanat.core.storage`,"
                f" {sizes.plan.transaction_documents:,} documents per transaction",
                secs(archive_target.seconds),
                secs(plain_target.seconds),
                ratio(archive_target.seconds, plain_target.seconds),
            ],
            [
                "of which `search.index` (normalise + FTS5 insert): the index build",
                secs(archive_target.index_seconds),
                secs(plain_target.index_seconds),
                ratio(archive_target.index_seconds, plain_target.index_seconds),
            ],
            [
                "normalising the index again from the records (migration 5)",
                secs(reindex_seconds),
                "",
                "",
            ],
            [
                "rows in the search index",
                f"{loaded.index_rows[archive_target.label]:,}",
                f"{loaded.index_rows[plain_target.label]:,}",
                "",
            ],
            [
                "size on disk after checkpoint",
                mib(archive_size),
                mib(plain_size),
                ratio(archive_size, plain_size),
            ],
        ],
    )
    section.bullets(
        [
            loaded.describe(sizes.plan),
            "Memory security in the archive's connection: "
            + f"{setting}, as `vault` sets it (docs/search.md says why).",
        ]
    )
    shutil.rmtree(folder)
    plain_path.unlink()
    return section


def _runs(subject: Subject, queries: tuple[str, ...]) -> list[float]:
    return [seconds for query in queries for seconds in subject.runs[query]]


def _p50(subject: Subject, query: str) -> float:
    return percentile(subject.runs[query], 0.5)
