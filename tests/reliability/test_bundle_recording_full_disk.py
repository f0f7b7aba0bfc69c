"""A disk that fills while a recording's stripped copy is written into a bundle, piece by
piece as the decoding worker makes it: one sentence, no bundle and no partial one left, and
the workers ready for the next export.

The small disk is the tmpfs of test_full_disk.py (it needs root, as CI and the development
container have; elsewhere the test is skipped, saying why)."""

from __future__ import annotations

from pathlib import Path

import pytest

from amanat.core.bundle import X25519Identity
from amanat.core.bundle.export import ExportScope, plan_export, write_bundle
from amanat.core.errors import DiskFullAt
from amanat.core.records import Audience, Consent, Document, DocumentKind
from amanat.core.scans import ImportOptions, import_files
from amanat.core.storage import documents
from amanat.core.vault import Archive
from tests.core.test_recordings_streamed import noisy_wav
from tests.reliability.test_full_disk import (  # noqa: F401  (small_disk is a fixture)
    MB,
    fill_until,
    small_disk,
)


def test_a_bundle_of_a_recording_on_a_full_disk_says_so_and_leaves_no_partial_file(
    small_disk: Path,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
    archive: Archive,
) -> None:
    document = documents.add(
        archive.db, Document(DocumentKind.TESTIMONY, "Hearing", consent=Consent(Audience.ADVOCATES))
    )
    call = noisy_wav(tmp_path / "call.wav", 12 * MB)
    import_files(archive.db, [call], ImportOptions(document_id=document.id))
    plan = plan_export(archive.db, ExportScope(document_ids=(document.id,)))
    recipient = X25519Identity.generate().recipient()
    filler = fill_until(small_disk, 4)
    before = sorted(p.name for p in small_disk.iterdir())
    with pytest.raises(DiskFullAt) as refused:
        write_bundle(archive.db, plan, small_disk / "b.age", [recipient])
    assert refused.value.message.startswith(f"The disk is full where {small_disk} is")
    assert sorted(p.name for p in small_disk.iterdir()) == before
    filler.unlink()  # the user frees some space, and tries again
    write_bundle(archive.db, plan, small_disk / "b.age", [recipient])
    assert (small_disk / "b.age").stat().st_size > 12 * MB
