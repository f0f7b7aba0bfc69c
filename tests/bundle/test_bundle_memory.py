"""A bundle of 20 MB pages is written and imported holding at most two of those files, not
the bundle: memory stays flat whatever the number of files.

SQLCipher's Python binding has no incremental blob I/O (no ``blobopen``), so each file is
read from, and written into, the database whole. Export and import are pipelines of two (one
file is read from the database while the one before is encrypted; one is decrypted while the
one before is stored), so the peak is two files (40 MB) plus small buffers. With four such
pages the bundle is 80 MB and the peak stays near 40 MB, which shows it does not grow with
the bundle."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from amanat.core.bundle import X25519Recipient, contacts, identity
from amanat.core.bundle.export import ExportOptions, ExportScope, plan_export, write_bundle
from amanat.core.bundle.importer import import_bundle
from amanat.core.records import Document, DocumentKind
from amanat.core.storage import documents, pages
from amanat.core.vault import Archive
from tests.helpers.bundles import new_archive

MB = 1024 * 1024
SIZE = 20 * MB
PAGES = 4
T = TypeVar("T")


def _peak(work: Callable[[], T]) -> tuple[T, int]:
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_for_large_pages(archive: Archive, tmp_path: Path):
    document = documents.add(archive.db, Document(DocumentKind.LETTER, "Scans"))
    for _ in range(PAGES):
        pages.add(archive.db, document.id, os.urandom(SIZE), "scan.bin")
    advocate = new_archive(tmp_path / "advocate.amanat")
    keys = identity.ensure(archive.db)
    contacts.add(advocate.db, "Family", keys.age_recipient, keys.signing_key, verified=True)
    key = identity.ensure(advocate.db).age_identity
    plan = plan_export(
        archive.db, ExportScope(document_ids=(document.id,)), ExportOptions(originals=True)
    )
    bundle = tmp_path / "big.age"
    recipient = X25519Recipient.parse(key.recipient().to_string())

    _, export_peak = _peak(lambda: write_bundle(archive.db, plan, bundle, [recipient]))
    assert bundle.stat().st_size > PAGES * SIZE
    assert export_peak < 2 * SIZE + 8 * MB, export_peak

    report, import_peak = _peak(lambda: import_bundle(advocate.db, bundle, [key]))
    assert report.imported and report.counts["files"] == PAGES
    assert import_peak < 2 * SIZE + 8 * MB, import_peak
    advocate.lock()
