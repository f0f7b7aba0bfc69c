"""Filling the compared databases with the same letters through the product's storage modules.

Letters are generated once, a transaction's worth at a time, and each database receives that
batch in its own transaction, so the (slow, Python-side) generation of text is not counted and
each database's time includes its commits.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from unittest import mock

from amanat.core import search
from amanat.core.database import Database
from amanat.core.records import Person, Tag
from amanat.core.storage import documents, people, tags, texts
from tests.bench.corpus import Letter
from tests.bench.measure import clocked, secs


@dataclass
class Target:
    label: str
    db: Database
    seconds: float = 0.0
    """Inside the storage calls (people, tags, documents, texts), commits included."""
    index_seconds: float = 0.0
    """Of which inside search.index (normalising the text and writing the index rows)."""


@dataclass(frozen=True, slots=True)
class Plan:
    transaction_documents: int
    """Documents per transaction (the whole load for a single transaction)."""
    sample_documents: int
    """After this many documents in the first database, its build time is projected."""
    budget_seconds: float = 420
    """Projected build time above which the rest is loaded with the shortcut (see load). The
    storage path projects 2.5 to 5 minutes for the search case on a 2-core machine, depending
    on what else runs; an index update that scans the whole index (as search.unindex did
    before the search_rows table) projects hours."""


@dataclass
class Load:
    documents: int = 0
    texts: int = 0
    sample_seconds: float = 0.0
    """The first database's time for the first ``sample_documents`` documents."""
    projected_seconds: float = 0.0
    shortcut_from: int | None = None
    """How many documents went in the normal way before the shortcut was taken, if it was."""
    last_batch: tuple[int, float] = (0, 0.0)
    """The first database's last transaction: documents, seconds."""
    index_rows: dict[str, int] = field(default_factory=dict)

    def describe(self, plan: Plan) -> str:
        """How the archive was filled, and how the cost per document grew as it filled."""
        rate = self.sample_seconds / plan.sample_documents * 1000
        documents, seconds = self.last_batch
        growth = (
            f", the last {documents:,} at {seconds / documents * 1000:.2f} ms each"
            if self.documents > documents
            else ""
        )
        if self.shortcut_from is None:
            return (
                f"Every record went through the storage modules. In the archive the first"
                f" {plan.sample_documents:,} documents took {rate:.2f} ms each (projecting"
                f" {secs(self.projected_seconds)} for all){growth}."
            )
        return (
            f"**Shortcut taken**: the first {self.shortcut_from:,} documents took {rate:.2f} ms"
            f" each in the archive, projecting {secs(self.projected_seconds)}, past the"
            f" {plan.budget_seconds:.0f} s budget; the rest went in with `search.unindex`"
            f" skipped (for new records it has nothing to remove){growth}."
        )


def add_people_and_tags(targets: list[Target], everyone: list[Person], tree: list[Tag]) -> None:
    """The people and tags the letters refer to, in one transaction per database."""
    for target in targets:
        started = time.perf_counter()
        with target.db.transaction():
            for person in everyone:
                people.add(target.db, person)
            for tag in tree:
                tags.add(target.db, tag)
        target.seconds += time.perf_counter() - started


def load(targets: list[Target], letters: Iterable[Letter], total: int, plan: Plan) -> Load:
    """Add every letter to every target with ``documents.add`` and ``texts.add``.

    Should the storage path project to more than the plan's budget (an index update that
    grows with the archive makes a build quadratic), the rest is added with
    ``search.unindex`` replaced by a no-op. For a record just created it can remove nothing,
    so the databases end up the same, only sooner; the report says when this happened.
    """
    result = Load()
    first = targets[0]
    with contextlib.ExitStack() as shortcut, clocked(search, "index") as index_clock:
        for batch in _batches(letters, plan.transaction_documents):
            for target in targets:
                index_before = index_clock.seconds
                started = time.perf_counter()
                with target.db.transaction():
                    for letter in batch:
                        documents.add(target.db, letter.document)
                        for text in letter.texts:
                            texts.add(target.db, text)
                        if target is not first:
                            continue
                        result.documents += 1
                        result.texts += len(letter.texts)
                        if result.documents == plan.sample_documents:
                            so_far = target.seconds + time.perf_counter() - started
                            result.sample_seconds = so_far
                            result.projected_seconds = so_far / result.documents * total
                            if result.projected_seconds > plan.budget_seconds:
                                result.shortcut_from = result.documents
                                shortcut.enter_context(
                                    mock.patch.object(search, "unindex", _nothing_to_unindex)
                                )
                batch_seconds = time.perf_counter() - started
                target.seconds += batch_seconds
                target.index_seconds += index_clock.seconds - index_before
                if target is first:
                    result.last_batch = (len(batch), batch_seconds)
    for target in targets:
        result.index_rows[target.label] = int(target.db.value("SELECT count(*) FROM search_index"))
    return result


def _nothing_to_unindex(db: Database, record_type: str, record_id: str) -> None:
    """Stands in for search.unindex for records that were just created."""


def _batches(letters: Iterable[Letter], size: int) -> Iterator[list[Letter]]:
    iterator = iter(letters)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
