"""The installers' building blocks (packaging/package.py, packaging/icon.py): what makes two
builds of one commit identical, the glibc verdicts, the licences and the icon."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest
from PIL import Image

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))
import icon  # noqa: E402
import package  # noqa: E402

EPOCH = 1_700_000_000


def _folder(root: Path, mtime: int) -> Path:
    folder = root / "amanat"
    (folder / "_internal" / "lib").mkdir(parents=True)
    (folder / "amanat").write_bytes(b"\x7fELF program")
    (folder / "amanat").chmod(0o755)
    (folder / "_internal" / "lib" / "b.so").write_bytes(b"library")
    (folder / "_internal" / "a.txt").write_text("licence", encoding="utf-8")
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (mtime, mtime))
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_portable_archive_depends_on_the_files_alone(tmp_path: Path) -> None:
    first = _folder(tmp_path / "one", mtime=1_000_000)
    second = _folder(tmp_path / "two", mtime=2_000_000)  # another day, another checkout
    package.deterministic_tar_gz(first, "amanat-1", tmp_path / "one.tar.gz", EPOCH)
    package.deterministic_tar_gz(second, "amanat-1", tmp_path / "two.tar.gz", EPOCH)
    assert _sha(tmp_path / "one.tar.gz") == _sha(tmp_path / "two.tar.gz")
    with tarfile.open(tmp_path / "one.tar.gz") as archive:
        members = archive.getmembers()
    assert [m.name for m in members] == sorted(m.name for m in members)
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, EPOCH)}
    program = next(m for m in members if m.name == "amanat-1/amanat")
    assert program.mode == 0o755  # still runs once unpacked


def test_the_portable_zip_depends_on_the_files_alone(tmp_path: Path) -> None:
    first = _folder(tmp_path / "one", mtime=1_000_000)
    second = _folder(tmp_path / "two", mtime=2_000_000)
    package.deterministic_zip(first, "amanat-1", tmp_path / "one.zip", EPOCH)
    package.deterministic_zip(second, "amanat-1", tmp_path / "two.zip", EPOCH)
    assert _sha(tmp_path / "one.zip") == _sha(tmp_path / "two.zip")
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.read("amanat-1/_internal/a.txt") == b"licence"


def test_sums_name_every_artefact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "OUT", tmp_path)
    artefact = tmp_path / "amanat.deb"
    artefact.write_bytes(b"deb")
    assert package.sha256_sums([artefact]).read_text() == f"{_sha(artefact)}  amanat.deb\n"


@pytest.mark.parametrize(
    ("needs", "strict", "status"),
    [
        ({"_internal/PySide6/Qt/lib/libQt6Core.so.6": (2, 34)}, False, 0),
        ({"_internal/PySide6/Qt/lib/libQt6Core.so.6": (2, 35)}, False, 1),  # a wheel too new
        ({"_internal/libpython3.11.so.1.0": (2, 35)}, False, 0),  # built on this machine
        ({"_internal/libpython3.11.so.1.0": (2, 35)}, True, 1),  # the release's container
        ({"_internal/libpython3.11.so.1.0": (2, 99)}, False, 1),  # newer than any machine
    ],
)
def test_the_glibc_floor(
    monkeypatch: pytest.MonkeyPatch,
    needs: dict[str, tuple[int, int]],
    strict: bool,
    status: int,
) -> None:
    wheel = {"_internal/PIL/_imaging.so": (2, 17)}
    monkeypatch.setattr(package, "glibc_needed", lambda folder: {**wheel, **needs})
    monkeypatch.setattr(package, "host_glibc", lambda: (2, 36))
    assert package.check_glibc(Path("."), (2, 34), strict=strict) == status


def test_the_build_machines_own_files_are_told_from_the_wheels() -> None:
    from_machine = re.compile(package._FROM_BUILD_MACHINE.pattern)
    for name in (
        "amanat",
        "Amanat",
        "_internal/libpython3.11.so.1.0",
        "_internal/libffi.so.8",
        "_internal/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
    ):
        assert from_machine.search("/" + name), name
    for name in (
        "_internal/PySide6/Qt/lib/libQt6Gui.so.6",
        "_internal/libxcb-9065bb12.so.1.1.0",
        "_internal/liblzma-de26b416.so.5.8.4",
        "_internal/cryptography/hazmat/x.so",
    ):
        assert not from_machine.search("/" + name), name


def test_every_bundled_library_brings_its_licence(tmp_path: Path) -> None:
    package.collect_licences(tmp_path)
    summary = (tmp_path / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    names = [d.metadata["Name"] for d in package.bundled_distributions()]
    assert {"cryptography", "PySide6_Essentials", "sqlcipher3"} <= {
        n.replace("-", "_") for n in names
    } | set(names)
    for name in names:
        assert name in summary
        (folder,) = tmp_path.glob(f"{name}-*")
        assert any(folder.iterdir()), f"no licence file for {name}"
    assert "pytest" not in summary  # the test tools are not shipped
    assert "GNU GENERAL PUBLIC LICENSE" in (tmp_path / "Amanat-GPL-3.0-or-later.txt").read_text()


def test_the_icon_in_every_size(tmp_path: Path) -> None:
    icon.write_all(tmp_path)
    for size in icon.SIZES:
        with Image.open(tmp_path / f"amanat-{size}.png") as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 2))[3] == 255  # drawn, not empty
    assert ElementTree.parse(tmp_path / "amanat.svg").getroot().tag.endswith("svg")
    assert (tmp_path / "amanat.ico").stat().st_size > 0
    assert (tmp_path / "amanat.icns").stat().st_size > 0


def test_the_uninstaller_removes_only_what_it_installed() -> None:
    script = (PACKAGING / "windows" / "amanat.nsi").read_text(encoding="utf-8")
    uninstall = script[script.index('Section "Uninstall"') :]
    recursive = re.findall(r'RMDir /r "([^"]+)"', uninstall)
    assert recursive == ["$INSTDIR\\_internal"]  # never the folder an archive may be in
    assert 'RMDir "$INSTDIR"' in uninstall  # the folder itself only when empty
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\Amanat"' in script
