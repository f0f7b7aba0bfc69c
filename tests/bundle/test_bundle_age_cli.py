"""A bundle opens with the reference ``age`` tool, for an advocate without Amanat."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from amanat.core.bundle import identity
from amanat.core.bundle.export import ExportScope
from amanat.core.vault import Archive
from tests.helpers.bundles import export_to, fill, new_archive


def test_age_opens_our_bundle_and_the_tar_lists_the_manifest(archive: Archive, tmp_path: Path):
    age = shutil.which("age")
    if age is None:
        message = "the age command-line tool is not installed (Debian package: age)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    sample = fill(archive)
    with new_archive(tmp_path / "advocate.amanat") as advocate:
        bundle = export_to(archive, advocate, tmp_path / "b.age", ExportScope(sample.prisoner))
        key_file = tmp_path / "key.txt"
        key_file.write_text(identity.ensure(advocate.db).age_identity.to_string() + "\n")
    done = subprocess.run(
        [age, "-d", "-i", str(key_file), str(bundle)], capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    with tarfile.open(fileobj=io.BytesIO(done.stdout), mode="r:") as tar:
        names = tar.getnames()
    assert names[:3] == ["manifest.json", "manifest.sig", "README.txt"]
    assert any(name.startswith("files/") for name in names)
