"""Build Amanat's installers: ``python packaging/package.py STEP...`` (the Makefile's
``make package`` and ``make package-check`` call it).

Steps, in the order a release runs them:

- ``freeze``: the icons and the collected licences, then PyInstaller (packaging/amanat.spec)
  into ``build/dist/amanat``, with SOURCE_DATE_EPOCH taken from the last commit so that two
  builds of one commit are the same bytes.
- ``glibc``: the newest glibc symbol any bundled library needs, failing above the floor
  (``glibc-strict``: Python and the bootloader held to the floor too, for the release).
- ``tarball``, ``deb``: the portable ``.tar.gz`` and the ``.deb`` into ``build/out``.
- ``windows``: the NSIS installer and the portable zip, made on Linux with ``makensis`` from a
  frozen Windows folder; ``nsis-stand-in`` does the same with the Linux folder, only to check
  that the script compiles (the result is named so and never published).
- ``sums``: ``SHA256SUMS`` beside the artefacts.

Everything else a release needs (signing, the macOS disk image) is in the workflow,
.github/workflows/release.yml, and the scripts beside this one.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist" / "amanat"
OUT = BUILD / "out"
APP_ID = "org.amanat.Amanat"
# The oldest glibc the pinned wheels allow: PySide6 6.11 is built for manylinux_2_34.
GLIBC_FLOOR = (2, 34)
# Runtime libraries the .deb asks of the system: what Qt's xcb and wayland windows load and
# are not bundled (Qt's wheels leave X and GL to the system), and PulseAudio's client library,
# which Qt Multimedia links to play recordings (PipeWire systems provide it too).
DEB_DEPENDS = (
    "libc6 (>= 2.34), libegl1, libgl1, libfontconfig1, libfreetype6, libdbus-1-3, "
    "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, "
    "libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, "
    "libx11-xcb1, libwayland-cursor0, libwayland-egl1, libpulse0"
)


def version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def source_date_epoch() -> int:
    """The last commit's time: every file's date in the packages, so that they depend on
    the commit alone."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


# --- the licences of what is bundled ---------------------------------------------------------

_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


def bundled_distributions() -> list[importlib.metadata.Distribution]:
    """Amanat's runtime dependencies, followed from its own metadata (no test or build tools)."""
    from packaging.requirements import Requirement

    seen: dict[str, importlib.metadata.Distribution] = {}
    todo = ["amanat"]
    while todo:
        distribution = importlib.metadata.distribution(todo.pop())
        key = distribution.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = distribution
        for line in distribution.requires or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(requirement.name)
    seen.pop("amanat")
    return [seen[key] for key in sorted(seen)]


def collect_licences(out: Path) -> None:
    """Every bundled component's licence files, and a summary naming each with its version."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy(ROOT / "LICENSE", out / "Amanat-GPL-3.0-or-later.txt")
    shutil.copy(ROOT / "resources" / "fonts" / "OFL.txt", out / "Vazirmatn-OFL.txt")
    python_licence = (
        Path(sys.base_prefix)
        / "lib"
        / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "LICENSE.txt"
    )
    if not python_licence.exists():  # Windows keeps it at the top of the installation
        python_licence = Path(sys.base_prefix) / "LICENSE.txt"
    shutil.copy(python_licence, out / "Python-LICENSE.txt")
    summary = [
        "Amanat bundles the following components. Each one's licence is in this folder.",
        "",
        f"Amanat {version()}: GPL-3.0-or-later (Amanat-GPL-3.0-or-later.txt)",
        f"Python {sys.version.split()[0]}: PSF-2.0 (Python-LICENSE.txt)",
        "Vazirmatn font: SIL Open Font License 1.1 (Vazirmatn-OFL.txt)",
    ]
    for distribution in bundled_distributions():
        name = distribution.metadata["Name"]
        declared = (
            distribution.metadata.get("License-Expression")
            or (distribution.metadata.get("License") or "").splitlines()[0:1]
        )
        expression = declared if isinstance(declared, str) else "".join(declared)
        folder = out / f"{name}-{distribution.version}"
        folder.mkdir()
        for file in distribution.files or []:
            # Named so, or kept in the dist-info's licenses/ folder (PEP 639).
            listed = ".dist-info/licenses/" in str(file).replace("\\", "/")
            if (listed or _LICENCE_FILE.search(file.name)) and not str(file).endswith(".py"):
                target = folder / str(file).replace("/", "_").replace("\\", "_")
                target.write_bytes(Path(str(distribution.locate_file(file))).read_bytes())
        if name.lower().startswith(("pyside6", "shiboken6")):
            # Qt for Python ships no licence file; it is used under the LGPL-3.0.
            shutil.copy(ROOT / "packaging" / "licences" / "LGPL-3.0.txt", folder / "LGPL-3.0.txt")
            shutil.copy(ROOT / "LICENSE", folder / "GPL-3.0.txt")
        summary.append(f"{name} {distribution.version}: {expression or 'see its folder'}")
    (out / "THIRD-PARTY.txt").write_text("\n".join(summary) + "\n", encoding="utf-8")


# --- freezing ---------------------------------------------------------------------------------


def freeze(dist_root: Path = BUILD / "dist", work: Path = BUILD / "freeze") -> Path:
    sys.path.insert(0, str(ROOT / "packaging"))
    import icon

    icons = BUILD / "icons"
    icon.write_all(icons)
    licences = BUILD / "licences"
    collect_licences(licences)
    env = dict(
        os.environ,
        SOURCE_DATE_EPOCH=str(source_date_epoch()),
        PYTHONHASHSEED="0",
        AMANAT_ICONS=str(icons),
        AMANAT_LICENCES=str(licences),
        AMANAT_VERSION=version(),
    )
    shutil.rmtree(dist_root / "amanat", ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(dist_root),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "amanat.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    folder = dist_root / "amanat"
    shutil.copy(ROOT / "packaging" / "linux" / "README-portable.txt", folder / "README.txt")
    stamp(folder, source_date_epoch())
    return folder


def stamp(folder: Path, epoch: int) -> None:
    """Give every file and folder the commit's time (archives record it)."""
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def files_of(folder: Path) -> Iterator[Path]:
    return iter(sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()))


def digests(folder: Path) -> dict[str, str]:
    """Each file's SHA-256 (a link: where it points), by its path in the folder."""
    return {
        str(p.relative_to(folder)): (
            f"-> {os.readlink(p)}" if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
        )
        for p in files_of(folder)
    }


# --- Linux -------------------------------------------------------------------------------------


def _tar_filter(epoch: int):  # type: ignore[no-untyped-def]
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = epoch
        if info.isfile() or info.isdir():
            executable = info.isdir() or info.mode & 0o100
            info.mode = 0o755 if executable else 0o644
        return info

    return normalise


def deterministic_tar_gz(source: Path, top: str, target: Path, epoch: int) -> None:
    """A .tar.gz whose bytes depend only on the files: sorted names, one owner, one date."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as archive:
        archive.add(source, arcname=top, recursive=False, filter=_tar_filter(epoch))
        for path in files_of_and_dirs(source):
            archive.add(
                path,
                arcname=f"{top}/{path.relative_to(source)}",
                recursive=False,
                filter=_tar_filter(epoch),
            )
    with (
        target.open("wb") as file,
        gzip.GzipFile(filename="", mode="wb", fileobj=file, mtime=epoch, compresslevel=9) as packed,
    ):
        packed.write(raw.getvalue())


def files_of_and_dirs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"), key=lambda p: str(p.relative_to(folder)))


def portable_tarball(folder: Path = DIST) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"amanat-{version()}-linux-x86_64.tar.gz"
    deterministic_tar_gz(folder, f"amanat-{version()}", target, source_date_epoch())
    return target


def deb(folder: Path = DIST) -> Path:
    """The .deb: the folder in /opt/amanat, commands in /usr/bin, the menu entry, the AppStream
    description and the icon in every size."""
    epoch = source_date_epoch()
    stage = BUILD / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(folder, stage / "opt" / "amanat", symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "amanat").symlink_to("/opt/amanat/amanat")
    (bin_dir / "amanat-gui").symlink_to("/opt/amanat/Amanat")
    share = stage / "usr" / "share"
    linux = ROOT / "packaging" / "linux"
    (share / "applications").mkdir(parents=True)
    shutil.copy(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir(parents=True)
    shutil.copy(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = BUILD / "icons"
    for png in icons.glob("amanat-*.png"):
        size = png.stem.split("-")[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(icons / "amanat.svg", scalable / f"{APP_ID}.svg")
    doc = share / "doc" / "amanat"
    doc.mkdir(parents=True)
    shutil.copy(linux / "copyright", doc / "copyright")
    control = stage / "DEBIAN"
    control.mkdir()
    size_kib = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    (control / "control").write_text(
        (linux / "control.in")
        .read_text(encoding="utf-8")
        .format(version=version(), size=size_kib, depends=DEB_DEPENDS),
        encoding="utf-8",
    )
    for path in stage.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(0o755 if path.stat().st_mode & 0o100 else 0o644)
        elif path.is_dir():
            path.chmod(0o755)
    stamp(stage, epoch)
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"amanat_{version()}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
        env=dict(os.environ, SOURCE_DATE_EPOCH=str(epoch)),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


# --- Windows (from a frozen Windows folder, or the Linux one as a stand-in) -------------------


def windows_installer(folder: Path = DIST, stand_in: bool = True) -> list[Path]:
    """The per-user NSIS installer and the portable zip. ``stand_in``: the folder is Linux's,
    only to prove the script compiles; the installer is named so and never published, and
    no zip is made."""
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "-stand-in" if stand_in else ""
    installer = OUT / f"amanat-{version()}-windows-x64-setup{suffix}.exe"
    subprocess.run(
        [
            "makensis",
            "-V2",
            "-INPUTCHARSET",
            "UTF8",
            f"-DSOURCE_DIR={folder}",
            f"-DOUTFILE={installer}",
            f"-DVERSION={version()}",
            f"-DICON={BUILD / 'icons' / 'amanat.ico'}",
            f"-DWINDOW_EXE={'Amanat' if stand_in else 'Amanat.exe'}",
            str(ROOT / "packaging" / "windows" / "amanat.nsi"),
        ],
        env=dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch())),
        check=True,
    )
    if stand_in:
        return [installer]  # a zip of the Linux folder would prove nothing more
    portable = OUT / f"amanat-{version()}-windows-x64-portable.zip"
    deterministic_zip(folder, f"amanat-{version()}", portable, source_date_epoch())
    return [installer, portable]


def deterministic_zip(source: Path, top: str, target: Path, epoch: int) -> None:
    stamp_tuple = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files_of_and_dirs(source):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(source).as_posix()}", stamp_tuple)
            info.external_attr = (0o755 if path.stat().st_mode & 0o100 else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


# --- checks -------------------------------------------------------------------------------------


def sha256_sums(artefacts: Iterable[Path]) -> Path:
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}"
        for path in sorted(artefacts)
    ]
    target = OUT / "SHA256SUMS"
    target.write_text("\n".join(lines) + "\n", encoding="ascii")
    return target


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def glibc_needed(folder: Path = DIST) -> dict[str, tuple[int, int]]:
    """For each bundled ELF file, the newest GLIBC_x.y symbol version it needs."""
    needs: dict[str, tuple[int, int]] = {}
    pattern = re.compile(r"GLIBC_(\d+)\.(\d+)")
    for path in files_of(folder):
        if path.is_symlink() or not is_elf(path):
            continue
        table = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=True
        ).stdout
        versions = [(int(a), int(b)) for a, b in pattern.findall(table)]
        if versions:
            needs[str(path.relative_to(folder))] = max(versions)
    return needs


# What the build machine itself puts in the folder, rather than the pinned wheels: the
# bootloaders, Python and its modules, and the few system libraries Python's modules link.
_FROM_BUILD_MACHINE = re.compile(
    r"^/(Amanat|amanat|amanat-cli)$|libpython|python3\.\d+/lib-dynload/|"
    r"/lib(ffi|bz2|lzma|z|crypto|ssl|expat|uuid|mpdec|sqlite3|readline|ncursesw|tinfo)\.so"
)


def host_glibc() -> tuple[int, int]:
    major, minor = os.confstr("CS_GNU_LIBC_VERSION").split()[1].split(".")[:2]  # type: ignore[union-attr]
    return int(major), int(minor)


def check_glibc(
    folder: Path = DIST, floor: tuple[int, int] = GLIBC_FLOOR, strict: bool = False
) -> int:
    """Report the newest glibc any bundled ELF file needs; fail when a file needs more than
    the floor. What the build machine compiled (Python, the bootloader) can need no more than
    that machine's glibc, so outside ``strict`` (the release's glibc 2.34 container) it is held
    to the machine's glibc and reported, and only the wheels' files to the floor."""
    needs = glibc_needed(folder)
    if not needs:
        print(f"glibc: no ELF file in {folder}: freeze first")
        return 1
    newest = max(needs.values())
    host = host_glibc()
    print(
        f"glibc: {len(needs)} ELF files; the newest symbol needed is GLIBC_{newest[0]}.{newest[1]}"
        f" (floor {floor[0]}.{floor[1]}, this machine {host[0]}.{host[1]})"
    )
    failed = 0
    for name, need in sorted(needs.items()):
        if need <= floor:
            continue
        from_machine = bool(_FROM_BUILD_MACHINE.search("/" + name))
        limit = floor if strict or not from_machine else host
        verdict = "TOO NEW" if need > limit else "built here, so above the floor here"
        print(f"  {name} needs GLIBC_{need[0]}.{need[1]}: {verdict}")
        failed |= need > limit
    wheels = [need for name, need in needs.items() if not _FROM_BUILD_MACHINE.search("/" + name)]
    top = max(wheels)
    print(f"  the pinned wheels' files need at most GLIBC_{top[0]}.{top[1]}")
    return 1 if failed else 0


STEPS = (
    "icons",
    "licences",
    "freeze",
    "glibc",
    "tarball",
    "deb",
    "windows",
    "nsis-stand-in",
    "sums",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="+", choices=STEPS)
    args = parser.parse_args(argv)
    status = 0
    for step in args.steps:
        started = time.monotonic()
        made: list[Path] = []
        if step == "icons":
            sys.path.insert(0, str(ROOT / "packaging"))
            import icon

            icon.write_all(BUILD / "icons")
        elif step == "licences":
            collect_licences(BUILD / "licences")
        elif step == "freeze":
            freeze()
        elif step in ("glibc", "glibc-strict"):
            status |= check_glibc(strict=step == "glibc-strict")
        elif step == "tarball":
            made = [portable_tarball()]
        elif step == "deb":
            made = [deb()]
        elif step == "windows":
            made = windows_installer(stand_in=False)
        elif step == "nsis-stand-in":
            made = windows_installer(stand_in=True)
        elif step == "sums":
            artefacts = [p for p in OUT.iterdir() if p.name != "SHA256SUMS"]
            print(sha256_sums(artefacts).read_text(), end="")
        for artefact in made:
            print(f"{artefact.relative_to(ROOT)}: {artefact.stat().st_size / 1e6:.1f} MB")
        print(f"[{step}: {time.monotonic() - started:.0f} s]")
    return status


if __name__ == "__main__":
    sys.exit(main())
