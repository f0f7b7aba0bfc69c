"""A backup's manifest is read within limits: a hostile one is a damaged backup, never a
raw RecursionError, and no archive folder appears."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from amanat.core import backup
from amanat.core.errors import BackupDamaged


def _backup_with_manifest(path: Path, manifest: bytes) -> Path:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in (("keys.json", b"{}"), ("archive.db", b"x"), (backup.MANIFEST, manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(
    "manifest",
    [b"[" * 60_000, b'{"a":' * 12_000, b'{"format": "amanat-backup"' + b" " * 70_000 + b"}"],
    ids=["60,000 brackets", "12,000 nested objects", "over 64 KiB"],
)
def test_a_hostile_backup_manifest_is_a_damaged_backup(tmp_path: Path, manifest: bytes):
    source = _backup_with_manifest(tmp_path / "hostile.amanat-backup", manifest)
    with pytest.raises(BackupDamaged):
        backup.restore(source, tmp_path / "restored.amanat")
    assert not (tmp_path / "restored.amanat").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["hostile.amanat-backup"]
